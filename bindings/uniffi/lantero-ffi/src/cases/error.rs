//! The error of the case area, one variant per kind of failure in `lantero_cases::Error`.

use lantero_cases::Error as CasesError;

use crate::guard::FromPanic;

/// Why a case operation failed. Messages never carry secrets (receipts, keys, identities,
/// case content).
#[derive(Debug, thiserror::Error, uniffi::Error)]
#[uniffi(flat_error)]
pub enum CaseError {
    /// A field holds a value that is not allowed (a tenant id, an empty text, a key).
    #[error("{0}")]
    InvalidValue(String),
    /// Something referenced does not exist in this tenant.
    #[error("{0}")]
    NotFound(String),
    /// Something with this id exists already.
    #[error("{0}")]
    AlreadyExists(String),
    /// The status machine does not allow this step.
    #[error("{0}")]
    InvalidTransition(String),
    /// The operation does not fit the case (wrong kind, closed, purged, already decided).
    #[error("{0}")]
    InvalidState(String),
    /// The access policy denied the action (the denial is in the audit log).
    #[error("{0}")]
    Denied(String),
    /// A receipt did not match any report of the tenant, or was malformed.
    #[error("{0}")]
    UnknownReceipt(String),
    /// Too many failed receipt attempts; the message says how long to wait.
    #[error("{0}")]
    Throttled(String),
    /// Encryption, decryption or key handling failed.
    #[error("{0}")]
    Crypto(String),
    /// The storage backend failed.
    #[error("{0}")]
    Store(String),
    /// Stored data could not be read back.
    #[error("{0}")]
    Corrupt(String),
    /// An error from the shared domain model (audit chain, secrecy catalogue).
    #[error("{0}")]
    Core(String),
    /// A bug in Lantero (a caught panic or an unexpected error).
    #[error("{0}")]
    Internal(String),
}

impl FromPanic for CaseError {
    fn from_panic(message: String) -> Self {
        Self::Internal(message)
    }
}

impl From<CasesError> for CaseError {
    fn from(err: CasesError) -> Self {
        let message = err.to_string();
        match err {
            CasesError::InvalidValue { .. } => Self::InvalidValue(message),
            CasesError::NotFound { .. } => Self::NotFound(message),
            CasesError::AlreadyExists { .. } => Self::AlreadyExists(message),
            CasesError::InvalidTransition { .. } => Self::InvalidTransition(message),
            CasesError::InvalidState { .. } => Self::InvalidState(message),
            CasesError::Denied { .. } => Self::Denied(message),
            CasesError::UnknownReceipt => Self::UnknownReceipt(message),
            CasesError::Throttled { .. } => Self::Throttled(message),
            CasesError::Crypto(_) => Self::Crypto(message),
            CasesError::Store { .. } => Self::Store(message),
            CasesError::Corrupt { .. } => Self::Corrupt(message),
            CasesError::Core(_) => Self::Core(message),
            _ => Self::Internal(message),
        }
    }
}
