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
    /// Why, when the decision gives a reason (a release decided in advance says why the
    /// content is public).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
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
    /// Why the content is public, when it was released in advance (the authority's own detail,
    /// an official in role, an allowed string): the decision is then "rejected" by [`PRE_DECIDED_BY`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub public: Option<String>,
}

/// Who a decision made in advance is recorded as made by: Lantero itself, on the organisation
/// profile, the allow list or an official's role. A caseworker can still accept (mask) it.
pub const PRE_DECIDED_BY: &str = "lantero";

impl Proposal {
    /// A proposal for a finding; the id hashes the document, page, span and entity. It is
    /// pending, unless the finding is public ([`Finding::public`]): then it is released
    /// ("rejected") in advance, with a history event by [`PRE_DECIDED_BY`] giving the reason.
    ///
    /// ```
    /// use lantero_redact::detect::{Entity, Finding};
    /// use lantero_redact::review::{Decision, Proposal};
    ///
    /// let official = Finding {
    ///     id: "f-000001".into(), entity: Entity::PublicRole, text: "Annika Dahl".into(),
    ///     page: 1, start: 0, end: 11, boxes: vec![], score: 0.9, recognizer: "names".into(),
    ///     reason: "known first name and surname".into(), provisions: vec![],
    ///     public: Some("tjänsteperson i sin roll: 'socialsekreterare' på samma rad".into()),
    /// };
    /// let p = Proposal::from_finding("abc", &official);
    /// assert_eq!(p.decision, Decision::Rejected);
    /// assert_eq!(p.history[0].by, "lantero");
    /// assert!(!p.is_masked(true));
    /// ```
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
            public: finding.public.clone(),
        }
        .pre_decided()
    }

    /// Releases a public proposal in advance, recording why.
    fn pre_decided(mut self) -> Self {
        if let Some(reason) = &self.public {
            self.decision = Decision::Rejected;
            self.history.push(DecisionEvent {
                by: PRE_DECIDED_BY.to_owned(),
                at: Utc::now(),
                action: "reject".to_owned(),
                provision: None,
                reason: Some(reason.clone()),
            });
        }
        self
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
