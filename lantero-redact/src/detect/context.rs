//! Context words: words near a match that make it more likely (or less likely) to be what it
//! looks like.
//!
//! A context word matches case-insensitively. Short words (four characters or fewer, such as
//! `"tel"`, `"bg"`, `"bil"`, `"ring"`) must stand alone, so that `"tel"` does not fire inside
//! `"hotell"` nor `"ring"` inside `"utvärdering"`; longer words may sit inside a Swedish compound,
//! so that `"konto"` fires in `"sparkonto"` and `"telefon"` in `"hemtelefonnummer"`.
//!
//! A context word reaches no further than the value's nearest label (see [`label`](super::label)):
//! a word before a nearer, different label, or on an earlier line when the value's line has a
//! label of its own, says nothing about the value.

use super::label::{scope_end, scope_start};

/// How many characters before a match are searched for context words.
pub const WINDOW_CHARS: usize = 40;

/// Words this short must be whole words to count.
const SHORT_WORD_CHARS: usize = 4;

/// A context word found near a match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit<'w> {
    /// The word, as given in the list.
    pub word: &'w str,
    /// Characters between the end of the word and the match (or the match and the word).
    pub distance: usize,
}

/// The one of `words` (lower-case) that ends closest before byte offset `start` of `text`,
/// within [`WINDOW_CHARS`] characters, compared case-insensitively.
///
/// ```
/// use lantero_redact::detect::context::word_before;
///
/// let text = "Personnr: 811218-9876";
/// assert_eq!(word_before(text, 10, &["personnr", "pnr"]), Some("personnr"));
/// assert_eq!(word_before(text, 10, &["telefon"]), None);
/// // short words must stand alone
/// assert_eq!(word_before("hotell 08-123", 7, &["tel"]), None);
/// ```
pub fn word_before<'w>(text: &str, start: usize, words: &[&'w str]) -> Option<&'w str> {
    hit_before(text, start, words, WINDOW_CHARS).map(|hit| hit.word)
}

/// The closest of `words` ending within `window` characters before byte offset `start`, and
/// not before the nearest label.
///
/// ```
/// use lantero_redact::detect::context::hit_before;
///
/// let text = "Ordernr: 4455-12\nKundnr: 811218-9876";
/// assert_eq!(hit_before(text, 25, &["ordernr"], 40), None);
/// assert_eq!(hit_before(text, 25, &["kundnr"], 40).map(|h| h.distance), Some(2));
/// ```
pub fn hit_before<'w>(
    text: &str,
    start: usize,
    words: &[&'w str],
    window: usize,
) -> Option<Hit<'w>> {
    let head = text.get(..start)?;
    let from = head
        .char_indices()
        .rev()
        .nth(window.saturating_sub(1))
        .map_or(0, |(i, _)| i);
    let window_text = lower_chars(&head[from..]);
    // A word cut off by the window's left edge is not known to stand alone.
    let cut_left = from > 0;
    let scope = scope_start(&window_text);
    let mut best: Option<Hit<'w>> = None;
    for &word in words {
        for at in occurrences(&window_text, word, cut_left) {
            if at < scope {
                continue;
            }
            let distance = window_text.len() - (at + word.chars().count());
            if best.is_none_or(|b| distance < b.distance) {
                best = Some(Hit { word, distance });
            }
        }
    }
    best
}

/// The closest of `words` starting within `window` characters after byte offset `end`, and
/// before the first label after it.
///
/// ```
/// use lantero_redact::detect::context::hit_after;
///
/// let text = "7385-223 23 68 (Swedbank)";
/// assert_eq!(hit_after(text, 14, &["swedbank"], 20).map(|h| h.word), Some("swedbank"));
/// ```
pub fn hit_after<'w>(text: &str, end: usize, words: &[&'w str], window: usize) -> Option<Hit<'w>> {
    let tail = text.get(end..)?;
    let to = tail
        .char_indices()
        .nth(window)
        .map_or(tail.len(), |(i, _)| i);
    let window_text = lower_chars(&tail[..to]);
    let cut_right = to < tail.len();
    let scope = scope_end(&window_text);
    let mut best: Option<Hit<'w>> = None;
    for &word in words {
        for at in occurrences(&window_text, word, false) {
            let len = word.chars().count();
            if at >= scope {
                continue;
            }
            if cut_right && at + len == window_text.len() && is_short(word) {
                continue;
            }
            if best.is_none_or(|b| at < b.distance) {
                best = Some(Hit { word, distance: at });
            }
        }
    }
    best
}

/// Whether the characters just before `start` and at `end` are not ASCII digits, so that a
/// digit pattern is not the middle of a longer number.
pub fn isolated_digits(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(|c| c.is_ascii_digit()) && !after.is_some_and(|c| c.is_ascii_digit())
}

fn is_short(word: &str) -> bool {
    word.chars().count() <= SHORT_WORD_CHARS
}

/// The text lower-cased char by char, so that char positions stay those of the input.
fn lower_chars(text: &str) -> Vec<char> {
    text.chars()
        .map(|c| c.to_lowercase().next().unwrap_or(c))
        .collect()
}

/// Char positions in `haystack` where `word` occurs and counts (short words whole).
fn occurrences(haystack: &[char], word: &str, cut_left: bool) -> Vec<usize> {
    let needle: Vec<char> = word.chars().collect();
    if needle.is_empty() || needle.len() > haystack.len() {
        return Vec::new();
    }
    let whole = is_short(word);
    (0..=haystack.len() - needle.len())
        .filter(|&at| haystack[at..at + needle.len()] == needle[..])
        .filter(|&at| {
            if !whole {
                return true;
            }
            let left_ok = if at == 0 {
                !cut_left
            } else {
                !haystack[at - 1].is_alphanumeric()
            };
            let right_ok = haystack
                .get(at + needle.len())
                .is_none_or(|c| !c.is_alphabetic() || !needle[needle.len() - 1].is_alphanumeric());
            left_ok && right_ok
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn window_is_bounded_and_case_insensitive() {
        let far = format!("personnummer{}X", " ".repeat(WINDOW_CHARS));
        assert_eq!(word_before(&far, far.len() - 1, &["personnummer"]), None);
        assert_eq!(word_before("PNR 1", 4, &["pnr"]), Some("pnr"));
        assert_eq!(word_before("åäö pnr 1", 11, &["pnr"]), Some("pnr"));
    }

    #[test]
    fn short_words_stand_alone_long_words_may_be_compounded() {
        assert_eq!(word_before("hotell 1", 7, &["tel"]), None);
        assert_eq!(word_before("tel. 1", 5, &["tel"]), Some("tel"));
        assert_eq!(word_before("utvärdering 1", 12, &["ring"]), None);
        assert_eq!(word_before("sparkonto 1", 10, &["konto"]), Some("konto"));
        assert_eq!(word_before("f. 1985", 3, &["f."]), Some("f."));
        assert_eq!(word_before("ref. 1985", 5, &["f."]), None);
    }

    #[test]
    fn the_closest_word_wins() {
        let text = "telefon 1, personnummer 2";
        let hit = hit_before(text, 24, &["telefon", "personnummer"], WINDOW_CHARS).unwrap();
        assert_eq!(
            hit,
            Hit {
                word: "personnummer",
                distance: 1
            }
        );
    }

    #[test]
    fn words_after_are_found_and_bounded() {
        assert_eq!(
            hit_after("1 (mobil)", 1, &["mobil"], 10).map(|h| h.distance),
            Some(2)
        );
        assert_eq!(hit_after("1 xxxxxxxxxxxx mobil", 1, &["mobil"], 10), None);
        assert_eq!(
            hit_after("1 sms", 1, &["sms"], 4),
            Some(Hit {
                word: "sms",
                distance: 1
            })
        );
        assert_eq!(hit_after("1 smsen", 1, &["sms"], 4), None);
    }

    #[test]
    fn a_nearer_label_or_a_labelled_line_stops_the_search() {
        // "Ordernr" on the line above does not speak for the next line's labelled number.
        let text = "Ordernr: 4455-12\nKundnr: 811218-9876";
        assert_eq!(word_before(text, 25, &["ordernr"]), None);
        let text = "Ordernr 4455-12, telefon 0701234567";
        assert_eq!(word_before(text, 25, &["ordernr"]), None);
        assert_eq!(word_before(text, 25, &["telefon"]), Some("telefon"));
        // An unlabelled line below a label is still that label's value (a form's two lines).
        assert_eq!(
            word_before("Personnummer:\n811218-9876", 14, &["personnummer"]),
            Some("personnummer")
        );
        // Prose between the word and the value is no label.
        let text = "personnummer för barnet är 150916-0006";
        assert_eq!(
            word_before(text, 28, &["personnummer"]),
            Some("personnummer")
        );
        // After a value, the search ends at the next label.
        assert_eq!(
            hit_after("7385-223 (tel Swedbank)", 8, &["swedbank"], 20),
            None
        );
    }

    proptest::proptest! {
        /// A context word on an earlier line never reaches a value whose line has a label.
        #[test]
        fn labelled_lines_are_never_crossed(
            gap in "[a-zåäö ,.0-9-]{0,20}",
            label in "[A-ZÅÄÖ][a-zåäö]{1,10}",
        ) {
            let text = format!("Personnummer {gap}\n{label}: 811218-9876");
            let start = text.len() - "811218-9876".len();
            proptest::prop_assert_eq!(word_before(&text, start, &["personnummer"]), None);
        }

        /// Without any label in between, the nearest context word is found wherever it is.
        #[test]
        fn unlabelled_text_does_not_stop_the_search(gap in "[a-zåäö ]{0,20}") {
            let text = format!("Personnummer {gap}811218-9876");
            let start = text.len() - "811218-9876".len();
            let found = word_before(&text, start, &["personnummer"]);
            let has_label = gap.split(' ').any(|w| w.ends_with("nr") || w.ends_with("nummer")
                || w.ends_with("numret") || ["tel", "tfn", "fax", "ocr", "iban", "ref", "bg", "pg"].contains(&w)
                || ["telefon", "mobil", "konto", "adress", "epost", "mejl", "bankgiro", "plusgiro",
                    "clearing", "referens", "faktura"].iter().any(|e| w.ends_with(e)));
            proptest::prop_assert_eq!(found.is_some(), !has_label);
        }
    }

    #[test]
    fn digits_next_to_a_match_are_noticed() {
        assert!(isolated_digits("a 12 b", 2, 4));
        assert!(!isolated_digits("a 123 b", 2, 4));
        assert!(!isolated_digits("a 123 b", 3, 5));
        assert!(isolated_digits("12", 0, 2));
    }
}
