//! One proposal in a review session and the decisions made about it.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::detect::{Entity, Finding, Rect};

/// What the caseworker decided about a proposal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Decision {
    /// Not decided yet.
    Pending,
    /// Mask it.
    Accepted,
    /// Release it.
    Rejected,
}

/// Where a proposal came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    /// Proposed by detection.
    Detected,
    /// Drawn by a caseworker.
    Caseworker,
}

/// One recorded decision: who, when, what, and the provision relied on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DecisionEvent {
    /// Who decided (a user id or name).
    pub by: String,
    /// When.
    pub at: DateTime<Utc>,
    /// `"accept"`, `"reject"`, `"add"` or `"resize"`.
    pub action: String,
    /// The provision relied on, e.g. `"OSL 26:1"`, when masking.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provision: Option<String>,
}

/// A mask proposed for a caseworker's decision.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Proposal {
    /// Stable id: the same document and span always give the same id.
    pub id: String,
    /// Detected or drawn by a caseworker.
    pub origin: Origin,
    /// What it covers; `None` for a caseworker's own box.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity: Option<Entity>,
    /// 1-based page.
    pub page: u32,
    /// Rectangles in PDF points, top-left origin; empty for text documents.
    pub boxes: Vec<Rect>,
    /// The covered text (empty for a caseworker's box).
    #[serde(default)]
    pub text: String,
    /// Character span in the page text, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<[usize; 2]>,
    /// Detection score.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<f32>,
    /// Why it was proposed.
    #[serde(default)]
    pub reason: String,
    /// Candidate provisions.
    #[serde(default)]
    pub provisions: Vec<String>,
    /// The current decision.
    pub decision: Decision,
    /// The provision the decision relies on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provision: Option<String>,
    /// Every decision about this proposal, oldest first.
    #[serde(default)]
    pub history: Vec<DecisionEvent>,
}

impl Proposal {
    /// A pending proposal for a finding; the id hashes the document, page, span and entity.
    pub fn from_finding(document_sha256: &str, finding: &Finding) -> Self {
        let id = stable_id(
            "p",
            &[
                document_sha256,
                &finding.page.to_string(),
                &finding.start.to_string(),
                &finding.end.to_string(),
                finding.entity.as_str(),
            ],
        );
        Self {
            id,
            origin: Origin::Detected,
            entity: Some(finding.entity),
            page: finding.page,
            boxes: finding.boxes.clone(),
            text: finding.text.clone(),
            span: Some([finding.start, finding.end]),
            score: Some(finding.score),
            reason: finding.reason.clone(),
            provisions: finding.provisions.clone(),
            decision: Decision::Pending,
            provision: None,
            history: Vec::new(),
        }
    }

    /// Whether this proposal will be masked when `pending` ones are masked too.
    pub fn is_masked(&self, mask_pending: bool) -> bool {
        match self.decision {
            Decision::Accepted => true,
            Decision::Pending => mask_pending,
            Decision::Rejected => false,
        }
    }

    /// Whether the current decision is the one the history last recorded, so that who decided
    /// and when is known. A pending proposal needs no record; a decision typed into the JSON
    /// by hand has none and is flagged in the decision document.
    pub fn decision_recorded(&self) -> bool {
        let expected = match self.decision {
            Decision::Pending => return true,
            Decision::Accepted => ["accept", "add"].as_slice(),
            Decision::Rejected => ["reject"].as_slice(),
        };
        self.last_decision()
            .is_some_and(|e| expected.contains(&e.action.as_str()))
    }

    /// The last recorded decision about this proposal, if any (not a resize).
    pub fn last_decision(&self) -> Option<&DecisionEvent> {
        self.history.iter().rev().find(|e| e.action != "resize")
    }
}

/// `prefix-` and the first 12 hex digits of SHA-256 over the parts, separated unambiguously.
pub(crate) fn stable_id(prefix: &str, parts: &[&str]) -> String {
    let mut hasher = Sha256::new();
    for part in parts {
        hasher.update((part.len() as u64).to_le_bytes());
        hasher.update(part.as_bytes());
    }
    let digest = hex::encode(hasher.finalize());
    format!("{prefix}-{}", &digest[..12])
}
