//! The embedded SQLite store: one file, WAL journal, `synchronous = FULL`.
//!
//! WAL lets readers work while a writer commits; `FULL` makes every commit durable before it
//! returns, so a crash (or SIGKILL) after `transact` returns never loses the commit. Writes take
//! the database lock up front (`BEGIN IMMEDIATE`), which also serialises the audit chain.

use std::path::Path;
use std::sync::Mutex;

use lantero_core::audit::AuditEvent;
use rusqlite::{Connection, ErrorCode, OptionalExtension, TransactionBehavior, params};

mod tx;

use super::migrations::{CREATE_MIGRATIONS_TABLE, MIGRATIONS, SCHEMA_VERSION};
use super::{AuditDraft, CaseStore, Tx, from_json, to_json};
use crate::case::{Attachment, AttachmentId, Case, CaseId, CaseLink, Message};
use crate::crypto::Sealed;
use crate::reporter::{RevealId, RevealRequest};
use crate::{Error, Result, Tenant, TenantId};
use tx::{SqliteTx, query_case, query_json};

pub(super) fn db(e: rusqlite::Error) -> Error {
    Error::Store {
        backend: "sqlite",
        reason: e.to_string(),
    }
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
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct SqliteStore {
    conn: Mutex<Connection>,
}

impl SqliteStore {
    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    pub fn open(path: impl AsRef<Path>) -> Result<Self> {
        let conn = Connection::open(path.as_ref()).map_err(db)?;
        Self::init(conn)
    }

    /// Opens an existing database only; a missing file is [`Error::NotFound`] instead of a
    /// new empty database (for operator tools, where a typo must not create files).
    pub fn open_existing(path: impl AsRef<Path>) -> Result<Self> {
        let path = path.as_ref();
        if !path.is_file() {
            return Err(Error::NotFound {
                what: "database file",
                id: path.display().to_string(),
            });
        }
        Self::open(path)
    }

    fn init(mut conn: Connection) -> Result<Self> {
        conn.busy_timeout(std::time::Duration::from_secs(10))
            .map_err(db)?;
        let mode: String = conn
            .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
            .map_err(db)?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(Error::Store {
                backend: "sqlite",
                reason: format!("could not switch to WAL journal (got {mode})"),
            });
        }
        conn.execute_batch("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;")
            .map_err(db)?;
        migrate(&mut conn)?;
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

fn migrate(conn: &mut Connection) -> Result<()> {
    conn.execute_batch(CREATE_MIGRATIONS_TABLE).map_err(db)?;
    for m in MIGRATIONS {
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(db)?;
        // Read the version inside the write lock: another process may have migrated meanwhile.
        let current: i64 = tx
            .query_row(
                "SELECT COALESCE(MAX(version), 0) FROM schema_migrations",
                [],
                |r| r.get(0),
            )
            .map_err(db)?;
        if current > SCHEMA_VERSION {
            return Err(Error::Store {
                backend: "sqlite",
                reason: format!(
                    "database schema version {current} is newer than this program's ({SCHEMA_VERSION})"
                ),
            });
        }
        if m.version > current {
            tx.execute_batch(m.sqlite).map_err(db)?;
            tx.execute(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?1, ?2, ?3)",
                params![m.version, m.name, chrono::Utc::now().to_rfc3339()],
            )
            .map_err(db)?;
        }
        tx.commit().map_err(db)?;
    }
    Ok(())
}

impl CaseStore for SqliteStore {
    fn backend(&self) -> &'static str {
        "sqlite"
    }

    fn insert_tenant(&self, tenant: &Tenant) -> Result<()> {
        let conn = self.lock();
        conn.execute(
            "INSERT INTO tenants (id, data) VALUES (?1, ?2)",
            params![tenant.id.as_str(), to_json("tenant", tenant)?],
        )
        .map_err(|e| match e.sqlite_error_code() {
            Some(ErrorCode::ConstraintViolation) => Error::AlreadyExists {
                what: "tenant",
                id: tenant.id.to_string(),
            },
            _ => db(e),
        })?;
        Ok(())
    }

    fn tenant(&self, id: &TenantId) -> Result<Option<Tenant>> {
        let conn = self.lock();
        let rows: Vec<Tenant> = query_json(
            &conn,
            "tenant",
            "SELECT data FROM tenants WHERE id = ?1",
            &[&id.as_str()],
        )?;
        Ok(rows.into_iter().next())
    }

    fn tenants(&self) -> Result<Vec<Tenant>> {
        query_json(
            &self.lock(),
            "tenant",
            "SELECT data FROM tenants ORDER BY id",
            &[],
        )
    }

    fn transact(
        &self,
        tenant: &TenantId,
        work: &mut dyn FnMut(&mut dyn Tx) -> Result<AuditDraft>,
    ) -> Result<AuditEvent> {
        let mut conn = self.lock();
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(db)?;
        let exists: Option<i64> = tx
            .query_row(
                "SELECT 1 FROM tenants WHERE id = ?1",
                [tenant.as_str()],
                |r| r.get(0),
            )
            .optional()
            .map_err(db)?;
        if exists.is_none() {
            return Err(Error::NotFound {
                what: "tenant",
                id: tenant.to_string(),
            });
        }
        let draft = work(&mut SqliteTx { tx: &tx, tenant })?;
        let prev: Option<String> = tx
            .query_row(
                "SELECT data FROM audit WHERE tenant = ?1 ORDER BY seq DESC LIMIT 1",
                [tenant.as_str()],
                |r| r.get(0),
            )
            .optional()
            .map_err(db)?;
        let prev: Option<AuditEvent> = prev.map(|j| from_json("audit event", &j)).transpose()?;
        let event = AuditEvent::next(
            prev.as_ref(),
            draft.time,
            draft.actor,
            draft.action,
            draft.object,
            draft.detail,
        );
        tx.execute(
            "INSERT INTO audit (tenant, seq, data) VALUES (?1, ?2, ?3)",
            params![
                tenant.as_str(),
                i64::try_from(event.seq).map_err(|_| Error::corrupt("audit seq", event.seq))?,
                to_json("audit event", &event)?
            ],
        )
        .map_err(db)?;
        tx.commit().map_err(db)?;
        Ok(event)
    }

    fn case(&self, tenant: &TenantId, id: &CaseId) -> Result<Option<Case>> {
        query_case(&self.lock(), tenant, id)
    }

    fn case_by_receipt(&self, tenant: &TenantId, receipt_hash: &str) -> Result<Option<Case>> {
        let rows: Vec<Case> = query_json(
            &self.lock(),
            "case",
            "SELECT data FROM cases WHERE tenant = ?1 AND receipt_hash = ?2",
            &[&tenant.as_str(), &receipt_hash],
        )?;
        Ok(rows.into_iter().next())
    }

    fn cases(&self, tenant: &TenantId) -> Result<Vec<Case>> {
        query_json(
            &self.lock(),
            "case",
            "SELECT data FROM cases WHERE tenant = ?1 ORDER BY received_at, id",
            &[&tenant.as_str()],
        )
    }

    fn messages(&self, tenant: &TenantId, case: &CaseId) -> Result<Vec<Message>> {
        query_json(
            &self.lock(),
            "message",
            "SELECT data FROM messages WHERE tenant = ?1 AND case_id = ?2 ORDER BY seq",
            &[&tenant.as_str(), &case.as_str()],
        )
    }

    fn attachments(&self, tenant: &TenantId, case: &CaseId) -> Result<Vec<Attachment>> {
        query_json(
            &self.lock(),
            "attachment",
            "SELECT data FROM attachments WHERE tenant = ?1 AND case_id = ?2 ORDER BY seq",
            &[&tenant.as_str(), &case.as_str()],
        )
    }

    fn attachment_content(&self, tenant: &TenantId, id: &AttachmentId) -> Result<Option<Sealed>> {
        let conn = self.lock();
        let s: Option<String> = conn
            .query_row(
                "SELECT content FROM attachments WHERE tenant = ?1 AND id = ?2",
                params![tenant.as_str(), id.0],
                |r| r.get(0),
            )
            .optional()
            .map_err(db)?;
        Ok(s.map(Sealed::from_stored))
    }

    fn links(&self, tenant: &TenantId, case: &CaseId) -> Result<Vec<CaseLink>> {
        query_json(
            &self.lock(),
            "link",
            "SELECT data FROM links WHERE tenant = ?1 AND (from_case = ?2 OR to_case = ?2) ORDER BY seq",
            &[&tenant.as_str(), &case.as_str()],
        )
    }

    fn reveal(&self, tenant: &TenantId, id: &RevealId) -> Result<Option<RevealRequest>> {
        let rows: Vec<RevealRequest> = query_json(
            &self.lock(),
            "reveal request",
            "SELECT data FROM reveals WHERE tenant = ?1 AND id = ?2",
            &[&tenant.as_str(), &id.0],
        )?;
        Ok(rows.into_iter().next())
    }

    fn audit_events(&self, tenant: &TenantId) -> Result<Vec<AuditEvent>> {
        query_json(
            &self.lock(),
            "audit event",
            "SELECT data FROM audit WHERE tenant = ?1 ORDER BY seq",
            &[&tenant.as_str()],
        )
    }
}
