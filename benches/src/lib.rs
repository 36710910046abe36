//! Criterion benchmarks live in `benches/`; run them with `make bench`.
//!
//! What more than one benchmark needs lives here.

use lantero_redact::document::Document;
use lantero_redact::render::{RenderOptions, encode, render_page};

/// The PDFium floor: every page of `document` rendered by PDFium at `options.dpi` (no masks)
/// and encoded as the output would embed it, one page after the other, nothing else. Returns
/// the encoded bytes (so the work cannot be optimised away). A page that fails is skipped.
///
/// `redact` and `redact_realistic` both measure their floor with this.
pub fn pdfium_floor(document: &Document, options: &RenderOptions) -> usize {
    let pages = u32::try_from(document.pages().len()).unwrap_or(u32::MAX);
    let mut bytes = 0;
    for number in 1..=pages {
        if let Ok(raster) = render_page(document, number, &[], options)
            && let Ok(image) = encode(&raster, options)
        {
            bytes += image.data.len();
        }
    }
    bytes
}
