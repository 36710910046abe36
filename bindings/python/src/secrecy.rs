//! `lantero.secrecy`: the catalogue of secrecy provisions (offentlighets- och sekretesslagen)
//! as data, document contexts and candidate provisions for a finding.
//!
//! Provisions cross as dicts of the catalogue's JSON shape: ``{"id": "OSL 26:1", "title",
//! "subject", "damage_test": "rakt" | "omvant" | "absolut", "qualified_damage_test",
//! "duration_years", "contexts", "entities", "source", "verify", "note"}``.

use std::path::PathBuf;
use std::sync::Mutex;

use lantero_core::secrecy::{self as core, ProvisionId};
use pyo3::exceptions::PyOSError;
use pyo3::prelude::*;

use crate::convert::to_py;
use crate::errors::IntoPyResult;
use crate::sync::locked;

/// A catalogue of secrecy provisions. ``Catalogue()`` is the shipped OSL catalogue (a starting
/// point, not legal advice: entries with ``"verify": True`` must be checked by a lawyer).
/// Safe to share between threads.
#[pyclass(frozen, module = "lantero.secrecy")]
pub struct Catalogue(Mutex<core::Catalogue>);

#[pymethods]
impl Catalogue {
    #[new]
    fn new() -> Self {
        Self(Mutex::new(core::Catalogue::builtin().clone()))
    }

    /// A catalogue with no provisions and no contexts.
    #[staticmethod]
    fn empty() -> Self {
        Self(Mutex::new(core::Catalogue::empty()))
    }

    /// Reads a catalogue from JSON (schema ``lantero.secrecy-catalogue/v1``).
    #[staticmethod]
    #[pyo3(signature = (json, source_name="<json>"))]
    fn from_json(json: &str, source_name: &str) -> PyResult<Self> {
        core::Catalogue::from_json(json, source_name)
            .py()
            .map(|c| Self(Mutex::new(c)))
    }

    /// Reads a catalogue from a JSON file.
    #[staticmethod]
    fn load(path: PathBuf) -> PyResult<Self> {
        let json = std::fs::read_to_string(&path)
            .map_err(|err| PyOSError::new_err(format!("{}: {err}", path.display())))?;
        Self::from_json(&json, &path.display().to_string())
    }

    /// The catalogue as JSON.
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        locked(py, &self.0).to_json().py()
    }

    /// Checks ids, contexts and entities; raises on the first problem.
    fn validate(&self, py: Python<'_>) -> PyResult<()> {
        locked(py, &self.0).validate().py()
    }

    /// The catalogue's name.
    #[getter]
    fn name(&self, py: Python<'_>) -> String {
        locked(py, &self.0).name().to_owned()
    }

    /// The law it covers, e.g. ``"Offentlighets- och sekretesslag (2009:400)"``.
    #[getter]
    fn law(&self, py: Python<'_>) -> String {
        locked(py, &self.0).law().to_owned()
    }

    /// The notice shown with it (that it is not legal advice).
    #[getter]
    fn notice(&self, py: Python<'_>) -> String {
        locked(py, &self.0).notice().to_owned()
    }

    /// The provision for an id in any usual spelling (``"26:1"``, ``"26 kap. 1 §"``,
    /// ``"OSL 30:4 b"``); raises ``UnknownProvision``.
    fn get<'py>(&self, py: Python<'py>, provision_id: &str) -> PyResult<Bound<'py, PyAny>> {
        let catalogue = locked(py, &self.0);
        to_py(py, catalogue.get(provision_id).py()?)
    }

    /// Every provision, in the order of the law.
    fn provisions<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let catalogue = locked(py, &self.0);
        to_py(py, &catalogue.provisions().collect::<Vec<_>>())
    }

    /// Every context: ``{"id", "label", "description"?, "keywords"}``.
    fn contexts<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, locked(py, &self.0).contexts())
    }

    /// One context by id, or ``None``.
    fn context<'py>(&self, py: Python<'py>, context_id: &str) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &locked(py, &self.0).context(context_id))
    }

    /// The provisions that apply in a context (including those that apply everywhere).
    fn by_context<'py>(&self, py: Python<'py>, context_id: &str) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &locked(py, &self.0).by_context(context_id))
    }

    /// The contexts whose keywords occur in ``text``, most keywords first:
    /// ``[{"context": {...}, "keywords": [...]}, ...]``.
    fn detect_contexts<'py>(&self, py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyAny>> {
        let catalogue = locked(py, &self.0);
        to_py(py, &catalogue.detect_contexts(text))
    }

    /// Candidate provisions for a finding of ``entity`` (e.g. ``"PERSONNUMMER"``) in a document
    /// of ``contexts`` (context ids), most relevant first.
    fn candidates<'py>(
        &self,
        py: Python<'py>,
        entity: &str,
        contexts: Vec<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let catalogue = locked(py, &self.0);
        to_py(py, &catalogue.candidates(entity, &contexts))
    }

    /// Adds or replaces provisions and contexts from ``other`` (a lawyer's corrections);
    /// returns ``{"added", "replaced", "contexts_added", "contexts_replaced"}``.
    fn merge<'py>(&self, py: Python<'py>, other: &Catalogue) -> PyResult<Bound<'py, PyAny>> {
        let incoming = locked(py, &other.0).clone();
        let report = locked(py, &self.0).merge(incoming).py()?;
        to_py(py, &report)
    }

    fn __len__(&self, py: Python<'_>) -> usize {
        locked(py, &self.0).len()
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        let catalogue = locked(py, &self.0);
        format!(
            "Catalogue({:?}, {} provisions)",
            catalogue.name(),
            catalogue.len()
        )
    }
}

/// A provision id in its canonical form: ``"26 kap. 1 §"`` → ``"OSL 26:1"``.
#[pyfunction]
fn normalize_provision_id(text: &str) -> PyResult<String> {
    Ok(text.parse::<ProvisionId>().py()?.to_string())
}

/// A provision id in the long form used in written decisions: ``"OSL 26:1"`` →
/// ``"26 kap. 1 § OSL"``.
#[pyfunction]
fn citation(text: &str) -> PyResult<String> {
    Ok(text.parse::<ProvisionId>().py()?.citation())
}

/// Builds the `lantero.secrecy` module.
pub fn module(py: Python<'_>) -> PyResult<Bound<'_, PyModule>> {
    let m = PyModule::new(py, "lantero.secrecy")?;
    m.add_class::<Catalogue>()?;
    m.add_function(wrap_pyfunction!(normalize_provision_id, &m)?)?;
    m.add_function(wrap_pyfunction!(citation, &m)?)?;
    m.add("SCHEMA", core::SCHEMA)?;
    m.add("GENERAL_CONTEXT", core::GENERAL_CONTEXT)?;
    Ok(m)
}
