//! Checks on where things lie in the file. A reader follows the cross-reference table to find
//! objects and this verifier reads the file front to back; the two readings agree only when
//! every table entry points exactly at an object the verifier read, and when no comment (which
//! the verifier skips and a reader might not) holds anything.

use std::collections::HashSet;
use std::ops::Range;

use super::Findings;
use super::syntax::{File, Object};

/// The comments outside stream data other than the header line `%PDF-x.y`, the binary comment
/// line directly after it (`%` and four bytes of 128 or above), and the final `%%EOF`.
pub(crate) fn stray_comments(file: &File, bytes: &[u8]) -> Vec<Range<usize>> {
    let mut stray: Vec<Range<usize>> = file.comments.clone();
    let eol_after = |at: usize| match bytes.get(at..).unwrap_or_default() {
        [b'\r', b'\n', ..] => 2,
        [b'\n' | b'\r', ..] => 1,
        _ => 0,
    };
    if let Some(header) = stray.first().cloned()
        && header.start == 0
        && matches!(&bytes[header.clone()], [b'%', b'P', b'D', b'F', b'-', major, b'.', minor]
            if major.is_ascii_digit() && minor.is_ascii_digit())
    {
        let after = header.end + eol_after(header.end);
        stray.remove(0);
        if let Some(binary) = stray.first()
            && binary.start == after
            && after > header.end
            && matches!(&bytes[binary.clone()], [b'%', rest @ ..] if rest.len() == 4 && rest.iter().all(|&b| b >= 128))
        {
            stray.remove(0);
        }
    }
    if let Some(last) = stray.last()
        && &bytes[last.clone()] == b"%%EOF"
        && last.end + eol_after(last.end) == bytes.len()
    {
        stray.pop();
    }
    stray
}

/// No comment but the header lines and the final `%%EOF`.
pub(crate) fn no_comments(file: &File, bytes: &[u8], out: &mut Findings) {
    for comment in stray_comments(file, bytes) {
        out.push(format!("a comment at byte {}", comment.start));
    }
}

/// Every cross-reference entry points exactly at `N G obj` of the object it names, every object
/// read has one entry, the only free entry is object 0, `/Size` counts the entries, and
/// `startxref` points at the table.
pub(crate) fn xref_exact(file: &File, out: &mut Findings) {
    let mut listed = HashSet::new();
    for entry in &file.xref {
        let id = entry.id;
        if !listed.insert(id) {
            out.push(format!(
                "object {id} has more than one cross-reference entry"
            ));
        } else if id == 0 {
            if entry.in_use || entry.generation != 65535 {
                out.push("the cross-reference entry for object 0 is not the free head".into());
            }
        } else if !entry.in_use {
            out.push(format!("object {id} has a free cross-reference entry"));
        } else {
            let exact = file.object(id).is_some_and(|object| {
                object.at as u64 == entry.offset && u64::from(object.generation) == entry.generation
            });
            if !exact {
                out.push(format!(
                    "the cross-reference entry for object {id} points to byte {}, where that object does not begin",
                    entry.offset
                ));
            }
        }
    }
    if !listed.contains(&0) {
        out.push("the cross-reference table has no entry for object 0".into());
    }
    for object in &file.objects {
        if !listed.contains(&object.id) {
            out.push(format!("object {} has no cross-reference entry", object.id));
        }
    }
    for trailer in &file.trailers {
        if trailer.number("Size") != Some(file.xref.len() as f64) {
            out.push("the trailer's /Size does not count the cross-reference entries".into());
        }
    }
    for &target in &file.startxref {
        if !file.xref_at.iter().any(|&at| at as u64 == target) {
            out.push(format!(
                "startxref names byte {target}, where no table begins"
            ));
        }
    }
}

/// Every object is reachable from the trailer (its `/Root` and `/Info`): an object nothing
/// points to is shown by no reader, yet some readers recover it (a stray page tree, an image),
/// and it can hold anything. A reference to an object that is not there is reported too.
pub(crate) fn all_objects_reachable(file: &File, out: &mut Findings) {
    fn refs(object: &Object, found: &mut Vec<u32>) {
        match object {
            Object::Ref(id, _) => found.push(*id),
            Object::Array(items) => items.iter().for_each(|item| refs(item, found)),
            Object::Dict(dict) => dict.0.iter().for_each(|(_, value)| refs(value, found)),
            _ => {}
        }
    }
    let mut todo = Vec::new();
    for trailer in &file.trailers {
        refs(&Object::Dict(trailer.clone()), &mut todo);
    }
    let mut reached = HashSet::new();
    let mut missing = HashSet::new();
    while let Some(id) = todo.pop() {
        if !reached.insert(id) {
            continue;
        }
        match file.object(id) {
            Some(object) => refs(&object.value, &mut todo),
            None => {
                missing.insert(id);
            }
        }
    }
    let mut missing: Vec<u32> = missing.into_iter().collect();
    missing.sort_unstable();
    for id in missing {
        out.push(format!(
            "a reference to object {id}, which is not in the file"
        ));
    }
    for object in &file.objects {
        if !reached.contains(&object.id) {
            out.push(format!(
                "object {} is not reachable from the trailer",
                object.id
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::verify::syntax::parse;

    #[test]
    fn only_the_header_lines_and_the_last_eof_may_be_comments() {
        let ok = b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj null endobj\n%%EOF\n";
        let file = parse(ok).unwrap();
        assert!(stray_comments(&file, ok).is_empty());
        for bad in [
            b"%PDF-1.7 Anna\n1 0 obj null endobj\n%%EOF\n".as_slice(),
            b"%PDF-1.7\n%Anna\n1 0 obj null endobj\n%%EOF\n",
            b"%PDF-1.7\n1 0 obj null endobj\n%\xE2\xE3\xCF\xD3\n%%EOF\n",
            b"%PDF-1.7\n1 0 obj % Anna\nnull endobj\n%%EOF\n",
            b"%PDF-1.7\n1 0 obj null endobj\n%%EOF\n%%EOF\n",
            b"%PDF-1.7\n1 0 obj null endobj\n%%EOF Anna\n",
        ] {
            let file = parse(bad).unwrap();
            assert_eq!(
                stray_comments(&file, bad).len(),
                1,
                "{}",
                String::from_utf8_lossy(bad)
            );
        }
    }
}
