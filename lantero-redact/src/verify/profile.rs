//! The output profiles: what a redacted PDF may hold. The verifier owns them; the writer
//! follows them.
//!
//! [`Profile::ImageOnly`] is page images and nothing else. [`Profile::Searchable`] adds one
//! invisible text layer per page, read by OCR off the *redacted* page image, so screen readers
//! and search find the page's visible text (lag (2018:1937) asks public bodies for accessible
//! documents). The layer is written in exactly one shape, and the verifier accepts that shape
//! only:
//!
//! ```text
//! q W 0 0 H 0 0 cm /Im0 Do Q            the page image, as in the image-only profile
//! BT 3 Tr                                one text object, render mode 3: invisible
//! /F1 S Tf Z Tz 1 0 0 1 X Y Tm <…> Tj    per word: size, horizontal scale, position, text
//! ET
//! ```
//!
//! `/F1` is the one font of the file: the standard-14 Helvetica, not embedded (no glyph
//! outlines at all, nothing is ever drawn with it), WinAnsi-encoded so that Swedish å, ä and ö
//! are single bytes every reader maps to Unicode without a `/ToUnicode` map, every glyph 500
//! units wide so the writer can stretch a word to its box with `Tz`.

use serde::{Deserialize, Serialize};

/// What an output may hold besides its page images.
///
/// ```
/// use lantero_redact::verify::Profile;
///
/// assert_eq!(Profile::default(), Profile::ImageOnly);
/// assert_eq!(serde_json::to_string(&Profile::Searchable)?, "\"searchable\"");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Profile {
    /// Page images only: no text, no fonts.
    #[default]
    ImageOnly,
    /// Page images with an invisible OCR text layer in the one shape the writer makes.
    Searchable,
}

/// The resource name of the layer font on every page.
pub(crate) const LAYER_FONT: &str = "F1";

/// Text render mode 3: neither fill nor stroke.
pub(crate) const INVISIBLE: f64 = 3.0;

/// Width of every glyph of the layer font, in thousandths of the font size.
pub(crate) const GLYPH_WIDTH: f32 = 500.0;

/// The first and last character code the layer font has a width for.
const FIRST_CHAR: u8 = 32;
const LAST_CHAR: u8 = 255;

/// The layer font's dictionary, exactly as written and as accepted.
pub(crate) fn layer_font_dict() -> String {
    let widths = vec!["500"; usize::from(LAST_CHAR - FIRST_CHAR) + 1].join(" ");
    format!(
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding \
         /FirstChar {FIRST_CHAR} /LastChar {LAST_CHAR} /Widths [{widths}] >>"
    )
}

/// Keys the searchable profile adds to those of an image-only output.
pub(crate) const LAYER_KEYS: &[&str] = &[
    "Font",
    "BaseFont",
    "Encoding",
    "FirstChar",
    "LastChar",
    "Widths",
];

/// Names the searchable profile writes: PDF vocabulary, never text from the document.
pub(crate) const LAYER_NAMES: &[&str] = &[
    "Font",
    "Type1",
    "BaseFont",
    "Helvetica",
    "Encoding",
    "WinAnsiEncoding",
    "FirstChar",
    "LastChar",
    "Widths",
    LAYER_FONT,
];

/// The operators of the layer, in the order of one word.
pub(crate) const LAYER_OPERATORS: &[&str] = &["BT", "Tr", "Tf", "Tz", "Tm", "Tj", "ET"];

/// Codes 0x80–0x9F of WinAnsiEncoding; the others are Latin-1. `None`: no character.
const WIN_ANSI_HIGH: [Option<char>; 32] = [
    Some('€'),
    None,
    Some('‚'),
    Some('ƒ'),
    Some('„'),
    Some('…'),
    Some('†'),
    Some('‡'),
    Some('ˆ'),
    Some('‰'),
    Some('Š'),
    Some('‹'),
    Some('Œ'),
    None,
    Some('Ž'),
    None,
    None,
    Some('‘'),
    Some('’'),
    Some('“'),
    Some('”'),
    Some('•'),
    Some('–'),
    Some('—'),
    Some('˜'),
    Some('™'),
    Some('š'),
    Some('›'),
    Some('œ'),
    None,
    Some('ž'),
    Some('Ÿ'),
];

/// The character a layer byte stands for, or `None` for a byte the layer never writes:
/// controls, space, DEL, unassigned WinAnsi codes, no-break space and soft hyphen (which
/// readers treat as layout, not text).
pub(crate) fn layer_char(byte: u8) -> Option<char> {
    match byte {
        0x21..=0x7E => Some(char::from(byte)),
        0x80..=0x9F => WIN_ANSI_HIGH[usize::from(byte - 0x80)],
        0xA0 | 0xAD => None,
        0xA1..=0xFF => Some(char::from(byte)),
        _ => None,
    }
}

/// The layer byte for `c`, if the layer font can carry it.
pub(crate) fn layer_byte(c: char) -> Option<u8> {
    let code = u32::from(c);
    if let Ok(byte) = u8::try_from(code)
        && !(0x80..=0x9F).contains(&byte)
    {
        return layer_char(byte).map(|_| byte);
    }
    WIN_ANSI_HIGH
        .iter()
        .position(|&high| high == Some(c))
        .map(|at| 0x80 + at as u8)
}

/// `bytes` of a layer string as text; `None` when a byte is one the layer never writes.
pub(crate) fn layer_text(bytes: &[u8]) -> Option<String> {
    bytes.iter().map(|&b| layer_char(b)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn swedish_letters_are_single_bytes() {
        let text = "Åsa Öberg, Älvstrand – 5 €";
        let bytes: Vec<u8> = text
            .chars()
            .filter(|c| *c != ' ')
            .map(|c| layer_byte(c).unwrap())
            .collect();
        assert_eq!(&bytes[..3], &[0xC5, b's', b'a']);
        assert!(bytes.contains(&0x96) && bytes.contains(&0x80));
        assert_eq!(layer_text(&bytes).unwrap(), text.replace(' ', ""));
        for c in [' ', '\u{a0}', '\u{ad}', '\n', 'ł', '→', '\u{81}'] {
            assert_eq!(layer_byte(c), None, "{c:?}");
        }
    }

    #[test]
    fn the_font_has_one_width_per_code() {
        let dict = layer_font_dict();
        assert_eq!(dict.matches("500").count(), 224);
        assert!(dict.starts_with("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica"));
    }

    proptest! {
        #[test]
        fn bytes_and_chars_round_trip(byte in any::<u8>()) {
            if let Some(c) = layer_char(byte) {
                prop_assert_eq!(layer_byte(c), Some(byte));
            }
        }

        #[test]
        fn every_char_the_layer_takes_reads_back(c in any::<char>()) {
            if let Some(byte) = layer_byte(c) {
                prop_assert_eq!(layer_char(byte), Some(c));
            }
        }
    }
}
