//! Which parts of a PDF page its text layer can be trusted for, and which must be read by OCR.
//!
//! The text layer is trusted per font: a font whose text PDFium maps to Unicode (through a
//! `ToUnicode` map, a standard encoding or glyph names) says what it draws, so its text is
//! read as is. A page costs OCR only where that fails:
//!
//! - text drawn in a Type 3 font (glyphs are arbitrary drawings; the text can be anything),
//!   in an unembedded font that is not a standard one, or in a symbolic font whose text does
//!   not decode to ordinary chars (codes without a map come out as control, private-use or
//!   replacement chars);
//! - image objects on the page (a pasted receipt, a scanned ID card): their pixels may show
//!   personal data no text layer holds;
//! - form XObjects holding either of these.
//!
//! Each becomes an [`OcrRegion`] with its box on the displayed page; the pipeline OCRs exactly
//! those regions. A page with no text at all is OCR'd whole (see `Page::needs_ocr`).
//!
//! pdfium-render does not expose a font's `ToUnicode` entry or PDFium's per-char
//! `FPDFText_HasUnicodeMapError`, so a symbolic font's map is judged by what it produced. A
//! symbolic font *with* a map that lies is as undetectable here as a lying `ToUnicode` map is
//! to any reader of text; the rendered output still shows what the glyphs draw.

use pdfium_render::prelude::{PdfPage, PdfPageObject, PdfPageObjectCommon, PdfPageObjectsCommon};
use serde::{Deserialize, Serialize};

use super::Rect;
use super::geometry::{PageGeometry, has_area};

/// Smallest image, in points on either side, that can show a legible word: a logo stripe or
/// a rule drawn as an image is not worth an OCR run.
const MIN_IMAGE_SIDE: f32 = 12.0;

/// Why part of a page is read by OCR.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OcrReason {
    /// Text in a font whose text layer may not say what its glyphs show.
    UntrustedFont,
    /// An image drawn on a page that also has text.
    Image,
}

/// A part of a page to read by OCR: its box in points on the displayed page (origin top-left)
/// and why.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct OcrRegion {
    /// `[x0, y0, x1, y1]` in PDF points, origin top-left, after the page's rotation.
    pub rect: Rect,
    /// Why it is read.
    pub reason: OcrReason,
}

/// The regions of `page` that its text layer does not cover truthfully.
pub(crate) fn ocr_regions(page: &PdfPage, geometry: &PageGeometry) -> Vec<OcrRegion> {
    let mut regions = Vec::new();
    for object in page.objects().iter() {
        if let Some(reason) = needs_ocr(&object) {
            push_region(&object, reason, geometry, &mut regions);
        }
    }
    regions
}

/// Why `object` must be OCR'd, if it must.
fn needs_ocr(object: &PdfPageObject) -> Option<OcrReason> {
    if let Some(text) = object.as_text_object() {
        return (!font_is_trusted(text)).then_some(OcrReason::UntrustedFont);
    }
    if object.as_image_object().is_some() {
        return Some(OcrReason::Image);
    }
    let form = object.as_x_object_form_object()?;
    // A form's children are read through the form: its own bounds are on the page.
    form.iter().find_map(|child| needs_ocr(&child))
}

fn push_region(
    object: &PdfPageObject,
    reason: OcrReason,
    geometry: &PageGeometry,
    regions: &mut Vec<OcrRegion>,
) {
    let Ok(bounds) = object.bounds() else {
        return;
    };
    let bounds = bounds.to_rect();
    let rect = geometry.rect([
        bounds.left().value,
        bounds.bottom().value,
        bounds.right().value,
        bounds.top().value,
    ]);
    if !has_area(&rect) {
        return;
    }
    let small = rect[2] - rect[0] < MIN_IMAGE_SIDE || rect[3] - rect[1] < MIN_IMAGE_SIDE;
    if reason == OcrReason::Image && small {
        return;
    }
    regions.push(OcrRegion { rect, reason });
}

/// Whether the text of `text`'s font can be read from the text layer.
fn font_is_trusted(text: &pdfium_render::prelude::PdfPageTextObject) -> bool {
    let font = text.font();
    let name = font.name();
    // Type 3 fonts have no name: PDFium reports them as embedded, nameless fonts.
    if name.is_empty() {
        return false;
    }
    if !font.is_embedded().unwrap_or(false) && !is_standard_font(&name) {
        return false;
    }
    !font.is_symbolic() || decodes_plainly(&text.text())
}

/// Whether PDFium's text for a run reads as ordinary text: codes a font could not map come out
/// as control chars, private-use chars or U+FFFD. U+0002 is PDFium's own mark for a hyphen
/// at a line end ("offentlighets-"), not a code from the font.
pub(crate) fn decodes_plainly(text: &str) -> bool {
    !text.is_empty()
        && text.chars().all(|c| {
            let unmapped = matches!(u32::from(c), 0xE000..=0xF8FF | 0xF0000.. | 0xFFFD);
            (c.is_whitespace() || c == '\u{2}' || !c.is_control()) && !unmapped
        })
}

/// The standard 14 fonts (and the common names viewers substitute for them), which every
/// reader maps to Unicode the same way.
fn is_standard_font(name: &str) -> bool {
    const FAMILIES: [&str; 6] = [
        "Helvetica",
        "Times",
        "Courier",
        "Arial",
        "TimesNewRoman",
        "CourierNew",
    ];
    // Subset fonts are named "ABCDEF+Name".
    let name = name.split_once('+').map_or(name, |(_, rest)| rest);
    FAMILIES.iter().any(|family| name.starts_with(family))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_from_a_map_reads_plainly_and_unmapped_codes_do_not() {
        assert!(decodes_plainly("Anna Svensson, 811218-9876"));
        assert!(decodes_plainly("Åsa Öberg\t"));
        assert!(decodes_plainly("offentlighets\u{2}"));
        assert!(!decodes_plainly("\u{1}\u{2}\u{3}"));
        assert!(!decodes_plainly("\u{F041}\u{F042}"));
        assert!(!decodes_plainly("ab\u{FFFD}"));
        assert!(!decodes_plainly(""));
    }

    #[test]
    fn standard_fonts_are_known_with_or_without_a_subset_tag() {
        assert!(is_standard_font("Helvetica-Bold"));
        assert!(is_standard_font("ABCDEF+TimesNewRomanPSMT"));
        assert!(!is_standard_font("LiberationSerif"));
    }
}
