//! # lantero-redact
//!
//! The redaction pipeline: find personal data in documents, propose masks with the secrecy
//! provisions that may justify them, and (as the pipeline grows) write image-only PDFs that are
//! verified before they are kept.
//!
//! ```
//! use lantero_redact::detect::Detector;
//!
//! let text = "Beslut för 19121212-1212.";
//! let findings = Detector::builtin().detect_pages(&[text])?;
//! assert_eq!(findings.len(), 1);
//! assert_eq!(findings[0].text, "19121212-1212");
//! # Ok::<(), lantero_redact::Error>(())
//! ```
//!
//! PDFium and ONNX Runtime are loaded at run time; [`native`] finds them.
#![cfg_attr(
    not(test),
    warn(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

pub mod detect;
pub mod document;
mod error;
pub mod native;
pub mod ner;
pub mod ocr;
pub mod pdfium;
pub mod pipeline;
pub mod profile;
pub mod pseudonymize;
pub mod record;
pub mod render;
pub mod resolve;
pub mod review;
pub mod verify;
pub mod write;

pub use error::{Error, Result};
