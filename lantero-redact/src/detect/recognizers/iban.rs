//! `IBAN`: international bank account numbers.
//!
//! Pattern: two capital letters, two check digits and the country's BBAN, written compact
//! (`SE4550000000058398257466`) or in groups of four (`SE45 5000 0000 0583 9825 7466`).
//!
//! Validator: the country's IBAN length from [`IBAN_LENGTHS`] (every EU/EEA country, the
//! United Kingdom, Switzerland and the countries Swedish payments commonly go to) and the
//! ISO 13616 mod-97 check. An IBAN with the right length whose check fails is proposed, with a
//! low score, after the word `iban` or when printed in groups of four in capitals: a typo in
//! an account number (or a digit OCR misread) is still one.
//!
//! Context: `iban`, `kontonummer`, `konto` raise the score. An IBAN written in lower case is
//! proposed only after `iban`.
//!
//! An IBAN wrapped over a line break (`SE45 5000 0000 0583⏎9825 7466`) is found whole when its
//! check passes (see `linebreak`).

use regex::Regex;

use super::common::{Pattern, at_word_start, candidate, compiled, followed_by_alphanumeric};
use super::linebreak::{DIGIT_JOINTS, Wrapping};
use crate::Result;
use crate::detect::context::word_before;
use crate::detect::{Candidate, Entity, Recognizer};

/// Words that announce an IBAN.
pub const CONTEXT: &[&str] = &["iban", "kontonummer", "konto", "account"];

/// Score of a valid IBAN.
pub const SCORE_VALID: f32 = 0.95;
/// Score of an IBAN printed in groups whose check fails, with no context word.
pub const SCORE_CHECKSUM_GROUPED: f32 = 0.4;
/// Score of a valid IBAN after a context word.
pub const SCORE_VALID_IN_CONTEXT: f32 = 0.99;
/// Score of an IBAN whose check digits fail, after a context word.
pub const SCORE_CHECKSUM_IN_CONTEXT: f32 = 0.5;

/// IBAN length per country code (ISO 13616 registry).
pub const IBAN_LENGTHS: &[(&str, usize)] = &[
    ("AD", 24),
    ("AE", 23),
    ("AL", 28),
    ("AT", 20),
    ("AZ", 28),
    ("BA", 20),
    ("BE", 16),
    ("BG", 22),
    ("BH", 22),
    ("BR", 29),
    ("CH", 21),
    ("CY", 28),
    ("CZ", 24),
    ("DE", 22),
    ("DK", 18),
    ("EE", 20),
    ("EG", 29),
    ("ES", 24),
    ("FI", 18),
    ("FO", 18),
    ("FR", 27),
    ("GB", 22),
    ("GE", 22),
    ("GI", 23),
    ("GL", 18),
    ("GR", 27),
    ("HR", 21),
    ("HU", 28),
    ("IE", 22),
    ("IL", 23),
    ("IQ", 23),
    ("IS", 26),
    ("IT", 27),
    ("JO", 30),
    ("KW", 30),
    ("KZ", 20),
    ("LB", 28),
    ("LI", 21),
    ("LT", 20),
    ("LU", 20),
    ("LV", 21),
    ("MC", 27),
    ("MD", 24),
    ("ME", 22),
    ("MK", 19),
    ("MT", 31),
    ("MU", 30),
    ("NL", 18),
    ("NO", 15),
    ("PK", 24),
    ("PL", 28),
    ("PS", 29),
    ("PT", 25),
    ("QA", 29),
    ("RO", 24),
    ("RS", 22),
    ("SA", 24),
    ("SE", 24),
    ("SI", 19),
    ("SK", 24),
    ("SM", 27),
    ("TN", 24),
    ("TR", 26),
    ("UA", 29),
    ("VA", 22),
    ("XK", 20),
];

/// A wrapped IBAN must pass mod 97 (the check makes joining two lines' characters by chance,
/// one time in 97, no more likely than a typo on one line), or follow a context word with its
/// country's exact length: an IBAN with a typo after `IBAN` is still someone's account, and
/// neither half alone is found (fail closed, see [`fail_closed`](crate::detect::fail_closed)).
const WRAPPING: Wrapping = Wrapping {
    joints: DIGIT_JOINTS,
    min_score: SCORE_CHECKSUM_IN_CONTEXT,
    beside: None,
};

static PATTERN: Pattern =
    Pattern::new(|| Regex::new(r"(?i)[A-Z]{2}\d{2}(?: ?[A-Z0-9]){8,32}").ok());

/// Finds IBANs.
///
/// ```
/// use lantero_redact::detect::Recognizer;
/// use lantero_redact::detect::recognizers::IbanRecognizer;
///
/// let text = "IBAN: SE45 5000 0000 0583 9825 7466 BIC: ESSESESS";
/// let found = IbanRecognizer.recognize(text)?;
/// assert_eq!(&text[found[0].start..found[0].end], "SE45 5000 0000 0583 9825 7466");
/// assert_eq!(found[0].score, 0.99);
/// # Ok::<(), lantero_redact::Error>(())
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct IbanRecognizer;

impl Recognizer for IbanRecognizer {
    fn name(&self) -> &str {
        "iban"
    }

    fn entities(&self) -> &[Entity] {
        &[Entity::Iban]
    }

    fn recognize(&self, text: &str) -> Result<Vec<Candidate>> {
        WRAPPING.recognize(text, |t| self.find(t))
    }
}

impl IbanRecognizer {
    /// Finds IBANs in `text` as it stands (see [`Wrapping`] for values over a line break).
    fn find(&self, text: &str) -> Result<Vec<Candidate>> {
        let pattern = compiled(self.name(), &PATTERN)?;
        let mut found = Vec::new();
        let mut from = 0;
        // Searched step by step, not with `find_iter`: a match may run on into the next IBAN,
        // and is cut back to its country's length before the search goes on.
        while let Some(m) = pattern.find_at(text, from) {
            from = m.start() + 1;
            if !at_word_start(text, m.start()) {
                continue;
            }
            let upper = m.as_str().to_ascii_uppercase();
            let Some(&(_, length)) = IBAN_LENGTHS.iter().find(|(cc, _)| upper.starts_with(cc))
            else {
                continue;
            };
            let Some(end) = end_after(m.as_str(), length).map(|n| m.start() + n) else {
                continue;
            };
            if followed_by_alphanumeric(text, end) {
                continue;
            }
            let iban: String = upper.chars().filter(|c| *c != ' ').take(length).collect();
            let context = word_before(text, m.start(), CONTEXT);
            // Lower case is how IBANs are mistyped, not how words look; only after `iban`.
            if m.as_str()[..end - m.start()]
                .chars()
                .any(|c| c.is_ascii_lowercase())
                && context != Some("iban")
            {
                continue;
            }
            let (score, reason) = match (is_valid(&iban), context) {
                (true, Some(word)) => (
                    SCORE_VALID_IN_CONTEXT,
                    format!("valid IBAN (mod 97); after '{word}'"),
                ),
                (true, None) => (SCORE_VALID, "valid IBAN (mod 97)".to_owned()),
                (false, Some(word)) => (
                    SCORE_CHECKSUM_IN_CONTEXT,
                    format!("IBAN check digits do not match, but after '{word}'"),
                ),
                // Printed in groups of four in capitals, the exact length of its country's IBAN,
                // it is an IBAN with a typo (or a misread digit in a scan), not chance: failing
                // closed costs a click, releasing it costs an account.
                (false, None) if is_grouped(&m.as_str()[..end - m.start()]) => (
                    SCORE_CHECKSUM_GROUPED,
                    "printed as an IBAN (groups of four), check digits do not match".to_owned(),
                ),
                (false, None) => continue,
            };
            found.push(candidate(Entity::Iban, m.start(), end, score, reason));
            from = end;
        }
        Ok(found)
    }
}

/// Whether `s` is written as IBANs are printed: groups of four separated by single spaces,
/// at least four groups, all capitals and digits.
fn is_grouped(s: &str) -> bool {
    let groups: Vec<&str> = s.split(' ').collect();
    groups.len() >= 4
        && groups[..groups.len() - 1].iter().all(|g| g.len() == 4)
        && groups.last().is_some_and(|g| (1..=4).contains(&g.len()))
        && s.chars()
            .all(|c| c == ' ' || c.is_ascii_uppercase() || c.is_ascii_digit())
}

/// The byte length of the prefix of `s` holding `length` non-space characters.
fn end_after(s: &str, length: usize) -> Option<usize> {
    let mut seen = 0;
    for (i, c) in s.char_indices() {
        if c != ' ' {
            seen += 1;
            if seen == length {
                return Some(i + c.len_utf8());
            }
        }
    }
    None
}

/// The ISO 13616 check: move the first four characters to the end, read letters as 10–35,
/// and the whole number modulo 97 must be 1.
///
/// ```
/// # use lantero_redact::detect::recognizers::iban_is_valid as is_valid;
/// assert!(is_valid("SE4550000000058398257466"));
/// assert!(!is_valid("SE4550000000058398257467"));
/// ```
pub fn is_valid(iban: &str) -> bool {
    if iban.len() < 5 || !iban.is_ascii() {
        return false;
    }
    let (head, tail) = iban.split_at(4);
    let mut remainder: u32 = 0;
    for c in tail.chars().chain(head.chars()) {
        let Some(value) = c.to_digit(36) else {
            return false;
        };
        let (shift, value) = if value < 10 {
            (10, value)
        } else {
            (100, value)
        };
        remainder = (remainder * shift + value) % 97;
    }
    remainder == 1
}

#[cfg(test)]
mod tests;
