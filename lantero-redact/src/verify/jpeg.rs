//! JPEG page images hold a plain baseline image and nothing else.
//!
//! The writer's JPEGs come from the `image` crate's encoder: start of image, one JFIF header
//! with the encoder's fixed defaults, quantisation tables, one baseline frame, Huffman tables,
//! one scan, end of image. Application segments (EXIF, XMP, ICC profiles) and comments can
//! carry text any reader can pull out, so none is allowed beyond that one fixed header.

use super::Findings;
use super::syntax::File;

/// The APP0 segment the writer's encoder emits: JFIF 1.2, aspect ratio 1:1, no thumbnail.
const JFIF_APP0: [u8; 18] = [
    0xFF, 0xE0, 0x00, 0x10, b'J', b'F', b'I', b'F', 0x00, 0x01, 0x02, 0x00, 0x00, 0x01, 0x00, 0x01,
    0x00, 0x00,
];

/// Every `/DCTDecode` image is a plain JPEG of the size its dictionary declares.
pub(crate) fn jpeg_plain(file: &File, bytes: &[u8], out: &mut Findings) {
    for object in &file.objects {
        let Some(dict) = object.dict() else { continue };
        let Some(range) = object.stream.clone() else {
            continue;
        };
        if dict.name("Filter") != Some(b"DCTDecode") {
            continue;
        }
        let declared = (dict.number("Width"), dict.number("Height"));
        match plain_jpeg(&bytes[range]) {
            Ok((width, height)) if declared == (Some(width.into()), Some(height.into())) => {}
            Ok((width, height)) => out.push(format!(
                "image {}: the JPEG frame is {width}×{height}, not the declared size",
                object.id
            )),
            Err(problem) => out.push(format!("image {}: {problem}", object.id)),
        }
    }
}

/// Walks the JPEG segments: start of image, the fixed JFIF header, tables, one baseline frame,
/// one scan, end of image — nothing else, and nothing after the end. Returns the frame size.
pub(crate) fn plain_jpeg(data: &[u8]) -> Result<(u16, u16), String> {
    if !data.starts_with(&[0xFF, 0xD8]) {
        return Err("JPEG data does not start with SOI".into());
    }
    if data.get(2..2 + JFIF_APP0.len()) != Some(JFIF_APP0.as_slice()) {
        return Err("JPEG data lacks the writer's plain JFIF header".into());
    }
    let mut at = 2 + JFIF_APP0.len();
    let mut frame = None;
    loop {
        let marker = match data.get(at..at + 2) {
            Some([0xFF, marker]) => *marker,
            _ => return Err(format!("JPEG marker expected at byte {at}")),
        };
        let len = data
            .get(at + 2..at + 4)
            .map(|l| usize::from(u16::from_be_bytes([l[0], l[1]])))
            .filter(|&len| len >= 2 && at + 2 + len <= data.len())
            .ok_or("JPEG segment cut short")?;
        let body = &data[at + 4..at + 2 + len];
        match marker {
            0xC0 if frame.is_none() => match body {
                [8, h0, h1, w0, w1, 3, ..] if body.len() == 15 => {
                    frame = Some((
                        u16::from_be_bytes([*w0, *w1]),
                        u16::from_be_bytes([*h0, *h1]),
                    ));
                }
                _ => return Err("JPEG frame is not a plain 8-bit RGB frame".into()),
            },
            0xDB | 0xC4 | 0xDD => {}
            0xDA => {
                let frame = frame.ok_or("JPEG scan before its frame")?;
                // Entropy-coded data runs to EOI; 0xFF bytes in it are stuffed or restart markers.
                let mut scan = at + 2 + len;
                while scan + 1 < data.len() {
                    if data[scan] == 0xFF && !matches!(data[scan + 1], 0x00 | 0xD0..=0xD7) {
                        break;
                    }
                    scan += 1;
                }
                return match data.get(scan..).unwrap_or_default() {
                    [0xFF, 0xD9] => Ok(frame),
                    [0xFF, 0xD9, ..] => Err("data after the end of the JPEG image".into()),
                    _ => Err("JPEG data has a second scan or no end".into()),
                };
            }
            0xE0..=0xEF => return Err(format!("JPEG application segment {marker:#04x}")),
            other => return Err(format!("JPEG segment {other:#04x} is not allowed")),
        }
        at += 2 + len;
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
                &[200u8; 16 * 12 * 3],
                16,
                12,
                image::ExtendedColorType::Rgb8,
            )
            .unwrap();
        out
    }

    /// `plain` with `segment` (marker and payload) inserted after the JFIF header.
    fn with_segment(plain: &[u8], marker: u8, payload: &[u8]) -> Vec<u8> {
        let mut out = plain.to_vec();
        let len = u16::try_from(payload.len() + 2).unwrap().to_be_bytes();
        let segment = [0xFF, marker, len[0], len[1]]
            .into_iter()
            .chain(payload.iter().copied());
        let at = 2 + JFIF_APP0.len();
        out.splice(at..at, segment);
        out
    }

    #[test]
    fn plain_jpegs_pass_and_hidden_data_does_not() {
        let plain = jpeg();
        assert_eq!(plain_jpeg(&plain), Ok((16, 12)));
        let commented = with_segment(&plain, 0xFE, b"Anna Svensson");
        assert!(plain_jpeg(&commented).unwrap_err().contains("0xfe"));
        let exif = with_segment(&plain, 0xE1, b"Exif\0\0Anna Svensson");
        assert!(
            plain_jpeg(&exif)
                .unwrap_err()
                .contains("application segment 0xe1")
        );
        let second_app0 = with_segment(&plain, 0xE0, b"JFXX\0Anna Svensson");
        assert!(plain_jpeg(&second_app0).is_err());
        let mut density = plain.clone();
        density[14] = b'A';
        assert!(plain_jpeg(&density).unwrap_err().contains("JFIF"));
        let mut trailing = plain.clone();
        trailing.extend_from_slice(b"Anna Svensson");
        assert!(plain_jpeg(&trailing).is_err());
        assert!(plain_jpeg(&plain[..plain.len() - 2]).is_err());
        assert!(plain_jpeg(b"").is_err());
        let mut bare = vec![0xFF, 0xD8];
        bare.extend_from_slice(&JFIF_APP0);
        bare.extend_from_slice(&[0xFF, 0xDA, 0x00, 0x02, 0xFF, 0xD9]);
        assert!(plain_jpeg(&bare).unwrap_err().contains("before its frame"));
    }
}
