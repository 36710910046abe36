//! Background checks (bakgrundskontroller) at recruitment to positions of high protection
//! value, as a documented workflow: the candidate is informed and consents, each check is
//! recorded with who did it, when and its outcome, and a decision closes the case.
//!
//! The workflow stores the *outcome* of the criminal-record extract (belastningsregister),
//! never its content: the step takes no free text, and the check cannot be completed until
//! the extract is recorded as returned or destroyed.

mod check;

pub use check::{
    BackgroundCheck, CheckKind, CheckStep, Consent, Position, ProtectionValue, Recommendation,
    Status, StepOutcome,
};
