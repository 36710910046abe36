//! What the leak tests share: reading a redacted output back the way a recipient could.
#![allow(dead_code)] // each test file uses its own subset

use std::path::Path;

use lantero_redact::document::Document;
use lantero_redact::ocr::{OcrEngine, Tesseract};
use lantero_redact::render::rasterise;

/// Letters and digits only, lower-cased: OCR spacing, dashes and line breaks must not hide a
/// leak.
pub fn squash(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Everything Tesseract reads on the pages of `path`, rendered at `dpi`.
pub fn ocr_pages(path: &Path, dpi: f32) -> String {
    let document = Document::open(path).expect("the verified output opens");
    let engine = Tesseract::new();
    let mut text = String::new();
    for page in document.pages() {
        let raster = rasterise(&document, page.number(), dpi).expect("output pages render");
        let grey = raster.to_image().expect("pixels").to_luma8();
        for word in engine.recognize(&grey, dpi).expect("tesseract runs") {
            text.push_str(&word.text);
            text.push(' ');
        }
    }
    text
}
