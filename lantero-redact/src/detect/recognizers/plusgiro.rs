//! `PLUSGIRO`: plusgiro (formerly postgiro) numbers.
//!
//! Patterns: 2 to 8 digits with the check digit after a dash, the rest in pairs from the right
//! (`4 78 92-3`, `12 34 56-7`) or together (`1234567-8`), or without the dash.
//! Validator: the last digit is a Luhn check digit over the number.
//! Context is **required**: `plusgiro`, `pg`, `postgiro` must come before the number (within 40
//! characters, or 16 for a number without a dash): `12 34 56-7` alone could be anything. A
//! dashed number after a context word whose check digit fails is still proposed with a low
//! score; a number nearer to a bankgiro word is left to the bankgiro recognizer.

use regex::Regex;

use super::common::Pattern;
use super::giro::Giro;
use crate::Result;
use crate::detect::{Candidate, Entity, Recognizer};

/// Words that announce a plusgiro number.
pub const CONTEXT: &[&str] = &["plusgiro", "pg", "pg-nr", "pgnr", "postgiro", "plusgironr"];

static PATTERN: Pattern =
    Pattern::new(|| Regex::new(r"\d{1,7}-\d|\d{1,2}(?:[ \u{a0}]\d{2}){1,3}-\d|\d{2,8}").ok());

const KIND: Giro = Giro {
    recognizer: "plusgiro",
    entity: Entity::Plusgiro,
    what: "plusgiro number",
    pattern: &PATTERN,
    context: CONTEXT,
    other: super::bankgiro::CONTEXT,
};

/// Finds plusgiro numbers after a plusgiro context word.
///
/// ```
/// use lantero_redact::detect::Recognizer;
/// use lantero_redact::detect::recognizers::PlusgiroRecognizer;
///
/// let text = "Plusgiro 4 88 63-5";
/// let found = PlusgiroRecognizer.recognize(text)?;
/// assert_eq!(&text[found[0].start..found[0].end], "4 88 63-5");
/// assert!(PlusgiroRecognizer.recognize("4 88 63-5")?.is_empty());
/// # Ok::<(), lantero_redact::Error>(())
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct PlusgiroRecognizer;

impl Recognizer for PlusgiroRecognizer {
    fn name(&self) -> &str {
        KIND.recognizer
    }

    fn entities(&self) -> &[Entity] {
        &[Entity::Plusgiro]
    }

    fn recognize(&self, text: &str) -> Result<Vec<Candidate>> {
        KIND.recognize(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::recognizers::giro::{SCORE_CHECKSUM_IN_CONTEXT, SCORE_VALID_IN_CONTEXT};
    use lantero_core::identifiers::luhn;
    use proptest::prelude::*;

    fn spans(text: &str) -> Vec<(&str, f32)> {
        crate::detect::recognizers::testing::spans(&PlusgiroRecognizer, text)
    }

    /// Writes a plusgiro number the usual way: pairs from the right, then `-check`.
    fn written(digits: &str) -> String {
        let (payload, check) = digits.split_at(digits.len() - 1);
        let mut pairs: Vec<&str> = Vec::new();
        let mut end = payload.len();
        while end > 0 {
            let start = end.saturating_sub(2);
            pairs.insert(0, &payload[start..end]);
            end = start;
        }
        format!("{}-{check}", pairs.join(" "))
    }

    #[test]
    fn finds_numbers_after_context() {
        for (text, number) in [
            ("Plusgiro 4 88 63-5.", "4 88 63-5"),
            ("PG: 10 61 03-5", "10 61 03-5"),
            ("postgiro 1061035,", "1061035"),
            ("plusgiro 21 58-4", "21 58-4"),
            ("Alternativt PG 99290041.", "99290041"),
            ("plusgiro 106103-5", "106103-5"),
        ] {
            assert_eq!(spans(text), [(number, SCORE_VALID_IN_CONTEXT)], "{text:?}");
        }
    }

    #[test]
    fn a_wrong_check_digit_is_only_a_hint() {
        assert_eq!(
            spans("Plusgiro 4 88 63-6"),
            [("4 88 63-6", SCORE_CHECKSUM_IN_CONTEXT)]
        );
    }

    #[test]
    fn false_matches_are_killed() {
        for text in [
            "4 88 63-5",
            "plusgiro saknas; belopp 48 900 kr och 12 dagar enligt avtal 12 34",
            "bankgiro 2158-4, plusgiro saknas",
            "pga 12 34 56-7",
            "plusgiro 556016-0680",
        ] {
            assert_eq!(spans(text), [], "{text:?}");
        }
    }

    #[test]
    fn wrapped_numbers_are_found_whole() {
        for (text, number) in [
            ("Plusgiro 4 88\n63-5.", "4 88\n63-5"),
            ("PG: 10 61 03-\n5", "10 61 03-\n5"),
            ("plusgiro 1061\n035,", "1061\n035"),
        ] {
            assert_eq!(spans(text), [(number, SCORE_VALID_IN_CONTEXT)], "{text:?}");
        }
    }

    #[test]
    fn unrelated_lines_are_not_joined() {
        for text in ["pg 4 88\n63-5 12", "4 88\n63-5"] {
            assert_eq!(spans(text), [], "{text:?}");
        }
        // The check digit fails: the two lines are not joined, and the second line's dashed
        // number stays the hint it is on its own.
        assert_eq!(
            spans("Plusgiro 4 88\n63-6"),
            [("63-6", SCORE_CHECKSUM_IN_CONTEXT)]
        );
    }

    proptest! {
        #[test]
        fn valid_numbers_are_found_and_changed_ones_are_not(payload in "[1-9][0-9]{0,6}", delta in 1u8..10) {
            let check = luhn::check_digit(payload.as_bytes()).unwrap();
            let number = written(&format!("{payload}{check}"));
            let text = format!("Betala till plusgiro {number}, tack.");
            prop_assert_eq!(spans(&text), vec![(number.as_str(), SCORE_VALID_IN_CONTEXT)]);

            let bad = written(&format!("{payload}{}", (check + delta) % 10));
            let text = format!("Betala till plusgiro {bad}, tack.");
            prop_assert_eq!(spans(&text), vec![(bad.as_str(), SCORE_CHECKSUM_IN_CONTEXT)]);
        }

        #[test]
        fn arbitrary_text_never_panics(text in "\\PC{0,80}") {
            let _ = PlusgiroRecognizer.recognize(&format!("pg {text}")).unwrap();
        }
    }
}
