//! Checks on the file's own syntax: what objects it holds, and that it holds nothing else.

use std::collections::HashSet;
use std::io::Read;

use flate2::read::ZlibDecoder;

use super::Findings;
use super::syntax::{Dict, File, Object, operators};
use crate::write::PRODUCER;

/// Every key an image-only output may use. Anything else (a `/PieceInfo`, a `/StructTreeRoot`
/// with alternative text, a `/Lang`) is content that the verifier did not foresee, so it fails.
const KNOWN_KEYS: &[&str] = &[
    "Type",
    "Subtype",
    "Pages",
    "Kids",
    "Count",
    "Parent",
    "MediaBox",
    "Resources",
    "XObject",
    "Contents",
    "Length",
    "Filter",
    "Width",
    "Height",
    "ColorSpace",
    "BitsPerComponent",
    "Producer",
    "Size",
    "Root",
    "Info",
];

/// Keys (and `/Type` or `/Subtype` values) that betray one kind of forbidden content.
pub(crate) const FORBIDDEN: &[(&str, &[&str])] = &[
    (
        "no_fonts",
        &[
            "Font",
            "FontDescriptor",
            "FontFile",
            "FontFile2",
            "FontFile3",
            "DescendantFonts",
            "ToUnicode",
            "CharProcs",
            "Type3",
        ],
    ),
    ("no_annotations", &["Annots", "Annot", "Popup"]),
    (
        "no_form_fields",
        &[
            "AcroForm",
            "XFA",
            "FT",
            "Fields",
            "NeedAppearances",
            "Widget",
        ],
    ),
    (
        "no_attachments",
        &[
            "EmbeddedFiles",
            "EmbeddedFile",
            "EF",
            "RF",
            "AF",
            "Filespec",
            "FileAttachment",
            "Collection",
        ],
    ),
    (
        "no_scripts_or_actions",
        &[
            "JavaScript",
            "JS",
            "OpenAction",
            "AA",
            "A",
            "Action",
            "Launch",
            "URI",
            "SubmitForm",
            "Names",
        ],
    ),
    ("no_outlines", &["Outlines", "First", "Last"]),
    ("no_xmp_metadata", &["Metadata", "XML"]),
];

/// Keys of the document information dictionary other than the producer.
const INFO_KEYS: &[&str] = &[
    "Title",
    "Author",
    "Subject",
    "Keywords",
    "Creator",
    "CreationDate",
    "ModDate",
    "Trapped",
];

/// Calls `visit(object id, key, value, is_resource_name)` for every dictionary entry in the
/// file, nested ones and the trailers (object id 0) included. Entries of an `/XObject` resource
/// dictionary are resource names chosen by the writer, not keys, and are flagged as such.
fn each_entry(file: &File, mut visit: impl FnMut(u32, &[u8], &Object, bool)) {
    fn walk(
        id: u32,
        object: &Object,
        resources: bool,
        visit: &mut impl FnMut(u32, &[u8], &Object, bool),
    ) {
        match object {
            Object::Dict(dict) => {
                for (key, value) in &dict.0 {
                    visit(id, key, value, resources);
                    walk(id, value, key == b"XObject", visit);
                }
            }
            Object::Array(items) => items.iter().for_each(|item| walk(id, item, false, visit)),
            _ => {}
        }
    }
    for object in &file.objects {
        walk(object.id, &object.value, false, &mut visit);
    }
    for trailer in &file.trailers {
        walk(0, &Object::Dict(trailer.clone()), false, &mut visit);
    }
}

fn name(key: &[u8]) -> String {
    String::from_utf8_lossy(key).into_owned()
}

/// One cross-reference table, one trailer, one `startxref`, one `%%EOF`, no `/Prev`, and each
/// object number once: the file was written in one go, never updated incrementally.
pub(crate) fn single_revision(file: &File, out: &mut Findings) {
    let counts = [
        ("cross-reference tables", file.xref_tables),
        ("trailers", file.trailers.len()),
        ("startxref", file.startxrefs),
        ("%%EOF markers", file.eof_markers),
    ];
    for (what, count) in counts {
        if count != 1 {
            out.push(format!("{count} {what}"));
        }
    }
    if file.trailers.iter().any(|t| t.get("Prev").is_some()) {
        out.push("the trailer points to an earlier revision (/Prev)".into());
    }
    let mut seen = HashSet::new();
    for object in &file.objects {
        if !seen.insert(object.id) {
            out.push(format!("object {} is defined more than once", object.id));
        }
    }
}

/// Object and cross-reference streams could hide objects from this reading of the file.
pub(crate) fn no_object_streams(file: &File, out: &mut Findings) {
    for object in &file.objects {
        if let Some(kind @ (b"ObjStm" | b"XRef")) = object.dict().and_then(|d| d.name("Type")) {
            out.push(format!("object {} is a /{} stream", object.id, name(kind)));
        }
    }
}

/// Every key the output may hold is known; report the others.
pub(crate) fn only_known_keys(file: &File, out: &mut Findings) {
    each_entry(file, |id, key, _, resource_name| {
        if !resource_name && !KNOWN_KEYS.iter().any(|k| k.as_bytes() == key) {
            out.push(format!("object {id}: unexpected key /{}", name(key)));
        }
    });
}

/// Reports keys, `/Type`s and `/Subtype`s from one forbidden family.
pub(crate) fn forbidden(file: &File, family: &[&str], out: &mut Findings) {
    each_entry(file, |id, key, value, resource_name| {
        if resource_name {
            return;
        }
        let hit = |word: &[u8]| family.iter().any(|f| f.as_bytes() == word);
        if hit(key) {
            out.push(format!("object {id}: /{}", name(key)));
        } else if let (b"Type" | b"Subtype" | b"S", Object::Name(kind)) = (key, value)
            && hit(kind)
        {
            out.push(format!("object {id}: /{} /{}", name(key), name(kind)));
        }
    });
}

/// The document information holds only `/Producer (Lantero)`, and no other dictionary looks
/// like document information.
pub(crate) fn info_minimal(file: &File, out: &mut Findings) {
    for trailer in &file.trailers {
        let Some(info) = trailer.get("Info") else {
            continue;
        };
        match file.resolve(info) {
            Some(Object::Dict(dict)) => {
                for (key, value) in &dict.0 {
                    if key != b"Producer" {
                        out.push(format!("document information has /{}", name(key)));
                    } else if value != &Object::String(PRODUCER.as_bytes().to_vec()) {
                        out.push("the producer is not Lantero".into());
                    }
                }
            }
            _ => out.push("the document information is not a dictionary".into()),
        }
    }
    each_entry(file, |id, key, _, resource_name| {
        if !resource_name && INFO_KEYS.iter().any(|k| k.as_bytes() == key) {
            out.push(format!("object {id}: /{}", name(key)));
        }
    });
}

/// Inflates a stream's data when it is Flate-compressed (or not compressed), reading at most
/// `limit` bytes so that a hostile stream cannot exhaust memory.
pub(crate) fn decoded(dict: &Dict, data: &[u8], limit: usize) -> Result<Vec<u8>, String> {
    match dict.get("Filter") {
        None => Ok(data[..data.len().min(limit)].to_vec()),
        Some(Object::Name(filter)) if filter == b"FlateDecode" => {
            let mut out = Vec::new();
            ZlibDecoder::new(data)
                .take(limit as u64)
                .read_to_end(&mut out)
                .map_err(|err| format!("cannot inflate: {err}"))?;
            Ok(out)
        }
        Some(other) => Err(format!("unsupported filter {other:?}")),
    }
}

/// Each page shows one image and nothing else: one `/XObject` resource, an image, and content
/// that only places it (`q`, `cm`, `Do`, `Q`). Form XObjects, which can hold text, are refused.
pub(crate) fn page_content(file: &File, bytes: &[u8], text: &mut Findings, images: &mut Findings) {
    for object in &file.objects {
        let Some(dict) = object.dict() else { continue };
        if dict.name("Subtype") == Some(b"Form") {
            text.push(format!("object {}: a form XObject", object.id));
        }
        if dict.name("Type") != Some(b"Page") {
            continue;
        }
        let id = object.id;
        let xobjects = dict
            .get("Resources")
            .and_then(|r| file.resolve(r))
            .and_then(|r| match r {
                Object::Dict(d) => d.get("XObject").and_then(|x| file.resolve(x)),
                _ => None,
            });
        match xobjects {
            Some(Object::Dict(x)) if x.0.len() == 1 && is_image(file, &x.0[0].1) => {}
            Some(Object::Dict(x)) => images.push(format!(
                "page object {id} has {} XObject resources where one image is expected",
                x.0.len()
            )),
            _ => images.push(format!("page object {id} has no image resource")),
        }
        let contents: Vec<&Object> = match dict.get("Contents") {
            Some(Object::Array(items)) => items.iter().collect(),
            Some(other) => vec![other],
            None => Vec::new(),
        };
        let mut draws = 0;
        for content in contents {
            let stream = match content {
                Object::Ref(r, _) => file
                    .object(*r)
                    .and_then(|o| Some((o.dict()?, o.stream.clone()?))),
                _ => None,
            };
            let Some((stream_dict, range)) = stream else {
                text.push(format!("page object {id}: content is not a stream"));
                continue;
            };
            let ops =
                decoded(stream_dict, &bytes[range], 1 << 20).and_then(|data| operators(&data));
            match ops {
                Ok(ops) => {
                    draws += ops.iter().filter(|op| *op == "Do").count();
                    let mut other: Vec<&str> = ops
                        .iter()
                        .map(String::as_str)
                        .filter(|op| !matches!(*op, "q" | "Q" | "cm" | "Do"))
                        .collect();
                    other.dedup();
                    if !other.is_empty() {
                        text.push(format!(
                            "page object {id}: content operators {}",
                            other.join(" ")
                        ));
                    }
                }
                Err(err) => text.push(format!("page object {id}: content unreadable: {err}")),
            }
        }
        if draws != 1 {
            images.push(format!("page object {id} draws {draws} images, not one"));
        }
    }
}

fn is_image(file: &File, object: &Object) -> bool {
    match object {
        Object::Ref(id, _) => {
            file.object(*id)
                .and_then(|o| o.dict())
                .and_then(|d| d.name("Subtype"))
                == Some(b"Image")
        }
        _ => false,
    }
}
