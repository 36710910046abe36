//! The shipped named-entity model through ONNX Runtime: batching and windowing are exact, one
//! session serves many threads, and the recognizer reports byte offsets on character
//! boundaries with calibrated scores.

use std::sync::Arc;

use lantero_redact::Error;
use lantero_redact::detect::{Detector, Entity, Recognizer};
use lantero_redact::ner::preprocess::KnownFeatures;
use lantero_redact::ner::{ModelConfig, NerModel, NerRecognizer, SessionOptions};

const LETTER: &str = "Beslut\nSökande: Åsa Öberg-Nilsson, Storgatan 12, Lillby.\n\
Socialnämnden i Lillby kommun beviljar Åsa Öberg-Nilsson ekonomiskt bistånd. \
Handläggare Mohammed Al-Hassan ringde till Försäkringskassan i Växjö.\n";

fn model() -> &'static NerModel {
    NerModel::shipped().expect("ONNX Runtime is installed (make setup)")
}

#[test]
fn finds_people_places_and_organisations() {
    let spans = model().tag(LETTER).unwrap();
    let found = |entity: &str, text: &str| {
        spans
            .iter()
            .any(|s| s.entity == entity && &LETTER[s.start..s.end] == text)
    };
    assert!(found("PER", "Åsa Öberg-Nilsson"), "{spans:#?}");
    assert!(found("PER", "Mohammed Al-Hassan"), "{spans:#?}");
    for s in &spans {
        assert!((0.0..=1.0).contains(&s.score) && (0.0..=1.0).contains(&s.raw_score));
        assert_eq!(LETTER[..s.start].chars().count(), s.char_start);
    }
}

#[test]
fn batching_gives_the_same_spans_as_one_text_at_a_time() {
    let texts = [
        LETTER,
        "Kontakt: Karin Lindqvist.",
        "",
        "Inga namn här alls.",
    ];
    let batched = model().tag_many(&texts).unwrap();
    for (text, spans) in texts.iter().zip(&batched) {
        let alone = model().tag(text).unwrap();
        assert_eq!(alone.len(), spans.len());
        for (a, b) in alone.iter().zip(spans) {
            assert_eq!((a.start, a.end, &a.entity), (b.start, b.end, &b.entity));
            assert!((a.score - b.score).abs() < 1e-4);
        }
    }
}

#[test]
fn long_pages_are_windowed_and_every_repetition_is_found() {
    // ~40 tokens a letter, 30 letters: well beyond one 128-token window.
    let page = LETTER.repeat(30);
    let spans = model().tag(&page).unwrap();
    let people = spans
        .iter()
        .filter(|s| s.entity == "PER" && &page[s.start..s.end] == "Åsa Öberg-Nilsson")
        .count();
    assert_eq!(people, 60, "one per mention");
}

#[test]
fn one_session_serves_many_threads() {
    let expected = model().tag(LETTER).unwrap();
    let handles: Vec<_> = (0..4)
        .map(|_| std::thread::spawn(|| NerModel::shipped().unwrap().tag(LETTER).unwrap()))
        .collect();
    for handle in handles {
        assert_eq!(handle.join().unwrap().len(), expected.len());
    }
}

#[test]
fn recognizer_reports_contract_entities_and_joins_the_detector() {
    let recognizer = NerRecognizer::shipped();
    assert_eq!(
        recognizer.entities(),
        [Entity::Person, Entity::Location, Entity::Organization]
    );
    let candidates = recognizer.recognize(LETTER).unwrap();
    assert!(
        candidates
            .iter()
            .all(|c| LETTER.is_char_boundary(c.start) && LETTER.is_char_boundary(c.end))
    );
    assert!(candidates.iter().any(|c| c.entity == Entity::Person));

    let mut detector = Detector::builtin();
    detector.add_recognizer(Arc::new(recognizer));
    let strict = detector.clone().with_min_score(0.999_9);
    let findings = detector.detect_pages(&[LETTER]).unwrap();
    // The same span from the gazetteer may win the tie, so only ask that the model took part.
    assert!(findings.iter().any(|f| f.recognizer == "ner"));
    assert!(
        findings
            .iter()
            .any(|f| f.entity == Entity::Person && f.text == "Mohammed Al-Hassan")
    );
    let strict_ner = strict
        .detect_pages(&[LETTER])
        .unwrap()
        .into_iter()
        .filter(|f| f.recognizer == "ner")
        .count();
    let all_ner = findings.iter().filter(|f| f.recognizer == "ner").count();
    assert!(strict_ner < all_ner, "--min-score filters model findings");
}

#[test]
fn broken_models_and_configs_are_typed_errors() {
    let (_, config, known) = NerModel::shipped_files().unwrap();
    let err = NerModel::load(
        b"not an onnx graph",
        config.clone(),
        known.clone(),
        SessionOptions::default(),
        "broken.onnx",
    )
    .unwrap_err();
    assert!(matches!(err, Error::Model { .. }), "{err}");
    assert!(err.to_string().contains("broken.onnx"), "{err}");

    let mut wrong = serde_json::to_value(&config).unwrap();
    wrong["preprocess_version"] = "lantero-ner-preprocess/0".into();
    let err = ModelConfig::from_json(&wrong.to_string(), "old/config.json").unwrap_err();
    assert!(err.to_string().contains("old/config.json"), "{err}");
    assert!(err.to_string().contains("preprocess"), "{err}");

    let err = NerModel::load(
        &[],
        config,
        KnownFeatures::default(),
        SessionOptions::default(),
        "x",
    )
    .unwrap_err();
    assert!(err.to_string().contains("known features"), "{err}");
}
