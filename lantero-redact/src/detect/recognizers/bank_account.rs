//! `BANK_ACCOUNT`: Swedish bank accounts, a clearing number and an account number.
//!
//! Patterns: the clearing number (four digits, or five for Swedbank's `8xxx-x`) followed by
//! the account number in its usual written forms: `8327-9, 123 456 789-0`, `1234-12 345 67`,
//! `5491 4584425`, and with labels in between, `clearingnummer 6789 kontonummer 123 456 789`
//! or `Clearingnr: 5201 / Kontonr: 712 01 03` (then clearing and account are two findings,
//! so that the label between them is not masked). An account number alone is proposed after
//! `kontonummer`/`konto`. A number wrapped over a line break (`8125-8, 318⏎105 286-1`) is
//! found whole when its check digit passes (see `linebreak`).
//!
//! Validator: the clearing number's bank and its account rule from the table in
//! [`clearing`] (type 1: 7-digit accounts with mod 11 over clearing and account; type 2: 9- or
//! 10-digit accounts with mod 11 or mod 10 over the account). A number of the right length
//! whose check digit fails, or a clearing number not in the table, is proposed only after a
//! context word, with a lower score: Swedbank in particular has old accounts that fail the
//! check. A clearing number that looks like a year (`2026-1234567`) scores lower without
//! context; a number after `dnr`, `referens`, `ocr`, … is not an account.
//!
//! Context: `konto`, `kontonummer`, `clearingnummer`, `bankkonto`, `utbetalning till`, bank
//! names before the number, or a bank name just after it (`7385-223 23 68 (Swedbank)`).

pub mod clearing;

use regex::Regex;

use super::common::{
    DigitGroups, Pattern, at_word_start, candidate, compiled, context, continues_token, digits_of,
    followed_by_alphanumeric,
};
use super::linebreak::{DIGIT_JOINTS, Wrapping};
use crate::Result;
use crate::detect::context::{WINDOW_CHARS, hit_after};
use crate::detect::{Candidate, Entity, Recognizer, fail_closed};
use clearing::{Bank, bank_of};

/// Words that announce a bank account.
pub const CONTEXT: &[&str] = &[
    "konto",
    "kontonummer",
    "kontonr",
    "clearing",
    "utbetalning till",
    "utbetalas till",
    "inbetalt från",
    "insättning",
    "bank",
    "banken",
    "swedbank",
    "nordea",
    "seb",
    "handelsbanken",
    "danske",
    "länsförsäkringar",
    "ica banken",
    "sparbank",
    "skandia",
];

/// Words that announce some other number.
pub const CONTRADICT: &[&str] = &[
    "dnr",
    "diarienummer",
    "ärende",
    "referens",
    "ref",
    "ocr",
    "faktura",
    "ordernummer",
    "personnummer",
    "org.nr",
    "tel",
    "telefon",
    "mobil",
    "bankgiro",
    "plusgiro",
];

/// Score of a valid account (check digit) at a known bank after a context word.
pub const SCORE_VALID_IN_CONTEXT: f32 = 0.98;
/// Score of a valid account at a known bank.
pub const SCORE_VALID: f32 = 0.85;
/// Score of a valid account whose clearing number looks like a year, without context.
pub const SCORE_YEAR_LIKE: f32 = 0.55;
/// Score of an account at a known bank whose check digit fails, after a context word.
pub const SCORE_CHECKSUM_IN_CONTEXT: f32 = 0.6;
/// Score of an account number without a known clearing number, after a context word.
pub const SCORE_UNKNOWN_IN_CONTEXT: f32 = 0.5;

/// A wrapped account (`8125-8, 318⏎105 286-1`) must belong to a known bank and either pass its
/// check or follow a context word (old Swedbank accounts fail the check): a clearing-shaped
/// number ending one line and digits starting the next are otherwise too often unrelated.
const WRAPPING: Wrapping = Wrapping {
    joints: DIGIT_JOINTS,
    min_score: SCORE_CHECKSUM_IN_CONTEXT,
    beside: None,
};

/// What the fail-closed reasons call a number of this shape.
const SHAPE: &str = "bank account";

/// How far after the number a bank name may stand (`(Swedbank)`).
const AFTER_WINDOW_CHARS: usize = 20;

static CLEARING: Pattern = Pattern::new(|| Regex::new(r"[1-9]\d{3}").ok());

/// What may stand between the clearing number and the account: a label, or a separator.
static JOINER: Pattern = Pattern::new(|| {
    Regex::new(
        r"(?i)^(?:(?P<label>[ \t]*[,/]?\s*(?:och\s+)?(?:kontonummer|kontonr|konto\s?nr|konto|kto)\.?\s*:?[ \t]*)|[ \t]*[-–,/:][ \t]*|[ \t]+)",
    )
    .ok()
});

/// An account number alone after its label.
static LABELLED_ACCOUNT: Pattern = Pattern::new(|| {
    Regex::new(r"(?i)(?P<w>kontonummer|kontonr|konto\s?nr|bankkonto|konto)\.?\s*:?[ \t]*(?P<n>\d)")
        .ok()
});

/// Finds Swedish bank account numbers.
///
/// ```
/// use lantero_redact::detect::Recognizer;
/// use lantero_redact::detect::recognizers::BankAccountRecognizer;
///
/// let text = "Utbetalning till konto 5491-4584425 (SEB).";
/// let found = BankAccountRecognizer.recognize(text)?;
/// assert_eq!(&text[found[0].start..found[0].end], "5491-4584425");
/// assert!(found[0].reason.contains("SEB"));
/// # Ok::<(), lantero_redact::Error>(())
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct BankAccountRecognizer;

/// One reading of a clearing number and the account after it.
struct Reading {
    clearing_end: usize,
    account_start: usize,
    account_end: usize,
    labelled: bool,
    valid: bool,
    /// Whether it takes every digit group written there.
    whole: bool,
}

impl Recognizer for BankAccountRecognizer {
    fn name(&self) -> &str {
        "bank-account"
    }

    fn entities(&self) -> &[Entity] {
        &[Entity::BankAccount]
    }

    fn recognize(&self, text: &str) -> Result<Vec<Candidate>> {
        WRAPPING.recognize(text, |t| Ok(self.scan(t)?.0))
    }

    fn unvalidated(&self, text: &str) -> Result<Vec<Candidate>> {
        Ok(self.scan(text)?.1)
    }
}

impl BankAccountRecognizer {
    /// Finds accounts in `text` as it stands (see [`Wrapping`] for values over a line break),
    /// and the accounts at a known bank whose check digit fails with no context to rescue them
    /// (see [`fail_closed`]).
    fn scan(&self, text: &str) -> Result<(Vec<Candidate>, Vec<Candidate>)> {
        let joiner = compiled(self.name(), &JOINER)?;
        let mut found: Vec<Candidate> = Vec::new();
        let mut unvalidated: Vec<Candidate> = Vec::new();
        let mut next_free = 0;
        for m in compiled(self.name(), &CLEARING)?.find_iter(text) {
            let start = m.start();
            if start < next_free
                || continues_token(text, start)
                || text[m.end()..].starts_with(|c: char| c.is_ascii_digit())
            {
                continue;
            }
            let number: u16 = m.as_str().parse().unwrap_or_default();
            let bank = bank_of(number);
            let Some(reading) = best_reading(text, m.end(), m.as_str(), bank, joiner) else {
                continue;
            };
            let support = context(text, start, CONTEXT, CONTRADICT, WINDOW_CHARS).or_else(|| {
                hit_after(text, reading.account_end, CONTEXT, AFTER_WINDOW_CHARS)
                    .map(|h| Ok(h.word))
            });
            let word = match support {
                Some(Err(_)) => continue,
                Some(Ok(word)) => Some(word),
                None => None,
            };
            let year_like = (1900..=2099).contains(&number);
            let Some((score, reason)) = judge(bank, reading.valid, word, year_like) else {
                if let Some(b) = bank.filter(|_| !reading.valid && !reading.labelled) {
                    let problem = format!("{} account check digit does not match", b.name);
                    unvalidated.push(candidate(
                        Entity::BankAccount,
                        start,
                        reading.account_end,
                        SCORE_UNKNOWN_IN_CONTEXT,
                        fail_closed::unvalidated(SHAPE, &problem),
                    ));
                }
                continue;
            };
            next_free = reading.account_end;
            if reading.labelled {
                found.push(candidate(
                    Entity::BankAccount,
                    start,
                    reading.clearing_end,
                    score,
                    format!("clearing number; {reason}"),
                ));
                found.push(candidate(
                    Entity::BankAccount,
                    reading.account_start,
                    reading.account_end,
                    score,
                    format!("account number; {reason}"),
                ));
            } else {
                found.push(candidate(
                    Entity::BankAccount,
                    start,
                    reading.account_end,
                    score,
                    reason,
                ));
            }
        }
        self.accounts_alone(text, &mut found)?;
        Ok((found, unvalidated))
    }

    /// Adds account numbers written after their label without a clearing number.
    fn accounts_alone(&self, text: &str, found: &mut Vec<Candidate>) -> Result<()> {
        for caps in compiled(self.name(), &LABELLED_ACCOUNT)?.captures_iter(text) {
            let (Some(label), Some(first)) = (caps.name("w"), caps.name("n")) else {
                continue;
            };
            let start = first.start();
            if !at_word_start(text, label.start())
                || found.iter().any(|c| c.start <= start && start < c.end)
            {
                continue;
            }
            let groups = DigitGroups::read(text, start, &[' ', '\u{a0}', '-'], 12);
            let digits = groups.digits(groups.len()).len();
            let Some(&end) = groups.ends.last() else {
                continue;
            };
            if !(6..=12).contains(&digits) || followed_by_alphanumeric(text, end) {
                continue;
            }
            let word = label.as_str().to_lowercase();
            found.push(candidate(
                Entity::BankAccount,
                start,
                end,
                SCORE_UNKNOWN_IN_CONTEXT,
                format!("account number after '{word}', without a clearing number"),
            ));
        }
        Ok(())
    }
}

/// The best reading of the account after a clearing number ending at `clearing_end` (trying
/// Swedbank's fifth clearing digit both ways), among those of a plausible length: all the digit
/// groups written there, valid if possible, else the longest valid one, else the longest.
///
/// All the groups come before a shorter valid reading: in `8125-8, 318 105 286-1` (an old
/// Swedbank account that fails the check) `318105` passes Luhn by chance, one time in ten,
/// and taking it would leave `286-1` readable.
fn best_reading(
    text: &str,
    clearing_end: usize,
    clearing: &str,
    bank: Option<&Bank>,
    joiner: &Regex,
) -> Option<Reading> {
    let mut ends = vec![clearing_end];
    // Swedbank's `8327-9`: the fifth digit is the clearing number's own check digit.
    if bank.is_some_and(|b| b.from >= 8000 && b.to <= 8999) {
        let rest = &text[clearing_end..];
        let skip = rest.len() - rest.trim_start_matches([' ', '-', '\u{2013}']).len();
        let after = &rest[skip..];
        if skip <= 2
            && after.starts_with(|c: char| c.is_ascii_digit())
            && !after[1..].starts_with(|c: char| c.is_ascii_digit())
        {
            ends.insert(0, clearing_end + skip + 1);
        }
    }
    let mut readings: Vec<Reading> = Vec::new();
    for clearing_end in ends {
        let Some(join) = joiner.captures(&text[clearing_end..]) else {
            continue;
        };
        let (Some(whole), labelled) = (join.get(0), join.name("label").is_some()) else {
            continue;
        };
        let account_start = clearing_end + whole.end();
        if !text[account_start..].starts_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        let groups = DigitGroups::read(text, account_start, &[' ', '\u{a0}', '-', '\u{2013}'], 12);
        for n in (1..=groups.len()).rev() {
            let account = groups.digits(n);
            let account_end = groups.ends[n - 1];
            if followed_by_alphanumeric(text, account_end) {
                continue;
            }
            let plausible = match bank {
                Some(b) => b.rule.account_digits().contains(&account.len()),
                None => (7..=10).contains(&account.len()),
            };
            if !plausible {
                continue;
            }
            let valid =
                bank.is_some_and(|b| b.rule.is_valid(clearing.as_bytes(), &digits_of(&account)));
            let reading = Reading {
                clearing_end,
                account_start,
                account_end,
                labelled,
                valid,
                whole: n == groups.len(),
            };
            readings.push(reading);
        }
    }
    let preferences: [fn(&Reading) -> bool; 4] =
        [|r| r.whole && r.valid, |r| r.whole, |r| r.valid, |_| true];
    let best = preferences
        .into_iter()
        .find_map(|prefer| readings.iter().position(prefer))?;
    Some(readings.swap_remove(best))
}

/// The score and reason of a reading, or `None` when it is not proposed.
fn judge(
    bank: Option<&Bank>,
    valid: bool,
    word: Option<&str>,
    year_like: bool,
) -> Option<(f32, String)> {
    let after = word.map(|w| format!("; after '{w}'")).unwrap_or_default();
    match (bank, valid, word) {
        (Some(b), true, Some(_)) => Some((
            SCORE_VALID_IN_CONTEXT,
            format!("{} account with valid check digit{after}", b.name),
        )),
        (Some(b), true, None) if year_like => Some((
            SCORE_YEAR_LIKE,
            format!(
                "{} account with valid check digit, but the clearing number looks like a year",
                b.name
            ),
        )),
        (Some(b), true, None) => Some((
            SCORE_VALID,
            format!("{} account with valid check digit", b.name),
        )),
        (Some(b), false, Some(w)) => Some((
            SCORE_CHECKSUM_IN_CONTEXT,
            fail_closed::after_word(
                SHAPE,
                &format!("{} account check digit does not match", b.name),
                w,
            ),
        )),
        (None, _, Some(_)) => Some((
            SCORE_UNKNOWN_IN_CONTEXT,
            format!("clearing and account number of unknown bank{after}"),
        )),
        (_, _, None) => None,
    }
}

#[cfg(test)]
mod tests;
