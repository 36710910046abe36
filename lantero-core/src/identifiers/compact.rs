//! Identifier text with the whitespace taken out, without allocating.
//!
//! Text detectors meet numbers such as `850709 9805` or a number broken over two lines; the
//! lenient parsers read them through this.

/// The longest written form of any identifier: `CCYYMMDD-NNNC`.
const MAX_LEN: usize = 13;

/// Up to [`MAX_LEN`] ASCII bytes left after removing whitespace.
pub(crate) struct Compact {
    bytes: [u8; MAX_LEN],
    len: usize,
}

impl Compact {
    /// `input` without any Unicode whitespace (spaces, no-break spaces, tabs, line breaks), or
    /// `None` when what is left is too long or not ASCII, and so cannot be an identifier.
    pub(crate) fn without_whitespace(input: &str) -> Option<Self> {
        let mut bytes = [0; MAX_LEN];
        let mut len = 0;
        for c in input.chars().filter(|c| !c.is_whitespace()) {
            let slot = bytes.get_mut(len)?;
            *slot = u8::try_from(c).ok().filter(u8::is_ascii)?;
            len += 1;
        }
        Some(Self { bytes, len })
    }

    /// The bytes kept.
    pub(crate) fn as_bytes(&self) -> &[u8] {
        &self.bytes[..self.len]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removes_every_kind_of_whitespace() {
        let compact = Compact::without_whitespace(" 850709\u{a0}98\r\n05\t").unwrap();
        assert_eq!(compact.as_bytes(), b"8507099805");
    }

    #[test]
    fn rejects_too_long_and_non_ascii() {
        assert!(Compact::without_whitespace("19850709-98051").is_none());
        assert!(Compact::without_whitespace("850709–9805").is_none());
        assert!(Compact::without_whitespace("1985 0709-9805").is_some());
    }
}
