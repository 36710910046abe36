//! The framework engine on a tiny framework: loading, validation, assessments, scoring and
//! history.

use chrono::NaiveDate;
use lantero_core::Error;
use lantero_core::framework::{
    ActivityStatus, Answer, Assessment, Comparison, Framework, History, ItemAnswer,
};

/// Two areas; the first has two activities (3 + 2 items), the second one activity (1 item).
const TINY: &str = r#"{
  "schema": "lantero.framework/v1",
  "id": "tiny",
  "version": "1.0",
  "title": "Litet ramverk för tester",
  "language": "sv",
  "description": "Används bara i tester.",
  "templates": [
    {"id": "mall-rutin", "title": "Mall för kontrollrutin", "kind": "mall",
     "reference": "mallar/kontrollrutin.docx"},
    {"id": "lista-ansokan", "title": "Checklista vid ansökan", "kind": "checklista"}
  ],
  "areas": [
    {"id": "eb", "title": "Ekonomiskt bistånd", "description": "Kontroller av bistånd.",
     "activities": [
       {"id": "eb-ansokan", "title": "Kontroll vid ansökan",
        "guidance": "Börja med ansökningar över beloppsgränsen.",
        "templates": ["mall-rutin", "lista-ansokan"],
        "checklist": [
          {"id": "eb-ansokan-1", "text": "Finns en beslutad kontrollrutin?"},
          {"id": "eb-ansokan-2", "text": "Görs kontroll mot Försäkringskassan?",
           "guidance": "Se samverkansavtal."},
          {"id": "eb-ansokan-3", "text": "Görs stickprov?"}
        ]},
       {"id": "eb-uppfoljning", "title": "Uppföljning av löpande utbetalningar",
        "checklist": [
          {"id": "eb-uppf-1", "text": "Följs löpande utbetalningar upp?"},
          {"id": "eb-uppf-2", "text": "Finns intervall för uppföljning?"}
        ]}
     ]},
    {"id": "styr", "title": "Styrande dokument",
     "activities": [
       {"id": "styr-kartlagg", "title": "Kartlägg styrande dokument",
        "checklist": [{"id": "styr-1", "text": "Är dokumenten kartlagda?"}]}
     ]}
  ]
}"#;

fn tiny() -> Framework {
    Framework::from_json(TINY, "tiny.json").unwrap()
}

fn day(month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, month, day).unwrap()
}

fn invalid_reason(result: Result<Framework, Error>) -> String {
    match result {
        Err(Error::InvalidFramework { reason, .. }) => reason,
        other => panic!("expected InvalidFramework, got {other:?}"),
    }
}

#[test]
fn the_tiny_framework_loads_with_its_structure() {
    let fw = tiny();
    assert_eq!(fw.areas.len(), 2);
    assert_eq!(fw.items().count(), 6);
    assert_eq!(fw.activities().count(), 3);
    let (area, activity) = fw.activity("eb-uppfoljning").unwrap();
    assert_eq!(area.id, "eb");
    assert_eq!(activity.checklist.len(), 2);
    let (_, ansokan) = fw.activity("eb-ansokan").unwrap();
    let kinds: Vec<&str> = fw
        .templates_of(ansokan)
        .iter()
        .map(|t| t.kind.as_str())
        .collect();
    assert_eq!(kinds, ["mall", "checklista"]);
    assert_eq!(
        fw.maturity_scale.max(),
        Some(4),
        "default scale when none is given"
    );
    assert!(fw.item("nope").is_none());
}

#[test]
fn export_and_import_round_trip_exactly() {
    let fw = tiny();
    let json = fw.to_json().unwrap();
    let back = Framework::from_json(&json, "export.json").unwrap();
    assert_eq!(back, fw);
    assert_eq!(back.to_json().unwrap(), json);
}

#[test]
fn invalid_frameworks_are_rejected_on_load() {
    let dup = TINY.replace(r#""id": "styr-1""#, r#""id": "eb-ansokan-1""#);
    assert!(invalid_reason(Framework::from_json(&dup, "x.json")).contains("used twice"));

    let dangling = TINY.replace(r#"["mall-rutin", "lista-ansokan"]"#, r#"["mall-saknas"]"#);
    assert!(invalid_reason(Framework::from_json(&dangling, "x.json")).contains("mall-saknas"));

    let schema = TINY.replace("lantero.framework/v1", "lantero.framework/v9");
    assert!(invalid_reason(Framework::from_json(&schema, "x.json")).contains("v9"));

    let url = TINY.replace("mallar/kontrollrutin.docx", "https://example.org/mall.docx");
    assert!(invalid_reason(Framework::from_json(&url, "x.json")).contains("not a URL"));

    let typo = TINY.replace(r#""guidance": "Se"#, r#""guidence": "Se"#);
    match Framework::from_json(&typo, "x.json") {
        Err(Error::Json {
            source_name,
            reason,
        }) => {
            assert_eq!(source_name, "x.json");
            assert!(reason.contains("guidence"), "{reason}");
        }
        other => panic!("expected a JSON error, got {other:?}"),
    }
}

#[test]
fn answers_to_unknown_items_are_errors() {
    let fw = tiny();
    let mut a = Assessment::new(&fw, day(3, 1), "samordnare");
    let err = a.answer(&fw, "eb-ansokan-9", Answer::Yes).unwrap_err();
    assert!(err.to_string().contains("eb-ansokan-9"), "{err}");
    assert!(a.set_maturity(&fw, "okant", 1).is_err());
    assert!(a.set_status(&fw, "okant", ActivityStatus::Done).is_err());
    // An area id is not an item id, even though both exist.
    assert!(a.answer(&fw, "eb", Answer::Yes).is_err());
    assert_eq!(a.answers().count(), 0);
}

#[test]
fn maturity_levels_must_be_on_the_scale() {
    let fw = tiny();
    let mut a = Assessment::new(&fw, day(3, 1), "samordnare");
    a.set_maturity(&fw, "eb", 4).unwrap();
    let err = a.set_maturity(&fw, "eb", 5).unwrap_err();
    assert!(err.to_string().contains("0..=4"), "{err}");
    assert_eq!(a.maturity_for("eb"), Some(4));
}

#[test]
fn an_assessment_of_another_framework_is_rejected() {
    let fw = tiny();
    let other =
        Framework::from_json(&TINY.replace(r#""id": "tiny""#, r#""id": "annat""#), "x").unwrap();
    let mut a = Assessment::new(&other, day(3, 1), "samordnare");
    assert!(a.answer(&fw, "eb-ansokan-1", Answer::Yes).is_err());
    assert!(a.score(&fw).is_err());
}

#[test]
fn scoring_follows_the_documented_rules() {
    let fw = tiny();
    let mut a = Assessment::new(&fw, day(3, 1), "samordnare");
    a.answer(&fw, "eb-ansokan-1", Answer::Yes).unwrap();
    a.answer(&fw, "eb-ansokan-2", Answer::Partly).unwrap();
    a.answer(&fw, "eb-ansokan-3", Answer::NotApplicable)
        .unwrap();
    a.answer(&fw, "eb-uppf-1", Answer::No).unwrap();
    // eb-uppf-2 unanswered; styr-1 yes.
    a.answer(&fw, "styr-1", Answer::Yes).unwrap();
    a.set_status(&fw, "eb-ansokan", ActivityStatus::Done)
        .unwrap();
    a.set_status(&fw, "eb-uppfoljning", ActivityStatus::InProgress)
        .unwrap();
    a.set_maturity(&fw, "eb", 2).unwrap();

    let score = a.score(&fw).unwrap();
    let eb = &score.areas[0].score;
    // (1 + 0.5 + 0 + 0) over 4 applicable items.
    assert_eq!(eb.completion, Some(1.5 / 4.0));
    assert_eq!((eb.items, eb.answered, eb.not_applicable), (5, 4, 1));
    assert_eq!(eb.progress, Some(0.5));
    assert_eq!((eb.done, eb.in_progress), (1, 1));
    assert_eq!(eb.maturity, Some(0.5));
    assert_eq!(score.areas[0].maturity_level, Some(2));

    let styr = &score.areas[1].score;
    assert_eq!(styr.completion, Some(1.0));
    assert_eq!(styr.progress, Some(0.0));
    assert_eq!(styr.maturity, None);

    // Overall pools items (2.5 of 5 applicable) and activities (1 of 3); maturity averages
    // the areas that have a level.
    assert_eq!(score.overall.completion, Some(0.5));
    assert_eq!(score.overall.progress, Some(1.0 / 3.0));
    assert_eq!(score.overall.maturity, Some(0.5));
}

#[test]
fn an_empty_assessment_scores_zero_and_none() {
    let fw = tiny();
    let score = Assessment::new(&fw, day(3, 1), "x").score(&fw).unwrap();
    assert_eq!(score.overall.completion, Some(0.0));
    assert_eq!(score.overall.progress, Some(0.0));
    assert_eq!(score.overall.maturity, None);
}

#[test]
fn all_not_applicable_leaves_completion_undefined() {
    let fw = tiny();
    let mut a = Assessment::new(&fw, day(3, 1), "x");
    a.answer(&fw, "styr-1", Answer::NotApplicable).unwrap();
    let score = a.score(&fw).unwrap();
    assert_eq!(score.areas[1].score.completion, None);
}

#[test]
fn a_framework_may_ship_its_own_maturity_scale() {
    let json = TINY.replace(
        r#""description": "Används bara i tester.","#,
        r#""description": "Används bara i tester.",
           "maturity_scale": {"levels": [
             {"level": 1, "label": "Låg"}, {"level": 2, "label": "Mellan"},
             {"level": 3, "label": "Hög"}]},"#,
    );
    let fw = Framework::from_json(&json, "x").unwrap();
    let mut a = Assessment::new(&fw, day(3, 1), "x");
    assert!(a.set_maturity(&fw, "eb", 0).is_err());
    a.set_maturity(&fw, "eb", 2).unwrap();
    assert_eq!(a.score(&fw).unwrap().areas[0].score.maturity, Some(0.5));

    let gap = json.replace(r#""level": 3"#, r#""level": 4"#);
    assert!(invalid_reason(Framework::from_json(&gap, "x")).contains("rise by one"));
}

#[test]
fn assessments_round_trip_and_are_checked_on_load() {
    let fw = tiny();
    let mut a = Assessment::new(&fw, day(5, 14), "samordnare@kommun.se");
    a.answer(
        &fw,
        "eb-ansokan-1",
        ItemAnswer::from(Answer::Partly)
            .with_comment("Rutin finns men är inte beslutad")
            .with_evidence("Utkast 2025-04"),
    )
    .unwrap();
    a.set_status(&fw, "eb-ansokan", ActivityStatus::InProgress)
        .unwrap();
    a.set_maturity(&fw, "styr", 1).unwrap();
    let json = a.to_json().unwrap();
    assert!(json.contains("lantero.assessment/v1"));
    let back = Assessment::from_json(&json, "a.json", &fw).unwrap();
    assert_eq!(back, a);
    assert_eq!(back.to_json().unwrap(), json);

    // The same assessment against a version of the framework without that item.
    let newer = Framework::from_json(
        &TINY
            .replace(r#""version": "1.0""#, r#""version": "2.0""#)
            .replace(
                r#"{"id": "eb-ansokan-1", "text": "Finns en beslutad kontrollrutin?"},"#,
                "",
            ),
        "v2.json",
    )
    .unwrap();
    let err = Assessment::from_json(&json, "a.json", &newer).unwrap_err();
    assert!(err.to_string().contains("eb-ansokan-1"), "{err}");
}

#[test]
fn comparison_shows_the_change_per_area() {
    let fw = tiny();
    let mut spring = Assessment::new(&fw, day(3, 1), "samordnare");
    spring.answer(&fw, "styr-1", Answer::No).unwrap();
    spring.set_maturity(&fw, "eb", 1).unwrap();
    spring.set_maturity(&fw, "styr", 3).unwrap();
    let mut autumn = Assessment::new(&fw, day(9, 1), "samordnare");
    autumn.answer(&fw, "styr-1", Answer::Yes).unwrap();
    autumn
        .set_status(&fw, "styr-kartlagg", ActivityStatus::Done)
        .unwrap();
    autumn.set_maturity(&fw, "eb", 3).unwrap();
    autumn.set_maturity(&fw, "styr", 2).unwrap();

    let change = Comparison::between(&fw, &spring, &autumn).unwrap();
    assert_eq!((change.from, change.to), (day(3, 1), day(9, 1)));
    let eb = &change.areas[0];
    assert_eq!(eb.maturity_levels, Some(2));
    assert_eq!(eb.delta.maturity, Some(0.5));
    assert_eq!(eb.delta.completion, Some(0.0));
    let styr = &change.areas[1];
    assert_eq!(styr.maturity_levels, Some(-1));
    assert_eq!(styr.delta.completion, Some(1.0));
    assert_eq!(styr.delta.progress, Some(1.0));
}

#[test]
fn history_orders_assessments_by_date() {
    let fw = tiny();
    let at = |d: NaiveDate, answer: Answer| {
        let mut a = Assessment::new(&fw, d, "samordnare");
        a.answer(&fw, "styr-1", answer).unwrap();
        a
    };
    let history = History::new(
        &fw,
        &[
            at(day(9, 1), Answer::Yes),
            at(day(1, 1), Answer::No),
            at(day(5, 1), Answer::Partly),
        ],
    )
    .unwrap();
    let dates: Vec<NaiveDate> = history.scores.iter().map(|s| s.date).collect();
    assert_eq!(dates, [day(1, 1), day(5, 1), day(9, 1)]);
    let steps: Vec<Option<f64>> = history
        .changes()
        .iter()
        .map(|c| c.areas[1].delta.completion)
        .collect();
    assert_eq!(steps, [Some(0.5), Some(0.5)]);
}
