//! A finding: one proposed piece of sensitive data, explained.

use serde::{Deserialize, Serialize};

use super::Entity;

pub use crate::document::Rect;

/// One piece of sensitive data found in a document, as the contract's `findings[]` entries.
///
/// `start`/`end` count Unicode scalar values (Rust `char`s) into the page's text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// Stable id within the document, `f-000001` …
    pub id: String,
    /// What was found.
    pub entity: Entity,
    /// The text found, exactly as it stands on the page.
    pub text: String,
    /// 1-based page number.
    pub page: u32,
    /// Character offset of the first character in the page text.
    pub start: usize,
    /// Character offset one past the last character.
    pub end: usize,
    /// Where on the page, for PDF and image input; empty for text input.
    pub boxes: Vec<Rect>,
    /// Confidence in `0.0..=1.0`.
    pub score: f32,
    /// The recognizer that proposed it.
    pub recognizer: String,
    /// Why it was proposed, in a few words.
    pub reason: String,
    /// Candidate secrecy provisions, e.g. `"OSL 26:1"`.
    pub provisions: Vec<String>,
    /// Why this is public and released by default (the authority's own detail, an official in
    /// role, an allowed string), in Swedish for the caseworker; `None` when it is proposed for
    /// masking. See [`PublicRules`](crate::resolve::PublicRules).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub public: Option<String>,
}

/// Sorts findings in page and reading order (page, start, end).
pub fn sort_findings(findings: &mut [Finding]) {
    findings.sort_by_key(|f| (f.page, f.start, f.end));
}

/// Numbers findings `f-000001`, `f-000002` … in page and reading order (sorting them so).
pub fn number_findings(findings: &mut [Finding]) {
    sort_findings(findings);
    for (n, finding) in findings.iter_mut().enumerate() {
        finding.id = format!("f-{:06}", n + 1);
    }
}
