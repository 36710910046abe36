//! The asset register: dependency cycles, inherited protection, findings and JSON.

use chrono::NaiveDate;
use lantero_core::Error;
use lantero_core::assets::{Asset, AssetKind, AssetRegister, Finding, Importance, Klassa};
use lantero_core::risk::{Estimate, Risk, Treatment, presets};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn register_of(ids: &[&str]) -> AssetRegister {
    let mut r = AssetRegister::new(presets::municipal_4x4());
    for id in ids {
        r.add(Asset::new(*id, format!("Tillgång {id}"), AssetKind::System).unwrap())
            .unwrap();
    }
    r
}

fn risk() -> Risk {
    Risk::new(
        "Obehörig åtkomst",
        "Säkerhetschef",
        Estimate::new(2, 3),
        Estimate::new(1, 3),
        Treatment::Reduce,
    )
}

/// An asset with nothing missing, reviewed on 2025-01-15 with a yearly interval.
fn complete(id: &str, kind: AssetKind) -> Asset {
    let mut asset = Asset::new(id, format!("Tillgång {id}"), kind).unwrap();
    asset.owner = Some("IT-chef".into());
    asset.last_reviewed = Some(date(2025, 1, 15));
    asset.risks.push(risk());
    asset
}

#[test]
fn self_loop_is_refused() {
    let mut r = register_of(&["a"]);
    assert_eq!(
        r.add_dependency("a", "a"),
        Err(Error::DependencyCycle(vec!["a".into(), "a".into()]))
    );
    assert_eq!(r.dependencies("a").unwrap(), Vec::<&str>::new());
}

#[test]
fn closing_a_long_chain_reports_the_whole_cycle() {
    let ids: Vec<String> = (0..200).map(|i| format!("n{i}")).collect();
    let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
    let mut r = register_of(&refs);
    for pair in refs.windows(2) {
        r.add_dependency(pair[0], pair[1]).unwrap();
    }
    let Err(Error::DependencyCycle(path)) = r.add_dependency("n199", "n0") else {
        panic!("expected a cycle");
    };
    let mut expected: Vec<String> = vec!["n199".into()];
    expected.extend(ids.iter().cloned());
    assert_eq!(path, expected);
    assert!(r.dependencies("n199").unwrap().is_empty());
    // The message shows the path.
    let message = Error::DependencyCycle(path).to_string();
    assert!(
        message.starts_with("dependency cycle: n199 -> n0 -> n1 -> "),
        "{message}"
    );
}

#[test]
fn bulk_dependencies_with_a_cycle_change_nothing() {
    let mut r = register_of(&["a", "b", "c", "d"]);
    r.add_dependencies([("a", "b")]).unwrap();
    let before = r.clone();
    let result = r.add_dependencies([("b", "c"), ("c", "d"), ("d", "b")]);
    assert!(
        matches!(result, Err(Error::DependencyCycle(ref path)) if path.len() == 4),
        "{result:?}"
    );
    assert_eq!(r, before);
}

#[test]
fn critical_assets_make_what_they_depend_on_critical_transitively() {
    let mut r = AssetRegister::new(presets::municipal_4x4());
    let mut records = Asset::new("akter", "Personakter", AssetKind::InformationAsset).unwrap();
    records.importance = Importance::Critical;
    records.klassa = Klassa::new(4, 3, 1).unwrap();
    r.add(records).unwrap();
    let mut web = Asset::new("webb", "Kommunens webbplats", AssetKind::Service).unwrap();
    web.importance = Importance::High;
    web.klassa = Klassa::new(0, 2, 3).unwrap();
    r.add(web).unwrap();
    for id in ["system", "db", "server", "hall", "skrivare"] {
        let mut asset = Asset::new(id, id, AssetKind::Hardware).unwrap();
        asset.importance = Importance::Low;
        r.add(asset).unwrap();
    }
    r.add_dependencies([
        ("akter", "system"),
        ("system", "db"),
        ("db", "server"),
        ("webb", "server"),
        ("server", "hall"),
    ])
    .unwrap();
    let p = r.inherited_protection();
    let at = |id: &str| p[r.position(id).unwrap()];
    for id in ["system", "db"] {
        assert_eq!(at(id).importance, Importance::Critical, "{id}");
        assert_eq!(at(id).klassa, Klassa::new(4, 3, 1).unwrap(), "{id}");
    }
    for id in ["server", "hall"] {
        assert_eq!(at(id).importance, Importance::Critical, "{id}");
        assert_eq!(at(id).klassa, Klassa::new(4, 3, 3).unwrap(), "{id}");
    }
    // Nothing flows upward or sideways.
    assert_eq!(at("webb").klassa, Klassa::new(0, 2, 3).unwrap());
    assert_eq!(at("skrivare").importance, Importance::Low);
    assert_eq!(at("skrivare").klassa, Klassa::default());
    // The assets' own values are untouched.
    assert_eq!(r.get("hall").unwrap().importance, Importance::Low);
}

#[test]
fn a_complete_register_has_no_findings() {
    let mut r = AssetRegister::new(presets::municipal_4x4());
    r.add(complete("srv", AssetKind::Hardware)).unwrap();
    r.add(complete("mob", AssetKind::MobilePhone)).unwrap();
    // Due on 2026-01-15: not overdue on that very day.
    assert_eq!(r.findings(date(2026, 1, 15)), []);
}

#[test]
fn each_finding_is_reported() {
    let mut r = AssetRegister::new(presets::municipal_4x4());
    let mut no_owner = complete("utan-agare", AssetKind::Hardware);
    no_owner.owner = Some(" ".into());
    r.add(no_owner).unwrap();
    let mut unassessed = complete("ej-bedomd", AssetKind::Database);
    unassessed.risks.clear();
    r.add(unassessed).unwrap();
    let mut overdue = complete("forsenad", AssetKind::Premises);
    overdue.review_interval_months = 6;
    r.add(overdue).unwrap();
    let mut never = complete("aldrig", AssetKind::Service);
    never.last_reviewed = None;
    r.add(never).unwrap();

    let findings = r.findings(date(2025, 7, 16));
    assert_eq!(
        findings,
        [
            Finding::MissingOwner {
                asset: "utan-agare".into()
            },
            Finding::NotRiskAssessed {
                asset: "ej-bedomd".into()
            },
            Finding::ReviewOverdue {
                asset: "forsenad".into(),
                due: Some(date(2025, 7, 15))
            },
            Finding::ReviewOverdue {
                asset: "aldrig".into(),
                due: None
            },
            Finding::NoMobilePhones,
        ]
    );
    let messages: Vec<String> = findings.iter().map(ToString::to_string).collect();
    assert_eq!(messages[0], "Tillgången \"utan-agare\" saknar ägare.");
    assert_eq!(
        messages[1],
        "Tillgången \"ej-bedomd\" har inte riskbedömts."
    );
    assert_eq!(
        messages[2],
        "Granskningen av tillgången \"forsenad\" skulle ha gjorts senast 2025-07-15."
    );
    assert_eq!(messages[3], "Tillgången \"aldrig\" har aldrig granskats.");
    assert!(messages[4].starts_with("Inga mobiltelefoner är registrerade."));
    assert_eq!(findings[0].asset(), Some("utan-agare"));
    assert_eq!(findings[4].asset(), None);
    let json = serde_json::to_value(&findings[2]).unwrap();
    assert_eq!(json["finding"], "review_overdue");
}

#[test]
fn json_keeps_risks_and_dependencies() {
    let mut r = register_of(&["a", "b"]);
    r.add_risk("a", risk().with_notes("Åtgärd: MFA")).unwrap();
    r.add_dependency("a", "b").unwrap();
    let json = r.to_json().unwrap();
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["schema"], "lantero.asset-register/v1");
    assert_eq!(value["matrix"]["schema"], "lantero.risk-matrix/v1");
    assert_eq!(value["assets"][0]["depends_on"][0], "b");
    assert_eq!(value["assets"][0]["risks"][0]["treatment"], "reduce");
    assert_eq!(AssetRegister::from_json(&json, "r.json").unwrap(), r);
}

#[test]
fn bad_json_registers_are_refused_with_the_right_error() {
    let mut r = register_of(&["a", "b"]);
    r.add_dependency("a", "b").unwrap();
    let original: serde_json::Value = serde_json::from_str(&r.to_json().unwrap()).unwrap();
    let edited = |edit: &dyn Fn(&mut serde_json::Value)| {
        let mut value = original.clone();
        edit(&mut value);
        AssetRegister::from_json(&value.to_string(), "r.json")
    };

    let wrong_schema = edited(&|v| v["schema"] = "lantero.asset-register/v2".into());
    assert!(
        matches!(
            wrong_schema,
            Err(Error::InvalidValue {
                field: "schema",
                ..
            })
        ),
        "{wrong_schema:?}"
    );

    let cycle = edited(&|v| v["assets"][1]["depends_on"] = serde_json::json!(["a"]));
    let expected: Vec<String> = ["a", "b", "a"].map(String::from).to_vec();
    assert_eq!(cycle, Err(Error::DependencyCycle(expected)));

    let unknown = edited(&|v| v["assets"][0]["depends_on"] = serde_json::json!(["x"]));
    assert_eq!(unknown, Err(Error::UnknownAsset("x".into())));

    let duplicate = edited(&|v| v["assets"][1]["id"] = "a".into());
    assert_eq!(duplicate, Err(Error::DuplicateAsset("a".into())));

    let klassa = edited(&|v| v["assets"][0]["klassa"]["integrity"] = 7.into());
    assert!(
        matches!(&klassa, Err(Error::Json { source_name, reason }) if source_name == "r.json" && reason.contains("0 (ingen) to 4")),
        "{klassa:?}"
    );

    let off_matrix = edited(&|v| {
        v["assets"][0]["risks"] = serde_json::to_value([Risk::new(
            "r",
            "o",
            Estimate::new(1, 5),
            Estimate::new(1, 1),
            Treatment::Avoid,
        )])
        .unwrap();
    });
    assert!(
        matches!(
            off_matrix,
            Err(Error::OutOfScale {
                what: "consequence",
                value: 5,
                max: 4
            })
        ),
        "{off_matrix:?}"
    );

    assert!(matches!(
        AssetRegister::from_json("{", "r.json"),
        Err(Error::Json { .. })
    ));
    assert_eq!(edited(&|_| {}), Ok(r));
}

#[test]
fn risk_summary_follows_the_assessments() {
    let mut r = register_of(&["a"]);
    assert_eq!(r.risk_summary("a").unwrap().highest, None);
    r.add_risk("a", risk()).unwrap();
    let high = Risk::new(
        "Brand",
        "Fastighetschef",
        Estimate::new(3, 4),
        Estimate::new(1, 4),
        Treatment::Transfer,
    );
    r.add_risk("a", high).unwrap();
    let summary = r.risk_summary("a").unwrap();
    assert_eq!(summary.risks, 2);
    assert_eq!(summary.highest.map(|s| (s.value, s.level)), Some((12, 3)));
    assert_eq!(summary.highest_target.map(|s| s.value), Some(4));
    assert_eq!(summary.level_counts, [0, 1, 0, 1]);
    assert_eq!(r.risk_summaries().unwrap(), [summary]);
    // A risk edited off the matrix is caught when scored.
    r.get_mut("a").unwrap().risks[0].current = Estimate::new(9, 1);
    assert!(matches!(
        r.risk_summary("a"),
        Err(Error::OutOfScale { value: 9, .. })
    ));
    assert_eq!(r.risk_summary("x"), Err(Error::UnknownAsset("x".into())));
}
