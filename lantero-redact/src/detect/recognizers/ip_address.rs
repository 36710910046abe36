//! `IP_ADDRESS`: IPv4 and IPv6 addresses.
//!
//! Patterns: four dot-separated numbers (`85.226.13.77`); hexadecimal groups with colons
//! (`2001:db8::8a2e:370:7334`, `fe80::1`), optionally ending in an IPv4 address.
//!
//! Validator: the standard library's parsers (`std::net`), so every octet is at most 255, no
//! octet has a leading zero, and an IPv6 address has the right number of groups. A dotted
//! quad inside a longer dotted sequence (a version number `1.2.3.4.5`) is not an address.
//!
//! Context: `ip`, `ip-adress`, `src`, … raise the score. Four single-digit numbers
//! (`1.2.3.4`) are as likely to be a section number and score low without context.

use std::net::{Ipv4Addr, Ipv6Addr};

use regex::Regex;

use super::common::{Pattern, candidate, compiled};
use crate::Result;
use crate::detect::context::word_before;
use crate::detect::{Candidate, Entity, Recognizer};

/// Words that announce an IP address.
pub const CONTEXT: &[&str] = &[
    "ip",
    "ip-adress",
    "ipv4",
    "ipv6",
    "src",
    "dst",
    "från adress",
];

/// Score of a valid address.
pub const SCORE_VALID: f32 = 0.9;
/// Score of a valid address after a context word.
pub const SCORE_VALID_IN_CONTEXT: f32 = 0.99;
/// Score of an IPv4 address of single digits only, which may be a section number.
pub const SCORE_SECTION_LIKE: f32 = 0.4;

static PATTERN: Pattern = Pattern::new(|| {
    Regex::new(
        r"(?i)(?:[0-9a-f]{0,4}:){2,7}(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9a-f]{1,4}|:)?|\d{1,3}(?:\.\d{1,3}){3}",
    )
    .ok()
});

/// Finds IP addresses.
///
/// ```
/// use lantero_redact::detect::Recognizer;
/// use lantero_redact::detect::recognizers::IpAddressRecognizer;
///
/// let text = "src=213.115.44.9 user=x, version 4.12.7";
/// let found = IpAddressRecognizer.recognize(text)?;
/// assert_eq!(found.len(), 1);
/// assert_eq!(&text[found[0].start..found[0].end], "213.115.44.9");
/// # Ok::<(), lantero_redact::Error>(())
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct IpAddressRecognizer;

impl Recognizer for IpAddressRecognizer {
    fn name(&self) -> &str {
        "ip-address"
    }

    fn entities(&self) -> &[Entity] {
        &[Entity::IpAddress]
    }

    fn recognize(&self, text: &str) -> Result<Vec<Candidate>> {
        let mut found = Vec::new();
        for m in compiled(self.name(), &PATTERN)?.find_iter(text) {
            let (start, end) = (m.start(), m.end());
            if !standalone(text, start, end) {
                continue;
            }
            let s = m.as_str();
            let what = if s.contains(':') {
                // `::` alone parses (the unspecified address) but is punctuation in text.
                if s.parse::<Ipv6Addr>().is_err() || !s.chars().any(|c| c.is_ascii_hexdigit()) {
                    continue;
                }
                "valid IPv6 address"
            } else if s.parse::<Ipv4Addr>().is_ok() {
                "valid IPv4 address"
            } else {
                continue;
            };
            let section_like = !s.contains(':') && s.split('.').all(|octet| octet.len() == 1);
            let (score, reason) = match word_before(text, start, CONTEXT) {
                Some(word) => (SCORE_VALID_IN_CONTEXT, format!("{what}; after '{word}'")),
                None if section_like => (
                    SCORE_SECTION_LIKE,
                    format!("{what}, but could be a section number"),
                ),
                None => (SCORE_VALID, what.to_owned()),
            };
            found.push(candidate(Entity::IpAddress, start, end, score, reason));
        }
        Ok(found)
    }
}

/// Whether the match is not part of a longer dotted, coloned or alphanumeric token. An IPv4
/// address may be followed by a port (`192.168.0.1:8080`); an IPv6 address in brackets too.
fn standalone(text: &str, start: usize, end: usize) -> bool {
    let glued = |c: &char| c.is_alphanumeric() || *c == '_';
    let continued =
        |mut chars: std::iter::Peekable<std::str::Chars<'_>>, v6: bool| match chars.next() {
            Some('.') => chars.peek().is_some_and(char::is_ascii_digit),
            Some(':') if v6 => chars.peek().is_some_and(char::is_ascii_hexdigit),
            Some(c) => glued(&c),
            None => false,
        };
    let v6 = text[start..end].contains(':');
    let before: String = text[..start].chars().rev().take(2).collect();
    !continued(text[end..].chars().peekable(), v6) && !continued(before.chars().peekable(), v6)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn spans(text: &str) -> Vec<(&str, f32)> {
        crate::detect::recognizers::testing::spans(&IpAddressRecognizer, text)
    }

    fn found(text: &str) -> Vec<&str> {
        spans(text).into_iter().map(|(s, _)| s).collect()
    }

    #[test]
    fn finds_v4_and_v6() {
        for address in [
            "85.226.13.77",
            "192.168.10.24",
            "10.0.0.5",
            "2001:db8:85a3::8a2e:370:7334",
            "fe80::1ff:fe23:4567:890a",
            "::1",
            "2001:DB8::1",
            "::ffff:192.0.2.128",
        ] {
            let text = format!("från {address}, sedan");
            assert_eq!(found(&text), [address], "{address:?}");
        }
    }

    #[test]
    fn ports_and_brackets_are_not_part_of_the_address() {
        assert_eq!(found("192.168.0.1:8080"), ["192.168.0.1"]);
        assert_eq!(found("[2001:db8::1]:443"), ["2001:db8::1"]);
        assert_eq!(found("http://10.0.0.1/x"), ["10.0.0.1"]);
        assert_eq!(found("src:10.0.0.1"), ["10.0.0.1"]);
    }

    #[test]
    fn context_and_shape_set_the_score() {
        assert_eq!(
            spans("IP-adress: 85.226.13.77")[0].1,
            SCORE_VALID_IN_CONTEXT
        );
        assert_eq!(spans("x 85.226.13.77")[0].1, SCORE_VALID);
        assert_eq!(spans("avsnitt 1.2.3.4")[0].1, SCORE_SECTION_LIKE);
    }

    #[test]
    fn false_matches_are_killed() {
        for text in [
            "256.1.1.1",
            "1.2.3",
            "version 1.2.3.4.5",
            "10.0.19045.2364",
            "01.02.03.04",
            "kl 02:14:55",
            "MAC 00:1A:2B:3C:4D:5E",
            "15.09.2015",
            "a::b::c",
            "Obs::",
            "Notering :: text",
        ] {
            assert_eq!(found(text), Vec::<&str>::new(), "{text:?}");
        }
    }

    proptest! {
        #[test]
        fn every_v4_address_is_found(a in 11u8..=255, b: u8, c: u8, d: u8) {
            let address = format!("{a}.{b}.{c}.{d}");
            let text = format!("Inloggning från {address} kl 02.14");
            prop_assert_eq!(found(&text), vec![address.as_str()]);
        }

        #[test]
        fn every_v6_address_is_found(groups in prop::array::uniform8(any::<u16>())) {
            prop_assume!(groups != [0; 8]);
            let address = Ipv6Addr::from(groups).to_string();
            let text = format!("src={address} user=x");
            let found = found(&text);
            prop_assert_eq!(found.len(), 1);
            prop_assert_eq!(found[0].parse::<Ipv6Addr>().ok(), Some(Ipv6Addr::from(groups)));
        }

        #[test]
        fn arbitrary_text_never_panics(text in "\\PC{0,80}") {
            let _ = IpAddressRecognizer.recognize(&text).unwrap();
        }
    }
}
