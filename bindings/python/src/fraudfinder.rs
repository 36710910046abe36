//! `lantero.fraudfinder`: method support against welfare crime (content packs, mapping,
//! operative risk analyses, action plans) and control rules over payment data, with Python
//! callables as rules and DataFrames as data.

mod controls;
mod data;
mod method;
mod rule;

use pyo3::prelude::*;

/// Builds the `lantero.fraudfinder` module.
pub fn module(py: Python<'_>) -> PyResult<Bound<'_, PyModule>> {
    let m = PyModule::new(py, "lantero.fraudfinder")?;
    controls::register(&m)?;
    method::register(&m)?;
    m.add(
        "RULESET_SCHEMA",
        lantero_fraudfinder::controls::RULESET_SCHEMA,
    )?;
    Ok(m)
}
