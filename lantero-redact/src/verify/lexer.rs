//! Tokens and objects of PDF syntax, read strictly: anything unexpected is an error.

use std::ops::Range;

use super::object::{Dict, Indirect, Object};

/// Nesting deeper than this is refused rather than risking the stack.
const MAX_DEPTH: usize = 64;
/// A reading position in PDF bytes.
pub(crate) struct Lexer<'a> {
    pub(crate) bytes: &'a [u8],
    pub(crate) pos: usize,
    /// Every comment skipped so far, `%` to the end of its line: comments can carry text that
    /// no reader shows, so the verifier must know where each one is.
    pub(crate) comments: Vec<Range<usize>>,
}

fn is_space(c: u8) -> bool {
    matches!(c, 0 | 9 | 10 | 12 | 13 | 32)
}

fn is_delimiter(c: u8) -> bool {
    b"()<>[]{}/%".contains(&c)
}

impl<'a> Lexer<'a> {
    pub(crate) fn new(bytes: &'a [u8]) -> Self {
        Self {
            bytes,
            pos: 0,
            comments: Vec::new(),
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    /// Skips white space and comments; returns how many `%%EOF` comments were passed.
    pub(crate) fn skip_space(&mut self) -> usize {
        let mut eofs = 0;
        while let Some(c) = self.peek() {
            if is_space(c) {
                self.pos += 1;
            } else if c == b'%' {
                if self.bytes[self.pos..].starts_with(b"%%EOF") {
                    eofs += 1;
                }
                let start = self.pos;
                while self.peek().is_some_and(|c| c != b'\n' && c != b'\r') {
                    self.pos += 1;
                }
                self.comments.push(start..self.pos);
            } else {
                break;
            }
        }
        eofs
    }

    /// A run of regular characters (a keyword or number), possibly empty.
    pub(crate) fn word(&mut self) -> &'a [u8] {
        self.skip_space();
        let start = self.pos;
        while self
            .peek()
            .is_some_and(|c| !is_space(c) && !is_delimiter(c))
        {
            self.pos += 1;
        }
        &self.bytes[start..self.pos]
    }

    fn expect(&mut self, keyword: &[u8]) -> Result<(), String> {
        let at = self.pos;
        if self.word() == keyword {
            Ok(())
        } else {
            Err(format!(
                "expected {} at byte {at}",
                String::from_utf8_lossy(keyword)
            ))
        }
    }

    pub(crate) fn integer(&mut self) -> Result<u64, String> {
        let at = self.pos;
        std::str::from_utf8(self.word())
            .ok()
            .and_then(|w| w.parse().ok())
            .ok_or_else(|| format!("expected a number at byte {at}"))
    }

    pub(crate) fn indirect(&mut self) -> Result<Indirect, String> {
        let at = self.pos;
        let id = u32::try_from(self.integer()?)
            .map_err(|_| format!("object number too large at byte {at}"))?;
        let generation = u16::try_from(self.integer()?)
            .map_err(|_| format!("generation number too large at byte {at}"))?;
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
        Ok(Indirect {
            id,
            generation,
            at,
            value,
            stream,
        })
    }

    /// The data range of a stream starting here: `/Length` when it is direct and lands on an
    /// end of line and `endstream`, else up to the next `endstream`. Only the end of line may
    /// separate the data from `endstream`, so that nothing (a comment) hides between them.
    fn stream_data(&mut self, value: &Object) -> Result<Range<usize>, String> {
        let start = self.pos;
        let declared = match value {
            Object::Dict(dict) => dict.number("Length"),
            _ => None,
        };
        if let Some(len) = declared.filter(|l| *l >= 0.0).map(|l| l as usize)
            && let Some(end) = start
                .checked_add(len)
                .filter(|&end| end <= self.bytes.len())
        {
            let rest = &self.bytes[end..];
            let eol = match rest {
                [b'\r', b'\n', ..] => 2,
                [b'\n' | b'\r', ..] => 1,
                _ => 0,
            };
            if rest[eol..].starts_with(b"endstream") {
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

    pub(crate) fn object(&mut self, depth: usize) -> Result<Object, String> {
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
                        _ => {
                            return Err(format!(
                                "dictionary key is not a name near byte {}",
                                self.pos
                            ));
                        }
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
                            .ok_or_else(|| {
                                format!(
                                    "unexpected {:?} at byte {at}",
                                    String::from_utf8_lossy(word)
                                )
                            })?;
                        Ok(self
                            .reference_after(number)
                            .unwrap_or(Object::Number(number)))
                    }
                }
            }
        }
    }

    /// `N G R` where `N` was just read; leaves the position alone when it is not a reference.
    fn reference_after(&mut self, number: f64) -> Option<Object> {
        let back = self.pos;
        let generation = std::str::from_utf8(self.word())
            .ok()
            .and_then(|w| w.parse::<u16>().ok());
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

    pub(crate) fn name(&mut self) -> Vec<u8> {
        let mut name = Vec::new();
        while let Some(c) = self.peek().filter(|&c| !is_space(c) && !is_delimiter(c)) {
            self.pos += 1;
            let hex = self
                .bytes
                .get(self.pos..self.pos + 2)
                .and_then(|h| std::str::from_utf8(h).ok());
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

    pub(crate) fn literal_string(&mut self) -> Result<Vec<u8>, String> {
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

    pub(crate) fn hex_string(&mut self) -> Result<Vec<u8>, String> {
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
