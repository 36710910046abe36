//! How a command fails: an exit code from the contract and a one-line message.

use std::fmt;

/// A failed command: the exit code the contract prescribes and the one-line message for stderr.
#[derive(Debug)]
pub struct Failure {
    /// 1 = processing failure, 2 = bad usage or bad input.
    pub code: u8,
    /// One line naming the file (or other input) and what is wrong.
    pub message: String,
}

impl Failure {
    /// Bad usage or bad input (exit code 2).
    pub fn input(message: impl fmt::Display) -> Self {
        Self {
            code: 2,
            message: one_line(message),
        }
    }

    /// This failure with its message starting with `input` unless it already names it.
    pub fn naming(self, input: &std::path::Path) -> Self {
        let shown = input.display().to_string();
        if self.message.contains(&shown) {
            return self;
        }
        Self {
            message: format!("{shown}: {}", self.message),
            ..self
        }
    }

    /// The reader of stdout went away: stop quietly with exit 0, printing nothing.
    pub fn quiet() -> Self {
        Self {
            code: 0,
            message: String::new(),
        }
    }

    /// A processing failure (exit code 1).
    pub fn processing(message: impl fmt::Display) -> Self {
        Self {
            code: 1,
            message: one_line(message),
        }
    }
}

/// Collapses a message to one line so stderr stays one line per failure.
fn one_line(message: impl fmt::Display) -> String {
    message
        .to_string()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Result of a command.
pub type CommandResult = Result<(), Failure>;

impl From<lantero_redact::Error> for Failure {
    /// Bad documents and review files are bad input (2); everything else is a processing
    /// failure (1): a missing native library, an unwritable output, a failed verification.
    fn from(err: lantero_redact::Error) -> Self {
        Self::from(&err)
    }
}

impl From<&lantero_redact::Error> for Failure {
    fn from(err: &lantero_redact::Error) -> Self {
        use lantero_redact::Error as E;
        match err {
            E::Input { .. }
            | E::UnknownEntity(_)
            | E::Review { .. }
            | E::Profile { .. }
            | E::Pdf { .. }
            | E::Encrypted { .. }
            | E::Limit { .. } => Self::input(err),
            _ => Self::processing(err),
        }
    }
}
