//! Getting a page's pixels from its source: PDFium for PDF pages, the decoded image for scans.
//!
//! The PDFium part ([`capture`]) does as little as possible, because PDFium runs behind one
//! global lock: it renders and copies the bitmap out. Turning that bitmap into a [`Raster`]
//! ([`Capture::into_raster`]) happens wherever the caller likes, in parallel with the next render.

use image::imageops::FilterType;
use pdfium_render::prelude::{PdfBitmapFormat, PdfRenderConfig};

use super::page_of;
use super::raster::Raster;
use crate::document::{Document, Source, pdf_page_geometry};
use crate::pdfium::pdf_error;
use crate::{Error, Result};

/// A page's pixels as the source delivered them.
pub(crate) enum Capture {
    /// A PDFium bitmap: blue, green, red per pixel, rows `stride` bytes apart.
    Bgr {
        width: u32,
        height: u32,
        stride: usize,
        data: Vec<u8>,
        page_size: (f32, f32),
    },
    /// An image page, already a raster.
    Ready(Raster),
}

impl Capture {
    /// The raster; with `colour_rule` (tolerance, pixel count) it comes out grey unless the
    /// page shows colour (see [`Raster::reduce_to_grey_unless_colour`]). `None` when the
    /// bitmap is shorter than its size says.
    pub(crate) fn into_raster(self, colour_rule: Option<(u8, usize)>) -> Option<Raster> {
        match self {
            Self::Bgr {
                width,
                height,
                stride,
                data,
                page_size,
            } => Raster::from_bgr(width, height, stride, &data, page_size, colour_rule),
            Self::Ready(mut raster) => {
                if let Some((tolerance, min_pixels)) = colour_rule {
                    raster.reduce_to_grey_unless_colour(tolerance, min_pixels);
                }
                Some(raster)
            }
        }
    }
}

/// Renders page `number` (1-based) of `document` at `dpi` without masks, in RGB or grey as the
/// source gives it. This is also the page image an OCR engine reads.
pub fn rasterise(document: &Document, number: u32, dpi: f32) -> Result<Raster> {
    capture(document, number, dpi)?
        .into_raster(None)
        .ok_or_else(|| short_bitmap(document, number))
}

/// The error for a bitmap with fewer bytes than its size needs.
pub(crate) fn short_bitmap(document: &Document, number: u32) -> Error {
    Error::Pdf {
        path: document.path().into(),
        reason: format!("page {number}: PDFium returned a bitmap smaller than its size"),
    }
}

/// The pixels of page `number` at `dpi`, with no conversion beyond what the source needs.
pub(crate) fn capture(document: &Document, number: u32, dpi: f32) -> Result<Capture> {
    let page = page_of(document, number)?;
    let path = document.path();
    let broken = |reason: String| Error::Pdf {
        path: path.into(),
        reason: format!("page {number}: {reason}"),
    };
    if !(dpi.is_finite() && (9.0..=1200.0).contains(&dpi)) {
        return Err(broken(format!(
            "a resolution of {dpi} dpi is outside 9–1200"
        )));
    }
    match document.source() {
        Source::Pdf(pdf) => {
            let index = i32::try_from(number - 1).map_err(|_| broken("no such page".into()))?;
            let pdf_page = pdf.pages().get(index).map_err(|err| pdf_error(path, err))?;
            let page_size = pdf_page_geometry(&pdf_page)
                .map_err(|err| pdf_error(path, err))?
                .display_size();
            // Annotations and form fields stay out: see the module documentation of `render`.
            let config = PdfRenderConfig::new()
                .scale_page_by_factor(dpi / 72.0)
                .set_format(PdfBitmapFormat::BGR)
                .set_reverse_byte_order(false)
                .render_form_data(false)
                .render_annotations(false);
            let bitmap = pdf_page
                .render_with_config(&config)
                .map_err(|err| pdf_error(path, err))?;
            let (width, height) = (bitmap.width(), bitmap.height());
            let data = bitmap.as_raw_bytes();
            let (w, h) = (
                u32::try_from(width).unwrap_or(0),
                u32::try_from(height).unwrap_or(0),
            );
            // Rows are padded to a multiple of four bytes.
            let stride = data.len().checked_div(h as usize).unwrap_or(0);
            if w == 0 || stride < w as usize * 3 {
                return Err(broken(format!(
                    "PDFium returned an empty {width}×{height} bitmap"
                )));
            }
            Ok(Capture::Bgr {
                width: w,
                height: h,
                stride,
                data,
                page_size,
            })
        }
        Source::Image(image, source_dpi) => {
            let size = (page.width(), page.height());
            let raster = if *source_dpi > dpi * 1.05 {
                // Downsample scans finer than asked for; never upsample coarser ones.
                let factor = dpi / source_dpi;
                let width = ((image.width() as f32 * factor).round() as u32).max(1);
                let height = ((image.height() as f32 * factor).round() as u32).max(1);
                Raster::from_image(
                    &image.resize_exact(width, height, FilterType::Triangle),
                    size,
                )
            } else {
                Raster::from_image(image, size)
            };
            raster
                .map(Capture::Ready)
                .ok_or_else(|| broken("the image is empty".into()))
        }
        Source::Text => Err(Error::Input {
            path: path.into(),
            reason:
                "plain text has no page image to render; set it on pages first (Document::typeset)"
                    .into(),
        }),
    }
}
