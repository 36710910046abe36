//! Checks on what each page draws: its content stream places its one image over the page, and
//! does nothing else.

use super::Findings;
use super::layer::PLACEMENT_OPS;
use super::profile::Profile;
use super::streams::{MAX_STREAM, decoded};
use super::syntax::{Content, Dict, File, Object, content};

/// Operators a content stream may name in a finding; any other word may be text the stream
/// hides, so it is counted, never echoed.
const KNOWN_OPERATORS: &[&str] = &[
    "b", "B", "b*", "B*", "BDC", "BI", "BMC", "BT", "BX", "c", "cm", "CS", "cs", "d", "d0", "d1",
    "Do", "DP", "EI", "EMC", "ET", "EX", "f", "F", "f*", "G", "g", "gs", "h", "i", "ID", "j", "J",
    "K", "k", "l", "m", "M", "MP", "n", "q", "Q", "re", "RG", "rg", "ri", "s", "S", "SC", "sc",
    "SCN", "scn", "sh", "T*", "Tc", "Td", "TD", "Tf", "Tj", "TJ", "TL", "Tm", "Tr", "Ts", "Tw",
    "Tz", "v", "w", "W", "W*", "y", "'", "\"",
];

/// A page and its content streams as read, or why one could not be read.
struct Page<'a> {
    id: u32,
    dict: &'a Dict,
    streams: Vec<Result<Content, String>>,
}

fn pages<'a>(file: &'a File, bytes: &[u8]) -> Vec<Page<'a>> {
    let mut found = Vec::new();
    for object in &file.objects {
        let Some(dict) = object.dict() else { continue };
        if dict.name("Type") != Some(b"Page") {
            continue;
        }
        let contents: Vec<&Object> = match dict.get("Contents") {
            Some(Object::Array(items)) => items.iter().collect(),
            Some(other) => vec![other],
            None => Vec::new(),
        };
        let streams = contents
            .into_iter()
            .map(|item| {
                let stream = match item {
                    Object::Ref(id, _) => file
                        .object(*id)
                        .and_then(|o| Some((o.dict()?, o.stream.clone()?))),
                    _ => None,
                };
                let (stream, range) = stream.ok_or("content is not a stream")?;
                content(&decoded(stream, &bytes[range], MAX_STREAM))
            })
            .collect();
        found.push(Page {
            id: object.id,
            dict,
            streams,
        });
    }
    found
}

/// Each page shows one image and nothing else: one `/XObject` resource, an image, and content
/// that only places it (`q`, `cm`, `Do`, `Q`). Form XObjects, which can hold text, are refused.
/// In the searchable profile what follows the placement is the layer, checked by
/// [`super::layer::text_layer_exact`], and left out here.
pub(crate) fn page_content(
    file: &File,
    bytes: &[u8],
    profile: Profile,
    text: &mut Findings,
    images: &mut Findings,
) {
    for object in &file.objects {
        if object.dict().and_then(|d| d.name("Subtype")) == Some(b"Form") {
            text.push(format!("object {}: a form XObject", object.id));
        }
    }
    for page in pages(file, bytes) {
        let id = page.id;
        match image_resource(file, page.dict) {
            Ok(_) => {}
            Err(problem) => images.push(format!("page object {id} {problem}")),
        }
        let mut draws = 0;
        let mut placement = match profile {
            Profile::ImageOnly => usize::MAX,
            Profile::Searchable => PLACEMENT_OPS,
        };
        for stream in &page.streams {
            let content = match stream {
                Ok(content) => content,
                Err(err) => {
                    text.push(format!("page object {id}: content unreadable: {err}"));
                    continue;
                }
            };
            let operators: Vec<&str> = content.operators().take(placement).collect();
            placement -= operators.len();
            draws += operators.iter().filter(|op| **op == "Do").count();
            let mut other: Vec<&str> = operators
                .into_iter()
                .filter(|op| !matches!(*op, "q" | "Q" | "cm" | "Do"))
                .map(|op| {
                    if KNOWN_OPERATORS.contains(&op) {
                        op
                    } else {
                        "(unknown)"
                    }
                })
                .collect();
            other.dedup();
            if !other.is_empty() {
                text.push(format!(
                    "page object {id}: content operators {}",
                    other.join(" ")
                ));
            }
        }
        if draws != 1 {
            images.push(format!("page object {id} draws {draws} images, not one"));
        }
    }
}

/// The name of the page's one image resource.
fn image_resource<'a>(file: &'a File, page: &'a Dict) -> Result<&'a [u8], String> {
    let xobjects = page
        .get("Resources")
        .and_then(|r| file.resolve(r))
        .and_then(|r| match r {
            Object::Dict(d) => d.get("XObject").and_then(|x| file.resolve(x)),
            _ => None,
        });
    match xobjects {
        Some(Object::Dict(x)) if x.0.len() == 1 && is_image(file, &x.0[0].1) => Ok(&x.0[0].0),
        Some(Object::Dict(x)) => Err(format!(
            "has {} XObject resources where one image is expected",
            x.0.len()
        )),
        _ => Err("has no image resource".into()),
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

/// Page content is exactly `q w 0 0 h 0 0 cm /Name Do Q`, with the page's own size and image
/// name: no operand other than those numbers and that name, so no string, array, inline image
/// or comment that could carry text, and no number that could carry digits. In the searchable
/// profile this holds for the first four operators; the layer after them is checked by
/// [`super::layer::text_layer_exact`].
pub(crate) fn content_operands_plain(
    file: &File,
    bytes: &[u8],
    profile: Profile,
    out: &mut Findings,
) {
    for page in pages(file, bytes) {
        let id = page.id;
        let mut ops = Vec::new();
        for stream in page.streams {
            match stream {
                Ok(content) => {
                    if !content.comments.is_empty() {
                        out.push(format!("page object {id}: a comment in its content"));
                    }
                    ops.extend(content.ops);
                }
                Err(_) => out.push(format!("page object {id}: content unreadable")),
            }
        }
        if profile == Profile::Searchable {
            ops.truncate(PLACEMENT_OPS);
        }
        let mut kinds: Vec<&str> = Vec::new();
        for op in &ops {
            if op.operator == "BI" {
                kinds.push("an inline image");
            }
            for operand in &op.operands {
                match operand {
                    Object::Number(_) | Object::Name(_) => {}
                    Object::String(_) => kinds.push("a string operand"),
                    Object::Array(_) => kinds.push("an array operand"),
                    Object::Dict(_) => kinds.push("a dictionary operand"),
                    _ => kinds.push("an operand neither number nor name"),
                }
            }
        }
        kinds.sort_unstable();
        kinds.dedup();
        for kind in kinds {
            out.push(format!("page object {id}: {kind} in its content"));
        }
        if !places_image(file, page.dict, &ops) {
            out.push(format!(
                "page object {id}: content does more than place its image over the page"
            ));
        }
    }
}

/// Whether `ops` are `q w 0 0 h 0 0 cm /Name Do Q` for the page's `/MediaBox [0 0 w h]` and
/// its one image resource `/Name`.
fn places_image(file: &File, page: &Dict, ops: &[super::syntax::Op]) -> bool {
    let size = match page.get("MediaBox") {
        Some(Object::Array(b)) => match b.as_slice() {
            [
                Object::Number(x),
                Object::Number(y),
                Object::Number(w),
                Object::Number(h),
            ] if *x == 0.0 && *y == 0.0 => (*w, *h),
            _ => return false,
        },
        _ => return false,
    };
    let Ok(name) = image_resource(file, page) else {
        return false;
    };
    let n = Object::Number;
    let expected: [(&str, Vec<Object>); 4] = [
        ("q", vec![]),
        (
            "cm",
            vec![n(size.0), n(0.0), n(0.0), n(size.1), n(0.0), n(0.0)],
        ),
        ("Do", vec![Object::Name(name.to_vec())]),
        ("Q", vec![]),
    ];
    ops.len() == expected.len()
        && ops
            .iter()
            .zip(&expected)
            .all(|(op, (operator, operands))| op.operator == *operator && op.operands == *operands)
}
