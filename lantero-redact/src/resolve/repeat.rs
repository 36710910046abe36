//! Proposing every other occurrence of an identifier found once in the document.
//!
//! A value found with its label ("konto 8125-8, 318 105 286-1") recurs where no label stands
//! beside it: in a table of payments, in a pasted screenshot, on another page. Those copies
//! are the same personal data, and masking one while releasing the other is a leak.

use std::collections::BTreeSet;

use regex::Regex;

use super::propagate::add_occurrences;
use crate::detect::{Entity, Finding};

/// Entities whose values are identifiers: the same digits mean the same person anywhere.
const IDENTIFIERS: [Entity; 9] = [
    Entity::Personnummer,
    Entity::BankAccount,
    Entity::Iban,
    Entity::Plusgiro,
    Entity::PaymentCard,
    Entity::Phone,
    Entity::Email,
    Entity::VehicleRegistration,
    Entity::DateOfBirth,
];

/// Shortest value worth repeating: shorter strings recur by chance.
const MIN_CHARS: usize = 6;

/// Adds a finding wherever the value of a found identifier recurs, written the same way up to
/// whitespace and letter case (a line break or a table cell's wrap anywhere in it).
/// Occurrences already covered by a finding are left alone.
///
/// ```
/// use lantero_redact::detect::{Entity, Finding};
/// use lantero_redact::resolve::propagate_values;
///
/// let text = "Konto: 8125-8, 318 105 286-1.\nUtbetalt till 8125-8, 318\n105 286-1 i mars.";
/// let account = Finding {
///     id: String::new(), entity: Entity::BankAccount, text: "8125-8, 318 105 286-1".into(),
///     page: 1, start: 7, end: 28, boxes: vec![], score: 0.6, recognizer: "bank_account".into(),
///     reason: "after 'konto'".into(), provisions: vec![], public: None,
/// };
/// let found = propagate_values(&[text], vec![account]);
/// assert_eq!(found.len(), 2);
/// assert_eq!(found[1].text, "8125-8, 318\n105 286-1");
/// ```
pub fn propagate_values(pages: &[&str], findings: Vec<Finding>) -> Vec<Finding> {
    let sources = findings.clone();
    add_occurrences(
        pages,
        findings,
        &sources,
        &value_patterns(&sources),
        |_, origin| {
            format!(
                "the same {} as found on page {} ({})",
                origin.entity.as_str(),
                origin.page,
                origin.reason
            )
        },
    )
}

/// The patterns [`propagate_values`] searches for: every identifier in `sources` long enough
/// not to recur by chance, whitespace-insensitive, each paired with the index of its source.
pub(super) fn value_patterns(findings: &[Finding]) -> Vec<(Regex, usize)> {
    let mut patterns: Vec<(Regex, usize)> = Vec::new();
    let mut seen = BTreeSet::new();
    for (index, finding) in findings.iter().enumerate() {
        if !IDENTIFIERS.contains(&finding.entity) || finding.text.chars().count() < MIN_CHARS {
            continue;
        }
        let chars: String = finding.text.split_whitespace().collect();
        if !seen.insert(chars.to_lowercase()) {
            continue;
        }
        // Whitespace may come and go anywhere: a wrap, a table cell, OCR's spacing.
        let pattern = chars
            .chars()
            .map(|c| regex::escape(c.encode_utf8(&mut [0; 4])))
            .collect::<Vec<_>>()
            .join(r"\s*");
        let mut sources = vec![format!("(?i){pattern}")];
        if finding.entity == Entity::Personnummer {
            sources.extend(personnummer_forms(&finding.text));
        }
        for source in sources {
            if let Ok(regex) = Regex::new(&source) {
                patterns.push((regex, index));
            }
        }
    }
    patterns
}

/// A personnummer is also written with the century (or without it), and a narrow table cell
/// or a scan's line can leave its birth date and hyphen at the end of one line and the last
/// four digits somewhere below: the birth-date part alone is proposed too, so the number
/// cannot be put back together.
fn personnummer_forms(text: &str) -> Vec<String> {
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    let (date, serial) = match digits.len() {
        12 => (&digits[2..8], &digits[8..]),
        10 => (&digits[..6], &digits[6..]),
        _ => return Vec::new(),
    };
    vec![
        format!(r"(?:19|20)?{date}\s*[-+]?\s*{serial}"),
        format!(r"(?:19|20)?{date}[-+]"),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(entity: Entity, text: &str, start: usize) -> Finding {
        Finding {
            id: String::new(),
            entity,
            text: text.into(),
            page: 1,
            start,
            end: start + text.chars().count(),
            boxes: vec![],
            score: 0.9,
            recognizer: "r".into(),
            reason: "why".into(),
            provisions: vec![],
            public: None,
        }
    }

    #[test]
    fn a_value_recurs_on_other_pages_and_in_table_cells() {
        let pages = [
            "Personnummer 811218-9876 enligt ansökan.",
            "Sökande\t811218-\n9876\tLillby\nannan 811218-98765 och x811218-9876",
        ];
        let found = propagate_values(
            &pages,
            vec![finding(Entity::Personnummer, "811218-9876", 13)],
        );
        let got: Vec<(u32, &str)> = found.iter().map(|f| (f.page, f.text.as_str())).collect();
        assert_eq!(got, [(1, "811218-9876"), (2, "811218-\n9876")]);
        assert_eq!(found[1].entity, Entity::Personnummer);
        assert!(found[1].reason.contains("page 1"));
    }

    #[test]
    fn a_personnummer_is_found_with_or_without_its_century_and_cut_after_its_date() {
        let text = "Avser 900611-2867.\nSPAR 19900611- Ensam på Hagvägen 8\n2867\nFK 199006112867";
        let found = propagate_values(
            &[text],
            vec![finding(Entity::Personnummer, "900611-2867", 6)],
        );
        let got: Vec<&str> = found.iter().map(|f| f.text.as_str()).collect();
        assert_eq!(got, ["900611-2867", "19900611-", "199006112867"]);
    }

    #[test]
    fn names_and_short_values_are_not_repeated_here() {
        let text = "Anna Berg, 1234. Anna Berg, 1234.";
        let found = propagate_values(
            &[text],
            vec![
                finding(Entity::Person, "Anna Berg", 0),
                finding(Entity::Phone, "1234", 11),
            ],
        );
        assert_eq!(found.len(), 2);
    }
}
