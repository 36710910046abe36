//! The error of the asset area, one variant per kind of failure in `lantero_core::Error`.

use lantero_core::Error as CoreError;

use crate::guard::FromPanic;

/// Why the register refused a change or an import; the message names the input.
#[derive(Debug, thiserror::Error, uniffi::Error)]
#[uniffi(flat_error)]
pub enum AssetError {
    /// An asset id was referenced but is not in the register.
    #[error("{0}")]
    UnknownAsset(String),
    /// An asset id is used twice.
    #[error("{0}")]
    DuplicateAsset(String),
    /// A dependency would create a cycle; the message shows it (`a -> b -> a`).
    #[error("{0}")]
    DependencyCycle(String),
    /// A field holds a value that is not allowed (an id, a KLASSA level, a date).
    #[error("{0}")]
    InvalidValue(String),
    /// A risk's probability or consequence lies outside the register's matrix.
    #[error("{0}")]
    OutOfScale(String),
    /// A CSV import failed; the message names the line.
    #[error("{0}")]
    Csv(String),
    /// A JSON import failed.
    #[error("{0}")]
    Json(String),
    /// A bug in Lantero (a caught panic or an unexpected error).
    #[error("{0}")]
    Internal(String),
}

impl FromPanic for AssetError {
    fn from_panic(message: String) -> Self {
        Self::Internal(message)
    }
}

impl From<CoreError> for AssetError {
    fn from(err: CoreError) -> Self {
        let message = err.to_string();
        match err {
            CoreError::UnknownAsset(_) => Self::UnknownAsset(message),
            CoreError::DuplicateAsset(_) => Self::DuplicateAsset(message),
            CoreError::DependencyCycle(_) => Self::DependencyCycle(message),
            CoreError::InvalidValue { .. } => Self::InvalidValue(message),
            CoreError::OutOfScale { .. } => Self::OutOfScale(message),
            CoreError::Csv { .. } => Self::Csv(message),
            CoreError::Json { .. } => Self::Json(message),
            _ => Self::Internal(message),
        }
    }
}
