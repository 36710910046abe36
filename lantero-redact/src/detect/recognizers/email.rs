//! `EMAIL`: e-mail addresses.
//!
//! Patterns: `local@domain.tld` where the local part holds letters (also `å`, `ä`, `ö` and other
//! non-ASCII letters), digits and `. _ % + - '`, and the domain is dot-separated labels of
//! letters, digits and inner hyphens, so internationalised domains such as
//! `bygg-åkesson.se` are found. Also the form people use to dodge harvesters,
//! `namn (at) domän.se` / `namn[at]domän.se`, with a lower score.
//!
//! Validator: the top-level domain is at least two letters; a trailing full stop or other
//! punctuation is not part of the address; dots may not start, end or double in the local part.
//!
//! Context: `e-post`, `mejl`, `mail`, … raise the score; an address needs none.
//!
//! An address wrapped over a line break right after or before a `.`, `@` or `-`
//! (`karin.⏎lindqvist@lillby.se`) is found whole (see `linebreak`).

use regex::Regex;

use super::common::{Pattern, candidate, compiled};
use super::linebreak::Wrapping;
use crate::Result;
use crate::detect::context::word_before;
use crate::detect::{Candidate, Entity, Recognizer};

/// Words that announce an e-mail address.
pub const CONTEXT: &[&str] = &["e-post", "epost", "mejl", "mail", "e-mail", "mailto"];

/// Score of an address.
pub const SCORE_VALID: f32 = 0.95;
/// Score of an address after a context word.
pub const SCORE_VALID_IN_CONTEXT: f32 = 0.99;
/// Score of an address written with `(at)` instead of `@`.
pub const SCORE_OBFUSCATED: f32 = 0.8;

/// An address wraps inside itself, with nothing in its place, and only where a reader sees it
/// goes on: after or before a `.`, `@` or `-`. Anywhere else (`anna⏎karin@lillby.se`) the
/// line before ends with a word of its own.
const WRAPPING: Wrapping = Wrapping {
    joints: &[""],
    min_score: SCORE_VALID,
    beside: Some(&['.', '@', '-']),
};

const LOCAL: &str = r"[\p{L}\p{N}_%+-][\p{L}\p{N}_%+'-]*(?:\.[\p{L}\p{N}_%+'-]+)*";
const DOMAIN: &str = r"(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}{2,24}";

static PATTERN: Pattern = Pattern::new(|| Regex::new(&format!("{LOCAL}@{DOMAIN}")).ok());

static OBFUSCATED: Pattern = Pattern::new(|| {
    Regex::new(&format!(
        r"(?i){LOCAL}\s*(?:\[\s*at\s*\]|\(\s*at\s*\)|\[@\]|\(@\))\s*{DOMAIN}"
    ))
    .ok()
});

/// Finds e-mail addresses.
///
/// ```
/// use lantero_redact::detect::Recognizer;
/// use lantero_redact::detect::recognizers::EmailRecognizer;
///
/// let text = "Skriv till info@bygg-åkesson.se.";
/// let found = EmailRecognizer.recognize(text)?;
/// assert_eq!(&text[found[0].start..found[0].end], "info@bygg-åkesson.se");
/// # Ok::<(), lantero_redact::Error>(())
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct EmailRecognizer;

impl Recognizer for EmailRecognizer {
    fn name(&self) -> &str {
        "email"
    }

    fn entities(&self) -> &[Entity] {
        &[Entity::Email]
    }

    fn recognize(&self, text: &str) -> Result<Vec<Candidate>> {
        WRAPPING.recognize(text, |t| self.find(t))
    }
}

impl EmailRecognizer {
    /// Finds addresses in `text` as it stands (see [`Wrapping`] for values over a line break).
    fn find(&self, text: &str) -> Result<Vec<Candidate>> {
        let mut found = Vec::new();
        for m in compiled(self.name(), &PATTERN)?.find_iter(text) {
            if glued_to_word(text, m.start()) {
                continue;
            }
            let (score, reason) = match word_before(text, m.start(), CONTEXT) {
                Some(word) => (
                    SCORE_VALID_IN_CONTEXT,
                    format!("e-mail address; after '{word}'"),
                ),
                None => (SCORE_VALID, "e-mail address".to_owned()),
            };
            found.push(candidate(Entity::Email, m.start(), m.end(), score, reason));
        }
        for m in compiled(self.name(), &OBFUSCATED)?.find_iter(text) {
            if !glued_to_word(text, m.start()) {
                found.push(candidate(
                    Entity::Email,
                    m.start(),
                    m.end(),
                    SCORE_OBFUSCATED,
                    "e-mail address written with 'at' for '@'",
                ));
            }
        }
        Ok(found)
    }
}

/// Whether the match starts in the middle of a longer token (`a.@b` leftovers, `x..y@z`).
fn glued_to_word(text: &str, start: usize) -> bool {
    text[..start]
        .chars()
        .next_back()
        .is_some_and(|c| c == '.' || c == '@')
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn spans(text: &str) -> Vec<(&str, f32)> {
        crate::detect::recognizers::testing::spans(&EmailRecognizer, text)
    }

    fn found(text: &str) -> Vec<&str> {
        spans(text).into_iter().map(|(s, _)| s).collect()
    }

    #[test]
    fn finds_addresses_in_their_usual_surroundings() {
        for (text, address) in [
            ("<karin.lindqvist@lillby.se>", "karin.lindqvist@lillby.se"),
            (
                "Mejla Mikael.Strand@Vardforbundet.SE.",
                "Mikael.Strand@Vardforbundet.SE",
            ),
            (
                "(mohammed.al-hassan92@gmail.com)",
                "mohammed.al-hassan92@gmail.com",
            ),
            ("j_nowak+tips@outlook.com,", "j_nowak+tips@outlook.com"),
            ("x.y@sub.domain.co.uk!", "x.y@sub.domain.co.uk"),
            ("mailto:åsa.öberg@lillby.se", "åsa.öberg@lillby.se"),
            ("info@bygg-åkesson.se", "info@bygg-åkesson.se"),
        ] {
            assert_eq!(found(text), [address], "{text:?}");
        }
    }

    #[test]
    fn context_and_obfuscation_set_the_score() {
        assert_eq!(spans("E-post: a@b.se")[0].1, SCORE_VALID_IN_CONTEXT);
        assert_eq!(spans("a@b.se")[0].1, SCORE_VALID);
        assert_eq!(
            spans("tipsare1987 (at) hotmail.com"),
            [("tipsare1987 (at) hotmail.com", SCORE_OBFUSCATED)]
        );
        assert_eq!(found("kalle[at]telia.com"), ["kalle[at]telia.com"]);
    }

    #[test]
    fn false_matches_are_killed() {
        for text in [
            "a@b",
            "@lillby.se",
            "anna@",
            "user@host.c",
            "pris 20 @ 5 kr",
            "anna@lillby.123",
            "at the sea",
        ] {
            assert_eq!(found(text), Vec::<&str>::new(), "{text:?}");
        }
    }

    #[test]
    fn wrapped_addresses_are_found_whole() {
        for address in [
            "karin.\nlindqvist@lillby.se",
            "karin.lindqvist@\nlillby.se",
            "karin.lindqvist\n@lillby.se",
            "info@bygg-\nåkesson.se",
            "x.y@sub.domain.\nco.uk",
        ] {
            let text = format!("Skriv till {address} snarast.");
            assert_eq!(found(&text), [address], "{address:?}");
        }
    }

    #[test]
    fn unrelated_lines_are_not_joined() {
        // The line before ends with a word of its own.
        assert_eq!(
            found("Skriv till anna\nkarin@lillby.se"),
            ["karin@lillby.se"]
        );
        // The line after starts with one.
        assert_eq!(
            found("Skriv till karin@lillby.se\nsnarast"),
            ["karin@lillby.se"]
        );
        assert_eq!(
            found("karin.\n\nlindqvist@lillby.se"),
            ["lindqvist@lillby.se"]
        );
    }

    proptest! {
        #[test]
        fn generated_addresses_are_found_whole(
            local in "[a-z][a-z0-9]{0,8}(\\.[a-z0-9]{1,8}){0,2}",
            domain in "[a-zåäö][a-zåäö0-9]{0,10}",
            tld in "se|com|nu|org",
        ) {
            let address = format!("{local}@{domain}.{tld}");
            let text = format!("Skriv till {address}.");
            prop_assert_eq!(found(&text), vec![address.as_str()]);
        }

        #[test]
        fn arbitrary_text_never_panics(text in "\\PC{0,80}") {
            let _ = EmailRecognizer.recognize(&text).unwrap();
        }
    }
}
