//! `VEHICLE_REGISTRATION`: Swedish registration plates.
//!
//! Patterns: three letters and three characters, with or without a space: `ABC 123`,
//! `ABC123`, and the format used since 2019 where the last character may be a letter,
//! `ABC 12A`.
//!
//! Validator: the letters exclude I, Q and V (and Å, Ä, Ö), which Transportstyrelsen does not
//! use; a final letter is never O (it would read as a zero). Letter combinations that are never
//! issued because they are offensive or misleading ([`BLOCKED`], a partial list) and common
//! upper-case words followed by numbers in documents (currency codes, law abbreviations,
//! [`NOT_PLATES`]) are rejected, as is a match inside a reference such as `SFS 123:4`.
//!
//! Context: `reg.nr`, `registreringsnummer`, `bil`, `fordon`, car makes, … raise the score;
//! without context the score is lower, since three capitals and three digits can be many
//! things. A plate wrapped over a line break (`reg.nr KTF⏎38C`) is found after a context word
//! only (see `linebreak`).

use regex::Regex;

use super::common::{Pattern, at_word_start, candidate, compiled, followed_by_alphanumeric};
use super::linebreak::{DIGIT_JOINTS, Wrapping};
use crate::Result;
use crate::detect::context::word_before;
use crate::detect::{Candidate, Entity, Recognizer};

/// Words that announce a registration number.
pub const CONTEXT: &[&str] = &[
    "reg.nr",
    "reg. nr",
    "regnr",
    "reg nr",
    "registreringsnummer",
    "registreringsnr",
    "registreringsskylt",
    "nummerplåt",
    "bil",
    "bilen",
    "bilar",
    "skåpbil",
    "personbil",
    "lastbil",
    "tjänstebil",
    "fordon",
    "fordonet",
    "släpvagn",
    "motorcykel",
    "mc",
    "moped",
    "volvo",
    "saab",
    "audi",
    "bmw",
    "toyota",
    "volkswagen",
    "vw",
    "mercedes",
    "ford",
    "kia",
    "tesla",
    "skoda",
    "renault",
    "peugeot",
    "nissan",
];

/// Letter combinations Transportstyrelsen does not issue: a short list of the obviously
/// offensive ones only. Blocking a combination that is in fact issued would hide a real plate,
/// so entries are added only when verified against Transportstyrelsen's published list.
pub const BLOCKED: &[&str] = &[
    "APA", "ARG", "BAJ", "DUM", "FAN", "FEG", "FUL", "GAY", "HOR", "KKK", "KUK", "LSD", "NAZ",
    "PKK", "SEX", "XTC", "XXX",
];

/// Upper-case words that are followed by numbers in documents but are no plates.
pub const NOT_PLATES: &[&str] = &[
    "SEK", "EUR", "USD", "GBP", "NOK", "DKK", "CHF", "PLN", "JPY", "CAD", "AUD", "SFS", "OSL",
    "LSS", "LVU", "LVM", "SOL", "PBL", "AFS", "BBR", "KAP", "ART", "MSB", "SKR", "SCB", "TEL",
    "FAX", "REF", "DNR", "ORG", "AVD", "RUM", "SAL", "TFN", "MOB", "KFN", "BUN", "SBN", "MBN",
];

/// Score of a plate after a context word.
pub const SCORE_IN_CONTEXT: f32 = 0.95;
/// Score of a plate-shaped token without context.
pub const SCORE_ALONE: f32 = 0.6;

/// A wrapped plate needs a context word: an abbreviation ending one line and a number starting
/// the next (`… beslut från SKR⏎123 kommuner`) make a plate's shape far too often.
const WRAPPING: Wrapping = Wrapping {
    joints: DIGIT_JOINTS,
    min_score: SCORE_IN_CONTEXT,
    beside: None,
};

static PATTERN: Pattern =
    Pattern::new(|| Regex::new(r"([A-HJ-PR-UW-Z]{3})[ \u{a0}]?(\d{2}[0-9A-HJ-NPR-UW-Z])").ok());

/// Finds Swedish registration plates.
///
/// ```
/// use lantero_redact::detect::Recognizer;
/// use lantero_redact::detect::recognizers::VehicleRegistrationRecognizer;
///
/// let text = "Bilen, reg.nr KTF 38C, stod på uppfarten. Kostnad: EUR 310.";
/// let found = VehicleRegistrationRecognizer.recognize(text)?;
/// assert_eq!(found.len(), 1);
/// assert_eq!(&text[found[0].start..found[0].end], "KTF 38C");
/// # Ok::<(), lantero_redact::Error>(())
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct VehicleRegistrationRecognizer;

impl Recognizer for VehicleRegistrationRecognizer {
    fn name(&self) -> &str {
        "vehicle-registration"
    }

    fn entities(&self) -> &[Entity] {
        &[Entity::VehicleRegistration]
    }

    fn recognize(&self, text: &str) -> Result<Vec<Candidate>> {
        WRAPPING.recognize(text, |t| self.find(t))
    }
}

impl VehicleRegistrationRecognizer {
    /// Finds plates in `text` as it stands (see [`Wrapping`] for values over a line break).
    fn find(&self, text: &str) -> Result<Vec<Candidate>> {
        let mut found = Vec::new();
        for caps in compiled(self.name(), &PATTERN)?.captures_iter(text) {
            let (Some(whole), Some(letters)) = (caps.get(0), caps.get(1)) else {
                continue;
            };
            let letters = letters.as_str();
            if !at_word_start(text, whole.start())
                || followed_by_alphanumeric(text, whole.end())
                || BLOCKED.contains(&letters)
                || NOT_PLATES.contains(&letters)
                || in_reference(text, whole.start(), whole.end())
            {
                continue;
            }
            let (score, reason) = match word_before(text, whole.start(), CONTEXT) {
                Some(word) => (
                    SCORE_IN_CONTEXT,
                    format!("Swedish registration plate; after '{word}'"),
                ),
                None => (
                    SCORE_ALONE,
                    "shaped like a Swedish registration plate".to_owned(),
                ),
            };
            found.push(candidate(
                Entity::VehicleRegistration,
                whole.start(),
                whole.end(),
                score,
                reason,
            ));
        }
        Ok(found)
    }
}

/// Whether the match is part of a reference such as `SFS 123:4`, `ABC 123/2026` or
/// `KS-ABC 123`.
fn in_reference(text: &str, start: usize, end: usize) -> bool {
    let mut after = text[end..].chars();
    let joined_after = matches!(after.next(), Some(':' | '/' | '-' | '.' | ','))
        && after.next().is_some_and(|c| c.is_ascii_digit());
    let joined_before = matches!(text[..start].chars().next_back(), Some('-' | '/' | '.'));
    joined_after || joined_before
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn spans(text: &str) -> Vec<(&str, f32)> {
        crate::detect::recognizers::testing::spans(&VehicleRegistrationRecognizer, text)
    }

    fn found(text: &str) -> Vec<&str> {
        spans(text).into_iter().map(|(s, _)| s).collect()
    }

    #[test]
    fn finds_old_and_new_formats() {
        for plate in ["ABC 123", "ABC123", "KTF 38C", "NHP27W", "GXR\u{a0}901"] {
            let text = format!("Fordonet {plate} parkerades.");
            assert_eq!(spans(&text), [(plate, SCORE_IN_CONTEXT)], "{plate:?}");
        }
        assert_eq!(spans("sågs RUH 663 i går"), [("RUH 663", SCORE_ALONE)]);
    }

    #[test]
    fn false_matches_are_killed() {
        for text in [
            "AIB 123",    // I is not used
            "QWE 123",    // Q is not used
            "ÅBC 123",    // nor Å
            "ABC 12O",    // a final O is not used
            "SEX 123",    // blocked
            "EUR 310,00", // a currency
            "SFS 2021:890",
            "OSL 26 kap",
            "ABC 123:4",
            "ABC 123/2026",
            "KS-ABC 123",
            "ABCD 123",
            "ABC 1234",
            "abc 123",
            "AB 123",
        ] {
            assert_eq!(found(text), Vec::<&str>::new(), "{text:?}");
        }
    }

    #[test]
    fn wrapped_plates_are_found_after_context() {
        for (text, plate) in [
            ("Bilen, reg.nr KTF\n38C, stod kvar.", "KTF\n38C"),
            ("Fordonet ABC \n123 parkerades.", "ABC \n123"),
            ("personbil NH\nP27W", "NH\nP27W"),
        ] {
            assert_eq!(spans(text), [(plate, SCORE_IN_CONTEXT)], "{text:?}");
        }
    }

    #[test]
    fn unrelated_lines_are_not_joined() {
        for text in [
            // No word for a vehicle: an abbreviation ending a line and a number starting the next.
            "kursen hos ABF\n123 deltagare",
            "reg.nr ABC\n1234",
            "reg.nr ABC\n12\n3",
        ] {
            assert_eq!(found(text), Vec::<&str>::new(), "{text:?}");
        }
    }

    proptest! {
        #[test]
        fn generated_plates_are_found(letters in "[A-HJ-PR-UW-Z]{3}", digits in "[0-9]{2}", last in "[0-9A-HJ-NPR-UW-Z]", space: bool) {
            prop_assume!(!BLOCKED.contains(&letters.as_str()) && !NOT_PLATES.contains(&letters.as_str()));
            let plate = format!("{letters}{}{digits}{last}", if space { " " } else { "" });
            let text = format!("Bil med reg.nr {plate} sågs.");
            prop_assert_eq!(spans(&text), vec![(plate.as_str(), SCORE_IN_CONTEXT)]);
        }

        #[test]
        fn arbitrary_text_never_panics(text in "\\PC{0,80}") {
            let _ = VehicleRegistrationRecognizer.recognize(&text).unwrap();
        }
    }
}
