//! `ADDRESS`: Swedish postal addresses, piece by piece.
//!
//! Patterns, each its own finding so that a street followed by postal code and town comes out
//! as adjacent findings (the resolver may merge them):
//! - a street and house number: a capitalised name ending in a street word ([`STREET_WORDS`]:
//!   `Storgatan`, `Björkvägen`, `Vallgränd`, `Stortorget`, `Lindallén`, `Kvarnbacken`,
//!   `Hamnplan`, `Strandleden`, `Bryggstråket`, …), optionally after `Norra`, `Södra`,
//!   `Gamla`, `Sankt`, …, or several words ending in a separate `väg`, `gata`, …
//!   (`Drottning Kristinas väg`); then the number, a range (`3-5`), an entrance letter
//!   (`12 B`, `17A`) and a floor (`, 3 tr`);
//! - `lgh 1102` (the four-digit flat number);
//! - `c/o Namn Namnsson`, `Box 123`;
//! - a postal code and town (`382 30 Nybro`, `38230 Nybro`, `SE-382 30 Nybro`);
//! - after `bor på` or `adress:`, any capitalised place name with a number (`Hagalund 3`).
//!
//! Validator: a house number is 1–9999 but not a year, and not followed by a unit (`kr`, `%`,
//! `meter`); planning documents that end like streets (`Handlingsplan 2`) are not streets; a
//! postal code starts with 1–9 and is not part of a longer number (`0481-450 00`); a town is
//! capitalised and not a unit (`Kronor`).
//!
//! Context: `bor på`, `adress`, `bostadsadress`, `folkbokförd`, … raise the score, as does a
//! street just before a postal code.
//!
//! A piece wrapped over a line break (`Storgatan⏎12`, `382 30⏎Nybro`) is found whole after a
//! context word or next to the rest of an address (see `linebreak`).

use regex::Regex;

use super::common::{
    Pattern, at_word_start, candidate, compiled, continues_token, followed_by_alphanumeric,
};
use super::linebreak::Wrapping;
use crate::Result;
use crate::detect::context::{hit_before, word_before};
use crate::detect::{Candidate, Entity, Recognizer};

/// Words that announce an address.
pub const CONTEXT: &[&str] = &[
    "bor på",
    "boende på",
    "bosatt på",
    "adress",
    "folkbokförd",
    "flyttat till",
    "flyttar till",
    "bostad",
];

/// Words right before a place name and number that make it an address (`bor på Hagalund 3`).
const PLACE_CONTEXT: &[&str] = &[
    "bor på",
    "adress:",
    "bostadsadress",
    "folkbokförd på",
    "boende på",
];

/// Endings of one-word street names (`Storgatan`, `Ekstigen`).
pub const STREET_WORDS: &[&str] = &[
    "gatan",
    "gata",
    "vägen",
    "väg",
    "gränden",
    "gränd",
    "torget",
    "torg",
    "allén",
    "allé",
    "backen",
    "backe",
    "stigen",
    "stig",
    "planen",
    "plan",
    "leden",
    "led",
    "esplanaden",
    "promenaden",
    "kajen",
    "kaj",
    "stråket",
    "stråk",
    "slingan",
    "liden",
    "höjden",
    "hagen",
    "ängen",
    "bryggan",
    "kroken",
    "udden",
];

/// Words before a street name that belong to it (`Södra Kajen`, `S:t Eriksgatan`).
const PREFIXES: &str =
    "Norra|Södra|Östra|Västra|Stora|Lilla|Gamla|Nya|Sankt|S:t|Övre|Nedre|Yttre|Inre";

/// Separate street words after a multi-word name (`Karl Johans gata`).
const SEPARATE_WORDS: &str = "väg|vägen|gata|gatan|gränd|torg|allé|plan|backe|stig|led";

/// Planning documents and other words that end like streets but are none.
pub const NOT_STREETS: &[&str] = &[
    "handlingsplan",
    "åtgärdsplan",
    "detaljplan",
    "översiktsplan",
    "budgetplan",
    "verksamhetsplan",
    "genomförandeplan",
    "vårdplan",
    "behandlingsplan",
    "läroplan",
    "kursplan",
    "tidsplan",
    "projektplan",
    "arbetsplan",
    "utredningsplan",
    "kommunikationsplan",
    "krisplan",
    "beredskapsplan",
    "aktivitetsplan",
    "stödplan",
    "insatsplan",
    "miljöplan",
    "jämställdhetsplan",
    "likabehandlingsplan",
    "kontrollplan",
    "internkontrollplan",
    "investeringsplan",
    "avfallsplan",
    "trafikplan",
    "tillsynsplan",
    "längden",
    "höjden",
    "takhöjden",
    "bredden",
];

/// Words after a number that make it a quantity, not a house number.
const UNITS: &[&str] = &[
    "kr", "kronor", "sek", "%", "procent", "km", "m", "meter", "cm", "mm", "kvm", "m²", "st", "år",
    "dagar", "timmar", "tim", "min", "§", "kap", "kap.",
];

/// Words that follow a postal-code-shaped number but are no town.
const NOT_TOWNS: &[&str] = &[
    "Kronor", "Kr", "SEK", "EUR", "Tr", "St", "Timmar", "Dagar", "Kvm", "Tel", "Telefon", "Tfn",
    "Fax", "Växel", "Mobil", "Org", "E-post", "Webb", "Hemsida",
];

/// Score of an address piece after a context word.
pub const SCORE_IN_CONTEXT: f32 = 0.97;
/// Score of a street address or postal code followed or preceded by the other.
pub const SCORE_WITH_POSTAL: f32 = 0.95;
/// Score of `c/o`, `Box` and `lgh` addresses.
pub const SCORE_MARKED: f32 = 0.9;
/// Score of a street and number alone.
pub const SCORE_STREET: f32 = 0.85;
/// Score of a postal code and town alone.
pub const SCORE_POSTAL: f32 = 0.85;
/// Score of a capitalised place name and number after `bor på` or `adress`.
pub const SCORE_PLACE_IN_CONTEXT: f32 = 0.6;

/// A line break inside an address piece stands for a word space. The piece needs a context
/// word or the rest of an address next to it: a line ending in `…gatan` or a five-digit number
/// and the next starting with a number or a capitalised word is common in prose.
const WRAPPING: Wrapping = Wrapping {
    joints: &[" "],
    min_score: SCORE_WITH_POSTAL,
    beside: None,
};

static STREET: Pattern = Pattern::new(|| {
    let words = STREET_WORDS.join("|");
    let capitalised: Vec<String> = STREET_WORDS.iter().map(|w| capitalise(w)).collect();
    Regex::new(&format!(
        r"(?:(?:{PREFIXES})[ \u{{a0}}]+)?\p{{Lu}}[\p{{L}}-]*?(?:{words})[ \u{{a0}}]{{1,2}}(?P<n>\d{{1,4}})|(?:\p{{Lu}}[\p{{L}}-]+[ \u{{a0}}]+){{1,2}}(?:{SEPARATE_WORDS})[ \u{{a0}}]{{1,2}}(?P<m>\d{{1,4}})|(?:{PREFIXES})[ \u{{a0}}]+(?:{})[ \u{{a0}}]{{1,2}}(?P<k>\d{{1,4}})",
        capitalised.join("|")
    ))
    .ok()
});

static TAIL: Pattern = Pattern::new(|| {
    Regex::new(r"^(?:[ \u{a0}]?[-–][ \u{a0}]?\d{1,4}\b)?(?:[ \u{a0}]?[A-Ha-h]\b)?(?:,?[ \u{a0}]*\d{1,2}[ \u{a0}]?(?:tr|trappor)\b|,?[ \u{a0}]+(?:nb|ög|bv)\b)?").ok()
});

static POSTAL: Pattern = Pattern::new(|| {
    Regex::new(r"(?:SE[- ]?)?[1-9]\d{2}[ \u{a0}]?\d{2}[ \t\u{a0}]{1,2}(?P<town>\p{Lu}[\p{L}-]+)(?:[ \t](?P<more>\p{Lu}[\p{L}-]+))?").ok()
});

static MARKED: Pattern = Pattern::new(|| {
    Regex::new(r"(?i:(?:lgh|lägenhet(?:snummer|snr)?)\.?[ \u{a0}]*(?:nr\.?[ \u{a0}]*)?\d{4})|(?:Box|BOX|Postbox|Postlåda)[ \u{a0}]+\d{1,6}|(?i:c/o)[ \u{a0}]+\p{Lu}[\p{L}'’-]+(?:[ \u{a0}]+\p{Lu}[\p{L}'’-]+){0,3}").ok()
});

static PLACE: Pattern =
    Pattern::new(|| Regex::new(r"\p{Lu}[\p{L}-]+[ \u{a0}]+\d{1,3}[A-Ha-h]?").ok());

/// Finds addresses.
///
/// ```
/// use lantero_redact::detect::Recognizer;
/// use lantero_redact::detect::recognizers::AddressRecognizer;
///
/// let text = "Sökanden bor på Storgatan 12 B, 123 45 Lillby.";
/// let found: Vec<&str> = AddressRecognizer
///     .recognize(text)?
///     .iter()
///     .map(|c| &text[c.start..c.end])
///     .collect();
/// assert_eq!(found, ["Storgatan 12 B", "123 45 Lillby"]);
/// # Ok::<(), lantero_redact::Error>(())
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct AddressRecognizer;

impl Recognizer for AddressRecognizer {
    fn name(&self) -> &str {
        "address"
    }

    fn entities(&self) -> &[Entity] {
        &[Entity::Address]
    }

    fn recognize(&self, text: &str) -> Result<Vec<Candidate>> {
        let mut found = WRAPPING.recognize(text, |t| self.find(t))?;
        // A piece found on one line may stand next to one found over a line break.
        raise_neighbours(text, &mut found);
        Ok(found)
    }
}

impl AddressRecognizer {
    /// Finds address pieces in `text` as it stands (see [`Wrapping`] for pieces over a line
    /// break).
    fn find(&self, text: &str) -> Result<Vec<Candidate>> {
        let tail = compiled(self.name(), &TAIL)?;
        let mut found = Vec::new();
        for caps in compiled(self.name(), &STREET)?.captures_iter(text) {
            let (Some(whole), Some(number)) = (
                caps.get(0),
                caps.name("n").or(caps.name("m")).or(caps.name("k")),
            ) else {
                continue;
            };
            let street = text[whole.start()..number.start()].trim_end();
            if !at_word_start(text, whole.start())
                || !house_number(text, number.start(), number.end())
                || not_a_street(street)
            {
                continue;
            }
            let end = number.end() + tail.find(&text[number.end()..]).map_or(0, |t| t.end());
            found.push(piece(
                text,
                whole.start(),
                end,
                SCORE_STREET,
                "street address",
            ));
        }
        for m in compiled(self.name(), &MARKED)?.find_iter(text) {
            if !at_word_start(text, m.start()) || followed_by_alphanumeric(text, m.end()) {
                continue;
            }
            found.push(piece(
                text,
                m.start(),
                m.end(),
                SCORE_MARKED,
                "c/o, box or flat number",
            ));
        }
        self.postal_codes(text, &mut found)?;
        self.places_in_context(text, &mut found)?;
        found.sort_by_key(|c| (c.start, c.end));
        raise_neighbours(text, &mut found);
        Ok(found)
    }

    fn postal_codes(&self, text: &str, found: &mut Vec<Candidate>) -> Result<()> {
        for caps in compiled(self.name(), &POSTAL)?.captures_iter(text) {
            let (Some(whole), Some(town)) = (caps.get(0), caps.name("town")) else {
                continue;
            };
            let has_prefix = whole.as_str().starts_with("SE");
            if !at_word_start(text, whole.start())
                || (!has_prefix && continues_token(text, whole.start()))
                || NOT_TOWNS.contains(&town.as_str())
            {
                continue;
            }
            // A second capitalised word belongs to the town only in names like
            // `Upplands Väsby` or `Norra Vram`; otherwise it starts the next sentence or field.
            let two_words = (town.as_str().ends_with('s')
                || PREFIXES.split('|').any(|p| p == town.as_str()))
                && caps
                    .name("more")
                    .is_some_and(|m| !NOT_TOWNS.contains(&m.as_str()));
            let end = match caps.name("more") {
                Some(more) if two_words => more.end(),
                _ => town.end(),
            };
            found.push(piece(
                text,
                whole.start(),
                end,
                SCORE_POSTAL,
                "postal code and town",
            ));
        }
        Ok(())
    }

    fn places_in_context(&self, text: &str, found: &mut Vec<Candidate>) -> Result<()> {
        for m in compiled(self.name(), &PLACE)?.find_iter(text) {
            let overlaps = found.iter().any(|c| c.start < m.end() && m.start() < c.end);
            if overlaps
                || !at_word_start(text, m.start())
                || followed_by_alphanumeric(text, m.end())
            {
                continue;
            }
            let hit = hit_before(text, m.start(), PLACE_CONTEXT, 20).filter(|h| h.distance <= 2);
            if let Some(word) = hit {
                found.push(candidate(
                    Entity::Address,
                    m.start(),
                    m.end(),
                    SCORE_PLACE_IN_CONTEXT,
                    format!("place name and number after '{}'", word.word),
                ));
            }
        }
        Ok(())
    }
}

/// A candidate scored by its context.
fn piece(text: &str, start: usize, end: usize, score: f32, what: &str) -> Candidate {
    match word_before(text, start, CONTEXT) {
        Some(word) => candidate(
            Entity::Address,
            start,
            end,
            SCORE_IN_CONTEXT,
            format!("{what}; after '{word}'"),
        ),
        None => candidate(Entity::Address, start, end, score, what),
    }
}

/// A street or box directly before a postal code (on the same or the next line) makes both
/// more certain.
fn raise_neighbours(text: &str, found: &mut [Candidate]) {
    for i in 1..found.len() {
        let gap = &text[found[i - 1].end.min(found[i].start)..found[i].start];
        let adjacent = gap.len() <= 4 && gap.chars().all(|c| c == ',' || c.is_whitespace());
        if adjacent && found[i].reason.starts_with("postal") {
            for c in [i - 1, i] {
                if found[c].score < SCORE_WITH_POSTAL {
                    found[c].score = SCORE_WITH_POSTAL;
                    found[c].reason.push_str("; next to the rest of an address");
                }
            }
        }
    }
}

/// Whether the number at `start..end` can be a house number.
fn house_number(text: &str, start: usize, end: usize) -> bool {
    let digits = &text[start..end];
    let value: u32 = digits.parse().unwrap_or(0);
    if value == 0
        || digits.starts_with('0')
        || (digits.len() == 4 && (1800..=2099).contains(&value))
    {
        return false;
    }
    let rest = &text[end..];
    // `84 000 kr`: a thousands group follows.
    let thousands = rest
        .strip_prefix([' ', '\u{a0}'])
        .is_some_and(|r| r.len() >= 3 && r.as_bytes()[..3].iter().all(u8::is_ascii_digit));
    if thousands
        || rest.starts_with(|c: char| c.is_ascii_digit())
        || [':', '/', '.', ','].iter().any(|p| {
            rest.strip_prefix(*p)
                .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()))
        })
    {
        return false;
    }
    let next_word: String = rest
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphanumeric() || matches!(c, '%' | '§' | '²' | '.'))
        .collect::<String>()
        .to_lowercase();
    !UNITS.contains(&next_word.as_str()) && !UNITS.contains(&next_word.trim_end_matches('.'))
}

fn not_a_street(street: &str) -> bool {
    let last = street
        .rsplit([' ', '\u{a0}'])
        .next()
        .unwrap_or(street)
        .to_lowercase();
    NOT_STREETS.contains(&last.as_str())
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests;
