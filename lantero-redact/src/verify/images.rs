//! Checks on image streams: they hold pixels and nothing else.

use std::collections::HashMap;

use super::Findings;
use super::streams::declared_pixels;
use super::syntax::File;
use crate::render::Encoding;

/// Image streams are of a kind the writer makes and hold exactly the pixels their dictionary
/// declares: Flate data inflated (by [`super::streams::streams_exact`], whose lengths are in
/// `inflated`) to the exact size. JPEG data is checked by [`super::jpeg::jpeg_plain`].
pub(crate) fn image_data(file: &File, inflated: &HashMap<u32, usize>, out: &mut Findings) {
    for object in &file.objects {
        let Some(dict) = object.dict() else { continue };
        if dict.name("Subtype") != Some(b"Image") {
            continue;
        }
        let id = object.id;
        if object.stream.is_none() {
            out.push(format!("image {id} has no data"));
            continue;
        }
        let Some((encoding, expected)) = declared_pixels(dict) else {
            out.push(format!(
                "image {id} has an unexpected colour space, depth, filter or size"
            ));
            continue;
        };
        if encoding == Encoding::RgbJpeg {
            continue;
        }
        match inflated.get(&id) {
            Some(&len) if len == expected => {}
            Some(&len) => out.push(format!(
                "image {id} holds {len} bytes of pixels, not {expected}"
            )),
            None => out.push(format!(
                "image {id} does not inflate to exactly its {expected} bytes of pixels"
            )),
        }
    }
}
