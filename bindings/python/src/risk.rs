//! `lantero.risk`: probability × consequence matrices, scoring, prioritising and heat maps.
//!
//! Risks and scores cross as dicts of the crate's JSON shape:
//! a risk is ``{"description", "owner", "current": {"probability", "consequence"},
//! "target": {...}, "treatment": "reduce" | "accept" | "avoid" | "transfer", "notes"}``.

use lantero_core::risk::{self as core, Risk, Treatment, presets};
use pyo3::prelude::*;

use crate::convert::{from_py, name_of, to_py};
use crate::errors::IntoPyResult;

/// A risk matrix: probability and consequence scales (3–6 steps), levels and the rule that
/// gives every cell its level.
///
/// Build one from a preset (``RiskMatrix.municipal_4x4()``, ``RiskMatrix.iso27005_5x5()``),
/// from JSON (schema ``lantero.risk-matrix/v1``) or from a definition dict.
#[pyclass(frozen, eq, module = "lantero.risk")]
#[derive(Clone, PartialEq)]
pub struct RiskMatrix(pub core::RiskMatrix);

#[pymethods]
impl RiskMatrix {
    /// Checks a definition dict (``id``, ``name``, ``probability``, ``consequence``,
    /// ``levels``, ``rule``) and builds the matrix; raises ``InvalidMatrix`` if inconsistent.
    #[new]
    fn new(definition: &Bound<'_, PyAny>) -> PyResult<Self> {
        let definition = from_py(definition, "risk matrix definition")?;
        core::RiskMatrix::new(definition).py().map(Self)
    }

    /// The Swedish municipal 4×4 matrix (``sv-kommun-4x4``).
    #[staticmethod]
    fn municipal_4x4() -> Self {
        Self(presets::municipal_4x4())
    }

    /// An ISO/IEC 27005 style 5×5 matrix (``iso27005-5x5``).
    #[staticmethod]
    fn iso27005_5x5() -> Self {
        Self(presets::iso27005_5x5())
    }

    /// Reads a matrix from its JSON (schema ``lantero.risk-matrix/v1``).
    #[staticmethod]
    fn from_json(json: &str) -> PyResult<Self> {
        core::RiskMatrix::from_json(json).py().map(Self)
    }

    /// The matrix as JSON (schema ``lantero.risk-matrix/v1``).
    fn to_json(&self) -> PyResult<String> {
        self.0.to_json().py()
    }

    /// The definition as a dict (what ``RiskMatrix(definition)`` takes).
    fn definition<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, self.0.definition())
    }

    /// The matrix id, e.g. ``"sv-kommun-4x4"``.
    #[getter]
    fn id(&self) -> &str {
        self.0.id()
    }

    /// The name, ``{"sv": ..., "en": ...}``.
    #[getter]
    fn name<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, self.0.name())
    }

    /// The levels, lowest first: ``[{"ordinal": 0, "label": {"sv", "en"}}, ...]``.
    #[getter]
    fn levels<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, self.0.levels())
    }

    /// Number of probability steps.
    #[getter]
    fn probability_steps(&self) -> u32 {
        self.0.probability().max()
    }

    /// Number of consequence steps.
    #[getter]
    fn consequence_steps(&self) -> u32 {
        self.0.consequence().max()
    }

    /// Scores a pair: ``{"probability", "consequence", "value", "level"}``; raises
    /// ``OutOfScale`` when a value is off its scale.
    fn score<'py>(
        &self,
        py: Python<'py>,
        probability: u32,
        consequence: u32,
    ) -> PyResult<Bound<'py, PyAny>> {
        let score = self.0.score(probability, consequence).py()?;
        to_py(py, &score)
    }

    /// The level with this ordinal, or ``None``.
    fn level<'py>(&self, py: Python<'py>, ordinal: u8) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.0.level(ordinal))
    }

    fn __repr__(&self) -> String {
        format!(
            "RiskMatrix('{}', {}x{})",
            self.0.id(),
            self.0.probability().max(),
            self.0.consequence().max()
        )
    }
}

/// Counts of risks per (probability, consequence) cell and per level.
#[pyclass(frozen, module = "lantero.risk")]
pub struct HeatMap(pub core::HeatMap);

#[pymethods]
impl HeatMap {
    /// The heat map of the current estimates of ``risks`` on ``matrix``.
    #[new]
    fn new(matrix: &RiskMatrix, risks: &Bound<'_, PyAny>) -> PyResult<Self> {
        let risks: Vec<Risk> = from_py(risks, "risks")?;
        core::HeatMap::of_risks(&matrix.0, &risks).py().map(Self)
    }

    /// Risks in cell (probability, consequence); 0 off the matrix.
    fn count(&self, probability: u32, consequence: u32) -> u64 {
        self.0.count(probability, consequence)
    }

    /// One row per probability step (lowest first), one count per consequence step.
    #[getter]
    fn rows(&self) -> Vec<Vec<u64>> {
        self.0.rows().map(<[u64]>::to_vec).collect()
    }

    /// Risks per level, indexed by level ordinal.
    #[getter]
    fn level_counts(&self) -> Vec<u64> {
        self.0.level_counts().to_vec()
    }

    /// Risks counted.
    #[getter]
    fn total(&self) -> u64 {
        self.0.total()
    }
}

/// Sorts ``risks`` most urgent first (level, then value, then consequence; stable) and returns
/// ``[{"index", "current": score, "target": score}, ...]``, ``index`` pointing into ``risks``.
#[pyfunction]
fn prioritise<'py>(
    py: Python<'py>,
    matrix: &RiskMatrix,
    risks: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let risks: Vec<Risk> = from_py(risks, "risks")?;
    let ranked = py.detach(|| core::prioritise(&matrix.0, &risks)).py()?;
    to_py(py, &ranked)
}

/// Scores a risk dict: ``{"current": score, "target": score}``; checks both estimates.
#[pyfunction]
fn score_risk<'py>(
    py: Python<'py>,
    matrix: &RiskMatrix,
    risk: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let risk: Risk = from_py(risk, "risk")?;
    let current = risk.current_score(&matrix.0).py()?;
    let target = risk.target_score(&matrix.0).py()?;
    to_py(
        py,
        &serde_json::json!({ "current": current, "target": target }),
    )
}

/// The treatment options with their labels:
/// ``[{"key": "reduce", "sv": "reducera", "en": "reduce"}, ...]``.
#[pyfunction]
fn treatments<'py>(py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
    let all: Vec<_> = Treatment::ALL
        .iter()
        .map(|t| serde_json::json!({ "key": name_of(t), "sv": t.label_sv(), "en": t.label_en() }))
        .collect();
    to_py(py, &all)
}

/// Builds the `lantero.risk` module.
pub fn module(py: Python<'_>) -> PyResult<Bound<'_, PyModule>> {
    let m = PyModule::new(py, "lantero.risk")?;
    m.add_class::<RiskMatrix>()?;
    m.add_class::<HeatMap>()?;
    m.add_function(wrap_pyfunction!(prioritise, &m)?)?;
    m.add_function(wrap_pyfunction!(score_risk, &m)?)?;
    m.add_function(wrap_pyfunction!(treatments, &m)?)?;
    m.add("MATRIX_SCHEMA", core::MATRIX_SCHEMA)?;
    Ok(m)
}
