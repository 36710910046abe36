//! One page of a document: its size, its text in reading order and a box for every char.

use serde::{Deserialize, Serialize};

use super::Rect;
use super::geometry::Rotation;
use super::text::{self, Word};
use super::trust::OcrRegion;
use crate::{Error, Result};

/// What a document or page comes from, which decides how it is read and rendered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// A page of a PDF, rendered by PDFium.
    Pdf,
    /// A raster image (a scan or photo); its pixels are the page.
    Image,
    /// Plain text: its text is what the page shows, so it never needs OCR. As read, it has no
    /// page image and no boxes; set on pages (`Document::typeset`) it has both.
    Text,
}

/// One page: 1-based number, size in PDF points as displayed, and the text layer.
///
/// `text` is in reading order; `boxes()[i]` is the box of the `i`-th char of `text` (in
/// Unicode scalar values, the offsets detectors report), in PDF points with the origin at the
/// page's top-left corner, after the page's rotation, so boxes match the rendered image. Chars
/// that the text layer generated (spaces and line breaks between text runs) have no box.
///
/// ```
/// use lantero_redact::document::{Page, Word};
///
/// let mut page = Page::blank(1, 595.0, 842.0);
/// assert!(page.needs_ocr());
/// page.set_words(&[
///     Word { text: "Anna".into(), rect: [72.0, 100.0, 100.0, 112.0] },
///     Word { text: "Svensson".into(), rect: [104.0, 100.0, 160.0, 112.0] },
/// ]);
/// assert_eq!(page.text(), "Anna Svensson");
/// assert_eq!(page.boxes_for(0, 13), vec![[72.0, 100.0, 160.0, 112.0]]);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Page {
    number: u32,
    width: f32,
    height: f32,
    rotation: Rotation,
    source: SourceKind,
    text: String,
    boxes: Vec<Option<Rect>>,
    hidden_annotations: u32,
    #[serde(default)]
    ocr_regions: Vec<OcrRegion>,
}

impl Page {
    /// A page with no text yet (an image page before OCR).
    pub fn blank(number: u32, width: f32, height: f32) -> Self {
        Self {
            number,
            width,
            height,
            rotation: Rotation::None,
            source: SourceKind::Image,
            text: String::new(),
            boxes: Vec::new(),
            hidden_annotations: 0,
            ocr_regions: Vec::new(),
        }
    }

    pub(crate) fn from_pdf(
        number: u32,
        (width, height): (f32, f32),
        rotation: Rotation,
        (text, boxes): (String, Vec<Option<Rect>>),
        hidden_annotations: u32,
    ) -> Self {
        Self {
            number,
            width,
            height,
            rotation,
            source: SourceKind::Pdf,
            text,
            boxes,
            hidden_annotations,
            ocr_regions: Vec::new(),
        }
    }

    /// A page of plain text set on paper: its text and boxes come from the layout, not from
    /// reading the PDF, so it is never OCR'd (a blank page is just blank).
    pub(crate) fn from_set_text(
        number: u32,
        (width, height): (f32, f32),
        (text, boxes): (String, Vec<Option<Rect>>),
    ) -> Self {
        Self {
            number,
            width,
            height,
            rotation: Rotation::None,
            source: SourceKind::Text,
            text,
            boxes,
            hidden_annotations: 0,
            ocr_regions: Vec::new(),
        }
    }

    /// A page of plain text as read: one page, no size, no boxes.
    pub(crate) fn from_text(text: String) -> Self {
        let boxes = vec![None; text.chars().count()];
        Self::from_set_text(1, (0.0, 0.0), (text, boxes))
    }

    /// The page number, starting at 1.
    pub fn number(&self) -> u32 {
        self.number
    }

    /// Width in PDF points as displayed (after rotation); 0 for plain text.
    pub fn width(&self) -> f32 {
        self.width
    }

    /// Height in PDF points as displayed (after rotation); 0 for plain text.
    pub fn height(&self) -> f32 {
        self.height
    }

    /// The page's own rotation (`/Rotate`), already applied to [`Self::width`], [`Self::height`]
    /// and every box.
    pub fn rotation(&self) -> Rotation {
        self.rotation
    }

    /// Where the page comes from.
    pub fn source(&self) -> SourceKind {
        self.source
    }

    /// The page text in reading order.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// One optional box per char of [`Self::text`].
    pub fn boxes(&self) -> &[Option<Rect>] {
        &self.boxes
    }

    /// Annotations on this page that show something (notes, stamps, filled-in form fields;
    /// links and pop-ups are not counted). Their text is not part of [`Self::text`], so they
    /// are left out of the rendered output; callers may warn about them.
    pub fn hidden_annotations(&self) -> u32 {
        self.hidden_annotations
    }

    /// The parts of the page whose text layer does not say what they show (text in a Type 3,
    /// unmapped symbolic or unembedded non-standard font; images on a page with text). The
    /// pipeline reads exactly these by OCR and adds what it reads to the page text.
    pub fn ocr_regions(&self) -> &[OcrRegion] {
        &self.ocr_regions
    }

    /// Whether some of the page must be read by OCR besides its text layer.
    pub fn text_untrustworthy(&self) -> bool {
        !self.ocr_regions.is_empty()
    }

    pub(crate) fn set_ocr_regions(&mut self, regions: Vec<OcrRegion>) {
        self.ocr_regions = regions;
    }

    /// Appends text read another way (OCR) after the page's own text, separated by a blank
    /// line, with its boxes; detectors then search both.
    pub fn append_text_layer(&mut self, text: &str, boxes: Vec<Option<Rect>>) -> Result<()> {
        let mut combined = self.text.clone();
        let mut combined_boxes = self.boxes.clone();
        if !combined.is_empty() {
            combined.push_str("\n\n");
            combined_boxes.extend([None, None]);
        }
        combined.push_str(text);
        combined_boxes.extend(boxes);
        self.set_text_layer(combined, combined_boxes)
    }

    /// Whether the page needs OCR: it has a page image but no text (a scan, a photo, or a PDF
    /// page whose text is only pixels).
    pub fn needs_ocr(&self) -> bool {
        self.source != SourceKind::Text && self.text.chars().all(char::is_whitespace)
    }

    /// The boxes of the chars `start..end` (char offsets into [`Self::text`]), merged into one
    /// rectangle per line fragment. Chars without a box contribute nothing, so a span of plain
    /// text has no boxes.
    pub fn boxes_for(&self, start: usize, end: usize) -> Vec<Rect> {
        let len = end.saturating_sub(start);
        text::merge_per_line(
            self.text
                .chars()
                .zip(self.boxes.iter())
                .skip(start)
                .take(len),
        )
    }

    /// Replaces the text layer with OCR words, laid out in the order given.
    pub fn set_words(&mut self, words: &[Word]) {
        (self.text, self.boxes) = text::from_words(words);
    }

    /// Replaces the text layer; `boxes` must hold one entry per char of `text`.
    pub fn set_text_layer(&mut self, text: String, boxes: Vec<Option<Rect>>) -> Result<()> {
        let chars = text.chars().count();
        if chars != boxes.len() {
            return Err(Error::Input {
                path: format!("page {}", self.number).into(),
                reason: format!("text layer has {chars} chars but {} boxes", boxes.len()),
            });
        }
        self.text = text;
        self.boxes = boxes;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_pages_never_need_ocr_and_have_no_boxes() {
        let page = Page::from_text("Anna Svensson\n".into());
        assert!(!page.needs_ocr());
        assert_eq!(page.boxes().len(), 14);
        assert!(page.boxes_for(0, 13).is_empty());
    }

    #[test]
    fn a_text_layer_must_match_its_boxes() {
        let mut page = Page::blank(2, 100.0, 100.0);
        let err = page.set_text_layer("abc".into(), vec![None]).unwrap_err();
        assert_eq!(
            err.to_string(),
            "page 2: text layer has 3 chars but 1 boxes"
        );
        page.set_text_layer("åä".into(), vec![None, Some([1.0, 1.0, 2.0, 2.0])])
            .unwrap();
        assert!(!page.needs_ocr());
        assert_eq!(page.boxes_for(0, 2), vec![[1.0, 1.0, 2.0, 2.0]]);
    }

    #[test]
    fn spans_past_the_end_are_cut_short() {
        let mut page = Page::blank(1, 100.0, 100.0);
        page.set_text_layer("ab".into(), vec![Some([0.0, 0.0, 5.0, 9.0]); 2])
            .unwrap();
        assert_eq!(page.boxes_for(1, 99), vec![[0.0, 0.0, 5.0, 9.0]]);
        assert!(page.boxes_for(2, 1).is_empty());
    }
}
