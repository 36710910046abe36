//! The one error type of `lantero-cases`.
//!
//! Every variant names the input and what is wrong with it. Messages never carry secret values
//! (receipts, keys, reporter identities, case content): they may end up in logs.

/// Result alias used throughout `lantero-cases`.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong in `lantero-cases`.
///
/// ```
/// use lantero_cases::Error;
///
/// let err = Error::NotFound { what: "case", id: "c-1".into() };
/// assert_eq!(err.to_string(), "case \"c-1\" not found");
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A field holds a value that is not allowed.
    #[error("invalid {field} {value:?}: {reason}")]
    InvalidValue {
        /// The field name.
        field: &'static str,
        /// The value given (never a secret).
        value: String,
        /// Why it is not allowed.
        reason: String,
    },
    /// Something referenced does not exist (in this tenant).
    #[error("{what} {id:?} not found")]
    NotFound {
        /// What was looked for, e.g. `"case"`.
        what: &'static str,
        /// The id given.
        id: String,
    },
    /// Something with this id exists already.
    #[error("{what} {id:?} already exists")]
    AlreadyExists {
        /// What, e.g. `"tenant"`.
        what: &'static str,
        /// The id given.
        id: String,
    },
    /// The status machine does not allow this step.
    #[error("a {kind} case cannot go from {from} to {to}")]
    InvalidTransition {
        /// The case kind.
        kind: String,
        /// The current status.
        from: String,
        /// The status asked for.
        to: String,
    },
    /// The operation does not fit the case (wrong kind, closed, purged, already decided).
    #[error("case {case}: {reason}")]
    InvalidState {
        /// The case reference or id.
        case: String,
        /// Why the operation does not apply.
        reason: String,
    },
    /// The access policy denied the action.
    #[error("access denied: {actor} may not {action}: {reason}")]
    Denied {
        /// The actor id.
        actor: String,
        /// The action asked for.
        action: String,
        /// Why it was denied.
        reason: String,
    },
    /// A receipt did not match any report of the tenant (or was malformed).
    #[error("the receipt does not match any report")]
    UnknownReceipt,
    /// Too many failed receipt attempts: the caller must wait.
    #[error("too many failed receipt attempts; try again in {retry_after_secs} s")]
    Throttled {
        /// Seconds until the next attempt is accepted.
        retry_after_secs: u64,
    },
    /// Encryption, decryption or key handling failed.
    #[error("crypto: {0}")]
    Crypto(String),
    /// The storage backend failed.
    #[error("{backend} store: {reason}")]
    Store {
        /// `"sqlite"` or `"postgres"`.
        backend: &'static str,
        /// What failed.
        reason: String,
    },
    /// Stored data could not be read back (corrupt JSON, unknown enum value).
    #[error("corrupt stored {what}: {reason}")]
    Corrupt {
        /// What was being read.
        what: &'static str,
        /// What is wrong.
        reason: String,
    },
    /// An error from `lantero-core` (audit chain, secrecy catalogue, registry).
    #[error(transparent)]
    Core(#[from] lantero_core::Error),
}

impl Error {
    /// Shorthand for [`Error::InvalidValue`].
    pub(crate) fn invalid(
        field: &'static str,
        value: impl Into<String>,
        reason: impl Into<String>,
    ) -> Self {
        Self::InvalidValue {
            field,
            value: value.into(),
            reason: reason.into(),
        }
    }

    /// Shorthand for [`Error::Corrupt`].
    pub(crate) fn corrupt(what: &'static str, reason: impl std::fmt::Display) -> Self {
        Self::Corrupt {
            what,
            reason: reason.to_string(),
        }
    }
}
