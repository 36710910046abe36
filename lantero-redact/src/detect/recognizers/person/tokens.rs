//! Words of a page, with what the name rules need to know about each.

use std::sync::LazyLock;

use regex::Regex;

/// A word and how it stands to its neighbours.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Token {
    /// Byte offset of the first byte.
    pub(crate) start: usize,
    /// Byte offset one past the last byte.
    pub(crate) end: usize,
    /// The word in lower case, for lookups (empty for words that are not capitalised).
    pub(crate) key: String,
    /// Whether the first letter is upper case.
    pub(crate) capitalised: bool,
    /// Whether every letter is upper case (and there are at least two).
    pub(crate) all_caps: bool,
    /// Whether the next word follows on the same line after only a space or two (or, after an
    /// initial, after its full stop).
    pub(crate) joined: bool,
    /// Whether the next word follows after a comma and a space on the same line.
    pub(crate) comma_after: bool,
    /// Whether this is a single capital followed by a full stop (`J.`).
    pub(crate) initial: bool,
    /// Whether a sentence, line or field starts here.
    pub(crate) sentence_start: bool,
}

static WORD: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*(?:-[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*)*").ok()
});

/// The words of `text` in order.
pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    let Some(word) = WORD.as_ref() else {
        return Vec::new();
    };
    let spans: Vec<(usize, usize)> = word.find_iter(text).map(|m| (m.start(), m.end())).collect();
    spans
        .iter()
        .enumerate()
        .map(|(n, &(start, end))| {
            let s = &text[start..end];
            let capitalised = s.chars().next().is_some_and(char::is_uppercase);
            let (mut letters, mut upper) = (0, 0);
            for c in s.chars().filter(|c| c.is_alphabetic()) {
                letters += 1;
                upper += usize::from(c.is_uppercase());
            }
            let initial = letters == 1 && capitalised && text[end..].starts_with('.');
            let gap = spans.get(n + 1).map(|&(next, _)| &text[end..next]);
            let spaces = |g: &str| {
                (1..=3).contains(&g.len()) && g.chars().all(|c| matches!(c, ' ' | '\t' | '\u{a0}'))
            };
            let joined = gap
                .is_some_and(|g| spaces(g) || (initial && g.strip_prefix('.').is_some_and(spaces)));
            let comma_after = gap.is_some_and(|g| g.strip_prefix(',').is_some_and(spaces));
            let before = text[..start].trim_end_matches([' ', '\t', '\u{a0}', '(', '"', '»', '\'']);
            Token {
                start,
                end,
                // Only capitalised words are looked up; the others need no key.
                key: if capitalised {
                    s.to_lowercase()
                } else {
                    String::new()
                },
                capitalised,
                all_caps: letters >= 2 && upper == letters,
                joined,
                comma_after,
                initial,
                sentence_start: before.is_empty()
                    || before.ends_with(['.', '!', '?', ':', '\n', '\r', '•', '-', '–']),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_know_their_neighbours() {
        let t = tokenize("Hej Anna-Karin J. Öberg, Karl\nNy rad");
        let keys: Vec<&str> = t.iter().map(|t| t.key.as_str()).collect();
        assert_eq!(keys, ["hej", "anna-karin", "j", "öberg", "karl", "ny", ""]);
        assert!(t[0].sentence_start && t[0].joined);
        assert!(t[2].initial && t[2].joined);
        assert!(t[3].comma_after && !t[3].joined);
        assert!(!t[4].joined);
        assert!(t[5].sentence_start && !t[6].sentence_start);
        assert!(tokenize("KARIN")[0].all_caps);
        assert!(!tokenize("K")[0].all_caps);
    }
}
