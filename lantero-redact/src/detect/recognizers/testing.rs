//! What the recognizers' unit tests share: a recognizer's matches as the text they cover.

use crate::detect::Recognizer;

/// The spans `recognizer` finds in `text`, as `(matched text, score)`, in the order found.
pub(crate) fn spans<'t>(recognizer: &dyn Recognizer, text: &'t str) -> Vec<(&'t str, f32)> {
    recognizer
        .recognize(text)
        .expect("recognizers do not fail on plain text")
        .into_iter()
        .map(|c| (&text[c.start..c.end], c.score))
        .collect()
}
