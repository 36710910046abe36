//! Attachments: files added to a case by the reporter or staff.

use std::fmt;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{Author, CaseId, Visibility};
use crate::Result;
use crate::crypto::Sealed;

/// An attachment id.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct AttachmentId(pub String);

impl AttachmentId {
    /// A fresh random id.
    pub fn generate() -> Result<Self> {
        super::random_id("att").map(Self)
    }
}

impl fmt::Display for AttachmentId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// An attachment's metadata as stored; the file name is sealed (names often identify people)
/// and the content is stored apart, sealed, and read only on demand.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attachment {
    /// The id.
    pub id: AttachmentId,
    /// The case it belongs to.
    pub case_id: CaseId,
    /// Who added it.
    pub added_by: Author,
    /// Who may read it.
    pub visibility: Visibility,
    /// When it was added.
    pub added_at: DateTime<Utc>,
    /// The media type, e.g. `application/pdf`.
    pub media_type: String,
    /// Size of the plain content in bytes.
    pub size: u64,
    /// The sealed file name.
    pub file_name: Sealed,
}
