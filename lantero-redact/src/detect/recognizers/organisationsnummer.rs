//! `ORGANISATIONSNUMMER`: organisation numbers of legal entities.
//!
//! Pattern: 10 digits (optionally `16` first), `-` optional before the last four.
//! Validator: the core [`Organisationsnummer`] parser (third digit 2 or more, check digit).
//! A number that fails only its check digit is still proposed, with a low score, after a
//! context word: a mistyped organisation number is still one.
//! A sole trader's organisation number is the owner's personnummer and is found as
//! `PERSONNUMMER` by its own recognizer: it is personal data.

use lantero_core::identifiers::Organisationsnummer;
use lantero_core::{Error as CoreError, IdentifierProblem};
use regex::Regex;

use super::common::{Pattern, candidate, compiled};
use crate::Result;
use crate::detect::context::{isolated_digits, word_before};
use crate::detect::{Candidate, Entity, Recognizer};

/// Words that announce an organisationsnummer.
pub const CONTEXT: &[&str] = &[
    "organisationsnummer",
    "org.nr",
    "org nr",
    "org. nr",
    "orgnr",
    "org-nr",
];

/// Score of a valid number.
pub const SCORE_VALID: f32 = 0.8;
/// Score of a valid number after a context word.
pub const SCORE_VALID_IN_CONTEXT: f32 = 0.99;
/// Score of a number that fails only its check digit but follows a context word.
pub const SCORE_CHECKSUM_IN_CONTEXT: f32 = 0.5;

static PATTERN: Pattern = Pattern::new(|| Regex::new(r"(?:16)?\d{6}-?\d{4}").ok());

/// Finds organisationsnummer.
///
/// ```
/// use lantero_redact::detect::Recognizer;
/// use lantero_redact::detect::recognizers::OrganisationsnummerRecognizer;
///
/// let found = OrganisationsnummerRecognizer.recognize("Org.nr 212000-1355")?;
/// assert_eq!(found[0].score, 0.99);
/// # Ok::<(), lantero_redact::Error>(())
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct OrganisationsnummerRecognizer;

impl Recognizer for OrganisationsnummerRecognizer {
    fn name(&self) -> &str {
        "organisationsnummer"
    }

    fn entities(&self) -> &[Entity] {
        &[Entity::Organisationsnummer]
    }

    fn recognize(&self, text: &str) -> Result<Vec<Candidate>> {
        let pattern = compiled(self.name(), &PATTERN)?;
        let mut found = Vec::new();
        for m in pattern.find_iter(text) {
            if !isolated_digits(text, m.start(), m.end()) {
                continue;
            }
            let context = word_before(text, m.start(), CONTEXT);
            let (score, reason) = match (Organisationsnummer::parse(m.as_str()), context) {
                (Ok(_), Some(word)) => (
                    SCORE_VALID_IN_CONTEXT,
                    format!("valid organisationsnummer; after '{word}'"),
                ),
                (Ok(_), None) => (SCORE_VALID, "valid organisationsnummer".to_owned()),
                (
                    Err(CoreError::InvalidOrganisationsnummer {
                        reason: IdentifierProblem::Checksum,
                        ..
                    }),
                    Some(word),
                ) if legal_entity(m.as_str()) => (
                    SCORE_CHECKSUM_IN_CONTEXT,
                    format!("check digit does not match, but after '{word}'"),
                ),
                _ => continue,
            };
            found.push(candidate(
                Entity::Organisationsnummer,
                m.start(),
                m.end(),
                score,
                reason,
            ));
        }
        Ok(found)
    }
}

/// Whether the third digit (after an optional `16`) is 2 or more, as for every legal entity;
/// a personnummer has its month there.
fn legal_entity(number: &str) -> bool {
    let digits: Vec<u8> = number.bytes().filter(u8::is_ascii_digit).collect();
    let digits = if digits.len() == 12 {
        &digits[2..]
    } else {
        &digits[..]
    };
    digits.get(2).is_some_and(|&d| d >= b'2')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str) -> Vec<&str> {
        OrganisationsnummerRecognizer
            .recognize(text)
            .unwrap()
            .into_iter()
            .map(|c| &text[c.start..c.end])
            .collect()
    }

    #[test]
    fn finds_legal_entities_in_all_forms() {
        assert_eq!(spans("Malmö stad 212000-1124"), ["212000-1124"]);
        assert_eq!(spans("AP-fonden 8020051952."), ["8020051952"]);
        assert_eq!(spans("16212000-1124"), ["16212000-1124"]);
    }

    #[test]
    fn a_bad_check_digit_after_context_is_a_hint() {
        let found = OrganisationsnummerRecognizer
            .recognize("org.nr 212000-1125")
            .unwrap();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].score, SCORE_CHECKSUM_IN_CONTEXT);
        assert_eq!(spans("org.nr 121212-1213"), Vec::<&str>::new());
    }

    #[test]
    fn personnummer_and_bad_check_digits_are_not_organisations() {
        assert_eq!(spans("121212-1212"), Vec::<&str>::new());
        assert_eq!(spans("212000-1125"), Vec::<&str>::new());
    }
}
