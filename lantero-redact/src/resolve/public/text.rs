//! Finding the public rules' strings in page text, and reading a finding's value.

use regex::{Regex, RegexBuilder};

use crate::detect::{Entity, Finding};

/// The entity a finding's value is: an e-mail address merged into a name the model saw in it
/// is still an e-mail address.
pub(super) fn value_entity(f: &Finding) -> Entity {
    let text = f.text.trim();
    let email = !text.contains(char::is_whitespace)
        && text.matches('@').count() == 1
        && text
            .rsplit_once('@')
            .is_some_and(|(user, domain)| !user.is_empty() && domain.contains('.'));
    if email { Entity::Email } else { f.entity }
}

/// Every occurrence of each entry in `text`, without regard to case, any run of whitespace
/// matching any other, on word boundaries; as char ranges. `genitive` lets a trailing -s
/// belong to the occurrence ("Älvstrands kommuns").
pub(super) fn occurrences<S: AsRef<str>>(
    text: &str,
    entries: &[S],
    genitive: bool,
) -> Vec<(String, (usize, usize))> {
    let mut out = Vec::new();
    for entry in entries {
        let entry = entry.as_ref();
        let words: Vec<String> = entry.split_whitespace().map(regex::escape).collect();
        if words.is_empty() {
            continue;
        }
        let pattern = format!("{}{}", words.join(r"\s+"), if genitive { "s?" } else { "" });
        let Ok(regex) = RegexBuilder::new(&pattern).case_insensitive(true).build() else {
            continue;
        };
        out.extend(find_on_word_boundaries(text, &regex).map(|r| (entry.to_owned(), r)));
    }
    out
}

fn find_on_word_boundaries<'t>(
    text: &'t str,
    regex: &'t Regex,
) -> impl Iterator<Item = (usize, usize)> + 't {
    regex.find_iter(text).filter_map(move |m| {
        let before = text[..m.start()].chars().next_back();
        let after = text[m.end()..].chars().next();
        let inner_start = m.as_str().chars().next().is_some_and(char::is_alphanumeric);
        let inner_end = m
            .as_str()
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric);
        let glued = (inner_start && before.is_some_and(char::is_alphanumeric))
            || (inner_end && after.is_some_and(char::is_alphanumeric));
        if glued {
            return None;
        }
        let start = text[..m.start()].chars().count();
        Some((start, start + m.as_str().chars().count()))
    })
}

/// Whether the local part of `mail` spells `name`: "johan.bergstrom" for "Johan Bergström".
pub(super) fn mail_spells_name(mail: &str, name: &str) -> bool {
    let Some((local, _)) = mail.trim().split_once('@') else {
        return false;
    };
    let fold = |s: &str| -> String {
        s.to_lowercase()
            .chars()
            .map(|c| match c {
                'å' | 'ä' | 'á' | 'à' => 'a',
                'ö' | 'ø' | 'ó' => 'o',
                'é' | 'è' | 'ë' => 'e',
                'ü' => 'u',
                c => c,
            })
            .filter(char::is_ascii_alphanumeric)
            .collect()
    };
    let parts: Vec<String> = name
        .split_whitespace()
        .map(fold)
        .filter(|p| !p.is_empty())
        .collect();
    parts.len() >= 2 && fold(local) == parts.concat()
}
