//! The review session document and its operations.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::proposal::stable_id;
use super::{Decision, DecisionEvent, Origin, Proposal};
use crate::detect::{Finding, Rect};
use crate::{Error, Result};

/// The schema tag of review files.
pub const SCHEMA: &str = "lantero.review/v1";

/// A review session: the proposals for one document and the decisions about them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReviewSession {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// The document as given when the session was made.
    pub document: String,
    /// SHA-256 of the document's bytes; decisions apply only to this exact file.
    pub document_sha256: String,
    /// Number of pages.
    pub pages: u32,
    /// When the session was made.
    pub created: DateTime<Utc>,
    /// The proposals, in page and reading order; caseworker boxes at the end.
    pub proposals: Vec<Proposal>,
}

impl ReviewSession {
    /// A session with one pending proposal per finding.
    pub fn new(document: &str, document_bytes: &[u8], pages: u32, findings: &[Finding]) -> Self {
        let sha = hex::encode(Sha256::digest(document_bytes));
        Self::for_digest(document, &sha, pages, findings)
    }

    /// A session for a document whose SHA-256 (hex) is already known, as
    /// [`Document::sha256`](crate::document::Document::sha256) gives it.
    pub fn for_digest(document: &str, sha256: &str, pages: u32, findings: &[Finding]) -> Self {
        let sha = sha256.to_owned();
        let proposals = findings
            .iter()
            .map(|f| Proposal::from_finding(&sha, f))
            .collect();
        Self {
            schema: SCHEMA.to_owned(),
            document: document.to_owned(),
            document_sha256: sha,
            pages,
            created: Utc::now(),
            proposals,
        }
    }

    /// Reads a session from JSON; `source` names the file in errors.
    pub fn from_json(json: &str, source: &str) -> Result<Self> {
        let session: Self = serde_json::from_str(json).map_err(|err| Error::Review {
            source_name: source.to_owned(),
            reason: err.to_string(),
        })?;
        session.validate(source)?;
        Ok(session)
    }

    /// Writes the session as pretty JSON.
    pub fn to_json(&self) -> Result<String> {
        serde_json::to_string_pretty(self).map_err(|err| Error::Review {
            source_name: self.document.clone(),
            reason: err.to_string(),
        })
    }

    /// Checks the schema, page numbers, boxes and ids; `source` names the file in errors.
    pub fn validate(&self, source: &str) -> Result<()> {
        let fail = |reason: String| {
            Err(Error::Review {
                source_name: source.to_owned(),
                reason,
            })
        };
        if self.schema != SCHEMA {
            return fail(format!("schema {:?}, expected {SCHEMA:?}", self.schema));
        }
        let mut ids = std::collections::HashSet::new();
        for p in &self.proposals {
            if !ids.insert(p.id.as_str()) {
                return fail(format!("proposal id {} appears twice", p.id));
            }
            if p.page == 0 || p.page > self.pages {
                return fail(format!(
                    "proposal {} is on page {}, the document has {}",
                    p.id, p.page, self.pages
                ));
            }
            if let Some(bad) = p.boxes.iter().find(|b| !is_valid_rect(b)) {
                return fail(format!("proposal {} has an invalid box {bad:?}", p.id));
            }
            if p.origin == Origin::Caseworker && p.boxes.is_empty() {
                return fail(format!("caseworker mask {} has no box", p.id));
            }
        }
        Ok(())
    }

    /// Checks that `bytes` are the document this session was made for.
    pub fn check_document(&self, bytes: &[u8], source: &str) -> Result<()> {
        self.check_digest(&hex::encode(Sha256::digest(bytes)), source)
    }

    /// Checks that `sha256` (hex) is the hash of the document this session was made for.
    pub fn check_digest(&self, sha: &str, source: &str) -> Result<()> {
        if sha == self.document_sha256 {
            return Ok(());
        }
        Err(Error::Review {
            source_name: source.to_owned(),
            reason: format!(
                "made for a different document (sha256 {} expected, {} found)",
                &self.document_sha256, sha
            ),
        })
    }

    /// Accepts a proposal (it will be masked), relying on `provision`.
    pub fn accept(&mut self, id: &str, by: &str, provision: Option<&str>) -> Result<()> {
        let p = self.proposal_mut(id)?;
        p.decision = Decision::Accepted;
        p.provision = provision.map(str::to_owned);
        p.history.push(event(by, "accept", provision));
        Ok(())
    }

    /// Rejects a proposal (it will be released).
    pub fn reject(&mut self, id: &str, by: &str) -> Result<()> {
        let p = self.proposal_mut(id)?;
        p.decision = Decision::Rejected;
        p.provision = None;
        p.history.push(event(by, "reject", None));
        Ok(())
    }

    /// Replaces a proposal's boxes (a caseworker made a mask larger or smaller).
    pub fn resize(&mut self, id: &str, boxes: Vec<Rect>, by: &str) -> Result<()> {
        if let Some(bad) = boxes.iter().find(|b| !is_valid_rect(b)) {
            return Err(Error::Review {
                source_name: self.document.clone(),
                reason: format!("invalid box {bad:?} for {id}"),
            });
        }
        let p = self.proposal_mut(id)?;
        p.boxes = boxes;
        let provision = p.provision.clone();
        p.history.push(event(by, "resize", provision.as_deref()));
        Ok(())
    }

    /// Adds a caseworker's own mask, accepted, and returns its id.
    pub fn add_mask(
        &mut self,
        page: u32,
        rect: Rect,
        by: &str,
        provision: Option<&str>,
    ) -> Result<String> {
        if page == 0 || page > self.pages || !is_valid_rect(&rect) {
            return Err(Error::Review {
                source_name: self.document.clone(),
                reason: format!("cannot add a mask {rect:?} on page {page}"),
            });
        }
        let n = self.proposals.len().to_string();
        let id = stable_id("m", &[&self.document_sha256, &page.to_string(), &n, by]);
        self.proposals.push(Proposal {
            id: id.clone(),
            origin: Origin::Caseworker,
            entity: None,
            page,
            boxes: vec![rect],
            text: String::new(),
            span: None,
            score: None,
            reason: format!("drawn by {by}"),
            provisions: Vec::new(),
            decision: Decision::Accepted,
            provision: provision.map(str::to_owned),
            history: vec![event(by, "add", provision)],
            public: None,
        });
        Ok(id)
    }

    /// How many proposals are still pending.
    pub fn pending(&self) -> usize {
        self.proposals
            .iter()
            .filter(|p| p.decision == Decision::Pending)
            .count()
    }

    fn proposal_mut(&mut self, id: &str) -> Result<&mut Proposal> {
        let document = self.document.clone();
        self.proposals
            .iter_mut()
            .find(|p| p.id == id)
            .ok_or_else(|| Error::Review {
                source_name: document,
                reason: format!("no proposal with id {id}"),
            })
    }
}

fn event(by: &str, action: &str, provision: Option<&str>) -> DecisionEvent {
    DecisionEvent {
        by: by.to_owned(),
        at: Utc::now(),
        action: action.to_owned(),
        provision: provision.map(str::to_owned),
        reason: None,
    }
}

/// Finite and with positive area. Boxes may reach past the page: text drawn outside the
/// visible page is still proposed (and verified absent), and painting clips to the page.
fn is_valid_rect(r: &Rect) -> bool {
    r.iter().all(|v| v.is_finite()) && r[2] > r[0] && r[3] > r[1]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::Detector;

    fn session() -> ReviewSession {
        let text = "A 19121212-1212 och 811218-9876";
        let findings = Detector::builtin().detect_pages(&[text]).unwrap();
        ReviewSession::new("a.txt", text.as_bytes(), 1, &findings)
    }

    #[test]
    fn ids_are_stable_and_distinct() {
        let (a, b) = (session(), session());
        let ids: Vec<_> = a.proposals.iter().map(|p| &p.id).collect();
        assert_eq!(ids, b.proposals.iter().map(|p| &p.id).collect::<Vec<_>>());
        assert_eq!(ids.len(), 2);
        assert_ne!(ids[0], ids[1]);
    }

    #[test]
    fn every_operation_round_trips_exactly() {
        let mut s = session();
        let (first, second) = (s.proposals[0].id.clone(), s.proposals[1].id.clone());
        s.accept(&first, "anna", Some("OSL 26:1")).unwrap();
        s.reject(&second, "bo").unwrap();
        let added = s
            .add_mask(1, [10.0, 10.0, 50.0, 20.0], "anna", Some("OSL 21:3"))
            .unwrap();
        s.resize(&added, vec![[5.0, 5.0, 60.0, 25.0]], "anna")
            .unwrap();
        let back = ReviewSession::from_json(&s.to_json().unwrap(), "r.json").unwrap();
        assert_eq!(back, s);
        assert_eq!(back.to_json().unwrap(), s.to_json().unwrap());
        assert_eq!(back.pending(), 0);
        let masked: Vec<_> = back
            .proposals
            .iter()
            .filter(|p| p.is_masked(false))
            .collect();
        assert_eq!(masked.len(), 2);
        assert_eq!(masked[1].history.len(), 2);
    }

    #[test]
    fn bad_sessions_are_rejected_with_the_file_name() {
        let mut s = session();
        assert!(s.accept("p-nope", "anna", None).is_err());
        assert!(s.add_mask(2, [0.0, 0.0, 1.0, 1.0], "anna", None).is_err());
        assert!(s.add_mask(1, [5.0, 0.0, 1.0, 1.0], "anna", None).is_err());
        let err = ReviewSession::from_json("{}", "r.json").unwrap_err();
        assert!(err.to_string().starts_with("r.json: "), "{err}");
        let mut json: serde_json::Value = serde_json::from_str(&s.to_json().unwrap()).unwrap();
        json["proposals"][0]["page"] = 7.into();
        let err = ReviewSession::from_json(&json.to_string(), "r.json").unwrap_err();
        assert!(err.to_string().contains("page 7"), "{err}");
        s.proposals[1].id = s.proposals[0].id.clone();
        assert!(s.validate("r.json").is_err());
    }

    #[test]
    fn a_session_is_bound_to_its_document() {
        let s = session();
        assert!(
            s.check_document(b"A 19121212-1212 och 811218-9876", "a.txt")
                .is_ok()
        );
        assert!(s.check_document(b"other", "a.txt").is_err());
    }
}
