//! `--max-input-mb`, `--max-pages`, `--max-page-megapixels`: how large a document may be.

use clap::Args;
use lantero_redact::document::Limits;

use crate::failure::Failure;

/// The input limits, shared by `detect`, `review` and `redact`.
#[derive(Debug, Args)]
pub struct LimitArgs {
    /// Refuse input files larger than this many MiB [default: 512].
    #[arg(long, value_name = "MB")]
    max_input_mb: Option<u64>,
    /// Refuse PDFs with more pages than this, and text that would be set on more
    /// [default: 5000 for PDFs, 2000 for text].
    #[arg(long, value_name = "N")]
    max_pages: Option<u64>,
    /// Refuse pages with more than this many million pixels (images as they are, PDF pages at
    /// 300 dpi) [default: 256].
    #[arg(long, value_name = "N")]
    max_page_megapixels: Option<u64>,
}

impl LimitArgs {
    /// Makes these limits the ones every document in this run is opened with.
    pub fn install(&self) -> Result<(), Failure> {
        let mut limits = Limits::default();
        for (flag, value) in [
            ("--max-input-mb", self.max_input_mb),
            ("--max-pages", self.max_pages),
            ("--max-page-megapixels", self.max_page_megapixels),
        ] {
            if value == Some(0) {
                return Err(Failure::input(format!("{flag} 0: must be at least 1")));
            }
        }
        if let Some(mb) = self.max_input_mb {
            limits = limits.with_max_input_mb(mb);
        }
        if let Some(pages) = self.max_pages {
            limits = limits.with_max_pages(pages);
        }
        if let Some(megapixels) = self.max_page_megapixels {
            limits = limits.with_max_page_megapixels(megapixels);
        }
        limits.set_for_process();
        Ok(())
    }
}
