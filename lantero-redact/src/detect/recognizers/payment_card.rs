//! `PAYMENT_CARD`: payment card numbers (PAN).
//!
//! Pattern: 13 to 19 digits, compact or in groups joined by single spaces or dashes
//! (`4111 1111 1111 1111`, `3782-822463-10005`).
//!
//! Validator: the Luhn check digit, and an issuer prefix (IIN) from [`ISSUERS`] with a length
//! that issuer uses. When a run of groups is longer than a card number (the card followed by an
//! expiry date or another number), the longest valid run of whole groups is taken. A Luhn-valid
//! number with an unknown prefix is proposed only after a context word. A number of a known
//! issuer that fails Luhn (a typo) is proposed with a low score after a context word or a
//! person's name (see [`fail_closed`]).
//!
//! Context: `kort`, `kortnummer`, `betalkort`, `visa`, `mastercard`, … raise the score; `ocr`,
//! `referens`, `faktura`, … nearer than those lower it (OCR numbers carry Luhn digits too).
//!
//! A number wrapped over a line break (`4111 1111⏎1111 1111`) is found whole when it passes
//! Luhn and has a known issuer (see `linebreak`).

use lantero_core::identifiers::luhn;
use regex::Regex;

use super::common::{
    DigitGroups, Pattern, candidate, compiled, context, continues_token, followed_by_alphanumeric,
    is_separator,
};
use super::linebreak::{DIGIT_JOINTS, Wrapping};
use crate::Result;
use crate::detect::context::WINDOW_CHARS;
use crate::detect::{Candidate, Entity, Recognizer, fail_closed};

/// Words that announce a card number.
pub const CONTEXT: &[&str] = &[
    "kort",
    "kortet",
    "kortnummer",
    "kortnr",
    "betalkort",
    "kreditkort",
    "bankkort",
    "företagskort",
    "inköpskort",
    "kontokort",
    "visa",
    "mastercard",
    "maestro",
    "amex",
    "american express",
    "card",
];

/// Words that announce some other Luhn-checked number.
pub const CONTRADICT: &[&str] = &["ocr", "referens", "faktura", "kundnummer", "iban"];

/// Issuer prefixes: (first digits from, to, inclusive; card lengths; issuer).
pub const ISSUERS: &[(u32, u32, &[usize], &str)] = &[
    (4, 4, &[13, 16, 19], "Visa"),
    (51, 55, &[16], "Mastercard"),
    (2221, 2720, &[16], "Mastercard"),
    (34, 34, &[15], "American Express"),
    (37, 37, &[15], "American Express"),
    (6011, 6011, &[16, 17, 18, 19], "Discover"),
    (644, 649, &[16, 17, 18, 19], "Discover"),
    (65, 65, &[16, 17, 18, 19], "Discover"),
    (3528, 3589, &[16, 17, 18, 19], "JCB"),
    (300, 305, &[14, 15, 16, 17, 18, 19], "Diners Club"),
    (36, 36, &[14, 15, 16, 17, 18, 19], "Diners Club"),
    (38, 39, &[14, 15, 16, 17, 18, 19], "Diners Club"),
    (62, 62, &[16, 17, 18, 19], "UnionPay"),
    (2200, 2204, &[16, 17, 18, 19], "Mir"),
    (50, 50, &[13, 14, 15, 16, 17, 18, 19], "Maestro"),
    (56, 58, &[13, 14, 15, 16, 17, 18, 19], "Maestro"),
    (6304, 6304, &[13, 14, 15, 16, 17, 18, 19], "Maestro"),
    (6759, 6759, &[13, 14, 15, 16, 17, 18, 19], "Maestro"),
    (6761, 6763, &[13, 14, 15, 16, 17, 18, 19], "Maestro"),
];

/// Score of a Luhn-valid number with a known issuer prefix.
pub const SCORE_VALID: f32 = 0.9;
/// Score of a valid number after a context word.
pub const SCORE_VALID_IN_CONTEXT: f32 = 0.99;
/// Score of a Luhn-valid number with an unknown prefix after a context word.
pub const SCORE_UNKNOWN_ISSUER_IN_CONTEXT: f32 = 0.6;
/// Score of a number of a known issuer that fails Luhn (a typo), after a context word.
pub const SCORE_CHECKSUM_IN_CONTEXT: f32 = 0.5;
/// Score of a valid number after a word that says it is some other number.
pub const SCORE_CONTRADICTED: f32 = 0.4;

/// What the fail-closed reasons call a number of this shape.
const SHAPE: &str = "card number";

/// A wrapped card must be a known issuer's and pass Luhn, whatever the context: two lines of
/// digits pass Luhn by chance one time in ten.
const WRAPPING: Wrapping = Wrapping {
    joints: DIGIT_JOINTS,
    min_score: SCORE_VALID,
    beside: None,
};

static START: Pattern = Pattern::new(|| Regex::new(r"\d(?:[ \u{a0}-]?\d){12,}").ok());

/// Finds payment card numbers.
///
/// ```
/// use lantero_redact::detect::Recognizer;
/// use lantero_redact::detect::recognizers::PaymentCardRecognizer;
///
/// let text = "Kortnummer 4111 1111 1111 1111, giltigt 04/29";
/// let found = PaymentCardRecognizer.recognize(text)?;
/// assert_eq!(&text[found[0].start..found[0].end], "4111 1111 1111 1111");
/// assert!(found[0].reason.contains("Visa"));
/// # Ok::<(), lantero_redact::Error>(())
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct PaymentCardRecognizer;

impl Recognizer for PaymentCardRecognizer {
    fn name(&self) -> &str {
        "payment-card"
    }

    fn entities(&self) -> &[Entity] {
        &[Entity::PaymentCard]
    }

    fn recognize(&self, text: &str) -> Result<Vec<Candidate>> {
        WRAPPING.recognize(text, |t| Ok(self.scan(t)?.0))
    }

    fn unvalidated(&self, text: &str) -> Result<Vec<Candidate>> {
        Ok(self.scan(text)?.1)
    }
}

impl PaymentCardRecognizer {
    /// Finds card numbers in `text` as it stands (see [`Wrapping`] for values over a line
    /// break), and the numbers of a known issuer's prefix and length that fail Luhn with no
    /// context to rescue them (see [`fail_closed`]).
    fn scan(&self, text: &str) -> Result<(Vec<Candidate>, Vec<Candidate>)> {
        let start_pattern = compiled(self.name(), &START)?;
        let mut found = Vec::new();
        let mut unvalidated = Vec::new();
        let mut from = 0;
        // A number glued to what comes before is skipped whole, except right after a card,
        // so that two cards written in a row are both found.
        let mut after_card = None;
        while let Some(m) = start_pattern.find_at(text, from) {
            let follows_card =
                after_card.is_some_and(|e: usize| text[e..m.start()].chars().all(is_separator));
            from = m.end();
            if continues_token(text, m.start()) && !follows_card {
                continue;
            }
            let groups = DigitGroups::read(text, m.start(), &[' ', '\u{a0}', '-'], 19);
            let Some((end, issuer)) = (1..=groups.len()).rev().find_map(|n| {
                let digits = groups.digits(n);
                let end = groups.ends[n - 1];
                ((13..=19).contains(&digits.len())
                    && luhn::is_valid(digits.as_bytes())
                    && !followed_by_alphanumeric(text, end))
                .then(|| (end, issuer(&digits)))
            }) else {
                if let Some(shape) = failing_luhn(text, m.start(), &groups) {
                    match context(text, m.start(), CONTEXT, CONTRADICT, WINDOW_CHARS) {
                        Some(Ok(word)) => found.push(Candidate {
                            score: SCORE_CHECKSUM_IN_CONTEXT,
                            reason: fail_closed::after_word(SHAPE, &shape.reason, word),
                            ..shape
                        }),
                        None => unvalidated.push(Candidate {
                            reason: fail_closed::unvalidated(SHAPE, &shape.reason),
                            ..shape
                        }),
                        Some(Err(_)) => {}
                    }
                }
                continue;
            };
            let (score, reason) = match (
                issuer,
                context(text, m.start(), CONTEXT, CONTRADICT, WINDOW_CHARS),
            ) {
                (Some(name), Some(Ok(word))) => (
                    SCORE_VALID_IN_CONTEXT,
                    format!("valid {name} card number (Luhn); after '{word}'"),
                ),
                (Some(name), None) => (SCORE_VALID, format!("valid {name} card number (Luhn)")),
                (Some(name), Some(Err(word))) => (
                    SCORE_CONTRADICTED,
                    format!("valid {name} card number (Luhn), but after '{word}'"),
                ),
                (None, Some(Ok(word))) => (
                    SCORE_UNKNOWN_ISSUER_IN_CONTEXT,
                    format!("Luhn-valid number of unknown issuer; after '{word}'"),
                ),
                (None, _) => continue,
            };
            found.push(candidate(
                Entity::PaymentCard,
                m.start(),
                end,
                score,
                reason,
            ));
            from = end;
            after_card = Some(end);
        }
        Ok((found, unvalidated))
    }
}

/// All the digit groups at `start` as one number of a known issuer's prefix and length that
/// fails Luhn (a typo in a card number), with the problem as its reason.
fn failing_luhn(text: &str, start: usize, groups: &DigitGroups) -> Option<Candidate> {
    let n = groups.len();
    let digits = groups.digits(n);
    let end = *groups.ends.last()?;
    if !(13..=19).contains(&digits.len()) || followed_by_alphanumeric(text, end) {
        return None;
    }
    let name = issuer(&digits)?;
    Some(candidate(
        Entity::PaymentCard,
        start,
        end,
        fail_closed::SCORE_BESIDE_NAME,
        format!("{name} Luhn check digit does not match"),
    ))
}

/// The issuer whose prefix and length fit `digits`.
fn issuer(digits: &str) -> Option<&'static str> {
    ISSUERS.iter().find_map(|&(from, to, lengths, name)| {
        let width = from.to_string().len();
        let prefix: u32 = digits.get(..width)?.parse().ok()?;
        ((from..=to).contains(&prefix) && lengths.contains(&digits.len())).then_some(name)
    })
}

#[cfg(test)]
mod tests;
