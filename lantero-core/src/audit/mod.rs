//! An append-only, hash-chained audit log.
//!
//! Every read and write of sensitive data is recorded as an [`AuditEvent`]: who, when, what
//! and on which object. Each event carries the hash of the one before, so a changed, removed,
//! inserted or reordered event breaks the chain at a position [`verify_chain`] reports.
//! Anchor the head hash (or the length) outside the store and check it with
//! [`verify_with_head`] / [`verify_with_len`] to detect events cut from the end.
//!
//! The event and its hash rule are public and independent of storage, so the SQLite and
//! PostgreSQL case stores persist the same events and verify them with the same functions.
//!
//! **The log is for who/when/what, never for content**: `detail` must not contain secrets,
//! case text, personal data from a report, receipt codes or keys.

mod chain;
mod event;
mod log;

pub use chain::{verify_chain, verify_continuation, verify_with_head, verify_with_len};
pub use event::{AuditEvent, GENESIS_HASH};
pub use log::AuditLog;
