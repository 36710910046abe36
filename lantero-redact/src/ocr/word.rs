//! One word as an OCR engine reads it.

use serde::{Deserialize, Serialize};

use crate::document::Rect;
use crate::document::Word;

/// A recognised word: its text, where it is and how sure the engine is.
///
/// `rect` is in PDF points (1/72 inch) with the origin at the image's top-left corner, converted
/// from pixels by the image's resolution, so it lines up with the page the image shows. The ids
/// say which block, paragraph and line of the page the word belongs to; words of one line share
/// all three and come in reading order.
///
/// ```
/// use lantero_redact::ocr::OcrWord;
///
/// let word = OcrWord {
///     text: "Lillby".into(),
///     rect: [72.0, 60.0, 110.0, 72.0],
///     confidence: 0.96,
///     block: 1,
///     paragraph: 1,
///     line: 1,
/// };
/// assert_eq!(word.line_id(), (1, 1, 1));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OcrWord {
    /// The word's text, without surrounding whitespace.
    pub text: String,
    /// Its box in PDF points, origin top-left: `[x0, y0, x1, y1]`.
    pub rect: Rect,
    /// The engine's confidence in `0.0..=1.0`.
    pub confidence: f32,
    /// Block number on the page (a column, a caption, a table cell …), from 1.
    pub block: u32,
    /// Paragraph number within the block, from 1.
    pub paragraph: u32,
    /// Line number within the paragraph, from 1.
    pub line: u32,
}

impl OcrWord {
    /// The line this word stands on: `(block, paragraph, line)`, unique on the page.
    pub fn line_id(&self) -> (u32, u32, u32) {
        (self.block, self.paragraph, self.line)
    }
}

/// The word as the document model takes it, for [`Page::set_words`](crate::document::Page::set_words)
/// when line ids are not needed.
impl From<OcrWord> for Word {
    fn from(word: OcrWord) -> Self {
        Self {
            text: word.text,
            rect: word.rect,
        }
    }
}
