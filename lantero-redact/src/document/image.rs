//! Reading a raster image (PNG, JPEG, TIFF) as a one-page document.
//!
//! The page size in points follows the image's own resolution where the file records one (PNG
//! `pHYs`, JPEG JFIF density); otherwise [`ASSUMED_DPI`], the usual resolution of office scans.

use std::io::Cursor;
use std::path::Path;

use image::{DynamicImage, ImageFormat, ImageReader};

use crate::{Error, Result};

/// The resolution assumed for images that do not record one.
pub const ASSUMED_DPI: f32 = 300.0;

/// Decodes `bytes` (read from `path`) in the format its extension names.
pub(crate) fn decode(
    path: &Path,
    bytes: &[u8],
    format: ImageFormat,
) -> Result<(DynamicImage, f32)> {
    if bytes.is_empty() {
        return Err(Error::Input {
            path: path.into(),
            reason: "the file is empty".into(),
        });
    }
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    // Pages are rendered in memory; refuse absurd sizes before allocating them.
    let mut limits = image::Limits::default();
    limits.max_alloc = Some(1 << 30);
    reader.limits(limits);
    let image = reader.decode().map_err(|err| Error::Input {
        path: path.into(),
        reason: format!("cannot decode the {format:?} image: {err}"),
    })?;
    if format == ImageFormat::Tiff && tiff_page_count(bytes) > 1 {
        // Only the first page would be decoded; dropping pages silently is not acceptable.
        return Err(Error::Input {
            path: path.into(),
            reason: "multi-page TIFF files are not supported; split the pages first".into(),
        });
    }
    let dpi = recorded_dpi(bytes, format).unwrap_or(ASSUMED_DPI);
    Ok((image, dpi))
}

/// The resolution stored in a PNG `pHYs` chunk or a JPEG JFIF header, if any.
fn recorded_dpi(bytes: &[u8], format: ImageFormat) -> Option<f32> {
    let dpi = match format {
        ImageFormat::Png => png_dpi(bytes),
        ImageFormat::Jpeg => jfif_dpi(bytes),
        _ => None,
    }?;
    (30.0..=2400.0).contains(&dpi).then_some(dpi)
}

fn png_dpi(bytes: &[u8]) -> Option<f32> {
    let mut at = 8;
    while at + 8 <= bytes.len() {
        let len = u32::from_be_bytes(bytes[at..at + 4].try_into().ok()?) as usize;
        let kind = &bytes[at + 4..at + 8];
        let data = bytes.get(at + 8..at + 8 + len)?;
        match kind {
            b"pHYs" if len == 9 && data[8] == 1 => {
                let per_metre = u32::from_be_bytes(data[0..4].try_into().ok()?);
                return Some(per_metre as f32 * 0.0254);
            }
            b"IDAT" | b"IEND" => return None,
            _ => at += 12 + len,
        }
    }
    None
}

fn jfif_dpi(bytes: &[u8]) -> Option<f32> {
    // SOI, then APP0 "JFIF\0", version, units, x density.
    let app0 = bytes.get(2..18)?;
    if app0[0..2] != [0xFF, 0xE0] || &app0[4..9] != b"JFIF\0" {
        return None;
    }
    let density = f32::from(u16::from_be_bytes([app0[12], app0[13]]));
    match app0[11] {
        1 => Some(density),
        2 => Some(density * 2.54),
        _ => None,
    }
}

/// How many images (IFDs) a TIFF file chains together; 0 when the header is unreadable.
fn tiff_page_count(bytes: &[u8]) -> usize {
    let read_u16 = |at: usize, le: bool| -> Option<usize> {
        let b: [u8; 2] = bytes.get(at..at + 2)?.try_into().ok()?;
        Some(usize::from(if le {
            u16::from_le_bytes(b)
        } else {
            u16::from_be_bytes(b)
        }))
    };
    let read_u32 = |at: usize, le: bool| -> Option<usize> {
        let b: [u8; 4] = bytes.get(at..at + 4)?.try_into().ok()?;
        Some(
            (if le {
                u32::from_le_bytes(b)
            } else {
                u32::from_be_bytes(b)
            }) as usize,
        )
    };
    let le = match bytes.get(0..2) {
        Some(b"II") => true,
        Some(b"MM") => false,
        _ => return 0,
    };
    // Classic TIFF only; BigTIFF (version 43) is counted as one page.
    if read_u16(2, le) != Some(42) {
        return 1;
    }
    let mut count = 0;
    let mut offset = read_u32(4, le).unwrap_or(0);
    while offset != 0 && count < 10_000 {
        count += 1;
        let Some(entries) = read_u16(offset, le) else {
            break;
        };
        offset = read_u32(offset + 2 + entries * 12, le).unwrap_or(0);
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::{GrayImage, Luma};

    fn png_with_dpi(dpi: Option<u32>) -> Vec<u8> {
        let image = GrayImage::from_pixel(4, 4, Luma([200]));
        let mut png = Vec::new();
        image
            .write_to(&mut Cursor::new(&mut png), ImageFormat::Png)
            .unwrap();
        if let Some(dpi) = dpi {
            // Insert a pHYs chunk after IHDR (8 + 25 bytes); the CRC is not checked by us.
            let per_metre = (dpi as f32 / 0.0254).round() as u32;
            let mut chunk = 9u32.to_be_bytes().to_vec();
            chunk.extend_from_slice(b"pHYs");
            chunk.extend_from_slice(&per_metre.to_be_bytes());
            chunk.extend_from_slice(&per_metre.to_be_bytes());
            chunk.extend_from_slice(&[1, 0, 0, 0, 0]);
            png.splice(33..33, chunk);
        }
        png
    }

    #[test]
    fn png_resolution_is_read_from_phys() {
        let dpi = png_dpi(&png_with_dpi(Some(150))).unwrap();
        assert!((dpi - 150.0).abs() < 0.1, "{dpi}");
        assert_eq!(png_dpi(&png_with_dpi(None)), None);
    }

    #[test]
    fn jpeg_resolution_is_read_from_jfif() {
        let mut jpeg = vec![0xFF, 0xD8, 0xFF, 0xE0, 0, 16];
        jpeg.extend_from_slice(b"JFIF\0");
        jpeg.extend_from_slice(&[1, 1, 1, 0, 200, 0, 200, 0, 0]);
        assert_eq!(jfif_dpi(&jpeg), Some(200.0));
        jpeg[13] = 0; // no unit: an aspect ratio only
        assert_eq!(jfif_dpi(&jpeg), None);
    }

    #[test]
    fn corrupt_images_are_errors_naming_the_file() {
        let err = decode(Path::new("scan.png"), b"not a png", ImageFormat::Png).unwrap_err();
        assert!(
            err.to_string().starts_with("scan.png: cannot decode"),
            "{err}"
        );
    }

    #[test]
    fn tiff_pages_are_counted() {
        let image = GrayImage::from_pixel(2, 2, Luma([0]));
        let mut tiff = Vec::new();
        image
            .write_to(&mut Cursor::new(&mut tiff), ImageFormat::Tiff)
            .unwrap();
        assert_eq!(tiff_page_count(&tiff), 1);
        assert_eq!(tiff_page_count(b"nonsense"), 0);
    }
}
