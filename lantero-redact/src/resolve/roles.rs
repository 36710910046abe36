//! Officials in their role: a name written with a role word in the same cell ("Annika Dahl,
//! socialsekreterare", "Sekreterare: Eva Sjöberg"), with a party in minutes ("Anders Viklund
//! (M)"), or alone in a signature block under or over its role ("Per Sandberg" /
//! "Enhetschef"). Such a name is public: the official acts for the authority.
//!
//! Every rule is local, because a private person's name must never be released for standing
//! near someone else's role: the role must touch the name (only punctuation, a party or a
//! qualifier such as "vice" between), or the name must be alone in its cell with the role alone
//! in the cell directly above or below it. Definite forms ("enhetschefen Tomas Wennberg") are
//! not roles here: in running text they describe whom a report is about.

use std::sync::LazyLock;

use regex::Regex;

use super::cells::{Cell, cell_at, neighbour};

/// Role words, as the end of a word: "LSS-handläggare", "nämndsekreterare", "enhetschef".
const ROLE_ENDINGS: &[&str] = &[
    "handläggare",
    "sekreterare",
    "chef",
    "ordförande",
    "ledamot",
    "ersättare",
    "justerare",
    "specialist",
    "utredare",
    "samordnare",
    "direktör",
    "jurist",
    "registrator",
    "strateg",
    "controller",
    "beslutsfattare",
    "kontrollant",
    "rektor",
    "kurator",
    "föreståndare",
    "inspektör",
    "kommunalråd",
    "oppositionsråd",
    "ombudsman",
    "advokat",
];

/// Words that may stand between a name and its role: "vice ordförande", "tf. enhetschef".
const QUALIFIERS: &[&str] = &[
    "vice",
    "tf",
    "t.f",
    "tillförordnad",
    "biträdande",
    "bitr",
    "förste",
    "1:e",
    "2:e",
    "ordinarie",
    "tjänstgörande",
    "ansvarig",
];

/// Phrases that stand alone over a signature: "Vid protokollet" / "Kristina Wallin".
const SIGNATURE_PHRASES: &[&str] = &["vid protokollet"];

/// Party abbreviations of the Riksdag parties, as written after an elected member's name.
static PARTY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*\((S|M|C|L|KD|V|MP|SD)\)").unwrap_or_else(|_| unreachable!())
});

/// Whether `word` (letters and hyphens) is a role word, e.g. "LSS-handläggare" or "Enhetschef".
pub(crate) fn is_role_word(word: &str) -> bool {
    let lower = word.to_lowercase();
    ROLE_ENDINGS.iter().any(|r| lower.ends_with(r))
}

fn is_qualifier(word: &str) -> bool {
    let lower = word.to_lowercase();
    QUALIFIERS.contains(&lower.trim_end_matches('.'))
}

/// The words of a text: runs of letters, digits, '-', ':' and '.' inside a word.
fn words(text: &str) -> Vec<&str> {
    text.split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')' | '–' | '—'))
        .map(|w| w.trim_matches(|c: char| matches!(c, '.' | ':' | '-')))
        .filter(|w| !w.is_empty())
        .collect()
}

/// The role word that `text` starts with, after qualifiers: "vice ordförande" → "ordförande".
fn leading_role(text: &str) -> Option<String> {
    words(text)
        .into_iter()
        .find(|w| !is_qualifier(w))
        .filter(|w| is_role_word(w))
        .map(str::to_owned)
}

/// Whether `text` holds nothing but role words, qualifiers and punctuation ("Ordförande",
/// "Justerare", "Vid protokollet").
pub(crate) fn is_role_only(text: &str) -> bool {
    let lower = text.trim().to_lowercase();
    if SIGNATURE_PHRASES
        .iter()
        .any(|p| lower.trim_end_matches(':') == *p)
    {
        return true;
    }
    let ws = words(text);
    ws.iter().any(|w| is_role_word(w)) && ws.iter().all(|w| is_role_word(w) || is_qualifier(w))
}

/// Whether `text` looks like one person's name: two to four capitalised words, no digits, no
/// "och" (a span holding two people cannot be released for the role of one).
pub(crate) fn is_single_name(text: &str) -> bool {
    let ws: Vec<&str> = text.split_whitespace().collect();
    (2..=4).contains(&ws.len())
        && ws.iter().all(|w| {
            let w = w.trim_end_matches([',', '.', ':', ';']);
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '.'))
        })
}

/// Why the name at chars `start..end` of `chars` is an official in role, or `None`. `cells`
/// are the page's cells ([`super::cells::cells`]); `units` the authority's public bodies
/// (a name written with one, "Kristina Olsson, ekonomienheten", is its official).
pub(crate) fn official_reason(
    chars: &[char],
    cells: &[Cell],
    (start, end): (usize, usize),
    units: &[&str],
) -> Option<String> {
    let name: String = chars.get(start..end)?.iter().collect();
    if name.contains('\n') || !is_single_name(&name) {
        return None;
    }
    let index = cell_at(cells, start)?;
    let cell = &cells[index];
    if end > cell.end {
        return None;
    }
    let text = |a: usize, b: usize| -> String { chars[a..b].iter().collect() };
    let before = text(cell.start, start);
    let after = text(end, cell.end);

    // A party right after the name: an elected member.
    if let Some(party) = PARTY.captures(&after) {
        return Some(format!(
            "förtroendevald: partibeteckning '({})' efter namnet",
            &party[1]
        ));
    }
    // "Annika Dahl, socialsekreterare", "Ali Rezaei (M), vice ordförande".
    let rest = after.trim_start();
    let rest = rest
        .strip_prefix([',', '–', '-'])
        .unwrap_or(rest)
        .trim_start();
    if let Some(role) = leading_role(rest) {
        return Some(format!("tjänsteperson i sin roll: '{role}' på samma rad"));
    }
    if let Some(unit) = leading_unit(rest, units) {
        return Some(format!("tjänsteperson vid '{unit}' på samma rad"));
    }
    // "Sekreterare: Eva Sjöberg", "2026-09-03, handläggare Sara Ek", "ombud advokat Karl Dahl".
    if let Some(role) = label_before(&before) {
        return Some(format!("tjänsteperson i sin roll: '{role}' före namnet"));
    }
    // A signature block: the name alone in its cell, the role alone right above it, or the
    // role leading the cell right below it (unless that cell heads the names of the next row).
    if !(before.trim().is_empty() && is_punctuation(&after)) {
        return None;
    }
    if let Some(above) = neighbour(cells, index, false) {
        let above_text = text(cells[above].start, cells[above].end);
        let heading = above_text.trim().trim_end_matches([':', ',']);
        if is_role_only(&above_text) {
            return Some(format!(
                "tjänsteperson i sin roll: '{heading}' på raden över"
            ));
        }
        if units
            .iter()
            .any(|u| u.to_lowercase() == heading.to_lowercase())
        {
            return Some(format!("tjänsteperson vid '{heading}' på raden över"));
        }
    }
    let below = neighbour(cells, index, true)?;
    let below_text = text(cells[below].start, cells[below].end);
    let role = leading_role(&below_text)?;
    let heads_next_row = is_role_only(&below_text)
        && neighbour(cells, below, true)
            .is_some_and(|next| is_single_name(&text(cells[next].start, cells[next].end)));
    (!heads_next_row).then(|| format!("tjänsteperson i sin roll: '{role}' på raden under"))
}

/// The role that ends `before` as a label for the name after it: at the start of the cell or
/// of a clause (after a comma or semicolon), then only ':' and spaces before the name.
/// "advokat" counts anywhere, as a title ("hennes ombud advokat Karl Dahlström").
fn label_before(before: &str) -> Option<String> {
    if !before.ends_with(|c: char| c.is_whitespace() || c == ':') {
        return None; // the name is glued to what precedes it
    }
    let trimmed = before.trim_end();
    let trimmed = trimmed.strip_suffix(':').unwrap_or(trimmed).trim_end();
    let clause_start = trimmed.rfind([',', ';']).map_or(0, |i| i + 1);
    let clause = &trimmed[clause_start..];
    let ws = words(clause);
    let (&last, leading) = ws.split_last()?;
    if !is_role_word(last) {
        return None;
    }
    let title = last.to_lowercase() == "advokat";
    (title || leading.iter().all(|w| is_qualifier(w))).then(|| last.to_owned())
}

/// The unit that `text` starts with, as a whole word ("ekonomienheten" in "ekonomienheten.").
fn leading_unit<'u>(text: &str, units: &[&'u str]) -> Option<&'u str> {
    let lower = text.to_lowercase();
    units.iter().copied().find(|u| {
        let u = u.to_lowercase();
        lower.starts_with(&u) && !lower[u.len()..].starts_with(char::is_alphanumeric)
    })
}

fn is_punctuation(text: &str) -> bool {
    text.chars()
        .all(|c| c.is_whitespace() || matches!(c, ',' | '.' | ';'))
}

#[cfg(test)]
mod tests;
