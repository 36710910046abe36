//! Asset register (tillgångsregister) for cyber hygiene: assets with owner, location,
//! importance and KLASSA levels, the dependencies between them, risk assessments per asset,
//! protection needs inherited through dependencies, and completeness findings.
//!
//! ```
//! use chrono::NaiveDate;
//! use lantero_core::assets::{Asset, AssetKind, AssetRegister, Finding, Importance, Klassa};
//! use lantero_core::risk::{presets, Estimate, Risk, Treatment};
//!
//! let mut register = AssetRegister::new(presets::municipal_4x4());
//! let mut payroll = Asset::new("lon", "Lönesystem", AssetKind::System)?;
//! payroll.importance = Importance::Critical;
//! payroll.klassa = Klassa::new(3, 4, 2)?;
//! payroll.owner = Some("HR-chef".into());
//! register.add(payroll)?;
//! register.add(Asset::new("db", "Databasserver", AssetKind::Database)?)?;
//! register.add_dependency("lon", "db")?;
//! register.add_risk("lon", Risk::new("Obehörig ändring av utbetalning", "HR-chef",
//!     Estimate::new(2, 4), Estimate::new(1, 4), Treatment::Reduce))?;
//!
//! // The database inherits the payroll system's protection needs.
//! let protection = register.inherited_protection();
//! assert_eq!(protection[1].importance, Importance::Critical);
//! assert_eq!(protection[1].klassa, Klassa::new(3, 4, 2)?);
//!
//! let today = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap_or_default();
//! let findings = register.findings(today);
//! assert!(findings.contains(&Finding::MissingOwner { asset: "db".into() }));
//! assert!(findings.contains(&Finding::NoMobilePhones));
//! # Ok::<(), lantero_core::Error>(())
//! ```

mod asset;
mod csv;
mod dependencies;
mod findings;
mod importance;
mod inheritance;
mod json;
mod kind;
mod klassa;
mod register;
mod risk_summary;

pub use asset::{Asset, DEFAULT_REVIEW_INTERVAL_MONTHS, check_id};
pub use findings::Finding;
pub use importance::Importance;
pub use inheritance::Protection;
pub use json::REGISTER_SCHEMA;
pub use kind::AssetKind;
pub use klassa::{Klassa, KlassaLevel};
pub use register::AssetRegister;
pub use risk_summary::RiskSummary;
