//! Evaluating the model on annotated text: exact-span precision, recall, F1 and F2 per entity
//! type, and coverage recall — the share of gold spans whose every non-space character lies
//! inside predicted spans of the same type (a mask that hides the whole name).
//!
//! CoNLL input: one token and its tag a line (whitespace between them), a blank line between
//! sentences; tags `O`/`0`, `PER`, `LOC`, `ORG`, `MISC`, with or without `B-`/`I-`, or the
//! contract names `PERSON`, `LOCATION`, `ORGANIZATION`. A sentence becomes text by joining its
//! tokens with single spaces, as in the training pipeline.
//!
//! ```
//! use lantero_redact::ner::eval::{parse_conll, score, Span};
//!
//! let docs = parse_conll("Karin\tPER\nLindqvist\tPER\nbor\t0\ni\t0\nLillby\tLOC\n", "example")?;
//! assert_eq!(docs[0].text, "Karin Lindqvist bor i Lillby");
//! let gold = &docs[0].spans;
//! let predicted = vec![Span { start: 0, end: 5, entity: "PER".into() }];
//! let report = score(&[(docs[0].text.as_str(), gold.as_slice(), predicted.as_slice())]);
//! let person = &report["PER"];
//! assert_eq!((person.gold, person.predicted, person.correct), (1, 1, 0));
//! assert_eq!(person.coverage, 0.0);
//! # Ok::<(), lantero_redact::Error>(())
//! ```

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::NerModel;
use super::preprocess::is_separator;
use crate::detect::{Detector, Entity};
use crate::resolve::Resolver;
use crate::{Error, Result};

/// The JSON schema of [`EvalReport`].
pub const EVAL_SCHEMA: &str = "lantero-ner-eval/1";

/// A span in character offsets with the model's entity type (`PER`, `LOC`, `ORG`, `MISC`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    /// Character offset of the first character.
    pub start: usize,
    /// Character offset one past the last character.
    pub end: usize,
    /// Entity type.
    pub entity: String,
}

/// A text with its gold spans.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Annotated {
    /// The text.
    pub text: String,
    /// Gold spans, in order.
    pub spans: Vec<Span>,
}

/// Scores for one entity type (or `ALL`).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct EntityScores {
    /// Gold spans.
    pub gold: usize,
    /// Predicted spans.
    pub predicted: usize,
    /// Predicted spans that match a gold span exactly (start, end and type).
    pub correct: usize,
    /// Gold spans fully covered by predicted spans of the same type.
    pub covered: usize,
    /// `correct / predicted`.
    pub precision: f64,
    /// `correct / gold`.
    pub recall: f64,
    /// Harmonic mean of precision and recall.
    pub f1: f64,
    /// F-beta with beta 2: recall weighs four times as much as precision.
    pub f2: f64,
    /// `covered / gold`.
    pub coverage: f64,
}

/// The result of [`evaluate_conll`] and [`evaluate_conll_detector`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EvalReport {
    /// Always [`EVAL_SCHEMA`].
    pub schema: String,
    /// The evaluated file.
    pub file: String,
    /// What was evaluated: the model alone, or a detector with the resolver.
    #[serde(default)]
    pub predictor: Predictor,
    /// Sentences in it.
    pub sentences: usize,
    /// Scores per entity type, and `ALL`.
    pub entities: BTreeMap<String, EntityScores>,
}

fn entity_type(tag: &str) -> Option<&'static str> {
    let tag = tag.trim();
    let bare = match tag.as_bytes() {
        [b'B' | b'I' | b'E' | b'S', b'-', ..] => &tag[2..],
        _ => tag,
    };
    match bare.to_ascii_uppercase().as_str() {
        "PER" | "PERSON" => Some("PER"),
        "LOC" | "LOCATION" => Some("LOC"),
        "ORG" | "ORGANIZATION" | "ORGANISATION" => Some("ORG"),
        "MISC" => Some("MISC"),
        _ => None,
    }
}

/// Parses CoNLL text into sentences with gold spans; `source` names it in errors.
pub fn parse_conll(conll: &str, source: &str) -> Result<Vec<Annotated>> {
    let mut docs = Vec::new();
    let mut sentence: Vec<(&str, &str)> = Vec::new();
    for (n, line) in conll.lines().enumerate() {
        let parts: Vec<&str> = line.split_whitespace().collect();
        if parts.len() > 4 {
            return Err(Error::Input {
                path: source.into(),
                reason: format!(
                    "line {}: expected a token and a tag, found {} fields",
                    n + 1,
                    parts.len()
                ),
            });
        }
        match parts.as_slice() {
            [] => {
                if !sentence.is_empty() {
                    docs.push(sentence_to_doc(&sentence));
                    sentence.clear();
                }
            }
            [token] => sentence.push((token, "O")),
            [token, .., tag] => sentence.push((token, tag)),
        }
    }
    if !sentence.is_empty() {
        docs.push(sentence_to_doc(&sentence));
    }
    Ok(docs)
}

fn sentence_to_doc(sentence: &[(&str, &str)]) -> Annotated {
    let mut text = String::new();
    let mut spans: Vec<Span> = Vec::new();
    let mut open: Option<Span> = None;
    let mut pos = 0;
    for (i, (token, tag)) in sentence.iter().enumerate() {
        if i > 0 {
            text.push(' ');
            pos += 1;
        }
        let kind = entity_type(tag);
        let begins = tag.trim().to_ascii_uppercase().starts_with("B-");
        if let Some(span) = open.take_if(|s| Some(s.entity.as_str()) != kind || begins) {
            spans.push(span);
        }
        let len = token.chars().count();
        if let Some(kind) = kind {
            match open.as_mut() {
                Some(span) => span.end = pos + len,
                None => {
                    open = Some(Span {
                        start: pos,
                        end: pos + len,
                        entity: kind.to_owned(),
                    })
                }
            }
        }
        text.push_str(token);
        pos += len;
    }
    spans.extend(open);
    Annotated { text, spans }
}

/// Scores predictions: `docs` are `(text, gold, predicted)`. Keys are entity types and `ALL`.
pub fn score(docs: &[(&str, &[Span], &[Span])]) -> BTreeMap<String, EntityScores> {
    let mut out: BTreeMap<String, EntityScores> = BTreeMap::new();
    for &(text, gold, predicted) in docs {
        let chars: Vec<char> = text.chars().collect();
        for span in gold {
            let correct = predicted.contains(span);
            let covered = (span.start..span.end).all(|i| {
                chars.get(i).is_none_or(|&c| is_separator(c))
                    || predicted
                        .iter()
                        .any(|p| p.entity == span.entity && p.start <= i && i < p.end)
            });
            for key in [span.entity.as_str(), "ALL"] {
                let s = out.entry(key.to_owned()).or_default();
                s.gold += 1;
                s.correct += usize::from(correct);
                s.covered += usize::from(covered);
            }
        }
        for span in predicted {
            for key in [span.entity.as_str(), "ALL"] {
                out.entry(key.to_owned()).or_default().predicted += 1;
            }
        }
    }
    for s in out.values_mut() {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        s.precision = ratio(s.correct, s.predicted);
        s.recall = ratio(s.correct, s.gold);
        s.f1 = f_beta(s.precision, s.recall, 1.0);
        s.f2 = f_beta(s.precision, s.recall, 2.0);
        s.coverage = ratio(s.covered, s.gold);
    }
    out
}

fn f_beta(p: f64, r: f64, beta: f64) -> f64 {
    let b2 = beta * beta;
    if p + r == 0.0 {
        0.0
    } else {
        (1.0 + b2) * p * r / (b2 * p + r)
    }
}

/// Runs `model` over every sentence of a CoNLL file and scores it.
///
/// This is `lantero eval ner FILE.conll`.
pub fn evaluate_conll(path: &Path, model: &NerModel) -> Result<EvalReport> {
    evaluate_with(
        path,
        Predictor::Model,
        &["PER", "LOC", "ORG", "MISC"],
        |texts| {
            let tagged = model.tag_many(texts)?;
            Ok(tagged
                .into_iter()
                .map(|spans| {
                    spans
                        .into_iter()
                        .map(|s| Span {
                            start: s.char_start,
                            end: s.char_end,
                            entity: s.entity,
                        })
                        .collect()
                })
                .collect())
        },
    )
}

/// Runs `detector` and the default [`Resolver`] over every sentence of a CoNLL file, each
/// sentence a document of its own, and scores its `PERSON`, `LOCATION` and `ORGANIZATION`
/// findings as `PER`, `LOC` and `ORG`: what the redaction proposes, with the name lists and the
/// resolver's propagation beside the model. Only the types `detector` proposes are scored (the
/// built-in detector leaves places and organisations out, so by default that is `PER`).
///
/// This is `lantero eval ner FILE.conll --detector`.
///
/// ```no_run
/// use lantero_redact::detect::Detector;
/// use lantero_redact::ner::eval::evaluate_conll_detector;
///
/// let report = evaluate_conll_detector("dev.conll".as_ref(), &Detector::builtin())?;
/// println!("PERSON coverage {:.3}", report.entities["PER"].coverage);
/// # Ok::<(), lantero_redact::Error>(())
/// ```
pub fn evaluate_conll_detector(path: &Path, detector: &Detector) -> Result<EvalReport> {
    let resolver = Resolver::default();
    let types = [
        (Entity::Person, "PER"),
        (Entity::Location, "LOC"),
        (Entity::Organization, "ORG"),
    ];
    let scored: Vec<&str> = types
        .iter()
        .filter(|(entity, _)| detector.proposes(*entity))
        .map(|(_, name)| *name)
        .collect();
    evaluate_with(path, Predictor::Detector, &scored, |texts| {
        texts
            .iter()
            .map(|text| {
                let pages = [*text];
                let findings = resolver.resolve(&pages, detector.detect_pages(&pages)?);
                Ok(findings
                    .into_iter()
                    .filter_map(|f| {
                        let (_, entity) = types.iter().find(|(e, _)| *e == f.entity)?;
                        Some(Span {
                            start: f.start,
                            end: f.end,
                            entity: (*entity).to_owned(),
                        })
                    })
                    .collect())
            })
            .collect()
    })
}

/// What an [`EvalReport`] measured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Predictor {
    /// The named-entity model alone.
    #[default]
    Model,
    /// A detector and the resolver: the model with the name lists and propagation.
    Detector,
}

/// Scores `predict` on the file's sentences, for the gold spans of the types in `scored`.
fn evaluate_with(
    path: &Path,
    predictor: Predictor,
    scored: &[&str],
    mut predict: impl FnMut(&[&str]) -> Result<Vec<Vec<Span>>>,
) -> Result<EvalReport> {
    let conll = std::fs::read_to_string(path).map_err(|e| Error::Input {
        path: path.to_owned(),
        reason: e.to_string(),
    })?;
    let mut docs = parse_conll(&conll, &path.display().to_string())?;
    for doc in &mut docs {
        doc.spans.retain(|s| scored.contains(&s.entity.as_str()));
    }
    let texts: Vec<&str> = docs.iter().map(|d| d.text.as_str()).collect();
    let mut predicted = Vec::with_capacity(docs.len());
    // Batches of sentences keep each session run large without holding every output at once.
    for chunk in texts.chunks(256) {
        predicted.extend(predict(chunk)?);
    }
    let triples: Vec<(&str, &[Span], &[Span])> = docs
        .iter()
        .zip(&predicted)
        .map(|(d, p)| (d.text.as_str(), d.spans.as_slice(), p.as_slice()))
        .collect();
    Ok(EvalReport {
        schema: EVAL_SCHEMA.to_owned(),
        file: path.display().to_string(),
        predictor,
        sentences: docs.len(),
        entities: score(&triples),
    })
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use lantero_core::registry::Registry;

    use super::*;

    #[test]
    fn a_detector_is_scored_on_the_types_it_proposes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.conll");
        let conll = "Karin\tB-PER\nLindqvist\tI-PER\nbor\tO\ni\tO\nLillby\tB-LOC\n\n\
                     Sedan\tO\nringde\tO\nLindqvist\tB-PER\n";
        std::fs::write(&path, conll).unwrap();
        let mut registry = Registry::new("recognizer");
        let person: Arc<dyn crate::detect::Recognizer> =
            Arc::new(crate::detect::recognizers::PersonRecognizer);
        registry.replace("person-gazetteer".to_owned(), person);
        let detector = Detector::with_recognizers(registry).with_entities([Entity::Person]);
        let report = evaluate_conll_detector(&path, &detector).unwrap();
        assert_eq!(report.predictor, Predictor::Detector);
        assert_eq!(report.sentences, 2);
        assert_eq!(report.entities.keys().collect::<Vec<_>>(), ["ALL", "PER"]);
        let person = report.entities["PER"];
        assert_eq!(person.gold, 2, "the place is not scored");
        assert!(person.correct >= 1, "Karin Lindqvist is found: {person:?}");
    }

    #[test]
    fn b_tags_split_adjacent_entities_and_plain_tags_join() {
        let docs = parse_conll("A B-PER\nB B-PER\nC I-PER\n\nX PER\nY PER\n", "t").unwrap();
        let spans: Vec<(usize, usize)> = docs[0].spans.iter().map(|s| (s.start, s.end)).collect();
        assert_eq!(spans, [(0, 1), (2, 5)]);
        assert_eq!(docs[1].spans.len(), 1);
        assert_eq!((docs[1].spans[0].start, docs[1].spans[0].end), (0, 3));
    }

    #[test]
    fn scores_count_exact_matches_and_coverage() {
        let text = "Anna Berg och Per";
        let gold = [
            Span {
                start: 0,
                end: 9,
                entity: "PER".into(),
            },
            Span {
                start: 14,
                end: 17,
                entity: "PER".into(),
            },
        ];
        let pred = [
            Span {
                start: 0,
                end: 4,
                entity: "PER".into(),
            },
            Span {
                start: 5,
                end: 9,
                entity: "PER".into(),
            },
            Span {
                start: 14,
                end: 17,
                entity: "PER".into(),
            },
        ];
        let s = score(&[(text, &gold, &pred)])["PER"];
        assert_eq!((s.gold, s.predicted, s.correct, s.covered), (2, 3, 1, 2));
        assert!((s.precision - 1.0 / 3.0).abs() < 1e-9);
        assert!((s.recall - 0.5).abs() < 1e-9);
        assert!((s.coverage - 1.0).abs() < 1e-9);
        assert!((s.f1 - 0.4).abs() < 1e-9);
    }

    #[test]
    fn too_many_fields_is_an_error_naming_the_line() {
        let err = parse_conll("a b c d e\n", "f.conll").unwrap_err();
        assert!(err.to_string().contains("line 1"));
    }
}
