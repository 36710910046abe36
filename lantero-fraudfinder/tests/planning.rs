//! Mapping and self-assessment over time, the operative risk analysis, and the action plan
//! re-prioritised from its follow-up.

use chrono::NaiveDate;
use lantero_core::framework::{ActivityStatus, Answer, Assessment};
use lantero_core::risk::{Estimate, Risk, Treatment, presets};
use lantero_fraudfinder::Error;
use lantero_fraudfinder::action_plan::{
    ActionPlan, FollowUp, Outcome, Phase, PlanActivity, Status,
};
use lantero_fraudfinder::mapping::{Mapping, Questionnaire, Response};
use lantero_fraudfinder::packs;
use lantero_fraudfinder::risk_analysis::{
    BusinessUnit, IdentifiedRisk, RiskAnalysis, RiskQuestion,
};

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, m, d).unwrap()
}

#[test]
fn questionnaires_cover_every_item_once() {
    let fw = packs::welfare_crime().unwrap().framework;
    let all = Questionnaire::all(&fw);
    assert_eq!(all.len(), fw.areas.len());
    let total: usize = all.iter().map(|q| q.questions.len()).sum();
    assert_eq!(total, fw.items().count());
    assert!(matches!(
        Questionnaire::for_area(&fw, "finns-inte"),
        Err(Error::NotFound { .. })
    ));
}

#[test]
fn consolidation_takes_the_cautious_median() {
    let fw = packs::welfare_crime().unwrap().framework;
    let q = Questionnaire::for_area(&fw, "tipskanal").unwrap();
    let item = |i: usize| q.questions[i].item.clone();
    let respond = |answers: [Answer; 3]| {
        let mut r = Response::new("x");
        for (i, a) in answers.into_iter().enumerate() {
            r.answers.insert(item(i), a);
        }
        r
    };
    let responses = [
        respond([Answer::Yes, Answer::Yes, Answer::NotApplicable]),
        respond([Answer::Yes, Answer::No, Answer::NotApplicable]),
        respond([Answer::No, Answer::Partly, Answer::NotApplicable]),
    ];
    let merged = q.consolidate(&responses);
    assert_eq!(merged[&item(0)], Answer::Yes); // median of 1, 1, 0
    assert_eq!(merged[&item(1)], Answer::Partly); // median of 1, 0, ½
    assert_eq!(merged[&item(2)], Answer::NotApplicable);
    assert!(
        !merged.contains_key(&item(3)),
        "unanswered stays unanswered"
    );

    let mut assessment = Assessment::new(&fw, day(3, 1), "samordnare");
    q.apply(&fw, &responses, &mut assessment).unwrap();
    assert_eq!(assessment.answer_for(&item(0)).unwrap().answer, Answer::Yes);
}

#[test]
fn progress_and_gaps_follow_the_assessments() {
    let fw = packs::welfare_crime().unwrap().framework;
    let mut mapping = Mapping::new(fw.clone());
    assert!(mapping.progress().is_err(), "no assessment yet");
    let mut spring = Assessment::new(&fw, day(3, 1), "s");
    spring.set_maturity(&fw, "bisysslor", 1).unwrap();
    let mut autumn = Assessment::new(&fw, day(10, 1), "s");
    autumn.set_maturity(&fw, "bisysslor", 2).unwrap();
    for (_, _, item) in fw.items() {
        autumn.answer(&fw, &item.id, Answer::Yes).unwrap();
    }
    autumn.answer(&fw, "bs-kontroller-3", Answer::No).unwrap();
    autumn
        .set_status(&fw, "bs-principer", ActivityStatus::Done)
        .unwrap();
    mapping.add(autumn).unwrap();
    mapping.add(spring).unwrap();
    assert_eq!(mapping.latest().unwrap().date(), day(10, 1));
    let report = mapping.progress().unwrap();
    let bisysslor = report.areas.iter().find(|a| a.area == "bisysslor").unwrap();
    assert_eq!(bisysslor.maturity_label.as_deref(), Some("Definierad"));
    assert_eq!(bisysslor.progress, Some(0.5));
    assert_eq!(bisysslor.change.as_ref().unwrap().maturity, Some(0.25));
    let gaps = mapping.gaps();
    assert_eq!(gaps.len(), 1);
    assert_eq!(
        (gaps[0].item.as_str(), gaps[0].answer),
        ("bs-kontroller-3", Some(Answer::No))
    );
    assert_eq!(mapping.history().unwrap().changes().len(), 1);
}

fn analysis() -> RiskAnalysis {
    let mut analysis = RiskAnalysis::new("ra", "Riskanalys", day(4, 1), presets::municipal_4x4());
    analysis
        .add_unit(BusinessUnit::with_payments("fs", "Försörjningsstöd"))
        .unwrap();
    analysis
        .add_unit(BusinessUnit::with_payments("pa", "Personlig assistans"))
        .unwrap();
    for (id, unit, p, c) in [
        ("r1", "fs", 4, 3),
        ("r2", "fs", 2, 4),
        ("r3", "pa", 3, 3),
        ("r4", "pa", 1, 1),
    ] {
        let risk = Risk::new(
            format!("Risk {id}"),
            "Chef",
            Estimate::new(p, c),
            Estimate::new(1, 1),
            Treatment::Reduce,
        );
        analysis
            .add_risk(IdentifiedRisk {
                id: id.into(),
                unit: unit.into(),
                question: Some(RiskQuestion::DataHandling),
                area: None,
                risk,
                valued: day(4, 1),
            })
            .unwrap();
    }
    analysis
}

#[test]
fn risk_analysis_values_prioritises_and_validates() {
    let mut a = analysis();
    let ranked: Vec<String> = a.prioritised().unwrap().into_iter().map(|r| r.id).collect();
    assert_eq!(ranked, ["r1", "r3", "r2", "r4"]);
    assert_eq!(a.heat_map().unwrap().count(4, 3), 1);
    let bad = Risk::new(
        "x",
        "y",
        Estimate::new(5, 1),
        Estimate::new(1, 1),
        Treatment::Accept,
    );
    let err = a.add_risk(IdentifiedRisk {
        id: "r9".into(),
        unit: "fs".into(),
        question: None,
        area: None,
        risk: bad.clone(),
        valued: day(4, 1),
    });
    assert!(
        err.unwrap_err()
            .to_string()
            .contains("probability 5 is outside the scale 1..=4")
    );
    let err = a.add_risk(IdentifiedRisk {
        id: "r9".into(),
        unit: "nej".into(),
        question: None,
        area: None,
        risk: bad,
        valued: day(4, 1),
    });
    assert!(matches!(
        err,
        Err(Error::NotFound {
            what: "business unit",
            ..
        })
    ));
    a.answer("fs", RiskQuestion::KnownExploitation, "Ja, 2024", true)
        .unwrap();
    a.answer(
        "fs",
        RiskQuestion::KnownExploitation,
        "Ja, två fall 2024",
        true,
    )
    .unwrap();
    assert_eq!(
        a.units()[0].answers.len(),
        1,
        "a new answer replaces the old"
    );
    assert_eq!(a.unanswered("fs").unwrap().len(), 5);
    assert_eq!(
        a.due_for_revision(NaiveDate::from_ymd_opt(2026, 4, 2).unwrap(), 12)
            .len(),
        4
    );
    a.revalue(
        "r4",
        Estimate::new(2, 2),
        NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
    )
    .unwrap();
    assert_eq!(
        a.due_for_revision(NaiveDate::from_ymd_opt(2026, 4, 2).unwrap(), 12)
            .len(),
        3
    );
    let back = RiskAnalysis::from_json(&a.to_json().unwrap()).unwrap();
    assert_eq!(back, a);
}

#[test]
fn the_plan_is_reprioritised_from_the_follow_up() {
    let mut analysis = analysis();
    let mut plan = ActionPlan::new("ap", "Åtgärdsplan");
    plan.add(
        PlanActivity::new(
            "a1",
            "Kontoregel",
            "Controller",
            Phase::Implementation,
            day(6, 30),
            &["r1"],
        ),
        &analysis,
    )
    .unwrap();
    plan.add(
        PlanActivity::new(
            "a2",
            "Tidrapporter",
            "LSS-chef",
            Phase::Implementation,
            day(5, 31),
            &["r3"],
        ),
        &analysis,
    )
    .unwrap();
    plan.add(
        PlanActivity::new(
            "a3",
            "Intyg",
            "Chef",
            Phase::Implementation,
            day(12, 31),
            &["r2", "r4"],
        ),
        &analysis,
    )
    .unwrap();
    let order = |plan: &ActionPlan, today| -> Vec<String> {
        plan.reprioritise(&analysis, today)
            .unwrap()
            .into_iter()
            .map(|p| p.activity)
            .collect()
    };
    assert_eq!(order(&plan, day(5, 1)), ["a1", "a2", "a3"]);
    assert!(matches!(
        plan.add(
            PlanActivity::new("a4", "x", "y", Phase::Mapping, day(5, 1), &["r-finns-inte"]),
            &analysis
        ),
        Err(Error::InvalidValue { field: "risk", .. })
    ));

    let follow_up = FollowUp::new(day(6, 15), Status::InProgress, "Regeln i drift")
        .with_outcome(Outcome {
            reduced_loss_sek: 100_000,
            recovered_sek: 20_000,
            controls_performed: 50,
            findings: 5,
            police_reports: 1,
        })
        .revising("r1", Estimate::new(1, 3));
    plan.follow_up("a1", follow_up, &analysis).unwrap();
    let ranked = plan.reprioritise(&analysis, day(6, 16)).unwrap();
    assert_eq!(
        ranked
            .iter()
            .map(|p| p.activity.as_str())
            .collect::<Vec<_>>(),
        ["a2", "a3", "a1"]
    );
    assert!(ranked[0].overdue && ranked[0].reason.contains("försenad"));
    assert_eq!(plan.outcome().total_sek(), 120_000);
    assert_eq!(plan.outcome_of("a1").unwrap().hit_rate(), Some(0.1));

    // A revision of a risk the activity does not treat is refused.
    let stray =
        FollowUp::new(day(6, 20), Status::InProgress, "").revising("r3", Estimate::new(1, 1));
    assert!(plan.follow_up("a1", stray, &analysis).is_err());

    plan.follow_up(
        "a2",
        FollowUp::new(day(7, 1), Status::Done, "Klar"),
        &analysis,
    )
    .unwrap();
    let counts = plan.status_counts(day(7, 2));
    assert_eq!(
        (
            counts.done,
            counts.in_progress,
            counts.planned,
            counts.overdue
        ),
        (1, 1, 1, 1)
    );
    assert_eq!(plan.untreated_risks(&analysis), Vec::<&str>::new());

    plan.apply_revisions(&mut analysis).unwrap();
    assert_eq!(
        analysis.risk("r1").unwrap().risk.current,
        Estimate::new(1, 3)
    );
}
