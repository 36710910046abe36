//! Propagating detected person names to their other occurrences in the document.

use std::collections::BTreeSet;

use regex::Regex;

use crate::detect::recognizers::common::{at_word_start, followed_by_alphanumeric};
use crate::detect::{CharOffsets, Entity, Finding, sort_findings};

/// Adds a `PERSON` finding wherever a part of a detected full name recurs in the document: the
/// surname alone, the first name alone (only because it appeared in a full name), each with a
/// genitive -s, in its written case or ALL CAPS. Occurrences already covered by a finding are
/// left alone. Single-word names are not propagated: a lone first name is too weak a signal.
///
/// ```
/// use lantero_redact::detect::{Entity, Finding};
/// use lantero_redact::resolve::propagate_names;
///
/// let text = "Karin Lindqvist ansöker. Lindqvists inkomst är låg. KARIN har två barn.";
/// let name = Finding {
///     id: String::new(), entity: Entity::Person, text: "Karin Lindqvist".into(), page: 1,
///     start: 0, end: 15, boxes: vec![], score: 0.9, recognizer: "names".into(),
///     reason: "gazetteer".into(), provisions: vec![], public: None,
/// };
/// let found = propagate_names(&[text], vec![name]);
/// let texts: Vec<&str> = found.iter().map(|f| f.text.as_str()).collect();
/// assert_eq!(texts, ["Karin Lindqvist", "Lindqvists", "KARIN"]);
/// ```
pub fn propagate_names(pages: &[&str], findings: Vec<Finding>) -> Vec<Finding> {
    let sources = findings.clone();
    add_occurrences(
        pages,
        findings,
        &sources,
        &name_patterns(&sources),
        |_, origin| {
            format!(
                "part of the name '{}' found on page {}",
                origin.text, origin.page
            )
        },
    )
}

/// The patterns [`propagate_names`] searches for: every part of every full `PERSON` name in
/// `sources`, each paired with the index of its source.
pub(super) fn name_patterns(sources: &[Finding]) -> Vec<(Regex, usize)> {
    let mut variants: Vec<(String, usize)> = Vec::new();
    for (index, finding) in sources.iter().enumerate() {
        if finding.entity != Entity::Person {
            continue;
        }
        let parts = name_parts(&finding.text);
        if parts.len() < 2 {
            continue;
        }
        for part in parts {
            for variant in spellings(&part) {
                if !variants.iter().any(|(v, _)| *v == variant) {
                    variants.push((variant, index));
                }
            }
        }
    }
    variants
        .iter()
        .filter_map(|(variant, source)| Some((Regex::new(&regex::escape(variant)).ok()?, *source)))
        .collect()
}

/// Adds a finding, of its source's entity and score, for every match of each pattern that
/// stands on word boundaries and is not already covered by a finding on its page; `reason`
/// explains a match by its source. `patterns` pair a regex with the index of its source in
/// `sources` (the findings themselves, or those of another document of the same request).
pub(super) fn add_occurrences(
    pages: &[&str],
    findings: Vec<Finding>,
    sources: &[Finding],
    patterns: &[(Regex, usize)],
    reason: impl Fn(usize, &Finding) -> String,
) -> Vec<Finding> {
    let mut added: Vec<Finding> = Vec::new();
    for (page_index, text) in pages.iter().enumerate() {
        let page = u32::try_from(page_index + 1).unwrap_or(u32::MAX);
        let offsets = CharOffsets::new(text);
        let mut taken: BTreeSet<(usize, usize)> = BTreeSet::new();
        for (regex, source) in patterns {
            for found in regex.find_iter(text) {
                let (byte, byte_end) = (found.start(), found.end());
                if !on_word_boundaries(text, byte, byte_end) {
                    continue;
                }
                let (start, end) = (offsets.char_at(byte), offsets.char_at(byte_end));
                let covered = findings
                    .iter()
                    .chain(added.iter())
                    .any(|f: &Finding| f.page == page && f.start <= start && end <= f.end);
                if covered || !taken.insert((start, end)) {
                    continue;
                }
                let origin = &sources[*source];
                added.push(Finding {
                    id: String::new(),
                    entity: origin.entity,
                    text: found.as_str().to_owned(),
                    page,
                    start,
                    end,
                    boxes: Vec::new(),
                    score: origin.score,
                    recognizer: "propagation".into(),
                    reason: reason(*source, origin),
                    provisions: Vec::new(),
                    public: None,
                });
            }
        }
    }
    let mut all = findings;
    all.extend(added);
    sort_findings(&mut all);
    all
}

/// The words of a name, in their canonical capitalisation ("KARIN" → "Karin"), without a
/// trailing genitive -s or punctuation; "Lindqvist, Karin" gives both parts too.
fn name_parts(name: &str) -> Vec<String> {
    name.split(|c: char| c.is_whitespace() || c == ',')
        .map(|w| w.trim_matches(|c: char| !c.is_alphabetic()))
        .filter(|w| w.chars().count() >= 2 && w.chars().any(char::is_uppercase))
        .map(capitalise)
        .collect()
}

/// "PER-OLOF" → "Per-Olof", "lindqvist" → "Lindqvist".
fn capitalise(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut start_of_part = true;
    for c in word.chars() {
        if start_of_part {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start_of_part = c == '-';
    }
    out
}

/// The spellings searched for: as written, ALL CAPS, and genitive forms of both.
fn spellings(part: &str) -> Vec<String> {
    let upper = part.to_uppercase();
    let mut forms = vec![part.to_owned(), upper.clone()];
    if !part.ends_with(['s', 'x', 'z']) {
        forms.push(format!("{part}s"));
        forms.push(format!("{upper}S"));
    }
    forms
}

/// Neither the character before nor the one after is a letter or digit.
fn on_word_boundaries(text: &str, start: usize, end: usize) -> bool {
    at_word_start(text, start) && !followed_by_alphanumeric(text, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(text: &str, page: u32, start: usize) -> Finding {
        Finding {
            id: String::new(),
            entity: Entity::Person,
            text: text.into(),
            page,
            start,
            end: start + text.chars().count(),
            boxes: vec![],
            score: 0.8,
            recognizer: "names".into(),
            reason: "r".into(),
            provisions: vec![],
            public: None,
        }
    }

    #[test]
    fn propagates_across_pages_and_cases() {
        let pages = [
            "Beslut för PER-OLOF HÄGG.",
            "Häggs assistent. Per-Olof ringde. Hägger nej.",
        ];
        let found = propagate_names(&pages, vec![person("PER-OLOF HÄGG", 1, 11)]);
        let got: Vec<(u32, &str)> = found.iter().map(|f| (f.page, f.text.as_str())).collect();
        assert_eq!(got, [(1, "PER-OLOF HÄGG"), (2, "Häggs"), (2, "Per-Olof")]);
        assert_eq!(found[1].recognizer, "propagation");
        let chars: Vec<char> = pages[1].chars().collect();
        let f = &found[2];
        assert_eq!(chars[f.start..f.end].iter().collect::<String>(), "Per-Olof");
    }

    #[test]
    fn single_names_and_other_entities_do_not_propagate() {
        let text = "Karin kom. Karin gick.";
        let found = propagate_names(&[text], vec![person("Karin", 1, 0)]);
        assert_eq!(found.len(), 1);
    }

    #[test]
    fn comma_order_and_words_inside_other_words() {
        let text = "Lindqvist, Karin. Lindqvistgatan 4. Karins bil.";
        let found = propagate_names(&[text], vec![person("Lindqvist, Karin", 1, 0)]);
        let got: Vec<&str> = found.iter().map(|f| f.text.as_str()).collect();
        assert_eq!(got, ["Lindqvist, Karin", "Karins"]);
    }
}
