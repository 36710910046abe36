//! Values wrapped over two lines: `konto 8125-8, 318⏎105 286-1`.
//!
//! A page's text separates visual lines with `\n`, and letters wrap account numbers, IBANs and
//! addresses wherever the line ends, so a recognizer that reads one line at a time leaves both
//! halves readable. Rather than teach every pattern about line breaks (as the personnummer
//! pattern does inline), a recognizer hands its one-line search to [`Wrapping::recognize`],
//! which also runs it over a *joined view* of the text, where every line break (with the spaces
//! and tabs around it) is replaced by a joint, and maps what spans a break back to the original
//! text. The finding then covers the `\n`, so the mask boxes cover both lines.
//!
//! A bare line break may stand for a space (a wrap between digit groups or words) or for
//! nothing (a wrap inside a token, `5000 00⏎00`), so a recognizer lists the joints its values
//! allow and each gets its own view. A line-end hyphen stays in the text: it joins the halves
//! where the format has one (`8125-⏎8`) and stops the match where it has none.
//!
//! A joined value is held to a stricter standard than one on a single line, because the end
//! of one line and the start of the next are often unrelated (a table prints numbers in
//! columns, so the last cell of a row stands right before the first cell of the next):
//! - it may run over one line break only;
//! - its score must reach the recognizer's `min_score`, i.e. its validator passes (a check
//!   digit, a phone number's length) or a context word supports it;
//! - the second half must end the number on its line: a separator and more digits after it, or
//!   a column gap and another cell, mean the line holds something else;
//! - it replaces one-line findings it contains (`08-123 456⏎78`: the first line alone is a
//!   valid but shorter number), and gives way to one it only overlaps.

use std::ops::Range;

use super::common::is_separator;
use crate::Result;
use crate::detect::Candidate;

/// How a recognizer's values may wrap over a line break.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Wrapping {
    /// What a line break may stand for inside a value, each tried in its own view: `" "` (a
    /// separator or word space) and `""` (nothing).
    pub(crate) joints: &'static [&'static str],
    /// The lowest score a wrapped value may have: the score of a value that validates, so that
    /// a failed check digit or a missing context word does not join two unrelated lines.
    pub(crate) min_score: f32,
    /// Characters one of which must stand right before or after the break (an e-mail address
    /// wraps after `.`, `@` or `-`), or `None` when the break may fall anywhere.
    pub(crate) beside: Option<&'static [char]>,
}

/// Digits in groups (accounts, cards, phones, giro numbers, IBANs): a break may fall between
/// groups or inside one.
pub(crate) const DIGIT_JOINTS: &[&str] = &[" ", ""];

impl Wrapping {
    /// The findings of `find` in `text`, plus the values it finds when they are wrapped over
    /// one line break. `find` is the recognizer's search over text as it stands.
    pub(crate) fn recognize(
        &self,
        text: &str,
        find: impl Fn(&str) -> Result<Vec<Candidate>>,
    ) -> Result<Vec<Candidate>> {
        let mut found = find(text)?;
        let breaks = breaks(text);
        if breaks.is_empty() {
            return Ok(found);
        }
        let mut wrapped: Vec<Candidate> = Vec::new();
        for joint in self.joints {
            let view = Joined::new(text, &breaks, joint);
            for mut c in find(&view.text)? {
                (c.start, c.end) = (view.original_start(c.start), view.original_end(c.end));
                if c.start < c.end && self.accepts(text, &breaks, &c) {
                    wrapped.push(c);
                }
            }
        }
        // The longest first, so that of two views' readings of one place the fuller is kept.
        wrapped.sort_by_key(|c| (c.start, std::cmp::Reverse(c.end)));
        for mut c in wrapped {
            let overlaps = |o: &Candidate| o.start < c.end && c.start < o.end;
            if found
                .iter()
                .any(|o| overlaps(o) && !(c.start <= o.start && o.end <= c.end))
            {
                continue;
            }
            found.retain(|o| !overlaps(o));
            c.reason.push_str("; wrapped over a line break");
            found.push(c);
        }
        found.sort_by_key(|c| (c.start, c.end));
        Ok(found)
    }

    /// Whether a value found in a joined view, at `c.start..c.end` of the original text, is
    /// the two halves of one value.
    fn accepts(&self, text: &str, breaks: &[Range<usize>], c: &Candidate) -> bool {
        let inside: Vec<&Range<usize>> = breaks
            .iter()
            .filter(|b| c.start < b.start && b.end < c.end)
            .collect();
        let [line_break] = inside.as_slice() else {
            return false;
        };
        let beside_ok = self.beside.is_none_or(|chars| {
            let before = text[..line_break.start].chars().next_back();
            let after = text[line_break.end..].chars().next();
            [before, after]
                .into_iter()
                .any(|c| c.is_some_and(|c| chars.contains(&c)))
        });
        c.score >= self.min_score && beside_ok && ends_its_line_cleanly(text, c.end)
    }
}

/// Whether what follows a wrapped value's second half on its line is neither more digits (the
/// line holds a longer number) nor a column gap and another cell (the line is a table row).
fn ends_its_line_cleanly(text: &str, end: usize) -> bool {
    let rest = text[end..].split('\n').next().unwrap_or_default();
    let mut chars = rest.chars();
    let more_digits =
        chars.next().is_some_and(is_separator) && chars.next().is_some_and(|c| c.is_ascii_digit());
    let gap = rest.len() - rest.trim_start_matches([' ', '\u{a0}']).len();
    let next_cell = (rest.starts_with('\t') || gap >= 2) && !rest.trim().is_empty();
    !more_digits && !next_cell
}

/// The line breaks of `text` with the spaces and tabs around them (and a `\r` before), as byte
/// ranges, in order.
fn breaks(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut found: Vec<Range<usize>> = Vec::new();
    let blank = |b: u8| matches!(b, b' ' | b'\t' | b'\r');
    for (at, _) in text.match_indices('\n') {
        let floor = found.last().map_or(0, |b| b.end);
        let mut start = at;
        while start > floor && blank(bytes[start - 1]) {
            start -= 1;
        }
        let mut end = at + 1;
        while end < bytes.len() && matches!(bytes[end], b' ' | b'\t') {
            end += 1;
        }
        found.push(start..end);
    }
    found
}

/// The text with every line break replaced by one joint, and how to map offsets back.
struct Joined {
    text: String,
    /// Per break: where its joint starts in the joined text, and its range in the original.
    seams: Vec<(usize, Range<usize>)>,
    joint_len: usize,
}

impl Joined {
    fn new(original: &str, breaks: &[Range<usize>], joint: &str) -> Self {
        let mut text = String::with_capacity(original.len());
        let mut seams = Vec::with_capacity(breaks.len());
        let mut from = 0;
        for b in breaks {
            text.push_str(&original[from..b.start]);
            seams.push((text.len(), b.clone()));
            text.push_str(joint);
            from = b.end;
        }
        text.push_str(&original[from..]);
        Self {
            text,
            seams,
            joint_len: joint.len(),
        }
    }

    /// Where a value starting at joined offset `at` starts in the original: at a joint, after
    /// the line break.
    fn original_start(&self, at: usize) -> usize {
        let n = self.seams.partition_point(|(j, _)| *j <= at);
        match n.checked_sub(1).map(|i| &self.seams[i]) {
            None => at,
            Some((j, b)) => b.end + at.saturating_sub(j + self.joint_len),
        }
    }

    /// Where a value ending at joined offset `at` ends in the original: at a joint, before the
    /// line break.
    fn original_end(&self, at: usize) -> usize {
        let n = self.seams.partition_point(|(j, _)| *j < at);
        match n.checked_sub(1).map(|i| &self.seams[i]) {
            None => at,
            Some((j, b)) if at <= j + self.joint_len => b.start,
            Some((j, b)) => b.end + (at - j - self.joint_len),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::Entity;
    use crate::detect::recognizers::common::candidate;

    #[test]
    fn breaks_take_the_spaces_around_them() {
        assert_eq!(breaks("ab \n cd\r\n\nx"), [2..5, 7..9, 9..10]);
        assert!(breaks("one line").is_empty());
    }

    #[test]
    fn offsets_map_back_over_every_joint() {
        let text = "a 12 \n 34 b\nc";
        let b = breaks(text);
        for joint in [" ", ""] {
            let view = Joined::new(text, &b, joint);
            let start = view.text.find("12").unwrap();
            let end = view.text.find("34").unwrap() + 2;
            assert_eq!((view.original_start(start), view.original_end(end)), (2, 9));
            let c = view.text.find('c').unwrap();
            assert_eq!(view.original_start(c), 12, "{joint:?}");
            assert_eq!(view.original_end(view.text.len()), text.len());
        }
    }

    /// A stand-in recognizer: digit groups joined by single spaces, eight digits or more.
    fn digits(text: &str) -> Result<Vec<Candidate>> {
        let groups = regex::Regex::new(r"\d+(?: \d+)*").unwrap();
        Ok(groups
            .find_iter(text)
            .filter(|m| m.as_str().bytes().filter(u8::is_ascii_digit).count() >= 8)
            .map(|m| candidate(Entity::Phone, m.start(), m.end(), 0.9, "digits"))
            .collect())
    }

    fn spans(text: &str, wrapping: Wrapping) -> Vec<&str> {
        let found = wrapping.recognize(text, digits).unwrap();
        found.iter().map(|c| &text[c.start..c.end]).collect()
    }

    const ANY: Wrapping = Wrapping {
        joints: DIGIT_JOINTS,
        min_score: 0.5,
        beside: None,
    };

    #[test]
    fn one_break_is_joined_and_two_are_not() {
        assert_eq!(spans("nr 1234\n5678 slut", ANY), ["1234\n5678"]);
        assert_eq!(spans("nr 12\n34\n5678", ANY), Vec::<&str>::new());
        assert_eq!(spans("nr 12345678\nslut", ANY), ["12345678"]);
    }

    #[test]
    fn strictness_is_enforced() {
        let strict = Wrapping {
            min_score: 0.95,
            ..ANY
        };
        assert_eq!(spans("nr 1234\n5678", strict), Vec::<&str>::new());
        let beside = Wrapping {
            beside: Some(&['-']),
            ..ANY
        };
        assert_eq!(spans("nr 1234\n5678", beside), Vec::<&str>::new());
        // A table row: the next line goes on with another cell after a column gap, or the
        // number on it goes on.
        assert_eq!(spans("ab  1234\n5678    9 000", ANY), Vec::<&str>::new());
        assert_eq!(spans("ab 1234\n5678-9 000", ANY), Vec::<&str>::new());
    }

    /// The three values released readable, through the detector onto a page with a box per
    /// char: each finding's text is the original slice with its `\n`, and its mask has a box
    /// on each of the two lines.
    #[test]
    fn wrapped_findings_mask_both_lines() {
        use std::sync::Arc;

        use crate::detect::Detector;
        use crate::detect::recognizers::{
            BankAccountRecognizer, IbanRecognizer, VehicleRegistrationRecognizer,
        };
        use crate::document::Page;

        let text = "Utbetalning till konto 8125-8, 318\n105 286-1 och IBAN SE45 5000 0000 0583\n\
                    9825 7466. Bilen med reg.nr KTF\n38C stod kvar.";
        let mut detector = Detector::with_recognizers(lantero_core::registry::Registry::new("r"));
        detector.add_recognizer(Arc::new(BankAccountRecognizer));
        detector.add_recognizer(Arc::new(IbanRecognizer));
        detector.add_recognizer(Arc::new(VehicleRegistrationRecognizer));
        // One 6 × 12 pt box per char, a line 20 pt below the one before.
        let (mut x, mut y) = (0.0_f32, 0.0_f32);
        let boxes = text
            .chars()
            .map(|c| {
                if c == '\n' {
                    (x, y) = (0.0, y + 20.0);
                    return None;
                }
                x += 6.0;
                Some([x - 6.0, y, x, y + 12.0])
            })
            .collect();
        let mut page = Page::blank(1, 595.0, 842.0);
        page.set_text_layer(text.to_owned(), boxes).unwrap();
        let findings = detector.detect_pages(&[text]).unwrap();
        let texts: Vec<&str> = findings.iter().map(|f| f.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "8125-8, 318\n105 286-1",
                "SE45 5000 0000 0583\n9825 7466",
                "KTF\n38C"
            ]
        );
        for f in &findings {
            let lines: Vec<f32> = page
                .boxes_for(f.start, f.end)
                .iter()
                .map(|b| b[1])
                .collect();
            assert_eq!(lines.len(), 2, "{:?}", f.text);
            assert!(lines[0] < lines[1], "{:?}", f.text);
        }
    }

    proptest::proptest! {
        /// Line breaks with spaces and hyphens around them, anywhere: every recognizer that
        /// joins lines returns spans on char boundaries of the original text.
        #[test]
        fn arbitrary_lines_never_panic(
            text in "[\\PC\n -]{0,40}([0-9SEABK@., \t-]{0,12}\r?\n){0,5}",
        ) {
            use crate::detect::Recognizer;
            use crate::detect::recognizers as r;
            let all: [&dyn Recognizer; 9] = [
                &r::BankAccountRecognizer,
                &r::IbanRecognizer,
                &r::BankgiroRecognizer,
                &r::PlusgiroRecognizer,
                &r::PaymentCardRecognizer,
                &r::PhoneRecognizer,
                &r::VehicleRegistrationRecognizer,
                &r::AddressRecognizer,
                &r::EmailRecognizer,
            ];
            for recognizer in all {
                for c in recognizer.recognize(&text).unwrap() {
                    proptest::prop_assert!(text.get(c.start..c.end).is_some());
                }
            }
        }
    }
}
