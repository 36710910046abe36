//! The shipped secrecy catalogue and the catalogue API.

use lantero_core::Error;
use lantero_core::secrecy::{Catalogue, DamageTest, GENERAL_CONTEXT, ProvisionId, SCHEMA};

fn ids(provisions: &[&lantero_core::secrecy::Provision]) -> Vec<String> {
    provisions.iter().map(|p| p.id.to_string()).collect()
}

#[test]
fn the_shipped_catalogue_parses_and_validates() {
    let loaded = Catalogue::load_builtin().expect("data/secrecy/osl.json must load");
    assert_eq!(&loaded, Catalogue::builtin());
    assert!(!loaded.notice().is_empty());
    assert!(loaded.notice().contains("jurist"));
}

#[test]
fn the_shipped_catalogue_holds_the_provisions_of_the_brief() {
    let osl = Catalogue::builtin();
    for id in [
        "26:1",
        "25:1",
        "21:3",
        "22:1",
        "21:1",
        "21:7",
        "23:2",
        "39:1",
        "19:1",
        "19:3",
        "19:3 st. 2",
        "31:16",
        "30:4 b",
        "17:3 b",
        "32:3 b",
    ] {
        let p = osl.get(id).unwrap_or_else(|e| panic!("{id}: {e}"));
        assert!(!p.source.is_empty(), "{id} names its source");
        assert!(!p.entities.is_empty(), "{id} protects some entity");
    }
}

#[test]
fn damage_tests_and_durations_follow_domain_md() {
    let osl = Catalogue::builtin();
    let p = |id: &str| osl.get(id).unwrap();
    assert_eq!(p("26:1").damage_test, DamageTest::Omvant);
    assert_eq!(p("25:1").damage_test, DamageTest::Omvant);
    assert_eq!(p("26:1").duration_years, Some(70));
    assert_eq!(p("30:4 b").damage_test, DamageTest::Absolut);
    assert_eq!(p("17:3 b").damage_test, DamageTest::Rakt);
    assert_eq!(p("17:3 b").duration_years, Some(50));
    let folkbokforing = p("22:1");
    assert_eq!(folkbokforing.damage_test, DamageTest::Rakt);
    assert!(
        folkbokforing.qualified_damage_test,
        "22:1 is kvalificerat rakt"
    );
    assert!(!p("26:1").qualified_damage_test);
}

#[test]
fn entries_marked_verify_in_domain_md_are_flagged_and_say_so() {
    let osl = Catalogue::builtin();
    for id in [
        "21:1",
        "21:7",
        "23:2",
        "39:1",
        "19:1",
        "19:3",
        "19:3 st. 2",
        "31:16",
        "32:3 b",
    ] {
        let p = osl.get(id).unwrap();
        assert!(p.verify, "{id} is marked (verify) in DOMAIN.md");
        let note = p.note.as_deref().unwrap_or_default().to_lowercase();
        assert!(
            note.contains("jurist"),
            "{id}'s note tells a lawyer to check: {note}"
        );
    }
    for id in ["26:1", "25:1"] {
        assert!(!osl.get(id).unwrap().verify, "{id} is not marked (verify)");
    }
}

#[test]
fn every_entity_name_is_one_of_the_cli_contract() {
    const CLI: [&str; 18] = [
        "PERSON",
        "PERSONNUMMER",
        "ORGANISATIONSNUMMER",
        "PHONE",
        "EMAIL",
        "ADDRESS",
        "BANK_ACCOUNT",
        "IBAN",
        "BANKGIRO",
        "PLUSGIRO",
        "PAYMENT_CARD",
        "VEHICLE_REGISTRATION",
        "IP_ADDRESS",
        "URL",
        "DATE_OF_BIRTH",
        "LOCATION",
        "ORGANIZATION",
        "HEALTH",
    ];
    for p in Catalogue::builtin().provisions() {
        for e in &p.entities {
            assert!(
                CLI.contains(&e.as_str()),
                "{}: {e} is not a CLI entity",
                p.id
            );
        }
    }
}

#[test]
fn get_accepts_every_written_form_and_names_unknown_ids() {
    let osl = Catalogue::builtin();
    let expected = osl.get("OSL 26:1").unwrap();
    for form in ["26 kap. 1 § OSL", "26:1", "osl 26:1", "26 kap 1 §"] {
        assert_eq!(osl.get(form).unwrap(), expected);
    }
    assert_eq!(
        osl.get("26 kap. 99 §").unwrap_err(),
        Error::UnknownProvision("OSL 26:99".into())
    );
    assert!(matches!(
        osl.get("tjugosex"),
        Err(Error::InvalidValue { .. })
    ));
    assert!(
        osl.provision(&"OSL 30:4 b".parse::<ProvisionId>().unwrap())
            .is_some()
    );
}

#[test]
fn by_context_lists_provisions_in_the_order_of_the_law() {
    let osl = Catalogue::builtin();
    assert_eq!(
        ids(&osl.by_context("visselblasning")),
        ["OSL 17:3 b", "OSL 30:4 b", "OSL 32:3 b"]
    );
    assert_eq!(ids(&osl.by_context("socialtjanst")), ["OSL 26:1"]);
    assert!(osl.by_context("no-such-context").is_empty());
    let general = ids(&osl.by_context(GENERAL_CONTEXT));
    assert!(general.contains(&"OSL 21:1".to_string()));
}

#[test]
fn contexts_are_found_from_keywords_on_word_boundaries() {
    let osl = Catalogue::builtin();
    let text = "Socialnämndens beslut om försörjningsstöd. Eleven har kontakt med elevhälsan.";
    let found: Vec<&str> = osl
        .contexts_in(text)
        .iter()
        .map(|c| c.id.as_str())
        .collect();
    assert_eq!(found, ["socialtjanst", "skola"]);

    let matches = osl.detect_contexts(text);
    assert_eq!(matches[0].keywords, ["socialnämnd*", "försörjningsstöd*"]);

    // Not on a word boundary: "klassrum" contains "lss", "orosanmälan" is not "oros".
    assert!(osl.contexts_in("Klassrummet").is_empty());
    assert!(osl.contexts_in("").is_empty());
    // Case and line breaks do not matter.
    let ids: Vec<&str> = osl
        .contexts_in("ANSÖKAN OM EKONOMISKT\nBISTÅND")
        .iter()
        .map(|c| c.id.as_str())
        .collect();
    assert_eq!(ids, ["socialtjanst"]);
}

#[test]
fn every_context_but_the_catch_all_has_keywords() {
    let osl = Catalogue::builtin();
    for context in osl.contexts() {
        assert_eq!(
            context.keywords.is_empty(),
            context.id == GENERAL_CONTEXT,
            "{}",
            context.id
        );
        assert!(!context.label.is_empty());
    }
}

#[test]
fn candidates_put_the_specific_provision_first() {
    let osl = Catalogue::builtin();
    let social = osl.contexts_in("Utredning enligt LSS, socialsekreterare");
    assert_eq!(ids(&osl.candidates("PERSONNUMMER", &social))[0], "OSL 26:1");

    // Health data in social services: 26:1 (specific), then 21:1 (applies everywhere).
    assert_eq!(
        ids(&osl.candidates("HEALTH", ["socialtjanst"])),
        ["OSL 26:1", "OSL 21:1"]
    );

    // In a whistleblowing case the absolute provisions come before the rakt one.
    assert_eq!(
        ids(&osl.candidates("PERSON", ["visselblasning"])),
        ["OSL 30:4 b", "OSL 32:3 b", "OSL 17:3 b", "OSL 21:7"]
    );
}

#[test]
fn candidates_without_a_context_are_the_provisions_that_apply_everywhere() {
    let osl = Catalogue::builtin();
    let none: [&str; 0] = [];
    let address = osl.candidates("ADDRESS", none);
    assert_eq!(ids(&address), ["OSL 21:3", "OSL 21:7"]);
    assert!(address.iter().all(|p| p.applies_everywhere()));
    assert!(osl.candidates("URL", ["socialtjanst"]).is_empty());
}

#[test]
fn candidates_match_entity_names_ignoring_case() {
    let osl = Catalogue::builtin();
    assert_eq!(
        osl.candidates("health", ["skola"]),
        osl.candidates("HEALTH", ["skola"])
    );
}

#[test]
fn catalogue_json_round_trips() {
    let osl = Catalogue::builtin();
    let json = osl.to_json().unwrap();
    assert!(json.contains(SCHEMA));
    let back = Catalogue::from_json(&json, "export.json").unwrap();
    assert_eq!(&back, osl);
    assert_eq!(back.to_json().unwrap(), json);
    let via_reader = Catalogue::from_reader(json.as_bytes(), "export.json").unwrap();
    assert_eq!(&via_reader, osl);
}
