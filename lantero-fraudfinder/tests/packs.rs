//! Both content packs load, validate and round-trip through export and import; adapted
//! packs share examples; broken packs are refused with the reason.

use chrono::NaiveDate;
use lantero_core::assets::{Asset, AssetKind, AssetRegister, Importance};
use lantero_core::framework::{Answer, Assessment};
use lantero_core::risk::{Estimate, Risk, Treatment, presets};
use lantero_fraudfinder::Error;
use lantero_fraudfinder::controls::{RuleEntry, standard_rules};
use lantero_fraudfinder::packs::{self, GoodExample, Pack, PackKind, suggest_answers};

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, m, d).unwrap()
}

#[test]
fn both_packs_load_validate_and_round_trip() {
    for pack in packs::shipped().unwrap() {
        pack.validate().unwrap();
        let json = pack.to_json().unwrap();
        assert!(json.contains("\"schema\": \"lantero.fraudfinder.pack/v1\""));
        assert!(json.contains("\"schema\": \"lantero.framework/v1\""));
        let back = Pack::from_json(&json, "export.json").unwrap();
        assert_eq!(back, pack);
        assert_eq!(back.to_json().unwrap(), json, "export is stable");
        assert_eq!(pack.metadata.licence, "CC-BY-4.0");
        assert_eq!(pack.framework.language, "sv");
        for (_, activity) in pack.framework.activities() {
            assert!(
                !activity.checklist.is_empty(),
                "{} has no checklist",
                activity.id
            );
            assert!(
                !activity.guidance.is_empty(),
                "{} has no guidance",
                activity.id
            );
        }
    }
}

#[test]
fn the_welfare_pack_has_the_issue_areas_and_links_real_rules() {
    let pack = packs::welfare_crime().unwrap();
    assert_eq!(pack.metadata.kind, PackKind::WelfareCrime);
    let titles: Vec<&str> = pack
        .framework
        .areas
        .iter()
        .map(|a| a.title.as_str())
        .collect();
    for wanted in [
        "Ekonomiskt bistånd",
        "Föreningsbidrag",
        "Personlig assistans (LSS)",
        "Lönebidrag och nystartsjobb",
        "Upphandling",
        "Tillstånd och tillsyn",
        "Bisysslor",
        "Bakgrundskontroller",
        "Styrande dokument",
        "Utbildning i tre nivåer",
        "Samverkan",
        "Tipskanal för allmänheten",
        "Visselblåsning",
        "Kartläggning",
        "Riskanalys",
        "Åtgärdsplan och uppföljning",
    ] {
        assert!(titles.contains(&wanted), "missing area {wanted}");
    }
    let utbildning = pack.framework.area("utbildning").unwrap();
    assert!(
        utbildning
            .activities
            .iter()
            .filter(|a| a.id.starts_with("ut-niva"))
            .count()
            == 3
    );
    let rules = standard_rules().unwrap();
    let names: Vec<&str> = rules.rules().iter().map(RuleEntry::name).collect();
    for linked in pack.controls.values().flatten() {
        assert!(
            names.contains(&linked.as_str()),
            "pack links unknown rule {linked}"
        );
    }
}

#[test]
fn the_cyber_pack_covers_nis2_a_to_j() {
    let pack = packs::cyber_hygiene().unwrap();
    let ids: Vec<&str> = pack.framework.areas.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "nis2-a", "nis2-b", "nis2-c", "nis2-d", "nis2-e", "nis2-f", "nis2-g", "nis2-h",
            "nis2-i", "nis2-j"
        ]
    );
    assert!(!pack.asset_checks.is_empty());
}

#[test]
fn adapted_packs_export_and_share_examples() {
    let lantero = packs::welfare_crime().unwrap();
    let mut a = lantero.adapt("Aby kommun", "2025.1-aby", day(9, 1));
    a.examples.push(GoodExample {
        id: "ex-aby".into(),
        title: "Stickprov på föreningsbidrag".into(),
        municipality: "Aby kommun".into(),
        activity: "fb-efterkontroll".into(),
        summary: "Tio procent av bidragen efterkontrolleras varje år.".into(),
        template: None,
    });
    let shared = Pack::from_json(&a.to_json().unwrap(), "aby.json").unwrap();
    assert_eq!(
        shared.metadata.author.municipality.as_deref(),
        Some("Aby kommun")
    );
    assert_eq!(shared.framework.version, "2025.1-aby");

    let mut b = lantero.adapt("Bby kommun", "2025.1-bby", day(9, 2));
    assert_eq!(b.import_examples(&shared), 1);
    assert_eq!(b.import_examples(&shared), 0, "examples are imported once");
    assert_eq!(b.examples_for("fb-efterkontroll").count(), 1);
    // An example for an activity the receiving pack lacks is not imported.
    let mut c = lantero.adapt("Cby kommun", "2025.1-cby", day(9, 3));
    c.framework
        .areas
        .retain(|area| area.id != "foreningsbidrag");
    c.controls.remove("fb-kontroll");
    c.validate().unwrap();
    assert_eq!(c.import_examples(&shared), 0);
}

#[test]
fn broken_packs_are_refused_with_the_reason() {
    let json = packs::welfare_crime().unwrap().to_json().unwrap();
    let bad = json.replacen(
        "\"activity\": \"sv-internt-natverk\"",
        "\"activity\": \"finns-inte\"",
        1,
    );
    let err = Pack::from_json(&bad, "bad.json").unwrap_err();
    assert!(
        err.to_string().contains("unknown activity \"finns-inte\""),
        "{err}"
    );
    let bad = json.replacen(
        "lantero.fraudfinder.pack/v1",
        "lantero.fraudfinder.pack/v9",
        1,
    );
    assert!(matches!(
        Pack::from_json(&bad, "bad.json"),
        Err(Error::Pack { .. })
    ));
    let bad = json.replacen("\"licence\": \"CC-BY-4.0\"", "\"licence\": \" \"", 1);
    assert!(
        Pack::from_json(&bad, "bad.json")
            .unwrap_err()
            .to_string()
            .contains("licence")
    );
    let bad = json.replacen(
        "mallar/ekonomiskt-bistand/kontrollrutin.docx",
        "https://example.org/x.docx",
        1,
    );
    assert!(
        Pack::from_json(&bad, "bad.json")
            .unwrap_err()
            .to_string()
            .contains("relative path")
    );
}

#[test]
fn cyber_answers_follow_the_asset_register() {
    let pack = packs::cyber_hygiene().unwrap();
    let mut register = AssetRegister::new(presets::municipal_4x4());
    let answers = |r: &AssetRegister| suggest_answers(&pack, r, day(9, 1)).unwrap();
    let find = |list: &[packs::SuggestedAnswer], item: &str| {
        list.iter().find(|a| a.item == item).unwrap().answer
    };
    let empty = answers(&register);
    assert_eq!(find(&empty, "a-tillgangar-1"), Answer::No);

    let mut system = Asset::new("eko", "Ekonomisystem", AssetKind::System).unwrap();
    system.owner = Some("Ekonomichef".into());
    system.importance = Importance::Critical;
    system.last_reviewed = Some(day(6, 1));
    system.risks.push(Risk::new(
        "Kontobyte",
        "Ekonomichef",
        Estimate::new(4, 4),
        Estimate::new(4, 4),
        Treatment::Accept,
    ));
    register.add(system).unwrap();
    let mut phone = Asset::new("mob", "Mobil", AssetKind::MobilePhone).unwrap();
    phone.last_reviewed = Some(day(6, 1));
    register.add(phone).unwrap();
    let now = answers(&register);
    assert_eq!(find(&now, "a-tillgangar-1"), Answer::Yes);
    assert_eq!(find(&now, "a-tillgangar-2"), Answer::Yes);
    assert_eq!(
        find(&now, "a-tillgangar-3"),
        Answer::Partly,
        "one of two has an owner"
    );
    assert_eq!(find(&now, "a-riskbedomning-1"), Answer::Yes);
    assert_eq!(
        find(&now, "a-riskbedomning-2"),
        Answer::No,
        "a very high risk is only accepted"
    );
    assert_eq!(find(&now, "a-riskbedomning-3"), Answer::Yes);

    let mut assessment = Assessment::new(&pack.framework, day(9, 1), "IT-chef");
    for s in &now {
        s.apply(&pack, &mut assessment).unwrap();
    }
    let recorded = assessment.answer_for("a-tillgangar-3").unwrap();
    assert_eq!(recorded.evidence.as_deref(), Some("Tillgångsregistret"));
    assert!(recorded.comment.as_deref().unwrap().contains("1 av 2"));
}
