//! The reporter's identity and the custodian-approved reveal.
//!
//! The identity is sealed with its own key, apart from the case content. A handler who needs it
//! (to contact the reporter outside the tool, or because a court orders it) asks; a custodian
//! who is not the asker approves or denies; the handler may then read it once. Every step is an
//! audit event.

use std::fmt;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use zeroize::Zeroize;

use crate::Result;
use crate::case::CaseId;
use crate::policy::ActorId;

/// Who the reporter (or requester) is, when they chose to say. Wiped from memory when dropped.
#[derive(Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ReporterIdentity {
    /// Name.
    pub name: Option<String>,
    /// E-mail address.
    pub email: Option<String>,
    /// Telephone number.
    pub phone: Option<String>,
    /// Anything else the reporter gave to be reachable or identified (e.g. a workplace).
    pub other: Option<String>,
}

impl fmt::Debug for ReporterIdentity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ReporterIdentity(..)")
    }
}

impl Drop for ReporterIdentity {
    fn drop(&mut self) {
        self.name.zeroize();
        self.email.zeroize();
        self.phone.zeroize();
        self.other.zeroize();
    }
}

/// An identity-reveal request id.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct RevealId(pub String);

impl RevealId {
    /// A fresh random id.
    pub fn generate() -> Result<Self> {
        crate::case::random_id("reveal").map(Self)
    }
}

impl fmt::Display for RevealId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Where a reveal request stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum RevealState {
    /// Waiting for a custodian.
    Pending,
    /// Approved; the handler may read the identity once.
    Approved {
        /// The custodian.
        by: ActorId,
        /// When.
        at: DateTime<Utc>,
    },
    /// Denied.
    Denied {
        /// The custodian.
        by: ActorId,
        /// When.
        at: DateTime<Utc>,
    },
    /// Approved and used: the identity was shown.
    Revealed {
        /// The custodian who approved.
        approved_by: ActorId,
        /// When it was shown.
        at: DateTime<Utc>,
    },
}

/// A handler's request to see a reporter's identity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RevealRequest {
    /// The id.
    pub id: RevealId,
    /// The case.
    pub case_id: CaseId,
    /// The handler asking.
    pub requested_by: ActorId,
    /// When.
    pub requested_at: DateTime<Utc>,
    /// Why (the legal ground, e.g. "court order in T 123-25"; no personal data).
    pub ground: String,
    /// Where it stands.
    pub state: RevealState,
}
