//! Risk model: probability and consequence scales, matrices, risk levels and treatment.
//!
//! A [`RiskMatrix`] joins a probability [`Scale`] and a consequence [`Scale`] (3 to 6 steps
//! each) with a list of [`RiskLevel`]s and a [`LevelRule`] that gives every cell its level,
//! either by thresholds on the value p × c or by an explicit grid. Scoring a pair gives a
//! [`RiskScore`]; a [`Risk`] holds a current and a target [`Estimate`] and a [`Treatment`];
//! [`prioritise`] sorts risks and [`HeatMap`] counts them per cell and level. [`presets`]
//! holds a Swedish municipal 4×4 and an ISO/IEC 27005 style 5×5 matrix.
//!
//! ```
//! use lantero_core::risk::{presets, prioritise, Estimate, HeatMap, Risk, Treatment};
//!
//! let matrix = presets::municipal_4x4();
//! let risks = vec![
//!     Risk::new("Stöld av bärbar dator", "IT-chef", Estimate::new(2, 3), Estimate::new(2, 1), Treatment::Reduce),
//!     Risk::new("Strömavbrott i serverhallen", "Driftchef", Estimate::new(3, 4), Estimate::new(1, 4), Treatment::Reduce),
//! ];
//! let ranked = prioritise(&matrix, &risks)?;
//! assert_eq!(ranked[0].index, 1);
//! assert_eq!(matrix.level(ranked[0].current.level).map(|l| l.label.sv.as_str()), Some("Mycket hög"));
//!
//! let heat = HeatMap::of_risks(&matrix, &risks)?;
//! assert_eq!(heat.count(3, 4), 1);
//! # Ok::<(), lantero_core::Error>(())
//! ```

mod assessment;
mod heatmap;
mod label;
mod level;
mod matrix;
pub mod presets;
mod priority;
mod scale;
mod treatment;

pub use assessment::{Estimate, Risk};
pub use heatmap::HeatMap;
pub use label::Label;
pub use level::{LevelRule, MAX_LEVELS, MIN_LEVELS, RiskLevel};
pub use matrix::{MATRIX_SCHEMA, RiskMatrix, RiskMatrixDefinition, RiskScore};
pub use priority::{RankedRisk, compare_priority, prioritise};
pub use scale::{Axis, MAX_STEPS, MIN_STEPS, Scale, ScaleStep};
pub use treatment::Treatment;
