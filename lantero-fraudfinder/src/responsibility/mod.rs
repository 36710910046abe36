//! Responsibility matrix (ansvarsmatris) per payment area — budget owner, payment
//! decision, payment execution, ongoing control, follow-up — and its findings: roles
//! nobody holds, and one person in roles that must be kept apart.

mod findings;
mod matrix;

pub use findings::{ConflictRule, Finding};
pub use matrix::{PaymentArea, ResponsibilityMatrix, Role};
