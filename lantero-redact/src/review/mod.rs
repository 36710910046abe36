//! Review sessions: the proposals a caseworker confirms before anything is masked.
//!
//! A session is a versioned JSON document (`lantero.review/v1`) bound to one input document by
//! its SHA-256, so that decisions are never applied to a different file. Each proposal has a
//! stable id derived from what it covers, a `decision` (`pending`, `accepted`, `rejected`), and
//! every change records who made it, when, and the secrecy provision relied on.
//!
//! ```
//! use lantero_redact::detect::Detector;
//! use lantero_redact::review::{Decision, ReviewSession};
//!
//! let text = "Sökande 19121212-1212";
//! let findings = Detector::builtin().detect_pages(&[text])?;
//! let mut session = ReviewSession::new("brev.txt", text.as_bytes(), 1, &findings);
//! let id = session.proposals[0].id.clone();
//! session.accept(&id, "anna.handlaggare", Some("OSL 26:1"))?;
//! assert_eq!(session.proposals[0].decision, Decision::Accepted);
//!
//! let json = session.to_json()?;
//! assert_eq!(ReviewSession::from_json(&json, "review.json")?, session);
//! # Ok::<(), lantero_redact::Error>(())
//! ```

mod proposal;
mod request;
mod session;

pub use proposal::{Decision, DecisionEvent, Origin, PRE_DECIDED_BY, Proposal};
pub use request::{REQUEST_SCHEMA, Request};
pub use session::{ReviewSession, SCHEMA};
