//! Reading a PDF with PDFium: pages, their size and rotation, and the text layer with a tight
//! box per char.

use std::path::Path;

use pdfium_render::prelude::{
    PdfDocument, PdfPage, PdfPageAnnotationType, PdfPageRenderRotation, PdfPageTextChar,
    PdfiumError,
};

use super::geometry::{PageGeometry, Rotation};
use super::limits::{Limit, Limits};
use super::page::Page;
use super::text::TextBuilder;
use crate::pdfium::{pdf_error, pdfium};
use crate::{Error, Result};

/// Opens the PDF in `bytes` (read from `path`) and extracts every page, within `limits`: the
/// page count is checked before any page is read, each page's size as it is read.
pub(crate) fn open(
    path: &Path,
    bytes: Vec<u8>,
    limits: &Limits,
) -> Result<(PdfDocument<'static>, Vec<Page>)> {
    check_header(path, &bytes)?;
    let document = pdfium()?
        .load_pdf_from_byte_vec(bytes, None)
        .map_err(|err| pdf_error(path, err))?;
    let count = document.pages().len();
    if count <= 0 {
        return Err(Error::Pdf {
            path: path.into(),
            reason: "the PDF has no pages".into(),
        });
    }
    limits.check(path, Limit::Pages, u64::try_from(count).unwrap_or(0))?;
    let mut pages = Vec::new();
    for index in 0..count {
        let number = u32::try_from(index).unwrap_or(0) + 1;
        let page = document
            .pages()
            .get(index)
            .map_err(|err| page_error(path, number, err))?;
        let read = read_page(&page, number).map_err(|err| page_error(path, number, err))?;
        limits.check_page_points(path, read.width(), read.height())?;
        pages.push(read);
    }
    Ok((document, pages))
}

/// Rejects what is plainly not a PDF before PDFium tries to repair it into something. Only the
/// first kilobyte of `bytes` is looked at, so the file's first kilobyte is enough.
pub(super) fn check_header(path: &Path, bytes: &[u8]) -> Result<()> {
    if bytes.is_empty() {
        return Err(Error::Input {
            path: path.into(),
            reason: "the file is empty".into(),
        });
    }
    // Readers accept the header anywhere in the first kilobyte.
    let head = &bytes[..bytes.len().min(1024)];
    if !head.windows(5).any(|w| w == b"%PDF-") {
        return Err(Error::Pdf {
            path: path.into(),
            reason: "not a PDF (no %PDF- header in the first kilobyte)".into(),
        });
    }
    Ok(())
}

fn page_error(path: &Path, number: u32, err: PdfiumError) -> Error {
    match pdf_error(path, err) {
        Error::Pdf { path, reason } => Error::Pdf {
            path,
            reason: format!("page {number}: {reason}"),
        },
        other => other,
    }
}

/// The geometry PDFium renders a page with: its visible box and rotation.
pub(crate) fn geometry(page: &PdfPage) -> Result<PageGeometry, PdfiumError> {
    let rotation = match page.rotation()? {
        PdfPageRenderRotation::None => Rotation::None,
        PdfPageRenderRotation::Degrees90 => Rotation::Clockwise90,
        PdfPageRenderRotation::Degrees180 => Rotation::Clockwise180,
        PdfPageRenderRotation::Degrees270 => Rotation::Clockwise270,
    };
    // The bounding box is the media box clipped by the crop box: exactly what is rendered.
    let visible = page.boundaries().bounding()?.bounds;
    Ok(PageGeometry {
        visible: [
            visible.left().value,
            visible.bottom().value,
            visible.right().value,
            visible.top().value,
        ],
        rotation,
    })
}

fn read_page(page: &PdfPage, number: u32) -> Result<Page, PdfiumError> {
    let geometry = geometry(page)?;
    let text = page.text()?;
    let mut builder = TextBuilder::default();
    let chars = text.chars();
    let mut pending_high_surrogate: Option<(u32, Option<[f32; 4]>)> = None;
    for char in chars.iter() {
        let value = char.unicode_value();
        let rect = char_box(&char).map(|r| geometry.rect(r));
        // PDFium reports chars outside the Basic Multilingual Plane as two UTF-16 halves.
        if (0xD800..0xDC00).contains(&value) {
            pending_high_surrogate = Some((value, rect));
            continue;
        }
        let (c, rect) = match pending_high_surrogate.take() {
            Some((high, high_rect)) if (0xDC00..0xE000).contains(&value) => {
                let combined = 0x10000 + ((high - 0xD800) << 10) + (value - 0xDC00);
                let rect = match (high_rect, rect) {
                    (Some(a), Some(b)) => Some(super::geometry::union(a, b)),
                    (a, b) => a.or(b),
                };
                (char::from_u32(combined), rect)
            }
            _ => (decode(value), rect),
        };
        if let Some(c) = c {
            builder.push(c, rect);
        }
    }
    // Links and pop-up windows show no content of their own on the page.
    let shown = page
        .annotations()
        .iter()
        .filter(|a| {
            !matches!(
                a.annotation_type(),
                PdfPageAnnotationType::Link | PdfPageAnnotationType::Popup
            )
        })
        .count();
    let annotations = u32::try_from(shown).unwrap_or(u32::MAX);
    let mut result = Page::from_pdf(
        number,
        geometry.display_size(),
        geometry.rotation,
        builder.finish(),
        annotations,
    );
    result.set_ocr_regions(super::trust::ocr_regions(page, &geometry));
    Ok(result)
}

/// A PDFium char value as text: hyphens that PDFium marks at line ends (U+0002) stay hyphens;
/// other control chars, lone surrogates and non-characters are dropped.
fn decode(value: u32) -> Option<char> {
    match value {
        0x02 => Some('-'),
        0x09 | 0x0A | 0x0D => char::from_u32(value),
        0xFFFE | 0xFFFF => None,
        _ => char::from_u32(value).filter(|c| !c.is_control()),
    }
}

/// The tight box of a char in user space, `[left, bottom, right, top]`; `None` for chars that
/// PDFium generated (they have no glyph).
fn char_box(char: &PdfPageTextChar) -> Option<[f32; 4]> {
    if char.is_generated().unwrap_or(true) {
        return None;
    }
    let tight = char.tight_bounds().ok()?;
    let rect = [
        tight.left().value,
        tight.bottom().value,
        tight.right().value,
        tight.top().value,
    ];
    if rect[2] > rect[0] && rect[3] > rect[1] {
        return Some(rect);
    }
    // A glyph without ink (or a font without outlines) still occupies its loose box.
    let loose = char.loose_bounds().ok()?;
    Some([
        loose.left().value,
        loose.bottom().value,
        loose.right().value,
        loose.top().value,
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_chars_are_dropped_but_line_end_hyphens_kept() {
        assert_eq!(decode(0x02), Some('-'));
        assert_eq!(decode(0x0A), Some('\n'));
        assert_eq!(decode(0x07), None);
        assert_eq!(decode(0xFFFE), None);
        assert_eq!(decode(u32::from('å')), Some('å'));
    }

    #[test]
    fn headers_are_checked_before_pdfium_sees_the_bytes() {
        let path = Path::new("x.pdf");
        assert!(
            check_header(path, b"")
                .unwrap_err()
                .to_string()
                .contains("empty")
        );
        assert!(
            check_header(path, b"hello")
                .unwrap_err()
                .to_string()
                .contains("no %PDF-")
        );
        assert!(check_header(path, b"\n%PDF-1.4\n").is_ok());
    }
}
