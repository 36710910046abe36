//! The one SQL implementation of [`CaseStore`](super::CaseStore), over any [`Backend`].
//!
//! Every statement and the schema are written once, here, with `?1`-style parameters; a
//! backend only runs them (PostgreSQL rewrites the placeholders to `$1`) and says how its
//! [`Dialect`] differs where SQL itself does (row locks, auto-increment keys, scrubbing).
//! A change to what is stored is therefore made in one place for both engines.

mod audit;
mod codec;
mod schema;
mod store;
mod throttle;
mod tx;

pub use audit::{AuditAnchor, AuditHead, KeyAnchor};
pub use store::SqlStore;
pub use throttle::AttemptTicket;

pub use schema::SCHEMA_VERSION;

use crate::Result;

/// Where two SQL engines differ in what the shared statements need.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    /// SQLite 3.35 or later.
    Sqlite,
    /// PostgreSQL 12 or later.
    Postgres,
}

impl Dialect {
    /// The clause that locks the rows a `SELECT` reads until the transaction ends. SQLite
    /// needs none: a write transaction (`BEGIN IMMEDIATE`) already holds the database lock.
    pub fn for_update(self) -> &'static str {
        match self {
            Self::Sqlite => "",
            Self::Postgres => " FOR UPDATE",
        }
    }

    /// The column type of an auto-increment primary key.
    fn serial_key(self) -> &'static str {
        match self {
            Self::Sqlite => "INTEGER PRIMARY KEY AUTOINCREMENT",
            Self::Postgres => "BIGSERIAL PRIMARY KEY",
        }
    }
}

/// A statement parameter.
#[derive(Debug, Clone, Copy)]
pub enum Value<'a> {
    /// Text.
    Text(&'a str),
    /// An integer (stored as a 64-bit integer; PostgreSQL `INTEGER` columns take it when it
    /// fits).
    Int(i64),
    /// SQL `NULL`.
    Null,
}

impl<'a> From<&'a str> for Value<'a> {
    fn from(s: &'a str) -> Self {
        Self::Text(s)
    }
}

impl<'a> From<&'a String> for Value<'a> {
    fn from(s: &'a String) -> Self {
        Self::Text(s)
    }
}

impl From<i64> for Value<'_> {
    fn from(n: i64) -> Self {
        Self::Int(n)
    }
}

impl<'a> From<Option<&'a str>> for Value<'a> {
    fn from(s: Option<&'a str>) -> Self {
        s.map_or(Self::Null, Self::Text)
    }
}

/// One value of a result row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    /// SQL `NULL`.
    Null,
    /// An integer.
    Int(i64),
    /// Text.
    Text(String),
}

impl Cell {
    /// The text, or `None` for `NULL` (and for integers, which no text column holds).
    pub fn text(&self) -> Option<&str> {
        match self {
            Self::Text(s) => Some(s),
            _ => None,
        }
    }

    /// The integer, or `None`.
    pub fn int(&self) -> Option<i64> {
        match self {
            Self::Int(n) => Some(*n),
            _ => None,
        }
    }
}

/// A connection (or an open transaction) of a backend, as the shared statements use it.
pub trait Conn {
    /// The engine's dialect.
    fn dialect(&self) -> Dialect;
    /// Runs one statement and returns the number of rows it changed.
    fn execute(&mut self, sql: &str, params: &[Value<'_>]) -> Result<u64>;
    /// Runs one query and returns its rows.
    fn query(&mut self, sql: &str, params: &[Value<'_>]) -> Result<Vec<Vec<Cell>>>;
    /// Runs several statements without parameters (schema changes).
    fn batch(&mut self, sql: &str) -> Result<()>;
}

/// A SQL engine under [`SqlStore`]: how to get a connection, a transaction and a scrub.
///
/// Implemented by [`Sqlite`](super::Sqlite) and [`Postgres`](super::Postgres). A third engine
/// implements this and gets the whole store, its schema and its conformance suite.
pub trait Backend: Send + Sync {
    /// `"sqlite"`, `"postgres"`, …
    fn name(&self) -> &'static str;

    /// Runs `work` on one consistent snapshot that cannot write.
    fn read(&self, work: &mut dyn FnMut(&mut dyn Conn) -> Result<()>) -> Result<()>;

    /// Runs `work` in one write transaction, committed when it returns `Ok` and rolled back
    /// otherwise.
    fn write(&self, work: &mut dyn FnMut(&mut dyn Conn) -> Result<()>) -> Result<()>;

    /// Makes rows deleted before this call unrecoverable from the engine's files (free pages,
    /// journal, old row versions), for the tables named. Runs outside any transaction.
    fn scrub(&self, tables: &[&str]) -> Result<()>;
}

/// Rewrites `?1`, `?2`, … to `$1`, `$2`, … (PostgreSQL's placeholders). The shared statements
/// hold no `?` inside string literals, so a plain scan is exact.
pub(crate) fn dollar_placeholders(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len());
    let mut chars = sql.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '?' && chars.peek().is_some_and(char::is_ascii_digit) {
            out.push('$');
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_rewritten_only_before_digits() {
        assert_eq!(
            dollar_placeholders("SELECT a FROM t WHERE b = ?1 AND c = ?12 OR d = '?'"),
            "SELECT a FROM t WHERE b = $1 AND c = $12 OR d = '?'"
        );
    }
}
