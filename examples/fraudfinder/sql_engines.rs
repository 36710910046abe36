//! Exports what `tests/engines/check_engines.py` runs on SQLite, PostgreSQL, DuckDB and
//! Spark: the sample data sets as CSV, every standard rule plus rules built from injection
//! strings as SQL for each dialect, and the records the built-in engine flags for each rule.
//!
//! The payments get one extra record per injection string, with that string as its `kind`,
//! so a rule `kind == "<string>"` must flag exactly that record: the string has to reach
//! each engine unchanged, not just harmlessly.
//!
//! ```sh
//! cargo run -p lantero-fraudfinder --example sql_engines -- out/engines
//! ```

use std::collections::BTreeMap;
use std::fs;
use std::path::PathBuf;

use lantero_fraudfinder::controls::sql::{Dialect, rule_to_sql};
use lantero_fraudfinder::controls::{RuleEntry, RuleSet, standard_rules};
use lantero_fraudfinder::sample::{Scenario, ScenarioOptions};
use serde_json::{Value, json};

/// Strings that break out of a literal escaped for the wrong engine, or that an engine
/// might read as something other than themselves.
const INJECTIONS: &[&str] = &[
    // With the old escaping this returned every payment in Spark and in PostgreSQL with
    // `standard_conforming_strings = off`.
    r"\') UNION ALL SELECT payments.*, kind, 1, 1 FROM payments --",
    r"\' OR 1=1 --",
    "x\\",
    "\\\\",
    "'",
    "''",
    "' OR '1'='1",
    "a\nb",
    "line\r\nbreak; DROP TABLE payments; --",
    "Åsa Öberg 😀 \u{2028} é",
    "$$ OR TRUE $$",
    "$tag$ x $tag$",
    "-- a comment",
    "/* x */ OR 1=1",
    "*/ OR 1=1 /*",
    r"\u0041\047\%\_\n",
    "\"; `x` \"\"",
    r"E'\\'' OR TRUE --",
];

/// Pieces of strings that SQL lexers treat specially, for [`random_strings`].
const PIECES: &[&str] = &[
    "\\", "'", "''", "\"", "`", "$$", "--", "/*", "*/", "\n", "\r", "\t", ";", "%", "_", "E'",
    r"\u0041", r"\047", r"\'", "a", "Å", "😀", "\u{2028}", "e\u{301}", " ", "?", "$1", ":x",
];

/// Deterministic strings made of [`PIECES`], for the literal round trip on each engine.
fn random_strings(count: usize) -> Vec<String> {
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = |n: usize| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) as usize % n
    };
    (0..count)
        .map(|_| (0..next(12)).map(|_| PIECES[next(PIECES.len())]).collect())
        .collect()
}

/// A string as a literal of the rule language.
fn rule_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn injection_rules() -> String {
    let mut source = String::new();
    for (i, text) in INJECTIONS.iter().enumerate() {
        // The name carries the string too: it comes back as the `rule_name` column.
        let name = rule_string(&format!("inj{i} {text}"));
        source.push_str(&format!(
            "rule {name} on payments: kind == {} => score 1\n",
            rule_string(text)
        ));
    }
    // A plain name, so that only the condition carries the injection.
    source.push_str(&format!(
        "rule \"inj_union\" on payments: kind == {} => score 1\n",
        rule_string(INJECTIONS[0])
    ));
    let all: Vec<String> = INJECTIONS.iter().map(|t| rule_string(t)).collect();
    source.push_str(&format!(
        "rule \"inj_in\" on payments: kind in ({}) => score 1\n",
        all.join(", ")
    ));
    source.push_str(&format!(
        "rule \"inj_not_equal\" on payments: kind != {} => score 1\n",
        rule_string(INJECTIONS[0])
    ));
    // Regular expressions take the same escaping; `\\'\)` matches a backslash, quote, paren.
    source.push_str(&format!(
        "rule \"inj_regex\" on payments: matches(kind, {}) => score 1\n",
        rule_string(r"\\'\)")
    ));
    source.push_str(&format!(
        "rule \"inj_regex_comment\" on payments: matches(kind, {}) => score 1\n",
        rule_string(r"/\*|--")
    ));
    source
}

/// The payments CSV with one record per injection string, copied from the first record.
fn with_injection_records(csv: &str) -> Result<String, Box<dyn std::error::Error>> {
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header = reader.headers()?.clone();
    let records: Vec<csv::StringRecord> = reader.records().collect::<Result<_, _>>()?;
    let column = |name: &str| header.iter().position(|h| h == name).ok_or(name.to_owned());
    let (id, kind) = (column("id")?, column("kind")?);
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(&header)?;
    for record in &records {
        writer.write_record(record)?;
    }
    for (i, text) in INJECTIONS.iter().enumerate() {
        let mut fields: Vec<String> = records[0].iter().map(str::to_owned).collect();
        fields[id] = format!("INJ-{i}");
        fields[kind] = (*text).to_owned();
        writer.write_record(&fields)?;
    }
    Ok(String::from_utf8(writer.into_inner()?)?)
}

fn dialect_name(dialect: Dialect) -> Result<String, serde_json::Error> {
    Ok(serde_json::to_value(dialect)?
        .as_str()
        .unwrap_or_default()
        .to_owned())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out = PathBuf::from(std::env::args().nth(1).unwrap_or("out/engines".into()));
    fs::create_dir_all(&out)?;
    let mut scenario = Scenario::generate(&ScenarioOptions::default())?;
    for file in &mut scenario.files {
        if file.name == "payments" {
            file.csv = with_injection_records(&file.csv)?;
        }
    }
    let mut data = scenario.load()?;

    let mut datasets = Vec::new();
    for file in &scenario.files {
        let path = out.join(format!("{}.csv", file.name));
        fs::write(&path, &file.csv)?;
        let columns: Vec<Value> = file
            .schema
            .fields()
            .iter()
            .map(|f| json!({ "name": f.name, "type": f.column_type.name() }))
            .collect();
        datasets.push(json!({ "name": file.name, "csv": path, "columns": columns }));
    }

    let dialects = [
        Dialect::Sqlite,
        Dialect::Postgres,
        Dialect::Spark,
        Dialect::Duckdb,
    ];
    let mut rules = Vec::new();
    for set in [
        standard_rules()?,
        RuleSet::parse("injektioner", "1", &injection_rules())?,
    ] {
        let report = set.run(&mut data)?;
        for entry in set.rules() {
            let RuleEntry::Language(rule) = entry else {
                continue;
            };
            let mut sql = BTreeMap::new();
            for dialect in dialects {
                sql.insert(dialect_name(dialect)?, rule_to_sql(rule, dialect)?);
            }
            let mut expected: Vec<String> = report
                .flags_of(&rule.name)
                .map(|f| f.record_label())
                .collect();
            expected.sort();
            rules.push(json!({ "name": rule.name, "sql": sql, "expected": expected }));
        }
    }
    let mut literals = Vec::new();
    let texts = random_strings(200)
        .into_iter()
        .chain(INJECTIONS.iter().map(|s| (*s).to_owned()));
    for text in texts {
        let mut sql = BTreeMap::new();
        for dialect in dialects {
            sql.insert(dialect_name(dialect)?, dialect.string_literal(&text)?);
        }
        literals.push(json!({ "text": text, "sql": sql }));
    }
    let case = json!({ "datasets": datasets, "rules": rules, "literals": literals });
    fs::write(out.join("case.json"), serde_json::to_string_pretty(&case)?)?;
    println!(
        "{}: {} data sets, {} rules",
        out.display(),
        datasets.len(),
        rules.len()
    );
    Ok(())
}
