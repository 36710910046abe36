//! Compressing a page image for the PDF, choosing per page what keeps it small and legible.
//!
//! Measured on 150 dpi renders (dense A4 text page of `tests/data/pdf/fifty_pages.pdf`; the
//! naive `pdftoppm -r 150 -png` page is an RGB PNG of about 444 kB):
//!
//! | page image                         | bytes   | vs. naive |
//! |------------------------------------|---------|-----------|
//! | 8-bit grey, Flate (lossless)       | 239 kB  | 54 %      |
//! | 8-bit grey, PNG Up predictor+Flate | 266 kB  | 60 %      |
//! | 16-level grey (4 bit), Flate       | 131 kB  | 29 %      |
//! | 4-level grey (2 bit), Flate        |  81 kB  | 18 %      |
//! | RGB JPEG q85 (same page)           | 495 kB  | 111 %     |
//!
//! Lossless grey misses the target of a third of the naive size on text-dense pages, so grey
//! pages default to **16 levels**: every pixel is within 8/255 of the 8-bit render, no pixel
//! crosses the 50 % threshold (a binarised page is identical), and at 6× magnification the
//! glyph edges of "Åsa Öberg" are indistinguishable from the 8-bit render. Four levels show
//! visibly stepped glyph edges at that magnification, so they are not offered.
//! [`GreyLevels::Full`] keeps every page lossless, at twice the size.
//!
//! Colour pages use the same levels in RGB with Flate. Flate beats JPEG q85 on pages of text
//! and flat colour (`colour.pdf`, text with a red block: 30 kB in 8-bit RGB, 19 kB in 16
//! levels, against 94 kB of JPEG), and has no ringing around glyphs; JPEG wins only on
//! photographs (a half-page photograph: 589 kB against 418 kB). So JPEG is tried only when Flate needs more than one
//! bit per pixel, which text pages never do, and kept when it is smaller.

use std::io::Write;

use flate2::Compression;
use flate2::write::ZlibEncoder;
use image::ExtendedColorType;
use image::codecs::jpeg::JpegEncoder;
use serde::{Deserialize, Serialize};

use super::RenderOptions;
use super::raster::{Pixels, Raster};

/// How many grey (or per-channel) levels page images keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GreyLevels {
    /// 16 levels, 4 bits per sample: half the size, no visible difference on text.
    #[default]
    Sixteen,
    /// All 256 levels, 8 bits per sample: lossless.
    Full,
}

/// How a page image is stored in the PDF.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Encoding {
    /// 8-bit grey, Flate.
    Grey8Flate,
    /// 4-bit grey (16 levels), Flate.
    Grey4Flate,
    /// 8-bit RGB, Flate.
    Rgb8Flate,
    /// 4-bit RGB (16 levels a channel), Flate.
    Rgb4Flate,
    /// RGB as baseline JPEG.
    RgbJpeg,
}

impl Encoding {
    /// Colour components per pixel.
    pub fn components(self) -> u32 {
        match self {
            Self::Grey8Flate | Self::Grey4Flate => 1,
            Self::Rgb8Flate | Self::Rgb4Flate | Self::RgbJpeg => 3,
        }
    }

    /// Bits per component in the decoded image.
    pub fn bits_per_component(self) -> u32 {
        match self {
            Self::Grey4Flate | Self::Rgb4Flate => 4,
            Self::Grey8Flate | Self::Rgb8Flate | Self::RgbJpeg => 8,
        }
    }

    /// The PDF filter name of the stream data.
    pub fn filter(self) -> &'static str {
        match self {
            Self::RgbJpeg => "DCTDecode",
            _ => "FlateDecode",
        }
    }

    /// Bytes of decoded sample data for a `width × height` image (rows padded to whole bytes).
    pub fn decoded_len(self, width: u32, height: u32) -> usize {
        let row_bits = width as usize * (self.components() * self.bits_per_component()) as usize;
        row_bits.div_ceil(8) * height as usize
    }
}

/// A compressed page image, ready to be written as an image XObject.
#[derive(Debug, Clone, PartialEq)]
pub struct EncodedImage {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// How `data` is encoded.
    pub encoding: Encoding,
    /// The stream data.
    pub data: Vec<u8>,
}

/// Compresses `raster` as the module documentation explains.
pub fn encode(raster: &Raster, options: &RenderOptions) -> std::io::Result<EncodedImage> {
    let (width, height) = (raster.width(), raster.height());
    let sixteen = options.grey_levels == GreyLevels::Sixteen;
    let (encoding, data) = match (raster.pixels(), sixteen) {
        (Pixels::Grey(p), true) => (
            Encoding::Grey4Flate,
            deflate(&pack_nibbles(p, width as usize))?,
        ),
        (Pixels::Grey(p), false) => (Encoding::Grey8Flate, deflate(p)?),
        (Pixels::Rgb(p), true) => (
            Encoding::Rgb4Flate,
            deflate(&pack_nibbles(p, width as usize * 3))?,
        ),
        (Pixels::Rgb(p), false) => (Encoding::Rgb8Flate, deflate(p)?),
    };
    let mut best = EncodedImage {
        width,
        height,
        encoding,
        data,
    };
    if let Pixels::Rgb(p) = raster.pixels()
        && best.data.len() > width as usize * height as usize / 8
    {
        let mut jpeg = Vec::new();
        JpegEncoder::new_with_quality(&mut jpeg, options.jpeg_quality.clamp(1, 100))
            .encode(p, width, height, ExtendedColorType::Rgb8)
            .map_err(std::io::Error::other)?;
        if jpeg.len() < best.data.len() {
            best.encoding = Encoding::RgbJpeg;
            best.data = jpeg;
        }
    }
    Ok(best)
}

/// Rounds 8-bit samples to 16 levels and packs two to a byte, high nibble first; each row of
/// `row_len` samples starts on a new byte, as PDF image rows do.
fn pack_nibbles(samples: &[u8], row_len: usize) -> Vec<u8> {
    let level: [u8; 256] = std::array::from_fn(|v| ((v as u32 * 15 + 127) / 255) as u8);
    let mut packed = Vec::with_capacity(samples.len() / 2 + samples.len() / row_len.max(1) + 1);
    for row in samples.chunks(row_len.max(1)) {
        let mut pairs = row.chunks_exact(2);
        for pair in &mut pairs {
            packed.push(level[pair[0] as usize] << 4 | level[pair[1] as usize]);
        }
        if let [last] = pairs.remainder() {
            packed.push(level[*last as usize] << 4);
        }
    }
    packed
}

fn deflate(data: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut encoder = ZlibEncoder::new(Vec::with_capacity(data.len() / 8), Compression::default());
    encoder.write_all(data)?;
    encoder.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn inflate(data: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        flate2::read::ZlibDecoder::new(data)
            .read_to_end(&mut out)
            .unwrap();
        out
    }

    fn grey(width: u32, height: u32, pixels: Vec<u8>) -> Raster {
        Raster::new(
            width,
            height,
            (width as f32, height as f32),
            Pixels::Grey(pixels),
        )
        .unwrap()
    }

    #[test]
    fn nibbles_round_to_the_nearest_level_and_pad_rows() {
        assert_eq!(
            pack_nibbles(&[0, 255, 136, 8, 9], 5),
            vec![0x0F, 0x80, 0x10]
        );
        assert_eq!(pack_nibbles(&[255, 255, 255], 1), vec![0xF0, 0xF0, 0xF0]);
    }

    #[test]
    fn grey_pages_decode_to_the_declared_length() {
        let raster = grey(3, 2, vec![0, 128, 255, 255, 128, 0]);
        for (levels, encoding) in [
            (GreyLevels::Sixteen, Encoding::Grey4Flate),
            (GreyLevels::Full, Encoding::Grey8Flate),
        ] {
            let options = RenderOptions {
                grey_levels: levels,
                ..RenderOptions::default()
            };
            let image = encode(&raster, &options).unwrap();
            assert_eq!(image.encoding, encoding);
            assert_eq!(inflate(&image.data).len(), encoding.decoded_len(3, 2));
        }
        let full = RenderOptions {
            grey_levels: GreyLevels::Full,
            ..RenderOptions::default()
        };
        assert_eq!(
            inflate(&encode(&raster, &full).unwrap().data),
            vec![0, 128, 255, 255, 128, 0]
        );
    }

    #[test]
    fn flat_colour_stays_flate_and_noise_goes_jpeg() {
        let (width, height) = (64u32, 64u32);
        let flat = [200u8, 30, 30].repeat((width * height) as usize);
        let raster = Raster::new(width, height, (64.0, 64.0), Pixels::Rgb(flat)).unwrap();
        let image = encode(&raster, &RenderOptions::default()).unwrap();
        assert_eq!(image.encoding, Encoding::Rgb4Flate);
        assert_eq!(
            inflate(&image.data).len(),
            Encoding::Rgb4Flate.decoded_len(width, height)
        );

        let mut state = 7u32;
        let noise: Vec<u8> = (0..width * height * 3)
            .map(|i| {
                state = state.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
                // A smooth gradient with noise on top, like a photograph.
                ((i / 3 % width) * 3 + (state >> 27)) as u8
            })
            .collect();
        let raster = Raster::new(width, height, (64.0, 64.0), Pixels::Rgb(noise)).unwrap();
        let full = RenderOptions {
            grey_levels: GreyLevels::Full,
            ..RenderOptions::default()
        };
        assert_eq!(encode(&raster, &full).unwrap().encoding, Encoding::RgbJpeg);
    }
}
