//! Messages on a case: internal notes and the dialogue shared with the reporter.

use std::fmt;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::CaseId;
use crate::Result;
use crate::crypto::Sealed;
use crate::policy::ActorId;

/// A message id.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct MessageId(pub String);

impl MessageId {
    /// A fresh random id.
    pub fn generate() -> Result<Self> {
        super::random_id("msg").map(Self)
    }
}

impl fmt::Display for MessageId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Who wrote a message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", content = "actor", rename_all = "snake_case")]
pub enum Author {
    /// The (possibly anonymous) reporter, through the receipt.
    Reporter,
    /// A member of staff.
    Staff(ActorId),
}

/// Who may read a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Visibility {
    /// An internal note: staff with access to the case only. Kept inside the tool, so it is
    /// part of the whistleblowing function's internal work (seed 002), not e-mail.
    Internal,
    /// Part of the dialogue with the reporter.
    Shared,
}

/// A message as stored; the body is sealed with the case key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Message {
    /// The id.
    pub id: MessageId,
    /// The case it belongs to.
    pub case_id: CaseId,
    /// Who wrote it.
    pub author: Author,
    /// Who may read it.
    pub visibility: Visibility,
    /// When it was written.
    pub sent_at: DateTime<Utc>,
    /// The sealed text.
    pub body: Sealed,
}
