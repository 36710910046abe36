//! Recall of the built-in recognizers on realistic Swedish municipal documents.
//!
//! Each document under `tests/data/recall/` (a decision letter, e-mails with signatures, a tip
//! report, a journal note, minutes, payment documents, an IT incident report, …) comes with a
//! sidecar `*.expected.json` listing every identifier planted in it, by entity and exact text.
//! The lists were written with the documents, before the recognizers were tuned.
//!
//! An expected identifier counts as found when a finding of the same entity covers every
//! occurrence of its text. Recall of structured identifiers (everything but `PERSON`) must be
//! at least 0.99: a missed identifier is a leak. `PERSON` recall and the precision of every
//! entity are printed, not asserted (run with `--nocapture` to see them).

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use lantero_redact::detect::{Detector, Entity, Finding};
use serde::Deserialize;

const REQUIRED_STRUCTURED_RECALL: f64 = 0.99;

#[derive(Debug, Deserialize)]
struct Expected {
    schema: String,
    document: String,
    expected: Vec<Item>,
}

#[derive(Debug, Deserialize)]
struct Item {
    entity: Entity,
    text: String,
}

/// One planted occurrence, in character offsets.
struct Occurrence {
    entity: Entity,
    text: String,
    start: usize,
    end: usize,
}

#[derive(Default)]
struct Tally {
    expected: usize,
    found: usize,
    found_confident: usize,
    findings: usize,
    true_findings: usize,
    misses: Vec<String>,
    false_findings: Vec<String>,
}

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/recall")
}

/// Every occurrence of `needle` in `text`, as character offsets.
fn occurrences(text: &str, needle: &str) -> Vec<(usize, usize)> {
    text.match_indices(needle)
        .map(|(byte, _)| {
            let start = text[..byte].chars().count();
            (start, start + needle.chars().count())
        })
        .collect()
}

fn covers(f: &Finding, o: &Occurrence) -> bool {
    f.entity == o.entity && f.start <= o.start && o.end <= f.end
}

fn overlaps(f: &Finding, o: &Occurrence) -> bool {
    f.entity == o.entity && f.start < o.end && o.start < f.end
}

fn documents() -> Vec<(String, String, Vec<Occurrence>)> {
    let mut sidecars: Vec<PathBuf> = fs::read_dir(data_dir())
        .expect("tests/data/recall exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.to_string_lossy().ends_with(".expected.json"))
        .collect();
    sidecars.sort();
    sidecars
        .into_iter()
        .map(|sidecar| {
            let expected: Expected =
                serde_json::from_str(&fs::read_to_string(&sidecar).expect("readable sidecar"))
                    .unwrap_or_else(|e| panic!("{}: {e}", sidecar.display()));
            assert_eq!(expected.schema, "lantero.recall-expected/v1");
            let text = fs::read_to_string(data_dir().join(&expected.document))
                .unwrap_or_else(|e| panic!("{}: {e}", expected.document));
            let mut planted = Vec::new();
            for item in expected.expected {
                let found = occurrences(&text, &item.text);
                assert!(
                    !found.is_empty(),
                    "{}: expected text {:?} is not in the document",
                    expected.document,
                    item.text
                );
                planted.extend(found.into_iter().map(|(start, end)| Occurrence {
                    entity: item.entity,
                    text: item.text.clone(),
                    start,
                    end,
                }));
            }
            (expected.document, text, planted)
        })
        .collect()
}

#[test]
fn builtin_recognizers_find_the_planted_identifiers() {
    let documents = documents();
    assert!(documents.len() >= 6, "at least six documents");
    let detector = Detector::builtin();
    let mut tally: BTreeMap<Entity, Tally> = BTreeMap::new();
    for (name, text, planted) in &documents {
        let findings = detector
            .detect_pages(&[text.as_str()])
            .expect("detection runs");
        for o in planted {
            let t = tally.entry(o.entity).or_default();
            t.expected += 1;
            match findings
                .iter()
                .filter(|f| covers(f, o))
                .map(|f| f.score)
                .reduce(f32::max)
            {
                Some(score) => {
                    t.found += 1;
                    t.found_confident += usize::from(score >= 0.5);
                }
                None => t.misses.push(format!("{name}: {:?}", o.text)),
            }
        }
        for f in &findings {
            let t = tally.entry(f.entity).or_default();
            t.findings += 1;
            if planted.iter().any(|o| overlaps(f, o)) {
                t.true_findings += 1;
            } else {
                t.false_findings.push(format!(
                    "{name}: {:?} ({:.2}, {})",
                    f.text, f.score, f.reason
                ));
            }
        }
    }

    let (mut expected, mut found) = (0, 0);
    println!("entity                 planted  recall  recall@0.5  findings  precision");
    for (entity, t) in &tally {
        let recall = ratio(t.found, t.expected);
        let confident = ratio(t.found_confident, t.expected);
        let precision = ratio(t.true_findings, t.findings);
        println!(
            "{:<22} {:>7}  {recall:>6.3}  {confident:>10.3}  {:>8}  {precision:>9.3}",
            entity.as_str(),
            t.expected,
            t.findings
        );
        if *entity != Entity::Person {
            expected += t.expected;
            found += t.found;
        }
    }
    for (entity, t) in &tally {
        for miss in &t.misses {
            println!("MISSED {entity}: {miss}");
        }
        for extra in &t.false_findings {
            println!("EXTRA  {entity}: {extra}");
        }
    }
    let recall = ratio(found, expected);
    println!("structured identifiers: {found}/{expected} found, recall {recall:.3}");
    assert!(
        expected >= 150,
        "at least 150 structured identifiers are planted"
    );
    assert!(
        recall >= REQUIRED_STRUCTURED_RECALL,
        "structured recall {recall:.3} is below {REQUIRED_STRUCTURED_RECALL}"
    );
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        1.0
    } else {
        part as f64 / whole as f64
    }
}
