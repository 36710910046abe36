//! The one error type of `lantero-fraudfinder`.
//!
//! Every variant names the input and what is wrong with it. Errors from the shared domain
//! model pass through unchanged as [`Error::Core`].

use crate::controls::language::ParseError;
use crate::controls::sql::SqlError;

/// Result alias used throughout `lantero-fraudfinder`.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong in `lantero-fraudfinder`.
///
/// ```
/// use lantero_fraudfinder::Error;
///
/// let err = Error::NotFound { what: "risk", id: "r-9".into() };
/// assert_eq!(err.to_string(), "risk \"r-9\" not found");
/// ```
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// An error from `lantero-core` (frameworks, risk matrices, identifiers).
    #[error(transparent)]
    Core(#[from] lantero_core::Error),
    /// A field holds a value that is not allowed.
    #[error("invalid {field} {value:?}: {reason}")]
    InvalidValue {
        /// The field name.
        field: &'static str,
        /// The value given.
        value: String,
        /// Why it is not allowed.
        reason: String,
    },
    /// Something referenced does not exist.
    #[error("{what} {id:?} not found")]
    NotFound {
        /// What was looked for, e.g. `"risk"`.
        what: &'static str,
        /// The id given.
        id: String,
    },
    /// Something with this id exists already.
    #[error("{what} {id:?} already exists")]
    Duplicate {
        /// What, e.g. `"activity"`.
        what: &'static str,
        /// The id given.
        id: String,
    },
    /// A content pack cannot be read or is inconsistent.
    #[error("content pack {source_name}: {reason}")]
    Pack {
        /// The pack file or id.
        source_name: String,
        /// What is wrong.
        reason: String,
    },
    /// A rule text could not be parsed; the error carries line and column.
    #[error("rule source {source_name}: {error}")]
    RuleSyntax {
        /// The rule file or rule set id.
        source_name: String,
        /// Where and what.
        error: ParseError,
    },
    /// A parsed rule does not fit the data it is to run over (unknown column, wrong type).
    #[error("rule {rule:?}: {reason}")]
    RuleInvalid {
        /// The rule name.
        rule: String,
        /// What is wrong.
        reason: String,
    },
    /// Input data (CSV, Parquet) could not be read.
    #[error("data {source_name}, row {row}, column {column:?}: {reason}")]
    Data {
        /// The file or data set name.
        source_name: String,
        /// 1-based data row (0 for the header or the file as a whole).
        row: u64,
        /// The column, empty when not about one column.
        column: String,
        /// What is wrong.
        reason: String,
    },
    /// A step in a workflow is not allowed in the current state.
    #[error("{what} {id:?}: {reason}")]
    NotAllowed {
        /// What, e.g. `"background check"`.
        what: &'static str,
        /// Its id.
        id: String,
        /// Why the step is refused.
        reason: String,
    },
    /// A rule cannot be written as SQL (e.g. a string holding a NUL character).
    #[error("rule {rule:?} as SQL: {error}")]
    Sql {
        /// The rule name.
        rule: String,
        /// What cannot be written.
        error: SqlError,
    },
    /// A custom control rule (e.g. a Python callable) failed.
    #[error("control rule {rule:?} failed: {reason}")]
    RuleFailed {
        /// The rule name.
        rule: String,
        /// What it reported.
        reason: String,
    },
}

impl Error {
    /// A [`Error::Data`] error about the file or data set as a whole.
    pub(crate) fn data(source_name: &str, reason: impl Into<String>) -> Self {
        Error::Data {
            source_name: source_name.to_owned(),
            row: 0,
            column: String::new(),
            reason: reason.into(),
        }
    }
}
