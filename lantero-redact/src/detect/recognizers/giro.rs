//! What bankgiro and plusgiro numbers share: Luhn check digits, and a context word that must
//! precede them because their short digit patterns are far too common on their own. A number
//! wrapped over a line break (`5050-⏎1055`) is found whole when its check digit passes (see
//! `linebreak`).

use lantero_core::identifiers::luhn;

use super::common::{Pattern, candidate, compiled, context, continues_token, digits_of};
use super::linebreak::{DIGIT_JOINTS, Wrapping};
use crate::Result;
use crate::detect::context::WINDOW_CHARS;
use crate::detect::{Candidate, Entity};

/// Score of a number with a valid check digit after a context word.
pub const SCORE_VALID_IN_CONTEXT: f32 = 0.97;
/// Score of a dashed number whose check digit fails, after a context word.
pub const SCORE_CHECKSUM_IN_CONTEXT: f32 = 0.5;

/// A wrapped giro number must pass Luhn as well as follow its context word: a dashed number
/// that fails is only a hint on one line, and across two it is more likely two numbers.
const WRAPPING: Wrapping = Wrapping {
    joints: DIGIT_JOINTS,
    min_score: SCORE_VALID_IN_CONTEXT,
    beside: None,
};

/// How close (in characters) a context word must be to a number written without a dash.
const COMPACT_WINDOW_CHARS: usize = 16;

/// One kind of giro number.
pub(crate) struct Giro {
    /// The recognizer's name, for errors.
    pub(crate) recognizer: &'static str,
    /// The entity it finds.
    pub(crate) entity: Entity,
    /// What it is called in reasons, e.g. `"bankgiro number"`.
    pub(crate) what: &'static str,
    /// Its written forms.
    pub(crate) pattern: &'static Pattern,
    /// Its context words.
    pub(crate) context: &'static [&'static str],
    /// The other kind's context words: a number nearer to those belongs to the other kind.
    pub(crate) other: &'static [&'static str],
}

impl Giro {
    /// Finds this kind of giro number in `text`.
    pub(crate) fn recognize(&self, text: &str) -> Result<Vec<Candidate>> {
        WRAPPING.recognize(text, |t| self.find(t))
    }

    /// Finds this kind of giro number in `text` as it stands.
    fn find(&self, text: &str) -> Result<Vec<Candidate>> {
        let mut found = Vec::new();
        for m in compiled(self.recognizer, self.pattern)?.find_iter(text) {
            let (start, end) = (m.start(), m.end());
            if continues_token(text, start) || continued(text, end) {
                continue;
            }
            let dashed = m.as_str().contains('-');
            let window = if dashed {
                WINDOW_CHARS
            } else {
                COMPACT_WINDOW_CHARS
            };
            let Some(Ok(word)) = context(text, start, self.context, self.other, window) else {
                continue;
            };
            let what = self.what;
            let (score, reason) = if luhn::is_valid(&digits_of(m.as_str())) {
                (
                    SCORE_VALID_IN_CONTEXT,
                    format!("valid {what} (Luhn); after '{word}'"),
                )
            } else if dashed {
                (
                    SCORE_CHECKSUM_IN_CONTEXT,
                    format!("{what} check digit does not match, but after '{word}'"),
                )
            } else {
                continue;
            };
            found.push(candidate(self.entity, start, end, score, reason));
        }
        Ok(found)
    }
}

/// Whether the number goes on after `end` (`123-4567-8`, `12 34`).
fn continued(text: &str, end: usize) -> bool {
    let mut after = text[end..].chars();
    match after.next() {
        Some(c) if c.is_alphanumeric() => true,
        Some('-' | ' ' | '\u{a0}') => after.next().is_some_and(|c| c.is_ascii_digit()),
        _ => false,
    }
}
