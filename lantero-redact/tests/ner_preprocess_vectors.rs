//! The Rust preprocessing must match the Python training pipeline bit for bit: tokens, offsets,
//! normalised forms, feature strings, hashes and ids from `models/ner/preprocess-vectors.json`
//! (written by `python -m lantero_ner vectors`).

use lantero_redact::ner::preprocess::{
    BUCKETS, KnownFeatures, MAX_FEATURES, PREPROCESS_VERSION, fnv1a64, normalised_lower,
    token_features, token_ids, tokenize,
};
use serde_json::Value;

fn vectors() -> Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/models/ner/preprocess-vectors.json"
    );
    let text = std::fs::read_to_string(path).expect("the test-vector file is shipped");
    serde_json::from_str(&text).expect("valid JSON")
}

#[test]
fn constants_match() {
    let v = vectors();
    assert_eq!(v["schema"], "lantero-ner-preprocess-vectors/1");
    assert_eq!(v["preprocess_version"], PREPROCESS_VERSION);
    assert_eq!(v["buckets"], BUCKETS);
    assert_eq!(v["max_features"], MAX_FEATURES);
}

#[test]
fn fnv1a64_matches() {
    let v = vectors();
    let cases = v["fnv1a64"].as_array().unwrap();
    assert!(cases.len() >= 5);
    for case in cases {
        let input = case["input"].as_str().unwrap();
        let expected = u64::from_str_radix(case["hash"].as_str().unwrap(), 16).unwrap();
        assert_eq!(fnv1a64(input.as_bytes()), expected, "FNV-1a of {input:?}");
    }
}

#[test]
fn tokens_features_and_ids_match() {
    let v = vectors();
    let cases = v["cases"].as_array().unwrap();
    assert!(cases.len() >= 15);
    let listed: Vec<&str> = v["known_features"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f.as_str().unwrap())
        .collect();
    let known = KnownFeatures::from_lines(&listed.join("\n"));
    assert!(known.len() > 10);
    let mut checked_tokens = 0;
    for case in cases {
        let text = case["text"].as_str().unwrap();
        let expected = case["tokens"].as_array().unwrap();
        let tokens = tokenize(text);
        let got: Vec<(usize, usize, &str)> =
            tokens.iter().map(|t| (t.start, t.end, t.text)).collect();
        let want: Vec<(usize, usize, &str)> = expected
            .iter()
            .map(|t| {
                (
                    t["start"].as_u64().unwrap() as usize,
                    t["end"].as_u64().unwrap() as usize,
                    t["text"].as_str().unwrap(),
                )
            })
            .collect();
        assert_eq!(got, want, "tokens of {text:?}");
        for (token, want) in tokens.iter().zip(expected) {
            assert_eq!(
                normalised_lower(token.text),
                want["normalised"].as_str().unwrap()
            );
            let features: Vec<Value> = token_features(token.text, Some(&known))
                .into_iter()
                .map(Value::from)
                .collect();
            assert_eq!(
                &features,
                want["features"].as_array().unwrap(),
                "features of {:?}",
                token.text
            );
            let ids: Vec<Value> = token_ids(token.text, &known)
                .into_iter()
                .map(Value::from)
                .collect();
            assert_eq!(
                &ids,
                want["ids"].as_array().unwrap(),
                "ids of {:?}",
                token.text
            );
            checked_tokens += 1;
        }
    }
    assert!(checked_tokens > 600, "only {checked_tokens} tokens checked");
}
