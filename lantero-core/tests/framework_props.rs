//! Property tests for framework scoring and serialisation.

use chrono::NaiveDate;
use lantero_core::framework::{
    Activity, ActivityStatus, Answer, Area, Assessment, AssessmentScore, ChecklistItem, Framework,
    MaturityScale, Score,
};
use proptest::prelude::*;

/// Shape of a random framework: per area, per activity, the answers of its items.
type Shape = Vec<Vec<Vec<Option<Answer>>>>;

fn answer() -> impl Strategy<Value = Option<Answer>> {
    proptest::option::of(prop_oneof![
        Just(Answer::Yes),
        Just(Answer::Partly),
        Just(Answer::No),
        Just(Answer::NotApplicable),
    ])
}

fn shape() -> impl Strategy<Value = Shape> {
    proptest::collection::vec(
        proptest::collection::vec(proptest::collection::vec(answer(), 0..6), 0..4),
        1..4,
    )
}

fn status() -> impl Strategy<Value = ActivityStatus> {
    prop_oneof![
        Just(ActivityStatus::NotStarted),
        Just(ActivityStatus::InProgress),
        Just(ActivityStatus::Done),
    ]
}

fn item_id(a: usize, b: usize, c: usize) -> String {
    format!("i{a}.{b}.{c}")
}

/// A framework with the given shape, keeping only the items for which `keep` holds.
fn framework(shape: &Shape, keep: impl Fn(Option<Answer>) -> bool) -> Framework {
    let areas = shape
        .iter()
        .enumerate()
        .map(|(a, activities)| Area {
            id: format!("a{a}"),
            title: format!("Område {a}"),
            description: String::new(),
            activities: activities
                .iter()
                .enumerate()
                .map(|(b, items)| Activity {
                    id: format!("act{a}.{b}"),
                    title: format!("Aktivitet {a}.{b}"),
                    description: String::new(),
                    guidance: "Gör så här.".into(),
                    templates: vec![],
                    checklist: items
                        .iter()
                        .enumerate()
                        .filter(|(_, answer)| keep(**answer))
                        .map(|(c, _)| ChecklistItem {
                            id: item_id(a, b, c),
                            text: format!("Fråga {a}.{b}.{c}?"),
                            guidance: (c % 2 == 0).then(|| "Titta på rutinen.".into()),
                        })
                        .collect(),
                })
                .collect(),
        })
        .collect();
    let fw = Framework {
        id: "prop".into(),
        version: "1".into(),
        title: "Egenskaper".into(),
        language: "sv".into(),
        description: String::new(),
        maturity_scale: MaturityScale::default(),
        templates: vec![],
        areas,
    };
    fw.validate().unwrap();
    fw
}

fn assess(fw: &Framework, shape: &Shape, statuses: &[ActivityStatus], levels: &[u8]) -> Assessment {
    let date = NaiveDate::from_ymd_opt(2025, 5, 1).unwrap();
    let mut assessment = Assessment::new(fw, date, "proptest");
    for (a, activities) in shape.iter().enumerate() {
        if let Some(level) = levels.get(a).filter(|l| **l <= 4) {
            assessment
                .set_maturity(fw, &format!("a{a}"), *level)
                .unwrap();
        }
        for (b, items) in activities.iter().enumerate() {
            let status = statuses[(a * 4 + b) % statuses.len()];
            assessment
                .set_status(fw, &format!("act{a}.{b}"), status)
                .unwrap();
            for (c, answer) in items.iter().enumerate() {
                let id = item_id(a, b, c);
                if let (Some(answer), Some(_)) = (answer, fw.item(&id)) {
                    assessment.answer(fw, &id, *answer).unwrap();
                }
            }
        }
    }
    assessment
}

fn in_unit(value: Option<f64>) -> bool {
    value.is_none_or(|v| (0.0..=1.0).contains(&v))
}

fn score_in_unit(score: &Score) -> bool {
    in_unit(score.completion) && in_unit(score.progress) && in_unit(score.maturity)
}

fn completions(score: &AssessmentScore) -> Vec<(Option<f64>, f64)> {
    std::iter::once(&score.overall)
        .chain(score.areas.iter().map(|a| &a.score))
        .map(|s| (s.completion, s.points))
        .collect()
}

proptest! {
    #[test]
    fn scores_are_always_between_zero_and_one(
        shape in shape(),
        statuses in proptest::collection::vec(status(), 1..8),
        levels in proptest::collection::vec(0u8..6, 0..4),
    ) {
        let fw = framework(&shape, |_| true);
        let score = assess(&fw, &shape, &statuses, &levels).score(&fw).unwrap();
        prop_assert!(score_in_unit(&score.overall), "{:?}", score.overall);
        for area in &score.areas {
            prop_assert!(score_in_unit(&area.score), "{:?}", area);
        }
    }

    #[test]
    fn not_applicable_never_changes_the_score_of_the_other_answers(
        shape in shape(),
        statuses in proptest::collection::vec(status(), 1..8),
    ) {
        let with = framework(&shape, |_| true);
        let without = framework(&shape, |a| a != Some(Answer::NotApplicable));
        let full = assess(&with, &shape, &statuses, &[]).score(&with).unwrap();
        let reduced = assess(&without, &shape, &statuses, &[]).score(&without).unwrap();
        prop_assert_eq!(completions(&full), completions(&reduced));
    }

    #[test]
    fn a_better_answer_never_lowers_completion(
        shape in shape(),
        pick in any::<prop::sample::Index>(),
    ) {
        let fw = framework(&shape, |_| true);
        let ids: Vec<String> = fw.items().map(|(_, _, item)| item.id.clone()).collect();
        prop_assume!(!ids.is_empty());
        let mut assessment = assess(&fw, &shape, &[ActivityStatus::NotStarted], &[]);
        let id = pick.get(&ids);
        let before_answer = assessment.answer_for(id).map(|a| a.answer);
        prop_assume!(before_answer != Some(Answer::NotApplicable));
        let before = assessment.score(&fw).unwrap().overall.completion;
        assessment.answer(&fw, id, Answer::Yes).unwrap();
        let after = assessment.score(&fw).unwrap().overall.completion;
        prop_assert!(after >= before, "{before:?} -> {after:?}");
    }

    #[test]
    fn frameworks_and_assessments_round_trip(
        shape in shape(),
        statuses in proptest::collection::vec(status(), 1..8),
        levels in proptest::collection::vec(0u8..5, 0..4),
    ) {
        let fw = framework(&shape, |_| true);
        let json = fw.to_json().unwrap();
        let back = Framework::from_json(&json, "prop.json").unwrap();
        prop_assert_eq!(&back, &fw);
        prop_assert_eq!(back.to_json().unwrap(), json);

        let assessment = assess(&fw, &shape, &statuses, &levels);
        let json = assessment.to_json().unwrap();
        let back = Assessment::from_json(&json, "a.json", &fw).unwrap();
        prop_assert_eq!(back.score(&fw).unwrap(), assessment.score(&fw).unwrap());
        prop_assert_eq!(back, assessment);
    }
}
