//! Parsing the ways people cite a provision: `26 kap. 1 § OSL`, `OSL 26:1`, `26:1`,
//! `19 kap. 3 § andra stycket offentlighets- och sekretesslagen (2009:400)`.
//!
//! The input is split into numbers, words, `:` and `§`; the law's name and punctuation are
//! dropped; what remains must read `chapter (":" | "kap") section [letter] ["§"] [stycke]`.

use super::ProvisionId;
use crate::{Error, Result};

/// Ordinal words for stycken as they appear in citations ("andra stycket").
pub(super) const ORDINALS: [&str; 10] = [
    "första", "andra", "tredje", "fjärde", "femte", "sjätte", "sjunde", "åttonde", "nionde",
    "tionde",
];

/// Names of the law that may surround an id; they carry no information and are dropped.
const LAW_NAMES: [&str; 3] = [
    "offentlighets- och sekretesslagen",
    "offentlighets- och sekretesslag",
    "(2009:400)",
];

/// Parses a citation of a provision in any of the accepted forms.
pub(super) fn parse(input: &str) -> Result<ProvisionId> {
    let tokens = tokenize(input)?;
    Parser {
        input,
        tokens: &tokens,
        pos: 0,
    }
    .parse()
}

pub(super) fn invalid(input: &str, reason: &str) -> Error {
    Error::InvalidValue {
        field: "secrecy provision id",
        value: input.to_owned(),
        reason: reason.to_owned(),
    }
}
#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    Num(u32),
    Word(String),
    Colon,
    Paragraph,
}

fn tokenize(input: &str) -> Result<Vec<Token>> {
    let mut text = input.trim().to_lowercase();
    for name in LAW_NAMES {
        text = text.replace(name, " ");
    }
    let mut tokens = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_ascii_digit() {
            let mut value: u32 = 0;
            while let Some(d) = chars.peek().and_then(|c| c.to_digit(10)) {
                value = value
                    .checked_mul(10)
                    .and_then(|v| v.checked_add(d))
                    .ok_or_else(|| invalid(input, "number too large"))?;
                chars.next();
            }
            tokens.push(Token::Num(value));
        } else if c.is_alphabetic() {
            let mut word = String::new();
            while let Some(&c) = chars.peek().filter(|c| c.is_alphabetic()) {
                word.push(c);
                chars.next();
            }
            // "OSL" is the law's name and says nothing about the position in it.
            if word != "osl" {
                tokens.push(Token::Word(word));
            }
        } else {
            match c {
                ':' => tokens.push(Token::Colon),
                '§' => tokens.push(Token::Paragraph),
                '.' | ',' => {}
                c if c.is_whitespace() => {}
                other => return Err(invalid(input, &format!("unexpected character {other:?}"))),
            }
            chars.next();
        }
    }
    Ok(tokens)
}

struct Parser<'a> {
    input: &'a str,
    tokens: &'a [Token],
    pos: usize,
}

impl Parser<'_> {
    fn parse(mut self) -> Result<ProvisionId> {
        let chapter = self.number("a chapter number")?;
        match self.next() {
            Some(Token::Colon) => {}
            Some(Token::Word(w)) if matches!(w.as_str(), "kap" | "kapitel" | "kapitlet") => {}
            _ => return Err(self.error("expected ':' or 'kap.' after the chapter")),
        }
        let section = self.number("a section number")?;
        let id = ProvisionId::new(self.small(chapter)?, self.small(section)?)
            .map_err(|_| self.error("chapter and section start at 1"))?;
        let id = match self.peek() {
            Some(Token::Word(w)) if w.chars().count() == 1 => {
                let letter = w.chars().next().unwrap_or('?');
                self.pos += 1;
                id.with_letter(letter)
                    .map_err(|_| self.error("a section letter must be a-z"))?
            }
            _ => id,
        };
        if self.peek() == Some(&Token::Paragraph) {
            self.pos += 1;
        }
        let id = match self.stycke()? {
            Some(p) => id
                .with_paragraph(p)
                .map_err(|_| self.error("stycken start at 1"))?,
            None => id,
        };
        if self.pos != self.tokens.len() {
            return Err(self.error("unexpected text after the id"));
        }
        Ok(id)
    }

    /// `st. 2`, `2 st.`, `andra stycket`, or nothing.
    fn stycke(&mut self) -> Result<Option<u8>> {
        let is_stycke = |t: Option<&Token>| matches!(t, Some(Token::Word(w)) if matches!(w.as_str(), "st" | "stycke" | "stycket"));
        let value = match self.peek() {
            None => return Ok(None),
            Some(Token::Word(_)) if is_stycke(self.peek()) => {
                self.pos += 1;
                self.number("a stycke number")?
            }
            Some(Token::Num(n)) => {
                let n = *n;
                self.pos += 1;
                if !is_stycke(self.peek()) {
                    return Err(self.error("expected 'st.' after the stycke number"));
                }
                self.pos += 1;
                n
            }
            Some(Token::Word(w)) => {
                let Some(index) = ORDINALS.iter().position(|o| o == w) else {
                    return Err(self.error("unexpected text after the id"));
                };
                self.pos += 1;
                if !is_stycke(self.peek()) {
                    return Err(self.error("expected 'stycket' after the ordinal"));
                }
                self.pos += 1;
                // Positions in a 10-element array always fit in u32.
                u32::try_from(index + 1).unwrap_or(u32::MAX)
            }
            Some(_) => return Err(self.error("unexpected text after the id")),
        };
        u8::try_from(value)
            .map(Some)
            .map_err(|_| self.error("stycke number too large"))
    }

    fn number(&mut self, what: &str) -> Result<u32> {
        match self.next() {
            Some(Token::Num(n)) => Ok(*n),
            _ => Err(self.error(&format!("expected {what}"))),
        }
    }

    fn small(&self, value: u32) -> Result<u16> {
        u16::try_from(value).map_err(|_| self.error("number too large"))
    }

    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.pos)
    }

    fn next(&mut self) -> Option<&Token> {
        let token = self.tokens.get(self.pos);
        self.pos += 1;
        token
    }

    fn error(&self, reason: &str) -> Error {
        invalid(self.input, reason)
    }
}
#[cfg(test)]
mod tests {
    use super::*;

    fn id(s: &str) -> ProvisionId {
        parse(s).unwrap()
    }

    #[test]
    fn parses_the_common_forms() {
        let expected = ProvisionId::new(26, 1).unwrap();
        for form in [
            "OSL 26:1",
            "26:1",
            "osl 26:1",
            "26:1 OSL",
            "26 kap. 1 § OSL",
            "26 kap 1 §",
            "26 kap. 1 §",
            "26 kap. 1 § offentlighets- och sekretesslagen (2009:400)",
            "  OSL 26 : 1  ",
        ] {
            assert_eq!(id(form), expected, "{form}");
        }
    }

    #[test]
    fn parses_letters_and_stycken() {
        let four_b = ProvisionId::new(30, 4).unwrap().with_letter('b').unwrap();
        for form in [
            "OSL 30:4 b",
            "30:4b",
            "30 kap. 4 b §",
            "30 kap. 4 b § OSL",
            "OSL 30:4 B",
        ] {
            assert_eq!(id(form), four_b, "{form}");
        }
        let st2 = ProvisionId::new(19, 3).unwrap().with_paragraph(2).unwrap();
        for form in [
            "OSL 19:3 st. 2",
            "19:3 st 2",
            "19:3 2 st.",
            "19 kap. 3 § andra stycket OSL",
            "19 kap. 3 § 2 st. OSL",
        ] {
            assert_eq!(id(form), st2, "{form}");
        }
    }

    #[test]
    fn rejects_malformed_ids() {
        for bad in [
            "",
            "26",
            "26:",
            ":1",
            "kap 1",
            "26 kap",
            "OSL 0:1",
            "26:0",
            "26:1 st. 0",
            "26:1 bb",
            "26:1 x y",
            "26;1",
            "26:1 andra",
            "99999:1",
            "26:1 300 st.",
            "26:1 2",
        ] {
            let err = bad.parse::<ProvisionId>().unwrap_err();
            assert!(
                matches!(&err, Error::InvalidValue { value, .. } if value == bad),
                "{bad}: {err}"
            );
        }
    }
}
