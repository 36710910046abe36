//! `lantero.assets`: the asset register (tillgångsregister) with KLASSA levels, dependencies,
//! risks per asset, inherited protection needs and completeness findings.
//!
//! Assets cross as dicts of the register's JSON shape: ``{"id", "name", "kind", "owner",
//! "location", "importance", "klassa": {"confidentiality", "integrity", "availability"},
//! "last_reviewed", "review_interval_months", "risks": [...]}``.

use std::fs::File;
use std::io::BufReader;
use std::path::PathBuf;
use std::sync::Mutex;

use chrono::NaiveDate;
use lantero_core::assets::{
    Asset, AssetKind, AssetRegister as CoreRegister, Importance, REGISTER_SCHEMA,
};
use lantero_core::risk::Risk;
use pyo3::exceptions::PyOSError;
use pyo3::prelude::*;

use crate::convert::{from_py, name_of, to_py};
use crate::errors::IntoPyResult;
use crate::risk::RiskMatrix;
use crate::sync::locked;

/// An asset register. Safe to share between threads: every call takes the register's lock.
///
/// ``AssetRegister()`` is empty on the municipal 4×4 matrix; ``AssetRegister(matrix)`` on
/// another one. Read one with ``from_csv``/``read_csv`` (semicolon-separated, as Excel writes
/// it) or ``from_json``.
#[pyclass(frozen, module = "lantero.assets")]
pub struct AssetRegister(Mutex<CoreRegister>);

impl AssetRegister {
    fn wrap(register: CoreRegister) -> Self {
        Self(Mutex::new(register))
    }
}

fn matrix_or_default(matrix: Option<&RiskMatrix>) -> lantero_core::risk::RiskMatrix {
    matrix.map_or_else(lantero_core::risk::presets::municipal_4x4, |m| m.0.clone())
}

fn io_error(path: &std::path::Path, err: std::io::Error) -> PyErr {
    PyOSError::new_err(format!("{}: {err}", path.display()))
}

#[pymethods]
impl AssetRegister {
    #[new]
    #[pyo3(signature = (matrix=None))]
    fn new(matrix: Option<&RiskMatrix>) -> Self {
        Self::wrap(CoreRegister::new(matrix_or_default(matrix)))
    }

    /// Reads a register from CSV text (with or without BOM); ``source_name`` names it in errors.
    #[staticmethod]
    #[pyo3(signature = (text, matrix=None, source_name="<csv>"))]
    fn from_csv(
        py: Python<'_>,
        text: &str,
        matrix: Option<&RiskMatrix>,
        source_name: &str,
    ) -> PyResult<Self> {
        let matrix = matrix_or_default(matrix);
        py.detach(|| CoreRegister::read_csv(matrix, text.as_bytes(), source_name))
            .py()
            .map(Self::wrap)
    }

    /// Reads a register from a CSV file.
    #[staticmethod]
    #[pyo3(signature = (path, matrix=None))]
    fn read_csv(py: Python<'_>, path: PathBuf, matrix: Option<&RiskMatrix>) -> PyResult<Self> {
        let matrix = matrix_or_default(matrix);
        let file = File::open(&path).map_err(|err| io_error(&path, err))?;
        let name = path.display().to_string();
        py.detach(|| CoreRegister::read_csv(matrix, BufReader::new(file), &name))
            .py()
            .map(Self::wrap)
    }

    /// The register as CSV text (BOM first, semicolons, Swedish headers).
    fn to_csv(&self, py: Python<'_>) -> PyResult<String> {
        let mut out = Vec::new();
        locked(py, &self.0).write_csv(&mut out).py()?;
        Ok(String::from_utf8_lossy(&out).into_owned())
    }

    /// Writes the register to a CSV file.
    fn write_csv(&self, py: Python<'_>, path: PathBuf) -> PyResult<()> {
        let file = File::create(&path).map_err(|err| io_error(&path, err))?;
        locked(py, &self.0)
            .write_csv(std::io::BufWriter::new(file))
            .py()
    }

    /// Reads a register from JSON (schema ``lantero.asset-register/v1``).
    #[staticmethod]
    #[pyo3(signature = (json, source_name="<json>"))]
    fn from_json(json: &str, source_name: &str) -> PyResult<Self> {
        CoreRegister::from_json(json, source_name)
            .py()
            .map(Self::wrap)
    }

    /// The register as JSON (schema ``lantero.asset-register/v1``), matrix included.
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        locked(py, &self.0).to_json().py()
    }

    /// The matrix risks are scored on.
    #[getter]
    fn matrix(&self, py: Python<'_>) -> RiskMatrix {
        RiskMatrix(locked(py, &self.0).matrix().clone())
    }

    /// Adds an asset dict (``id``, ``name`` and ``kind`` required); raises ``AssetError`` if
    /// the id is taken, ``InvalidValue`` for a bad id or name.
    fn add(&self, py: Python<'_>, asset: &Bound<'_, PyAny>) -> PyResult<()> {
        let asset: Asset = from_py(asset, "asset")?;
        locked(py, &self.0).add(asset).py()
    }

    /// Adds a risk dict to an asset, checked against the matrix.
    fn add_risk(&self, py: Python<'_>, asset_id: &str, risk: &Bound<'_, PyAny>) -> PyResult<()> {
        let risk: Risk = from_py(risk, "risk")?;
        locked(py, &self.0).add_risk(asset_id, risk).py()
    }

    /// Records that ``dependent`` depends on ``dependency``; raises ``AssetError`` for an
    /// unknown id or a cycle (the message shows the path).
    fn add_dependency(&self, py: Python<'_>, dependent: &str, dependency: &str) -> PyResult<()> {
        locked(py, &self.0)
            .add_dependency(dependent, dependency)
            .py()
    }

    /// The ids ``asset_id`` depends on directly.
    fn dependencies(&self, py: Python<'_>, asset_id: &str) -> PyResult<Vec<String>> {
        let register = locked(py, &self.0);
        let ids = register.dependencies(asset_id).py()?;
        Ok(ids.into_iter().map(str::to_owned).collect())
    }

    /// The ids that depend directly on ``asset_id``.
    fn dependents(&self, py: Python<'_>, asset_id: &str) -> PyResult<Vec<String>> {
        let register = locked(py, &self.0);
        let ids = register.dependents(asset_id).py()?;
        Ok(ids.into_iter().map(str::to_owned).collect())
    }

    /// Every asset as a dict, in the order added.
    fn assets<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, locked(py, &self.0).assets())
    }

    /// One asset as a dict, or ``None``.
    fn get<'py>(&self, py: Python<'py>, asset_id: &str) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &locked(py, &self.0).get(asset_id))
    }

    /// What is missing from the register on ``today`` (default: today): each finding is
    /// ``{"finding": "missing_owner" | "not_risk_assessed" | "review_overdue" |
    /// "no_mobile_phones", "asset"?, "due"?, "message": Swedish text}``.
    #[pyo3(signature = (today=None))]
    fn findings<'py>(
        &self,
        py: Python<'py>,
        today: Option<NaiveDate>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let today = today.unwrap_or_else(|| chrono::Utc::now().date_naive());
        let findings = locked(py, &self.0).findings(today);
        let with_messages: Vec<_> = findings
            .iter()
            .map(|f| {
                let mut value = serde_json::to_value(f).unwrap_or_default();
                if let Some(map) = value.as_object_mut() {
                    map.insert("message".into(), f.to_string().into());
                }
                value
            })
            .collect();
        to_py(py, &with_messages)
    }

    /// Protection needs after inheritance through dependencies, one per asset in order:
    /// ``{"importance", "klassa"}``.
    fn inherited_protection<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &locked(py, &self.0).inherited_protection())
    }

    /// A summary of one asset's risks: ``{"risks", "highest", "highest_target", "level_counts"}``.
    fn risk_summary<'py>(&self, py: Python<'py>, asset_id: &str) -> PyResult<Bound<'py, PyAny>> {
        let summary = locked(py, &self.0).risk_summary(asset_id).py()?;
        to_py(py, &summary)
    }

    /// The risk summary of every asset, in order.
    fn risk_summaries<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let summaries = locked(py, &self.0).risk_summaries().py()?;
        to_py(py, &summaries)
    }

    fn __len__(&self, py: Python<'_>) -> usize {
        locked(py, &self.0).len()
    }

    fn __eq__(&self, py: Python<'_>, other: &Self) -> bool {
        if std::ptr::eq(self, other) {
            return true;
        }
        let mine = locked(py, &self.0).clone();
        *locked(py, &other.0) == mine
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!("AssetRegister({} assets)", locked(py, &self.0).len())
    }
}

/// The asset kinds as ``[{"key": "mobile_phone", "sv": "mobiltelefon"}, ...]``.
#[pyfunction]
fn asset_kinds<'py>(py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
    let all: Vec<_> = AssetKind::ALL
        .iter()
        .map(|k| serde_json::json!({ "key": name_of(k), "sv": k.label_sv() }))
        .collect();
    to_py(py, &all)
}

/// The importance levels as ``[{"key": "low", "sv": "låg", "ordinal": 0}, ...]``.
#[pyfunction]
fn importance_levels<'py>(py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
    let all: Vec<_> = Importance::ALL
        .iter()
        .map(|i| serde_json::json!({ "key": name_of(i), "sv": i.label_sv(), "ordinal": i.ordinal() }))
        .collect();
    to_py(py, &all)
}

/// Builds the `lantero.assets` module.
pub fn module(py: Python<'_>) -> PyResult<Bound<'_, PyModule>> {
    let m = PyModule::new(py, "lantero.assets")?;
    m.add_class::<AssetRegister>()?;
    m.add_function(wrap_pyfunction!(asset_kinds, &m)?)?;
    m.add_function(wrap_pyfunction!(importance_levels, &m)?)?;
    m.add("REGISTER_SCHEMA", REGISTER_SCHEMA)?;
    Ok(m)
}
