//! The one error type of `lantero-core`.
//!
//! Every variant names the input and what is wrong with it, so that the one-line message is
//! enough for a caseworker or an operator to act on.

/// Result alias used throughout `lantero-core`.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong in `lantero-core`.
///
/// ```
/// use lantero_core::Error;
///
/// let err = Error::OutOfScale { what: "probability", value: 7, max: 5 };
/// assert_eq!(err.to_string(), "probability 7 is outside the scale 1..=5");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    // --- identifiers ---------------------------------------------------------------------
    /// A string is not a valid personnummer or samordningsnummer.
    #[error("invalid personnummer {input:?}: {reason}")]
    InvalidPersonnummer {
        /// The input as given.
        input: String,
        /// What is wrong with it.
        reason: IdentifierProblem,
    },
    /// A string is not a valid organisationsnummer.
    #[error("invalid organisationsnummer {input:?}: {reason}")]
    InvalidOrganisationsnummer {
        /// The input as given.
        input: String,
        /// What is wrong with it.
        reason: IdentifierProblem,
    },

    // --- risk ----------------------------------------------------------------------------
    /// A probability or consequence value lies outside its scale.
    #[error("{what} {value} is outside the scale 1..={max}")]
    OutOfScale {
        /// `"probability"` or `"consequence"`.
        what: &'static str,
        /// The value given.
        value: u32,
        /// The largest value on the scale.
        max: u32,
    },
    /// A scale or matrix definition is inconsistent.
    #[error("invalid risk matrix {name:?}: {reason}")]
    InvalidMatrix {
        /// The matrix or scale name.
        name: String,
        /// What is inconsistent.
        reason: String,
    },

    // --- assets --------------------------------------------------------------------------
    /// An asset id was referenced but is not in the register.
    #[error("unknown asset {0:?}")]
    UnknownAsset(String),
    /// An asset id is used twice.
    #[error("duplicate asset id {0:?}")]
    DuplicateAsset(String),
    /// Adding a dependency would create a cycle; the path shows it.
    #[error("dependency cycle: {}", .0.join(" -> "))]
    DependencyCycle(Vec<String>),

    // --- data formats ----------------------------------------------------------------------
    /// A CSV input could not be read.
    #[error("CSV {source_name}, line {line}: {reason}")]
    Csv {
        /// The file or source name.
        source_name: String,
        /// 1-based line number (0 when unknown).
        line: u64,
        /// What is wrong.
        reason: String,
    },
    /// A JSON input could not be read.
    #[error("JSON {source_name}: {reason}")]
    Json {
        /// The file or source name.
        source_name: String,
        /// What is wrong.
        reason: String,
    },
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

    // --- secrecy catalogue ---------------------------------------------------------------
    /// No provision with this id exists in the catalogue.
    #[error("unknown secrecy provision {0:?}")]
    UnknownProvision(String),

    // --- frameworks ----------------------------------------------------------------------
    /// A framework definition or an assessment refers to something that does not exist or is
    /// inconsistent.
    #[error("invalid framework {framework:?}: {reason}")]
    InvalidFramework {
        /// The framework id.
        framework: String,
        /// What is wrong.
        reason: String,
    },

    // --- audit ---------------------------------------------------------------------------
    /// The audit chain does not verify.
    #[error("audit chain broken at event {index}: {reason}")]
    AuditChainBroken {
        /// 0-based position of the first event that fails.
        index: u64,
        /// What failed.
        reason: String,
    },

    // --- registry ------------------------------------------------------------------------
    /// No implementation is registered under this name.
    #[error("no {kind} named {name:?} is registered (known: {known})")]
    NotRegistered {
        /// The plugin kind, e.g. `"recognizer"`.
        kind: String,
        /// The name asked for.
        name: String,
        /// The registered names, comma-separated.
        known: String,
    },
    /// An implementation is already registered under this name.
    #[error("a {kind} named {name:?} is already registered")]
    AlreadyRegistered {
        /// The plugin kind.
        kind: String,
        /// The name.
        name: String,
    },
}

/// Why a personnummer or organisationsnummer was rejected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum IdentifierProblem {
    /// Not 10 or 12 digits with an optional `-` or `+` separator.
    #[error("expected 10 or 12 digits with an optional '-' or '+' before the last four")]
    Format,
    /// The check digit does not match (Luhn).
    #[error("check digit does not match")]
    Checksum,
    /// The date part is not a real calendar date.
    #[error("not a real date")]
    Date,
    /// The serial number is 000, which is never issued.
    #[error("serial number 000 is never issued")]
    Serial,
    /// An interim number (letter in the serial) where interim numbers are not accepted.
    #[error("interim numbers are not accepted here")]
    Interim,
    /// The birth date lies after the reference date.
    #[error("birth date lies in the future")]
    Future,
    /// The number is a personnummer where an organisationsnummer was required, or the third
    /// digit is below 2.
    #[error("third digit must be 2 or more for a legal entity")]
    NotLegalEntity,
    /// The century prefix of a 12-digit organisationsnummer is not `16`.
    #[error("12-digit organisationsnummer must start with 16")]
    Prefix,
}
