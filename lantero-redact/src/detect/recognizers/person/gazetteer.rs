//! The name lists behind the `PERSON` baseline, and what they say about one word.
//!
//! The lists are plain text files under `data/gazetteers/` (one name a line, `#` comments),
//! compiled into the library so that it needs no files at run time.

use std::collections::HashSet;
use std::sync::LazyLock;

/// Endings that mark a word as a surname even when it is not in the list, with the shortest
/// stem they need (`Ek` is not `-k`, `Berg` alone is in the list): Swedish `-son`, `-berg`,
/// `-qvist`, …, Finnish `-nen`, South Slavic `-ić`, Polish `-ski`/`-ska`, Turkish `-oğlu`,
/// Persian `-zadeh`/`-pour`, Greek `-poulos`, Russian `-ov`/`-ova`, German `-mann`.
pub const SURNAME_ENDINGS: &[(&str, usize)] = &[
    ("sson", 2),
    ("son", 3),
    ("berg", 2),
    ("ström", 2),
    ("strom", 2),
    ("qvist", 2),
    ("kvist", 2),
    ("quist", 2),
    ("lund", 2),
    ("gren", 2),
    ("holm", 2),
    ("dahl", 2),
    ("stedt", 2),
    ("blad", 2),
    ("blom", 2),
    ("lind", 3),
    ("feldt", 2),
    ("bäck", 3),
    ("borg", 3),
    ("mark", 3),
    ("ander", 3),
    ("man", 3),
    ("mann", 3),
    ("lin", 3),
    ("din", 3),
    ("én", 3),
    ("hammar", 2),
    ("inen", 3),
    ("onen", 3),
    ("anen", 3),
    ("änen", 3),
    ("ynen", 3),
    ("ić", 3),
    ("vic", 3),
    ("ski", 3),
    ("ska", 4),
    ("cki", 3),
    ("cka", 3),
    ("czyk", 2),
    ("wicz", 2),
    ("oğlu", 2),
    ("oglu", 2),
    ("zadeh", 2),
    ("pour", 3),
    ("poulos", 2),
    ("idis", 3),
    ("akis", 3),
    ("escu", 3),
    ("ov", 3),
    ("ova", 3),
    ("ev", 4),
    ("eva", 4),
];

/// What the lists say about a word as a surname.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Surname {
    /// In the surname list.
    Known,
    /// In the surname list but also a common word (`Berg`, `Ek`).
    KnownWord,
    /// Not listed, but with a surname ending.
    Ending(&'static str),
}

/// The compiled lists, keys in lower case.
pub(crate) struct Gazetteer {
    first_names: HashSet<String>,
    surnames: HashSet<String>,
    name_words: HashSet<String>,
    stopwords: HashSet<String>,
}

static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| Gazetteer {
    first_names: list(include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/gazetteers/first_names.txt"
    ))),
    surnames: list(include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/gazetteers/surnames.txt"
    ))),
    name_words: list(include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/gazetteers/name_words.txt"
    ))),
    stopwords: list(include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/gazetteers/stopwords.txt"
    ))),
});

fn list(text: &str) -> HashSet<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_lowercase)
        .collect()
}

impl Gazetteer {
    /// The lists, loaded on first use.
    pub(crate) fn get() -> &'static Self {
        &GAZETTEER
    }

    /// `Some(ambiguous)` if `key` (lower case) is a first name; hyphenated names (`per-olof`)
    /// count when every part is one, and are never ambiguous.
    pub(crate) fn first_name(&self, key: &str) -> Option<bool> {
        if self.first_names.contains(key) {
            return Some(self.name_words.contains(key) && !key.contains('-'));
        }
        let mut parts = key.split('-');
        let all = key.contains('-') && parts.all(|p| self.first_names.contains(p));
        all.then_some(false)
    }

    /// What `key` (lower case) is as a surname, trying the genitive (`lindqvists`), hyphenated
    /// double names (`svensson-berg`) and Arabic article prefixes (`al-hassan`).
    pub(crate) fn surname(&self, key: &str) -> Option<Surname> {
        self.surname_exact(key).or_else(|| {
            key.strip_suffix('s')
                .and_then(|stem| self.surname_exact(stem))
        })
    }

    fn surname_exact(&self, key: &str) -> Option<Surname> {
        if self.surnames.contains(key) {
            return Some(if self.name_words.contains(key) {
                Surname::KnownWord
            } else {
                Surname::Known
            });
        }
        if let Some((head, tail)) = key.split_once('-') {
            if matches!(head, "al" | "el" | "abu" | "bin" | "ibn")
                && (self.surnames.contains(tail) || self.first_names.contains(tail))
            {
                return Some(Surname::Known);
            }
            let parts_ok = key
                .split('-')
                .all(|p| self.surnames.contains(p) || ending(p).is_some());
            return parts_ok.then_some(Surname::Known);
        }
        if self.stopwords.contains(key) || self.first_names.contains(key) {
            return None;
        }
        ending(key).map(Surname::Ending)
    }

    /// Whether `key` (lower case) is a common word that is never a name part.
    pub(crate) fn is_stopword(&self, key: &str) -> bool {
        self.stopwords.contains(key) || self.name_words.contains(key)
    }

    /// Whether `key` is in any name list.
    pub(crate) fn is_listed(&self, key: &str) -> bool {
        self.first_names.contains(key) || self.surnames.contains(key)
    }

    /// Sizes of the first-name and surname lists.
    #[cfg(test)]
    pub(crate) fn sizes(&self) -> (usize, usize) {
        (self.first_names.len(), self.surnames.len())
    }
}

/// The surname ending `key` has, if its stem is long enough.
fn ending(key: &str) -> Option<&'static str> {
    SURNAME_ENDINGS.iter().find_map(|&(end, stem)| {
        let rest = key.strip_suffix(end)?;
        (rest.chars().count() >= stem && rest.chars().all(char::is_alphabetic)).then_some(end)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_large_enough() {
        let (first, last) = Gazetteer::get().sizes();
        assert!(first >= 1000, "{first} first names");
        assert!(last >= 1000, "{last} surnames");
    }

    #[test]
    fn first_names_and_their_ambiguity() {
        let g = Gazetteer::get();
        assert_eq!(g.first_name("karin"), Some(false));
        assert_eq!(g.first_name("per"), Some(true));
        assert_eq!(g.first_name("per-olof"), Some(false));
        assert_eq!(g.first_name("anna-karin"), Some(false));
        assert_eq!(g.first_name("kommunen"), None);
    }

    #[test]
    fn surnames_by_list_ending_genitive_and_parts() {
        let g = Gazetteer::get();
        assert_eq!(g.surname("andersson"), Some(Surname::Known));
        assert_eq!(g.surname("ek"), Some(Surname::KnownWord));
        assert_eq!(g.surname("anderssons"), Some(Surname::Known));
        assert_eq!(g.surname("zqvist"), None); // stem too short
        assert_eq!(g.surname("blixtqvist"), Some(Surname::Ending("qvist")));
        assert_eq!(g.surname("al-hassan"), Some(Surname::Known));
        assert_eq!(g.surname("svensson-berg"), Some(Surname::Known));
        assert_eq!(g.surname("person"), None);
        assert_eq!(g.surname("kommunen"), None);
    }
}
