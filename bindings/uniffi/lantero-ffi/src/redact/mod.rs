//! Redaction (`lantero_redact`): detection on text, the document pipeline, review sessions
//! and decision records.

mod detect;
mod error;
mod findings;
mod pipeline;
mod review;

pub use detect::{Detector, entity_names, resolve_findings};
pub use error::RedactError;
pub use findings::{Finding, Rect};
pub use pipeline::{Analysis, RedactReport, Redactor};
pub use review::{AppliedProvision, DecisionEvent, DecisionRecord, Proposal, ReviewSession, Span};
