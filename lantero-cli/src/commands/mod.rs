//! One module per subcommand.

mod batch;
pub mod cases;
pub mod decide;
pub mod decision;
pub mod detect;
pub mod doctor;
pub mod eval;
mod limits;
mod output;
pub mod pseudonymize;
mod public;
pub mod redact;
pub mod review;
