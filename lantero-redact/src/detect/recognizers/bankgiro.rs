//! `BANKGIRO`: bankgiro numbers.
//!
//! Patterns: 7 or 8 digits written `NNN-NNNN` or `NNNN-NNNN`, or without the dash.
//! Validator: the last digit is a Luhn check digit over the number.
//! Context is **required**: `bankgiro`, `bankgironummer`, `bg` must come before the number
//! (within 40 characters, or 16 for a number without a dash), because `1234-5678` is as likely
//! a case number, an amount or part of a phone number. A dashed number after a context word
//! whose check digit fails is still proposed with a low score; a number nearer to a plusgiro
//! word is left to the plusgiro recognizer.

use regex::Regex;

use super::common::Pattern;
use super::giro::Giro;
use crate::Result;
use crate::detect::{Candidate, Entity, Recognizer};

/// Words that announce a bankgiro number.
pub const CONTEXT: &[&str] = &["bankgiro", "bg", "bg-nr", "bgnr", "bankgironr"];

static PATTERN: Pattern = Pattern::new(|| Regex::new(r"\d{3,4}-\d{4}|\d{7,8}").ok());

const KIND: Giro = Giro {
    recognizer: "bankgiro",
    entity: Entity::Bankgiro,
    what: "bankgiro number",
    pattern: &PATTERN,
    context: CONTEXT,
    other: super::plusgiro::CONTEXT,
};

/// Finds bankgiro numbers after a bankgiro context word.
///
/// ```
/// use lantero_redact::detect::Recognizer;
/// use lantero_redact::detect::recognizers::BankgiroRecognizer;
///
/// assert_eq!(BankgiroRecognizer.recognize("Bankgiro 5050-1055")?.len(), 1);
/// assert!(BankgiroRecognizer.recognize("Dnr 5050-1055")?.is_empty());
/// # Ok::<(), lantero_redact::Error>(())
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct BankgiroRecognizer;

impl Recognizer for BankgiroRecognizer {
    fn name(&self) -> &str {
        KIND.recognizer
    }

    fn entities(&self) -> &[Entity] {
        &[Entity::Bankgiro]
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
        crate::detect::recognizers::testing::spans(&BankgiroRecognizer, text)
    }

    #[test]
    fn finds_numbers_after_context() {
        for (text, number) in [
            ("Bankgiro 5050-1055.", "5050-1055"),
            ("BG: 229-7513", "229-7513"),
            ("bankgironummer 6339733,", "6339733"),
            ("betalas till bankgiro 62960372", "62960372"),
            ("Bg-nr 2641-3419", "2641-3419"),
        ] {
            assert_eq!(spans(text), [(number, SCORE_VALID_IN_CONTEXT)], "{text:?}");
        }
    }

    #[test]
    fn a_wrong_check_digit_is_only_a_hint() {
        assert_eq!(
            spans("Bankgiro 5050-1056"),
            [("5050-1056", SCORE_CHECKSUM_IN_CONTEXT)]
        );
        assert_eq!(spans("Bankgiro 50501056"), []);
    }

    #[test]
    fn false_matches_are_killed() {
        for text in [
            "5050-1055",
            "Dnr 2026-1187",
            "bankgiro 556016-0680",
            "bankgiro 5050-10551",
            "Bankgiro finns. Lorem ipsum dolor sit amet consectetur: 5050-1055",
            "bankgiro 12 34 56-7, plusgiro 5050-1055",
            "BG 123-45678",
        ] {
            assert_eq!(spans(text), [], "{text:?}");
        }
    }

    #[test]
    fn wrapped_numbers_are_found_whole() {
        for (text, number) in [
            ("Bankgiro 5050-\n1055.", "5050-\n1055"),
            ("Bankgiro 5050\n-1055.", "5050\n-1055"),
            ("BG: 229-75\n13", "229-75\n13"),
            ("bankgiro 6339\n733,", "6339\n733"),
        ] {
            assert_eq!(spans(text), [(number, SCORE_VALID_IN_CONTEXT)], "{text:?}");
        }
    }

    #[test]
    fn unrelated_lines_are_not_joined() {
        for text in [
            // The check digit fails: a hint on one line, two numbers over two.
            "Bankgiro 5050-\n1056",
            "bankgiro 5050-\n1055 2026",
            "Dnr 5050-\n1055",
        ] {
            assert_eq!(spans(text), [], "{text:?}");
        }
    }

    proptest! {
        #[test]
        fn valid_numbers_are_found_and_changed_ones_are_not(payload in "[1-9][0-9]{5,6}", delta in 1u8..10) {
            let check = luhn::check_digit(payload.as_bytes()).unwrap();
            let digits = format!("{payload}{check}");
            let split = digits.len() - 4;
            let written = format!("{}-{}", &digits[..split], &digits[split..]);
            let text = format!("Betala till bankgiro {written} senast 30 dagar.");
            prop_assert_eq!(spans(&text), vec![(written.as_str(), SCORE_VALID_IN_CONTEXT)]);

            let wrong = (check + delta) % 10;
            let bad = format!("{}-{}{wrong}", &digits[..split], &digits[split..digits.len() - 1]);
            let text = format!("Betala till bankgiro {bad}.");
            prop_assert_eq!(spans(&text), vec![(bad.as_str(), SCORE_CHECKSUM_IN_CONTEXT)]);
        }

        #[test]
        fn arbitrary_text_never_panics(text in "\\PC{0,80}") {
            let _ = BankgiroRecognizer.recognize(&format!("bankgiro {text}")).unwrap();
        }
    }
}
