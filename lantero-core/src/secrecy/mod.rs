//! The catalogue of secrecy provisions (offentlighets- och sekretesslagen, OSL) as data.
//!
//! When a caseworker masks part of a document, the written decision must cite the provision
//! relied on. The redaction pipeline therefore attaches candidate provisions to each finding:
//! it detects the document's [`Context`] (socialtjänst, skola, visselblåsning, …) from keywords
//! and asks the [`Catalogue`] which provisions protect that kind of entity there.
//!
//! The legal content lives in `data/secrecy/osl.json`, not in code, so that a lawyer can read
//! and correct it, and a customer can [`Catalogue::merge`] corrected entries. The shipped
//! catalogue is a starting point, not legal advice: every entry names its source, and entries
//! marked [`Provision::verify`] are known to be uncertain and **must be checked by a lawyer**.
//!
//! ```
//! use lantero_core::secrecy::{Catalogue, DamageTest};
//!
//! let osl = Catalogue::builtin();
//! let whistleblower = osl.get("30 kap. 4 b §")?;
//! assert_eq!(whistleblower.id.to_string(), "OSL 30:4 b");
//! assert_eq!(whistleblower.damage_test, DamageTest::Absolut);
//! assert!(whistleblower.verify);
//! # Ok::<(), lantero_core::Error>(())
//! ```

mod candidates;
mod catalogue;
mod citation;
mod context;
mod merge;
mod provision;
mod provision_id;

pub use catalogue::{Catalogue, SCHEMA};
pub use context::{Context, ContextMatch, GENERAL_CONTEXT};
pub use merge::MergeReport;
pub use provision::{DamageTest, Provision};
pub use provision_id::ProvisionId;
