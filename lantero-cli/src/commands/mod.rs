//! One module per subcommand.

pub mod cases;
pub mod detect;
pub mod doctor;
