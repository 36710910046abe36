//! The schema, written once for every engine, and its migrations.
//!
//! Applied versions are recorded in `schema_migrations`; a database with a newer version than
//! this code knows is refused rather than misread. Rows keep their full record as JSON in
//! `data`, beside the columns that queries filter on, so most model changes need no migration.
//! `{serial}` stands for the engine's auto-increment key ([`Dialect`](super::Dialect)); every other type is
//! spelled so that both engines read it the same way (`BIGINT` has integer affinity in SQLite).

use super::Conn;
use crate::{Error, Result};

/// One schema change.
struct Migration {
    /// Version number, from 1, increasing by 1.
    version: i64,
    /// What it does.
    name: &'static str,
    /// The statements, with `{serial}` for the auto-increment key type.
    sql: &'static str,
}

/// The schema version this code writes.
pub const SCHEMA_VERSION: i64 = 2;

/// The bookkeeping table; its presence is also what marks a database as a Lantero store.
const CREATE_MIGRATIONS_TABLE: &str = "CREATE TABLE IF NOT EXISTS schema_migrations (
    version BIGINT PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
)";

const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "initial schema",
        sql: "
        CREATE TABLE tenants (id TEXT PRIMARY KEY, data TEXT NOT NULL);
        CREATE TABLE reference_counters (
            tenant TEXT NOT NULL REFERENCES tenants(id), kind TEXT NOT NULL,
            year BIGINT NOT NULL, last BIGINT NOT NULL, PRIMARY KEY (tenant, kind, year));
        CREATE TABLE cases (
            tenant TEXT NOT NULL REFERENCES tenants(id), id TEXT NOT NULL, kind TEXT NOT NULL,
            status TEXT NOT NULL, received_at BIGINT NOT NULL, receipt_hash TEXT,
            data TEXT NOT NULL, PRIMARY KEY (tenant, id));
        CREATE INDEX cases_received ON cases (tenant, received_at);
        CREATE UNIQUE INDEX cases_receipt ON cases (tenant, receipt_hash)
            WHERE receipt_hash IS NOT NULL;
        CREATE TABLE messages (
            seq {serial}, tenant TEXT NOT NULL, case_id TEXT NOT NULL,
            id TEXT NOT NULL, data TEXT NOT NULL, UNIQUE (tenant, id));
        CREATE INDEX messages_case ON messages (tenant, case_id, seq);
        CREATE TABLE attachments (
            seq {serial}, tenant TEXT NOT NULL, case_id TEXT NOT NULL,
            id TEXT NOT NULL, data TEXT NOT NULL, content TEXT NOT NULL, UNIQUE (tenant, id));
        CREATE INDEX attachments_case ON attachments (tenant, case_id, seq);
        CREATE TABLE links (
            seq {serial}, tenant TEXT NOT NULL, from_case TEXT NOT NULL,
            to_case TEXT NOT NULL, data TEXT NOT NULL);
        CREATE INDEX links_from ON links (tenant, from_case);
        CREATE INDEX links_to ON links (tenant, to_case);
        CREATE TABLE reveals (
            tenant TEXT NOT NULL, id TEXT NOT NULL, case_id TEXT NOT NULL, data TEXT NOT NULL,
            PRIMARY KEY (tenant, id));
        CREATE TABLE audit (
            tenant TEXT NOT NULL, seq BIGINT NOT NULL, data TEXT NOT NULL,
            PRIMARY KEY (tenant, seq));
    ",
    },
    Migration {
        version: 2,
        name: "case keys apart, signed audit heads, receipt attempts",
        sql: "
        CREATE TABLE case_keys (
            tenant TEXT NOT NULL, case_id TEXT NOT NULL, data TEXT NOT NULL,
            PRIMARY KEY (tenant, case_id));
        CREATE TABLE audit_heads (
            tenant TEXT PRIMARY KEY, len BIGINT NOT NULL, hash TEXT NOT NULL,
            signature TEXT NOT NULL);
        CREATE TABLE receipt_attempts (
            id TEXT PRIMARY KEY, tenant TEXT NOT NULL, source TEXT NOT NULL,
            at BIGINT NOT NULL);
        CREATE INDEX receipt_attempts_source ON receipt_attempts (tenant, source, at);
        CREATE INDEX receipt_attempts_at ON receipt_attempts (tenant, at);
    ",
    },
];

/// The tables that hold case content, scrubbed after a purge.
pub(super) const CONTENT_TABLES: &[&str] =
    &["cases", "case_keys", "messages", "attachments", "reveals"];

/// Creates the bookkeeping table if missing.
pub(super) fn prepare(conn: &mut dyn Conn) -> Result<()> {
    conn.batch(CREATE_MIGRATIONS_TABLE)
}

/// The version recorded in the database (0 for a new one), refusing one newer than this code.
pub(super) fn current_version(conn: &mut dyn Conn, backend: &'static str) -> Result<i64> {
    let rows = conn.query(
        "SELECT COALESCE(MAX(version), 0) FROM schema_migrations",
        &[],
    )?;
    let current = rows
        .first()
        .and_then(|r| r.first())
        .and_then(super::Cell::int)
        .unwrap_or(0);
    if current > SCHEMA_VERSION {
        return Err(Error::Store {
            backend,
            reason: format!(
                "database schema version {current} is newer than this program's ({SCHEMA_VERSION})"
            ),
        });
    }
    Ok(current)
}

/// Applies every migration newer than the database, inside the caller's write transaction
/// (which also keeps two processes from migrating at once).
pub(super) fn migrate(conn: &mut dyn Conn, backend: &'static str) -> Result<()> {
    let current = current_version(conn, backend)?;
    let dialect = conn.dialect();
    for m in MIGRATIONS.iter().filter(|m| m.version > current) {
        conn.batch(&m.sql.replace("{serial}", dialect.serial_key()))?;
        let now = chrono::Utc::now().to_rfc3339();
        conn.execute(
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?1, ?2, ?3)",
            &[m.version.into(), m.name.into(), now.as_str().into()],
        )?;
    }
    Ok(())
}

/// Checks that the database is a Lantero case store this code can read, without changing it.
pub(super) fn check_readable(conn: &mut dyn Conn, backend: &'static str) -> Result<()> {
    // Any failure to read the bookkeeping table means this is not one of our databases.
    conn.query("SELECT COUNT(*) FROM schema_migrations", &[])
        .map_err(|_| Error::Store {
            backend,
            reason: "not a Lantero case database (it has no schema_migrations table)".into(),
        })?;
    let current = current_version(conn, backend)?;
    if current < SCHEMA_VERSION {
        return Err(Error::Store {
            backend,
            reason: format!(
                "database schema version {current} is older than this program's \
                 ({SCHEMA_VERSION}); open it once for writing to migrate it"
            ),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_are_consecutive_and_end_at_schema_version() {
        for (i, m) in MIGRATIONS.iter().enumerate() {
            assert_eq!(m.version, i as i64 + 1, "{}", m.name);
        }
        assert_eq!(MIGRATIONS.last().map(|m| m.version), Some(SCHEMA_VERSION));
    }
}
