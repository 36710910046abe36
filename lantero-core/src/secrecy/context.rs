//! Document contexts (socialtjänst, skola, …) and the keywords that reveal them.
//!
//! The same personnummer is covered by OSL 26:1 in a social-services file and by OSL 25:1 in a
//! patient record, so candidate provisions depend on where a document comes from. Keywords are
//! matched case-insensitively on word boundaries; a keyword ending in `*` matches any ending,
//! which covers Swedish inflection (`socialnämnd*` matches `socialnämnden`, `socialnämndens`).

use serde::{Deserialize, Serialize};

/// The id of the catch-all context: provisions listing it apply in every activity.
pub const GENERAL_CONTEXT: &str = "allman";

/// A context in which documents arise, with the words that reveal it.
///
/// ```
/// use lantero_core::secrecy::Context;
///
/// let skola = Context {
///     id: "skola".into(),
///     label: "Förskola och skola".into(),
///     description: None,
///     keywords: vec!["elev*".into(), "rektor".into()],
/// };
/// assert_eq!(skola.matched_keywords("Eleven träffade REKTOR i går."), ["elev*", "rektor"]);
/// assert!(skola.matched_keywords("Rektorsområdet").is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Context {
    /// Stable id, lower-case ASCII with underscores, e.g. `"socialtjanst"`.
    pub id: String,
    /// Swedish label, e.g. `"Socialtjänst"`.
    pub label: String,
    /// What the context covers, when the label is not enough.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Swedish words and phrases that reveal the context; `*` at the end matches any ending.
    pub keywords: Vec<String>,
}

impl Context {
    /// The keywords that occur in `text`, in the order they are listed.
    pub fn matched_keywords(&self, text: &str) -> Vec<&str> {
        self.matched_in(&normalize(text))
    }

    /// As [`Context::matched_keywords`], on text already passed through [`normalize`].
    pub(crate) fn matched_in(&self, normalized: &str) -> Vec<&str> {
        self.keywords
            .iter()
            .filter(|k| keyword_occurs(normalized, k))
            .map(String::as_str)
            .collect()
    }
}

/// A context seen as a string is its id, so that contexts and plain ids can be passed to the
/// same functions (see [`Catalogue::candidates`](super::Catalogue::candidates)).
impl AsRef<str> for Context {
    fn as_ref(&self) -> &str {
        &self.id
    }
}

/// A context found in a text, with the keywords that gave it away.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ContextMatch<'a> {
    /// The context.
    pub context: &'a Context,
    /// The keywords found, in the order the context lists them.
    pub keywords: Vec<&'a str>,
}

/// Lower-cases `text` and collapses every run of whitespace to one space, so that a phrase
/// broken over a line still matches.
pub(crate) fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            in_space = true;
            continue;
        }
        if in_space && !out.is_empty() {
            out.push(' ');
        }
        in_space = false;
        out.extend(c.to_lowercase());
    }
    out
}

/// Whether `keyword` occurs in the normalised `text` on word boundaries.
fn keyword_occurs(text: &str, keyword: &str) -> bool {
    let (stem, open_end) = match keyword.strip_suffix('*') {
        Some(stem) => (stem, true),
        None => (keyword, false),
    };
    let stem = normalize(stem);
    if stem.is_empty() {
        return false;
    }
    text.match_indices(&stem).any(|(start, found)| {
        let before = text[..start].chars().next_back();
        let after = text[start + found.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric)
            && (open_end || !after.is_some_and(char::is_alphanumeric))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_on_word_boundaries_only() {
        assert!(keyword_occurs("beslut enligt lss.", "lss"));
        assert!(keyword_occurs("en lss-insats", "lss"));
        assert!(!keyword_occurs("klassrum", "lss"));
        assert!(!keyword_occurs("elevhälsan", "elevhälsa"));
        assert!(keyword_occurs("elevhälsan", "elevhälsa*"));
        assert!(!keyword_occurs("skolelevhälsan", "elevhälsa*"));
    }

    #[test]
    fn phrases_match_across_line_breaks_and_case() {
        let text = normalize("Ansökan om EKONOMISKT\n  bistånd");
        assert!(keyword_occurs(&text, "ekonomiskt bistånd"));
        assert!(keyword_occurs(&text, "Ekonomiskt Bistånd"));
    }

    #[test]
    fn empty_keywords_never_match() {
        assert!(!keyword_occurs("vad som helst", ""));
        assert!(!keyword_occurs("vad som helst", "*"));
    }

    #[test]
    fn later_occurrences_are_found_when_the_first_is_inside_a_word() {
        assert!(keyword_occurs("klassrum och lss", "lss"));
    }
}
