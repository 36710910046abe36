//! What it takes for Excel to open the file as intended: the byte-order mark, and text that
//! must not be run as a formula.

use std::io::{self, Read};

/// The UTF-8 byte-order mark Excel needs to read the file as UTF-8.
pub(super) const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Whether Excel would treat the text as a formula once any leading `'` are removed; the
/// `'` are looked through so that adding and removing one guard is a bijection.
fn needs_guard(text: &str) -> bool {
    text.trim_start_matches('\'')
        .starts_with(['=', '+', '-', '@', '\t', '\r'])
}

pub(super) fn guard_formula(text: &str) -> String {
    if needs_guard(text) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

pub(super) fn unguard_formula(text: &str) -> String {
    match text.strip_prefix('\'') {
        Some(rest) if needs_guard(rest) => rest.to_owned(),
        _ => text.to_owned(),
    }
}

/// A reader that drops a UTF-8 BOM at the very start, however the underlying reader splits
/// its reads.
pub(super) struct SkipBom<R> {
    inner: R,
    /// Bytes read while looking for the BOM that turned out not to be one.
    held: [u8; 3],
    held_len: usize,
    held_pos: usize,
    checked: bool,
}

impl<R: Read> SkipBom<R> {
    pub(super) fn new(inner: R) -> Self {
        Self {
            inner,
            held: [0; 3],
            held_len: 0,
            held_pos: 0,
            checked: false,
        }
    }

    fn check(&mut self) -> io::Result<()> {
        while self.held_len < BOM.len() {
            let n = self.inner.read(&mut self.held[self.held_len..])?;
            if n == 0 {
                break;
            }
            self.held_len += n;
        }
        if self.held[..self.held_len] == *BOM {
            self.held_len = 0;
        }
        self.checked = true;
        Ok(())
    }
}

impl<R: Read> Read for SkipBom<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if !self.checked {
            self.check()?;
        }
        if self.held_pos < self.held_len {
            let n = buf.len().min(self.held_len - self.held_pos);
            buf[..n].copy_from_slice(&self.held[self.held_pos..self.held_pos + n]);
            self.held_pos += n;
            return Ok(n);
        }
        self.inner.read(buf)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_guard_round_trips_and_leaves_plain_text() {
        for text in [
            "=1+1", "+46", "-x", "@sum", "\tx", "'=x", "''-x", "'citat'", "vanlig", "", "'",
        ] {
            assert_eq!(unguard_formula(&guard_formula(text)), text, "{text:?}");
        }
        assert_eq!(guard_formula("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(guard_formula("'citat'"), "'citat'");
        assert_eq!(unguard_formula("'citat'"), "'citat'");
    }

    /// Hands out one byte per read, so the BOM arrives in pieces.
    struct Trickle<'a>(&'a [u8]);

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            match (self.0.split_first(), buf.first_mut()) {
                (Some((&byte, rest)), Some(slot)) => {
                    *slot = byte;
                    self.0 = rest;
                    Ok(1)
                }
                _ => Ok(0),
            }
        }
    }

    #[test]
    fn bom_is_dropped_even_when_read_byte_by_byte() {
        for (input, expected) in [
            (&b"\xEF\xBB\xBFid"[..], &b"id"[..]),
            (b"id", b"id"),
            (b"\xEF\xBB", b"\xEF\xBB"),
            (b"", b""),
            (b"\xEF\xBB\xBF", b""),
        ] {
            let mut out = Vec::new();
            SkipBom::new(Trickle(input)).read_to_end(&mut out).unwrap();
            assert_eq!(out, expected, "{input:?}");
        }
    }
}
