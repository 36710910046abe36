//! A page's text layer: its text in reading order with one optional box per char, built from
//! PDFium's chars or from OCR words, and merged back into one box per line for a span.

use serde::{Deserialize, Serialize};

use super::Rect;
use super::geometry::{gap, has_area, overlap, union};

/// A recognised word with its box, as an OCR engine reports it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Word {
    /// The word's text (no whitespace inside).
    pub text: String,
    /// Its box in PDF points, origin top-left, on the page as displayed.
    pub rect: Rect,
}

/// Builds text and boxes side by side, so that `boxes[i]` always belongs to the `i`-th char.
#[derive(Debug, Default)]
pub(crate) struct TextBuilder {
    text: String,
    boxes: Vec<Option<Rect>>,
    after_carriage_return: bool,
}

impl TextBuilder {
    /// Appends one char. PDFium ends lines with `"\r\n"`; it becomes one `'\n'` so that detectors
    /// see ordinary text and offsets stay short.
    pub(crate) fn push(&mut self, c: char, rect: Option<Rect>) {
        let after_carriage_return = std::mem::replace(&mut self.after_carriage_return, c == '\r');
        match c {
            '\n' if after_carriage_return => {}
            '\r' => self.push_raw('\n', None),
            c => self.push_raw(c, rect.filter(has_area)),
        }
    }

    fn push_raw(&mut self, c: char, rect: Option<Rect>) {
        self.text.push(c);
        self.boxes.push(rect);
    }

    /// The text and its per-char boxes.
    pub(crate) fn finish(self) -> (String, Vec<Option<Rect>>) {
        (self.text, self.boxes)
    }
}

/// Lays out OCR words as text: a space between words on one line, a newline where a word starts
/// below the previous one. Each char gets an equal slice of its word's box, which is as precise
/// as OCR boxes are.
pub(crate) fn from_words(words: &[Word]) -> (String, Vec<Option<Rect>>) {
    let mut builder = TextBuilder::default();
    let mut previous: Option<Rect> = None;
    for word in words {
        let chars: Vec<char> = word.text.chars().filter(|c| !c.is_whitespace()).collect();
        if chars.is_empty() {
            continue;
        }
        if let Some(prev) = previous {
            let centre = (word.rect[1] + word.rect[3]) / 2.0;
            let separator = if centre > prev[3] || centre < prev[1] {
                '\n'
            } else {
                ' '
            };
            builder.push(separator, None);
        }
        let [x0, y0, x1, y1] = word.rect;
        let step = (x1 - x0) / chars.len() as f32;
        for (i, c) in chars.into_iter().enumerate() {
            let left = x0 + step * i as f32;
            builder.push(c, Some([left, y0, left + step, y1]));
        }
        previous = Some(word.rect);
    }
    builder.finish()
}

/// Merges the boxes of consecutive chars into one rectangle per line fragment.
///
/// Chars join the current fragment when they sit beside it on the same line (or below it in
/// the same column, for vertical text such as a page turned by `/Rotate`) with at most a word
/// gap between. Whitespace and chars without a box contribute nothing; a newline ends a fragment.
pub(crate) fn merge_per_line<'a>(
    chars: impl Iterator<Item = (char, &'a Option<Rect>)>,
) -> Vec<Rect> {
    let mut fragments = Vec::new();
    let mut current: Option<Rect> = None;
    for (c, rect) in chars {
        if c == '\n' {
            fragments.extend(current.take());
            continue;
        }
        let Some(rect) = rect.filter(|r| !c.is_whitespace() && has_area(r)) else {
            continue;
        };
        current = Some(match current {
            Some(open) if continues(&open, &rect) => union(open, rect),
            Some(open) => {
                fragments.push(open);
                rect
            }
            None => rect,
        });
    }
    fragments.extend(current);
    fragments
}

/// Whether `next` continues the fragment `open`, along a row or down a column.
fn continues(open: &Rect, next: &Rect) -> bool {
    let turn = |[x0, y0, x1, y1]: Rect| [y0, x0, y1, x1];
    in_row(open, next) || in_row(&turn(*open), &turn(*next))
}

/// Whether `next` continues `open` along a row: no further than two of its own heights away,
/// and overlapping it by half the smaller height, or at all when one of them is a
/// punctuation-sized box (a comma or a full stop sits lower and is shorter than the letters,
/// yet is part of the line; split off, it would be masked on its own).
fn in_row(open: &Rect, next: &Rect) -> bool {
    let [ox0, oy0, ox1, oy1] = *open;
    let [nx0, ny0, nx1, ny1] = *next;
    let (open_height, height) = (oy1 - oy0, ny1 - ny0);
    let (small, large) = (height.min(open_height), height.max(open_height));
    let shared = overlap(oy0, oy1, ny0, ny1);
    let on_line = shared >= 0.5 * small || (shared > 0.0 && small <= PUNCTUATION * large);
    on_line && gap(ox0, ox1, nx0, nx1) <= 2.0 * height
}

/// A box at most this fraction of its line's height is punctuation-sized.
const PUNCTUATION: f32 = 0.6;

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn glyph(x: f32, y: f32) -> Option<Rect> {
        Some([x, y, x + 6.0, y + 10.0])
    }

    #[test]
    fn carriage_return_line_feed_becomes_one_newline() {
        let mut builder = TextBuilder::default();
        for (c, rect) in [
            ('a', glyph(0.0, 0.0)),
            ('\r', None),
            ('\n', None),
            ('b', glyph(0.0, 20.0)),
        ] {
            builder.push(c, rect);
        }
        let (text, boxes) = builder.finish();
        assert_eq!(text, "a\nb");
        assert_eq!(boxes, vec![glyph(0.0, 0.0), None, glyph(0.0, 20.0)]);
    }

    #[test]
    fn degenerate_boxes_are_dropped() {
        let mut builder = TextBuilder::default();
        builder.push(' ', Some([5.0, 5.0, 5.0, 5.0]));
        assert_eq!(builder.finish().1, vec![None]);
    }

    #[test]
    fn a_word_on_one_line_is_one_rectangle() {
        let boxes = [glyph(10.0, 0.0), glyph(16.0, 0.0), None, glyph(28.0, 1.0)];
        let merged = merge_per_line("ab c".chars().zip(boxes.iter()));
        assert_eq!(merged, vec![[10.0, 0.0, 34.0, 11.0]]);
    }

    #[test]
    fn a_span_over_a_line_break_gives_one_rectangle_per_line() {
        let boxes = [glyph(300.0, 0.0), None, glyph(10.0, 20.0)];
        let merged = merge_per_line("a\nb".chars().zip(boxes.iter()));
        assert_eq!(merged.len(), 2);
        // Without the newline, the jump back to the left margin still splits the fragment.
        let merged = merge_per_line("ab".chars().zip([boxes[0], boxes[2]].iter()));
        assert_eq!(merged.len(), 2);
    }

    #[test]
    fn vertical_text_merges_down_a_column() {
        let boxes = [Some([0.0, 0.0, 10.0, 6.0]), Some([0.0, 6.5, 10.0, 12.5])];
        assert_eq!(
            merge_per_line("ab".chars().zip(boxes.iter())),
            vec![[0.0, 0.0, 10.0, 12.5]]
        );
    }

    #[test]
    fn a_comma_below_the_digits_stays_in_their_line() {
        // The boxes PDFium gives "9, 4" in an account number set by LibreOffice: the comma
        // overlaps the digits by less than half its own height.
        let boxes = [
            Some([190.2, 223.6, 194.9, 231.0]),
            Some([195.8, 229.8, 197.4, 232.6]),
            None,
            Some([201.1, 223.7, 206.2, 230.9]),
        ];
        assert_eq!(
            merge_per_line("9, 4".chars().zip(boxes.iter())),
            vec![[190.2, 223.6, 206.2, 232.6]]
        );
        // A comma that starts a span joins the digits after it too.
        assert_eq!(
            merge_per_line(", 4".chars().zip(boxes[1..].iter())),
            vec![[195.8, 223.7, 206.2, 232.6]]
        );
        // Boxes of the same size still need to share half their height.
        let apart = [glyph(0.0, 0.0), glyph(6.0, 6.0)];
        assert_eq!(merge_per_line("ab".chars().zip(apart.iter())).len(), 2);
    }

    #[test]
    fn words_become_lines_with_spaces_and_newlines() {
        let words = [
            Word {
                text: "Anna".into(),
                rect: [10.0, 10.0, 50.0, 20.0],
            },
            Word {
                text: "Svensson".into(),
                rect: [55.0, 10.0, 120.0, 20.0],
            },
            Word {
                text: "Storgatan".into(),
                rect: [10.0, 30.0, 90.0, 40.0],
            },
        ];
        let (text, boxes) = from_words(&words);
        assert_eq!(text, "Anna Svensson\nStorgatan");
        assert_eq!(boxes.len(), text.chars().count());
        assert_eq!(boxes[0], Some([10.0, 10.0, 20.0, 20.0]));
        assert_eq!(merge_per_line(text.chars().zip(boxes.iter())).len(), 2);
    }

    proptest! {
        #[test]
        fn every_box_is_inside_the_merged_rectangles(
            lines in proptest::collection::vec((0.0f32..400.0, 1usize..12), 1..6)
        ) {
            let mut text = String::new();
            let mut boxes = Vec::new();
            for (row, (start, len)) in lines.iter().enumerate() {
                for i in 0..*len {
                    text.push('x');
                    boxes.push(glyph(start + 6.5 * i as f32, 30.0 * row as f32));
                }
                text.push('\n');
                boxes.push(None);
            }
            let merged = merge_per_line(text.chars().zip(boxes.iter()));
            prop_assert_eq!(merged.len(), lines.len());
            for rect in boxes.iter().flatten() {
                prop_assert!(merged.iter().any(|m| m[0] <= rect[0] && m[1] <= rect[1]
                    && m[2] >= rect[2] && m[3] >= rect[3]));
            }
        }
    }
}
