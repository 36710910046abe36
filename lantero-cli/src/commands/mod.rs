//! One module per subcommand.

pub mod cases;
pub mod detect;
pub mod doctor;
pub mod eval;
mod output;
pub mod pseudonymize;
pub mod redact;
pub mod review;
