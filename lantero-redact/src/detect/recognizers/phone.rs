//! `PHONE`: Swedish landline and mobile numbers, and international numbers.
//!
//! Patterns: a national number starting with the trunk `0` (`070-123 45 67`, `0701234567`,
//! `08-123 456 78`, `0480-45 67 89`, `031 - 12 34 56`), the area code in brackets
//! (`(08) 123 45 67`), the Swedish country code (`+46 70 123 45 67`, `+46 (0)8 …`,
//! `0046 8 …`, `+46-31-…`), and other countries' `+CC …` numbers. Digits come in groups joined
//! by one space, dash or slash.
//!
//! Validator: the national significant number (the digits after the trunk `0` or `+46`) must
//! have 7 to 9 digits and not start with `0`; a mobile number (`070`, `072`, `073`, `076`,
//! `079`) must have exactly 9. When
//! a run of groups is longer (two numbers in a row), the longest valid run of whole groups is
//! taken. A first group of more than 4 digits (a personnummer's `YYMMDD`), a date written
//! `DD-MM-YYYY` and a number that continues something longer (`2026/0112`, `INC-2026-0317`)
//! are not phone numbers. Foreign numbers need 8 to 15 digits in all.
//!
//! Context: `tel`, `telefon`, `mobil`, `ring`, `nås på`, `fax`, … raise the score; after `ocr`,
//! `dnr`, `personnummer`, `konto`, … (nearer than any phone word) the number is something else
//! and is not proposed. A run of ten digits that is also a valid personnummer is only a hint.
//!
//! A number wrapped over a line break (`070-123⏎45 67`) is found whole when it is written in
//! groups or follows a context word (see `linebreak`).

use chrono::NaiveDate;
use lantero_core::identifiers::Personnummer;
use regex::Regex;

use super::common::{
    DigitGroups, Pattern, candidate, compiled, context, continues_token, followed_by_alphanumeric,
};
use super::linebreak::{DIGIT_JOINTS, Wrapping};
use crate::Result;
use crate::detect::context::WINDOW_CHARS;
use crate::detect::{Candidate, Entity, Recognizer};

/// Words that announce a phone number.
pub const CONTEXT: &[&str] = &[
    "tel",
    "tel.",
    "tfn",
    "telefon",
    "mobil",
    "mob",
    "ring",
    "ringa",
    "ringer",
    "ringt",
    "nås på",
    "nås via",
    "fax",
    "växel",
    "direkt",
    "sms",
    "swish",
    "nummer är",
];

/// Words that announce some other number, which only looks like a phone number.
pub const CONTRADICT: &[&str] = &[
    "ocr",
    "faktura",
    "kundnummer",
    "kundnr",
    "ordernummer",
    "referens",
    "ref",
    "dnr",
    "diarienummer",
    "ärendenummer",
    "personnummer",
    "personnr",
    "pnr",
    "org.nr",
    "organisationsnummer",
    "konto",
    "clearing",
    "bankgiro",
    "plusgiro",
    "iban",
];

/// Score of any valid number after a phone context word.
pub const SCORE_IN_CONTEXT: f32 = 0.97;
/// Score of a valid Swedish number written with `+46` or `0046`.
pub const SCORE_SWEDISH_INTERNATIONAL: f32 = 0.9;
/// Score of a Swedish mobile number written in groups.
pub const SCORE_MOBILE: f32 = 0.85;
/// Score of a Swedish landline number written in groups.
pub const SCORE_LANDLINE: f32 = 0.8;
/// Score of a foreign `+CC` number.
pub const SCORE_FOREIGN: f32 = 0.75;
/// Score of a Swedish number written as one run of digits, which may be a reference number.
pub const SCORE_UNGROUPED: f32 = 0.65;
/// Score of a number written as one run of digits that is also a valid personnummer.
pub const SCORE_CONTRADICTED: f32 = 0.3;

/// Separators between digit groups of a phone number.
const SEPARATORS: &[char] = &[' ', '\u{a0}', '-', '\u{2013}', '/'];

/// A wrapped number must have a valid length and be written in groups or follow a context
/// word: a run of digits ending one line and another starting the next is as likely a
/// reference number or a table.
const WRAPPING: Wrapping = Wrapping {
    joints: DIGIT_JOINTS,
    min_score: SCORE_FOREIGN,
    beside: None,
};

static START: Pattern =
    Pattern::new(|| Regex::new(r"\+[1-9]|00[1-9]|\(0[1-9]\d{0,2}\)|0[1-9]").ok());

/// Finds telephone numbers.
///
/// ```
/// use lantero_redact::detect::Recognizer;
/// use lantero_redact::detect::recognizers::PhoneRecognizer;
///
/// let text = "Mobil: 070-123 45 67, ärende SN 2026/1187";
/// let found = PhoneRecognizer.recognize(text)?;
/// assert_eq!(found.len(), 1);
/// assert_eq!(&text[found[0].start..found[0].end], "070-123 45 67");
/// assert!(found[0].score > 0.95);
/// # Ok::<(), lantero_redact::Error>(())
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct PhoneRecognizer;

/// What kind of number a match is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Mobile,
    Landline,
    SwedishInternational,
    Foreign,
}

/// A parsed number: where it ends, its kind, and whether it was written without separators.
struct Parsed {
    end: usize,
    kind: Kind,
    ungrouped: bool,
    national: String,
}

impl Recognizer for PhoneRecognizer {
    fn name(&self) -> &str {
        "phone"
    }

    fn entities(&self) -> &[Entity] {
        &[Entity::Phone]
    }

    fn recognize(&self, text: &str) -> Result<Vec<Candidate>> {
        WRAPPING.recognize(text, |t| self.find(t))
    }
}

impl PhoneRecognizer {
    /// Finds phone numbers in `text` as it stands (see [`Wrapping`] for values over a line
    /// break).
    fn find(&self, text: &str) -> Result<Vec<Candidate>> {
        let start_pattern = compiled(self.name(), &START)?;
        let mut found: Vec<Candidate> = Vec::new();
        let mut next_free = 0;
        for m in start_pattern.find_iter(text) {
            let start = m.start();
            // Right after a number just found, a space is a separator between two numbers.
            if start < next_free {
                continue;
            }
            let follows_number = next_free > 0
                && text[next_free..start]
                    .chars()
                    .all(|c| c == ' ' || c == '\u{a0}');
            if continues_token(text, start) && !follows_number {
                continue;
            }
            let Some(parsed) = parse(text, start) else {
                continue;
            };
            next_free = parsed.end;
            let Some((score, reason)) = score(text, start, &parsed) else {
                continue;
            };
            found.push(candidate(Entity::Phone, start, parsed.end, score, reason));
        }
        Ok(found)
    }
}

/// Parses a phone number starting at `start`, which the start pattern matched.
fn parse(text: &str, start: usize) -> Option<Parsed> {
    let rest = &text[start..];
    if let Some(after) = rest
        .strip_prefix("+46")
        .or_else(|| rest.strip_prefix("0046"))
    {
        let from = start + (rest.len() - after.len());
        return parse_swedish_international(text, from);
    }
    if rest.starts_with('+') {
        return parse_foreign(text, start + 1);
    }
    if rest.starts_with("00") {
        return None;
    }
    if let Some(inner) = rest.strip_prefix("(0") {
        let area_len = inner.bytes().take_while(u8::is_ascii_digit).count();
        if !(1..=3).contains(&area_len) || !inner[area_len..].starts_with(')') {
            return None;
        }
        let area = &inner[..area_len];
        let mut at = start + 2 + area_len + 1;
        at += text[at..].len() - text[at..].trim_start_matches([' ', '\u{a0}']).len();
        return national(text, at, area, false);
    }
    national(text, start, "", true)
}

/// `+46 …`: skips a separator and a `(0)`, then reads the national significant number.
fn parse_swedish_international(text: &str, mut at: usize) -> Option<Parsed> {
    at += usize::from(text[at..].starts_with([' ', '\u{a0}', '-']));
    if text[at..].starts_with("(0)") {
        at += 3;
        at += usize::from(text[at..].starts_with([' ', '\u{a0}', '-']));
    }
    if !text[at..].starts_with(|c: char| matches!(c, '1'..='9')) {
        return None;
    }
    let groups = DigitGroups::read(text, at, SEPARATORS, 9);
    let n = (1..=groups.len())
        .rev()
        .find(|&n| valid_national(&groups.digits(n)))?;
    let end = groups.ends[n - 1];
    (!followed_by_alphanumeric(text, end)).then(|| Parsed {
        end,
        kind: Kind::SwedishInternational,
        ungrouped: false,
        national: groups.digits(n),
    })
}

/// `+CC …` for a country other than Sweden: 8 to 15 digits in all.
fn parse_foreign(text: &str, at: usize) -> Option<Parsed> {
    let groups = DigitGroups::read(text, at, &[' ', '\u{a0}', '-'], 15);
    let n = (1..=groups.len())
        .rev()
        .find(|&n| (8..=15).contains(&groups.digits(n).len()))?;
    // A foreign number written as one long run is too likely to be something else.
    if n == 1 && groups.groups[0].len() < 10 {
        return None;
    }
    let end = groups.ends[n - 1];
    (!followed_by_alphanumeric(text, end)).then(|| Parsed {
        end,
        kind: Kind::Foreign,
        ungrouped: false,
        national: groups.digits(n),
    })
}

/// A national number from `at`: `area` holds the area code's digits when it was written in
/// brackets; otherwise the first group starts with the trunk `0`.
fn national(text: &str, at: usize, area: &str, trunk_in_groups: bool) -> Option<Parsed> {
    let max = if trunk_in_groups { 10 } else { 9 - area.len() };
    let groups = DigitGroups::read(text, at, SEPARATORS, max);
    if groups.len() == 0 {
        return None;
    }
    if trunk_in_groups && looks_like_date(&groups) {
        return None;
    }
    let n = (1..=groups.len()).rev().find(|&n| {
        if trunk_in_groups && n > 1 && !(2..=4).contains(&groups.groups[0].len()) {
            return false;
        }
        valid_national(&nsn(area, &groups, n, trunk_in_groups))
    })?;
    let end = groups.ends[n - 1];
    if followed_by_alphanumeric(text, end) {
        return None;
    }
    let national = nsn(area, &groups, n, trunk_in_groups);
    let kind = if is_mobile(&national) {
        Kind::Mobile
    } else {
        Kind::Landline
    };
    Some(Parsed {
        end,
        kind,
        ungrouped: n == 1 && area.is_empty(),
        national,
    })
}

/// The national significant number: the digits after the trunk `0`.
fn nsn(area: &str, groups: &DigitGroups, n: usize, trunk_in_groups: bool) -> String {
    let digits = groups.digits(n);
    if trunk_in_groups {
        digits.get(1..).unwrap_or_default().to_owned()
    } else {
        format!("{area}{digits}")
    }
}

/// Whether `nsn` is a plausible Swedish national significant number.
fn valid_national(nsn: &str) -> bool {
    if is_mobile(nsn) {
        return nsn.len() == 9;
    }
    nsn.starts_with(|c: char| matches!(c, '1'..='9')) && (7..=9).contains(&nsn.len())
}

/// Whether `nsn` is in a mobile series (`070`, `072`, `073`, `076`, `079`).
fn is_mobile(nsn: &str) -> bool {
    ["70", "72", "73", "76", "79"]
        .iter()
        .any(|p| nsn.starts_with(p))
}

/// `DD-MM-YYYY` or `DD/MM/YYYY` with a real date.
fn looks_like_date(groups: &DigitGroups) -> bool {
    let [day, month, year, ..] = groups.groups.as_slice() else {
        return false;
    };
    if day.len() != 2 || month.len() != 2 || year.len() != 4 {
        return false;
    }
    match (day.parse(), month.parse(), year.parse()) {
        (Ok(d), Ok(m), Ok(y)) => NaiveDate::from_ymd_opt(y, m, d).is_some(),
        _ => false,
    }
}

/// The score and reason of a parsed number, or `None` when a word says it is something else.
fn score(text: &str, start: usize, parsed: &Parsed) -> Option<(f32, String)> {
    let what = match parsed.kind {
        Kind::Mobile => "Swedish mobile number",
        Kind::Landline => "Swedish landline number",
        Kind::SwedishInternational => "Swedish number with country code +46",
        Kind::Foreign => "international number",
    };
    match context(text, start, CONTEXT, CONTRADICT, WINDOW_CHARS) {
        Some(Ok(word)) => Some((SCORE_IN_CONTEXT, format!("{what}; after '{word}'"))),
        Some(Err(_)) => None,
        None if parsed.ungrouped
            && Personnummer::parse(&format!("0{}", parsed.national)).is_ok() =>
        {
            Some((
                SCORE_CONTRADICTED,
                format!("{what}, but also a valid personnummer"),
            ))
        }
        None if parsed.ungrouped => {
            Some((SCORE_UNGROUPED, format!("{what} written without spaces")))
        }
        None => Some(match parsed.kind {
            Kind::Mobile => (SCORE_MOBILE, what.to_owned()),
            Kind::Landline => (SCORE_LANDLINE, what.to_owned()),
            Kind::SwedishInternational => (SCORE_SWEDISH_INTERNATIONAL, what.to_owned()),
            Kind::Foreign => (SCORE_FOREIGN, what.to_owned()),
        }),
    }
}

#[cfg(test)]
mod tests;
