//! Pseudonymised export: every finding becomes a consistent code (`[PERSON_1]`,
//! `[PERSONNUMMER_2]` …), so annotated material can leave the customer's environment without
//! personal data and still show who is who.
//!
//! The same value gets the same code throughout a document: case and spacing do not matter,
//! a genitive -s joins its base form (`Lindqvists` → `Lindqvist`), and a lone first name or
//! surname gets the code of the full name it is part of. Codes count per entity in order of
//! first appearance. No mapping back to the original values is kept.
//!
//! ```
//! use lantero_redact::detect::{Entity, Finding};
//! use lantero_redact::pseudonymize::pseudonymize_findings;
//!
//! let text = "Karin Lindqvist, 19121212-1212. Lindqvists ansökan.";
//! let finding = |entity, start, end| Finding {
//!     id: String::new(), entity, text: text[start..end].into(), page: 1, start, end,
//!     boxes: vec![], score: 1.0, recognizer: "test".into(), reason: String::new(),
//!     provisions: vec![], public: None,
//! };
//! let findings = [
//!     finding(Entity::Person, 0, 15),
//!     finding(Entity::Personnummer, 17, 30),
//!     finding(Entity::Person, 32, 42),
//! ];
//! let out = pseudonymize_findings(&[text], &findings);
//! assert_eq!(out.pages[0], "[PERSON_1], [PERSONNUMMER_1]. [PERSON_1] ansökan.");
//! assert_eq!(out.replacements.len(), 3);
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::Result;
use crate::detect::{Detector, Entity, Finding};
use crate::resolve::Resolver;

/// The JSON schema of [`Pseudonymized`].
pub const PSEUDONYMIZED_SCHEMA: &str = "lantero-pseudonymized/1";

/// One code put in place of a finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Replacement {
    /// The code as written, e.g. `[PERSON_1]`.
    pub code: String,
    /// The entity the code stands for.
    pub entity: Entity,
    /// 1-based page.
    pub page: u32,
    /// Character offset of the code in the pseudonymised page.
    pub start: usize,
    /// Character offset one past the code.
    pub end: usize,
}

/// A pseudonymised document: the page texts with codes, and where each code sits.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Pseudonymized {
    /// Always [`PSEUDONYMIZED_SCHEMA`].
    pub schema: String,
    /// The pages with every finding replaced by its code.
    pub pages: Vec<String>,
    /// Every replacement, in page and reading order.
    pub replacements: Vec<Replacement>,
}

impl Pseudonymized {
    /// The pages as JSONL annotations, one line per page: `{"text", "spans": [{"start", "end",
    /// "label"}]}` with character offsets — the format the training pipeline reads.
    pub fn to_jsonl(&self) -> String {
        let mut out = String::new();
        for (index, text) in self.pages.iter().enumerate() {
            let page = u32::try_from(index + 1).unwrap_or(u32::MAX);
            let spans: Vec<serde_json::Value> = self
                .replacements
                .iter()
                .filter(|r| r.page == page)
                .map(|r| serde_json::json!({"start": r.start, "end": r.end, "label": r.entity}))
                .collect();
            out.push_str(&serde_json::json!({"text": text, "spans": spans}).to_string());
            out.push('\n');
        }
        out
    }
}

/// Detects with `detector`, resolves with `resolver` (merging overlaps and propagating names),
/// then pseudonymises.
pub fn pseudonymize<S: AsRef<str>>(
    detector: &Detector,
    resolver: &Resolver<'_>,
    pages: &[S],
) -> Result<Pseudonymized> {
    let findings = detector.detect_pages(pages)?;
    let findings = resolver.resolve(pages, findings);
    Ok(pseudonymize_findings(pages, &findings))
}

/// Replaces `findings` (character offsets into `pages`) by consistent codes. Findings that
/// overlap an earlier one are skipped (the resolver has already merged them).
pub fn pseudonymize_findings<S: AsRef<str>>(pages: &[S], findings: &[Finding]) -> Pseudonymized {
    let mut ordered: Vec<&Finding> = findings.iter().collect();
    ordered.sort_by_key(|f| (f.page, f.start, std::cmp::Reverse(f.end)));
    let codes = assign_codes(&ordered);

    let mut out_pages = Vec::with_capacity(pages.len());
    let mut replacements = Vec::new();
    for (index, page_text) in pages.iter().enumerate() {
        let page = u32::try_from(index + 1).unwrap_or(u32::MAX);
        let chars: Vec<char> = page_text.as_ref().chars().collect();
        let mut text = String::with_capacity(page_text.as_ref().len());
        let (mut at, mut out_len) = (0, 0);
        for f in ordered.iter().filter(|f| f.page == page) {
            if f.start < at || f.end > chars.len() || f.start >= f.end {
                continue;
            }
            text.extend(&chars[at..f.start]);
            out_len += f.start - at;
            let code = codes.get(&key(f)).cloned().unwrap_or_default();
            let len = code.chars().count();
            text.push_str(&code);
            replacements.push(Replacement {
                code,
                entity: f.entity,
                page,
                start: out_len,
                end: out_len + len,
            });
            out_len += len;
            at = f.end;
        }
        text.extend(&chars[at.min(chars.len())..]);
        out_pages.push(text);
    }
    Pseudonymized {
        schema: PSEUDONYMIZED_SCHEMA.to_owned(),
        pages: out_pages,
        replacements,
    }
}

/// What makes two findings the same value: the entity and the text without case or spacing
/// (for identifiers: only letters and digits).
fn key(f: &Finding) -> (Entity, String) {
    let canonical = if f.entity == Entity::Person {
        f.text
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    } else {
        f.text
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    (f.entity, canonical)
}

/// A code for every distinct key, numbered per entity in order of first appearance.
fn assign_codes(ordered: &[&Finding]) -> BTreeMap<(Entity, String), String> {
    let keys: Vec<(Entity, String)> = ordered.iter().map(|f| key(f)).collect();
    let known: std::collections::BTreeSet<&(Entity, String)> = keys.iter().collect();
    // A genitive joins its base form when the base form occurs too.
    let base = |k: &(Entity, String)| -> (Entity, String) {
        if k.0 == Entity::Person
            && let Some(stem) = k.1.strip_suffix('s')
            && known.contains(&(k.0, stem.to_owned()))
        {
            return (k.0, stem.to_owned());
        }
        k.clone()
    };
    // Full person names, in order: a lone part (or its genitive) takes the first one's code.
    let full_names: Vec<(Entity, String)> = keys
        .iter()
        .filter(|k| k.0 == Entity::Person && k.1.contains(' '))
        .map(&base)
        .collect();
    let owner = |k: &(Entity, String)| -> (Entity, String) {
        let k = base(k);
        if k.0 != Entity::Person || k.1.contains(' ') {
            return k;
        }
        let part = k.1.strip_suffix('s').unwrap_or(&k.1);
        full_names
            .iter()
            .find(|full| full.1.split(' ').any(|w| w == k.1 || w == part))
            .cloned()
            .unwrap_or(k)
    };

    let mut counters: BTreeMap<Entity, usize> = BTreeMap::new();
    let mut by_owner: BTreeMap<(Entity, String), String> = BTreeMap::new();
    let mut codes = BTreeMap::new();
    for k in &keys {
        let o = owner(k);
        let code = by_owner
            .entry(o)
            .or_insert_with(|| {
                let n = counters.entry(k.0).or_insert(0);
                *n += 1;
                format!("[{}_{}]", k.0.as_str(), n)
            })
            .clone();
        codes.insert(k.clone(), code);
    }
    codes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(text: &str, entity: Entity, start: usize, end: usize) -> Finding {
        Finding {
            id: String::new(),
            entity,
            text: text.chars().skip(start).take(end - start).collect(),
            page: 1,
            start,
            end,
            boxes: vec![],
            score: 1.0,
            recognizer: "t".into(),
            reason: String::new(),
            provisions: vec![],
            public: None,
        }
    }

    #[test]
    fn parts_of_a_name_share_its_code_and_others_count_up() {
        let text = "Åsa Öberg och Per Holm. Öberg ringde. ÅSA ÖBERG och Holms son.";
        let f = |s: &str, from: usize| {
            let start = text[..text[from..].find(s).map(|b| b + from).unwrap()]
                .chars()
                .count();
            finding(text, Entity::Person, start, start + s.chars().count())
        };
        let findings = [
            f("Åsa Öberg", 0),
            f("Per Holm", 0),
            f("Öberg", 20),
            f("ÅSA ÖBERG", 0),
            f("Holms", 0),
        ];
        let out = pseudonymize_findings(&[text], &findings);
        assert_eq!(
            out.pages[0],
            "[PERSON_1] och [PERSON_2]. [PERSON_1] ringde. [PERSON_1] och [PERSON_2] son."
        );
        let spans: Vec<(usize, usize)> =
            out.replacements.iter().map(|r| (r.start, r.end)).collect();
        let chars: Vec<char> = out.pages[0].chars().collect();
        for (s, e) in spans {
            assert!(
                chars[s..e]
                    .iter()
                    .collect::<String>()
                    .starts_with("[PERSON_")
            );
        }
    }

    #[test]
    fn identifiers_match_without_separators_and_jsonl_has_one_line_per_page() {
        let pages = ["Tel 070-123 45 67", "ring 0701234567"];
        let mut a = finding(pages[0], Entity::Phone, 4, 17);
        a.page = 1;
        let mut b = finding(pages[1], Entity::Phone, 5, 15);
        b.page = 2;
        let out = pseudonymize_findings(&pages, &[a, b]);
        assert_eq!(out.pages, ["Tel [PHONE_1]", "ring [PHONE_1]"]);
        let jsonl = out.to_jsonl();
        assert_eq!(jsonl.lines().count(), 2);
        assert!(jsonl.contains(r#""label":"PHONE""#));
    }
}
