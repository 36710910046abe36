//! `PERSON` baseline: names found with gazetteers, until a named-entity model takes over.
//!
//! Patterns, on capitalised words on one line:
//! - one to three first names and one or two surnames: `Karin Lindqvist`,
//!   `Per-Olof Lindgren`, `Helena Lindahl Rosén`, `Mohammed Al-Hassans` (genitive), also in
//!   capitals (`KARIN LINDQVIST`) and with a middle initial (`Karl J. Svensson`);
//! - surname first: `Lindqvist, Karin`;
//! - an unknown capitalised word before a known surname: `Xhevdet Berisha`;
//! - a surname after `herr`, `fru`, `advokat`: `fru Andersson`;
//! - a lone first name after a greeting: `Hej Åsa,`.
//!
//! Evidence, from strong to weak: a known first name and a known surname; a known first name
//! and a surname ending ([`gazetteer::SURNAME_ENDINGS`]: `-son`, `-qvist`, `-nen`, `-ić`,
//! `-ski`, …); a known first name and another capitalised word. First names that are also
//! Swedish words (`Per`, `Hans`, `Bo`, `Mina`) count only before a surname, and surnames that
//! are words (`Berg`, `Ek`) only after a first name. A role before or after the name
//! (`handläggare`, `socialsekreterare`, `sökande`, `god man`) raises the score.
//!
//! The lists are plain text under `data/gazetteers/`, written for Lantero.

mod gazetteer;
mod tokens;

use gazetteer::{Gazetteer, Surname};
use tokens::{Token, tokenize};

use crate::Result;
use crate::detect::context::{hit_after, hit_before};
use crate::detect::{Candidate, Entity, Recognizer};

use super::common::candidate;

/// Roles and relations written next to a name.
pub const ROLES: &[&str] = &[
    "handläggare",
    "socialsekreterare",
    "sekreterare",
    "ordförande",
    "justerare",
    "ledamot",
    "ersättare",
    "chef",
    "rektor",
    "sökande",
    "klient",
    "brukare",
    "mamma",
    "pappa",
    "modern",
    "fadern",
    "mormor",
    "morfar",
    "farmor",
    "farfar",
    "dotter",
    "son",
    "bror",
    "syster",
    "grannen",
    "sambon",
    "maken",
    "makan",
    "ombud",
    "god man",
    "kontaktperson",
    "kassör",
    "företrädare",
    "vårdnadshavare",
    "huvudman",
    "assistent",
    "utredare",
    "ekonom",
    "registrator",
    "journalist",
    "anmälare",
    "tekniker",
    "samordnare",
    "namn",
    "närvarande",
    "kortinnehavare",
    "mottagare",
    "inbetalare",
    "antecknat av",
    "granskad av",
    "upprättats av",
    "hälsning",
];

/// Words after which a surname alone is a person.
const HONORIFICS: &[&str] = &[
    "herr", "fru", "fröken", "dr", "doktor", "advokat", "familjen",
];

/// Words after which a first name alone is a person.
const GREETINGS: &[&str] = &["hej", "hejsan", "hallå", "kära", "bästa", "tack"];

/// Score of a known first name and a known surname.
pub const SCORE_KNOWN_BOTH: f32 = 0.9;
/// Score of a known first name and a surname ending, or `Surname, First`.
pub const SCORE_SURNAME_ENDING: f32 = 0.85;
/// Score of an ambiguous first name (`Per`) and a surname.
pub const SCORE_AMBIGUOUS_FIRST: f32 = 0.72;
/// Score of a surname after `herr`, `fru`, ….
pub const SCORE_HONORIFIC: f32 = 0.7;
/// Score of a known first name and another capitalised word, or a greeted first name.
pub const SCORE_FIRST_AND_WORD: f32 = 0.6;
/// Score of an unknown capitalised word and a known surname, or of two first names.
pub const SCORE_WORD_AND_SURNAME: f32 = 0.55;
/// Score of an unknown capitalised word and a known surname at the start of a sentence, where
/// every word is capitalised.
pub const SCORE_WORD_AND_SURNAME_AT_START: f32 = 0.45;
/// What a role next to the name adds.
pub const ROLE_BONUS: f32 = 0.1;

/// Finds people's names with name lists.
///
/// ```
/// use lantero_redact::detect::Recognizer;
/// use lantero_redact::detect::recognizers::PersonRecognizer;
///
/// let text = "Handläggare: Karin Lindqvist. Per telefon meddelades beslutet.";
/// let found = PersonRecognizer.recognize(text)?;
/// assert_eq!(found.len(), 1);
/// assert_eq!(&text[found[0].start..found[0].end], "Karin Lindqvist");
/// # Ok::<(), lantero_redact::Error>(())
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct PersonRecognizer;

impl Recognizer for PersonRecognizer {
    fn name(&self) -> &str {
        "person-gazetteer"
    }

    fn entities(&self) -> &[Entity] {
        &[Entity::Person]
    }

    fn recognize(&self, text: &str) -> Result<Vec<Candidate>> {
        let g = Gazetteer::get();
        let tokens = tokenize(text);
        let mut found = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            match match_at(text, &tokens, i, g) {
                Some((last, score, reason)) => {
                    let (start, end) = (tokens[i].start, tokens[last].end);
                    let (score, reason) = with_role(text, start, end, score, reason);
                    found.push(candidate(Entity::Person, start, end, score, reason));
                    i = last + 1;
                }
                None => i += 1,
            }
        }
        Ok(found)
    }
}

/// A name starting at token `i`: the index of its last token, its score and its reason.
fn match_at(text: &str, t: &[Token], i: usize, g: &Gazetteer) -> Option<(usize, f32, String)> {
    let first = &t[i];
    if !first.capitalised {
        return None;
    }
    if let Some(found) = surname_first(t, i, g) {
        return Some(found);
    }
    // First names, then surnames.
    let mut j = i;
    let mut ambiguous = true;
    while j < t.len() && j < i + 3 && t[j].capitalised && (j == i || t[j - 1].joined) {
        match g.first_name(&t[j].key) {
            Some(amb) => ambiguous &= amb,
            None => break,
        }
        j += 1;
        // A middle initial: `Karl J. Svensson`.
        if j < t.len() && t[j - 1].joined && t[j].initial {
            j += 1;
        }
    }
    let caps = first.all_caps;
    if j > i {
        if let Some((last, kind)) = surnames(t, j, g, caps) {
            let (score, first_what) = match (ambiguous, kind) {
                (true, None) => return None,
                (true, Some(_)) => (SCORE_AMBIGUOUS_FIRST, "first name that is also a word"),
                (false, Some(Surname::Known | Surname::KnownWord)) => {
                    (SCORE_KNOWN_BOTH, "known first name")
                }
                (false, Some(Surname::Ending(_))) => (SCORE_SURNAME_ENDING, "known first name"),
                (false, None) => (SCORE_FIRST_AND_WORD, "known first name"),
            };
            let surname_what = kind.map_or_else(|| "capitalised word".to_owned(), describe);
            return Some((last, score, format!("{first_what} + {surname_what}")));
        }
        // Two or more first names and nothing after: the last may be a surname too
        // (`Fatima Hassan`), or they are a double first name.
        if j - i >= 2 && !ambiguous && !caps {
            let last = j - 1;
            let reason = match g.surname(&t[last].key) {
                _ if t[last].initial => "known first name + initial",
                Some(Surname::Known) => {
                    return Some((
                        last,
                        SCORE_KNOWN_BOTH,
                        "known first name + known surname".into(),
                    ));
                }
                _ => "two known first names",
            };
            return Some((last, SCORE_WORD_AND_SURNAME, reason.into()));
        }
        return greeted(text, t, i, g);
    }
    // An unknown capitalised word before a known surname, or a surname after `fru`.
    if let Some(found) = honorific_surname(text, t, i, g) {
        return Some(found);
    }
    let next = t.get(i + 1)?;
    if caps || !first.joined || !next.capitalised || next.all_caps {
        return None;
    }
    (g.surname(&next.key) == Some(Surname::Known) && name_like(first, g)).then(|| {
        let score = if first.sentence_start {
            SCORE_WORD_AND_SURNAME_AT_START
        } else {
            SCORE_WORD_AND_SURNAME
        };
        (i + 1, score, "capitalised word + known surname".to_owned())
    })
}

/// `Lindqvist, Karin` and `LINDQVIST, KARIN`.
fn surname_first(t: &[Token], i: usize, g: &Gazetteer) -> Option<(usize, f32, String)> {
    let (surname, next) = (&t[i], t.get(i + 1)?);
    if !surname.comma_after || !next.capitalised || surname.all_caps != next.all_caps {
        return None;
    }
    let kind = g.surname(&surname.key)?;
    if kind == Surname::KnownWord || g.first_name(&next.key) != Some(false) {
        return None;
    }
    // `Eriksson, Anna Svensson` is a list: the forward match takes `Anna Svensson`.
    if t.get(i + 2)
        .is_some_and(|after| next.joined && after.capitalised && g.surname(&after.key).is_some())
    {
        return None;
    }
    let mut last = i + 1;
    while last + 1 < t.len()
        && last < i + 3
        && t[last].joined
        && g.first_name(&t[last + 1].key).is_some()
    {
        last += 1;
    }
    Some((
        last,
        SCORE_SURNAME_ENDING,
        format!("{} + ', ' + known first name", describe(kind)),
    ))
}

/// Up to two surname tokens from `j`: the index of the last, and the evidence of the first
/// (`None` for a name-like capitalised word that is in no list).
fn surnames(t: &[Token], j: usize, g: &Gazetteer, caps: bool) -> Option<(usize, Option<Surname>)> {
    if j == 0 || !t[j - 1].joined {
        return None;
    }
    let tok = t.get(j)?;
    if !tok.capitalised || tok.all_caps != caps {
        return None;
    }
    let kind = g.surname(&tok.key);
    if kind.is_none() && (caps || !name_like(tok, g)) {
        return None;
    }
    // A double surname: `Lindahl Rosén`.
    let double = t.get(j + 1).is_some_and(|second| {
        tok.joined
            && second.capitalised
            && second.all_caps == caps
            && kind.is_some()
            && matches!(
                g.surname(&second.key),
                Some(Surname::Known | Surname::Ending(_))
            )
    });
    Some((if double { j + 1 } else { j }, kind))
}

/// `fru Andersson`, `advokat Lindgren`: a surname alone after an honorific.
fn honorific_surname(
    text: &str,
    t: &[Token],
    i: usize,
    g: &Gazetteer,
) -> Option<(usize, f32, String)> {
    let hit = hit_before(text, t[i].start, HONORIFICS, 12).filter(|h| h.distance <= 1)?;
    let kind = g.surname(&t[i].key)?;
    (kind != Surname::KnownWord).then(|| {
        (
            i,
            SCORE_HONORIFIC,
            format!("{} after '{}'", describe(kind), hit.word),
        )
    })
}

/// `Hej Åsa,`: a known first name alone right after a greeting.
fn greeted(text: &str, t: &[Token], i: usize, g: &Gazetteer) -> Option<(usize, f32, String)> {
    if g.first_name(&t[i].key) != Some(false) {
        return None;
    }
    let hit = hit_before(text, t[i].start, GREETINGS, 12).filter(|h| h.distance <= 1)?;
    Some((
        i,
        SCORE_FIRST_AND_WORD,
        format!("known first name after '{}'", hit.word),
    ))
}

/// Whether an unlisted token looks like a name rather than a noun or a heading word.
fn name_like(tok: &Token, g: &Gazetteer) -> bool {
    const NOUN_ENDINGS: &[&str] = &[
        "ning", "ningen", "het", "heten", "tion", "tionen", "itet", "iteten", "nämnd", "nämnden",
        "skap", "skapet", "else", "elsen", "ande", "ende", "are", "aren", "erna", "orna", "arna",
        "ering", "eringen", "kontor", "kontoret", "enhet", "enheten", "bolag", "bolaget", "verket",
        "rätten", "huset", "skolan", "kassan", "ansökan", "mässig", "iska", "iskt", "isk",
    ];
    tok.key.chars().count() >= 2
        && !tok.all_caps
        && !g.is_stopword(&tok.key)
        && !NOUN_ENDINGS
            .iter()
            .any(|e| tok.key.ends_with(e) && !g.is_listed(&tok.key))
}

fn describe(kind: Surname) -> String {
    match kind {
        Surname::Known | Surname::KnownWord => "known surname".to_owned(),
        Surname::Ending(end) => format!("surname ending -{end}"),
    }
}

/// Raises the score when a role stands just before or after the name.
fn with_role(text: &str, start: usize, end: usize, score: f32, reason: String) -> (f32, String) {
    let role = hit_before(text, start, ROLES, 30).or_else(|| hit_after(text, end, ROLES, 25));
    match role {
        Some(hit) => (
            (score + ROLE_BONUS).min(0.97),
            format!("{reason}; next to '{}'", hit.word),
        ),
        None => (score, reason),
    }
}

#[cfg(test)]
mod tests;
