//! The embedded SQLite engine: one file, WAL journal, `synchronous = FULL`, `secure_delete`.
//!
//! WAL lets readers work while a writer commits; `FULL` makes every commit durable before it
//! returns, so a crash (or SIGKILL) after `transact` returns never loses the commit. Writes take
//! the database lock up front (`BEGIN IMMEDIATE`), which also serialises the audit chain.
//! `secure_delete` overwrites deleted rows with zeros, and [`Backend::scrub`] then rebuilds the
//! file (`VACUUM`) and empties the WAL (`wal_checkpoint(TRUNCATE)`), so that nothing purged
//! survives in free pages or the journal.

use std::path::Path;
use std::sync::Mutex;

use rusqlite::types::{ToSqlOutput, ValueRef};
use rusqlite::{Connection, OpenFlags, ToSql, TransactionBehavior};

use super::sql::{Backend, Cell, Conn, Dialect, SqlStore, Value};
use crate::{Error, Result};

fn db(e: rusqlite::Error) -> Error {
    Error::Store {
        backend: "sqlite",
        reason: e.to_string(),
    }
}

/// The SQLite engine under [`SqliteStore`].
pub struct Sqlite {
    conn: Mutex<Connection>,
}

/// A case store in one SQLite file.
///
/// ```
/// use lantero_cases::store::{CaseStore, SqliteStore};
///
/// let dir = tempfile::tempdir()?;
/// let store = SqliteStore::open(dir.path().join("cases.db"))?;
/// assert_eq!(store.backend(), "sqlite");
/// assert!(store.tenants()?.is_empty());
///
/// // Listing tools open it read-only, and refuse files that are not case stores.
/// let listed = SqliteStore::open_read_only(dir.path().join("cases.db"))?;
/// assert!(listed.tenants()?.is_empty());
/// std::fs::write(dir.path().join("notes.txt"), "not a database")?;
/// assert!(SqliteStore::open_read_only(dir.path().join("notes.txt")).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub type SqliteStore = SqlStore<Sqlite>;

impl SqlStore<Sqlite> {
    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    pub fn open(path: impl AsRef<Path>) -> Result<Self> {
        let conn = Connection::open(path.as_ref()).map_err(db)?;
        Self::migrated(Sqlite::init(conn, true)?)
    }

    /// Opens an existing database only; a missing file is [`Error::NotFound`] instead of a
    /// new empty database (for operator tools, where a typo must not create files).
    pub fn open_existing(path: impl AsRef<Path>) -> Result<Self> {
        let path = path.as_ref();
        must_exist(path)?;
        Self::open(path)
    }

    /// Opens an existing database for reading only, refusing a file that is not a Lantero
    /// case store of the current schema. Nothing is created, migrated or written.
    pub fn open_read_only(path: impl AsRef<Path>) -> Result<Self> {
        let path = path.as_ref();
        must_exist(path)?;
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(db)?;
        Self::checked(Sqlite::init(conn, false)?)
    }
}

fn must_exist(path: &Path) -> Result<()> {
    if path.is_file() {
        Ok(())
    } else {
        Err(Error::NotFound {
            what: "database file",
            id: path.display().to_string(),
        })
    }
}

impl Sqlite {
    fn init(conn: Connection, writable: bool) -> Result<Self> {
        conn.busy_timeout(std::time::Duration::from_secs(10))
            .map_err(db)?;
        if writable {
            let mode: String = conn
                .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
                .map_err(db)?;
            if !mode.eq_ignore_ascii_case("wal") {
                return Err(Error::Store {
                    backend: "sqlite",
                    reason: format!("could not switch to WAL journal (got {mode})"),
                });
            }
            conn.execute_batch(
                "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON;",
            )
            .map_err(db)?;
        }
        Ok(Self {
            conn: Mutex::new(conn),
        })
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Connection> {
        // A panic while holding the lock cannot leave a transaction half-applied (SQLite rolls
        // it back), so a poisoned lock is safe to reuse.
        self.conn.lock().unwrap_or_else(|p| p.into_inner())
    }
}

impl ToSql for Value<'_> {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(match self {
            Self::Text(s) => ToSqlOutput::Borrowed(ValueRef::Text(s.as_bytes())),
            Self::Int(n) => ToSqlOutput::Borrowed(ValueRef::Integer(*n)),
            Self::Null => ToSqlOutput::Borrowed(ValueRef::Null),
        })
    }
}

struct SqliteConn<'a>(&'a Connection);

impl Conn for SqliteConn<'_> {
    fn dialect(&self) -> Dialect {
        Dialect::Sqlite
    }

    fn execute(&mut self, sql: &str, params: &[Value<'_>]) -> Result<u64> {
        let mut stmt = self.0.prepare_cached(sql).map_err(db)?;
        let n = stmt
            .execute(rusqlite::params_from_iter(params.iter()))
            .map_err(db)?;
        Ok(n as u64)
    }

    fn query(&mut self, sql: &str, params: &[Value<'_>]) -> Result<Vec<Vec<Cell>>> {
        let mut stmt = self.0.prepare_cached(sql).map_err(db)?;
        let width = stmt.column_count();
        let mut rows = stmt
            .query(rusqlite::params_from_iter(params.iter()))
            .map_err(db)?;
        let mut out = Vec::new();
        while let Some(row) = rows.next().map_err(db)? {
            let mut cells = Vec::with_capacity(width);
            for i in 0..width {
                cells.push(match row.get_ref(i).map_err(db)? {
                    ValueRef::Null => Cell::Null,
                    ValueRef::Integer(n) => Cell::Int(n),
                    ValueRef::Text(t) => Cell::Text(String::from_utf8_lossy(t).into_owned()),
                    ValueRef::Real(_) | ValueRef::Blob(_) => {
                        return Err(Error::corrupt("row", "unexpected real or blob value"));
                    }
                });
            }
            out.push(cells);
        }
        Ok(out)
    }

    fn batch(&mut self, sql: &str) -> Result<()> {
        self.0.execute_batch(sql).map_err(db)
    }
}

impl Backend for Sqlite {
    fn name(&self) -> &'static str {
        "sqlite"
    }

    fn read(&self, work: &mut dyn FnMut(&mut dyn Conn) -> Result<()>) -> Result<()> {
        let mut conn = self.lock();
        // A deferred transaction reads one snapshot; it is rolled back when dropped.
        let tx = conn.transaction().map_err(db)?;
        work(&mut SqliteConn(&tx))
    }

    fn write(&self, work: &mut dyn FnMut(&mut dyn Conn) -> Result<()>) -> Result<()> {
        let mut conn = self.lock();
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(db)?;
        work(&mut SqliteConn(&tx))?;
        tx.commit().map_err(db)
    }

    fn scrub(&self, _tables: &[&str]) -> Result<()> {
        let conn = self.lock();
        conn.execute_batch("VACUUM").map_err(db)?;
        let (busy, _, _): (i64, i64, i64) = conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .map_err(db)?;
        if busy != 0 {
            return Err(Error::Store {
                backend: "sqlite",
                reason: "the journal could not be emptied while another connection reads; \
                         purged data may remain in the -wal file until the next scrub"
                    .into(),
            });
        }
        Ok(())
    }
}
