//! The shipped model, and the built-in detector around it, on the dev split held out from the
//! news corpus (`tests/data/ner/dev.conll`, an excerpt of the CC BY 4.0 Swedish NER corpus, see
//! `models/ner/MODEL_CARD.md`): a regression below a floor fails CI, and the Rust pipeline must
//! reproduce the metrics that the Python trainer measured with ONNX Runtime (same preprocessing,
//! windows and decoding).

use std::path::Path;

use lantero_redact::detect::Detector;
use lantero_redact::ner::NerModel;
use lantero_redact::ner::eval::{evaluate_conll, evaluate_conll_detector};

fn dev_split() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/ner/dev.conll")
}

/// PERSON exact-span F1 the shipped model must reach: the target (the model card
/// measures 0.904; inference is deterministic, so there is no noise to leave room for).
const PERSON_F1_FLOOR: f64 = 0.90;
/// PERSON coverage recall the shipped model must reach: the card's 0.949 less one name
/// (0.006). The target is 0.95; the model alone is one name short of it on news text
/// — see the card.
const PERSON_COVERAGE_FLOOR: f64 = 0.94;

#[test]
fn shipped_model_meets_the_floor_on_the_dev_split() {
    let model = NerModel::shipped().expect("ONNX Runtime is installed (make setup)");
    let report = evaluate_conll(&dev_split(), model).unwrap();
    let person = report.entities["PER"];
    eprintln!("{}", serde_json::to_string_pretty(&report).unwrap());
    assert!(
        report.sentences > 500,
        "dev split too small: {}",
        report.sentences
    );
    assert!(person.gold > 100);
    assert!(
        person.f1 >= PERSON_F1_FLOOR,
        "PERSON F1 {:.3} < {PERSON_F1_FLOOR}",
        person.f1
    );
    assert!(
        person.coverage >= PERSON_COVERAGE_FLOOR,
        "PERSON coverage {:.3} < {PERSON_COVERAGE_FLOOR}",
        person.coverage
    );

    // The trainer's own measurement of the same file, written into the model's config.
    let trained = &model.config().training["dev_metrics"];
    for entity in ["PER", "LOC", "ORG", "ALL"] {
        let python = trained[entity]["f1"].as_f64().unwrap();
        let rust = report.entities[entity].f1;
        assert!(
            (python - rust).abs() <= 0.005,
            "{entity}: F1 in Rust {rust:.4}, in training {python:.4}"
        );
    }
}

/// What the redaction proposes as PERSON (the model, the name lists and the resolver, each
/// sentence a document) must meet the targets on the dev split: F1 ≥ 0.90 and coverage
/// ≥ 0.95. Measured: F1 0.905, coverage 0.955 (168 of 176 names); the lists were written from
/// general knowledge before the split existed, and nothing was tuned on it.
#[test]
fn built_in_detector_meets_the_targets_on_the_dev_split() {
    let report = evaluate_conll_detector(&dev_split(), &Detector::builtin()).unwrap();
    let person = report.entities["PER"];
    eprintln!("{}", serde_json::to_string_pretty(&report).unwrap());
    assert_eq!(person.gold, 176);
    assert!(person.f1 >= 0.90, "PERSON F1 {:.3} < 0.90", person.f1);
    assert!(
        person.coverage >= 0.95,
        "PERSON coverage {:.3} < 0.95",
        person.coverage
    );
    assert!(
        !report.entities.contains_key("LOC"),
        "the built-in detector proposes no places, so none are scored"
    );
}
