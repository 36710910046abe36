//! OCR: reading the words of a page that has no usable text layer (a scan, a photo, a PDF page
//! whose text is only pixels), so that detectors can run on it.
//!
//! An [`OcrEngine`] turns a greyscale page image into [`OcrWord`]s with boxes in PDF points;
//! [`OcrText`] lays them out as page text with a box per char. [`Tesseract`] is the built-in
//! engine; others can be registered by name in the [`builtin`] registry's place.
//!
//! ```no_run
//! use lantero_redact::ocr::{self, OcrText};
//!
//! let engine = ocr::builtin().get("tesseract")?;
//! let scan = image::GrayImage::new(2480, 3508); // an A4 page at 300 dpi
//! let words = engine.recognize(&scan, 300.0)?;
//! let page = OcrText::from_words(&words);
//! println!("{} words, text: {:?}", words.len(), page.text);
//! # Ok::<(), lantero_redact::Error>(())
//! ```

mod error;
mod tesseract;
mod text;
mod tsv;
mod word;

use std::sync::Arc;

use image::GrayImage;
use lantero_core::registry::Registry;

pub use error::OcrError;
pub use tesseract::Tesseract;
pub use text::OcrText;
pub use tsv::parse_tsv;
pub use word::OcrWord;

use crate::Result;

/// Reads the words on a page image.
///
/// Implementations must be safe to share between threads (pages may be read in parallel) and
/// must return an error, never panic, when the engine is missing or fails.
pub trait OcrEngine: Send + Sync {
    /// The engine's name, under which it is registered.
    fn name(&self) -> &str;

    /// The words on `image`, in reading order, with boxes in PDF points (origin top-left)
    /// computed from the image's resolution `dpi`.
    fn recognize(&self, image: &GrayImage, dpi: f32) -> Result<Vec<OcrWord>>;
}

/// A registry holding the built-in engines under their names (`"tesseract"`).
///
/// ```
/// let engines = lantero_redact::ocr::builtin();
/// assert!(engines.contains("tesseract"));
/// ```
pub fn builtin() -> Registry<dyn OcrEngine> {
    let mut registry: Registry<dyn OcrEngine> = Registry::new("OCR engine");
    registry.replace(Tesseract::NAME, Arc::new(Tesseract::new()));
    registry
}
