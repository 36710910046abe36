//! A request for public documents: the review sessions of every document released on it.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{Proposal, ReviewSession};
use crate::{Error, Result};

/// The schema tag of request files.
pub const REQUEST_SCHEMA: &str = "lantero.request/v1";

/// The documents released on one request, each with its review session.
///
/// A request file (`lantero.request/v1`) holds several sessions; a review file
/// (`lantero.review/v1`) holds one. [`Request::from_json`] reads both, and [`Request::to_json`]
/// writes a single-document request back in the form it was read, so tools that know only
/// review files keep working.
///
/// ```
/// use lantero_redact::detect::Detector;
/// use lantero_redact::review::{Request, ReviewSession};
///
/// let text = "Sökande 19121212-1212";
/// let findings = Detector::builtin().detect_pages(&[text])?;
/// let session = ReviewSession::new("brev.txt", text.as_bytes(), 1, &findings);
/// let id = session.proposals[0].id.clone();
/// let mut request = Request::new(vec![session]);
/// request.accept(&id, "Anna Dahl", Some("OSL 26:1"))?;
/// let json = request.to_json()?;
/// assert!(json.contains("lantero.request/v1"));
/// assert_eq!(Request::from_json(&json, "request.json")?, request);
/// # Ok::<(), lantero_redact::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Request {
    /// Always [`REQUEST_SCHEMA`].
    pub schema: String,
    /// When the request file was made.
    pub created: DateTime<Utc>,
    /// One session per document, in the order the documents were given.
    pub documents: Vec<ReviewSession>,
    /// Whether this was read from a single review file (and is written back as one).
    #[serde(skip)]
    single: bool,
}

impl Request {
    /// A request of these documents' sessions.
    pub fn new(documents: Vec<ReviewSession>) -> Self {
        Self {
            schema: REQUEST_SCHEMA.to_owned(),
            created: Utc::now(),
            documents,
            single: false,
        }
    }

    /// Reads a request file, or a review file as a request of one document; `source` names the
    /// file in errors.
    pub fn from_json(json: &str, source: &str) -> Result<Self> {
        let fail = |reason: String| Error::Review {
            source_name: source.to_owned(),
            reason,
        };
        let value: serde_json::Value =
            serde_json::from_str(json).map_err(|err| fail(err.to_string()))?;
        match value.get("schema").and_then(|s| s.as_str()) {
            Some(super::SCHEMA) => {
                let session = ReviewSession::from_json(json, source)?;
                Ok(Self {
                    single: true,
                    ..Self::new(vec![session])
                })
            }
            Some(REQUEST_SCHEMA) => {
                let request: Self =
                    serde_json::from_value(value).map_err(|err| fail(err.to_string()))?;
                request.validate(source)?;
                Ok(request)
            }
            other => Err(fail(format!(
                "schema {other:?}, expected {REQUEST_SCHEMA:?} or {:?}",
                super::SCHEMA
            ))),
        }
    }

    /// The request as pretty JSON: a review file if it was read from one, else a request file.
    pub fn to_json(&self) -> Result<String> {
        if self.single && self.documents.len() == 1 {
            return self.documents[0].to_json();
        }
        serde_json::to_string_pretty(self).map_err(|err| Error::Review {
            source_name: "request".into(),
            reason: err.to_string(),
        })
    }

    /// Checks every session, and that no document appears twice.
    pub fn validate(&self, source: &str) -> Result<()> {
        let mut seen = std::collections::HashSet::new();
        for session in &self.documents {
            session.validate(source)?;
            if !seen.insert(session.document_sha256.as_str()) {
                return Err(Error::Review {
                    source_name: source.to_owned(),
                    reason: format!("the document {} appears twice", session.document),
                });
            }
        }
        Ok(())
    }

    /// The session for the document with this SHA-256 (hex), if it is part of the request.
    pub fn session_for(&self, sha256: &str) -> Option<&ReviewSession> {
        self.documents.iter().find(|s| s.document_sha256 == sha256)
    }

    /// Every proposal of every document.
    pub fn proposals(&self) -> impl Iterator<Item = &Proposal> {
        self.documents.iter().flat_map(|s| s.proposals.iter())
    }

    /// Accepts the proposal `id`, whichever document it is in; see [`ReviewSession::accept`].
    pub fn accept(&mut self, id: &str, by: &str, provision: Option<&str>) -> Result<()> {
        self.session_of(id)?.accept(id, by, provision)
    }

    /// Rejects the proposal `id`, whichever document it is in; see [`ReviewSession::reject`].
    pub fn reject(&mut self, id: &str, by: &str) -> Result<()> {
        self.session_of(id)?.reject(id, by)
    }

    /// Proposals decided without a recorded decision (the JSON edited by hand): nobody can
    /// say who decided them or when.
    pub fn unrecorded(&self) -> Vec<&Proposal> {
        self.proposals()
            .filter(|p| !p.decision_recorded())
            .collect()
    }

    fn session_of(&mut self, id: &str) -> Result<&mut ReviewSession> {
        self.documents
            .iter_mut()
            .find(|s| s.proposals.iter().any(|p| p.id == id))
            .ok_or_else(|| Error::Review {
                source_name: "request".into(),
                reason: format!("no proposal {id}"),
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::Detector;
    use crate::review::Decision;

    fn session(name: &str, text: &str) -> ReviewSession {
        let findings = Detector::builtin().detect_pages(&[text]).unwrap();
        ReviewSession::new(name, text.as_bytes(), 1, &findings)
    }

    #[test]
    fn a_review_file_reads_as_a_request_and_writes_back_unchanged() {
        let one = session("a.txt", "Sökande 19121212-1212");
        let json = one.to_json().unwrap();
        let request = Request::from_json(&json, "review.json").unwrap();
        assert_eq!(request.documents, [one]);
        assert_eq!(request.to_json().unwrap(), json);
    }

    #[test]
    fn decisions_find_their_document_and_hand_edits_are_flagged() {
        let mut request = Request::new(vec![
            session("a.txt", "Sökande 19121212-1212"),
            session("b.txt", "Medsökande 811218-9876"),
        ]);
        let b_id = request.documents[1].proposals[0].id.clone();
        request.reject(&b_id, "Anna Dahl").unwrap();
        assert_eq!(
            request.documents[1].proposals[0].decision,
            Decision::Rejected
        );
        assert!(request.unrecorded().is_empty());
        request.documents[0].proposals[0].decision = Decision::Accepted;
        let flagged: Vec<&str> = request.unrecorded().iter().map(|p| p.id.as_str()).collect();
        assert_eq!(flagged, [request.documents[0].proposals[0].id.as_str()]);
        assert!(request.accept("p-nope", "x", None).is_err());
    }

    #[test]
    fn the_same_document_twice_and_unknown_schemas_are_refused() {
        let a = session("a.txt", "Sökande 19121212-1212");
        let json = Request::new(vec![a.clone(), a]).to_json().unwrap();
        let err = Request::from_json(&json, "r.json").unwrap_err();
        assert!(err.to_string().contains("appears twice"), "{err}");
        let err = Request::from_json(r#"{"schema":"x"}"#, "r.json").unwrap_err();
        assert!(err.to_string().contains("r.json"), "{err}");
    }
}
