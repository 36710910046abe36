//! The asset register for cyber hygiene (`lantero_core::assets`): assets with owner, location,
//! importance and KLASSA levels, their dependencies, risks and completeness findings.

mod error;
mod records;
mod register;

pub use error::AssetError;
pub use records::{Asset, AssetFinding, FindingKind, Klassa, Protection, RiskSummary};
pub use register::AssetRegister;
