//! Cases: the model shared by whistleblower reports, public tips and records requests.
//!
//! A [`Case`] holds the metadata every query needs in the clear (kind, status, dates,
//! assignees) and its content only sealed with the case's own data key. Purging a case removes
//! the sealed parts and the wrapped keys and leaves the metadata as anonymous statistics.

mod attachment;
mod kind;
mod link;
mod message;
mod reference;
mod status;

use std::fmt;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

pub use attachment::{Attachment, AttachmentId};
pub use kind::{CaseKind, Channel};
pub use link::{CaseLink, LinkRelation};
pub use message::{Author, Message, MessageId, Visibility};
pub use reference::Reference;
pub use status::Status;

use crate::crypto::{Sealed, WrappedKey, random_bytes};
use crate::policy::ActorId;
use crate::records::RecordsRequest;
use crate::triage::TriageRecord;
use crate::{Result, TenantId};

/// A random id with a readable prefix, e.g. `case-3f9a…` (128 random bits).
pub(crate) fn random_id(prefix: &str) -> Result<String> {
    Ok(format!("{prefix}-{}", hex::encode(random_bytes::<16>()?)))
}

/// A case id: random, stable, meaningless outside the tenant (unlike the [`Reference`]).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CaseId(pub String);

impl CaseId {
    /// A fresh random id.
    pub fn generate() -> Result<Self> {
        random_id("case").map(Self)
    }

    /// The id as a string.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for CaseId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Why a case was closed; retention rules depend on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClosureReason {
    /// Handled to the end.
    Completed,
    /// Outside the whistleblower act after triage (possibly routed elsewhere).
    OutOfScope,
    /// A tip with no legal basis for processing: to be deleted by routine.
    NoLegalBasis,
    /// Withdrawn by the reporter or requester.
    Withdrawn,
}

impl ClosureReason {
    /// The stable machine name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Completed => "completed",
            Self::OutOfScope => "out_of_scope",
            Self::NoLegalBasis => "no_legal_basis",
            Self::Withdrawn => "withdrawn",
        }
    }
}

/// A legal hold: the case must not be purged while it is set (litigation, a supervisory
/// inquiry, an appeal in progress).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LegalHold {
    /// Who set it.
    pub set_by: ActorId,
    /// When.
    pub set_at: DateTime<Utc>,
    /// The matter it is held for, e.g. a court case number (no personal data).
    pub matter: String,
}

/// The encrypted parts of a case; `None` on the case once it is purged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SealedContent {
    /// The case's data key, wrapped by the tenant key.
    pub case_key: WrappedKey,
    /// The report, tip or request text.
    pub summary: Sealed,
    /// The reporter's or requester's identity key, separate from the case key so that case
    /// handlers cannot read the identity without a custodian's approval.
    pub identity_key: Option<WrappedKey>,
    /// The reporter's or requester's identity, when given.
    pub identity: Option<Sealed>,
}

/// A case as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Case {
    /// The id.
    pub id: CaseId,
    /// The owning tenant.
    pub tenant: TenantId,
    /// The kind.
    pub kind: CaseKind,
    /// How it arrived.
    pub channel: Channel,
    /// The reference (diarienummer).
    pub reference: Reference,
    /// Where it is in its life.
    pub status: Status,
    /// When it was received.
    pub received_at: DateTime<Utc>,
    /// When the receipt was confirmed to the reporter.
    pub acknowledged_at: Option<DateTime<Utc>>,
    /// When feedback was (last) given to the reporter.
    pub feedback_at: Option<DateTime<Utc>>,
    /// When a records request was decided.
    pub decided_at: Option<DateTime<Utc>>,
    /// When the case was closed.
    pub closed_at: Option<DateTime<Utc>>,
    /// Why it was closed.
    pub closure: Option<ClosureReason>,
    /// The handlers assigned.
    pub assignees: Vec<ActorId>,
    /// A legal hold, if set.
    pub legal_hold: Option<LegalHold>,
    /// The scope triage of a whistleblower report.
    pub triage: Option<TriageRecord>,
    /// The request details of a records request.
    pub records: Option<RecordsRequest>,
    /// The Argon2id hash of the reporter's receipt (per-tenant salt); `None` when the reporter
    /// has no dialogue or after purge.
    pub receipt_hash: Option<String>,
    /// The encrypted content; `None` after purge.
    pub content: Option<SealedContent>,
    /// When the personal data was purged.
    pub purged_at: Option<DateTime<Utc>>,
}

impl Case {
    /// A newly received case with nothing but its metadata.
    pub fn new(
        id: CaseId,
        tenant: TenantId,
        kind: CaseKind,
        channel: Channel,
        reference: Reference,
        received_at: DateTime<Utc>,
    ) -> Self {
        Self {
            id,
            tenant,
            kind,
            channel,
            reference,
            status: Status::Received,
            received_at,
            acknowledged_at: None,
            feedback_at: None,
            decided_at: None,
            closed_at: None,
            closure: None,
            assignees: Vec::new(),
            legal_hold: None,
            triage: None,
            records: None,
            receipt_hash: None,
            content: None,
            purged_at: None,
        }
    }

    /// Whether `actor` is assigned to the case.
    pub fn is_assigned(&self, actor: &ActorId) -> bool {
        self.assignees.contains(actor)
    }

    /// The context that binds sealed values to this case and field.
    pub(crate) fn context(&self, field: &str) -> Vec<u8> {
        format!("lantero.case/v1/{}/{}/{}", self.tenant, self.id, field).into_bytes()
    }
}
