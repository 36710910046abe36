//! Turning OCR words into a page text layer that detectors can read.

use serde::{Deserialize, Serialize};

use super::OcrWord;
use crate::document::Rect;

/// A page's text as OCR read it, with one optional box per char, ready for
/// [`Page::set_text_layer`](crate::document::Page::set_text_layer).
///
/// Words of one line are joined by a space, lines by `'\n'`, and blocks (columns, captions,
/// separate boxes of text) by an empty line, following the engine's own line and block ids
/// rather than guessing lines from positions, so a skewed scan still reads line by line. Each
/// char of a word gets an equal horizontal slice of the word's box: OCR boxes are no more
/// precise than that, and a mask over a span then covers exactly the words it touches.
/// Separators have no box.
///
/// ```
/// use lantero_redact::ocr::{OcrText, OcrWord};
///
/// let word = |text: &str, x0: f32, line: u32| OcrWord {
///     text: text.into(),
///     rect: [x0, 100.0 + 14.0 * line as f32, x0 + 6.0 * text.chars().count() as f32, 112.0 + 14.0 * line as f32],
///     confidence: 0.9,
///     block: 1,
///     paragraph: 1,
///     line,
/// };
/// let page = OcrText::from_words(&[word("Karin", 72.0, 1), word("Lindqvist", 105.0, 1), word("811218-9876", 72.0, 2)]);
/// assert_eq!(page.text, "Karin Lindqvist\n811218-9876");
/// assert_eq!(page.boxes[0], Some([72.0, 114.0, 78.0, 126.0])); // 'K': the first fifth of "Karin"
/// assert_eq!(page.boxes[5], None); // the space
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct OcrText {
    /// The page text in reading order.
    pub text: String,
    /// `boxes[i]` is the box of the `i`-th char of `text` (in PDF points, origin top-left).
    pub boxes: Vec<Option<Rect>>,
}

impl OcrText {
    /// Lays out `words` in the order given (the engine's reading order).
    pub fn from_words(words: &[OcrWord]) -> Self {
        let mut out = Self::default();
        let mut previous: Option<&OcrWord> = None;
        for word in words.iter().filter(|w| !w.text.trim().is_empty()) {
            if let Some(prev) = previous {
                let separator = if prev.block != word.block {
                    "\n\n"
                } else if prev.line_id() != word.line_id() {
                    "\n"
                } else {
                    " "
                };
                for c in separator.chars() {
                    out.push(c, None);
                }
            }
            let chars: Vec<char> = word.text.trim().chars().collect();
            let [x0, y0, x1, y1] = word.rect;
            let step = (x1 - x0) / chars.len() as f32;
            for (i, c) in chars.into_iter().enumerate() {
                let left = x0 + step * i as f32;
                out.push(c, Some([left, y0, left + step, y1]));
            }
            previous = Some(word);
        }
        out
    }

    fn push(&mut self, c: char, rect: Option<Rect>) {
        self.text.push(c);
        self.boxes.push(rect);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn word(text: &str, block: u32, line: u32, x0: f32) -> OcrWord {
        OcrWord {
            text: text.into(),
            rect: [
                x0,
                10.0 * line as f32,
                x0 + 4.0 * text.chars().count() as f32,
                10.0 * line as f32 + 8.0,
            ],
            confidence: 0.5,
            block,
            paragraph: 1,
            line,
        }
    }

    #[test]
    fn lines_and_blocks_are_separated() {
        let words = [
            word("Beslut", 1, 1, 0.0),
            word("Åsa", 1, 2, 0.0),
            word("Öst", 1, 2, 20.0),
            word("Sida", 2, 1, 300.0),
        ];
        let page = OcrText::from_words(&words);
        assert_eq!(page.text, "Beslut\nÅsa Öst\n\nSida");
        assert_eq!(page.boxes.len(), page.text.chars().count());
        assert_eq!(page.boxes[7], Some([0.0, 20.0, 4.0, 28.0]));
    }

    #[test]
    fn blank_words_are_left_out() {
        let page = OcrText::from_words(&[
            word(" ", 1, 1, 0.0),
            word("a", 1, 1, 5.0),
            word("", 1, 1, 9.0),
        ]);
        assert_eq!(page.text, "a");
        assert!(OcrText::from_words(&[]).text.is_empty());
    }

    proptest! {
        #[test]
        fn every_char_has_an_entry_and_word_chars_tile_their_box(
            texts in prop::collection::vec(("[a-zåäö0-9\\-]{1,12}", 1u32..3, 1u32..4), 0..30),
        ) {
            let words: Vec<OcrWord> = texts.iter().enumerate().map(|(i, (t, b, l))| word(t, *b, *l, i as f32 * 50.0)).collect();
            let page = OcrText::from_words(&words);
            prop_assert_eq!(page.boxes.len(), page.text.chars().count());
            for (c, rect) in page.text.chars().zip(&page.boxes) {
                prop_assert_eq!(c.is_whitespace(), rect.is_none());
            }
            // The boxes of a word's chars, left to right, cover exactly its box.
            let boxed: Vec<Rect> = page.boxes.iter().flatten().copied().collect();
            let mut at = 0;
            for w in &words {
                let n = w.text.chars().count();
                let slice = &boxed[at..at + n];
                prop_assert!((slice[0][0] - w.rect[0]).abs() < 1e-3);
                prop_assert!((slice[n - 1][2] - w.rect[2]).abs() < 1e-3);
                at += n;
            }
        }
    }
}
