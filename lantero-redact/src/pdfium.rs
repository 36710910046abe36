//! The one PDFium binding of the process.
//!
//! `pdfium-render` can bind the native library only once per process, so every reader, renderer
//! and verifier in this crate goes through [`pdfium`], which binds on first use and hands out the
//! same `'static` instance afterwards. The crate is built with `pdfium-render`'s `thread_safe`
//! feature: every call into PDFium takes one global lock, so PDFium work is serialised while
//! other work (encoding, writing) runs in parallel beside it.
//!
//! ```no_run
//! let pdfium = lantero_redact::pdfium::pdfium()?;
//! let document = pdfium.create_new_pdf().map_err(|err| lantero_redact::pdfium::pdf_error("new", err))?;
//! assert_eq!(document.pages().len(), 0);
//! # Ok::<(), lantero_redact::Error>(())
//! ```

use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

use pdfium_render::prelude::{Pdfium, PdfiumError, PdfiumInternalError};

use crate::native::{NativeLibrary, locate};
use crate::{Error, Result};

static PDFIUM: OnceLock<Pdfium> = OnceLock::new();
static BINDING: Mutex<()> = Mutex::new(());

/// The process-wide PDFium instance, bound on first use.
///
/// Fails with [`Error::NativeLibraryNotFound`] when no `libpdfium.so` is found (the message says
/// where it looked and to run `make setup`) and [`Error::NativeLibraryLoad`] when the file exists
/// but cannot be loaded. A failed attempt is not cached, so a later call may succeed.
pub fn pdfium() -> Result<&'static Pdfium> {
    if let Some(pdfium) = PDFIUM.get() {
        return Ok(pdfium);
    }
    // Binding twice at the same time would load the library twice; one binder at a time.
    let _guard = BINDING
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some(pdfium) = PDFIUM.get() {
        return Ok(pdfium);
    }
    let path = locate(NativeLibrary::Pdfium)?;
    let bindings = Pdfium::bind_to_library(&path).map_err(|err| load_error(&path, err))?;
    Ok(PDFIUM.get_or_init(|| Pdfium::new(bindings)))
}

fn load_error(path: &Path, err: PdfiumError) -> Error {
    Error::NativeLibraryLoad {
        library: NativeLibrary::Pdfium.label().into(),
        path: path.to_path_buf(),
        reason: one_line(&format!("{err:?}")),
    }
}

/// Maps a PDFium error while handling `path` to this crate's error: password-protected files
/// become [`Error::Encrypted`], everything else [`Error::Pdf`] with a readable reason.
pub fn pdf_error(path: impl Into<PathBuf>, err: PdfiumError) -> Error {
    let path = path.into();
    let reason = match err {
        PdfiumError::PdfiumLibraryInternalError(PdfiumInternalError::PasswordError)
        | PdfiumError::PdfiumLibraryInternalError(PdfiumInternalError::SecurityError) => {
            return Error::Encrypted { path };
        }
        PdfiumError::PdfiumLibraryInternalError(PdfiumInternalError::FormatError) => {
            "damaged or not a PDF (PDFium cannot parse its structure)".to_string()
        }
        PdfiumError::PdfiumLibraryInternalError(PdfiumInternalError::FileError) => {
            "cannot be read as a PDF file".to_string()
        }
        PdfiumError::PdfiumLibraryInternalError(PdfiumInternalError::PageError) => {
            "a page is missing or damaged".to_string()
        }
        PdfiumError::IoError(io) => format!("cannot read: {io}"),
        other => format!("PDFium failed: {}", one_line(&format!("{other:?}"))),
    };
    Error::Pdf { path, reason }
}

/// Collapses a multi-line message into one line, as every error message must be one line.
fn one_line(message: &str) -> String {
    message.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binds_once_and_hands_out_the_same_instance() {
        let first = pdfium().unwrap() as *const Pdfium;
        let second = pdfium().unwrap() as *const Pdfium;
        assert_eq!(first, second);
    }

    #[test]
    fn password_errors_become_encrypted() {
        let err = pdf_error(
            "x.pdf",
            PdfiumError::PdfiumLibraryInternalError(PdfiumInternalError::PasswordError),
        );
        assert!(matches!(err, Error::Encrypted { .. }), "{err}");
        let err = pdf_error(
            "x.pdf",
            PdfiumError::PdfiumLibraryInternalError(PdfiumInternalError::FormatError),
        );
        assert!(err.to_string().starts_with("x.pdf: damaged"), "{err}");
    }
}
