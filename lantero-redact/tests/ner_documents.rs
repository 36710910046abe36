//! On realistic municipal documents — held-out synthetic genre documents with names the model
//! never saw, and the sample documents in `examples/data` — every person name must be covered
//! after the full detector (patterns, gazetteers, the named-entity model) and the resolver's
//! propagation, in at least 95 % of cases.

use std::collections::BTreeMap;
use std::sync::Arc;

use lantero_redact::detect::{Detector, Entity, Finding};
use lantero_redact::ner::NerRecognizer;
use lantero_redact::resolve::Resolver;
use regex::Regex;
use serde_json::Value;

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/ner");
const SAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/data");
const FLOOR: f64 = 0.95;

fn detector() -> Detector {
    let mut detector = Detector::builtin();
    detector.add_recognizer(Arc::new(NerRecognizer::shipped()));
    detector
}

/// Gold person spans (character offsets) and whether each is covered by a finding — by any
/// entity (what matters for masking) and by a `PERSON` finding.
fn coverage(text: &str, gold: &[(usize, usize)], findings: &[Finding]) -> Vec<(bool, bool)> {
    let chars: Vec<char> = text.chars().collect();
    gold.iter()
        .map(|&(start, end)| {
            let covered_by = |person_only: bool| {
                (start..end).all(|i| {
                    chars[i].is_whitespace()
                        || findings.iter().any(|f| {
                            f.start <= i
                                && i < f.end
                                && (!person_only || f.entity == Entity::Person)
                        })
                })
            };
            (covered_by(false), covered_by(true))
        })
        .collect()
}

fn resolve(text: &str) -> Vec<Finding> {
    let pages = [text];
    let findings = detector().detect_pages(&pages).expect("detection runs");
    Resolver::default().resolve(&pages, findings)
}

struct Tally {
    gold: usize,
    any: usize,
    person: usize,
    missed: Vec<String>,
}

impl Tally {
    fn new() -> Self {
        Self {
            gold: 0,
            any: 0,
            person: 0,
            missed: Vec::new(),
        }
    }

    fn add(&mut self, text: &str, gold: &[(usize, usize)]) {
        let findings = resolve(text);
        for (&(s, e), (any, person)) in gold.iter().zip(coverage(text, gold, &findings)) {
            self.gold += 1;
            self.any += usize::from(any);
            self.person += usize::from(person);
            if !any {
                self.missed.push(text.chars().skip(s).take(e - s).collect());
            }
        }
    }

    fn check(&self, what: &str) {
        let any = self.any as f64 / self.gold as f64;
        let person = self.person as f64 / self.gold as f64;
        eprintln!(
            "{what}: {} person names, covered {:.3} (by PERSON findings {:.3}); missed: {:?}",
            self.gold, any, person, self.missed
        );
        assert!(
            any >= FLOOR,
            "{what}: only {any:.3} of person names covered"
        );
    }
}

#[test]
fn held_out_synthetic_documents() {
    let jsonl = std::fs::read_to_string(format!("{DATA}/heldout-documents.jsonl")).unwrap();
    let mut tally = Tally::new();
    let mut documents = 0;
    for line in jsonl.lines().filter(|l| !l.trim().is_empty()).take(120) {
        let doc: Value = serde_json::from_str(line).unwrap();
        let text = doc["text"].as_str().unwrap();
        let gold: Vec<(usize, usize)> = doc["spans"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|s| s["label"] == "PERSON")
            .map(|s| {
                (
                    s["start"].as_u64().unwrap() as usize,
                    s["end"].as_u64().unwrap() as usize,
                )
            })
            .collect();
        tally.add(text, &gold);
        documents += 1;
    }
    assert_eq!(documents, 120, "the held-out file has too few documents");
    assert!(tally.gold > 500);
    tally.check("held-out synthetic documents");
}

#[test]
fn sample_documents() {
    let names: Value = serde_json::from_str(
        &std::fs::read_to_string(format!("{DATA}/sample-names.json")).unwrap(),
    )
    .unwrap();
    let files: &serde_json::Map<String, Value> = names["files"].as_object().unwrap();
    let mut tally = Tally::new();
    for (file, list) in files {
        let text = std::fs::read_to_string(format!("{SAMPLES}/{file}"))
            .unwrap_or_else(|e| panic!("{file}: {e}"));
        let mut list: Vec<&str> = list
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        list.sort_by_key(|n| std::cmp::Reverse(n.len()));
        // Byte spans of every whole-word occurrence, longest names first, no overlaps.
        let mut taken: BTreeMap<usize, usize> = BTreeMap::new();
        for name in list {
            let words: Vec<String> = name.split(' ').map(regex::escape).collect();
            let pattern = Regex::new(&format!(r"\b{}\b", words.join(r"\s+"))).unwrap();
            let mut found = false;
            for m in pattern.find_iter(&text) {
                found = true;
                if !taken.iter().any(|(&s, &e)| s < m.end() && m.start() < e) {
                    taken.insert(m.start(), m.end());
                }
            }
            assert!(found, "{file}: the listed name {name:?} does not occur");
        }
        let to_char = |b: usize| text[..b].chars().count();
        let gold: Vec<(usize, usize)> = taken
            .iter()
            .map(|(&s, &e)| (to_char(s), to_char(e)))
            .collect();
        tally.add(&text, &gold);
    }
    assert!(tally.gold >= 30);
    tally.check("sample documents");
}
