//! Detection: recognizers find candidate spans in page text; the detector runs them, filters
//! them and turns them into [`Finding`]s.
//!
//! ```
//! use lantero_redact::detect::Detector;
//!
//! let findings = Detector::builtin().detect_pages(&["Org.nr 212000-1124"])?;
//! assert!(findings.iter().any(|f| f.entity.as_str() == "ORGANISATIONSNUMMER"));
//! # Ok::<(), lantero_redact::Error>(())
//! ```

pub mod context;
mod detector;
mod entity;
pub mod fail_closed;
mod finding;
pub mod label;
pub mod not_a_name;
mod offsets;
mod recognizer;
pub mod recognizers;

pub use detector::Detector;
pub use entity::Entity;
pub use finding::{Finding, Rect, number_findings, sort_findings};
pub use offsets::CharOffsets;
pub use recognizer::{Candidate, Recognizer};
