//! Method support against welfare crime: content packs, mapping (kartläggning) with
//! self-assessments, operative risk analyses per business unit, and action plans with
//! follow-up. Records cross as dicts of the crate's JSON shapes.

use std::sync::{Arc, Mutex};

use chrono::NaiveDate;
use lantero_core::risk::Estimate;
use lantero_fraudfinder::action_plan::{self, FollowUp, PlanActivity};
use lantero_fraudfinder::mapping;
use lantero_fraudfinder::packs;
use lantero_fraudfinder::risk_analysis::{self, BusinessUnit, IdentifiedRisk, RiskQuestion};
use pyo3::prelude::*;

use crate::convert::{from_py, parse_name, to_py};
use crate::errors::IntoPyResult;
use crate::framework::{Assessment, Framework};
use crate::risk::{HeatMap, RiskMatrix};
use crate::sync::locked;

/// A content pack: a framework of areas, activities and checklists with good examples, the
/// control rules that support each activity and the checklist items the asset register
/// answers. ``Pack.welfare_crime()`` and ``Pack.cyber_hygiene()`` ship with Lantero.
#[pyclass(frozen, module = "lantero.fraudfinder")]
pub struct Pack(packs::Pack);

#[pymethods]
impl Pack {
    /// The shipped welfare-crime pack (välfärdsbrott).
    #[staticmethod]
    fn welfare_crime() -> PyResult<Self> {
        packs::welfare_crime().py().map(Self)
    }

    /// The shipped cyber-hygiene pack (NIS2 article 21(2)(a)–(j)).
    #[staticmethod]
    fn cyber_hygiene() -> PyResult<Self> {
        packs::cyber_hygiene().py().map(Self)
    }

    /// Reads a pack from JSON; raises ``PackError``.
    #[staticmethod]
    #[pyo3(signature = (json, source_name="<json>"))]
    fn from_json(json: &str, source_name: &str) -> PyResult<Self> {
        packs::Pack::from_json(json, source_name).py().map(Self)
    }

    /// The pack as JSON.
    fn to_json(&self) -> PyResult<String> {
        self.0.to_json().py()
    }

    /// A municipality's own version of this pack, based on it.
    fn adapt(&self, municipality: &str, version: &str, published: NaiveDate) -> Self {
        Self(self.0.adapt(municipality, version, published))
    }

    /// Id, title, version, licence, authors, what it is based on.
    #[getter]
    fn metadata<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.0.metadata)
    }

    /// The framework, to assess with ``framework.assess(date, assessor)``.
    #[getter]
    fn framework(&self) -> Framework {
        Framework(Arc::new(self.0.framework.clone()))
    }

    /// Good examples from other municipalities, by activity.
    #[getter]
    fn examples<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.0.examples)
    }

    /// The control rules that support each activity, by activity id.
    #[getter]
    fn controls<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.0.controls)
    }

    fn __repr__(&self) -> String {
        format!(
            "Pack('{}', '{}')",
            self.0.metadata.id, self.0.metadata.version
        )
    }
}

/// A mapping (kartläggning): self-assessments of one framework over time, with progress per
/// area, history and the gaps that remain. Safe to share between threads.
#[pyclass(frozen, module = "lantero.fraudfinder")]
pub struct Mapping(Mutex<mapping::Mapping>);

#[pymethods]
impl Mapping {
    #[new]
    fn new(framework: &Framework) -> Self {
        Self(Mutex::new(mapping::Mapping::new(
            framework.0.as_ref().clone(),
        )))
    }

    /// Adds an assessment of the mapping's framework.
    fn add(&self, py: Python<'_>, assessment: &Assessment) -> PyResult<()> {
        let assessment = assessment.snapshot(py);
        locked(py, &self.0).add(assessment).py()
    }

    /// Progress per area and overall from the latest assessment, with the change since the
    /// one before.
    fn progress<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let report = locked(py, &self.0).progress().py()?;
        to_py(py, &report)
    }

    /// The checklist items and activities still missing in the latest assessment.
    fn gaps<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &locked(py, &self.0).gaps())
    }

    /// The change from each assessment to the next.
    fn history<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let history = locked(py, &self.0).history().py()?;
        to_py(py, &history.changes())
    }
}

/// An operative risk analysis per business unit, valued on a risk matrix. Units and risks
/// are dicts of the analysis's JSON shape. Safe to share between threads.
#[pyclass(frozen, module = "lantero.fraudfinder")]
pub struct RiskAnalysis(pub Mutex<risk_analysis::RiskAnalysis>);

#[pymethods]
impl RiskAnalysis {
    #[new]
    #[pyo3(signature = (id, title, date, matrix=None))]
    fn new(id: &str, title: &str, date: NaiveDate, matrix: Option<&RiskMatrix>) -> Self {
        let matrix =
            matrix.map_or_else(lantero_core::risk::presets::municipal_4x4, |m| m.0.clone());
        Self(Mutex::new(risk_analysis::RiskAnalysis::new(
            id, title, date, matrix,
        )))
    }

    /// Reads an analysis from JSON.
    #[staticmethod]
    fn from_json(json: &str) -> PyResult<Self> {
        risk_analysis::RiskAnalysis::from_json(json)
            .py()
            .map(|a| Self(Mutex::new(a)))
    }

    /// The analysis as JSON.
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        locked(py, &self.0).to_json().py()
    }

    /// Adds a business unit: ``{"id", "name", "payments": bool, "authority": [...], ...}``.
    fn add_unit(&self, py: Python<'_>, unit: &Bound<'_, PyAny>) -> PyResult<()> {
        let unit: BusinessUnit = from_py(unit, "business unit")?;
        locked(py, &self.0).add_unit(unit).py()
    }

    /// Records a unit's answer to one of the analysis questions (e.g.
    /// ``"exploited_before"``); ``concern`` marks it as pointing to a risk.
    #[pyo3(signature = (unit, question, answer, concern=false))]
    fn answer(
        &self,
        py: Python<'_>,
        unit: &str,
        question: &str,
        answer: &str,
        concern: bool,
    ) -> PyResult<()> {
        let question = parse_name::<RiskQuestion>(question, "risk question")?;
        locked(py, &self.0)
            .answer(unit, question, answer, concern)
            .py()
    }

    /// The questions a unit has not answered yet.
    fn unanswered(&self, py: Python<'_>, unit: &str) -> PyResult<Vec<String>> {
        let questions = locked(py, &self.0).unanswered(unit).py()?;
        Ok(questions.iter().map(crate::convert::name_of).collect())
    }

    /// Adds an identified risk: ``{"id", "unit", "risk": {...}, "valued": date, ...}``.
    fn add_risk(&self, py: Python<'_>, risk: &Bound<'_, PyAny>) -> PyResult<()> {
        let risk: IdentifiedRisk = from_py(risk, "identified risk")?;
        locked(py, &self.0).add_risk(risk).py()
    }

    /// Values a risk anew on ``date``.
    fn revalue(
        &self,
        py: Python<'_>,
        risk_id: &str,
        probability: u32,
        consequence: u32,
        date: NaiveDate,
    ) -> PyResult<()> {
        locked(py, &self.0)
            .revalue(risk_id, Estimate::new(probability, consequence), date)
            .py()
    }

    /// The risks, most urgent first, with scores and level labels.
    fn prioritised<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let ranked = locked(py, &self.0).prioritised().py()?;
        to_py(py, &ranked)
    }

    /// Risks last valued more than ``months`` before ``today``.
    fn due_for_revision<'py>(
        &self,
        py: Python<'py>,
        today: NaiveDate,
        months: u32,
    ) -> PyResult<Bound<'py, PyAny>> {
        let analysis = locked(py, &self.0);
        to_py(py, &analysis.due_for_revision(today, months))
    }

    /// The current estimates counted per cell and level.
    fn heat_map(&self, py: Python<'_>) -> PyResult<HeatMap> {
        Ok(HeatMap(locked(py, &self.0).heat_map().py()?))
    }

    /// The risks as dicts.
    fn risks<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, locked(py, &self.0).risks())
    }
}

/// An action plan (åtgärdsplan): activities tied to the risks they treat, follow-ups with
/// outcomes in SEK, and re-prioritisation. Safe to share between threads.
#[pyclass(frozen, module = "lantero.fraudfinder")]
pub struct ActionPlan(Mutex<action_plan::ActionPlan>);

#[pymethods]
impl ActionPlan {
    #[new]
    fn new(id: &str, title: &str) -> Self {
        Self(Mutex::new(action_plan::ActionPlan::new(id, title)))
    }

    /// Reads a plan from its JSON.
    #[staticmethod]
    fn from_json(json: &str) -> PyResult<Self> {
        serde_json::from_str(json)
            .map(|p| Self(Mutex::new(p)))
            .map_err(|err| {
                pyo3::exceptions::PyValueError::new_err(format!("invalid action plan: {err}"))
            })
    }

    /// The plan as JSON.
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        serde_json::to_string_pretty(&*locked(py, &self.0))
            .map_err(|err| pyo3::exceptions::PyValueError::new_err(err.to_string()))
    }

    /// Adds an activity ``{"id", "title", "risks", "owner", "phase", "deadline", ...}``; its
    /// risks must be in ``analysis``.
    fn add(
        &self,
        py: Python<'_>,
        activity: &Bound<'_, PyAny>,
        analysis: &RiskAnalysis,
    ) -> PyResult<()> {
        let activity: PlanActivity = from_py(activity, "plan activity")?;
        let analysis = locked(py, &analysis.0).clone();
        locked(py, &self.0).add(activity, &analysis).py()
    }

    /// Records a follow-up ``{"date", "status", "note", "outcome", "revised_risks"}``.
    fn follow_up(
        &self,
        py: Python<'_>,
        activity_id: &str,
        follow_up: &Bound<'_, PyAny>,
        analysis: &RiskAnalysis,
    ) -> PyResult<()> {
        let follow_up: FollowUp = from_py(follow_up, "follow-up")?;
        let analysis = locked(py, &analysis.0).clone();
        locked(py, &self.0)
            .follow_up(activity_id, follow_up, &analysis)
            .py()
    }

    /// The activities as dicts.
    fn activities<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, locked(py, &self.0).activities())
    }

    /// Open activities, most urgent first, by the risks they treat as revised.
    fn reprioritise<'py>(
        &self,
        py: Python<'py>,
        analysis: &RiskAnalysis,
        today: NaiveDate,
    ) -> PyResult<Bound<'py, PyAny>> {
        let analysis = locked(py, &analysis.0).clone();
        let ranked = locked(py, &self.0).reprioritise(&analysis, today).py()?;
        to_py(py, &ranked)
    }

    /// Activities per status on ``today`` (overdue counted).
    fn status_counts<'py>(&self, py: Python<'py>, today: NaiveDate) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &locked(py, &self.0).status_counts(today))
    }

    /// The outcomes of all follow-ups added up (reduced loss, recovered SEK, controls).
    fn outcome<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &locked(py, &self.0).outcome())
    }

    /// Risk ids in ``analysis`` that no activity treats.
    fn untreated_risks(&self, py: Python<'_>, analysis: &RiskAnalysis) -> Vec<String> {
        let analysis = locked(py, &analysis.0).clone();
        locked(py, &self.0)
            .untreated_risks(&analysis)
            .into_iter()
            .map(str::to_owned)
            .collect()
    }
}

/// Adds the method-support classes to `m`.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Pack>()?;
    m.add_class::<Mapping>()?;
    m.add_class::<RiskAnalysis>()?;
    m.add_class::<ActionPlan>()?;
    Ok(())
}
