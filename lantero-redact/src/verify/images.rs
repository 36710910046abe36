//! Checks on image streams: they hold pixels and nothing else.

use super::Findings;
use super::structure::decoded;
use super::syntax::File;
use crate::render::Encoding;

/// Image streams hold exactly the pixels their dictionary declares: Flate data inflates to the
/// exact size, JPEG data has only the segments of a plain baseline image (no comments or
/// application data, nothing after its end).
pub(crate) fn image_data(file: &File, bytes: &[u8], out: &mut Findings) {
    for object in &file.objects {
        let Some(dict) = object.dict() else { continue };
        if dict.name("Subtype") != Some(b"Image") {
            continue;
        }
        let id = object.id;
        let Some(range) = object.stream.clone() else {
            out.push(format!("image {id} has no data"));
            continue;
        };
        let data = &bytes[range];
        let encoding = match (
            dict.name("ColorSpace"),
            dict.number("BitsPerComponent"),
            dict.name("Filter"),
        ) {
            (Some(b"DeviceGray"), Some(8.0), Some(b"FlateDecode")) => Encoding::Grey8Flate,
            (Some(b"DeviceGray"), Some(4.0), Some(b"FlateDecode")) => Encoding::Grey4Flate,
            (Some(b"DeviceRGB"), Some(8.0), Some(b"FlateDecode")) => Encoding::Rgb8Flate,
            (Some(b"DeviceRGB"), Some(4.0), Some(b"FlateDecode")) => Encoding::Rgb4Flate,
            (Some(b"DeviceRGB"), Some(8.0), Some(b"DCTDecode")) => Encoding::RgbJpeg,
            _ => {
                out.push(format!(
                    "image {id} has an unexpected colour space, depth or filter"
                ));
                continue;
            }
        };
        let size = (dict.number("Width"), dict.number("Height"));
        let (Some(width), Some(height)) = size else {
            out.push(format!("image {id} has no size"));
            continue;
        };
        if encoding == Encoding::RgbJpeg {
            if let Err(problem) = plain_jpeg(data) {
                out.push(format!("image {id}: {problem}"));
            }
            continue;
        }
        let expected = encoding.decoded_len(width as u32, height as u32);
        match decoded(dict, data, expected + 1) {
            Ok(pixels) if pixels.len() == expected => {}
            Ok(pixels) => out.push(format!(
                "image {id} holds {} bytes of pixels, not {expected}",
                pixels.len()
            )),
            Err(err) => out.push(format!("image {id}: {err}")),
        }
    }
}

/// Walks the JPEG segments: start of image, JFIF header, tables, one baseline frame, one scan,
/// end of image — nothing else, and nothing after the end.
fn plain_jpeg(data: &[u8]) -> Result<(), String> {
    if !data.starts_with(&[0xFF, 0xD8]) {
        return Err("JPEG data does not start with SOI".into());
    }
    let mut at = 2;
    loop {
        let marker = match data.get(at..at + 2) {
            Some([0xFF, marker]) => *marker,
            _ => return Err(format!("JPEG marker expected at byte {at}")),
        };
        let len = data
            .get(at + 2..at + 4)
            .map(|l| usize::from(u16::from_be_bytes([l[0], l[1]])))
            .ok_or("JPEG segment cut short")?;
        match marker {
            0xE0 | 0xDB | 0xC4 | 0xC0 | 0xDD => at += 2 + len,
            0xDA => {
                // Entropy-coded data runs to EOI; 0xFF bytes in it are stuffed or restart markers.
                let mut scan = at + 2 + len;
                while scan + 1 < data.len() {
                    if data[scan] == 0xFF && !matches!(data[scan + 1], 0x00 | 0xD0..=0xD7) {
                        break;
                    }
                    scan += 1;
                }
                return match data.get(scan..).unwrap_or_default() {
                    [0xFF, 0xD9] => Ok(()),
                    [0xFF, 0xD9, ..] => Err("data after the end of the JPEG image".into()),
                    _ => Err("JPEG data has a second scan or no end".into()),
                };
            }
            other => return Err(format!("JPEG segment {other:#04x} is not allowed")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::codecs::jpeg::JpegEncoder;

    fn jpeg() -> Vec<u8> {
        let mut out = Vec::new();
        JpegEncoder::new_with_quality(&mut out, 80)
            .encode(
                &[200u8; 16 * 16 * 3],
                16,
                16,
                image::ExtendedColorType::Rgb8,
            )
            .unwrap();
        out
    }

    #[test]
    fn plain_jpegs_pass_and_hidden_data_does_not() {
        let plain = jpeg();
        assert_eq!(plain_jpeg(&plain), Ok(()));
        let mut commented = plain.clone();
        let comment = [0xFF, 0xFE, 0x00, 0x0F];
        commented.splice(2..2, comment.iter().copied().chain(*b"Anna Svensson"));
        assert!(plain_jpeg(&commented).unwrap_err().contains("0xfe"));
        let mut trailing = plain.clone();
        trailing.extend_from_slice(b"Anna Svensson");
        assert!(plain_jpeg(&trailing).is_err());
        assert!(plain_jpeg(&plain[..plain.len() - 2]).is_err());
        assert!(plain_jpeg(b"").is_err());
        assert!(plain_jpeg(&[0xFF, 0xD8, 0xFF, 0xDA, 0xFF, 0xFF]).is_err());
    }
}
