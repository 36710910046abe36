//! Limits on what a document may cost to open: its size in bytes, its pages, the pages plain
//! text is set on, and the pixels one page is rendered with.
//!
//! A document over a limit is refused before the work it would cost is done, with an
//! [`Error::Limit`] that names the limit and the command-line flag that raises it.
//!
//! ```
//! use lantero_redact::document::Limits;
//!
//! let limits = Limits::default().with_max_input_mb(64).with_max_pages(100);
//! assert_eq!(limits.max_input_bytes, 64 << 20);
//! ```

use std::fmt;
use std::path::Path;
use std::sync::RwLock;

use crate::Error;

/// Resolution the page-pixel limit is checked at: the OCR resolution, the highest the pipeline
/// renders a page at by default.
pub const PIXEL_CHECK_DPI: f32 = 300.0;

/// How large a document may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest input file, in bytes (default 512 MiB).
    pub max_input_bytes: u64,
    /// Most pages of a PDF (default 5000).
    pub max_pages: u64,
    /// Most A4 pages a plain-text file may be set on (default 2000).
    pub max_typeset_pages: u64,
    /// Most pixels one page may have: an image's own, a PDF page's at 300 dpi
    /// (default 256 million, an A0 sheet at 300 dpi is 140 million).
    pub max_page_pixels: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_input_bytes: 512 << 20,
            max_pages: 5000,
            max_typeset_pages: 2000,
            max_page_pixels: 256_000_000,
        }
    }
}

/// Which limit a document is over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Limit {
    /// [`Limits::max_input_bytes`].
    InputBytes,
    /// [`Limits::max_pages`].
    Pages,
    /// [`Limits::max_typeset_pages`].
    TypesetPages,
    /// [`Limits::max_page_pixels`].
    PagePixels,
}

impl Limit {
    /// The `lantero` flag that raises this limit.
    pub fn flag(self) -> &'static str {
        match self {
            Limit::InputBytes => "--max-input-mb",
            Limit::Pages | Limit::TypesetPages => "--max-pages",
            Limit::PagePixels => "--max-page-megapixels",
        }
    }
}

/// A document over one of its [`Limits`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LimitExceeded {
    /// Which limit.
    pub limit: Limit,
    /// What the document has (bytes, pages or pixels; for plain text, at least this many pages).
    pub actual: u64,
    /// The limit in force.
    pub max: u64,
}

impl fmt::Display for LimitExceeded {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (actual, max, max_limit) = (self.actual, self.max, self.limit);
        match max_limit {
            Limit::InputBytes => write!(
                f,
                "the file is {} bytes, over the limit of {} MiB",
                actual,
                max >> 20
            )?,
            Limit::Pages => write!(f, "the PDF has {actual} pages, over the limit of {max}")?,
            Limit::TypesetPages => write!(
                f,
                "the text needs at least {actual} pages, over the limit of {max}"
            )?,
            Limit::PagePixels => write!(
                f,
                "a page has {} megapixels, over the limit of {}",
                actual / 1_000_000,
                max / 1_000_000
            )?,
        }
        write!(f, " (raise it with {})", max_limit.flag())
    }
}

static PROCESS_LIMITS: RwLock<Option<Limits>> = RwLock::new(None);

impl Limits {
    /// The limits [`Document::open`](super::Document::open) applies: those set with
    /// [`Limits::set_for_process`], else the defaults.
    pub fn for_process() -> Limits {
        let guard = PROCESS_LIMITS
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        guard.unwrap_or_default()
    }

    /// Makes these the limits every later [`Document::open`](super::Document::open) in this
    /// process applies (the pipeline opens documents that way). Meant for programs such as the
    /// command line, which set them once from their flags.
    pub fn set_for_process(self) {
        let mut guard = PROCESS_LIMITS
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        *guard = Some(self);
    }

    /// These limits with the input size limit set to `mb` MiB.
    pub fn with_max_input_mb(mut self, mb: u64) -> Self {
        self.max_input_bytes = mb.saturating_mul(1 << 20);
        self
    }

    /// These limits with at most `pages` pages, for PDFs and for plain text set on pages.
    pub fn with_max_pages(mut self, pages: u64) -> Self {
        self.max_pages = pages;
        self.max_typeset_pages = pages;
        self
    }

    /// These limits with at most `megapixels` million pixels per page.
    pub fn with_max_page_megapixels(mut self, megapixels: u64) -> Self {
        self.max_page_pixels = megapixels.saturating_mul(1_000_000);
        self
    }

    /// Fails when `actual` is over the `limit`.
    pub(crate) fn check(&self, path: &Path, limit: Limit, actual: u64) -> crate::Result<()> {
        let max = match limit {
            Limit::InputBytes => self.max_input_bytes,
            Limit::Pages => self.max_pages,
            Limit::TypesetPages => self.max_typeset_pages,
            Limit::PagePixels => self.max_page_pixels,
        };
        if actual > max {
            return Err(Error::Limit {
                path: path.into(),
                exceeded: LimitExceeded { limit, actual, max },
            });
        }
        Ok(())
    }

    /// Fails when a page of `width` × `height` points has more pixels at 300 dpi than allowed.
    pub(crate) fn check_page_points(
        &self,
        path: &Path,
        width: f32,
        height: f32,
    ) -> crate::Result<()> {
        let scale = f64::from(PIXEL_CHECK_DPI) / 72.0;
        let pixels = (f64::from(width) * scale).ceil() * (f64::from(height) * scale).ceil();
        self.check(
            path,
            Limit::PagePixels,
            pixels.clamp(0.0, u64::MAX as f64) as u64,
        )
    }

    /// A lower bound on the pages `text` is set on (80 columns, 60 lines a page), cheap to
    /// count before setting it.
    pub(crate) fn typeset_pages_at_least(text: &str) -> u64 {
        let lines = text.bytes().filter(|&b| b == b'\n' || b == 0x0C).count() as u64;
        let chars = text.chars().count() as u64;
        (lines / 60).max(chars / (80 * 60)).max(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_limit_and_the_flag() {
        let err = Limits::default()
            .check(Path::new("big.pdf"), Limit::Pages, 6000)
            .unwrap_err()
            .to_string();
        assert_eq!(
            err,
            "big.pdf: the PDF has 6000 pages, over the limit of 5000 (raise it with --max-pages)"
        );
        let err = Limits::default()
            .with_max_input_mb(1)
            .check(Path::new("big.txt"), Limit::InputBytes, 2 << 20)
            .unwrap_err()
            .to_string();
        assert!(err.contains("over the limit of 1 MiB"), "{err}");
        assert!(err.contains("--max-input-mb"), "{err}");
        assert!(
            Limits::default()
                .check(Path::new("ok.pdf"), Limit::Pages, 5000)
                .is_ok()
        );
    }

    #[test]
    fn page_pixels_are_counted_at_300_dpi() {
        let limits = Limits::default();
        // A4 and A0 pass; a 200-inch square page does not.
        assert!(
            limits
                .check_page_points(Path::new("a.pdf"), 595.0, 842.0)
                .is_ok()
        );
        assert!(
            limits
                .check_page_points(Path::new("a.pdf"), 2384.0, 3370.0)
                .is_ok()
        );
        let err = limits
            .check_page_points(Path::new("a.pdf"), 14400.0, 14400.0)
            .unwrap_err()
            .to_string();
        assert!(err.contains("--max-page-megapixels"), "{err}");
    }

    #[test]
    fn typeset_pages_are_bounded_from_below() {
        assert_eq!(Limits::typeset_pages_at_least("hej"), 1);
        assert_eq!(Limits::typeset_pages_at_least(&"x\n".repeat(6000)), 100);
        assert_eq!(Limits::typeset_pages_at_least(&"x".repeat(48_000)), 10);
    }
}
