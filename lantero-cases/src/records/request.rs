//! What a records request asks for.

use serde::{Deserialize, Serialize};

use super::RecordsDecision;

/// One document (or group of documents) asked for. `Debug` shows the registry reference, not
/// the description (the requester's words may name people).
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestedDocument {
    /// What the requester asked for, in their words, e.g. `"Protokoll socialnämnden 2025-03-12"`.
    pub description: String,
    /// The document's entry in the registry (diarienummer), when known.
    pub registry_ref: Option<String>,
}

/// The request part of a records-request case.
///
/// The requester need not give a name or a reason; when they do, the identity is sealed on
/// the case like a reporter's. The document descriptions are kept in the clear because they
/// are registry metadata, and removed at purge.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct RecordsRequest {
    /// Whether the requester stayed anonymous.
    pub anonymous: bool,
    /// The documents asked for.
    pub documents: Vec<RequestedDocument>,
    /// Ids of the redaction review sessions (lantero-redact) prepared for the release.
    pub review_sessions: Vec<String>,
    /// The decision, once made.
    pub decision: Option<RecordsDecision>,
}
