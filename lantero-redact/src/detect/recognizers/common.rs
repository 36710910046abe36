//! Helpers that several recognizers share: compiled patterns, digit groups, boundaries and
//! scoring by context.

use std::sync::LazyLock;

use regex::Regex;

use crate::detect::context::hit_before;
use crate::detect::{Candidate, Entity};
use crate::{Error, Result};

/// A pattern compiled once; `None` only if the source is wrong, which the tests catch.
pub(crate) type Pattern = LazyLock<Option<Regex>>;

/// The compiled pattern, or the recognizer's error if it did not compile.
pub(crate) fn compiled<'p>(recognizer: &str, pattern: &'p Pattern) -> Result<&'p Regex> {
    pattern.as_ref().ok_or_else(|| Error::Recognizer {
        name: recognizer.to_owned(),
        reason: "pattern failed to compile".to_owned(),
    })
}

/// The ASCII digits of `text`, in order, as bytes (the form the core check-digit functions take).
pub(crate) fn digits_of(text: &str) -> Vec<u8> {
    text.bytes().filter(u8::is_ascii_digit).collect()
}

/// A candidate of `entity` over `start..end`.
pub(crate) fn candidate(
    entity: Entity,
    start: usize,
    end: usize,
    score: f32,
    reason: impl Into<String>,
) -> Candidate {
    Candidate {
        entity,
        start,
        end,
        score,
        reason: reason.into(),
    }
}

/// Whether a number starting at `start` is really the continuation of something longer: it
/// follows a letter or digit directly (`SE45`, `2026/1187`), or a digit and one separator
/// (`5000 0000 0583`, the inside of an IBAN or a longer number).
pub(crate) fn continues_token(text: &str, start: usize) -> bool {
    let mut before = text[..start].chars().rev();
    match before.next() {
        None => false,
        Some(c) if c.is_alphanumeric() || matches!(c, '/' | '_' | '+') => true,
        // A comma or full stop ends a sentence or a list item, unless a digit precedes it
        // directly (`1,5` or `1.5` is one number).
        Some('.' | ',') => before.next().is_some_and(|p| p.is_ascii_digit()),
        // `INC-2026-0317`, `K-123456`: a dash glued to a word or number joins them.
        Some('-' | '\u{2013}') => before.next().is_some_and(char::is_alphanumeric),
        Some(c) if is_separator(c) => before.next().is_some_and(|p| p.is_ascii_digit()),
        Some(_) => false,
    }
}

/// Whether `c` is a separator inside a written number (`123 45 67`, `1234-5678`).
pub(crate) fn is_separator(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '-' | '\u{2013}')
}

/// Whether a word starts at `start`: no letter or digit directly before it.
///
/// Patterns check this in code rather than with a Unicode `\b`, which keeps the regex engine
/// on its fast path for Swedish (non-ASCII) text.
pub(crate) fn at_word_start(text: &str, start: usize) -> bool {
    !text[..start]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
}

/// Whether the characters after `end` continue a word or number (a letter or digit directly).
pub(crate) fn followed_by_alphanumeric(text: &str, end: usize) -> bool {
    text[end..]
        .chars()
        .next()
        .is_some_and(char::is_alphanumeric)
}

/// Digit groups written with single separators, such as `037 870 711-1` or `4111-1111`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DigitGroups {
    /// Byte offset where each group ends, in order.
    pub(crate) ends: Vec<usize>,
    /// The digits of each group.
    pub(crate) groups: Vec<String>,
}

impl DigitGroups {
    /// Reads groups from byte offset `start` (which must be a digit): runs of ASCII digits joined
    /// by exactly one separator from `separators`, optionally with one space on each side of a
    /// dash (`031 - 12 34 56`). Stops before anything else, and after `max_digits` digits.
    pub(crate) fn read(text: &str, start: usize, separators: &[char], max_digits: usize) -> Self {
        let bytes = text.as_bytes();
        let mut groups = Self {
            ends: Vec::new(),
            groups: Vec::new(),
        };
        let mut at = start;
        let mut total = 0;
        loop {
            let run_end = at
                + bytes[at..]
                    .iter()
                    .take_while(|b| b.is_ascii_digit())
                    .count();
            if run_end == at || total + (run_end - at) > max_digits {
                break;
            }
            total += run_end - at;
            groups.groups.push(text[at..run_end].to_owned());
            groups.ends.push(run_end);
            match next_group_start(text, run_end, separators) {
                Some(next) => at = next,
                None => break,
            }
        }
        groups
    }

    /// The digits of the first `n` groups, concatenated.
    pub(crate) fn digits(&self, n: usize) -> String {
        self.groups[..n].concat()
    }

    /// How many groups there are.
    pub(crate) fn len(&self) -> usize {
        self.groups.len()
    }
}

/// Where the next group starts after a separator at `at`, if one follows.
fn next_group_start(text: &str, at: usize, separators: &[char]) -> Option<usize> {
    let rest = &text[at..];
    let mut chars = rest.char_indices();
    let (_, first) = chars.next()?;
    if !separators.contains(&first) {
        return None;
    }
    let mut offset = first.len_utf8();
    // " - " around a dash.
    if first == ' ' {
        let after = &rest[offset..];
        if let Some(dash) = after
            .chars()
            .next()
            .filter(|c| matches!(c, '-' | '\u{2013}'))
            && separators.contains(&dash)
            && after[dash.len_utf8()..].starts_with(' ')
        {
            offset += dash.len_utf8() + 1;
        }
    } else if matches!(first, '-' | '\u{2013}') && rest[offset..].starts_with(' ') {
        offset += 1;
    }
    rest[offset..]
        .starts_with(|c: char| c.is_ascii_digit())
        .then_some(at + offset)
}

/// The closer of a supporting and a contradicting context word before `start`: `Some(Ok(word))`
/// when a supporting word is closest, `Some(Err(word))` when a contradicting one is.
pub(crate) fn context<'w>(
    text: &str,
    start: usize,
    support: &[&'w str],
    contradict: &[&'w str],
    window: usize,
) -> Option<std::result::Result<&'w str, &'w str>> {
    let good = hit_before(text, start, support, window);
    let bad = hit_before(text, start, contradict, window);
    match (good, bad) {
        (Some(g), Some(b)) if b.distance < g.distance => Some(Err(b.word)),
        (Some(g), _) => Some(Ok(g.word)),
        (None, Some(b)) => Some(Err(b.word)),
        (None, None) => None,
    }
}

/// Trailing characters that end a sentence rather than a URL or an address.
pub(crate) fn trim_trailing(text: &str, start: usize, mut end: usize, chars: &[char]) -> usize {
    while end > start {
        match text[start..end].chars().next_back() {
            Some(c) if chars.contains(&c) => end -= c.len_utf8(),
            _ => break,
        }
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_follow_single_separators() {
        let text = "nr 037 870 711-1, sedan";
        let g = DigitGroups::read(text, 3, &[' ', '-'], 20);
        assert_eq!(g.groups, ["037", "870", "711", "1"]);
        assert_eq!(&text[3..g.ends[3]], "037 870 711-1");
        let spaced = DigitGroups::read("031 - 12 34 56", 0, &[' ', '-'], 20);
        assert_eq!(spaced.digits(spaced.len()), "031123456");
        let double = DigitGroups::read("12  34", 0, &[' '], 20);
        assert_eq!(double.len(), 1);
        let capped = DigitGroups::read("1234 5678", 0, &[' '], 6);
        assert_eq!(capped.len(), 1);
    }

    #[test]
    fn continuation_is_recognised() {
        assert!(continues_token("SE45 5000", 5));
        assert!(continues_token("5000 0000", 5));
        assert!(continues_token("2026/1187", 5));
        assert!(continues_token("x1", 1));
        assert!(!continues_token("tel 08", 4));
        assert!(!continues_token("slut. 08", 6));
        assert!(continues_token("1.08", 2));
        assert!(!continues_token("", 0));
        assert!(continues_token("INC-0317", 4));
        assert!(!continues_token("tel - 08", 6));
    }

    #[test]
    fn context_picks_the_closer_side() {
        let text = "tel 1, ocr 2";
        assert_eq!(context(text, 11, &["tel"], &["ocr"], 40), Some(Err("ocr")));
        assert_eq!(context(text, 4, &["tel"], &["ocr"], 40), Some(Ok("tel")));
        assert_eq!(context("x", 1, &["tel"], &["ocr"], 40), None);
    }

    #[test]
    fn trailing_punctuation_is_trimmed() {
        let t = "www.a.se).";
        assert_eq!(trim_trailing(t, 0, t.len(), &['.', ')']), 8);
    }
}
