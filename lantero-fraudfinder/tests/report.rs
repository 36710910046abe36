//! Management reports: every section present when its data is, charts as inline SVG, no
//! script and no external assets.

use chrono::NaiveDate;
use lantero_core::framework::{Answer, Assessment};
use lantero_core::risk::{Estimate, Risk, Treatment, presets};
use lantero_fraudfinder::action_plan::{
    ActionPlan, FollowUp, Outcome, Phase, PlanActivity, Status,
};
use lantero_fraudfinder::controls::standard_rules;
use lantero_fraudfinder::mapping::Mapping;
use lantero_fraudfinder::packs;
use lantero_fraudfinder::report::ManagementReport;
use lantero_fraudfinder::responsibility::{PaymentArea, ResponsibilityMatrix, Role};
use lantero_fraudfinder::risk_analysis::{BusinessUnit, IdentifiedRisk, RiskAnalysis};
use lantero_fraudfinder::sample::{Scenario, ScenarioOptions};

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, m, d).unwrap()
}

fn full_report() -> ManagementReport {
    let fw = packs::welfare_crime().unwrap().framework;
    let mut assessment = Assessment::new(&fw, day(9, 1), "samordnare");
    assessment
        .set_maturity(&fw, "ekonomiskt-bistand", 3)
        .unwrap();
    assessment
        .answer(&fw, "eb-kontroll-ansokan-1", Answer::Yes)
        .unwrap();
    let mut mapping = Mapping::new(fw);
    mapping.add(assessment).unwrap();

    let mut analysis = RiskAnalysis::new(
        "ra",
        "Riskanalys <2025>",
        day(4, 1),
        presets::municipal_4x4(),
    );
    analysis
        .add_unit(BusinessUnit::with_payments("fs", "Försörjningsstöd"))
        .unwrap();
    let risk = Risk::new(
        "Samma konto & adress",
        "Chef",
        Estimate::new(4, 4),
        Estimate::new(1, 2),
        Treatment::Reduce,
    );
    analysis
        .add_risk(IdentifiedRisk {
            id: "r1".into(),
            unit: "fs".into(),
            question: None,
            area: None,
            risk,
            valued: day(4, 1),
        })
        .unwrap();
    let mut plan = ActionPlan::new("ap", "Plan");
    plan.add(
        PlanActivity::new(
            "a1",
            "Kontoregel",
            "Controller",
            Phase::Implementation,
            day(6, 1),
            &["r1"],
        ),
        &analysis,
    )
    .unwrap();
    plan.follow_up(
        "a1",
        FollowUp::new(day(8, 1), Status::InProgress, "").with_outcome(Outcome {
            reduced_loss_sek: 1_250_000,
            ..Outcome::default()
        }),
        &analysis,
    )
    .unwrap();

    let scenario = Scenario::generate(&ScenarioOptions::default()).unwrap();
    let mut data = scenario.load().unwrap();
    let rules = standard_rules().unwrap();

    let mut matrix = ResponsibilityMatrix::new();
    matrix
        .add(
            PaymentArea::new("fb", "Föreningsbidrag")
                .with(Role::PaymentDecision, "Kim")
                .with(Role::PaymentExecution, "Kim"),
        )
        .unwrap();

    let mut report = ManagementReport::new("Exempelby kommun", day(9, 30));
    report.progress = Some(mapping.progress().unwrap());
    report.gaps = mapping.gaps();
    report.risk_analysis = Some(analysis);
    report.plan = Some(plan);
    report.controls = Some(rules.run(&mut data).unwrap());
    report.thresholds = rules.thresholds;
    report.responsibility = matrix.findings();
    report
}

#[test]
fn html_report_is_self_contained_with_four_charts() {
    let html = full_report().to_html().unwrap();
    assert_eq!(
        html.matches("<svg").count(),
        4,
        "heat map, maturity, plan, controls"
    );
    for heading in [
        "Sammanfattning",
        "Mognad per område",
        "Riskbild",
        "Åtgärdsplan",
        "Kontroller",
        "Granskningskö",
        "Ansvarsmatris",
        "Kvarstående brister",
    ] {
        assert!(html.contains(&format!(">{heading}<")), "missing {heading}");
    }
    assert!(html.contains("1 250 000 kr"));
    assert!(html.contains("Riskanalys &lt;2025&gt;"), "text is escaped");
    assert!(html.contains("Samma konto &amp; adress"));
    assert!(
        html.contains("Regel \"samma_konto\"") || html.contains("Regel &quot;samma_konto&quot;")
    );
    for forbidden in ["<script", "<link", "src=", "url(", "@import", "https://"] {
        assert!(!html.contains(forbidden), "found {forbidden}");
    }
}

#[test]
fn markdown_report_has_the_same_sections() {
    let md = full_report().to_markdown().unwrap();
    for heading in [
        "## Sammanfattning",
        "## Mognad per område",
        "## Riskbild",
        "## Åtgärdsplan",
        "## Kontroller",
        "### Granskningskö",
        "## Ansvarsmatris",
    ] {
        assert!(md.contains(heading), "missing {heading}");
    }
    assert!(md.contains("| Minskat svinn | 1 250 000 kr |"));
    assert!(md.contains("Kim har både beslut om utbetalning och utförande av betalning"));
}

#[test]
fn an_empty_report_only_has_the_summary() {
    let report = ManagementReport::new("Tomby kommun", day(1, 1));
    let html = report.to_html().unwrap();
    assert_eq!(html.matches("<svg").count(), 0);
    assert!(!html.contains("Riskbild"));
    assert!(report.to_markdown().unwrap().contains("Tomby kommun"));
}
