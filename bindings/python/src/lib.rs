//! The `lantero` Python package: thin PyO3 bindings over the Lantero library crates.
//!
//! One Rust module per Python submodule, mirroring the crates: `identifiers`, `risk`,
//! `assets`, `secrecy`, `framework` (lantero-core); `detect`, `review`, `redact`, `ner`
//! (lantero-redact); `cases`; `fraudfinder`; and `errors`, the exception hierarchy. No domain
//! logic lives here: each function converts its arguments, calls the crate (without the GIL
//! for heavy work) and converts the result. Records cross as dicts of the crates' serde shapes
//! (see `convert`).

#![warn(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod assets;
mod cases;
mod convert;
mod detect;
mod errors;
mod framework;
mod fraudfinder;
mod identifiers;
mod ner;
mod redact;
mod review;
mod risk;
mod secrecy;
mod sync;

use pyo3::prelude::*;

/// The compiled half of the `lantero` package; import `lantero` instead.
#[pymodule]
fn _lantero(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    let errors = PyModule::new(py, "lantero.errors")?;
    errors::register(&errors)?;
    add_submodule(m, "errors", errors)?;
    add_submodule(m, "identifiers", identifiers::module(py)?)?;
    add_submodule(m, "risk", risk::module(py)?)?;
    add_submodule(m, "assets", assets::module(py)?)?;
    add_submodule(m, "secrecy", secrecy::module(py)?)?;
    add_submodule(m, "framework", framework::module(py)?)?;
    add_submodule(m, "detect", detect::module(py)?)?;
    add_submodule(m, "review", review::module(py)?)?;
    add_submodule(m, "redact", redact::module(py)?)?;
    add_submodule(m, "ner", ner::module(py)?)?;
    add_submodule(m, "cases", cases::module(py)?)?;
    add_submodule(m, "fraudfinder", fraudfinder::module(py)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}

/// Adds `sub` as `_lantero.<name>` and makes it importable (`from lantero._lantero.risk import
/// RiskMatrix`), which the public `lantero.<name>` modules do; an extension's submodules are
/// otherwise attributes only.
fn add_submodule(m: &Bound<'_, PyModule>, name: &str, sub: Bound<'_, PyModule>) -> PyResult<()> {
    let modules = m.py().import("sys")?.getattr("modules")?;
    modules.set_item(format!("lantero._lantero.{name}"), &sub)?;
    m.add(name, sub)
}
