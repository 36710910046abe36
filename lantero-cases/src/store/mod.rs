//! Persistence: the [`CaseStore`] plugin and its SQL implementation on SQLite and PostgreSQL.
//!
//! Every write goes through [`CaseStore::transact`]: the changes and the audit event that
//! records them commit in one transaction, with the event chained to the tenant's previous
//! one and the chain's new head signed ([`AuditAnchor`]). A crash therefore loses either both
//! or neither, and the chain always verifies. Reads of sensitive data are recorded the same
//! way, with a transaction that changes nothing but the audit log.
//!
//! Both engines run the same statements and schema ([`SqlStore`] over a [`Backend`]).
//!
//! # What purge destroys
//!
//! A case's wrapped data keys live in a table of their own (`case_keys`), apart from the
//! sealed values. Purge deletes the keys, every message, attachment and reveal request, and
//! the sealed text and identity on the case, in one transaction; [`CaseStore::scrub`] then
//! removes what the engine keeps of deleted rows:
//!
//! - **SQLite**: the database runs with `secure_delete` (deleted rows are overwritten with
//!   zeros), and the scrub runs `VACUUM` and `wal_checkpoint(TRUNCATE)`, so neither the file
//!   nor its `-wal` journal holds a byte of the case afterwards. The checkpoint cannot finish
//!   while another connection reads; the scrub then fails and can be run again.
//! - **PostgreSQL**: the scrub waits until no session holds a snapshot from before the purge,
//!   runs `VACUUM (FULL, ANALYZE)` on the content tables (rewriting them without the old row
//!   versions and replacing sampled statistics), then `pg_switch_wal()` and `CHECKPOINT` twice,
//!   so that the WAL segments holding the purged rows are removed. The operator procedure:
//!   1. run the server with `wal_recycle = off` (otherwise old segments are renamed for reuse
//!      with their content intact) and no WAL archive or replication slot that keeps segments,
//!      or purge those copies on the same schedule;
//!   2. give the store's role `pg_checkpoint` and `EXECUTE` on `pg_switch_wal` (or run the
//!      WAL step, `SELECT pg_switch_wal(); CHECKPOINT;` twice, as a superuser after each purge:
//!      the scrub reports when it could not);
//!   3. backups taken before the purge still hold the keys: keep them no longer than the
//!      retention period, or encrypt them with a key that is rotated out on that schedule.
//!
//! The tests `lantero-cases/tests/security` scan the SQLite file and journal, and the whole
//! PostgreSQL data directory, for every sealed value and key of a purged case and find none.
//!
//! # The audit log's anchor
//!
//! Every append checks the tenant's signed head ([`AuditHead`], signed by an [`AuditAnchor`],
//! normally a [`KeyAnchor`] over the service's [`KeyProvider`](crate::crypto::KeyProvider))
//! against the last event before it writes, and every read of the log
//! ([`CaseStore::audit_events`]) verifies the chain, the tenant of every event and the head.
//! Trimming, rewriting (even with every later hash recomputed) and reordering are reported as
//! [`AuditChainBroken`](lantero_core::Error::AuditChainBroken), and nothing is appended to a
//! log in that state.

mod postgres;
mod sql;
mod sqlite;

use chrono::{DateTime, Utc};
use lantero_core::audit::AuditEvent;
use serde::{Deserialize, Serialize};

pub use self::postgres::{Postgres, PostgresStore};
pub use self::sqlite::{Sqlite, SqliteStore};
pub use sql::{
    AttemptTicket, AuditAnchor, AuditHead, Backend, Cell, Conn, Dialect, KeyAnchor, SCHEMA_VERSION,
    SqlStore, Value,
};

use crate::case::{Attachment, AttachmentId, Case, CaseId, CaseKind, CaseLink, Message, Reference};
use crate::crypto::Sealed;
use crate::reporter::{RevealId, RevealRequest, ThrottleConfig};
use crate::{Result, Tenant, TenantId};

/// The audit event to append with a transaction; the store adds sequence number and hashes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditDraft {
    /// When.
    pub time: DateTime<Utc>,
    /// Who (an actor id, `reporter` or `system:…`). Never a reporter's identity or address.
    pub actor: String,
    /// What, e.g. `case.create`.
    pub action: String,
    /// On what, e.g. a case id.
    pub object: String,
    /// Non-personal detail, e.g. the new status.
    pub detail: Option<String>,
}

/// The writes available inside a transaction. All are scoped to the transaction's tenant.
pub trait Tx {
    /// The next reference number for `kind` in `year` (gap-free, per tenant).
    fn next_reference(&mut self, kind: CaseKind, year: i32) -> Result<Reference>;
    /// Reads a case inside the transaction (to update it without losing concurrent changes).
    fn case(&mut self, id: &CaseId) -> Result<Option<Case>>;
    /// Inserts a new case.
    fn insert_case(&mut self, case: &Case) -> Result<()>;
    /// Replaces a stored case.
    fn update_case(&mut self, case: &Case) -> Result<()>;
    /// Appends a message.
    fn insert_message(&mut self, message: &Message) -> Result<()>;
    /// Adds an attachment with its sealed content.
    fn insert_attachment(&mut self, attachment: &Attachment, content: &Sealed) -> Result<()>;
    /// Links two cases.
    fn insert_link(&mut self, link: &CaseLink) -> Result<()>;
    /// Reads an identity-reveal request inside the transaction (to change its state only if
    /// it still is what it was: the transaction holds the tenant's lock).
    fn reveal(&mut self, id: &RevealId) -> Result<Option<RevealRequest>>;
    /// Inserts or replaces an identity-reveal request.
    fn put_reveal(&mut self, reveal: &RevealRequest) -> Result<()>;
    /// Deletes every message, attachment, reveal request and the keys of a case (purge).
    fn delete_case_content(&mut self, id: &CaseId) -> Result<()>;
}

/// Where cases live. Implementations: [`SqliteStore`] (embedded default) and
/// [`PostgresStore`] (hosted, multi-tenant). Both pass the same conformance suite.
pub trait CaseStore: Send + Sync {
    /// `"sqlite"` or `"postgres"` (or a plugin's name).
    fn backend(&self) -> &'static str;

    /// Adds a tenant; [`Error::AlreadyExists`](crate::Error::AlreadyExists) if the id is taken.
    fn insert_tenant(&self, tenant: &Tenant) -> Result<()>;

    /// A tenant by id.
    fn tenant(&self, id: &TenantId) -> Result<Option<Tenant>>;

    /// Every tenant, by id.
    fn tenants(&self) -> Result<Vec<Tenant>>;

    /// Runs `work` in one transaction of `tenant` and appends the audit event it returns,
    /// chained to the tenant's last event, after checking the log's signed head with `anchor`
    /// and signing the new one. If `work` fails, or the log's end was tampered with, nothing
    /// is written.
    fn transact(
        &self,
        tenant: &TenantId,
        anchor: &dyn AuditAnchor,
        work: &mut dyn FnMut(&mut dyn Tx) -> Result<AuditDraft>,
    ) -> Result<AuditEvent>;

    /// A case by id.
    fn case(&self, tenant: &TenantId, id: &CaseId) -> Result<Option<Case>>;

    /// The case whose receipt hashes to `receipt_hash`.
    fn case_by_receipt(&self, tenant: &TenantId, receipt_hash: &str) -> Result<Option<Case>>;

    /// Every case of the tenant, oldest first.
    fn cases(&self, tenant: &TenantId) -> Result<Vec<Case>>;

    /// The messages of a case, in the order written.
    fn messages(&self, tenant: &TenantId, case: &CaseId) -> Result<Vec<Message>>;

    /// The attachments of a case, in the order added.
    fn attachments(&self, tenant: &TenantId, case: &CaseId) -> Result<Vec<Attachment>>;

    /// The sealed content of an attachment.
    fn attachment_content(&self, tenant: &TenantId, id: &AttachmentId) -> Result<Option<Sealed>>;

    /// The links from or to a case.
    fn links(&self, tenant: &TenantId, case: &CaseId) -> Result<Vec<CaseLink>>;

    /// An identity-reveal request.
    fn reveal(&self, tenant: &TenantId, id: &RevealId) -> Result<Option<RevealRequest>>;

    /// The tenant's audit log, in sequence order, verified: the chain links, every event
    /// belongs to the tenant and the last is the head `anchor` signed. Truncation, rewrites
    /// and reordering are [`AuditChainBroken`](lantero_core::Error::AuditChainBroken).
    fn audit_events(&self, tenant: &TenantId, anchor: &dyn AuditAnchor) -> Result<Vec<AuditEvent>>;

    /// Verifies a log written before heads were signed and signs its head; returns its length.
    /// Refused when the log already has a signed head.
    fn anchor_audit_log(&self, tenant: &TenantId, anchor: &dyn AuditAnchor) -> Result<u64>;

    /// Counts the tenant's and `source`'s earlier receipt attempts and reserves this one in
    /// the same transaction, or refuses with [`Error::Throttled`](crate::Error::Throttled).
    fn reserve_attempt(
        &self,
        tenant: &TenantId,
        source: &str,
        now: DateTime<Utc>,
        config: &ThrottleConfig,
    ) -> Result<AttemptTicket>;

    /// Takes back a reserved attempt whose receipt was valid.
    fn release_attempt(&self, ticket: &AttemptTicket) -> Result<()>;

    /// Makes what purge deleted unrecoverable from the store's files: free pages, journals
    /// and old row versions. Call after purging.
    fn scrub(&self) -> Result<()>;

    /// Appends an audit event that records a read or a refusal.
    fn record(
        &self,
        tenant: &TenantId,
        anchor: &dyn AuditAnchor,
        draft: AuditDraft,
    ) -> Result<AuditEvent> {
        let mut once = Some(draft);
        self.transact(tenant, anchor, &mut |_| {
            once.take()
                .ok_or_else(|| crate::Error::corrupt("audit draft", "transaction retried"))
        })
    }
}

/// Opens a store from a location: a `postgres://` or `postgresql://` URL, or a SQLite file
/// path (created if missing). See [`open_read_only`] for tools that only list.
pub fn open(location: &str) -> Result<Box<dyn CaseStore>> {
    if location.starts_with("postgres://") || location.starts_with("postgresql://") {
        Ok(Box::new(PostgresStore::connect(location, None)?))
    } else {
        Ok(Box::new(SqliteStore::open(location)?))
    }
}

/// Opens an existing store for reading only: a SQLite file is opened read-only and must be a
/// Lantero store of the current schema; nothing is created or migrated.
pub fn open_read_only(location: &str) -> Result<Box<dyn CaseStore>> {
    if location.starts_with("postgres://") || location.starts_with("postgresql://") {
        Ok(Box::new(PostgresStore::connect(location, None)?))
    } else {
        Ok(Box::new(SqliteStore::open_read_only(location)?))
    }
}

/// JSON encoding of stored rows, shared by both backends.
pub(crate) fn to_json<T: Serialize>(what: &'static str, value: &T) -> Result<String> {
    serde_json::to_string(value).map_err(|e| crate::Error::corrupt(what, e))
}

/// JSON decoding of stored rows.
pub(crate) fn from_json<T: serde::de::DeserializeOwned>(
    what: &'static str,
    json: &str,
) -> Result<T> {
    serde_json::from_str(json).map_err(|e| crate::Error::corrupt(what, e))
}
