//! Every control pattern of the standard rules: all planted cases flagged, nothing else,
//! and nothing at all on clean data.

use lantero_fraudfinder::controls::{ExpectedFlag, standard_rules};
use lantero_fraudfinder::sample::{Scenario, ScenarioOptions};

fn scenario(plant: bool) -> Scenario {
    Scenario::generate(&ScenarioOptions {
        plant,
        ..ScenarioOptions::default()
    })
    .unwrap()
}

#[test]
fn every_planted_case_is_flagged_and_nothing_else() {
    let scenario = scenario(true);
    let rules = standard_rules().unwrap();
    let mut data = scenario.load().unwrap();
    let test = rules.test_run(&mut data, &scenario.expected()).unwrap();
    assert!(
        test.passed(),
        "missing {:?}\nunexpected {:?}",
        test.missing,
        test.unexpected
    );
    // Every rule of the standard set has a planted case.
    for rule in rules.rules() {
        assert!(
            test.matched.iter().any(|m| m.rule == rule.name()),
            "no planted case for {}",
            rule.name()
        );
    }
    for flag in &test.report.flags {
        let text = flag.explain();
        assert!(
            text.contains(&flag.rule) && !flag.evidence.is_empty(),
            "{text}"
        );
    }
}

#[test]
fn clean_data_gives_no_flags() {
    let scenario = scenario(false);
    assert!(scenario.planted.is_empty());
    let mut data = scenario.load().unwrap();
    let report = standard_rules().unwrap().run(&mut data).unwrap();
    assert_eq!(report.flags, vec![], "clean data must not be flagged");
    assert!(report.rows() > 2000);
}

#[test]
fn explanations_name_the_values() {
    let scenario = scenario(true);
    let mut data = scenario.load().unwrap();
    let report = standard_rules().unwrap().run(&mut data).unwrap();
    let over = report.flags_of("timmar_over_dygn").next().unwrap();
    let text = over.explain();
    assert!(text.contains("sum(hours) = 26"), "{text}");
    assert!(text.contains("assistant_id = \"A0002\""), "{text}");
    let income = report.flags_of("inkomst_under_bistand").next().unwrap();
    let text = income.explain();
    assert!(text.contains("income.amount = 18500"), "{text}");
    assert!(text.contains("income.month = \"2025-02\""), "{text}");
    let members = report.flags_of("medlemsokning").next().unwrap();
    assert!(
        members.explain().contains("prev.members ="),
        "{}",
        members.explain()
    );
    assert_eq!(
        ExpectedFlag::new(&members.rule, members.record_label()),
        ExpectedFlag::new("medlemsokning", "F003-2024")
    );
}
