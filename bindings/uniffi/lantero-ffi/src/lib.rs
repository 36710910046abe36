//! # lantero-ffi
//!
//! Lantero for Kotlin and Swift, generated with UniFFI from this crate's proc macros. The
//! layer is thin: it converts between the bindings' types and the library crates' types and
//! adds no behaviour of its own.
//!
//! | area | module | exported |
//! |---|---|---|
//! | identity numbers | [`identifiers`] | `parse_personnummer`, `parse_organisationsnummer`, `is_valid_*` |
//! | risk | [`risk`] | `RiskMatrix` (presets, JSON, `score`, `prioritise`) |
//! | assets | [`assets`] | `AssetRegister` (assets, dependencies, risks, findings, CSV/JSON) |
//! | cases | [`cases`] | `CaseService` on SQLite: reports, receipt dialogue, handling, deadlines |
//! | redaction | [`redact`] | `Detector`, `resolve_findings`, `Redactor`, `ReviewSession` |
//!
//! Errors cross the boundary as one enum per area (`IdentifierError`, `RiskError`,
//! `AssetError`, `CaseError`, `RedactError`), each variant carrying the library's one-line
//! message. Every exported function runs inside `guard::guard`, so a panic comes out
//! as the area's `Internal` variant rather than unwinding into the JVM or Swift runtime.
#![cfg_attr(
    not(test),
    warn(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

uniffi::setup_scaffolding!("lantero");

pub mod assets;
pub mod cases;
mod guard;
pub mod identifiers;
pub mod redact;
pub mod risk;
#[cfg(feature = "testing")]
pub mod testing;
