//! Context words: words near a match that make it more likely to be what it looks like.

/// How many characters before a match are searched for context words.
pub const WINDOW_CHARS: usize = 40;

/// The first of `words` (lower-case) found in the `WINDOW_CHARS` characters before byte offset
/// `start` of `text`, compared case-insensitively.
///
/// ```
/// use lantero_redact::detect::context::word_before;
///
/// let text = "Personnr: 811218-9876";
/// assert_eq!(word_before(text, 10, &["personnr", "pnr"]), Some("personnr"));
/// assert_eq!(word_before(text, 10, &["telefon"]), None);
/// ```
pub fn word_before<'w>(text: &str, start: usize, words: &[&'w str]) -> Option<&'w str> {
    let head = text.get(..start)?;
    let from = head
        .char_indices()
        .rev()
        .nth(WINDOW_CHARS.saturating_sub(1))
        .map_or(0, |(i, _)| i);
    let window = head[from..].to_lowercase();
    words.iter().copied().find(|word| window.contains(word))
}

/// Whether the characters just before `start` and at `end` are not ASCII digits, so that a
/// digit pattern is not the middle of a longer number.
pub fn isolated_digits(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(|c| c.is_ascii_digit()) && !after.is_some_and(|c| c.is_ascii_digit())
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
    fn digits_next_to_a_match_are_noticed() {
        assert!(isolated_digits("a 12 b", 2, 4));
        assert!(!isolated_digits("a 123 b", 2, 4));
        assert!(!isolated_digits("a 123 b", 3, 5));
        assert!(isolated_digits("12", 0, 2));
    }
}
