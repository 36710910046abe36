//! A small, strict reader of PDF syntax: every indirect object of a file in the order written,
//! every cross-reference table and trailer, and where stream data lies.
//!
//! It reads the file front to back instead of following the cross-reference table, so objects
//! that no table points to (left over by an incremental update, or hidden on purpose) are seen
//! too. It reads only plain objects: the verifier rejects object and cross-reference streams,
//! which could hide objects from this reading. Anything it cannot read is an error, and the
//! verifier fails closed on it.

use std::ops::Range;

/// Nesting deeper than this is refused rather than risking the stack.
const MAX_DEPTH: usize = 64;

/// A PDF object.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Object {
    Null,
    Bool(bool),
    Number(f64),
    String(Vec<u8>),
    Name(Vec<u8>),
    Array(Vec<Object>),
    Dict(Dict),
    Ref(u32, u16),
}

/// A dictionary, keys in the order written.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Dict(pub(crate) Vec<(Vec<u8>, Object)>);

impl Dict {
    pub(crate) fn get(&self, key: &str) -> Option<&Object> {
        self.0.iter().find(|(k, _)| k == key.as_bytes()).map(|(_, v)| v)
    }

    pub(crate) fn name(&self, key: &str) -> Option<&[u8]> {
        match self.get(key) {
            Some(Object::Name(name)) => Some(name),
            _ => None,
        }
    }

    pub(crate) fn number(&self, key: &str) -> Option<f64> {
        match self.get(key) {
            Some(Object::Number(n)) => Some(*n),
            _ => None,
        }
    }
}

/// `N G obj … endobj`, with the byte range of its stream data if it is a stream.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Indirect {
    pub(crate) id: u32,
    pub(crate) value: Object,
    pub(crate) stream: Option<Range<usize>>,
}

impl Indirect {
    pub(crate) fn dict(&self) -> Option<&Dict> {
        match &self.value {
            Object::Dict(dict) => Some(dict),
            _ => None,
        }
    }
}

/// Everything read from a file.
#[derive(Debug, Default)]
pub(crate) struct File {
    pub(crate) objects: Vec<Indirect>,
    pub(crate) trailers: Vec<Dict>,
    pub(crate) xref_tables: usize,
    pub(crate) startxrefs: usize,
    pub(crate) eof_markers: usize,
    /// Byte ranges outside stream data: the file's own syntax.
    pub(crate) syntax: Vec<Range<usize>>,
}

impl File {
    pub(crate) fn object(&self, id: u32) -> Option<&Indirect> {
        self.objects.iter().find(|o| o.id == id)
    }

    /// The object behind a reference, or the object itself when it is direct.
    pub(crate) fn resolve<'a>(&'a self, object: &'a Object) -> Option<&'a Object> {
        match object {
            Object::Ref(id, _) => self.object(*id).map(|o| &o.value),
            other => Some(other),
        }
    }
}

/// Reads a whole file.
pub(crate) fn parse(bytes: &[u8]) -> Result<File, String> {
    let mut lexer = Lexer { bytes, pos: 0 };
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
                lexer.xref_table()?;
                file.xref_tables += 1;
            }
            b"trailer" => match lexer.object(0)? {
                Object::Dict(dict) => file.trailers.push(dict),
                _ => return Err(format!("the trailer at byte {at} is not a dictionary")),
            },
            b"startxref" => {
                lexer.integer()?;
                file.startxrefs += 1;
            }
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
    Ok(file)
}

/// The operators of a content stream, in order. Reading stops at an inline image (`BI`), whose
/// binary data is not syntax; the `BI` itself is reported.
pub(crate) fn operators(content: &[u8]) -> Result<Vec<String>, String> {
    let mut lexer = Lexer { bytes: content, pos: 0 };
    let mut found = Vec::new();
    loop {
        lexer.skip_space();
        let Some(&c) = content.get(lexer.pos) else { break };
        if c.is_ascii_digit() || b"+-./([<".contains(&c) {
            lexer.object(0)?;
            continue;
        }
        let word = lexer.word();
        if word.is_empty() {
            return Err(format!("unexpected byte {c:#04x} in a content stream"));
        }
        let word = String::from_utf8_lossy(word).into_owned();
        let stop = word == "BI";
        found.push(word);
        if stop {
            break;
        }
    }
    Ok(found)
}

struct Lexer<'a> {
    bytes: &'a [u8],
    pos: usize,
}

fn is_space(c: u8) -> bool {
    matches!(c, 0 | 9 | 10 | 12 | 13 | 32)
}

fn is_delimiter(c: u8) -> bool {
    b"()<>[]{}/%".contains(&c)
}

impl<'a> Lexer<'a> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    /// Skips white space and comments; returns how many `%%EOF` comments were passed.
    fn skip_space(&mut self) -> usize {
        let mut eofs = 0;
        while let Some(c) = self.peek() {
            if is_space(c) {
                self.pos += 1;
            } else if c == b'%' {
                if self.bytes[self.pos..].starts_with(b"%%EOF") {
                    eofs += 1;
                }
                while self.peek().is_some_and(|c| c != b'\n' && c != b'\r') {
                    self.pos += 1;
                }
            } else {
                break;
            }
        }
        eofs
    }

    /// A run of regular characters (a keyword or number), possibly empty.
    fn word(&mut self) -> &'a [u8] {
        self.skip_space();
        let start = self.pos;
        while self.peek().is_some_and(|c| !is_space(c) && !is_delimiter(c)) {
            self.pos += 1;
        }
        &self.bytes[start..self.pos]
    }

    fn expect(&mut self, keyword: &[u8]) -> Result<(), String> {
        let at = self.pos;
        if self.word() == keyword {
            Ok(())
        } else {
            Err(format!("expected {} at byte {at}", String::from_utf8_lossy(keyword)))
        }
    }

    fn integer(&mut self) -> Result<u64, String> {
        let at = self.pos;
        std::str::from_utf8(self.word())
            .ok()
            .and_then(|w| w.parse().ok())
            .ok_or_else(|| format!("expected a number at byte {at}"))
    }

    fn xref_table(&mut self) -> Result<(), String> {
        loop {
            self.skip_space();
            if self.bytes[self.pos..].starts_with(b"trailer") || self.peek().is_none() {
                return Ok(());
            }
            self.integer()?;
            let count = self.integer()?;
            for _ in 0..count {
                self.integer()?;
                self.integer()?;
                let at = self.pos;
                if !matches!(self.word(), b"n" | b"f") {
                    return Err(format!("bad cross-reference entry at byte {at}"));
                }
            }
        }
    }

    fn indirect(&mut self) -> Result<Indirect, String> {
        let at = self.pos;
        let id = u32::try_from(self.integer()?).map_err(|_| format!("object number too large at byte {at}"))?;
        self.integer()?;
        self.expect(b"obj")?;
        let value = self.object(0)?;
        self.skip_space();
        let mut stream = None;
        if self.bytes[self.pos..].starts_with(b"stream") {
            self.pos += b"stream".len();
            if self.bytes[self.pos..].starts_with(b"\r\n") {
                self.pos += 2;
            } else if self.peek() == Some(b'\n') {
                self.pos += 1;
            }
            stream = Some(self.stream_data(&value)?);
            self.expect(b"endstream")?;
        }
        self.expect(b"endobj")?;
        Ok(Indirect { id, value, stream })
    }

    /// The data range of a stream starting here: `/Length` when it is direct and lands on
    /// `endstream`, else up to the next `endstream`.
    fn stream_data(&mut self, value: &Object) -> Result<Range<usize>, String> {
        let start = self.pos;
        let declared = match value {
            Object::Dict(dict) => dict.number("Length"),
            _ => None,
        };
        if let Some(len) = declared.filter(|l| *l >= 0.0).map(|l| l as usize)
            && let Some(end) = start.checked_add(len).filter(|&end| end <= self.bytes.len())
        {
            let mut after = Lexer { bytes: self.bytes, pos: end };
            after.skip_space();
            if self.bytes[after.pos..].starts_with(b"endstream") {
                self.pos = end;
                return Ok(start..end);
            }
        }
        let found = self.bytes[start..]
            .windows(b"endstream".len())
            .position(|w| w == b"endstream")
            .ok_or_else(|| format!("stream at byte {start} has no endstream"))?;
        let mut end = start + found;
        if self.bytes[..end].ends_with(b"\r\n") {
            end -= 2;
        } else if self.bytes[..end].ends_with(b"\n") || self.bytes[..end].ends_with(b"\r") {
            end -= 1;
        }
        self.pos = end.max(start);
        Ok(start..end.max(start))
    }

    fn object(&mut self, depth: usize) -> Result<Object, String> {
        if depth > MAX_DEPTH {
            return Err(format!("objects nested too deeply at byte {}", self.pos));
        }
        self.skip_space();
        let at = self.pos;
        match self.peek() {
            None => Err("unexpected end of file".into()),
            Some(b'/') => {
                self.pos += 1;
                Ok(Object::Name(self.name()))
            }
            Some(b'(') => self.literal_string().map(Object::String),
            Some(b'<') if self.bytes[self.pos..].starts_with(b"<<") => {
                self.pos += 2;
                let mut entries = Vec::new();
                loop {
                    self.skip_space();
                    if self.bytes[self.pos..].starts_with(b">>") {
                        self.pos += 2;
                        return Ok(Object::Dict(Dict(entries)));
                    }
                    match self.object(depth + 1)? {
                        Object::Name(key) => entries.push((key, self.object(depth + 1)?)),
                        _ => return Err(format!("dictionary key is not a name near byte {}", self.pos)),
                    }
                }
            }
            Some(b'<') => self.hex_string().map(Object::String),
            Some(b'[') => {
                self.pos += 1;
                let mut items = Vec::new();
                loop {
                    self.skip_space();
                    if self.peek() == Some(b']') {
                        self.pos += 1;
                        return Ok(Object::Array(items));
                    }
                    items.push(self.object(depth + 1)?);
                }
            }
            Some(_) => {
                let word = self.word();
                match word {
                    b"true" => Ok(Object::Bool(true)),
                    b"false" => Ok(Object::Bool(false)),
                    b"null" => Ok(Object::Null),
                    _ => {
                        let number: f64 = std::str::from_utf8(word)
                            .ok()
                            .and_then(|w| w.parse().ok())
                            .ok_or_else(|| format!("unexpected {:?} at byte {at}", String::from_utf8_lossy(word)))?;
                        Ok(self.reference_after(number).unwrap_or(Object::Number(number)))
                    }
                }
            }
        }
    }

    /// `N G R` where `N` was just read; leaves the position alone when it is not a reference.
    fn reference_after(&mut self, number: f64) -> Option<Object> {
        let back = self.pos;
        let generation = std::str::from_utf8(self.word()).ok().and_then(|w| w.parse::<u16>().ok());
        if let Some(generation) = generation
            && self.word() == b"R"
            && number >= 0.0
            && number.fract() == 0.0
            && number <= f64::from(u32::MAX)
        {
            return Some(Object::Ref(number as u32, generation));
        }
        self.pos = back;
        None
    }

    fn name(&mut self) -> Vec<u8> {
        let mut name = Vec::new();
        while let Some(c) = self.peek().filter(|&c| !is_space(c) && !is_delimiter(c)) {
            self.pos += 1;
            let hex = self.bytes.get(self.pos..self.pos + 2).and_then(|h| std::str::from_utf8(h).ok());
            match (c, hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
                (b'#', Some(decoded)) => {
                    name.push(decoded);
                    self.pos += 2;
                }
                _ => name.push(c),
            }
        }
        name
    }

    fn literal_string(&mut self) -> Result<Vec<u8>, String> {
        let start = self.pos;
        self.pos += 1;
        let mut out = Vec::new();
        let mut depth = 1;
        while let Some(c) = self.peek() {
            self.pos += 1;
            match c {
                b'(' => depth += 1,
                b')' => {
                    depth -= 1;
                    if depth == 0 {
                        return Ok(out);
                    }
                }
                b'\\' => {
                    let Some(e) = self.peek() else { break };
                    self.pos += 1;
                    let decoded = match e {
                        b'n' => b'\n',
                        b'r' => b'\r',
                        b't' => b'\t',
                        b'b' => 8,
                        b'f' => 12,
                        b'\r' | b'\n' => continue,
                        b'0'..=b'7' => {
                            let mut value = u32::from(e - b'0');
                            for _ in 0..2 {
                                match self.peek() {
                                    Some(d @ b'0'..=b'7') => {
                                        value = value * 8 + u32::from(d - b'0');
                                        self.pos += 1;
                                    }
                                    _ => break,
                                }
                            }
                            value as u8
                        }
                        other => other,
                    };
                    out.push(decoded);
                    continue;
                }
                _ => {}
            }
            out.push(c);
        }
        Err(format!("unterminated string at byte {start}"))
    }

    fn hex_string(&mut self) -> Result<Vec<u8>, String> {
        let start = self.pos;
        self.pos += 1;
        let mut digits = Vec::new();
        while let Some(c) = self.peek() {
            self.pos += 1;
            match c {
                b'>' => {
                    if digits.len() % 2 == 1 {
                        digits.push(0);
                    }
                    return Ok(digits.chunks(2).map(|p| p[0] << 4 | p[1]).collect());
                }
                c if is_space(c) => {}
                c => match (c as char).to_digit(16) {
                    Some(d) => digits.push(d as u8),
                    None => return Err(format!("bad hex string at byte {start}")),
                },
            }
        }
        Err(format!("unterminated hex string at byte {start}"))
    }
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
        assert_eq!((file.objects.len(), file.xref_tables, file.startxrefs, file.eof_markers), (2, 1, 1, 1));
        let catalog = file.objects[0].dict().unwrap();
        assert_eq!(catalog.get("Pages"), Some(&Object::Ref(2, 0)));
        let Some(Object::Array(kids)) = catalog.get("Kids") else { panic!() };
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
        let ops = operators(b"q 595 0 0 842 0 0 cm /Im0 Do Q").unwrap();
        assert_eq!(ops, ["q", "cm", "Do", "Q"]);
        let ops = operators(b"BT /F1 12 Tf (Anna) Tj [(A) 120 (nna)] TJ ET BI /W 1 ID \xff\xfe EI").unwrap();
        assert_eq!(ops, ["BT", "Tf", "Tj", "TJ", "ET", "BI"]);
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
            let _ = operators(&bytes);
        }

        #[test]
        fn arbitrary_pdf_like_text_never_panics(text in "[0-9 objendstreamxref<>\\[\\]()/R%\n]{0,200}") {
            let _ = parse(text.as_bytes());
        }
    }
}
