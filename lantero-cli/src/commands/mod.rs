//! One module per subcommand.

pub mod cases;
pub mod detect;
pub mod doctor;
mod output;
pub mod redact;
pub mod review;
