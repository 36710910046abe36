//! Rule sets: language and custom rules side by side, streaming equals in-memory, files
//! and versions, test runs, queues, and each pattern on small hand-made data.

use std::sync::Arc;

use lantero_core::registry::Registry;
use lantero_fraudfinder::Error;
use lantero_fraudfinder::controls::data::{CsvOptions, CsvSource, DataSets, Value};
use lantero_fraudfinder::controls::{
    ControlRule, Decision, Dialect, Evidence, ExpectedFlag, FnRule, Hit, RuleChange, RuleSet,
    Thresholds, standard_rules,
};
use lantero_fraudfinder::sample::{Scenario, ScenarioOptions};

fn data(name: &str, schema: &str, csv: &str) -> DataSets {
    let mut data = DataSets::new();
    data.load_csv(name, csv.as_bytes(), schema.parse().unwrap())
        .unwrap();
    data
}

fn flagged(rules: &str, data: &mut DataSets) -> Vec<String> {
    let set = RuleSet::parse("t", "1", rules).unwrap();
    set.run(data)
        .unwrap()
        .flags
        .iter()
        .map(|f| format!("{}:{}", f.rule, f.record_label()))
        .collect()
}

const PAYMENTS: &str = "id:text, person_id:text, kind:text, amount:number, bank_account:text, address:text, month:text";

#[test]
fn each_payment_pattern_flags_its_case_and_spares_clean_records() {
    let csv = "id,person_id,kind,amount,bank_account,address,month\n\
               u1,p1,ekonomiskt_bistand,8000,1111-1,Gata 1,2025-01\n\
               u2,p2,ekonomiskt_bistand,31000,2222-2,Gata 2,2025-01\n\
               u3,p3,ekonomiskt_bistand,9000,1111-1,Gata 3,2025-01\n\
               u4,p4,hemutrustningslan,45000,4444-4,Gata 4,2025-01\n\
               u5,p5,ekonomiskt_bistand,7000,DE89370400440532013000,Gata 5,2025-01\n\
               u6,p6,hemutrustningslan,7000,GB29NWBK60161331926819,Gata 6,2025-01\n";
    let mut d = data("payments", PAYMENTS, csv);
    let standard = standard_rules().unwrap();
    let report = standard.run(&mut {
        // The standard set needs every data set; give the others empty tables.
        let mut all = d.clone();
        for (name, schema) in [
            ("income", "person_id:text, month:text, employer:text, amount:number"),
            ("time_reports", "id:text, assistant_id:text, client_id:text, date:date, hours:number"),
            ("assistants", "id:text, assistant_id:text, client_id:text, surname:text, address:text"),
            ("clients", "client_id:text, surname:text, address:text"),
            ("associations", "id:text, association_id:text, name:text, year:number, members:number, grant:number"),
        ] {
            let header = schema.split(',').map(|f| f.split(':').next().unwrap().trim()).collect::<Vec<_>>().join(",");
            all.load_csv(name, format!("{header}\n").as_bytes(), schema.parse().unwrap()).unwrap();
        }
        all
    }).unwrap();
    let got: Vec<String> = report
        .flags
        .iter()
        .map(|f| format!("{}:{}", f.rule, f.record_label()))
        .collect();
    assert_eq!(
        got,
        [
            "samma_konto:u1",
            "stort_belopp:u2",
            "samma_konto:u3",
            "utlandskt_konto:u5", // u6 is not economic assistance; u4 is not either
        ]
    );
    assert_eq!(
        flagged(
            r#"rule "m" on payments: count(distinct person_id) by (address) >= 2 => score 1"#,
            &mut d
        ),
        Vec::<String>::new()
    );
}

#[test]
fn group_rules_skip_missing_keys_and_count_only_values() {
    let csv = "id,person_id,kind,amount,bank_account,address,month\n\
               u1,p1,eb,,,A,2025-01\nu2,p2,eb,5,,A,2025-01\nu3,,eb,5,K,A,2025-01\n";
    let mut d = data("payments", PAYMENTS, csv);
    // Missing bank accounts form no group, so two people without an account are not "the same account".
    assert!(
        flagged(
            r#"rule "k" on payments: count(distinct person_id) by (bank_account) >= 2 => score 1"#,
            &mut d
        )
        .is_empty()
    );
    // count(distinct) ignores the missing person; count(*) does not.
    assert!(
        flagged(
            r#"rule "k" on payments: count(distinct person_id) by (address) >= 3 => score 1"#,
            &mut d
        )
        .is_empty()
    );
    assert_eq!(
        flagged(
            r#"rule "k" on payments: count(*) by (address) >= 3 => score 1"#,
            &mut d
        )
        .len(),
        3
    );
    assert_eq!(
        flagged(
            r#"rule "k" on payments: count(amount) by (address) == 2 => score 1"#,
            &mut d
        )
        .len(),
        3
    );
    assert_eq!(
        flagged(
            r#"rule "k" on payments: avg(amount) by (address) == 5 => score 1"#,
            &mut d
        )
        .len(),
        3
    );
    assert!(
        flagged(r#"rule "k" on payments: amount != 5 => score 1"#, &mut d).is_empty(),
        "missing is not different"
    );
    assert_eq!(
        flagged(
            r#"rule "k" on payments: is_null(amount) => score 1"#,
            &mut d
        ),
        ["k:u1"]
    );
}

#[test]
fn custom_rules_run_beside_language_rules_and_come_from_the_registry() {
    let mut d = data(
        "payments",
        "id:text, amount:number, reference:text",
        "id,amount,reference\nu1,-50,Återbetalning\nu2,40000,Hyra\nu3,100,Hyra\n",
    );
    let negative = FnRule::new("negativt_belopp", 2, "payments", |record| {
        Ok(record.number("amount").filter(|a| *a < 0.0).map(|a| Hit {
            score: 30,
            reason: format!("Negativt belopp {a}"),
            evidence: vec![Evidence::new("amount", Value::Number(a))],
        }))
    });
    let mut registry: Registry<dyn ControlRule> = Registry::new("control rule");
    registry
        .register("negativt_belopp", Arc::new(negative))
        .unwrap();

    let mut rules = RuleSet::parse(
        "mix",
        "3",
        r#"rule "stort" on payments: amount > 30000 => score 50"#,
    )
    .unwrap();
    rules.add_registered(&registry, "negativt_belopp").unwrap();
    assert!(matches!(
        rules.add_registered(&registry, "negativt_belopp"),
        Err(Error::Duplicate { .. })
    ));
    let report = rules.run(&mut d).unwrap();
    let got: Vec<(&str, String)> = report
        .flags
        .iter()
        .map(|f| (f.rule.as_str(), f.record_label()))
        .collect();
    assert_eq!(
        got,
        [
            ("negativt_belopp", "u1".to_owned()),
            ("stort", "u2".to_owned())
        ]
    );
    assert_eq!(
        report.flags[0].explain(),
        "Regel \"negativt_belopp\" v2 (+30 poäng), payments rad 1 (id \"u1\"): Negativt belopp -50; amount = -50"
    );

    // The file form names the custom rule; reading it back takes it from the registry.
    let json = rules.to_json().unwrap();
    assert!(json.contains("lantero.ruleset/v1") && json.contains("\"negativt_belopp\""));
    let back = RuleSet::from_json(&json, &registry).unwrap();
    assert_eq!(back.rules().len(), 2);
    assert_eq!(back.run(&mut d).unwrap().flags, report.flags);
    let empty: Registry<dyn ControlRule> = Registry::new("control rule");
    assert!(matches!(
        RuleSet::from_json(&json, &empty),
        Err(Error::Core(_))
    ));
    assert!(
        rules
            .to_sql(Dialect::Trino)
            .unwrap()
            .contains("egen regel utan SQL-form")
    );

    // A failing custom rule stops the run with its name.
    let mut failing = RuleSet::parse("f", "1", "").unwrap();
    failing
        .add_custom(Arc::new(FnRule::new("trasig", 1, "payments", |_| {
            Err(Error::InvalidValue {
                field: "python",
                value: "x".into(),
                reason: "ZeroDivisionError".into(),
            })
        })))
        .unwrap();
    let err = failing.run(&mut d).unwrap_err();
    assert!(
        err.to_string().contains("control rule \"trasig\" failed")
            && err.to_string().contains("ZeroDivisionError"),
        "{err}"
    );
}

#[test]
fn streaming_gives_the_same_flags_as_memory() {
    let scenario = Scenario::generate(&ScenarioOptions {
        persons: 600,
        ..ScenarioOptions::default()
    })
    .unwrap();
    let rules = standard_rules().unwrap();
    let mut data = scenario.load().unwrap();
    let in_memory = rules.run(&mut data).unwrap();
    let payments = scenario.file("payments").unwrap();
    let options = CsvOptions {
        batch_rows: 97,
        ..CsvOptions::default()
    };
    let mut source = CsvSource::with_options(
        "payments",
        payments.csv.as_bytes(),
        payments.schema.clone(),
        options,
    )
    .unwrap();
    let streamed = rules.run_stream(&mut data, &mut source).unwrap();
    let memory_payments: Vec<_> = in_memory
        .flags
        .iter()
        .filter(|f| f.dataset == "payments")
        .cloned()
        .collect();
    assert_eq!(streamed.flags, memory_payments);
    assert_eq!(streamed.rows(), data.table("payments").unwrap().rows());
}

#[test]
fn test_runs_report_missing_and_unexpected_flags() {
    let mut d = data(
        "payments",
        "id:text, amount:number",
        "id,amount\nu1,50000\nu2,10\n",
    );
    let rules = RuleSet::parse(
        "t",
        "1",
        r#"rule "stort" on payments: amount > 30000 => score 50"#,
    )
    .unwrap();
    let ok = rules
        .test_run(&mut d, &[ExpectedFlag::new("stort", "u1")])
        .unwrap();
    assert!(ok.passed());
    let wrong = rules
        .test_run(&mut d, &[ExpectedFlag::new("stort", "u2")])
        .unwrap();
    assert!(!wrong.passed());
    assert_eq!(wrong.missing, [ExpectedFlag::new("stort", "u2")]);
    assert_eq!(wrong.unexpected, [ExpectedFlag::new("stort", "u1")]);
}

#[test]
fn versions_changes_and_queues() {
    let v1 = RuleSet::parse("s", "2025.1", "rule \"a\" v1 on p: x > 1 => score 10\nrule \"b\" v1 on p: x > 2 => score 10\nrule \"c\" v1 on p: x > 3 => score 10").unwrap();
    let v2 = RuleSet::parse("s", "2025.2", "rule \"a\" v2 on p: x > 5 => score 10\nrule \"b\" v1 on p: x > 9 => score 10\nrule \"d\" on p: x > 3 => score 10").unwrap();
    assert_eq!(
        v2.changes_from(&v1),
        [
            RuleChange::Changed {
                rule: "a".into(),
                from: 1,
                to: 2
            },
            RuleChange::ChangedWithoutNewVersion {
                rule: "b".into(),
                version: 1
            },
            RuleChange::Added { rule: "d".into() },
            RuleChange::Removed { rule: "c".into() },
        ]
    );
    assert!(v1.changes_from(&v1).is_empty());
    assert!(Thresholds::new(90, 10).is_err());

    let mut d = data("p", "id:text, x:number", "id,x\nr1,10\nr2,4\nr3,1.5\n");
    let queue = v1
        .run(&mut d)
        .unwrap()
        .queue(Thresholds::new(20, 30).unwrap());
    let items: Vec<(&str, u32, Decision)> = queue
        .items
        .iter()
        .map(|i| (i.record.as_str(), i.score, i.decision))
        .collect();
    assert_eq!(
        items,
        [
            ("r1", 30, Decision::Escalate),
            ("r2", 30, Decision::Escalate)
        ]
    );
    assert_eq!(queue.below_threshold, 1);
}
