//! What can go wrong when reading a page with OCR.

use std::path::PathBuf;

/// An OCR failure, carried in [`crate::Error::Ocr`].
///
/// Each message is one line that names the engine and what to do; a missing program or missing
/// language data tells the operator to run `make setup`.
///
/// ```
/// use lantero_redact::ocr::OcrError;
///
/// let err = OcrError::LanguageMissing {
///     engine: "tesseract".into(),
///     language: "swe".into(),
///     available: vec!["eng".into(), "osd".into()],
/// };
/// assert!(err.to_string().contains("run `make setup`"));
/// ```
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum OcrError {
    /// The engine's program could not be started.
    #[error(
        "{engine}: cannot run {program:?}: {reason}; run `make setup` (Debian package tesseract-ocr)"
    )]
    EngineMissing {
        /// The engine's name.
        engine: String,
        /// The program that was started.
        program: PathBuf,
        /// What the operating system said.
        reason: String,
    },
    /// The engine runs but has no data for the language asked for.
    #[error(
        "{engine}: no {language:?} language data (installed: {}); run `make setup` (Debian package tesseract-ocr-{language})",
        .available.join(", ")
    )]
    LanguageMissing {
        /// The engine's name.
        engine: String,
        /// The language code asked for, e.g. `"swe"`.
        language: String,
        /// The languages the engine does have.
        available: Vec<String>,
    },
    /// The engine ran and reported a failure.
    #[error("{engine} failed (exit status {status}): {message}")]
    Failed {
        /// The engine's name.
        engine: String,
        /// The exit status, or `"killed"`.
        status: String,
        /// The last line the engine wrote to stderr.
        message: String,
    },
    /// The engine's output is not what it should be.
    #[error("{engine} output, line {line}: {reason}")]
    Output {
        /// The engine's name.
        engine: String,
        /// 1-based line of the output (0 for the output as a whole).
        line: usize,
        /// What is wrong with it.
        reason: String,
    },
    /// The image or resolution handed to the engine cannot be read.
    #[error("OCR input: {0}")]
    Input(String),
}
