//! Checks on the file's own syntax: what objects it holds, and that it holds nothing else.

use std::collections::HashSet;

use super::Findings;
use super::PRODUCER;
use super::profile::{LAYER_KEYS, Profile};
use super::syntax::{File, Object};

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
/// dictionary (and in the searchable profile of a `/Font` one) are resource names chosen by the
/// writer, not keys, and are flagged as such.
fn each_entry(file: &File, profile: Profile, mut visit: impl FnMut(u32, &[u8], &Object, bool)) {
    fn walk(
        id: u32,
        object: &Object,
        resources: bool,
        named: &[&[u8]],
        visit: &mut impl FnMut(u32, &[u8], &Object, bool),
    ) {
        match object {
            Object::Dict(dict) => {
                for (key, value) in &dict.0 {
                    visit(id, key, value, resources);
                    walk(id, value, named.contains(&key.as_slice()), named, visit);
                }
            }
            Object::Array(items) => items
                .iter()
                .for_each(|item| walk(id, item, false, named, visit)),
            _ => {}
        }
    }
    let named: &[&[u8]] = match profile {
        Profile::ImageOnly => &[b"XObject"],
        Profile::Searchable => &[b"XObject", b"Font"],
    };
    for object in &file.objects {
        walk(object.id, &object.value, false, named, &mut visit);
    }
    for trailer in &file.trailers {
        walk(0, &Object::Dict(trailer.clone()), false, named, &mut visit);
    }
}

fn name(key: &[u8]) -> String {
    String::from_utf8_lossy(key).into_owned()
}

/// One cross-reference table, one trailer, one `startxref`, one `%%EOF`, no `/Prev`, and each
/// object number once: the file was written in one go, never updated incrementally.
pub(crate) fn single_revision(file: &File, out: &mut Findings) {
    let counts = [
        ("cross-reference tables", file.xref_at.len()),
        ("trailers", file.trailers.len()),
        ("startxref", file.startxref.len()),
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
pub(crate) fn only_known_keys(file: &File, profile: Profile, out: &mut Findings) {
    let layer: &[&str] = match profile {
        Profile::ImageOnly => &[],
        Profile::Searchable => LAYER_KEYS,
    };
    each_entry(file, profile, |id, key, _, resource_name| {
        let known = |k: &&str| k.as_bytes() == key;
        if !resource_name && !KNOWN_KEYS.iter().any(known) && !layer.iter().any(known) {
            out.push(format!("object {id}: unexpected key /{}", name(key)));
        }
    });
}

/// Reports keys, `/Type`s and `/Subtype`s from one forbidden family.
pub(crate) fn forbidden(file: &File, profile: Profile, family: &[&str], out: &mut Findings) {
    each_entry(file, profile, |id, key, value, resource_name| {
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
pub(crate) fn info_minimal(file: &File, profile: Profile, out: &mut Findings) {
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
    each_entry(file, profile, |id, key, _, resource_name| {
        if !resource_name && INFO_KEYS.iter().any(|k| k.as_bytes() == key) {
            out.push(format!("object {id}: /{}", name(key)));
        }
    });
}
