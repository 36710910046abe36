//! Stream data: inflating it within a bound, and checking that each stream is exactly what its
//! dictionary declares — its `/Length`, one filter the writer uses, and compressed data that
//! ends where the stream ends.

use std::collections::HashMap;

use flate2::{Decompress, FlushDecompress, Status};

use super::Findings;
use super::syntax::{Dict, File, Object};
use crate::render::Encoding;

/// Bytes a stream other than an image may inflate to. The writer's content streams are a few
/// dozen bytes; a stream that inflates further is a finding, never an allocation.
pub(crate) const MAX_STREAM: usize = 4 << 20;
/// Bytes of pixels an image may declare (a 600 dpi A3 page in RGB is about 210 MB). Image
/// data is only counted while inflating, never kept.
pub(crate) const MAX_IMAGE: usize = 512 << 20;

/// Inflates zlib `data`, handing the output to `sink` piece by piece. The zlib stream must end
/// (checksum included) exactly at the end of `data`, and inflate to at most `limit` bytes.
/// Returns the inflated length.
pub(crate) fn inflate(
    data: &[u8],
    limit: usize,
    mut sink: impl FnMut(&[u8]),
) -> Result<usize, String> {
    let mut zlib = Decompress::new(true);
    let mut buffer = vec![0u8; 64 << 10];
    loop {
        let (read, written) = (zlib.total_in() as usize, zlib.total_out());
        let status = zlib
            .decompress(&data[read..], &mut buffer, FlushDecompress::None)
            .map_err(|err| format!("cannot inflate: {err}"))?;
        let produced = (zlib.total_out() - written) as usize;
        sink(&buffer[..produced]);
        if zlib.total_out() > limit as u64 {
            return Err(format!("inflates to more than {limit} bytes"));
        }
        match status {
            Status::StreamEnd => break,
            _ if produced == 0 && zlib.total_in() as usize == read => {
                return Err("the compressed data is cut short".into());
            }
            _ => {}
        }
    }
    let used = zlib.total_in() as usize;
    if used != data.len() {
        return Err(format!(
            "{} bytes follow the end of the compressed data",
            data.len() - used
        ));
    }
    Ok(zlib.total_out() as usize)
}

/// A stream's data as a reader would decode it, at most `limit` bytes of it: as much as
/// inflates when the compressed data is broken, so that what it holds can still be searched.
pub(crate) fn decoded(dict: &Dict, data: &[u8], limit: usize) -> Vec<u8> {
    match dict.get("Filter") {
        Some(Object::Name(filter)) if filter == b"FlateDecode" => {
            let mut out = Vec::new();
            let _ = inflate(data, limit, |piece| {
                let room = limit.saturating_sub(out.len());
                out.extend_from_slice(&piece[..piece.len().min(room)]);
            });
            out
        }
        _ => data[..data.len().min(limit)].to_vec(),
    }
}

/// The pixel bytes an image dictionary declares, when it is one the writer makes.
pub(crate) fn declared_pixels(dict: &Dict) -> Option<(Encoding, usize)> {
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
        _ => return None,
    };
    let size = |key| {
        dict.number(key)
            .filter(|n| *n >= 1.0 && *n <= 1e6 && n.fract() == 0.0)
    };
    let (width, height) = (size("Width")?, size("Height")?);
    Some((encoding, encoding.decoded_len(width as u32, height as u32)))
}

/// Each stream's `/Length` is a direct number equal to its data, and Flate data inflates to its
/// last byte within a bound: an image to no more than its declared pixels, anything else to
/// [`MAX_STREAM`]. Returns the inflated length of every Flate stream that passed.
pub(crate) fn streams_exact(file: &File, bytes: &[u8], out: &mut Findings) -> HashMap<u32, usize> {
    let mut inflated = HashMap::new();
    for object in &file.objects {
        let (Some(dict), Some(range)) = (object.dict(), object.stream.clone()) else {
            continue;
        };
        let id = object.id;
        match dict.get("Length") {
            Some(Object::Number(n)) if *n == range.len() as f64 => {}
            Some(Object::Number(_)) => out.push(format!(
                "object {id}: /Length does not match the stream data"
            )),
            _ => out.push(format!("object {id}: /Length is not a direct number")),
        }
        if dict.name("Filter") != Some(b"FlateDecode") {
            continue;
        }
        let limit = if dict.name("Subtype") == Some(b"Image") {
            declared_pixels(dict).map_or(MAX_IMAGE, |(_, len)| len.min(MAX_IMAGE))
        } else {
            MAX_STREAM
        };
        match inflate(&bytes[range], limit, |_| {}) {
            Ok(len) => {
                inflated.insert(id, len);
            }
            Err(err) => out.push(format!("object {id}: {err}")),
        }
    }
    inflated
}

/// `/Filter` is a single name, `/FlateDecode` on any stream or `/DCTDecode` on an image, and
/// appears nowhere but in a stream's own dictionary: filter arrays and other filters could
/// hand a reader data that this verifier never decoded.
pub(crate) fn filters_plain(file: &File, out: &mut Findings) {
    fn nested(object: &Object) -> bool {
        match object {
            Object::Dict(dict) => dict
                .0
                .iter()
                .any(|(key, value)| key == b"Filter" || nested(value)),
            Object::Array(items) => items.iter().any(nested),
            _ => false,
        }
    }
    for object in &file.objects {
        let id = object.id;
        let Some(dict) = object.dict() else {
            if nested(&object.value) {
                out.push(format!("object {id}: /Filter outside a stream dictionary"));
            }
            continue;
        };
        if dict.0.iter().any(|(_, value)| nested(value)) {
            out.push(format!("object {id}: /Filter outside a stream dictionary"));
        }
        let image = dict.name("Subtype") == Some(b"Image");
        match (dict.get("Filter"), object.stream.is_some()) {
            (None, _) => {}
            (Some(_), false) => out.push(format!(
                "object {id}: /Filter on an object that is no stream"
            )),
            (Some(Object::Name(name)), true) => match name.as_slice() {
                b"FlateDecode" => {}
                b"DCTDecode" if image => {}
                b"DCTDecode" => out.push(format!(
                    "object {id}: /DCTDecode on a stream that is no image"
                )),
                _ => out.push(format!("object {id}: a filter the writer does not use")),
            },
            (Some(Object::Array(_)), true) => out.push(format!("object {id}: a /Filter array")),
            (Some(_), true) => out.push(format!("object {id}: /Filter is not a name")),
        }
    }
    for trailer in &file.trailers {
        if nested(&Object::Dict(trailer.clone())) {
            out.push("the trailer has a /Filter".into());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn zlib(data: &[u8]) -> Vec<u8> {
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        z.write_all(data).unwrap();
        z.finish().unwrap()
    }

    #[test]
    fn inflating_is_exact_and_bounded() {
        let data = zlib(b"q 595 0 0 842 0 0 cm /Im0 Do Q");
        assert_eq!(inflate(&data, 100, |_| {}), Ok(30));
        assert!(
            inflate(&data, 29, |_| {})
                .unwrap_err()
                .contains("more than 29")
        );
        let mut trailing = data.clone();
        trailing.extend_from_slice(b"Anna");
        assert!(
            inflate(&trailing, 100, |_| {})
                .unwrap_err()
                .contains("4 bytes follow")
        );
        assert!(inflate(&data[..data.len() - 3], 100, |_| {}).is_err());
        assert!(inflate(b"", 100, |_| {}).is_err());
        let mut checksum = data.clone();
        *checksum.last_mut().unwrap() ^= 1;
        assert!(inflate(&checksum, 100, |_| {}).is_err());
    }

    #[test]
    fn decoding_keeps_what_inflates_within_the_limit() {
        let dict = Dict(vec![(
            b"Filter".to_vec(),
            Object::Name(b"FlateDecode".to_vec()),
        )]);
        let data = zlib(&[b'a'; 1000]);
        assert_eq!(decoded(&dict, &data, 10), vec![b'a'; 10]);
        assert_eq!(decoded(&dict, &data[..data.len() - 4], 2000).len(), 1000);
        assert_eq!(decoded(&Dict::default(), b"plain", 3), b"pla");
    }
}
