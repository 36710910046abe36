//! Review sessions (`lantero_redact::review`): the proposals a caseworker accepts, rejects,
//! resizes or adds to before anything is masked, and the decision record they give.

use std::sync::{Arc, Mutex, MutexGuard};
use std::time::SystemTime;

use lantero_redact::detect;
use lantero_redact::record;
use lantero_redact::review::{self, Decision, Origin};

use super::RedactError;
use super::findings::{Finding, Rect, convert, rects};
use crate::guard::{guard, lock};

/// What the caseworker decided about a proposal.
#[uniffi::remote(Enum)]
pub enum Decision {
    /// Not decided yet.
    Pending,
    /// Mask it.
    Accepted,
    /// Release it.
    Rejected,
}

/// Where a proposal came from.
#[uniffi::remote(Enum)]
pub enum Origin {
    /// Proposed by detection.
    Detected,
    /// Drawn by a caseworker.
    Caseworker,
}

/// A character span in a page's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct Span {
    /// Offset of the first character.
    pub start: u64,
    /// Offset one past the last character.
    pub end: u64,
}

/// One recorded decision: who, when, what, and the provision relied on.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct DecisionEvent {
    /// Who decided.
    pub by: String,
    /// When.
    pub at: SystemTime,
    /// `accept`, `reject`, `add` or `resize`.
    pub action: String,
    /// The provision relied on, when masking.
    pub provision: Option<String>,
    /// Why, when the decision gives a reason (a release made in advance says why it is public).
    pub reason: Option<String>,
}

/// A mask proposed for a caseworker's decision.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Proposal {
    /// Stable id: the same document and span always give the same id.
    pub id: String,
    /// Detected or drawn by a caseworker.
    pub origin: Origin,
    /// What it covers (`PERSONNUMMER`, …); `None` for a caseworker's own box.
    pub entity: Option<String>,
    /// 1-based page.
    pub page: u32,
    /// Rectangles in PDF points; empty for text documents.
    pub boxes: Vec<Rect>,
    /// The covered text (empty for a caseworker's box).
    pub text: String,
    /// Character span in the page text, when known.
    pub span: Option<Span>,
    /// Detection score.
    pub score: Option<f32>,
    /// Why it was proposed.
    pub reason: String,
    /// Candidate provisions.
    pub provisions: Vec<String>,
    /// The current decision.
    pub decision: Decision,
    /// The provision the decision relies on.
    pub provision: Option<String>,
    /// Every decision about it, oldest first.
    pub history: Vec<DecisionEvent>,
    /// Why it was released in advance as public (decision `Rejected` by `lantero`), if it was.
    pub public: Option<String>,
}

impl From<&review::Proposal> for Proposal {
    fn from(p: &review::Proposal) -> Self {
        Self {
            id: p.id.clone(),
            origin: p.origin,
            entity: p.entity.map(|e| e.as_str().to_owned()),
            page: p.page,
            boxes: rects(p.boxes.clone()),
            text: p.text.clone(),
            span: p.span.map(|[start, end]| Span {
                start: start as u64,
                end: end as u64,
            }),
            score: p.score,
            reason: p.reason.clone(),
            provisions: p.provisions.clone(),
            decision: p.decision,
            provision: p.provision.clone(),
            history: p
                .history
                .iter()
                .map(|e| DecisionEvent {
                    by: e.by.clone(),
                    at: e.at.into(),
                    action: e.action.clone(),
                    provision: e.provision.clone(),
                    reason: e.reason.clone(),
                })
                .collect(),
            public: p.public.clone(),
        }
    }
}

/// One provision and where it was applied.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct AppliedProvision {
    /// The provision id, e.g. `OSL 26:1`.
    pub provision: String,
    /// Its reference in Swedish legal style.
    pub citation: String,
    /// The catalogue's title for it, when known.
    pub title: Option<String>,
    /// The pages it was applied on.
    pub pages: Vec<u32>,
    /// How many masks rely on it.
    pub masks: u64,
}

/// What was masked in a document and why, for the written decision.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct DecisionRecord {
    /// The document.
    pub document: String,
    /// Its SHA-256.
    pub document_sha256: String,
    /// Number of pages.
    pub pages: u32,
    /// The provisions applied, in the order of the law.
    pub applied: Vec<AppliedProvision>,
    /// Masks in total.
    pub masks: u64,
    /// The record as JSON (schema `lantero.decision-record/v1`).
    pub json: String,
    /// The record as a short Swedish text with the appeal notice.
    pub markdown: String,
}

impl TryFrom<record::DecisionRecord> for DecisionRecord {
    type Error = RedactError;
    fn try_from(r: record::DecisionRecord) -> Result<Self, RedactError> {
        let json = serde_json::to_string_pretty(&r)
            .map_err(|err| RedactError::Internal(format!("decision record: {err}")))?;
        Ok(Self {
            markdown: r.to_markdown(),
            json,
            document: r.document,
            document_sha256: r.document_sha256,
            pages: r.pages,
            applied: r
                .applied
                .into_iter()
                .map(|a| AppliedProvision {
                    provision: a.provision,
                    citation: a.citation,
                    title: a.title,
                    pages: a.pages,
                    masks: a.masks as u64,
                })
                .collect(),
            masks: r.masks as u64,
        })
    }
}

/// A review session bound to one document by its SHA-256. Safe to share between threads.
#[derive(Debug, uniffi::Object)]
pub struct ReviewSession {
    inner: Mutex<review::ReviewSession>,
}

#[uniffi::export]
impl ReviewSession {
    /// A session with one pending proposal per finding, for the document `document` whose
    /// bytes are `document_bytes` (e.g. the UTF-8 of a text) with `pages` pages.
    #[uniffi::constructor]
    pub fn new(
        document: String,
        document_bytes: Vec<u8>,
        pages: u32,
        findings: Vec<Finding>,
    ) -> Result<Arc<Self>, RedactError> {
        guard(|| {
            let findings: Vec<detect::Finding> = convert(findings)?;
            let session = review::ReviewSession::new(&document, &document_bytes, pages, &findings);
            session.validate(&document)?;
            Ok(Self::wrap(session))
        })
    }

    /// Reads a session from JSON (schema `lantero.review/v1`); `source` names it in errors.
    #[uniffi::constructor]
    pub fn from_json(json: String, source: String) -> Result<Arc<Self>, RedactError> {
        guard(|| {
            Ok(Self::wrap(review::ReviewSession::from_json(
                &json, &source,
            )?))
        })
    }

    /// The session as JSON.
    pub fn to_json(&self) -> Result<String, RedactError> {
        guard(|| Ok(self.lock()?.to_json()?))
    }

    /// The document as given when the session was made.
    pub fn document(&self) -> Result<String, RedactError> {
        guard(|| Ok(self.lock()?.document.clone()))
    }

    /// SHA-256 of the document's bytes.
    pub fn document_sha256(&self) -> Result<String, RedactError> {
        guard(|| Ok(self.lock()?.document_sha256.clone()))
    }

    /// Number of pages.
    pub fn pages(&self) -> Result<u32, RedactError> {
        guard(|| Ok(self.lock()?.pages))
    }

    /// The proposals, in page and reading order; caseworker masks at the end.
    pub fn proposals(&self) -> Result<Vec<Proposal>, RedactError> {
        guard(|| Ok(self.lock()?.proposals.iter().map(Proposal::from).collect()))
    }

    /// How many proposals are still pending.
    pub fn pending(&self) -> Result<u64, RedactError> {
        guard(|| Ok(self.lock()?.pending() as u64))
    }

    /// Accepts a proposal (it will be masked), relying on `provision` (e.g. `OSL 26:1`).
    pub fn accept(
        &self,
        id: String,
        by: String,
        provision: Option<String>,
    ) -> Result<(), RedactError> {
        guard(|| Ok(self.lock()?.accept(&id, &by, provision.as_deref())?))
    }

    /// Rejects a proposal (it will be released).
    pub fn reject(&self, id: String, by: String) -> Result<(), RedactError> {
        guard(|| Ok(self.lock()?.reject(&id, &by)?))
    }

    /// Replaces a proposal's boxes (the caseworker made a mask larger or smaller).
    pub fn resize(&self, id: String, boxes: Vec<Rect>, by: String) -> Result<(), RedactError> {
        guard(|| Ok(self.lock()?.resize(&id, rects(boxes), &by)?))
    }

    /// Adds the caseworker's own mask on `page`, accepted; returns its id.
    pub fn add_mask(
        &self,
        page: u32,
        rect: Rect,
        by: String,
        provision: Option<String>,
    ) -> Result<String, RedactError> {
        guard(|| {
            Ok(self
                .lock()?
                .add_mask(page, rect.into(), &by, provision.as_deref())?)
        })
    }

    /// The decision record of the masks this session applies; `mask_pending` says whether
    /// undecided proposals are masked too.
    pub fn decision_record(&self, mask_pending: bool) -> Result<DecisionRecord, RedactError> {
        guard(|| {
            let session = self.lock()?;
            record::DecisionRecord::from_session(&session, mask_pending).try_into()
        })
    }
}

impl ReviewSession {
    pub(crate) fn wrap(session: review::ReviewSession) -> Arc<Self> {
        Arc::new(Self {
            inner: Mutex::new(session),
        })
    }

    pub(crate) fn lock(&self) -> Result<MutexGuard<'_, review::ReviewSession>, RedactError> {
        lock(&self.inner, "review session")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::redact::Detector;

    fn session() -> Arc<ReviewSession> {
        let text = "Ekonomiskt bistånd. Sökande 19121212-1212, anna@example.se.";
        let findings = Detector::builtin()
            .unwrap()
            .detect_text(text.into())
            .unwrap();
        ReviewSession::new("brev.txt".into(), text.as_bytes().to_vec(), 1, findings).unwrap()
    }

    #[test]
    fn decisions_are_recorded_and_survive_json() {
        let s = session();
        let proposals = s.proposals().unwrap();
        assert_eq!(s.pending().unwrap(), proposals.len() as u64);
        let pnr = proposals
            .iter()
            .find(|p| p.entity.as_deref() == Some("PERSONNUMMER"))
            .unwrap();
        s.accept(pnr.id.clone(), "anna".into(), Some("OSL 26:1".into()))
            .unwrap();
        let other = proposals.iter().find(|p| p.id != pnr.id).unwrap();
        s.reject(other.id.clone(), "anna".into()).unwrap();
        let again = ReviewSession::from_json(s.to_json().unwrap(), "r.json".into()).unwrap();
        let accepted = again
            .proposals()
            .unwrap()
            .into_iter()
            .find(|p| p.id == pnr.id)
            .unwrap();
        assert_eq!(accepted.decision, Decision::Accepted);
        assert_eq!(accepted.history[0].by, "anna");
        let record = again.decision_record(false).unwrap();
        assert_eq!(record.masks, 1);
        assert_eq!(record.applied[0].provision, "OSL 26:1");
        assert!(record.markdown.contains("kammarrätten"));
    }

    #[test]
    fn bad_decisions_are_review_errors() {
        let s = session();
        assert!(matches!(
            s.accept("p-nope".into(), "anna".into(), None),
            Err(RedactError::Review(_))
        ));
        let rect = Rect {
            x0: 10.0,
            y0: 10.0,
            x1: 5.0,
            y1: 20.0,
        };
        assert!(matches!(
            s.add_mask(1, rect, "anna".into(), None),
            Err(RedactError::Review(_))
        ));
        assert!(matches!(
            s.add_mask(2, Rect { x1: 50.0, ..rect }, "anna".into(), None),
            Err(RedactError::Review(_))
        ));
        assert!(matches!(
            ReviewSession::from_json("{}".into(), "x".into()),
            Err(RedactError::Review(_))
        ));
    }
}
