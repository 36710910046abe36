//! `lantero.review`: review sessions, the proposals a caseworker confirms before anything is
//! masked, and the decision record of what was masked and why.
//!
//! Proposals cross as dicts of the review file's shape (schema ``lantero.review/v1``):
//! ``{"id", "origin", "entity", "page", "boxes", "text", "span", "score", "reason",
//! "provisions", "decision": "pending" | "accepted" | "rejected", "provision", "history"}``.

use std::path::PathBuf;
use std::sync::Mutex;

use lantero_redact::detect::{Finding, Rect};
use lantero_redact::record;
use lantero_redact::review as core;
use pyo3::exceptions::PyOSError;
use pyo3::prelude::*;

use crate::convert::{from_py, to_py};
use crate::errors::IntoPyResult;
use crate::sync::locked;

/// A review session for one document, bound to it by SHA-256. Every decision records who,
/// when and the provision relied on. Safe to share between threads.
///
/// ``ReviewSession(document, document_bytes, pages, findings)`` makes one pending proposal per
/// finding; ``Redactor.review(path)`` makes one for a file.
#[pyclass(frozen, module = "lantero.review")]
pub struct ReviewSession(pub Mutex<core::ReviewSession>);

impl ReviewSession {
    /// Wraps a session.
    pub fn wrap(session: core::ReviewSession) -> Self {
        Self(Mutex::new(session))
    }

    /// A copy of the session as it stands.
    pub fn snapshot(&self, py: Python<'_>) -> core::ReviewSession {
        locked(py, &self.0).clone()
    }
}

fn io_error(path: &std::path::Path, err: std::io::Error) -> PyErr {
    PyOSError::new_err(format!("{}: {err}", path.display()))
}

#[pymethods]
impl ReviewSession {
    #[new]
    fn new(
        document: &str,
        document_bytes: &[u8],
        pages: u32,
        findings: &Bound<'_, PyAny>,
    ) -> PyResult<Self> {
        let findings: Vec<Finding> = from_py(findings, "findings")?;
        Ok(Self::wrap(core::ReviewSession::new(
            document,
            document_bytes,
            pages,
            &findings,
        )))
    }

    /// Reads a session from JSON and validates it; ``source_name`` names it in errors.
    #[staticmethod]
    #[pyo3(signature = (json, source_name="<json>"))]
    fn from_json(json: &str, source_name: &str) -> PyResult<Self> {
        core::ReviewSession::from_json(json, source_name)
            .py()
            .map(Self::wrap)
    }

    /// Reads a session from a file.
    #[staticmethod]
    fn load(path: PathBuf) -> PyResult<Self> {
        let json = std::fs::read_to_string(&path).map_err(|err| io_error(&path, err))?;
        Self::from_json(&json, &path.display().to_string())
    }

    /// The session as pretty JSON.
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        locked(py, &self.0).to_json().py()
    }

    /// Writes the session to a file.
    fn save(&self, py: Python<'_>, path: PathBuf) -> PyResult<()> {
        let json = self.to_json(py)?;
        std::fs::write(&path, json).map_err(|err| io_error(&path, err))
    }

    /// The document as given when the session was made.
    #[getter]
    fn document(&self, py: Python<'_>) -> String {
        locked(py, &self.0).document.clone()
    }

    /// SHA-256 of the document's bytes.
    #[getter]
    fn document_sha256(&self, py: Python<'_>) -> String {
        locked(py, &self.0).document_sha256.clone()
    }

    /// Number of pages.
    #[getter]
    fn pages(&self, py: Python<'_>) -> u32 {
        locked(py, &self.0).pages
    }

    /// The proposals as dicts, in page and reading order.
    #[getter]
    fn proposals<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &locked(py, &self.0).proposals)
    }

    /// How many proposals are still pending.
    #[getter]
    fn pending(&self, py: Python<'_>) -> usize {
        locked(py, &self.0).pending()
    }

    /// Accepts a proposal (it will be masked), relying on ``provision`` (e.g. ``"OSL 26:1"``).
    #[pyo3(signature = (proposal_id, by, provision=None))]
    fn accept(
        &self,
        py: Python<'_>,
        proposal_id: &str,
        by: &str,
        provision: Option<&str>,
    ) -> PyResult<()> {
        locked(py, &self.0).accept(proposal_id, by, provision).py()
    }

    /// Rejects a proposal (it will be released).
    fn reject(&self, py: Python<'_>, proposal_id: &str, by: &str) -> PyResult<()> {
        locked(py, &self.0).reject(proposal_id, by).py()
    }

    /// Replaces a proposal's boxes ``[x0, y0, x1, y1]`` (PDF points, top-left origin).
    fn resize(
        &self,
        py: Python<'_>,
        proposal_id: &str,
        boxes: Vec<Rect>,
        by: &str,
    ) -> PyResult<()> {
        locked(py, &self.0).resize(proposal_id, boxes, by).py()
    }

    /// Adds a caseworker's own mask, accepted, and returns its id.
    #[pyo3(signature = (page, rect, by, provision=None))]
    fn add_mask(
        &self,
        py: Python<'_>,
        page: u32,
        rect: Rect,
        by: &str,
        provision: Option<&str>,
    ) -> PyResult<String> {
        locked(py, &self.0).add_mask(page, rect, by, provision).py()
    }

    /// Checks schema, pages, boxes and ids; raises ``ReviewError``.
    #[pyo3(signature = (source_name="<session>"))]
    fn validate(&self, py: Python<'_>, source_name: &str) -> PyResult<()> {
        locked(py, &self.0).validate(source_name).py()
    }

    /// Checks that ``document_bytes`` are the document the session was made for.
    #[pyo3(signature = (document_bytes, source_name="<document>"))]
    fn check_document(
        &self,
        py: Python<'_>,
        document_bytes: &[u8],
        source_name: &str,
    ) -> PyResult<()> {
        locked(py, &self.0)
            .check_document(document_bytes, source_name)
            .py()
    }

    /// The decision record of the masks this session applies (``mask_pending``: whether
    /// undecided proposals are masked too).
    #[pyo3(signature = (mask_pending=false))]
    fn decision_record(&self, py: Python<'_>, mask_pending: bool) -> DecisionRecord {
        DecisionRecord(record::DecisionRecord::from_session(
            &locked(py, &self.0),
            mask_pending,
        ))
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        let s = locked(py, &self.0);
        format!(
            "ReviewSession({:?}, {} proposals, {} pending)",
            s.document,
            s.proposals.len(),
            s.pending()
        )
    }
}

/// What was masked in a document and why, for the written decision to the requester.
#[pyclass(frozen, module = "lantero.review")]
pub struct DecisionRecord(pub record::DecisionRecord);

#[pymethods]
impl DecisionRecord {
    /// The record as a dict (schema ``lantero.decision-record/v1``): ``{"document",
    /// "document_sha256", "pages", "applied": [{"provision", "citation", "title", "pages",
    /// "masks"}], "masks"}``.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.0)
    }

    /// The record as JSON.
    fn to_json(&self) -> PyResult<String> {
        serde_json::to_string_pretty(&self.0)
            .map_err(|err| pyo3::exceptions::PyValueError::new_err(err.to_string()))
    }

    /// The record as a short Swedish text for the written decision, with the appeal notice.
    fn to_markdown(&self) -> String {
        self.0.to_markdown()
    }

    /// Masks in total.
    #[getter]
    fn masks(&self) -> usize {
        self.0.masks
    }

    fn __repr__(&self) -> String {
        format!(
            "DecisionRecord({:?}, {} masks)",
            self.0.document, self.0.masks
        )
    }
}

/// The decision on a request ("beslut", in Swedish), made from the reviewed sessions of its
/// documents; ``lantero.review.decision(...)`` makes one.
#[pyclass(frozen, module = "lantero.review")]
pub struct Decision(pub record::Decision);

#[pymethods]
impl Decision {
    /// The decision as Markdown, from the authority's own minijinja ``template`` (text) or the
    /// built-in one.
    #[pyo3(signature = (template=None))]
    fn to_markdown(&self, template: Option<&str>) -> PyResult<String> {
        self.0.to_markdown(template).py()
    }

    /// The decision set as an A4 PDF with searchable text.
    #[pyo3(signature = (template=None))]
    fn to_pdf<'py>(
        &self,
        py: Python<'py>,
        template: Option<&str>,
    ) -> PyResult<Bound<'py, pyo3::types::PyBytes>> {
        let pdf = py.detach(|| self.0.to_pdf(template)).py()?;
        Ok(pyo3::types::PyBytes::new(py, &pdf))
    }

    /// What the template is given, as a dict (schema ``lantero.decision/v1``).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.0)
    }

    /// Ids of proposals decided without a recorded decision (the JSON edited by hand).
    #[getter]
    fn unrecorded(&self) -> Vec<String> {
        self.0.unrecorded.clone()
    }

    fn __repr__(&self) -> String {
        format!(
            "Decision({} documents, {} masks)",
            self.0.documents.len(),
            self.0.masks
        )
    }
}

fn parse_date(field: &str, text: &str) -> PyResult<chrono::NaiveDate> {
    chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| lantero_redact::Error::Input {
            path: field.into(),
            reason: format!("{text:?} is not a date (YYYY-MM-DD)"),
        })
        .py()
}

/// The decision on a request whose documents were reviewed in ``sessions``. Dates are
/// ``"YYYY-MM-DD"`` strings; ``date`` defaults to today. ``mask_pending``: whether proposals
/// nobody decided on were masked (as ``pending="mask"`` does when redacting).
#[pyfunction]
#[pyo3(signature = (sessions, *, authority, decision_maker, date=None, diary_number=None,
    decision_maker_title=None, requester=None, received=None, mask_pending=true))]
#[allow(clippy::too_many_arguments)]
fn decision(
    py: Python<'_>,
    sessions: Vec<PyRef<'_, ReviewSession>>,
    authority: String,
    decision_maker: String,
    date: Option<&str>,
    diary_number: Option<String>,
    decision_maker_title: Option<String>,
    requester: Option<String>,
    received: Option<&str>,
    mask_pending: bool,
) -> PyResult<Decision> {
    let details = record::DecisionDetails {
        authority,
        date: match date {
            Some(text) => parse_date("date", text)?,
            None => chrono::Local::now().date_naive(),
        },
        diary_number,
        decision_maker,
        decision_maker_title,
        requester,
        received: received
            .map(|text| parse_date("received", text))
            .transpose()?,
    };
    let request = core::Request::new(sessions.iter().map(|s| s.snapshot(py)).collect());
    Ok(Decision(record::Decision::from_request(
        &request,
        details,
        mask_pending,
    )))
}

/// Builds the `lantero.review` module.
pub fn module(py: Python<'_>) -> PyResult<Bound<'_, PyModule>> {
    let m = PyModule::new(py, "lantero.review")?;
    m.add_class::<ReviewSession>()?;
    m.add_class::<DecisionRecord>()?;
    m.add_class::<Decision>()?;
    m.add_function(wrap_pyfunction!(decision, &m)?)?;
    m.add("SCHEMA", core::SCHEMA)?;
    Ok(m)
}
