//! # lantero-fraudfinder
//!
//! Method support against welfare crime (välfärdsbrott) for Swedish municipalities, and
//! the cyber-hygiene content that runs on the same framework engine.
//!
//! A coordinator — often alone, often half-time — maps where the municipality stands,
//! analyses risks per business unit, runs an action plan tied to those risks, follows up
//! the outcomes and reports upward. Control rules over payment data find the records worth
//! a closer look.
//!
//! | module | what it holds |
//! |---|---|
//! | [`packs`] | the shipped content packs (welfare crime, cyber hygiene) as versioned JSON; export, import, good examples |
//! | [`mapping`] | questionnaires per area, self-assessments, progress and history, gaps |
//! | [`risk_analysis`] | operative risk analysis per business unit on the core risk matrices |
//! | [`action_plan`] | activities linked to risks, follow-up, outcomes in SEK, re-prioritisation |
//! | [`responsibility`] | the responsibility matrix per payment area and its findings |
//! | [`bisyssla`] | secondary occupations against sensitive roles and the supplier register |
//! | [`background_check`] | background checks for positions of high protection value |
//! | [`controls`] | the control-rule language, engine, SQL export, review queues |
//! | [`report`] | management reports in Markdown and self-contained HTML with SVG charts |
//! | [`sample`] | a fictional municipality's data with planted fraud patterns |
//!
//! ```
//! use lantero_fraudfinder::{controls, packs, sample};
//!
//! let pack = packs::welfare_crime()?;
//! assert_eq!(pack.metadata.licence, "CC-BY-4.0");
//!
//! let scenario = sample::Scenario::generate(&sample::ScenarioOptions::default())?;
//! let mut data = scenario.load()?;
//! let report = controls::standard_rules()?.run(&mut data)?;
//! assert_eq!(report.flags.len(), scenario.expected().len());
//! # Ok::<(), lantero_fraudfinder::Error>(())
//! ```
#![cfg_attr(
    not(test),
    warn(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

pub mod action_plan;
pub mod background_check;
pub mod bisyssla;
pub mod controls;
mod error;
pub mod mapping;
pub mod packs;
pub mod report;
pub mod responsibility;
pub mod risk_analysis;
pub mod sample;

pub use error::{Error, Result};
