//! The exported SQL gives the same flags as the Rust engine: every standard rule, and
//! random rules, run against SQLite over the same generated data.

use std::cell::RefCell;
use std::collections::BTreeSet;

use lantero_fraudfinder::controls::data::{ColumnType, DataSets};
use lantero_fraudfinder::controls::sql::{Dialect, rule_to_sql};
use lantero_fraudfinder::controls::{RuleEntry, RuleSet, standard_rules};
use lantero_fraudfinder::sample::{Scenario, ScenarioOptions};
use proptest::prelude::*;
use rusqlite::functions::FunctionFlags;
use rusqlite::{Connection, types::Value as SqlValue};

fn scenario() -> Scenario {
    Scenario::generate(&ScenarioOptions {
        persons: 120,
        assistants: 12,
        associations: 10,
        ..ScenarioOptions::default()
    })
    .unwrap()
}

/// Loads every generated data set into an in-memory SQLite database, with a `regexp`
/// function so that `x REGEXP 'p'` works.
fn sqlite(scenario: &Scenario) -> Connection {
    let conn = Connection::open_in_memory().unwrap();
    conn.create_scalar_function(
        "regexp",
        2,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| {
            // The compiled pattern is cached by SQLite for the statement.
            let re =
                ctx.get_or_create_aux(
                    0,
                    |pattern| -> Result<
                        regex::Regex,
                        Box<dyn std::error::Error + Send + Sync + 'static>,
                    > { Ok(regex::Regex::new(pattern.as_str()?)?) },
                )?;
            let text: Option<String> = ctx.get(1)?;
            Ok(text.map(|t| re.is_match(&t)))
        },
    )
    .unwrap();
    for file in &scenario.files {
        let columns: Vec<String> = file
            .schema
            .fields()
            .iter()
            .map(|f| {
                let ty = match f.column_type {
                    ColumnType::Number => "REAL",
                    ColumnType::Bool => "INTEGER",
                    ColumnType::Text | ColumnType::Date => "TEXT",
                };
                format!("\"{}\" {ty}", f.name)
            })
            .collect();
        conn.execute(
            &format!("CREATE TABLE \"{}\" ({})", file.name, columns.join(", ")),
            [],
        )
        .unwrap();
        let marks = vec!["?"; columns.len()].join(", ");
        let mut insert = conn
            .prepare(&format!("INSERT INTO \"{}\" VALUES ({marks})", file.name))
            .unwrap();
        let mut reader = csv::Reader::from_reader(file.csv.as_bytes());
        let header = reader.headers().unwrap().clone();
        for record in reader.records() {
            let record = record.unwrap();
            let values: Vec<SqlValue> = file
                .schema
                .fields()
                .iter()
                .map(|f| {
                    let i = header.iter().position(|h| h == f.name).unwrap();
                    match (&record[i], f.column_type) {
                        ("", _) => SqlValue::Null,
                        (v, ColumnType::Number) => SqlValue::Real(v.parse().unwrap()),
                        (v, _) => SqlValue::Text(v.to_owned()),
                    }
                })
                .collect();
            insert.execute(rusqlite::params_from_iter(values)).unwrap();
        }
    }
    conn
}

fn sql_ids(conn: &Connection, sql: &str) -> BTreeSet<String> {
    let mut statement = conn
        .prepare(sql.trim_end_matches(';'))
        .unwrap_or_else(|e| panic!("{e}\n{sql}"));
    let id = statement.column_index("id").unwrap();
    statement
        .query_map([], |row| row.get::<_, String>(id))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

fn engine_ids(rules: &RuleSet, data: &mut DataSets, rule: &str) -> BTreeSet<String> {
    let report = rules.run(data).unwrap();
    report.flags_of(rule).map(|f| f.record_label()).collect()
}

thread_local! {
    /// One database and one set of tables for all proptest cases (built once per thread).
    static FIXTURE: (Connection, RefCell<DataSets>) = {
        let scenario = scenario();
        (sqlite(&scenario), RefCell::new(scenario.load().unwrap()))
    };
}

#[test]
fn every_standard_rule_flags_the_same_records_in_sqlite() {
    let scenario = scenario();
    let conn = sqlite(&scenario);
    let mut data = scenario.load().unwrap();
    let rules = standard_rules().unwrap();
    for entry in rules.rules() {
        let RuleEntry::Language(rule) = entry else {
            continue;
        };
        let sql = rule_to_sql(rule, Dialect::Sqlite).unwrap();
        let expected = engine_ids(&rules, &mut data, &rule.name);
        assert!(
            !expected.is_empty(),
            "{} flags nothing on planted data",
            rule.name
        );
        assert_eq!(sql_ids(&conn, &sql), expected, "rule {}:\n{sql}", rule.name);
    }
}

fn condition() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        (
            prop_oneof![
                Just(">"),
                Just(">="),
                Just("<"),
                Just("<="),
                Just("=="),
                Just("!=")
            ],
            3000u32..26000
        )
            .prop_map(|(op, n)| format!("amount {op} {n}")),
        prop_oneof![
            Just("ekonomiskt_bistand"),
            Just("hemutrustningslan"),
            Just("okänd")
        ]
        .prop_map(|k| format!("kind == \"{k}\"")),
        (1u32..7).prop_map(|m| format!("month in (\"2025-0{m}\", \"2025-01\")")),
        (2u32..5, 5000u32..40000).prop_map(|(k, n)| format!("amount * {k} - 1000 > {n}")),
        prop_oneof![Just("^U00000"), Just("-[0-2]$"), Just("7")]
            .prop_map(|p| format!("matches(id, \"{p}\")")),
    ];
    leaf.prop_recursive(3, 12, 2, |inner| {
        prop_oneof![
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("({a}) and ({b})")),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("({a}) or ({b})")),
            inner.prop_map(|a| format!("not ({a})")),
        ]
    })
}

fn group_rule() -> impl Strategy<Value = String> {
    (
        prop_oneof![
            Just("count(*)"),
            Just("count(distinct person_id)"),
            Just("sum(amount)"),
            Just("max(amount)"),
            Just("avg(amount)")
        ],
        prop_oneof![
            Just("person_id"),
            Just("month"),
            Just("address"),
            Just("caseworker, month")
        ],
        prop_oneof![Just(">"), Just(">="), Just("<")],
        0u32..60000,
    )
        .prop_map(|(agg, by, op, n)| format!("{agg} by ({by}) {op} {n}"))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn random_rules_agree_with_sqlite(row in condition(), group in group_rule(), filter in condition()) {
        let source = format!(
            "rule \"rad\" on payments: {row} => score 1\n\
             rule \"grupp\" on payments where {filter}: {group} => score 1"
        );
        let rules = RuleSet::parse("prop", "1", &source).unwrap();
        FIXTURE.with(|(conn, data)| {
            for entry in rules.rules() {
                let RuleEntry::Language(rule) = entry else { continue };
                let sql = rule_to_sql(rule, Dialect::Sqlite).unwrap();
                let engine = engine_ids(&rules, &mut data.borrow_mut(), &rule.name);
                prop_assert_eq!(sql_ids(conn, &sql), engine, "{}", sql);
            }
            Ok(())
        })?;
    }
}
