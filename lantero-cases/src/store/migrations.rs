//! Schema migrations, shared by both backends.
//!
//! Each migration has a SQLite and a PostgreSQL form of the same change. Applied versions are
//! recorded in `schema_migrations`; a database with a newer version than this code knows is
//! refused rather than misread. Rows keep their full record as JSON in `data`, beside the
//! columns that queries filter on, so most model changes need no migration at all.

/// One schema change.
pub(crate) struct Migration {
    /// Version number, from 1, increasing by 1.
    pub version: i64,
    /// What it does.
    pub name: &'static str,
    /// The SQLite statements.
    pub sqlite: &'static str,
    /// The PostgreSQL statements.
    pub postgres: &'static str,
}

/// The schema version this code writes.
pub const SCHEMA_VERSION: i64 = 1;

/// The bookkeeping table, the same on both backends.
pub(crate) const CREATE_MIGRATIONS_TABLE: &str = "CREATE TABLE IF NOT EXISTS schema_migrations (
    version BIGINT PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
)";

pub(crate) const MIGRATIONS: &[Migration] = &[Migration {
    version: 1,
    name: "initial schema",
    sqlite: "
        CREATE TABLE tenants (id TEXT PRIMARY KEY, data TEXT NOT NULL);
        CREATE TABLE reference_counters (
            tenant TEXT NOT NULL REFERENCES tenants(id), kind TEXT NOT NULL,
            year INTEGER NOT NULL, last INTEGER NOT NULL, PRIMARY KEY (tenant, kind, year));
        CREATE TABLE cases (
            tenant TEXT NOT NULL REFERENCES tenants(id), id TEXT NOT NULL, kind TEXT NOT NULL,
            status TEXT NOT NULL, received_at INTEGER NOT NULL, receipt_hash TEXT,
            data TEXT NOT NULL, PRIMARY KEY (tenant, id));
        CREATE INDEX cases_received ON cases (tenant, received_at);
        CREATE UNIQUE INDEX cases_receipt ON cases (tenant, receipt_hash)
            WHERE receipt_hash IS NOT NULL;
        CREATE TABLE messages (
            seq INTEGER PRIMARY KEY AUTOINCREMENT, tenant TEXT NOT NULL, case_id TEXT NOT NULL,
            id TEXT NOT NULL, data TEXT NOT NULL, UNIQUE (tenant, id));
        CREATE INDEX messages_case ON messages (tenant, case_id, seq);
        CREATE TABLE attachments (
            seq INTEGER PRIMARY KEY AUTOINCREMENT, tenant TEXT NOT NULL, case_id TEXT NOT NULL,
            id TEXT NOT NULL, data TEXT NOT NULL, content TEXT NOT NULL, UNIQUE (tenant, id));
        CREATE INDEX attachments_case ON attachments (tenant, case_id, seq);
        CREATE TABLE links (
            seq INTEGER PRIMARY KEY AUTOINCREMENT, tenant TEXT NOT NULL, from_case TEXT NOT NULL,
            to_case TEXT NOT NULL, data TEXT NOT NULL);
        CREATE INDEX links_from ON links (tenant, from_case);
        CREATE INDEX links_to ON links (tenant, to_case);
        CREATE TABLE reveals (
            tenant TEXT NOT NULL, id TEXT NOT NULL, case_id TEXT NOT NULL, data TEXT NOT NULL,
            PRIMARY KEY (tenant, id));
        CREATE TABLE audit (
            tenant TEXT NOT NULL, seq INTEGER NOT NULL, data TEXT NOT NULL,
            PRIMARY KEY (tenant, seq));
    ",
    postgres: "
        CREATE TABLE tenants (id TEXT PRIMARY KEY, data TEXT NOT NULL);
        CREATE TABLE reference_counters (
            tenant TEXT NOT NULL REFERENCES tenants(id), kind TEXT NOT NULL,
            year INTEGER NOT NULL, last BIGINT NOT NULL, PRIMARY KEY (tenant, kind, year));
        CREATE TABLE cases (
            tenant TEXT NOT NULL REFERENCES tenants(id), id TEXT NOT NULL, kind TEXT NOT NULL,
            status TEXT NOT NULL, received_at BIGINT NOT NULL, receipt_hash TEXT,
            data TEXT NOT NULL, PRIMARY KEY (tenant, id));
        CREATE INDEX cases_received ON cases (tenant, received_at);
        CREATE UNIQUE INDEX cases_receipt ON cases (tenant, receipt_hash)
            WHERE receipt_hash IS NOT NULL;
        CREATE TABLE messages (
            seq BIGSERIAL PRIMARY KEY, tenant TEXT NOT NULL, case_id TEXT NOT NULL,
            id TEXT NOT NULL, data TEXT NOT NULL, UNIQUE (tenant, id));
        CREATE INDEX messages_case ON messages (tenant, case_id, seq);
        CREATE TABLE attachments (
            seq BIGSERIAL PRIMARY KEY, tenant TEXT NOT NULL, case_id TEXT NOT NULL,
            id TEXT NOT NULL, data TEXT NOT NULL, content TEXT NOT NULL, UNIQUE (tenant, id));
        CREATE INDEX attachments_case ON attachments (tenant, case_id, seq);
        CREATE TABLE links (
            seq BIGSERIAL PRIMARY KEY, tenant TEXT NOT NULL, from_case TEXT NOT NULL,
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
}];

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
