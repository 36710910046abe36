//! The exception hierarchy: one class per kind of failure, all under `lantero.LanteroError`.
//!
//! Each exception carries the library's one-line message unchanged, so what a Python user reads
//! is what the CLI and the Rust API say.
//!
//! ```text
//! LanteroError
//! ├── CoreError          InvalidIdentifier, OutOfScale, InvalidMatrix, AssetError,
//! │                      FormatError, InvalidValue, UnknownProvision, InvalidFramework,
//! │                      AuditChainBroken, RegistryError
//! ├── RedactError        NativeLibraryError, InputError, UnknownEntity, RecognizerError,
//! │                      ReviewError, PdfError, VerificationFailed, OutputError, OcrError
//! ├── CaseError          NotFound, AlreadyExists, InvalidTransition, InvalidState,
//! │                      AccessDenied, UnknownReceipt, Throttled, CryptoError, StoreError,
//! │                      CorruptData
//! └── FraudFinderError   ControlRuleError, DataError, PackError
//! ```

use pyo3::create_exception;
use pyo3::exceptions::PyException;
use pyo3::prelude::*;

create_exception!(
    lantero,
    LanteroError,
    PyException,
    "Base class of every error Lantero raises."
);

create_exception!(
    lantero,
    CoreError,
    LanteroError,
    "An error from the shared domain model (lantero-core)."
);
create_exception!(
    lantero,
    InvalidIdentifier,
    CoreError,
    "Not a valid personnummer, samordningsnummer or organisationsnummer."
);
create_exception!(
    lantero,
    OutOfScale,
    CoreError,
    "A probability or consequence outside its scale."
);
create_exception!(
    lantero,
    InvalidMatrix,
    CoreError,
    "An inconsistent risk scale or matrix definition."
);
create_exception!(
    lantero,
    AssetError,
    CoreError,
    "An unknown or duplicate asset, or a dependency cycle."
);
create_exception!(
    lantero,
    FormatError,
    CoreError,
    "A CSV or JSON input that cannot be read."
);
create_exception!(
    lantero,
    InvalidValue,
    CoreError,
    "A field holding a value that is not allowed."
);
create_exception!(
    lantero,
    UnknownProvision,
    CoreError,
    "No such secrecy provision in the catalogue."
);
create_exception!(
    lantero,
    InvalidFramework,
    CoreError,
    "An inconsistent framework or assessment."
);
create_exception!(
    lantero,
    AuditChainBroken,
    CoreError,
    "An audit chain that does not verify."
);
create_exception!(
    lantero,
    RegistryError,
    CoreError,
    "A plugin name that is not registered, or registered twice."
);

create_exception!(
    lantero,
    RedactError,
    LanteroError,
    "An error from the redaction pipeline (lantero-redact)."
);
create_exception!(
    lantero,
    NativeLibraryError,
    RedactError,
    "PDFium or ONNX Runtime could not be found or loaded."
);
create_exception!(
    lantero,
    InputError,
    RedactError,
    "An input file that cannot be read."
);
create_exception!(
    lantero,
    UnknownEntity,
    RedactError,
    "An entity name that is not known."
);
create_exception!(
    lantero,
    RecognizerError,
    RedactError,
    "A recognizer (built-in or Python) failed."
);
create_exception!(
    lantero,
    ReviewError,
    RedactError,
    "A review session that is malformed or made for another document."
);
create_exception!(
    lantero,
    PdfError,
    RedactError,
    "A PDF that cannot be read, rendered or written, or is password-protected."
);
create_exception!(
    lantero,
    VerificationFailed,
    RedactError,
    "The redacted output failed verification; no file was written."
);
create_exception!(
    lantero,
    OutputError,
    RedactError,
    "An output file or folder that cannot be written."
);
create_exception!(lantero, OcrError, RedactError, "OCR could not read a page.");

create_exception!(
    lantero,
    CaseError,
    LanteroError,
    "An error from case handling (lantero-cases)."
);
create_exception!(
    lantero,
    NotFound,
    CaseError,
    "A case, tenant or other record that does not exist."
);
create_exception!(
    lantero,
    AlreadyExists,
    CaseError,
    "A record whose id is taken."
);
create_exception!(
    lantero,
    InvalidTransition,
    CaseError,
    "A status change the status machine does not allow."
);
create_exception!(
    lantero,
    InvalidState,
    CaseError,
    "An operation that does not fit the case."
);
create_exception!(
    lantero,
    AccessDenied,
    CaseError,
    "The access policy denied the action (the denial is audited)."
);
create_exception!(
    lantero,
    UnknownReceipt,
    CaseError,
    "A receipt that matches no report."
);
create_exception!(
    lantero,
    Throttled,
    CaseError,
    "Too many failed receipt attempts; wait and try again."
);
create_exception!(
    lantero,
    CryptoError,
    CaseError,
    "Encryption, decryption or key handling failed."
);
create_exception!(
    lantero,
    StoreError,
    CaseError,
    "The SQLite or PostgreSQL store failed."
);
create_exception!(
    lantero,
    CorruptData,
    CaseError,
    "Stored data that cannot be read back."
);

create_exception!(
    lantero,
    FraudFinderError,
    LanteroError,
    "An error from FraudFinder (lantero-fraudfinder)."
);
create_exception!(
    lantero,
    ControlRuleError,
    FraudFinderError,
    "A control rule that cannot be parsed, is inconsistent, or failed."
);
create_exception!(
    lantero,
    DataError,
    FraudFinderError,
    "Data for control rules that cannot be read (file, row, column)."
);
create_exception!(
    lantero,
    PackError,
    FraudFinderError,
    "A content pack that cannot be read or is inconsistent."
);

/// The Python exception for a `lantero-core` error.
pub fn core_error(err: lantero_core::Error) -> PyErr {
    use lantero_core::Error as E;
    let message = err.to_string();
    match err {
        E::InvalidPersonnummer { .. } | E::InvalidOrganisationsnummer { .. } => {
            InvalidIdentifier::new_err(message)
        }
        E::OutOfScale { .. } => OutOfScale::new_err(message),
        E::InvalidMatrix { .. } => InvalidMatrix::new_err(message),
        E::UnknownAsset(_) | E::DuplicateAsset(_) | E::DependencyCycle(_) => {
            AssetError::new_err(message)
        }
        E::Csv { .. } | E::Json { .. } => FormatError::new_err(message),
        E::InvalidValue { .. } => InvalidValue::new_err(message),
        E::UnknownProvision(_) => UnknownProvision::new_err(message),
        E::InvalidFramework { .. } => InvalidFramework::new_err(message),
        E::AuditChainBroken { .. } => AuditChainBroken::new_err(message),
        E::NotRegistered { .. } | E::AlreadyRegistered { .. } => RegistryError::new_err(message),
        _ => CoreError::new_err(message),
    }
}

/// The Python exception for a `lantero-redact` error.
pub fn redact_error(err: lantero_redact::Error) -> PyErr {
    use lantero_redact::Error as E;
    let message = err.to_string();
    match err {
        E::Core(inner) => core_error(inner),
        E::NativeLibraryNotFound { .. } | E::NativeLibraryLoad { .. } => {
            NativeLibraryError::new_err(message)
        }
        E::Input { .. } | E::Limit { .. } | E::Profile { .. } => InputError::new_err(message),
        E::UnknownEntity(_) => UnknownEntity::new_err(message),
        E::Recognizer { .. } => RecognizerError::new_err(message),
        E::Review { .. } => ReviewError::new_err(message),
        E::Pdf { .. } | E::Encrypted { .. } => PdfError::new_err(message),
        E::Verification { .. } => VerificationFailed::new_err(message),
        E::Output { .. } => OutputError::new_err(message),
        E::Ocr(_) => OcrError::new_err(message),
        _ => RedactError::new_err(message),
    }
}

/// The Python exception for a `lantero-cases` error.
pub fn cases_error(err: lantero_cases::Error) -> PyErr {
    use lantero_cases::Error as E;
    let message = err.to_string();
    match err {
        E::Core(inner) => core_error(inner),
        E::InvalidValue { .. } => InvalidValue::new_err(message),
        E::NotFound { .. } => NotFound::new_err(message),
        E::AlreadyExists { .. } => AlreadyExists::new_err(message),
        E::InvalidTransition { .. } => InvalidTransition::new_err(message),
        E::InvalidState { .. } => InvalidState::new_err(message),
        E::Denied { .. } => AccessDenied::new_err(message),
        E::UnknownReceipt => UnknownReceipt::new_err(message),
        E::Throttled { .. } => Throttled::new_err(message),
        E::Crypto(_) => CryptoError::new_err(message),
        E::Store { .. } => StoreError::new_err(message),
        E::Corrupt { .. } => CorruptData::new_err(message),
        _ => CaseError::new_err(message),
    }
}

/// The Python exception for a `lantero-fraudfinder` error.
pub fn fraudfinder_error(err: lantero_fraudfinder::Error) -> PyErr {
    use lantero_fraudfinder::Error as E;
    let message = err.to_string();
    match err {
        E::Core(inner) => core_error(inner),
        E::InvalidValue { .. } => InvalidValue::new_err(message),
        E::RuleSyntax { .. } | E::RuleInvalid { .. } | E::RuleFailed { .. } | E::Sql { .. } => {
            ControlRuleError::new_err(message)
        }
        E::Data { .. } => DataError::new_err(message),
        E::Pack { .. } => PackError::new_err(message),
        _ => FraudFinderError::new_err(message),
    }
}

/// Shorthand: `result.map_err(core_error)` for the `?` operator.
pub trait IntoPyResult<T> {
    /// Maps the crate error to its Python exception.
    fn py(self) -> PyResult<T>;
}

impl<T> IntoPyResult<T> for Result<T, lantero_core::Error> {
    fn py(self) -> PyResult<T> {
        self.map_err(core_error)
    }
}

impl<T> IntoPyResult<T> for Result<T, lantero_redact::Error> {
    fn py(self) -> PyResult<T> {
        self.map_err(redact_error)
    }
}

impl<T> IntoPyResult<T> for Result<T, lantero_fraudfinder::Error> {
    fn py(self) -> PyResult<T> {
        self.map_err(fraudfinder_error)
    }
}

impl<T> IntoPyResult<T> for Result<T, lantero_cases::Error> {
    fn py(self) -> PyResult<T> {
        self.map_err(cases_error)
    }
}

/// Adds every exception class to the top-level module, so `lantero.PdfError` works.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    macro_rules! add {
        ($($name:ident),* $(,)?) => { $( m.add(stringify!($name), py.get_type::<$name>())?; )* };
    }
    add!(
        LanteroError,
        CoreError,
        InvalidIdentifier,
        OutOfScale,
        InvalidMatrix,
        AssetError,
        FormatError,
        InvalidValue,
        UnknownProvision,
        InvalidFramework,
        AuditChainBroken,
        RegistryError,
        RedactError,
        NativeLibraryError,
        InputError,
        UnknownEntity,
        RecognizerError,
        ReviewError,
        PdfError,
        VerificationFailed,
        OutputError,
        OcrError,
        CaseError,
        NotFound,
        AlreadyExists,
        InvalidTransition,
        InvalidState,
        AccessDenied,
        UnknownReceipt,
        Throttled,
        CryptoError,
        StoreError,
        CorruptData,
        FraudFinderError,
        ControlRuleError,
        DataError,
        PackError,
    );
    Ok(())
}
