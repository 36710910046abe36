//! The writer: a new PDF of page images only, verified before it is put in place.
//!
//! [`write_redacted`] renders every page, paints the masks, encodes each page image, streams
//! the pages into a temporary file beside the output, runs the [verifier](crate::verify) on it,
//! and only then renames it into place. If anything fails — rendering, writing, or any check —
//! the temporary file ([`PartFile`], `.lantero-XXXXXX.pdf.part`) is deleted, an older file at the output path is removed too (it must not
//! be mistaken for this result), and the error says why. The input is never modified.
//!
//! PDFium serialises all its calls behind one lock, so pages are rendered one at a time on the
//! calling thread while a second thread reduces, masks, encodes and writes the previous page.
//! On the 2-core development machine (`benches/benches/redact.rs`, 50 dense A4 pages at 150 dpi)
//! this runs the whole redaction — masks, writing and verification included — at 17 pages/s,
//! where rendering and encoding alone, one page after the other, manage 13 pages/s.

mod builder;
mod image_pdf;
mod layer_ocr;
mod pages;
pub mod part;
mod text_layer;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

pub use crate::verify::PRODUCER;
pub use builder::PdfBuilder;
pub use image_pdf::ImagePdfWriter;
pub use part::{PartFile, remove_live_parts, sweep_stale_parts};
pub use text_layer::{LayerWord, TextLayer};

use crate::document::{Document, SourceKind};
use crate::ocr::OcrEngine;
use crate::render::{Encoding, Mask, RenderOptions};
use crate::verify::{self, Profile, Report};
use crate::{Error, Result};
use pages::{Target, write_pages};

/// What was written for one page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PageReport {
    /// The 1-based page number.
    pub number: u32,
    /// Image width in pixels.
    pub width_px: u32,
    /// Image height in pixels.
    pub height_px: u32,
    /// How the page image was encoded.
    pub encoding: Encoding,
    /// Bytes of image data.
    pub bytes: usize,
    /// Masks painted on the page.
    pub masks: usize,
    /// Words in the page's invisible text layer (searchable outputs; 0 otherwise).
    #[serde(default)]
    pub layer_words: usize,
    /// Words OCR read on the redacted page but left out of the layer because they spell a
    /// masked string (shown unmasked elsewhere on the page).
    #[serde(default)]
    pub withheld_words: usize,
}

/// What [`write_redacted`] wrote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WriteReport {
    /// Format version of this report, `lantero.write/v1`.
    pub schema: String,
    /// The output file.
    pub path: PathBuf,
    /// Size of the output in bytes.
    pub bytes: u64,
    /// One entry per page.
    pub pages: Vec<PageReport>,
    /// The verification of the output, every check passed.
    pub verification: Report,
}

/// Renders `document` with `masks` painted, writes it to `out` as an image-only PDF, verifies
/// it (also that none of `masked_strings` can be found in it) and keeps it only if every check
/// passes.
///
/// ```no_run
/// use lantero_redact::document::Document;
/// use lantero_redact::render::{Mask, RenderOptions};
/// use lantero_redact::write::write_redacted;
///
/// let document = Document::open("beslut.pdf")?;
/// let page = &document.pages()[0];
/// let start = page.text().find("Anna Svensson").map_or(0, |b| page.text()[..b].chars().count());
/// let masks: Vec<Mask> = page
///     .boxes_for(start, start + 13)
///     .into_iter()
///     .map(|rect| Mask { page: 1, rect, label: Some("OSL 26:1".into()) })
///     .collect();
/// let report = write_redacted(&document, &masks, "utlämnande.pdf".as_ref(), &RenderOptions::default(),
///     &["Anna Svensson".to_string()])?;
/// println!("{} pages, {} bytes", report.pages.len(), report.bytes);
/// # Ok::<(), lantero_redact::Error>(())
/// ```
pub fn write_redacted(
    document: &Document,
    masks: &[Mask],
    out: &Path,
    options: &RenderOptions,
    masked_strings: &[String],
) -> Result<WriteReport> {
    write(document, masks, out, options, masked_strings, None)
}

/// As [`write_redacted`], with an invisible text layer on every page
/// ([`Profile::Searchable`]): `engine` reads each page image *after* its masks are painted,
/// so nothing masked can be read into the layer, and any word run that spells one of
/// `masked_strings` is left out. The verifier checks the layer's shape and that it holds none
/// of them.
///
/// ```no_run
/// use std::sync::Arc;
/// use lantero_redact::document::Document;
/// use lantero_redact::ocr::Tesseract;
/// use lantero_redact::render::RenderOptions;
/// use lantero_redact::write::write_searchable;
///
/// let document = Document::open("beslut.pdf")?;
/// let report = write_searchable(&document, &[], "sökbar.pdf".as_ref(), &RenderOptions::default(),
///     &[], Arc::new(Tesseract::new()))?;
/// println!("{} words in the layer", report.pages.iter().map(|p| p.layer_words).sum::<usize>());
/// # Ok::<(), lantero_redact::Error>(())
/// ```
pub fn write_searchable(
    document: &Document,
    masks: &[Mask],
    out: &Path,
    options: &RenderOptions,
    masked_strings: &[String],
    engine: Arc<dyn OcrEngine>,
) -> Result<WriteReport> {
    write(document, masks, out, options, masked_strings, Some(engine))
}

fn write(
    document: &Document,
    masks: &[Mask],
    out: &Path,
    options: &RenderOptions,
    masked_strings: &[String],
    layer: Option<Arc<dyn OcrEngine>>,
) -> Result<WriteReport> {
    check_masks(document, masks)?;
    let profile = match layer {
        Some(_) => Profile::Searchable,
        None => Profile::ImageOnly,
    };
    if document.kind() == SourceKind::Text {
        return Err(Error::Input {
            path: document.path().into(),
            reason: "plain text has no page images to write as a PDF; set it on pages first (Document::typeset)".into(),
        });
    }
    let output_error = |reason: String| Error::Output {
        path: out.into(),
        reason,
    };
    if same_file(document.path(), out) {
        return Err(output_error(
            "the output would replace the input document".into(),
        ));
    }
    let temp = PartFile::create_beside(out, "pdf").map_err(|err| {
        let folder = match out.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent,
            _ => Path::new("."),
        };
        output_error(format!(
            "cannot create a file in {}: {err}",
            folder.display()
        ))
    })?;
    let target = Target {
        file: temp.as_file(),
        layer,
        masked_strings,
    };
    let written = write_pages(document, masks, options, &target).and_then(|pages| {
        temp.as_file()
            .sync_all()
            .map_err(|err| output_error(err.to_string()))?;
        Ok(pages)
    });
    let result = written.and_then(|pages| {
        let verification = verify::inspect_as(temp.path(), masked_strings, profile)?;
        let mut problems = verification.problems();
        if verification.pages as usize != document.pages().len() {
            problems.push(format!(
                "page_count: the output has {} pages, the document {}",
                verification.pages,
                document.pages().len()
            ));
        }
        if problems.is_empty() {
            Ok((pages, verification))
        } else {
            Err(Error::Verification {
                path: out.into(),
                problems,
            })
        }
    });
    match result {
        Ok((pages, verification)) => {
            temp.persist(out)
                .map_err(|err| output_error(err.to_string()))?;
            Ok(WriteReport {
                schema: "lantero.write/v1".into(),
                path: out.into(),
                bytes: verification.bytes,
                pages,
                verification,
            })
        }
        Err(err) => {
            drop(temp); // deletes the temporary file
            // Fail closed: an older file at `out` must not pass for this redaction.
            if out.is_file() {
                let _ = std::fs::remove_file(out);
            }
            Err(err)
        }
    }
}

/// Whether two paths name the same existing file.
fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

fn check_masks(document: &Document, masks: &[Mask]) -> Result<()> {
    for mask in masks {
        if document.page(mask.page).is_none() {
            return Err(Error::Input {
                path: document.path().into(),
                reason: format!(
                    "a mask is on page {}, but the document has {} pages",
                    mask.page,
                    document.pages().len()
                ),
            });
        }
        if !mask.rect.iter().all(|v| v.is_finite())
            || mask.rect[2] < mask.rect[0]
            || mask.rect[3] < mask.rect[1]
        {
            return Err(Error::Input {
                path: document.path().into(),
                reason: format!(
                    "a mask on page {} has an invalid rectangle {:?}",
                    mask.page, mask.rect
                ),
            });
        }
    }
    Ok(())
}
