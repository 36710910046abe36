//! Labels: the words in a form, a table or a letterhead that say what the value after them is
//! (`Personnummer:`, `Ordernr 4455`, `Tel`).
//!
//! A context word speaks for the value right after it, not for every number within reach: in
//!
//! ```text
//! Ordernr: 4455-12
//! Kundnr: 811218-9876
//! ```
//!
//! `Ordernr` says nothing about the second line, whose own label is nearer. Context search
//! therefore begins at the nearest label before a value (so a word before a nearer, different
//! label is out of reach, and a line with its own label is never crossed) and ends at the first
//! label after it.

/// Label words that do not end in `nr` or `nummer`, the usual Swedish form; a word ending in one
/// of these (`hemtelefon`, `sparkonto`) is a label too.
const LABEL_ENDINGS: &[&str] = &[
    "telefon", "mobil", "konto", "adress", "e-post", "epost", "mejl", "bankgiro", "plusgiro",
    "clearing", "referens", "faktura",
];

/// Short label words, which must be whole words.
const SHORT_LABELS: &[&str] = &["tel", "tfn", "fax", "ocr", "iban", "ref", "bg", "pg"];

/// How far before its colon a label phrase may begin (`Personnummer (barn):`).
const MAX_LABEL_CHARS: usize = 30;

/// The char index in `chars` where the context of a value at the end of `chars` begins: the
/// start of the nearest label in it, or 0 when there is none.
///
/// ```
/// # use lantero_redact::detect::label::scope_start;
/// let text: Vec<char> = "Ordernr: 4455-12\nKundnr: ".chars().collect();
/// assert_eq!(scope_start(&text), 17);
/// let plain: Vec<char> = "personnummer för barnet är ".chars().collect();
/// assert_eq!(scope_start(&plain), 0);
/// ```
pub fn scope_start(chars: &[char]) -> usize {
    let colon = last_colon_label(chars);
    let word = label_words(chars).last().map(|&(start, _)| start);
    match (colon, word) {
        (Some((_, colon_at)), Some(word)) if word > colon_at => word,
        (Some((start, _)), _) => start,
        (None, Some(word)) => word,
        (None, None) => 0,
    }
}

/// The char index in `chars` where the context of a value just before `chars` ends: the start
/// of the first label in it, or its length when there is none.
///
/// ```
/// # use lantero_redact::detect::label::scope_end;
/// let text: Vec<char> = " (Swedbank), tel 08-12".chars().collect();
/// assert_eq!(scope_end(&text), 13);
/// ```
pub fn scope_end(chars: &[char]) -> usize {
    let colon = first_colon_label(chars);
    // `070-123 45 67 (mobil)`: a label word closing a parenthesis qualifies the value before.
    let word = label_words(chars)
        .into_iter()
        .find(|&(_, end)| chars.get(end) != Some(&')'))
        .map(|(start, _)| start);
    [colon, word]
        .into_iter()
        .flatten()
        .min()
        .unwrap_or(chars.len())
}

/// The words of `chars` that are labels, as (start, end) char indices.
fn label_words(chars: &[char]) -> Vec<(usize, usize)> {
    let mut labels = Vec::new();
    let mut at = 0;
    while at < chars.len() {
        if !chars[at].is_alphanumeric() {
            at += 1;
            continue;
        }
        let start = at;
        while at < chars.len() && (chars[at].is_alphanumeric() || is_inner(chars, at)) {
            at += 1;
        }
        let word: String = chars[start..at].iter().collect::<String>().to_lowercase();
        if is_label_word(&word) {
            labels.push((start, at));
        }
    }
    labels
}

/// `.` and `-` inside a word (`org.nr`, `e-post`, `p-nr`), not at its end.
fn is_inner(chars: &[char], at: usize) -> bool {
    matches!(chars[at], '.' | '-') && chars.get(at + 1).is_some_and(|c| c.is_alphanumeric())
}

/// Whether a lower-case word is a label word.
fn is_label_word(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    if letters == 0 || word.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    SHORT_LABELS.contains(&word)
        || word.ends_with("nr")
        || word.ends_with("nummer")
        || word.ends_with("numret")
        || LABEL_ENDINGS.iter().any(|ending| word.ends_with(ending))
}

/// The last `phrase:` label in `chars`, as (phrase start, colon index).
fn last_colon_label(chars: &[char]) -> Option<(usize, usize)> {
    (0..chars.len())
        .rev()
        .find_map(|at| colon_label(chars, at).map(|start| (start, at)))
}

/// The start of the first `phrase:` label in `chars`.
fn first_colon_label(chars: &[char]) -> Option<usize> {
    (0..chars.len()).find_map(|at| colon_label(chars, at))
}

/// When `chars[at]` is the colon ending a label (`Personnummer:`, `Personnummer (barn) :`, but
/// not `13:00` nor `https://`), where the label phrase begins.
fn colon_label(chars: &[char], at: usize) -> Option<usize> {
    if chars[at] != ':' || chars.get(at + 1) == Some(&'/') {
        return None;
    }
    let mut before = at;
    while before > 0 && matches!(chars[before - 1], ' ' | ')') {
        before -= 1;
    }
    if before == 0 || !chars[before - 1].is_alphabetic() {
        return None;
    }
    // Walk back over the phrase; a parenthesis (`Plusgiro (gammalt, används ej):`) is part of it.
    let mut start = before;
    let mut depth = chars[before..at].iter().filter(|&&c| c == ')').count();
    while start > 0 && at - start < MAX_LABEL_CHARS {
        let c = chars[start - 1];
        match c {
            ')' => depth += 1,
            '(' if depth > 0 => depth -= 1,
            '\n' | '\r' | '\t' => break,
            ',' | ';' | ':' if depth == 0 => break,
            _ if depth == 0 && c.is_ascii_digit() => break,
            ' ' if depth == 0 && start >= 2 && chars[start - 2] == ' ' => break,
            _ => {}
        }
        start -= 1;
    }
    while start < before && !chars[start].is_alphanumeric() {
        start += 1;
    }
    Some(start)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn chars(text: &str) -> Vec<char> {
        text.chars().collect()
    }

    fn start(text: &str) -> String {
        let c = chars(text);
        c[scope_start(&c)..].iter().collect()
    }

    fn end(text: &str) -> String {
        let c = chars(text);
        c[..scope_end(&c)].iter().collect()
    }

    #[test]
    fn the_nearest_label_starts_the_scope() {
        assert_eq!(start("Ordernr: 4455-12\nKundnr: "), "Kundnr: ");
        assert_eq!(start("Ordernr 4455-12\nKundnr "), "Kundnr ");
        assert_eq!(start("Personnummer (barn): "), "Personnummer (barn): ");
        assert_eq!(
            start("Plusgiro (gammalt, används ej): "),
            "Plusgiro (gammalt, används ej): "
        );
        assert_eq!(start("Barnet Elsa, personnummer "), "personnummer ");
        assert_eq!(
            start("Sökande: Karin Lindqvist, "),
            "Sökande: Karin Lindqvist, "
        );
        assert_eq!(start("Kontakt: Anna, tel. "), "tel. ");
        assert_eq!(start("till sparkonto "), "sparkonto ");
        assert_eq!(start("E-post: "), "E-post: ");
        assert_eq!(start("Org.nr "), "Org.nr ");
    }

    #[test]
    fn prose_times_and_links_are_not_labels() {
        assert_eq!(start("hon sa att barnet är "), "hon sa att barnet är ");
        assert_eq!(start("kl. 13:00 ringde "), "kl. 13:00 ringde ");
        assert_eq!(start("se https://lillby.se "), "se https://lillby.se ");
        assert_eq!(start("personnummer 12 år "), "personnummer 12 år ");
    }

    #[test]
    fn the_first_label_after_ends_the_scope() {
        assert_eq!(end(" (Swedbank), tel 08-12"), " (Swedbank), ");
        assert_eq!(end(" i Swedbank\nKundnr: 1"), " i Swedbank\n");
        assert_eq!(end(" (mobil)"), " (mobil)");
        assert_eq!(end(" (mobil), fax 08"), " (mobil), ");
        assert_eq!(end(" kl. 13:00"), " kl. 13:00");
    }

    proptest! {
        /// Whatever comes before a labelled line, the scope never reaches back past its label.
        #[test]
        fn a_labelled_line_is_never_crossed(before in "[a-zA-Zåäö0-9 :,.\n-]{0,40}", label in "[A-Za-zåäö]{2,12}") {
            let text = format!("{before}\n{label}: ");
            let c = chars(&text);
            let line_start = text.chars().count() - label.chars().count() - 2;
            prop_assert!(scope_start(&c) >= line_start);
        }

        /// The scope lies within the text and scope functions never panic.
        #[test]
        fn scopes_stay_inside(text in "\\PC{0,60}") {
            let c = chars(&text);
            prop_assert!(scope_start(&c) <= c.len());
            prop_assert!(scope_end(&c) <= c.len());
        }
    }
}
