//! An in-memory audit log; stores in other crates persist the same events.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{AuditEvent, GENESIS_HASH, verify_chain};
use crate::Result;

/// An append-only audit log held in memory.
///
/// There is no way to change or remove an event through this type; a log read back from
/// storage with [`AuditLog::from_events`] is not trusted until [`AuditLog::verify`] passes.
///
/// ```
/// use chrono::Utc;
/// use lantero_core::audit::{AuditLog, verify_with_head};
///
/// let mut log = AuditLog::new();
/// log.append(Utc::now(), "anna", "case.read", "case:17", None);
/// let head = log.head_hash().to_owned();
///
/// // Later, from storage:
/// let stored = log.events().to_vec();
/// let reloaded = AuditLog::from_events(stored);
/// reloaded.verify()?;
/// verify_with_head(reloaded.events(), &head)?;
/// # Ok::<(), lantero_core::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct AuditLog {
    events: Vec<AuditEvent>,
}

impl AuditLog {
    /// An empty log.
    pub fn new() -> Self {
        Self::default()
    }

    /// A log holding `events` as read from storage, not yet verified.
    pub fn from_events(events: Vec<AuditEvent>) -> Self {
        Self { events }
    }

    /// Appends an event chained to the last one and returns it. `detail` must not hold
    /// secrets or case content (see [`AuditEvent`]).
    pub fn append(
        &mut self,
        time: DateTime<Utc>,
        actor: impl Into<String>,
        action: impl Into<String>,
        object: impl Into<String>,
        detail: Option<String>,
    ) -> &AuditEvent {
        let event = AuditEvent::next(self.events.last(), time, actor, action, object, detail);
        let index = self.events.len();
        self.events.push(event);
        &self.events[index]
    }

    /// The events, oldest first.
    pub fn events(&self) -> &[AuditEvent] {
        &self.events
    }

    /// The number of events.
    pub fn len(&self) -> usize {
        self.events.len()
    }

    /// Whether the log has no events.
    pub fn is_empty(&self) -> bool {
        self.events.is_empty()
    }

    /// The hash of the last event, or [`GENESIS_HASH`] for an empty log. Keep it outside the
    /// store to detect events removed from the end.
    pub fn head_hash(&self) -> &str {
        self.events.last().map_or(GENESIS_HASH, |e| e.hash.as_str())
    }

    /// Verifies the chain (see [`verify_chain`]).
    pub fn verify(&self) -> Result<()> {
        verify_chain(&self.events)
    }

    /// The events, consuming the log.
    pub fn into_events(self) -> Vec<AuditEvent> {
        self.events
    }
}
