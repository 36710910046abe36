//! `DATE_OF_BIRTH`: dates of birth.
//!
//! Patterns: `2015-09-15`, `19850312`, `15/9 2015`, `15/9-2015`, `15/09/2015`, `15.09.2015`,
//! `15 september 2015` (also `15 sept. 2015`, `15:e september 2015`).
//!
//! Validator: a real calendar date, from 1880 up to today.
//!
//! Context is **required**: a date is a date of birth only after `född`, `födelsedatum`,
//! `född den`, … within a few words, or directly after `f.`. Plain dates in letters (decisions, meetings,
//! deadlines) are not personal data and are never proposed.

use chrono::{Datelike, NaiveDate, Utc};
use regex::Regex;

use super::common::{Pattern, candidate, compiled, continues_token};
use crate::Result;
use crate::detect::context::hit_before;
use crate::detect::{Candidate, Entity, Recognizer};

/// Words that announce a date of birth.
pub const CONTEXT: &[&str] = &[
    "född",
    "födda",
    "födelsedatum",
    "födelsedag",
    "born",
    "date of birth",
];

/// Abbreviations that announce a date of birth only directly before it (`f. 1985-03-12`), so
/// that `f.d.` (före detta) or `f.n.` (för närvarande) further away do not count.
pub const ABBREVIATIONS: &[&str] = &["f.", "föd."];

/// How close (in characters) the context word must be: `född den`, `Född:`, `född år`.
pub const CONTEXT_WINDOW_CHARS: usize = 16;

/// Score of a date after a context word.
pub const SCORE_IN_CONTEXT: f32 = 0.95;

const MONTHS: &[(&str, u32)] = &[
    ("januari", 1),
    ("februari", 2),
    ("mars", 3),
    ("april", 4),
    ("maj", 5),
    ("juni", 6),
    ("juli", 7),
    ("augusti", 8),
    ("september", 9),
    ("oktober", 10),
    ("november", 11),
    ("december", 12),
    ("sept", 9),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("okt", 10),
    ("nov", 11),
    ("dec", 12),
];

static PATTERN: Pattern = Pattern::new(|| {
    Regex::new(
        r"(?ix)
        (?P<iy>(?:18|19|20)\d{2})-(?P<im>\d{1,2})-(?P<id>\d{1,2})
      | (?P<cy>(?:18|19|20)\d{2})(?P<cm>\d{2})(?P<cd>\d{2})
      | (?P<nd>\d{1,2})(?::[ae])?\s+(?P<nm>[a-zé]{3,9})\.?\s+(?P<ny>\d{4})
      | (?P<sd>\d{1,2})[/.](?P<sm>\d{1,2})(?:[/.]|\s+|-)(?P<sy>\d{4}|\d{2})",
    )
    .ok()
});

/// Finds dates of birth.
///
/// ```
/// use lantero_redact::detect::Recognizer;
/// use lantero_redact::detect::recognizers::DateOfBirthRecognizer;
///
/// let text = "Amina, född 2015-09-15. Beslutet fattades 2026-03-02.";
/// let found = DateOfBirthRecognizer.recognize(text)?;
/// assert_eq!(found.len(), 1);
/// assert_eq!(&text[found[0].start..found[0].end], "2015-09-15");
/// # Ok::<(), lantero_redact::Error>(())
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct DateOfBirthRecognizer;

impl Recognizer for DateOfBirthRecognizer {
    fn name(&self) -> &str {
        "date-of-birth"
    }

    fn entities(&self) -> &[Entity] {
        &[Entity::DateOfBirth]
    }

    fn recognize(&self, text: &str) -> Result<Vec<Candidate>> {
        let today = Utc::now().date_naive();
        let mut found = Vec::new();
        for caps in compiled(self.name(), &PATTERN)?.captures_iter(text) {
            let Some(whole) = caps.get(0) else {
                continue;
            };
            if continues_token(text, whole.start()) || continues_after(text, whole.end()) {
                continue;
            }
            let hit =
                hit_before(text, whole.start(), CONTEXT, CONTEXT_WINDOW_CHARS).or_else(|| {
                    hit_before(text, whole.start(), ABBREVIATIONS, 8).filter(|h| h.distance <= 1)
                });
            let Some(hit) = hit else {
                continue;
            };
            let get = |name: &str| caps.name(name).map(|m| m.as_str());
            let date = match (get("iy"), get("cy"), get("nd"), get("sd")) {
                (Some(y), ..) => ymd(y, get("im"), get("id")),
                (_, Some(y), ..) => ymd(y, get("cm"), get("cd")),
                (_, _, Some(d), _) => named_month(d, get("nm"), get("ny")),
                (_, _, _, Some(d)) => ymd_short(d, get("sm"), get("sy"), today),
                _ => None,
            };
            let Some(date) = date.filter(|d| d.year() >= 1880 && *d <= today) else {
                continue;
            };
            found.push(candidate(
                Entity::DateOfBirth,
                whole.start(),
                whole.end(),
                SCORE_IN_CONTEXT,
                format!("date {date} after '{}'", hit.word),
            ));
        }
        Ok(found)
    }
}

/// Whether the date goes on into a longer token, such as the `-1212` of a personnummer.
fn continues_after(text: &str, end: usize) -> bool {
    let mut after = text[end..].chars();
    match after.next() {
        Some(c) if c.is_alphanumeric() => true,
        Some('-' | '+' | '/' | '.' | ':') => after.next().is_some_and(|c| c.is_ascii_digit()),
        _ => false,
    }
}

fn ymd(y: &str, m: Option<&str>, d: Option<&str>) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y.parse().ok()?, m?.parse().ok()?, d?.parse().ok()?)
}

fn named_month(d: &str, month: Option<&str>, y: Option<&str>) -> Option<NaiveDate> {
    let month = month?.to_lowercase();
    let (_, m) = MONTHS.iter().find(|(name, _)| *name == month)?;
    NaiveDate::from_ymd_opt(y?.parse().ok()?, *m, d.parse().ok()?)
}

/// `d/m yyyy`, `d.m.yyyy` and two-digit years, which are taken as the latest year not after
/// `today`.
fn ymd_short(d: &str, m: Option<&str>, y: Option<&str>, today: NaiveDate) -> Option<NaiveDate> {
    let y = y?;
    let mut year: i32 = y.parse().ok()?;
    if y.len() == 2 {
        let century = today.year() / 100 * 100;
        year += if century + year > today.year() {
            century - 100
        } else {
            century
        };
    }
    NaiveDate::from_ymd_opt(year, m?.parse().ok()?, d.parse().ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn found(text: &str) -> Vec<&str> {
        DateOfBirthRecognizer
            .recognize(text)
            .unwrap()
            .into_iter()
            .map(|c| &text[c.start..c.end])
            .collect()
    }

    #[test]
    fn finds_every_written_form_after_context() {
        for (text, date) in [
            ("född 2015-09-15", "2015-09-15"),
            ("Född: 19850312,", "19850312"),
            ("född 15/9 2015", "15/9 2015"),
            ("född 15/9-2015", "15/9-2015"),
            ("född 15/09/2015", "15/09/2015"),
            ("född 15.09.2015.", "15.09.2015"),
            ("född den 15 september 2015", "15 september 2015"),
            ("(f. 2 nov. 1979)", "2 nov. 1979"),
            ("född den 3:e augusti 1983", "3:e augusti 1983"),
            ("Födelsedatum: 2008-04-21", "2008-04-21"),
            ("född 10.10.99", "10.10.99"),
        ] {
            assert_eq!(found(text), [date], "{text:?}");
        }
    }

    #[test]
    fn plain_dates_are_not_dates_of_birth() {
        for text in [
            "Beslut 2026-03-02",
            "Mötet den 15 september 2015",
            "född i Somalia och kom till Sverige 2015-09-15",
            "ref. 2015-09-15",
            "f.d. anställd 2015-09-15",
            "född 2015-13-15",
            "född 31 februari 2015",
            "född 2099-01-01",
            "född 1850-01-01",
            "född 19121212-1212",
            "född 15 smurf 2015",
        ] {
            assert_eq!(found(text), Vec::<&str>::new(), "{text:?}");
        }
    }

    proptest! {
        #[test]
        fn every_real_past_date_is_found(days in 0i64..40_000, form in 0usize..4) {
            let date = NaiveDate::from_ymd_opt(1910, 1, 1).unwrap() + chrono::Duration::days(days);
            let written = match form {
                0 => date.format("%Y-%m-%d").to_string(),
                1 => date.format("%d.%m.%Y").to_string(),
                2 => format!("{}/{} {}", date.day(), date.month(), date.year()),
                _ => format!("{} {} {}", date.day(), MONTHS[date.month0() as usize].0, date.year()),
            };
            let text = format!("Sökanden är född {written}, enligt intyg.");
            prop_assert_eq!(found(&text), vec![written.as_str()]);
        }

        #[test]
        fn arbitrary_text_never_panics(text in "\\PC{0,80}") {
            let _ = DateOfBirthRecognizer.recognize(&format!("född {text}")).unwrap();
        }
    }
}
