//! A small, strict reader of PDF syntax: every indirect object of a file in the order written,
//! every cross-reference table and trailer, and where stream data lies.
//!
//! It reads the file front to back instead of following the cross-reference table, so objects
//! that no table points to (left over by an incremental update, or hidden on purpose) are seen
//! too. It reads only plain objects: the verifier rejects object and cross-reference streams,
//! which could hide objects from this reading. Anything it cannot read is an error, and the
//! verifier fails closed on it.

use std::ops::Range;

use super::lexer::Lexer;
pub(crate) use super::object::{Dict, File, Object, XrefEntry};

/// Reads a whole file.
pub(crate) fn parse(bytes: &[u8]) -> Result<File, String> {
    let mut lexer = Lexer::new(bytes);
    let mut file = File::default();
    let mut streams: Vec<Range<usize>> = Vec::new();
    loop {
        file.eof_markers += lexer.skip_space();
        if lexer.pos >= bytes.len() {
            break;
        }
        let at = lexer.pos;
        match lexer.word() {
            b"xref" => {
                file.xref.extend(xref_table(&mut lexer)?);
                file.xref_at.push(at);
            }
            b"trailer" => match lexer.object(0)? {
                Object::Dict(dict) => file.trailers.push(dict),
                _ => return Err(format!("the trailer at byte {at} is not a dictionary")),
            },
            b"startxref" => file.startxref.push(lexer.integer()?),
            word if !word.is_empty() && word.iter().all(u8::is_ascii_digit) => {
                lexer.pos = at;
                let object = lexer.indirect()?;
                if let Some(range) = &object.stream {
                    streams.push(range.clone());
                }
                file.objects.push(object);
            }
            _ => return Err(format!("unexpected bytes at byte {at}")),
        }
    }
    let mut start = 0;
    for range in streams {
        file.syntax.push(start..range.start);
        start = range.end;
    }
    file.syntax.push(start..bytes.len());
    file.comments = lexer.comments;
    for (at, object) in file.objects.iter().enumerate() {
        file.index.entry(object.id).or_insert(at);
    }
    Ok(file)
}

/// The entries of a cross-reference table whose `xref` keyword was just read.
fn xref_table(lexer: &mut Lexer) -> Result<Vec<XrefEntry>, String> {
    let mut entries = Vec::new();
    loop {
        lexer.skip_space();
        if lexer.bytes[lexer.pos..].starts_with(b"trailer") || lexer.pos >= lexer.bytes.len() {
            return Ok(entries);
        }
        let first = lexer.integer()?;
        let count = lexer.integer()?;
        for index in 0..count {
            let offset = lexer.integer()?;
            let generation = lexer.integer()?;
            let at = lexer.pos;
            let in_use = match lexer.word() {
                b"n" => true,
                b"f" => false,
                _ => return Err(format!("bad cross-reference entry at byte {at}")),
            };
            let id = first
                .checked_add(index)
                .and_then(|id| u32::try_from(id).ok())
                .ok_or_else(|| format!("object number too large at byte {at}"))?;
            entries.push(XrefEntry {
                id,
                offset,
                generation,
                in_use,
            });
        }
    }
}

/// One operator of a content stream with the operands written before it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Op {
    /// The operator; empty for operands left over at the end of the stream.
    pub(crate) operator: String,
    pub(crate) operands: Vec<Object>,
}

/// A content stream as read: its operators in order, and where its comments lie.
#[derive(Debug, Default)]
pub(crate) struct Content {
    pub(crate) ops: Vec<Op>,
    pub(crate) comments: Vec<Range<usize>>,
}

impl Content {
    pub(crate) fn operators(&self) -> impl Iterator<Item = &str> {
        self.ops.iter().map(|op| op.operator.as_str())
    }
}

/// Reads a content stream. Reading stops at an inline image (`BI`), whose binary data is not
/// syntax; the `BI` itself is reported.
pub(crate) fn content(data: &[u8]) -> Result<Content, String> {
    let mut lexer = Lexer::new(data);
    let mut found = Content::default();
    let mut operands = Vec::new();
    loop {
        lexer.skip_space();
        let Some(&c) = data.get(lexer.pos) else {
            break;
        };
        if c.is_ascii_digit() || b"+-./([<".contains(&c) {
            operands.push(lexer.object(0)?);
            continue;
        }
        let word = lexer.word();
        if word.is_empty() {
            return Err(format!("unexpected byte {c:#04x} in a content stream"));
        }
        let operator = String::from_utf8_lossy(word).into_owned();
        let stop = operator == "BI";
        found.ops.push(Op {
            operator,
            operands: std::mem::take(&mut operands),
        });
        if stop {
            break;
        }
    }
    if !operands.is_empty() {
        found.ops.push(Op {
            operator: String::new(),
            operands,
        });
    }
    found.comments = lexer.comments;
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn reads_objects_streams_tables_and_trailers() {
        let pdf = b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R /Kids [1 2 3.5 (a\\(b\\)) <4142> /N#41me] >>\nendobj\n\
2 0 obj\n<< /Length 4 >>\nstream\nq Q\n\nendstream\nendobj\nxref\n0 3\n0000000000 65535 f \n0000000009 00000 n \n\
0000000100 00000 n \ntrailer\n<< /Size 3 /Root 1 0 R >>\nstartxref\n123\n%%EOF\n";
        let file = parse(pdf).unwrap();
        assert_eq!(
            (
                file.objects.len(),
                file.xref_at.len(),
                file.startxref.clone(),
                file.eof_markers
            ),
            (2, 1, vec![123], 1)
        );
        assert_eq!((file.xref.len(), file.xref[1].offset), (3, 9));
        assert_eq!((file.objects[1].at, file.comments.len()), (98, 2));
        let catalog = file.objects[0].dict().unwrap();
        assert_eq!(catalog.get("Pages"), Some(&Object::Ref(2, 0)));
        let Some(Object::Array(kids)) = catalog.get("Kids") else {
            panic!()
        };
        assert_eq!(kids[2], Object::Number(3.5));
        assert_eq!(kids[3], Object::String(b"a(b)".to_vec()));
        assert_eq!(kids[4], Object::String(b"AB".to_vec()));
        assert_eq!(kids[5], Object::Name(b"NAme".to_vec()));
        let data = file.objects[1].stream.clone().unwrap();
        assert_eq!(&pdf[data], b"q Q\n");
        assert_eq!(file.trailers[0].get("Root"), Some(&Object::Ref(1, 0)));
    }

    #[test]
    fn a_wrong_length_falls_back_to_endstream() {
        let pdf = b"1 0 obj << /Length 99 >> stream\nabc\nendstream endobj";
        let file = parse(pdf).unwrap();
        assert_eq!(&pdf[file.objects[0].stream.clone().unwrap()], b"abc");
    }

    #[test]
    fn content_operators_are_listed_and_inline_images_stop_the_reading() {
        let read = content(b"q 595 0 0 842 0 0 cm /Im0 Do Q").unwrap();
        assert_eq!(read.operators().collect::<Vec<_>>(), ["q", "cm", "Do", "Q"]);
        assert_eq!(read.ops[1].operands.len(), 6);
        assert_eq!(read.ops[2].operands, [Object::Name(b"Im0".to_vec())]);
        let read =
            content(b"BT /F1 12 Tf (Anna) Tj [(A) 120 (nna)] TJ ET % note\nBI /W 1 ID \xff\xfe EI")
                .unwrap();
        let ops: Vec<&str> = read.operators().collect();
        assert_eq!(ops, ["BT", "Tf", "Tj", "TJ", "ET", "BI"]);
        assert_eq!(read.ops[2].operands, [Object::String(b"Anna".to_vec())]);
        assert_eq!(read.comments.len(), 1);
        let read = content(b"q Q (left over)").unwrap();
        assert_eq!(read.ops[2].operator, "");
    }

    #[test]
    fn garbage_and_deep_nesting_are_errors() {
        assert!(parse(b"%PDF-1.7\nhello").is_err());
        assert!(parse(b"1 0 obj (unterminated endobj").is_err());
        let deep = format!("1 0 obj {} endobj", "[".repeat(500));
        assert!(parse(deep.as_bytes()).is_err());
    }

    proptest! {
        #[test]
        fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
            let _ = parse(&bytes);
            let _ = content(&bytes);
        }

        #[test]
        fn arbitrary_pdf_like_text_never_panics(text in "[0-9 objendstreamxref<>\\[\\]()/R%\n]{0,200}") {
            let _ = parse(text.as_bytes());
        }
    }
}
