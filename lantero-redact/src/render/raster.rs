//! A rendered page: pixels in grey or RGB, and how many pixels make one PDF point.

use image::{DynamicImage, GrayImage, RgbImage};

use crate::document::Rect;

/// The pixels of a rendered page, row by row from the top, without padding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pixels {
    /// One byte per pixel, 0 black to 255 white.
    Grey(Vec<u8>),
    /// Three bytes per pixel: red, green, blue.
    Rgb(Vec<u8>),
}

/// A page image. Rendered pages start in RGB; [`Raster::reduce_to_grey_unless_colour`] turns
/// pages without visible colour into grey, which compresses to a third of the size.
#[derive(Debug, Clone, PartialEq)]
pub struct Raster {
    width: u32,
    height: u32,
    /// Pixels per point, horizontally and vertically.
    scale: (f32, f32),
    pixels: Pixels,
}

impl Raster {
    /// A raster of `width × height` pixels covering a page of `page_size` points.
    ///
    /// Returns `None` when the pixel buffer does not hold exactly `width × height` pixels.
    pub fn new(width: u32, height: u32, page_size: (f32, f32), pixels: Pixels) -> Option<Self> {
        let count = width as usize * height as usize;
        let expected = match &pixels {
            Pixels::Grey(_) => count,
            Pixels::Rgb(_) => count * 3,
        };
        let len = match &pixels {
            Pixels::Grey(p) | Pixels::Rgb(p) => p.len(),
        };
        let valid = len == expected && count > 0 && page_size.0 > 0.0 && page_size.1 > 0.0;
        valid.then(|| Self {
            width,
            height,
            scale: (width as f32 / page_size.0, height as f32 / page_size.1),
            pixels,
        })
    }

    /// A raster from a decoded image covering a page of `page_size` points.
    pub fn from_image(image: &DynamicImage, page_size: (f32, f32)) -> Option<Self> {
        let pixels = if image.color().has_color() {
            Pixels::Rgb(image.to_rgb8().into_raw())
        } else {
            Pixels::Grey(image.to_luma8().into_raw())
        };
        Self::new(image.width(), image.height(), page_size, pixels)
    }

    /// Width in pixels.
    pub fn width(&self) -> u32 {
        self.width
    }

    /// Height in pixels.
    pub fn height(&self) -> u32 {
        self.height
    }

    /// Pixels per PDF point, horizontally and vertically.
    pub fn scale(&self) -> (f32, f32) {
        self.scale
    }

    /// The pixels.
    pub fn pixels(&self) -> &Pixels {
        &self.pixels
    }

    /// Whether the raster holds colour (it is RGB).
    pub fn is_colour(&self) -> bool {
        matches!(self.pixels, Pixels::Rgb(_))
    }

    /// The raster as an `image` buffer, e.g. for an OCR engine.
    pub fn to_image(&self) -> Option<DynamicImage> {
        Some(match &self.pixels {
            Pixels::Grey(p) => GrayImage::from_raw(self.width, self.height, p.clone())?.into(),
            Pixels::Rgb(p) => RgbImage::from_raw(self.width, self.height, p.clone())?.into(),
        })
    }

    /// A raster from a PDFium bitmap (blue, green, red; rows `stride` bytes apart). With
    /// `colour_rule` (tolerance, pixel count) it is grey unless the page shows colour, which
    /// saves converting to RGB first; without it, it is RGB.
    pub(crate) fn from_bgr(
        width: u32,
        height: u32,
        stride: usize,
        data: &[u8],
        page_size: (f32, f32),
        colour_rule: Option<(u8, usize)>,
    ) -> Option<Self> {
        let row_len = width as usize * 3;
        if stride < row_len || data.len() < stride * height as usize {
            return None;
        }
        let pixels = || {
            data.chunks_exact(stride)
                .take(height as usize)
                .flat_map(|row| row[..row_len].chunks_exact(3))
        };
        let colour = colour_rule
            .is_none_or(|(tolerance, min_pixels)| shows_colour(pixels(), tolerance, min_pixels));
        let pixels = if colour {
            Pixels::Rgb(pixels().flat_map(|bgr| [bgr[2], bgr[1], bgr[0]]).collect())
        } else {
            Pixels::Grey(pixels().map(|bgr| luma(bgr[2], bgr[1], bgr[0])).collect())
        };
        Self::new(width, height, page_size, pixels)
    }

    /// Converts an RGB raster to grey when fewer than `min_pixels` pixels have a colour
    /// (a spread between channels above `tolerance`).
    ///
    /// Anti-aliased black text renders without chroma, so a text page has no coloured pixels at
    /// all; the tolerance absorbs the slight tints of scanned paper, and the pixel count keeps a
    /// few stray coloured pixels from tripling a page's size.
    pub fn reduce_to_grey_unless_colour(&mut self, tolerance: u8, min_pixels: usize) {
        let Pixels::Rgb(rgb) = &self.pixels else {
            return;
        };
        if shows_colour(rgb.chunks_exact(3), tolerance, min_pixels) {
            return;
        }
        self.pixels = Pixels::Grey(
            rgb.chunks_exact(3)
                .map(|px| luma(px[0], px[1], px[2]))
                .collect(),
        );
    }

    /// The pixel rectangle `[x0, y0, x1, y1)` covering `rect` (points), clamped to the raster.
    /// Partly covered pixels are included, so nothing of the area stays visible.
    pub fn pixel_rect(&self, rect: &Rect) -> [u32; 4] {
        let (sx, sy) = self.scale;
        let clamp = |v: f32, max: u32| -> u32 {
            if v.is_nan() || v <= 0.0 {
                0
            } else {
                (v as u32).min(max)
            }
        };
        [
            clamp((rect[0] * sx).floor(), self.width),
            clamp((rect[1] * sy).floor(), self.height),
            clamp((rect[2] * sx).ceil(), self.width),
            clamp((rect[3] * sy).ceil(), self.height),
        ]
    }

    /// Sets every pixel of `[x0, y0, x1, y1)` to the grey `level` (0 black, 255 white).
    pub fn fill(&mut self, [x0, y0, x1, y1]: [u32; 4], level: u8) {
        let width = self.width as usize;
        // Clamped, so any rectangle is safe: parts outside the raster are ignored.
        let x1 = (x1 as usize).min(width);
        let x0 = (x0 as usize).min(x1);
        for y in y0..y1.min(self.height) {
            let row = y as usize * width;
            match &mut self.pixels {
                Pixels::Grey(p) => p[row + x0..row + x1].fill(level),
                Pixels::Rgb(p) => p[(row + x0) * 3..(row + x1) * 3].fill(level),
            }
        }
    }

    /// Sets one pixel to the grey `level`, ignoring pixels outside the raster.
    pub(crate) fn set(&mut self, x: u32, y: u32, level: u8) {
        if x < self.width && y < self.height {
            let at = y as usize * self.width as usize + x as usize;
            match &mut self.pixels {
                Pixels::Grey(p) => p[at] = level,
                Pixels::Rgb(p) => p[at * 3..at * 3 + 3].fill(level),
            }
        }
    }

    /// The grey level of one pixel (luma for RGB), `None` outside the raster.
    pub fn level(&self, x: u32, y: u32) -> Option<u8> {
        if x >= self.width || y >= self.height {
            return None;
        }
        let at = y as usize * self.width as usize + x as usize;
        Some(match &self.pixels {
            Pixels::Grey(p) => p[at],
            Pixels::Rgb(p) => luma(p[at * 3], p[at * 3 + 1], p[at * 3 + 2]),
        })
    }
}

/// ITU-R BT.601 luma in fixed point.
fn luma(r: u8, g: u8, b: u8) -> u8 {
    ((77 * u32::from(r) + 150 * u32::from(g) + 29 * u32::from(b)) >> 8) as u8
}

/// Whether at least `min_pixels` of `pixels` (three channels each, in any order) have channels
/// more than `tolerance` apart.
fn shows_colour<'a>(
    pixels: impl Iterator<Item = &'a [u8]>,
    tolerance: u8,
    min_pixels: usize,
) -> bool {
    let mut coloured = 0usize;
    for px in pixels {
        let (hi, lo) = (px[0].max(px[1]).max(px[2]), px[0].min(px[1]).min(px[2]));
        if hi - lo > tolerance {
            coloured += 1;
            if coloured >= min_pixels {
                return true;
            }
        }
    }
    min_pixels == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rgb(width: u32, height: u32, colour: [u8; 3]) -> Raster {
        let pixels = colour.repeat((width * height) as usize);
        Raster::new(
            width,
            height,
            (width as f32, height as f32),
            Pixels::Rgb(pixels),
        )
        .unwrap()
    }

    #[test]
    fn buffers_must_match_the_size() {
        assert!(Raster::new(2, 2, (1.0, 1.0), Pixels::Grey(vec![0; 3])).is_none());
        assert!(Raster::new(2, 2, (1.0, 1.0), Pixels::Rgb(vec![0; 12])).is_some());
        assert!(Raster::new(0, 0, (1.0, 1.0), Pixels::Grey(vec![])).is_none());
    }

    #[test]
    fn grey_pages_become_grey_and_coloured_pages_stay_rgb() {
        let mut page = rgb(10, 10, [200, 201, 199]);
        page.reduce_to_grey_unless_colour(24, 4);
        assert!(!page.is_colour());
        assert_eq!(page.level(0, 0), Some(200));

        let mut page = rgb(10, 10, [255, 255, 255]);
        if let Pixels::Rgb(p) = &mut page.pixels {
            for at in 0..4 {
                p[at * 3 + 1] = 0; // four red pixels
                p[at * 3 + 2] = 0;
            }
        }
        let mut four_are_too_few = page.clone();
        four_are_too_few.reduce_to_grey_unless_colour(24, 5);
        assert!(!four_are_too_few.is_colour());
        page.reduce_to_grey_unless_colour(24, 4);
        assert!(page.is_colour());
    }

    #[test]
    fn pdfium_bitmaps_skip_row_padding_and_swap_channels() {
        // Two pixels a row, rows padded to 8 bytes: blue-ish then white; grey then grey.
        let data = [
            255, 0, 0, 255, 255, 255, 9, 9, 128, 128, 128, 60, 60, 60, 9, 9,
        ];
        let rgb = Raster::from_bgr(2, 2, 8, &data, (2.0, 2.0), None).unwrap();
        assert_eq!(
            rgb.pixels,
            Pixels::Rgb(vec![0, 0, 255, 255, 255, 255, 128, 128, 128, 60, 60, 60])
        );
        let kept = Raster::from_bgr(2, 2, 8, &data, (2.0, 2.0), Some((24, 1))).unwrap();
        assert!(kept.is_colour());
        let grey = Raster::from_bgr(2, 2, 8, &data, (2.0, 2.0), Some((24, 2))).unwrap();
        assert_eq!(
            grey.pixels,
            Pixels::Grey(vec![luma(0, 0, 255), 255, 128, 60])
        );
        assert!(Raster::from_bgr(2, 2, 8, &data[..12], (2.0, 2.0), None).is_none());
    }

    #[test]
    fn pixel_rects_cover_partly_covered_pixels_and_stay_inside() {
        let page = Raster::new(200, 100, (100.0, 50.0), Pixels::Grey(vec![255; 20_000])).unwrap();
        assert_eq!(page.scale(), (2.0, 2.0));
        assert_eq!(page.pixel_rect(&[1.2, 1.2, 2.1, 2.1]), [2, 2, 5, 5]);
        assert_eq!(
            page.pixel_rect(&[-5.0, -5.0, 500.0, 500.0]),
            [0, 0, 200, 100]
        );
        assert_eq!(page.pixel_rect(&[f32::NAN, 0.0, 1.0, 1.0])[0], 0);
    }

    #[test]
    fn fill_blackens_exactly_the_rectangle() {
        let mut page = rgb(4, 4, [255, 255, 255]);
        page.fill([1, 1, 3, 3], 0);
        page.fill([3, 9, 2, 99], 0); // inverted and outside: nothing
        let dark: Vec<(u32, u32)> = (0..4)
            .flat_map(|y| (0..4).map(move |x| (x, y)))
            .filter(|&(x, y)| page.level(x, y) == Some(0))
            .collect();
        assert_eq!(dark, vec![(1, 1), (2, 1), (1, 2), (2, 2)]);
    }
}
