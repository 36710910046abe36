//! Loading customer catalogues: validation errors and merging.

use lantero_core::Error;
use lantero_core::secrecy::{Catalogue, DamageTest};

fn provision(id: &str, contexts: &str) -> String {
    format!(
        r#"{{"id": "{id}", "title": "T", "subject": "S", "damage_test": "rakt",
            "duration_years": 20, "contexts": {contexts}, "entities": ["PERSON"],
            "source": "Kommunjurist"}}"#
    )
}

fn file(provisions: &[String]) -> String {
    format!(
        r#"{{"schema": "lantero.secrecy-catalogue/v1", "provisions": [{}]}}"#,
        provisions.join(",")
    )
}

fn json_reason(result: Result<Catalogue, Error>) -> String {
    match result {
        Err(Error::Json {
            source_name,
            reason,
        }) => {
            assert_eq!(source_name, "kund.json");
            reason
        }
        other => panic!("expected a JSON error, got {other:?}"),
    }
}

#[test]
fn a_wrong_schema_is_rejected() {
    let json = r#"{"schema": "lantero.secrecy-catalogue/v2"}"#;
    assert!(json_reason(Catalogue::from_json(json, "kund.json")).contains("v2"));
}

#[test]
fn duplicate_ids_are_rejected_even_in_different_written_forms() {
    let json = file(&[
        provision("OSL 26:1", r#"["allman"]"#),
        provision("26 kap. 1 §", r#"["allman"]"#),
    ]);
    let reason = json_reason(Catalogue::from_json(&json, "kund.json"));
    assert!(
        reason.contains("OSL 26:1") && reason.contains("twice"),
        "{reason}"
    );
}

#[test]
fn malformed_entries_are_rejected_with_the_reason() {
    let cases = [
        (provision("OSL 26:1", "[]"), "no context"),
        (
            provision("kapitel ett", r#"["allman"]"#),
            "secrecy provision id",
        ),
        (
            provision("OSL 26:1", r#"["allman"]"#).replace("PERSON", "person"),
            "entity",
        ),
        (
            provision("OSL 26:1", r#"["allman"]"#).replace(r#""title": "T""#, r#""title": " ""#),
            "empty title",
        ),
        (
            provision("OSL 26:1", r#"["allman"]"#)
                .replace(r#""rakt","#, r#""absolut", "qualified_damage_test": true,"#),
            "qualified",
        ),
    ];
    for (entry, expected) in cases {
        let reason = json_reason(Catalogue::from_json(&file(&[entry]), "kund.json"));
        assert!(
            reason.contains(expected),
            "{reason} should mention {expected}"
        );
    }
    let bad_keyword = r#"{"schema": "lantero.secrecy-catalogue/v1",
        "contexts": [{"id": "skola", "label": "Skola", "keywords": ["*elev"]}]}"#;
    assert!(json_reason(Catalogue::from_json(bad_keyword, "kund.json")).contains("*elev"));
    let not_json = "{ not json";
    json_reason(Catalogue::from_json(not_json, "kund.json"));
}

#[test]
fn validate_finds_contexts_that_are_not_defined() {
    let partial = Catalogue::from_json(
        &file(&[provision("OSL 99:1", r#"["socialtjanst"]"#)]),
        "kund.json",
    )
    .unwrap();
    let err = partial.validate().unwrap_err();
    assert!(err.to_string().contains("socialtjanst"), "{err}");
}

#[test]
fn merge_replaces_same_ids_and_adds_new_ones() {
    let mut osl = Catalogue::builtin().clone();
    let before = osl.len();
    let mut corrected = provision("26 kap. 1 § OSL", r#"["socialtjanst"]"#);
    corrected = corrected.replace(r#""duration_years": 20"#, r#""duration_years": 70"#);
    let extra = Catalogue::from_json(
        &file(&[corrected, provision("OSL 40:2", r#"["personal"]"#)]),
        "kund.json",
    )
    .unwrap();

    let report = osl.merge(extra).unwrap();
    assert_eq!(report.replaced.len(), 1);
    assert_eq!(report.replaced[0].to_string(), "OSL 26:1");
    assert_eq!(report.added[0].to_string(), "OSL 40:2");
    assert_eq!(osl.len(), before + 1);
    let replaced = osl.get("26:1").unwrap();
    assert_eq!(replaced.source, "Kommunjurist");
    assert_eq!(replaced.damage_test, DamageTest::Rakt);
    assert_eq!(osl.get("40:2").unwrap().title, "T");
    // Untouched entries stay.
    assert_eq!(
        osl.get("25:1").unwrap(),
        Catalogue::builtin().get("25:1").unwrap()
    );
}

#[test]
fn merge_adds_and_replaces_contexts() {
    let mut osl = Catalogue::builtin().clone();
    let json = r#"{"schema": "lantero.secrecy-catalogue/v1",
        "contexts": [
            {"id": "skola", "label": "Skolväsendet", "keywords": ["skolväsende*"]},
            {"id": "tips", "label": "Tipskanal", "keywords": ["tipskanal*"]}
        ]}"#;
    let report = osl
        .merge(Catalogue::from_json(json, "kund.json").unwrap())
        .unwrap();
    assert_eq!(report.contexts_replaced, ["skola"]);
    assert_eq!(report.contexts_added, ["tips"]);
    assert_eq!(osl.context("skola").unwrap().label, "Skolväsendet");
    let found: Vec<&str> = osl
        .contexts_in("Inkommet via tipskanalen")
        .iter()
        .map(|c| c.id.as_str())
        .collect();
    assert_eq!(found, ["tips"]);
}

#[test]
fn a_failed_merge_leaves_the_catalogue_unchanged() {
    let mut osl = Catalogue::builtin().clone();
    let dangling = Catalogue::from_json(
        &file(&[provision("OSL 26:1", r#"["okand_verksamhet"]"#)]),
        "kund.json",
    )
    .unwrap();
    let err = osl.merge(dangling).unwrap_err();
    assert!(err.to_string().contains("okand_verksamhet"), "{err}");
    assert_eq!(&osl, Catalogue::builtin());
}
