//! The error of the redaction area, one variant per kind of failure in
//! `lantero_redact::Error`.

use lantero_redact::Error as RedactCrateError;

use crate::guard::FromPanic;

/// Why detection, review or redaction failed; the message names the file or input.
#[derive(Debug, thiserror::Error, uniffi::Error)]
#[uniffi(flat_error)]
pub enum RedactError {
    /// PDFium or ONNX Runtime was not found; the message lists where it looked and how to fix it.
    #[error("{0}")]
    NativeLibraryNotFound(String),
    /// A native library exists but could not be loaded.
    #[error("{0}")]
    NativeLibraryLoad(String),
    /// An input file could not be read.
    #[error("{0}")]
    Input(String),
    /// An entity name is not known.
    #[error("{0}")]
    UnknownEntity(String),
    /// A recognizer failed.
    #[error("{0}")]
    Recognizer(String),
    /// A review session is malformed, does not fit the document, or a decision does not apply.
    #[error("{0}")]
    Review(String),
    /// A PDF could not be read, rendered or written.
    #[error("{0}")]
    Pdf(String),
    /// A PDF is password-protected.
    #[error("{0}")]
    Encrypted(String),
    /// The redacted output failed verification; no output file was left behind.
    #[error("{0}")]
    Verification(String),
    /// An output file could not be written.
    #[error("{0}")]
    Output(String),
    /// OCR could not read a page.
    #[error("{0}")]
    Ocr(String),
    /// An error from the shared domain model.
    #[error("{0}")]
    Core(String),
    /// A bug in Lantero (a caught panic or an unexpected error).
    #[error("{0}")]
    Internal(String),
}

impl FromPanic for RedactError {
    fn from_panic(message: String) -> Self {
        Self::Internal(message)
    }
}

impl From<RedactCrateError> for RedactError {
    fn from(err: RedactCrateError) -> Self {
        use RedactCrateError as E;
        let message = err.to_string();
        match err {
            E::NativeLibraryNotFound { .. } => Self::NativeLibraryNotFound(message),
            E::NativeLibraryLoad { .. } => Self::NativeLibraryLoad(message),
            E::Input { .. } | E::Limit { .. } | E::Profile { .. } => Self::Input(message),
            E::UnknownEntity(_) => Self::UnknownEntity(message),
            E::Recognizer { .. } => Self::Recognizer(message),
            E::Review { .. } => Self::Review(message),
            E::Pdf { .. } => Self::Pdf(message),
            E::Encrypted { .. } => Self::Encrypted(message),
            E::Verification { .. } => Self::Verification(message),
            E::Output { .. } => Self::Output(message),
            E::Ocr(_) => Self::Ocr(message),
            E::Core(_) => Self::Core(message),
            _ => Self::Internal(message),
        }
    }
}
