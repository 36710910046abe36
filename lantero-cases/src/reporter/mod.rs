//! The reporter's side: the anonymous receipt, brute-force throttling, and the identity that
//! only a custodian can unlock.

mod identity;
mod receipt;
mod throttle;

pub use identity::{ReporterIdentity, RevealId, RevealRequest, RevealState};
pub use receipt::{Argon2Params, Receipt, hash_receipt};
pub use throttle::{ThrottleConfig, Verdict};
