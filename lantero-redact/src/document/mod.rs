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
mod limits;
mod page;
mod pdf;
mod text;
mod trust;
mod typeset;

pub(crate) use typeset::settable;

use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};

use ::image::{DynamicImage, ImageFormat};
use pdfium_render::prelude::PdfDocument;
use serde::Serialize;
use sha2::{Digest, Sha256};

pub use self::image::ASSUMED_DPI;
pub use geometry::{Rect, Rotation};
pub use limits::{Limit, LimitExceeded, Limits};
pub use page::{Page, SourceKind};
pub use text::Word;
pub use trust::{OcrReason, OcrRegion};

pub(crate) use geometry::{has_area, overlap};
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
    #[serde(skip)]
    limits: Limits,
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
    ///
    /// The process's [`Limits`] apply ([`Limits::for_process`], the defaults unless a program
    /// set others); a document over one is an [`Error::Limit`].
    pub fn open(path: impl AsRef<Path>) -> Result<Self> {
        Self::open_with_limits(path, &Limits::for_process())
    }

    /// As [`Self::open`], within `limits`: a file over the size limit is refused before it is
    /// read (a file that is plainly not a PDF, after its first kilobyte), a PDF with too many
    /// pages before its pages are read, an image with too many pixels before it is decoded.
    pub fn open_with_limits(path: impl AsRef<Path>, limits: &Limits) -> Result<Self> {
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
        let bytes = read(path, extension == "pdf", limits)?;
        let sha256 = hex::encode(Sha256::digest(&bytes));
        let document = Self::parse(path, &extension, image_format, bytes, limits)?;
        Ok(Self { sha256, ..document })
    }

    fn parse(
        path: &Path,
        extension: &str,
        image_format: Option<ImageFormat>,
        bytes: Vec<u8>,
        limits: &Limits,
    ) -> Result<Self> {
        if let Some(format) = image_format {
            // Refuse absurd pictures from their header, before decoding them.
            if let Ok((width, height)) =
                ::image::ImageReader::with_format(std::io::Cursor::new(&bytes), format)
                    .into_dimensions()
            {
                limits.check(
                    path,
                    Limit::PagePixels,
                    u64::from(width) * u64::from(height),
                )?;
            }
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
            )
            .with_limits(limits));
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
            )
            .with_limits(limits));
        }
        let (document, pages) = pdf::open(path, bytes, limits)?;
        Ok(Self::assemble(path, SourceKind::Pdf, pages, Source::Pdf(document)).with_limits(limits))
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
        let limits = self.limits;
        limits.check(
            &self.path,
            Limit::TypesetPages,
            Limits::typeset_pages_at_least(text),
        )?;
        let (document, sheets, size) = typeset::typeset(&self.path, text)?;
        limits.check(&self.path, Limit::TypesetPages, sheets.len() as u64)?;
        let pages = (1..)
            .zip(sheets)
            .map(|(number, sheet)| Page::from_set_text(number, size, (sheet.text, sheet.boxes)))
            .collect();
        let set = Self::assemble(&self.path, SourceKind::Pdf, pages, Source::Pdf(document))
            .with_limits(&limits);
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
            limits: Limits::default(),
        }
    }

    fn with_limits(mut self, limits: &Limits) -> Self {
        self.limits = *limits;
        self
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

/// Reads the file at `path` within `limits`: its first kilobyte first (for a PDF, checked for
/// the `%PDF-` header at once, so a large file of something else is not read whole), then its
/// size from the file system, and only then the rest.
fn read(path: &Path, is_pdf: bool, limits: &Limits) -> Result<Vec<u8>> {
    let input_error = |err: std::io::Error| Error::Input {
        path: path.into(),
        reason: match err.kind() {
            std::io::ErrorKind::NotFound => "file not found".into(),
            std::io::ErrorKind::IsADirectory => "is a folder, not a file".into(),
            _ => format!("cannot read: {err}"),
        },
    };
    let file = std::fs::File::open(path).map_err(input_error)?;
    let metadata = file.metadata().map_err(input_error)?;
    if metadata.is_dir() {
        return Err(input_error(std::io::ErrorKind::IsADirectory.into()));
    }
    // Anything but a PDF is refused by its size before a byte of it is read.
    if metadata.is_file() && !is_pdf {
        limits.check(path, Limit::InputBytes, metadata.len())?;
    }
    let mut head = Vec::with_capacity(1024);
    let mut file = file;
    (&mut file)
        .take(1024)
        .read_to_end(&mut head)
        .map_err(input_error)?;
    if is_pdf {
        pdf::check_header(path, &head)?;
    }
    // A regular file's size is known before it is read; anything else (a pipe, a device) is
    // read up to one byte past the limit.
    if metadata.is_file() && is_pdf {
        limits.check(path, Limit::InputBytes, metadata.len())?;
    }
    let expected = usize::try_from(metadata.len()).unwrap_or(0);
    let mut bytes = head;
    bytes.reserve(expected.saturating_sub(bytes.len()));
    file.take(limits.max_input_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(input_error)?;
    limits.check(path, Limit::InputBytes, bytes.len() as u64)?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    fn sparse(path: &Path, head: &[u8], len: u64) {
        let mut file = std::fs::File::create(path).unwrap();
        file.write_all(head).unwrap();
        file.set_len(len).unwrap();
    }

    #[test]
    fn a_large_file_that_is_not_a_pdf_fails_on_its_first_kilobyte() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.pdf");
        sparse(&path, b"GIF89a", 1 << 30);
        // Reading 1 GiB would take seconds and the limit would speak first; the header does.
        let err = read(&path, true, &Limits::default()).unwrap_err();
        assert!(matches!(err, Error::Pdf { .. }), "{err}");
        assert!(err.to_string().contains("no %PDF- header"), "{err}");
    }

    #[test]
    fn size_is_checked_from_metadata_before_reading() {
        let dir = tempfile::tempdir().unwrap();
        let pdf = dir.path().join("x.pdf");
        sparse(&pdf, b"%PDF-1.7\n", 2 << 20);
        let limits = Limits::default().with_max_input_mb(1);
        let err = read(&pdf, true, &limits).unwrap_err();
        assert!(
            matches!(&err, Error::Limit { exceeded, .. } if exceeded.limit == Limit::InputBytes),
            "{err}"
        );
        assert!(err.to_string().contains("--max-input-mb"), "{err}");
        assert_eq!(read(&pdf, true, &Limits::default()).unwrap().len(), 2 << 20);
        let txt = dir.path().join("x.txt");
        sparse(&txt, b"Hej", 2 << 20);
        let err = Document::open_with_limits(&txt, &limits).unwrap_err();
        assert!(matches!(err, Error::Limit { .. }), "{err}");
        assert!(
            err.to_string().starts_with(&txt.display().to_string()),
            "{err}"
        );
    }

    #[test]
    fn folders_and_missing_files_are_named() {
        let dir = tempfile::tempdir().unwrap();
        let err = read(dir.path(), false, &Limits::default()).unwrap_err();
        assert!(err.to_string().contains("is a folder"), "{err}");
        let err = read(&dir.path().join("nej.txt"), false, &Limits::default()).unwrap_err();
        assert!(err.to_string().contains("file not found"), "{err}");
    }

    #[test]
    fn text_needing_too_many_pages_is_refused_before_it_is_set() {
        let dir = tempfile::tempdir().unwrap();
        let txt = dir.path().join("lang.txt");
        std::fs::write(&txt, "rad\n".repeat(60 * 30)).unwrap();
        let limits = Limits::default().with_max_pages(10);
        let document = Document::open_with_limits(&txt, &limits).unwrap();
        // Refused from a count of its lines, before PDFium is needed.
        let err = document.typeset().unwrap_err();
        assert!(
            matches!(&err, Error::Limit { exceeded, .. } if exceeded.limit == Limit::TypesetPages),
            "{err}"
        );
        assert!(err.to_string().contains("--max-pages"), "{err}");
    }
}
