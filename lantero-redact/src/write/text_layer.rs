//! The invisible text layer of a searchable output: the words OCR read off a *redacted* page
//! image, laid out where they stand on the page, in the one shape the
//! [searchable profile](crate::verify::Profile::Searchable) accepts.
//!
//! Each word is written on its own: `/F1 S Tf Z Tz 1 0 0 1 X Y Tm <…> Tj`. The size `S` is its
//! line's height, so that the words of a line share a baseline and readers put them on one
//! line; the scale `Z` stretches the word's glyphs (all 500 units wide) to the box OCR found,
//! so that selecting text in a viewer highlights the word under it.
//!
//! A word that spells a masked string — released visibly elsewhere on the page while masked
//! here — is withheld from the layer: the layer must hold none of them (the verifier checks),
//! and the visible copy stays readable in the image.

use crate::document::Rect;
use crate::ocr::OcrWord;
use crate::verify::profile::{GLYPH_WIDTH, INVISIBLE, LAYER_FONT, layer_byte};
use crate::verify::search::{first_in_layer, layer_needles};

use super::builder::number;

/// Words OCR is less sure of than this are left out: on a redacted page they are mostly the
/// edges of masks read as `|` or `—`.
const MIN_CONFIDENCE: f32 = 0.30;

/// Chars that, alone, make no word: table rules and specks OCR reads as `|`, `_` or `:`.
const NOISE: &str = "|¦_=~[]{}().,:;'\"!‘’`^*";

/// Share of the line height below the bottom of the line's boxes where the baseline is put:
/// boxes include descenders, and most lines have some.
const DESCENT: f32 = 0.2;

/// One word of the layer, in PDF coordinates (origin bottom-left).
#[derive(Debug, Clone, PartialEq)]
pub struct LayerWord {
    /// The word as the reader will extract it.
    pub text: String,
    /// Its WinAnsi bytes, one per char.
    bytes: Vec<u8>,
    /// Left edge and baseline, in points.
    pub origin: (f32, f32),
    /// Font size in points.
    pub size: f32,
    /// Horizontal scale in percent (`Tz`).
    pub scale: f32,
}

/// The text layer of one page.
///
/// ```
/// use lantero_redact::ocr::OcrWord;
/// use lantero_redact::write::TextLayer;
///
/// let word = |text: &str, x0: f32, x1: f32| OcrWord {
///     text: text.into(),
///     rect: [x0, 100.0, x1, 112.0],
///     confidence: 0.9,
///     block: 1,
///     paragraph: 1,
///     line: 1,
/// };
/// let words = [word("Beslut", 72.0, 110.0), word("Åsa", 114.0, 136.0), word("Öberg", 140.0, 175.0)];
/// let layer = TextLayer::from_words(&words, (595.0, 842.0), &["Åsa Öberg".to_string()]);
/// assert_eq!(layer.text(), "Beslut"); // the masked name is withheld
/// assert_eq!(layer.withheld(), 2);
/// assert!(layer.content().starts_with("BT 3 Tr\n/F1 12 Tf"));
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TextLayer {
    words: Vec<LayerWord>,
    withheld: usize,
}

impl TextLayer {
    /// The layer for `words` (boxes in points from the page's top-left corner, as
    /// [`OcrEngine::recognize`](crate::ocr::OcrEngine::recognize) gives them) on a page of
    /// `page_size` points, without any run of words that spells one of `masked`. Chars the
    /// layer font cannot carry are dropped; words left empty, and words OCR is unsure of,
    /// are left out.
    pub fn from_words(words: &[OcrWord], page_size: (f32, f32), masked: &[String]) -> Self {
        let kept: Vec<Kept> = words
            .iter()
            .filter(|w| w.confidence >= MIN_CONFIDENCE && w.rect.iter().all(|v| v.is_finite()))
            .filter(|w| {
                !w.text
                    .chars()
                    .all(|c| NOISE.contains(c) || c.is_whitespace())
            })
            .filter_map(|w| {
                let (text, bytes): (String, Vec<u8>) = w
                    .text
                    .chars()
                    .filter_map(|c| layer_byte(c).map(|b| (c, b)))
                    .unzip();
                (!bytes.is_empty()).then_some((w, text, bytes))
            })
            .collect();
        let (kept, withheld) = withhold(kept, masked);
        let mut layer = Self {
            words: Vec::with_capacity(kept.len()),
            withheld,
        };
        let mut start = 0;
        while start < kept.len() {
            let line = kept[start].0.line_id();
            let end = start
                + kept[start..]
                    .iter()
                    .take_while(|(w, ..)| w.line_id() == line)
                    .count();
            let words = &kept[start..end];
            let top = words
                .iter()
                .map(|(w, ..)| w.rect[1])
                .fold(f32::MAX, f32::min);
            let bottom = words
                .iter()
                .map(|(w, ..)| w.rect[3])
                .fold(f32::MIN, f32::max);
            let size = (bottom - top).clamp(1.0, page_size.1.max(1.0));
            let baseline = (page_size.1 - bottom + DESCENT * size).clamp(0.0, page_size.1);
            for (word, text, bytes) in words {
                layer.words.push(LayerWord {
                    origin: (clamped(word.rect[0], page_size.0), baseline),
                    scale: scale(&word.rect, bytes.len(), size),
                    size,
                    text: text.clone(),
                    bytes: bytes.clone(),
                });
            }
            start = end;
        }
        layer
    }

    /// The words, in reading order.
    pub fn words(&self) -> &[LayerWord] {
        &self.words
    }

    /// How many words are in the layer.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// Whether the layer holds no word.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Words OCR read that were left out because they spell a masked string.
    pub fn withheld(&self) -> usize {
        self.withheld
    }

    /// The words joined by single spaces: what the verifier searches for masked strings.
    pub fn text(&self) -> String {
        let words: Vec<&str> = self.words.iter().map(|w| w.text.as_str()).collect();
        words.join(" ")
    }

    /// The layer as page content (`BT 3 Tr … ET`), empty when it holds no word.
    pub fn content(&self) -> String {
        if self.words.is_empty() {
            return String::new();
        }
        let mut out = format!("BT {} Tr", INVISIBLE);
        for word in &self.words {
            let hex: String = word.bytes.iter().map(|b| format!("{b:02X}")).collect();
            out.push_str(&format!(
                "\n/{LAYER_FONT} {} Tf {} Tz 1 0 0 1 {} {} Tm <{hex}> Tj",
                number(word.size),
                number(word.scale),
                number(word.origin.0),
                number(word.origin.1),
            ));
        }
        out.push_str("\nET");
        out
    }
}

fn clamped(value: f32, max: f32) -> f32 {
    value.clamp(0.0, max.max(0.0))
}

/// The `Tz` that stretches `chars` glyphs of `size` points to the width of `rect`.
fn scale(rect: &Rect, chars: usize, size: f32) -> f32 {
    let natural = chars as f32 * GLYPH_WIDTH / 1000.0 * size;
    let width = (rect[2] - rect[0]).max(0.0);
    (100.0 * width / natural.max(0.001)).clamp(1.0, 1000.0)
}

/// A word kept for the layer: as read, and its text and bytes in the layer font.
type Kept<'a> = (&'a OcrWord, String, Vec<u8>);

/// Removes every run of words whose joined text (single spaces) holds a masked string on
/// token boundaries; returns the words kept and how many were removed.
fn withhold<'a>(mut words: Vec<Kept<'a>>, masked: &[String]) -> (Vec<Kept<'a>>, usize) {
    let needles = layer_needles(masked);
    let before = words.len();
    loop {
        let mut text = String::new();
        let mut owner = Vec::new();
        for (index, (_, word, _)) in words.iter().enumerate() {
            if index > 0 {
                text.push(' ');
                owner.push(None);
            }
            text.push_str(word);
            owner.extend(word.chars().map(|_| Some(index)));
        }
        let Some((at, len)) = first_in_layer(&text, &needles) else {
            break;
        };
        let mut hit: Vec<usize> = owner[at..at + len].iter().flatten().copied().collect();
        hit.dedup();
        for index in hit.into_iter().rev() {
            words.remove(index);
        }
    }
    let removed = before - words.len();
    (words, removed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn word(text: &str, rect: Rect, line: u32) -> OcrWord {
        OcrWord {
            text: text.into(),
            rect,
            confidence: 0.9,
            block: 1,
            paragraph: 1,
            line,
        }
    }

    #[test]
    fn words_of_a_line_share_size_and_baseline_and_fill_their_boxes() {
        let words = [
            word("Socialnämnden", [72.0, 100.0, 160.0, 110.0], 1),
            word("gjorde", [164.0, 98.0, 200.0, 112.0], 1),
            word("Ny", [72.0, 130.0, 90.0, 140.0], 2),
        ];
        let layer = TextLayer::from_words(&words, (595.0, 842.0), &[]);
        let [a, b, c] = layer.words() else { panic!() };
        assert_eq!((a.size, b.size), (14.0, 14.0));
        assert_eq!(a.origin.1, b.origin.1);
        assert!((a.origin.1 - (842.0 - 112.0 + 2.8)).abs() < 1e-3);
        assert_eq!(c.size, 10.0);
        // 13 glyphs of 7 points (500 units at 14 pt) stretched to 88 points.
        assert!((a.scale - 100.0 * 88.0 / (13.0 * 7.0)).abs() < 1e-3);
        assert_eq!(layer.text(), "Socialnämnden gjorde Ny");
    }

    #[test]
    fn content_has_the_profile_shape_and_winansi_bytes() {
        let layer = TextLayer::from_words(
            &[word("Åsa", [10.0, 10.0, 30.0, 20.0], 1)],
            (100.0, 100.0),
            &[],
        );
        assert_eq!(
            layer.content(),
            "BT 3 Tr\n/F1 10 Tf 133.333 Tz 1 0 0 1 10 82 Tm <C57361> Tj\nET"
        );
        assert_eq!(TextLayer::default().content(), "");
    }

    #[test]
    fn masked_strings_are_withheld_across_words_and_case() {
        let words = [
            word("Kontakt:", [0.0, 0.0, 10.0, 10.0], 1),
            word("ANNA", [12.0, 0.0, 20.0, 10.0], 1),
            word("Svensson,", [22.0, 0.0, 40.0, 10.0], 1),
            word("Annas", [0.0, 20.0, 10.0, 30.0], 2),
            word("070-123", [12.0, 20.0, 20.0, 30.0], 2),
            word("45", [22.0, 20.0, 30.0, 30.0], 2),
        ];
        let masked = ["anna\nsvensson".to_string(), "070-123 45".into()];
        let layer = TextLayer::from_words(&words, (100.0, 100.0), &masked);
        assert_eq!(layer.text(), "Kontakt: Annas");
        assert_eq!(layer.withheld(), 4);
    }

    #[test]
    fn unsure_words_and_chars_the_font_lacks_are_left_out() {
        let mut unsure = word("|", [0.0, 0.0, 1.0, 10.0], 1);
        unsure.confidence = 0.1;
        let words = [
            unsure,
            word("→", [2.0, 0.0, 4.0, 10.0], 1),
            word("Łódź", [5.0, 0.0, 20.0, 10.0], 1),
            word("|", [22.0, 0.0, 23.0, 10.0], 1),
            word("§", [25.0, 0.0, 30.0, 10.0], 1),
        ];
        let layer = TextLayer::from_words(&words, (100.0, 100.0), &[]);
        assert_eq!(layer.text(), "ód §");
    }

    proptest! {
        #[test]
        fn any_words_give_a_layer_within_the_page(
            words in proptest::collection::vec(
                ("[a-zåäöA-Z0-9 ,.:-]{0,12}", -50f32..700.0, -50f32..900.0, 0f32..80.0, 0f32..30.0, 0u32..3),
                0..20,
            )
        ) {
            let words: Vec<OcrWord> = words
                .into_iter()
                .map(|(t, x, y, w, h, line)| word(&t, [x, y, x + w, y + h], line))
                .collect();
            let layer = TextLayer::from_words(&words, (595.0, 842.0), &["ab".into()]);
            for w in layer.words() {
                prop_assert!((0.0..=595.0).contains(&w.origin.0));
                prop_assert!((0.0..=842.0).contains(&w.origin.1));
                prop_assert!(w.size >= 1.0 && (1.0..=1000.0).contains(&w.scale));
                prop_assert!(!w.text.is_empty() && !w.text.contains(' '));
            }
            prop_assert!(first_in_layer(&layer.text(), &layer_needles(&["ab".into()])).is_none());
        }
    }
}
