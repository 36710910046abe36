//! Documents to redact: PDFs, raster images and plain text, read into pages whose text carries a
//! box for every char.
//!
//! ```no_run
//! use lantero_redact::document::Document;
//!
//! let document = Document::open("beslut.pdf")?;
//! for page in document.pages() {
//!     let start = page.text().find("Anna Svensson").unwrap_or(0);
//!     println!("page {}: {:?}", page.number(), page.boxes_for(start, start + 13));
//! }
//! # Ok::<(), lantero_redact::Error>(())
//! ```
//!
//! Every failure to read (missing, empty, damaged or password-protected file, wrong content for
//! the extension) is an [`Error`] with a one-line message naming the file.

mod geometry;
mod image;
mod page;
mod pdf;
mod text;
mod trust;
mod typeset;

use std::fmt;
use std::path::{Path, PathBuf};

use ::image::{DynamicImage, ImageFormat};
use pdfium_render::prelude::PdfDocument;
use serde::Serialize;
use sha2::{Digest, Sha256};

pub use self::image::ASSUMED_DPI;
pub use geometry::Rotation;
pub use page::{Page, SourceKind};
pub use text::Word;
pub use trust::{OcrReason, OcrRegion};

pub(crate) use pdf::geometry as pdf_page_geometry;

use crate::{Error, Result};

/// A document opened for redaction.
///
/// It keeps the parsed source (the PDF, or the decoded image) so that pages can be rendered
/// later without reading the file again. It serialises to its path, kind and pages; the source
/// itself is a live native handle and is not serialised.
#[derive(Serialize)]
pub struct Document {
    path: PathBuf,
    kind: SourceKind,
    sha256: String,
    pages: Vec<Page>,
    #[serde(skip)]
    source: Source,
}

/// The parsed content behind a document's pages.
pub(crate) enum Source {
    Pdf(PdfDocument<'static>),
    /// The decoded image and its resolution in dots per inch.
    Image(DynamicImage, f32),
    Text,
}

impl Document {
    /// Opens `path`, choosing the reader by extension: `.pdf` (through PDFium), `.txt` (UTF-8,
    /// one page holding the text exactly as read), or an image (`.png`, `.jpg`, `.jpeg`, `.tif`,
    /// `.tiff`) as one page with no text until OCR sets it (see [`Page::needs_ocr`]).
    pub fn open(path: impl AsRef<Path>) -> Result<Self> {
        let path = path.as_ref();
        let extension = path
            .extension()
            .and_then(|ext| ext.to_str())
            .map(str::to_ascii_lowercase)
            .unwrap_or_default();
        let image_format = match extension.as_str() {
            "pdf" | "txt" => None,
            "png" => Some(ImageFormat::Png),
            "jpg" | "jpeg" => Some(ImageFormat::Jpeg),
            "tif" | "tiff" => Some(ImageFormat::Tiff),
            _ => {
                return Err(Error::Input {
                    path: path.into(),
                    reason: format!(
                        "unsupported file type {:?}; expected .pdf, .txt, .png, .jpg, .jpeg, .tif or .tiff",
                        extension
                    ),
                });
            }
        };
        let bytes = read(path)?;
        let sha256 = hex::encode(Sha256::digest(&bytes));
        let document = Self::parse(path, &extension, image_format, bytes)?;
        Ok(Self { sha256, ..document })
    }

    fn parse(
        path: &Path,
        extension: &str,
        image_format: Option<ImageFormat>,
        bytes: Vec<u8>,
    ) -> Result<Self> {
        if let Some(format) = image_format {
            let (image, dpi) = image::decode(path, &bytes, format)?;
            let scale = 72.0 / dpi;
            let page = Page::blank(
                1,
                image.width() as f32 * scale,
                image.height() as f32 * scale,
            );
            return Ok(Self::assemble(
                path,
                SourceKind::Image,
                vec![page],
                Source::Image(image, dpi),
            ));
        }
        if extension == "txt" {
            let text = String::from_utf8(bytes).map_err(|err| Error::Input {
                path: path.into(),
                reason: format!(
                    "not valid UTF-8 (at byte {})",
                    err.utf8_error().valid_up_to()
                ),
            })?;
            return Ok(Self::assemble(
                path,
                SourceKind::Text,
                vec![Page::from_text(text)],
                Source::Text,
            ));
        }
        let (document, pages) = pdf::open(path, bytes)?;
        Ok(Self::assemble(
            path,
            SourceKind::Pdf,
            pages,
            Source::Pdf(document),
        ))
    }

    /// The document on the pages it is released on. Plain text is set on A4 pages (Courier
    /// 10 pt, 80 columns, 60 lines, wrapped at spaces; tabs every 8 columns; a form feed starts
    /// a page; a paragraph that fits on a page is kept on one): each page's text is the
    /// original text set on it, char for char, with the box each char is drawn in, and the
    /// pages render like a PDF's. PDFs and images are returned as they are. Text with a char
    /// the PDF standard font cannot show (outside Windows-1252) is an [`Error::Input`] naming
    /// the line.
    ///
    /// ```no_run
    /// use lantero_redact::document::{Document, SourceKind};
    ///
    /// let document = Document::open("tips.txt")?.typeset()?;
    /// assert_eq!(document.kind(), SourceKind::Pdf);
    /// let page = &document.pages()[0];
    /// let start = page.text().find("Anna Svensson").unwrap_or(0);
    /// println!("{:?}", page.boxes_for(start, start + 13));
    /// # Ok::<(), lantero_redact::Error>(())
    /// ```
    pub fn typeset(self) -> Result<Self> {
        if self.kind != SourceKind::Text {
            return Ok(self);
        }
        let text = self.pages.first().map(Page::text).unwrap_or_default();
        let (document, sheets, size) = typeset::typeset(&self.path, text)?;
        let pages = (1..)
            .zip(sheets)
            .map(|(number, sheet)| Page::from_set_text(number, size, (sheet.text, sheet.boxes)))
            .collect();
        let set = Self::assemble(&self.path, SourceKind::Pdf, pages, Source::Pdf(document));
        Ok(Self {
            sha256: self.sha256,
            ..set
        })
    }

    fn assemble(path: &Path, kind: SourceKind, pages: Vec<Page>, source: Source) -> Self {
        Self {
            path: path.to_path_buf(),
            kind,
            sha256: String::new(),
            pages,
            source,
        }
    }

    /// SHA-256 (lower-case hex) of the file's bytes as read by [`Self::open`]: review sessions
    /// are tied to it, so decisions are never applied to another file.
    pub fn sha256(&self) -> &str {
        &self.sha256
    }

    /// The path the document was opened from.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// What kind of file it is.
    pub fn kind(&self) -> SourceKind {
        self.kind
    }

    /// The pages, in order.
    pub fn pages(&self) -> &[Page] {
        &self.pages
    }

    /// The pages, to set text layers found by OCR.
    pub fn pages_mut(&mut self) -> &mut [Page] {
        &mut self.pages
    }

    /// The page with this 1-based number.
    pub fn page(&self, number: u32) -> Option<&Page> {
        let index = usize::try_from(number).ok()?.checked_sub(1)?;
        self.pages.get(index)
    }

    pub(crate) fn source(&self) -> &Source {
        &self.source
    }
}

impl fmt::Debug for Document {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Document")
            .field("path", &self.path)
            .field("kind", &self.kind)
            .field("pages", &self.pages.len())
            .finish_non_exhaustive()
    }
}

fn read(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|err| Error::Input {
        path: path.into(),
        reason: match err.kind() {
            std::io::ErrorKind::NotFound => "file not found".into(),
            std::io::ErrorKind::IsADirectory => "is a folder, not a file".into(),
            _ => format!("cannot read: {err}"),
        },
    })
}
