//! `lantero.ner`: the named-entity model measured on annotated text — exact-span precision,
//! recall, F1 and F2 and coverage recall per entity type, as `lantero eval ner` prints them.
//!
//! Reports cross as dicts of that command's JSON shape: ``{"schema": "lantero-ner-eval/1",
//! "file", "predictor": "model" | "detector", "sentences", "entities": {"PER": {"gold",
//! "predicted", "correct", "covered", "precision", "recall", "f1", "f2", "coverage"}, …,
//! "ALL": {…}}}``.

use std::path::PathBuf;

use lantero_redact::ner::NerModel;
use lantero_redact::ner::eval::{self as core, EVAL_SCHEMA};
use pyo3::prelude::*;

use crate::convert::to_py;
use crate::detect::Detector;
use crate::errors::IntoPyResult;

/// Scores an annotated CoNLL file (token and tag a line, a blank line between sentences):
/// the shipped model alone, or with ``detector`` what that detector and the resolver propose
/// (the model with the name lists and propagation; each sentence a document; only the entity
/// types the detector proposes are scored). Runs without the GIL.
#[pyfunction]
#[pyo3(signature = (path, detector=None))]
fn evaluate<'py>(
    py: Python<'py>,
    path: PathBuf,
    detector: Option<&Detector>,
) -> PyResult<Bound<'py, PyAny>> {
    let report = match detector {
        None => py.detach(|| core::evaluate_conll(&path, NerModel::shipped()?)),
        Some(detector) => {
            let detector = detector.snapshot(py);
            py.detach(|| core::evaluate_conll_detector(&path, &detector))
        }
    }
    .py()?;
    to_py(py, &report)
}

/// The submodule.
pub fn module(py: Python<'_>) -> PyResult<Bound<'_, PyModule>> {
    let m = PyModule::new(py, "lantero.ner")?;
    m.add_function(wrap_pyfunction!(evaluate, &m)?)?;
    m.add("EVAL_SCHEMA", EVAL_SCHEMA)?;
    Ok(m)
}
