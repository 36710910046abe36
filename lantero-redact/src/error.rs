//! The one error type of `lantero-redact`.

use std::path::PathBuf;

/// Result alias used throughout `lantero-redact`.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong in `lantero-redact`.
///
/// Every message is one line that names the input and the problem.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A native runtime library (PDFium, ONNX Runtime) could not be found or loaded.
    #[error("{library} not found; looked in: {}; run `make setup` (or set {env_var})", .searched.join("; "))]
    NativeLibraryNotFound {
        /// Human name and file, e.g. `"PDFium (libpdfium.so)"`.
        library: String,
        /// The environment variable that overrides the search.
        env_var: String,
        /// Every place that was looked in, with what was found there.
        searched: Vec<String>,
    },
    /// A native runtime library exists but could not be loaded.
    #[error("{library} at {path} could not be loaded: {reason}")]
    NativeLibraryLoad {
        /// Human name of the library.
        library: String,
        /// The file that failed to load.
        path: PathBuf,
        /// What the loader said.
        reason: String,
    },
    /// An input file could not be read.
    #[error("{path}: {reason}")]
    Input {
        /// The file as given.
        path: PathBuf,
        /// What is wrong with it.
        reason: String,
    },
    /// An entity name is not known.
    #[error("unknown entity {0:?}")]
    UnknownEntity(String),
    /// A recognizer failed.
    #[error("recognizer {name:?} failed: {reason}")]
    Recognizer {
        /// The recognizer's name.
        name: String,
        /// What went wrong.
        reason: String,
    },
    /// A review session file is malformed or does not fit the document.
    #[error("{source_name}: {reason}")]
    Review {
        /// The review file or document.
        source_name: String,
        /// What is wrong.
        reason: String,
    },
    // --- PDF input, rendering, output and verification (document/, render/, write/, verify/) ---
    /// A PDF could not be read, rendered or written (damaged, truncated, not a PDF).
    #[error("{path}: {reason}")]
    Pdf {
        /// The file as given.
        path: PathBuf,
        /// What is wrong with it.
        reason: String,
    },
    /// A PDF is protected by a password, so its content cannot be read.
    #[error("{path}: the PDF is password-protected; remove the password and try again")]
    Encrypted {
        /// The file as given.
        path: PathBuf,
    },
    /// A document is over one of the [`Limits`](crate::document::Limits): too many bytes,
    /// pages or pixels. The message names the flag that raises the limit.
    #[error("{path}: {exceeded}")]
    Limit {
        /// The file as given.
        path: PathBuf,
        /// Which limit, the document's value and the limit in force.
        exceeded: crate::document::LimitExceeded,
    },
    /// The redacted output failed verification; no output file was left behind.
    #[error("{path}: verification of the redacted output failed, no file written: {}", .problems.join("; "))]
    Verification {
        /// The output file that was not written.
        path: PathBuf,
        /// Every check that failed, with what it found.
        problems: Vec<String>,
    },
    /// An output file or its folder could not be written.
    #[error("{path}: cannot write: {reason}")]
    Output {
        /// The output file as given.
        path: PathBuf,
        /// What the operating system said.
        reason: String,
    },
    /// A bug, not the document's fault: a plugin or the pipeline panicked while working on
    /// this document. Other documents of a batch are not affected.
    #[error("{path}: {reason}")]
    Internal {
        /// The document being worked on.
        path: PathBuf,
        /// What went wrong.
        reason: String,
    },
    /// An organisation profile could not be read: not TOML, an unknown key, a bad value.
    #[error("{source_name}{}: {reason}", .line.map(|l| format!(":{l}")).unwrap_or_default())]
    Profile {
        /// The profile file as given.
        source_name: String,
        /// The 1-based line the problem is on, when known.
        line: Option<usize>,
        /// What is wrong.
        reason: String,
    },
    // --- named-entity model (ner/) ---
    /// The named-entity model could not be loaded, or inference failed.
    #[error("named-entity model {model}: {reason}")]
    Model {
        /// Which model: `shipped` or the file it was loaded from.
        model: String,
        /// What went wrong.
        reason: String,
    },
    /// OCR could not read a page: the engine or its language data is missing, or it failed.
    #[error(transparent)]
    Ocr(#[from] crate::ocr::OcrError),
    /// An error from the shared domain model.
    #[error(transparent)]
    Core(#[from] lantero_core::Error),
}
