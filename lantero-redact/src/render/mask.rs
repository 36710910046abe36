//! Masks: the accepted areas painted opaque black, and how wide they are painted.
//!
//! A box exactly as wide as the hidden word tells a reader its length, and with a known font
//! often the word itself (a short surname among a list of employees). [`MaskWidth::Quantised`],
//! the default, asks for every mask to be a multiple of a fixed step wide, so words of similar
//! length give identical masks. The renderer grants that width only where the line is blank:
//! a mask never grows over a neighbouring glyph ([`painted_rects`](super::painted_rects)), so
//! between two close words it may be narrower than asked, and the length it then shows is that
//! of the white space, not of the word. A smaller step hides less; [`MaskWidth::Padded`] only
//! hides the length of short words.

use serde::{Deserialize, Serialize};

use crate::document::Rect;

/// One area to paint black on one page.
///
/// ```
/// use lantero_redact::render::{Mask, MaskWidth};
///
/// let mask = Mask { page: 1, rect: [100.0, 70.0, 130.0, 82.0], label: Some("OSL 26:1".into()) };
/// let painted = MaskWidth::Quantised(36.0).apply(mask.rect, (595.0, 842.0));
/// assert_eq!(painted, [97.0, 70.0, 133.0, 82.0]); // 30 pt rounded up to 36 pt, same centre
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mask {
    /// The 1-based page number.
    pub page: u32,
    /// The area in PDF points, origin top-left of the page as displayed.
    pub rect: Rect,
    /// Text printed in white inside the mask, such as the provision relied on ("OSL 26:1").
    pub label: Option<String>,
}

/// How wide masks are painted.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(tag = "mode", content = "points", rename_all = "snake_case")]
pub enum MaskWidth {
    /// Exactly the word's width: reveals its length.
    Exact,
    /// The width rounded up to a multiple of this many points.
    Quantised(f32),
    /// At least this many points wide.
    Padded(f32),
}

impl Default for MaskWidth {
    /// Half an inch steps: 36 pt is about six letters at 11 pt.
    fn default() -> Self {
        Self::Quantised(36.0)
    }
}

impl MaskWidth {
    /// `rect` on a page of `page_size` points lengthened as this mode says, centred on the
    /// original, and shifted (or cut) to stay on the page, whatever else is on the page. The
    /// renderer does not paint this: it also keeps masks off neighbouring glyphs
    /// ([`painted_rects`](super::painted_rects)).
    ///
    /// The length runs along the text: across for ordinary lines, down for a rectangle more
    /// than half again as tall as it is wide, which is how a word on a page turned by
    /// `/Rotate` is laid out.
    pub fn apply(self, rect: Rect, page_size: (f32, f32)) -> Rect {
        let [x0, y0, x1, y1] = rect;
        if (y1 - y0) > 1.5 * (x1 - x0) {
            let [t0, t1] = self.lengthen([y0, y1], page_size.1);
            return [x0, t0, x1, t1];
        }
        let [t0, t1] = self.lengthen([x0, x1], page_size.0);
        [t0, y0, t1, y1]
    }

    /// How long this mode asks a mask over a word `length` points long to be.
    ///
    /// ```
    /// use lantero_redact::render::MaskWidth;
    ///
    /// assert_eq!(MaskWidth::Quantised(36.0).target_length(40.0), 72.0);
    /// assert_eq!(MaskWidth::Padded(20.0).target_length(12.0), 20.0);
    /// assert_eq!(MaskWidth::Exact.target_length(12.0), 12.0);
    /// ```
    pub fn target_length(self, length: f32) -> f32 {
        let length = length.max(0.0);
        match self {
            Self::Exact => length,
            Self::Quantised(step) if step > 0.0 => (length / step).ceil().max(1.0) * step,
            Self::Quantised(_) => length,
            Self::Padded(min) => length.max(min),
        }
    }

    /// One interval lengthened within `0..limit`.
    fn lengthen(self, [start, end]: [f32; 2], limit: f32) -> [f32; 2] {
        let length = (end - start).max(0.0);
        let target = self.target_length(length);
        let limit = limit.max(0.0);
        if target >= limit {
            return [0.0, limit];
        }
        if target <= length {
            return [start, end];
        }
        let from = ((start + end) / 2.0 - target / 2.0).clamp(0.0, limit - target);
        [from, from + target]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const PAGE: (f32, f32) = (595.0, 842.0);

    #[test]
    fn exact_keeps_the_word_and_padded_widens_short_words() {
        let word = [100.0, 10.0, 120.0, 20.0];
        assert_eq!(MaskWidth::Exact.apply(word, PAGE), word);
        assert_eq!(
            MaskWidth::Padded(40.0).apply(word, PAGE),
            [90.0, 10.0, 130.0, 20.0]
        );
        assert_eq!(MaskWidth::Padded(10.0).apply(word, PAGE), word);
    }

    #[test]
    fn masks_stay_on_the_page() {
        let near_edge = [580.0, 10.0, 590.0, 20.0];
        assert_eq!(
            MaskWidth::Quantised(36.0).apply(near_edge, PAGE),
            [559.0, 10.0, 595.0, 20.0]
        );
        let wider_than_page = [0.0, 0.0, 594.0, 5.0];
        assert_eq!(
            MaskWidth::Quantised(36.0).apply(wider_than_page, PAGE),
            [0.0, 0.0, 595.0, 5.0]
        );
    }

    #[test]
    fn vertical_words_are_lengthened_downwards() {
        let vertical = [770.0, 160.0, 780.0, 250.0];
        assert_eq!(
            MaskWidth::Quantised(36.0).apply(vertical, (842.0, 595.0)),
            [770.0, 151.0, 780.0, 259.0]
        );
    }

    proptest! {
        #[test]
        fn quantised_masks_cover_the_word_and_hide_its_length(
            x in 0.0f32..500.0, width in 2.0f32..90.0, other in 2.0f32..90.0, step in 6.0f32..72.0
        ) {
            let mode = MaskWidth::Quantised(step);
            let word = [x, 0.0, x + width, 1.0];
            let mask = mode.apply(word, PAGE);
            prop_assert!(mask[0] <= word[0] + 1e-3 && mask[2] >= word[2] - 1e-3);
            prop_assert!(mask[0] >= 0.0 && mask[2] <= PAGE.0 + 1e-3);
            // Two words whose widths round to the same step give masks of the same width.
            let same_step = (width / step).ceil() == (other / step).ceil();
            let other_mask = mode.apply([x, 0.0, x + other, 1.0], PAGE);
            if same_step {
                prop_assert!(((mask[2] - mask[0]) - (other_mask[2] - other_mask[0])).abs() < 1e-3);
            }
        }
    }
}
