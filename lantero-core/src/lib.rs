//! # lantero-core
//!
//! The shared domain model of Lantero: no I/O, no native libraries, only the nouns every other
//! crate speaks.
//!
//! ```
//! use lantero_core::identifiers::Personnummer;
//!
//! let pnr: Personnummer = "19121212-1212".parse()?;
//! assert_eq!(pnr.to_string(), "19121212-1212");
//! # Ok::<(), lantero_core::Error>(())
//! ```
//!
//! | module | what it holds |
//! |---|---|
//! | [`identifiers`] | `Personnummer` (and samordningsnummer), `Organisationsnummer` |
//! | [`risk`] | probability and consequence scales, matrices, risk levels and treatment |
//! | [`assets`] | the asset register with KLASSA levels, dependencies and completeness findings |
//! | [`secrecy`] | the catalogue of secrecy provisions (OSL) as data |
//! | [`framework`] | frameworks → areas → activities → checklist items, assessments and progress |
//! | [`audit`] | an append-only, hash-chained audit log |
//! | [`registry`] | a registry of named plugin implementations |
#![cfg_attr(
    not(test),
    warn(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

pub mod assets;
pub mod audit;
mod error;
pub mod framework;
pub mod identifiers;
pub mod registry;
pub mod risk;
pub mod secrecy;

pub use error::{Error, IdentifierProblem, Result};
