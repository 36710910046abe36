//! The renderer: every page becomes pixels, and accepted masks are painted fully opaque black.
//!
//! **Annotations and form fields are not rendered.** Their text (sticky notes, stamps, filled-in
//! form values) is not part of the page text that detectors search, so rendering them would
//! print personal data that nobody was asked to review — a leak, the worst failure of this
//! tool. PDFium renders only the page content; [`Page::hidden_annotations`] counts what was
//! left out so the caller can tell the caseworker. A municipality that needs them in the
//! release flattens them into the page content first, where they are detected like any text.
//!
//! Pages are rendered in RGB, then reduced to grey unless they show colour
//! ([`RenderOptions::colour_tolerance`]), masks are widened as [`MaskWidth`] says and padded,
//! both only into the white space of their line ([`painted_rects`]), painted, and their labels
//! printed in white.
//!
//! ```no_run
//! use lantero_redact::document::Document;
//! use lantero_redact::render::{render_page, Mask, RenderOptions};
//!
//! let document = Document::open("beslut.pdf")?;
//! let masks = [Mask { page: 1, rect: [72.0, 70.0, 150.0, 82.0], label: Some("OSL 26:1".into()) }];
//! let raster = render_page(&document, 1, &masks, &RenderOptions::default())?;
//! println!("{}×{} pixels, colour: {}", raster.width(), raster.height(), raster.is_colour());
//! # Ok::<(), lantero_redact::Error>(())
//! ```

mod capture;
mod encode;
mod geometry;
mod label;
mod mask;
mod raster;

use serde::{Deserialize, Serialize};

pub use capture::rasterise;
pub(crate) use capture::{Capture, capture, short_bitmap};
pub use encode::{EncodedImage, Encoding, GreyLevels, encode};
pub use geometry::{GLYPH_GAP, painted_rects};
pub use mask::{Mask, MaskWidth};
pub use raster::{Pixels, Raster};

use crate::document::{Document, Page};
use crate::{Error, Result};

/// How pages are rendered, masked and encoded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RenderOptions {
    /// Resolution of the page images in dots per inch (image pages keep a lower resolution of
    /// their own rather than being scaled up).
    pub dpi: f32,
    /// How wide masks are asked to be; they grow only into the white space of their line.
    pub mask_width: MaskWidth,
    /// Points added on every side of a mask, so anti-aliased glyph edges are covered, where
    /// that does not reach a neighbouring glyph.
    pub mask_padding: f32,
    /// Whether mask labels are printed.
    pub labels: bool,
    /// A pixel counts as coloured when its channels differ by more than this.
    pub colour_tolerance: u8,
    /// A page is kept in colour when at least this many pixels are coloured.
    pub colour_min_pixels: usize,
    /// Levels kept per grey or colour sample; see [`Encoding`] for the measurements.
    pub grey_levels: GreyLevels,
    /// JPEG quality (1–100) for colour pages where JPEG is chosen.
    pub jpeg_quality: u8,
}

impl Default for RenderOptions {
    fn default() -> Self {
        Self {
            dpi: 150.0,
            mask_width: MaskWidth::default(),
            mask_padding: 1.0,
            labels: true,
            colour_tolerance: 24,
            colour_min_pixels: 64,
            grey_levels: GreyLevels::default(),
            jpeg_quality: 85,
        }
    }
}

impl RenderOptions {
    /// The tolerance and pixel count that keep a page in colour.
    pub(crate) fn colour_rule(&self) -> (u8, usize) {
        (self.colour_tolerance, self.colour_min_pixels)
    }
}

/// Renders page `number` of `document` with the masks for that page painted (masks for other
/// pages are ignored), reduced to grey unless the page shows colour.
pub fn render_page(
    document: &Document,
    number: u32,
    masks: &[Mask],
    options: &RenderOptions,
) -> Result<Raster> {
    let page = page_of(document, number)?;
    let mut raster = capture(document, number, options.dpi)?
        .into_raster(Some(options.colour_rule()))
        .ok_or_else(|| short_bitmap(document, number))?;
    paint(
        &mut raster,
        page,
        masks.iter().filter(|m| m.page == number),
        options,
    );
    Ok(raster)
}

/// Paints `masks` (all on `page`) onto the raster of `page`, over the rectangles
/// [`painted_rects`] gives; returns how many were painted.
pub fn paint<'a>(
    raster: &mut Raster,
    page: &Page,
    masks: impl IntoIterator<Item = &'a Mask>,
    options: &RenderOptions,
) -> usize {
    let masks: Vec<&Mask> = masks.into_iter().collect();
    let rects = painted_rects(page, masks.iter().copied(), options);
    let mut labelled = Vec::new();
    let mut painted = 0;
    for (mask, rect) in masks.into_iter().zip(rects) {
        let pixels = raster.pixel_rect(&rect);
        raster.fill(pixels, 0);
        painted += 1;
        if let Some(label) = mask.label.as_deref().filter(|_| options.labels) {
            labelled.push((pixels, label));
        }
    }
    // Labels go on last, so an overlapping mask cannot black out half of one.
    let max_height = (8.0 * raster.scale().1).round() as u32; // glyphs up to 8 pt tall
    for (pixels, label) in labelled {
        label::draw(raster, pixels, label, max_height);
    }
    painted
}

pub(crate) fn page_of(document: &Document, number: u32) -> Result<&Page> {
    document.page(number).ok_or_else(|| Error::Input {
        path: document.path().into(),
        reason: format!(
            "no page {number}; the document has {} pages",
            document.pages().len()
        ),
    })
}
