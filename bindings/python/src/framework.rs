//! `lantero.framework`: frameworks of concrete activities with checklists, self-assessments,
//! scores and progress over time.
//!
//! The same engine carries FraudFinder's method packs and the cyber-hygiene baseline.
//! Frameworks are JSON with schema ``lantero.framework/v1``, assessments
//! ``lantero.assessment/v1``; scores cross as dicts (``{"framework_id", "date", "overall":
//! {...}, "areas": [...]}``).

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use chrono::NaiveDate;
use lantero_core::framework::{self as core, ActivityStatus, Answer, ItemAnswer};
use pyo3::exceptions::PyOSError;
use pyo3::prelude::*;

use crate::convert::{parse_name, to_py};
use crate::errors::IntoPyResult;
use crate::sync::locked;

/// A framework: areas → activities → checklist items, with a maturity scale and templates.
#[pyclass(frozen, module = "lantero.framework")]
#[derive(Clone)]
pub struct Framework(pub Arc<core::Framework>);

#[pymethods]
impl Framework {
    /// Reads and validates a framework from JSON; raises ``InvalidFramework`` or ``FormatError``.
    #[staticmethod]
    #[pyo3(signature = (json, source_name="<json>"))]
    fn from_json(json: &str, source_name: &str) -> PyResult<Self> {
        core::Framework::from_json(json, source_name)
            .py()
            .map(|f| Self(Arc::new(f)))
    }

    /// Reads a framework from a JSON file.
    #[staticmethod]
    fn load(path: PathBuf) -> PyResult<Self> {
        let json = std::fs::read_to_string(&path)
            .map_err(|err| PyOSError::new_err(format!("{}: {err}", path.display())))?;
        Self::from_json(&json, &path.display().to_string())
    }

    /// The framework as JSON.
    fn to_json(&self) -> PyResult<String> {
        self.0.to_json().py()
    }

    /// The whole framework as a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, self.0.as_ref())
    }

    /// The framework id.
    #[getter]
    fn id(&self) -> &str {
        &self.0.id
    }

    /// The framework version.
    #[getter]
    fn version(&self) -> &str {
        &self.0.version
    }

    /// The title.
    #[getter]
    fn title(&self) -> &str {
        &self.0.title
    }

    /// The areas as dicts, each with its activities and checklists.
    #[getter]
    fn areas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.0.areas)
    }

    /// The maturity scale: ``{"levels": [{"level", "label", "description"}, ...]}``.
    #[getter]
    fn maturity_scale<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.0.maturity_scale)
    }

    /// One area by id, or ``None``.
    fn area<'py>(&self, py: Python<'py>, area_id: &str) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.0.area(area_id))
    }

    /// One activity by id, or ``None``.
    fn activity<'py>(&self, py: Python<'py>, activity_id: &str) -> PyResult<Bound<'py, PyAny>> {
        to_py(
            py,
            &self.0.activity(activity_id).map(|(_, activity)| activity),
        )
    }

    /// The templates of an activity (checklists, documents to start from).
    fn templates_of<'py>(&self, py: Python<'py>, activity_id: &str) -> PyResult<Bound<'py, PyAny>> {
        let templates = self
            .0
            .activity(activity_id)
            .map(|(_, activity)| self.0.templates_of(activity))
            .unwrap_or_default();
        to_py(py, &templates)
    }

    /// Every checklist item: ``[{"area", "activity", "item": {...}}, ...]`` in order.
    fn items<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let items: Vec<_> = self
            .0
            .items()
            .map(|(area, activity, item)| {
                serde_json::json!({ "area": area.id, "activity": activity.id, "item": item })
            })
            .collect();
        to_py(py, &items)
    }

    /// Starts an empty self-assessment of this framework.
    fn assess(&self, date: NaiveDate, assessor: &str) -> Assessment {
        Assessment::wrap(self.clone(), core::Assessment::new(&self.0, date, assessor))
    }

    fn __repr__(&self) -> String {
        format!("Framework('{}', version '{}')", self.0.id, self.0.version)
    }
}

/// A self-assessment (självskattning) of one framework at a date. Every change is checked
/// against the framework. Safe to share between threads.
#[pyclass(frozen, module = "lantero.framework")]
pub struct Assessment {
    framework: Framework,
    inner: Mutex<core::Assessment>,
}

impl Assessment {
    /// A copy of the assessment as it stands.
    pub fn snapshot(&self, py: Python<'_>) -> core::Assessment {
        locked(py, &self.inner).clone()
    }

    fn wrap(framework: Framework, inner: core::Assessment) -> Self {
        Self {
            framework,
            inner: Mutex::new(inner),
        }
    }
}

#[pymethods]
impl Assessment {
    /// An empty assessment; the same as ``framework.assess(date, assessor)``.
    #[new]
    fn new(framework: &Framework, date: NaiveDate, assessor: &str) -> Self {
        framework.assess(date, assessor)
    }

    /// Reads an assessment from JSON and checks it against ``framework``.
    #[staticmethod]
    #[pyo3(signature = (json, framework, source_name="<json>"))]
    fn from_json(json: &str, framework: &Framework, source_name: &str) -> PyResult<Self> {
        let inner = core::Assessment::from_json(json, source_name, &framework.0).py()?;
        Ok(Self::wrap(framework.clone(), inner))
    }

    /// The assessment as JSON (schema ``lantero.assessment/v1``).
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        locked(py, &self.inner).to_json().py()
    }

    /// The framework assessed.
    #[getter]
    fn framework(&self) -> Framework {
        self.framework.clone()
    }

    /// The date of the assessment.
    #[getter]
    fn date(&self, py: Python<'_>) -> NaiveDate {
        locked(py, &self.inner).date()
    }

    /// Who made it.
    #[getter]
    fn assessor(&self, py: Python<'_>) -> String {
        locked(py, &self.inner).assessor().to_owned()
    }

    /// Answers a checklist item: ``"yes"``, ``"partly"``, ``"no"`` or ``"not_applicable"``,
    /// with an optional comment and evidence; replaces an earlier answer.
    #[pyo3(signature = (item_id, answer, *, comment=None, evidence=None))]
    fn answer(
        &self,
        py: Python<'_>,
        item_id: &str,
        answer: &str,
        comment: Option<String>,
        evidence: Option<String>,
    ) -> PyResult<()> {
        let answer = ItemAnswer {
            answer: parse_name::<Answer>(answer, "answer")?,
            comment,
            evidence,
        };
        locked(py, &self.inner)
            .answer(&self.framework.0, item_id, answer)
            .py()
    }

    /// Removes the answer to an item, returning it (or ``None``).
    fn clear_answer<'py>(&self, py: Python<'py>, item_id: &str) -> PyResult<Bound<'py, PyAny>> {
        let removed = locked(py, &self.inner).clear_answer(item_id);
        to_py(py, &removed)
    }

    /// Sets an area's maturity level (on the framework's scale).
    fn set_maturity(&self, py: Python<'_>, area_id: &str, level: u8) -> PyResult<()> {
        locked(py, &self.inner)
            .set_maturity(&self.framework.0, area_id, level)
            .py()
    }

    /// Sets an activity's status: ``"not_started"``, ``"in_progress"`` or ``"done"``.
    fn set_status(&self, py: Python<'_>, activity_id: &str, status: &str) -> PyResult<()> {
        let status = parse_name::<ActivityStatus>(status, "activity status")?;
        locked(py, &self.inner)
            .set_status(&self.framework.0, activity_id, status)
            .py()
    }

    /// The answer to an item, ``{"answer", "comment"?, "evidence"?}``, or ``None``.
    fn answer_for<'py>(&self, py: Python<'py>, item_id: &str) -> PyResult<Bound<'py, PyAny>> {
        let inner = locked(py, &self.inner);
        to_py(py, &inner.answer_for(item_id))
    }

    /// An area's maturity level, or ``None``.
    fn maturity_for(&self, py: Python<'_>, area_id: &str) -> Option<u8> {
        locked(py, &self.inner).maturity_for(area_id)
    }

    /// An activity's status (``"not_started"`` until set).
    fn status_for(&self, py: Python<'_>, activity_id: &str) -> String {
        crate::convert::name_of(&locked(py, &self.inner).status_for(activity_id))
    }

    /// Completion, maturity and progress, overall and per area.
    fn score<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let score = locked(py, &self.inner).score(&self.framework.0).py()?;
        to_py(py, &score)
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        let inner = locked(py, &self.inner);
        format!(
            "Assessment('{}', {}, {:?})",
            inner.framework_id(),
            inner.date(),
            inner.assessor()
        )
    }
}

/// The change between two assessments of ``framework``: ``{"framework_id", "from", "to",
/// "overall": {"completion", "maturity", "progress"}, "areas": [...]}``.
#[pyfunction]
fn compare<'py>(
    py: Python<'py>,
    framework: &Framework,
    earlier: &Assessment,
    later: &Assessment,
) -> PyResult<Bound<'py, PyAny>> {
    let earlier = locked(py, &earlier.inner).clone();
    let later = locked(py, &later.inner).clone();
    let comparison = core::Comparison::between(&framework.0, &earlier, &later).py()?;
    to_py(py, &comparison)
}

/// The change from each assessment to the next, ordered by date.
#[pyfunction]
fn history<'py>(
    py: Python<'py>,
    framework: &Framework,
    assessments: Vec<Bound<'py, Assessment>>,
) -> PyResult<Bound<'py, PyAny>> {
    let assessments: Vec<core::Assessment> = assessments
        .iter()
        .map(|a| locked(py, &a.get().inner).clone())
        .collect();
    let history = core::History::new(&framework.0, &assessments).py()?;
    to_py(py, &history.changes())
}

/// Builds the `lantero.framework` module.
pub fn module(py: Python<'_>) -> PyResult<Bound<'_, PyModule>> {
    let m = PyModule::new(py, "lantero.framework")?;
    m.add_class::<Framework>()?;
    m.add_class::<Assessment>()?;
    m.add_function(wrap_pyfunction!(compare, &m)?)?;
    m.add_function(wrap_pyfunction!(history, &m)?)?;
    m.add("SCHEMA", core::SCHEMA)?;
    m.add("ASSESSMENT_SCHEMA", core::ASSESSMENT_SCHEMA)?;
    Ok(m)
}
