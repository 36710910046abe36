//! The shipped model on the dev split held out from the news corpus (`tests/data/ner/dev.conll`,
//! an excerpt of the CC BY 4.0 Swedish NER corpus, see `models/ner/MODEL_CARD.md`): a regression
//! below the floor fails CI, and the Rust pipeline must reproduce the metrics that the Python
//! trainer measured with ONNX Runtime (same preprocessing, windows and decoding).

use std::path::Path;

use lantero_redact::ner::NerModel;
use lantero_redact::ner::eval::evaluate_conll;

/// PERSON exact-span F1 the shipped model must reach: the target (the model card
/// measures 0.904; inference is deterministic, so there is no noise to leave room for).
const PERSON_F1_FLOOR: f64 = 0.90;
/// PERSON coverage recall the shipped model must reach: the card's 0.949 less one name
/// (0.006). The target is 0.95; the model alone is one name short of it on news text
/// — see the card.
const PERSON_COVERAGE_FLOOR: f64 = 0.94;

#[test]
fn shipped_model_meets_the_floor_on_the_dev_split() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/ner/dev.conll");
    let model = NerModel::shipped().expect("ONNX Runtime is installed (make setup)");
    let report = evaluate_conll(&path, model).unwrap();
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
