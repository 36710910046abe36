//! `PERSONNUMMER`: personnummer and samordningsnummer in every written form.
//!
//! Patterns: 10 or 12 digits, optionally with `-` or `+` before the last four, and with spaces
//! or one line break inside (text extracted from PDFs splits numbers at line ends).
//! Validator: the core [`Personnummer`] parser (real date, check digit). A number that fails its
//! check digit, has serial 000 or a date that cannot exist is still proposed, with a low score,
//! when a context word precedes it or a person's name does (see [`fail_closed`]): a typo in a
//! personnummer is still a personnummer, and a leak costs more than a click. A word for some
//! other number (`tel`, `dnr`, `konto`) nearer than any context word lowers a valid number's
//! score and drops one that does not validate.

use chrono::{NaiveDate, Utc};
use lantero_core::identifiers::{Personnummer, luhn};
use lantero_core::{Error as CoreError, IdentifierProblem};
use regex::Regex;

use super::common::{Pattern, candidate, compiled, context};
use crate::Result;
use crate::detect::context::{WINDOW_CHARS, isolated_digits};
use crate::detect::{Candidate, Entity, Recognizer, fail_closed};

/// Words that announce a personnummer.
pub const CONTEXT: &[&str] = &[
    "personnummer",
    "personnr",
    "pers.nr",
    "pnr",
    "p-nr",
    "samordningsnummer",
    "samordningsnr",
    "födelsenummer",
    "identitetsnummer",
    "id-nr",
];

/// Words that announce some other number: a valid personnummer right after `tel` is more likely
/// a phone number that happens to pass the check.
pub const CONTRADICT: &[&str] = &[
    "tel",
    "tfn",
    "telefon",
    "mobil",
    "fax",
    "dnr",
    "diarienummer",
    "ocr",
    "fakturanummer",
    "kundnummer",
    "konto",
    "clearing",
    "bankgiro",
    "plusgiro",
];

/// Score of a number with a valid date and check digit.
pub const SCORE_VALID: f32 = 0.85;
/// Score of a valid number after a context word.
pub const SCORE_VALID_IN_CONTEXT: f32 = 0.99;
/// Score of a valid number nearer to a contradicting word than to any context word.
pub const SCORE_VALID_CONTRADICTED: f32 = 0.5;
/// Score of a number that fails only its check digit but follows a context word.
pub const SCORE_CHECKSUM_IN_CONTEXT: f32 = 0.5;
/// Score of a number written `YYMMDD-NNNN` with a real date that fails only its check digit,
/// with no context either way.
pub const SCORE_CHECKSUM_SHAPE: f32 = 0.35;
/// Score of a number whose date cannot exist (a typo in the month or day) after a context word.
pub const SCORE_DATE_IN_CONTEXT: f32 = 0.4;

static PATTERN: Pattern = Pattern::new(|| {
    Regex::new(r"(?:\d{2})?\d{6}[ \t]*(?:\r?\n[ \t]*)?[-+]?[ \t]*(?:\r?\n[ \t]*)?\d{4}").ok()
});

/// Finds personnummer and samordningsnummer.
///
/// ```
/// use lantero_redact::detect::Recognizer;
/// use lantero_redact::detect::recognizers::PersonnummerRecognizer;
///
/// let found = PersonnummerRecognizer::default().recognize("Sökande: 19121212-1212.")?;
/// assert_eq!(found.len(), 1);
/// assert_eq!((found[0].start, found[0].end), (10, 23)); // bytes: "ö" takes two
/// # Ok::<(), lantero_redact::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct PersonnummerRecognizer {
    /// The date centuries are inferred against; `None` means today.
    pub reference: Option<NaiveDate>,
}

impl Recognizer for PersonnummerRecognizer {
    fn name(&self) -> &str {
        "personnummer"
    }

    fn entities(&self) -> &[Entity] {
        &[Entity::Personnummer]
    }

    fn recognize(&self, text: &str) -> Result<Vec<Candidate>> {
        Ok(self.scan(text)?.0)
    }

    fn unvalidated(&self, text: &str) -> Result<Vec<Candidate>> {
        Ok(self.scan(text)?.1)
    }
}

impl PersonnummerRecognizer {
    /// The numbers proposed, and the personnummer-shaped ones that do not validate (left for a
    /// person's name before them to rescue, see [`fail_closed`]).
    fn scan(&self, text: &str) -> Result<(Vec<Candidate>, Vec<Candidate>)> {
        let pattern = compiled(self.name(), &PATTERN)?;
        let reference = self.reference.unwrap_or_else(|| Utc::now().date_naive());
        let mut found = Vec::new();
        let mut unvalidated = Vec::new();
        for m in pattern.find_iter(text) {
            if !isolated_digits(text, m.start(), m.end()) {
                continue;
            }
            let compact: String = m.as_str().chars().filter(|c| !c.is_whitespace()).collect();
            let context = context(text, m.start(), CONTEXT, CONTRADICT, WINDOW_CHARS);
            let (score, reason) = match Personnummer::parse_at(&compact, reference) {
                Ok(pnr) => {
                    let what = if pnr.is_samordningsnummer() {
                        "valid samordningsnummer"
                    } else {
                        "valid personnummer"
                    };
                    match context {
                        Some(Ok(word)) => {
                            (SCORE_VALID_IN_CONTEXT, format!("{what}; after '{word}'"))
                        }
                        Some(Err(word)) => (
                            SCORE_VALID_CONTRADICTED,
                            format!("{what}, but after '{word}'"),
                        ),
                        None => (SCORE_VALID, what.to_owned()),
                    }
                }
                // A check-digit typo, a serial 000 (never issued, but written on forms and in
                // test letters) or a mistyped date still identifies someone: fail closed.
                Err(CoreError::InvalidPersonnummer {
                    reason: problem, ..
                }) => {
                    let Some((score_in_context, problem)) = shaped(&compact, problem, reference)
                    else {
                        continue;
                    };
                    match context {
                        Some(Ok(word)) => (
                            score_in_context,
                            fail_closed::after_word(SHAPE, &problem.to_string(), word),
                        ),
                        Some(Err(_)) => continue,
                        None => {
                            let reason = fail_closed::unvalidated(SHAPE, &problem.to_string());
                            let shape = candidate(
                                Entity::Personnummer,
                                m.start(),
                                m.end(),
                                SCORE_CHECKSUM_SHAPE,
                                reason.clone(),
                            );
                            unvalidated.push(shape);
                            // A real date with a separator before the last four digits is how
                            // people write personnummer: proposed even without context.
                            if problem == IdentifierProblem::Date || !has_separator(&compact) {
                                continue;
                            }
                            (
                                SCORE_CHECKSUM_SHAPE,
                                format!("{reason} (written with a real date and a separator)"),
                            )
                        }
                    }
                }
                Err(_) => continue,
            };
            found.push(candidate(
                Entity::Personnummer,
                m.start(),
                m.end(),
                score,
                reason,
            ));
        }
        Ok((found, unvalidated))
    }
}

/// What the fail-closed reasons call a number of this shape.
const SHAPE: &str = "personnummer";

/// When a number that fails with `problem` still looks like a personnummer, the score it gets
/// after a context word and the problem to report: a wrong check digit or serial 000 on a real
/// date, or a date that cannot exist (reported as such) but is no organisationsnummer (whose
/// third digit is 2 or more) and is written with a separator or its century (a typo in the
/// month or day).
fn shaped(
    compact: &str,
    problem: IdentifierProblem,
    reference: NaiveDate,
) -> Option<(f32, IdentifierProblem)> {
    if !matches!(
        problem,
        IdentifierProblem::Checksum
            | IdentifierProblem::Serial
            | IdentifierProblem::Date
            | IdentifierProblem::Future
    ) {
        return None;
    }
    if date_is_real(compact, reference) {
        return Some((SCORE_CHECKSUM_IN_CONTEXT, problem));
    }
    let digits: Vec<u8> = compact.bytes().filter(u8::is_ascii_digit).collect();
    let ten = &digits[digits.len().checked_sub(10)?..];
    let personal = ten[2] < b'2';
    let written_out = has_separator(compact) || digits.len() == 12;
    (personal && written_out).then_some((SCORE_DATE_IN_CONTEXT, IdentifierProblem::Date))
}

/// Whether the candidate is a valid personnummer once its serial (if 000) and check digit are
/// corrected, i.e. its date is real and only those are wrong.
fn date_is_real(compact: &str, reference: NaiveDate) -> bool {
    let mut digits: Vec<u8> = compact.bytes().filter(u8::is_ascii_digit).collect();
    let Some(start) = digits.len().checked_sub(10) else {
        return false;
    };
    if digits[start + 6..start + 9] == *b"000" {
        digits[start + 8] = b'1';
    }
    let Some(check) = luhn::check_digit(&digits[start..start + 9]) else {
        return false;
    };
    digits[start + 9] = b'0' + check;
    let (date, last_four) = digits.split_at(digits.len() - 4);
    let separator = if compact.contains('+') { "+" } else { "-" };
    let corrected = format!(
        "{}{separator}{}",
        String::from_utf8_lossy(date),
        String::from_utf8_lossy(last_four)
    );
    Personnummer::parse_at(&corrected, reference).is_ok()
}

/// Whether a compact candidate has `-` or `+` before its last four digits.
fn has_separator(compact: &str) -> bool {
    compact.contains(['-', '+'])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str) -> Vec<(&str, f32)> {
        let r = PersonnummerRecognizer {
            reference: NaiveDate::from_ymd_opt(2026, 11, 22),
        };
        r.recognize(text)
            .unwrap()
            .into_iter()
            .map(|c| (&text[c.start..c.end], c.score))
            .collect()
    }

    #[test]
    fn finds_every_written_form() {
        for form in [
            "19121212-1212",
            "191212121212",
            "121212-1212",
            "1212121212",
            "121212+1212",
            "121212 - 1212",
            "121212\n-1212",
            "19121212 1212",
        ] {
            let text = format!("Sökande {form}, Malmö");
            assert_eq!(spans(&text), [(form, SCORE_VALID)], "{form:?}");
        }
    }

    #[test]
    fn samordningsnummer_is_found() {
        assert_eq!(spans("nr 701063-2391"), [("701063-2391", SCORE_VALID)]);
    }

    #[test]
    fn context_raises_and_rescues() {
        assert_eq!(
            spans("Personnummer: 121212-1212"),
            [("121212-1212", SCORE_VALID_IN_CONTEXT)]
        );
        assert_eq!(
            spans("pnr 121212-1213"),
            [("121212-1213", SCORE_CHECKSUM_IN_CONTEXT)]
        );
        assert_eq!(
            spans("ärende 121212-1213"),
            [("121212-1213", SCORE_CHECKSUM_SHAPE)]
        );
        assert_eq!(spans("ärende 1212121213"), []);
        assert_eq!(
            spans("Tel 1212121212"),
            [("1212121212", SCORE_VALID_CONTRADICTED)]
        );
        assert_eq!(
            spans("Personnummer 19850312-9838, tel 0850312983"),
            [("19850312-9838", SCORE_VALID_IN_CONTEXT)]
        );
    }

    #[test]
    fn serial_000_fails_closed_after_context_or_with_a_separator() {
        // The demo letter's child: serial 000 is never issued, but the number is still hers.
        assert_eq!(
            spans("personnummer 150916-0006"),
            [("150916-0006", SCORE_CHECKSUM_IN_CONTEXT)]
        );
        assert_eq!(
            spans("barnet 150916-0006"),
            [("150916-0006", SCORE_CHECKSUM_SHAPE)]
        );
        assert_eq!(spans("barnet 1509160006"), []);
    }

    #[test]
    fn a_mistyped_date_fails_closed_after_context_but_no_organisationsnummer_does() {
        assert_eq!(
            spans("personnummer 151316-0006"), // month 13
            [("151316-0006", SCORE_DATE_IN_CONTEXT)]
        );
        assert_eq!(spans("personnummer 1513160006"), []);
        assert_eq!(spans("personnummer 556677-8899"), []); // an organisationsnummer's form
        assert_eq!(spans("151316-0006"), []);
    }

    #[test]
    fn numbers_left_without_context_are_handed_over_for_a_name_to_rescue() {
        let r = PersonnummerRecognizer {
            reference: NaiveDate::from_ymd_opt(2026, 11, 22),
        };
        let text = "Elsa Lindqvist 1509160006, Leo 151316-0006, tel 1509160006";
        let handed: Vec<&str> = r
            .unvalidated(text)
            .unwrap()
            .iter()
            .map(|c| &text[c.start..c.end])
            .collect();
        assert_eq!(handed, ["1509160006", "151316-0006"]);
        let reason = &r.unvalidated("x 150916-0006").unwrap()[0].reason;
        assert_eq!(
            reason,
            "personnummer-shaped, but serial number 000 is never issued"
        );
    }

    #[test]
    fn false_matches_are_killed() {
        assert_eq!(spans("dnr 2026-1234"), []);
        assert_eq!(spans("121312-1212"), []); // month 13
        assert_eq!(spans("41212121212"), []); // 11 digits
        assert_eq!(spans("x1912121212125"), []);
    }
}
