#![allow(missing_docs)]
//! FraudFinder: ten control rules over about one million generated payment records
//! (in memory, and streamed from CSV), and prioritising a risk analysis of 10 000 risks.
//!
//! Beside the built-in engine, the same rules exported as DuckDB SQL run in DuckDB on one
//! thread over the same records (`benches/peers/duckdb_controls.py`, loaded once, the load not
//! timed). The peer must flag the same number of records per rule. Without the peer's Python
//! (`make bench-peers`) `cargo bench` fails; `cargo test --benches` says so and goes on.

#[path = "fraudfinder/duckdb_peer.rs"]
mod duckdb_peer;

use std::hint::black_box;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use lantero_core::risk::{Estimate, Risk, Treatment, presets};
use lantero_fraudfinder::controls::RuleSet;
use lantero_fraudfinder::controls::data::CsvSource;
use lantero_fraudfinder::risk_analysis::{BusinessUnit, IdentifiedRisk, RiskAnalysis};
use lantero_fraudfinder::sample::{Scenario, ScenarioOptions};

/// Ten rules over payments: thresholds, regular expressions, four group-bys and a join
/// with income data.
const TEN_RULES: &str = r#"
rule "stort_belopp" v1 on payments: amount > 30000 and kind == "ekonomiskt_bistand" => score 40
rule "samma_konto" v1 on payments: count(distinct person_id) by (bank_account) >= 2 => score 60
rule "manga_pa_adress" v1 on payments: count(distinct person_id) by (address) >= 5 => score 50
rule "utlandskt_konto" v1 on payments where kind == "ekonomiskt_bistand":
  matches(bank_account, "^[A-Z]{2}[0-9]{2}") => score 30
rule "inkomst_under_bistand" v1 on payments where kind == "ekonomiskt_bistand"
  join income on person_id where income.month == payments.month: income.amount > 0 => score 70
rule "flera_per_manad" v1 on payments: count(*) by (person_id, month) >= 2 => score 30
rule "hog_summa" v1 on payments: sum(amount) by (person_id) > 200000 => score 40
rule "saknar_handlaggare" v1 on payments: is_null(caseworker) => score 20
rule "kontant_referens" v1 on payments: matches(reference, "(?i)kontant|förskott") => score 20
rule "okand_typ" v1 on payments: kind not in ("ekonomiskt_bistand", "hemutrustningslan") => score 20
"#;

/// About 5.4 payments per person: 185 186 persons give just over a million records.
fn scenario() -> Scenario {
    Scenario::generate(&ScenarioOptions {
        persons: 185_186,
        assistants: 10,
        associations: 10,
        plant: true,
        seed: 7,
    })
    .expect("the generator's schemas are valid")
}

fn controls(c: &mut Criterion) {
    let scenario = scenario();
    let rules = RuleSet::parse("bench", "1", TEN_RULES).expect("the bench rules parse");
    let mut data = scenario.load().expect("generated CSV loads");
    let plan = rules.plan(&mut data).expect("the rules fit the data");
    let rows = data.table("payments").expect("payments loaded").rows() as u64;

    let mut group = c.benchmark_group("fraudfinder_controls");
    group.sample_size(10);
    group.throughput(Throughput::Elements(rows));
    group.bench_function("ten_rules_1m_payments_in_memory", |b| {
        b.iter(|| black_box(plan.run(&data).expect("run succeeds")))
    });
    let payments = scenario.file("payments").expect("payments generated");
    group.bench_function("ten_rules_1m_payments_streamed_from_csv", |b| {
        b.iter(|| {
            let mut source =
                CsvSource::new("payments", payments.csv.as_bytes(), payments.schema.clone())
                    .expect("header matches");
            black_box(
                rules
                    .run_stream(&mut data, &mut source)
                    .expect("run succeeds"),
            )
        })
    });
    duckdb(&mut group, &rules, &scenario, &data, &plan, rows);
    group.finish();
}

/// `cargo bench` passes `--bench`; `cargo test --benches` does not (criterion's test mode).
fn measuring() -> bool {
    std::env::args().any(|arg| arg == "--bench")
}

fn duckdb(
    group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    rules: &RuleSet,
    scenario: &Scenario,
    data: &lantero_fraudfinder::controls::data::DataSets,
    plan: &lantero_fraudfinder::controls::Plan,
    payments: u64,
) {
    let Some(python) = duckdb_peer::python() else {
        let note = "fraudfinder_controls: NO DUCKDB PEER (LANTERO_PEER_PYTHON or \
                    benches/peers/.venv); run `make bench-peers`";
        assert!(!measuring(), "{note}");
        return println!("{note}; peer skipped in test mode");
    };
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut peer = duckdb_peer::Peer::start(
        &python,
        dir.path(),
        scenario,
        &["payments", "income"],
        rules,
    )
    .unwrap_or_else(|e| panic!("fraudfinder_controls: the DuckDB peer failed: {e}"));
    let report = plan.run(data).expect("run succeeds");
    for (name, count) in &peer.counts {
        let ours = report.flags_of(name).count();
        assert_eq!(
            ours, *count,
            "rule {name}: Lantero flags {ours}, DuckDB {count}"
        );
    }
    println!(
        "fraudfinder_controls: DuckDB peer loaded {} records (payments and income) in {:.1} s; \
         flags equal for {} rules",
        peer.rows,
        peer.load_seconds,
        peer.counts.len()
    );
    // One paired measurement for the side-by-side line; criterion's own follow below.
    let runs = if measuring() { 3 } else { 1 };
    let start = Instant::now();
    for _ in 0..runs {
        black_box(plan.run(data).expect("run succeeds"));
    }
    let ours = start.elapsed() / runs;
    let theirs = peer.run(u64::from(runs)).expect("the peer runs") / runs;
    println!(
        "fraudfinder_controls: ten rules over {payments} payments: Lantero {:.3} s, DuckDB \
         (1 thread) {:.3} s; DuckDB takes {:.2}× Lantero's time",
        ours.as_secs_f64(),
        theirs.as_secs_f64(),
        theirs.as_secs_f64() / ours.as_secs_f64()
    );
    group.bench_function("ten_rules_1m_payments_duckdb_1_thread_peer", |b| {
        b.iter_custom(|iterations| {
            peer.run(iterations)
                .unwrap_or_else(|e| panic!("the DuckDB peer failed: {e}"))
                .max(Duration::from_nanos(1))
        })
    });
}

const RISKS: usize = 10_000;

/// A risk analysis of 10 000 risks over 100 units on the ISO/IEC 27005 5×5 matrix, with
/// estimates from a linear congruential generator.
fn analysis() -> RiskAnalysis {
    let day = NaiveDate::from_ymd_opt(2025, 4, 16).expect("a real date");
    let mut analysis = RiskAnalysis::new("bench", "Riskanalys", day, presets::iso27005_5x5());
    for u in 0..100 {
        analysis
            .add_unit(BusinessUnit::with_payments(
                format!("u{u}"),
                format!("Verksamhet {u}"),
            ))
            .expect("unit ids are unique");
    }
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((state >> 33) % 5 + 1) as u32
    };
    for i in 0..RISKS {
        let risk = Risk::new(
            format!("Risk {i}"),
            "Riskägare",
            Estimate::new(next(), next()),
            Estimate::new(1, next()),
            Treatment::Reduce,
        );
        analysis
            .add_risk(IdentifiedRisk {
                id: format!("r{i}"),
                unit: format!("u{}", i % 100),
                question: None,
                area: None,
                risk,
                valued: day,
            })
            .expect("estimates are on the matrix");
    }
    analysis
}

fn risk_analysis(c: &mut Criterion) {
    let analysis = analysis();
    let mut group = c.benchmark_group("fraudfinder_risk_analysis");
    group.throughput(Throughput::Elements(RISKS as u64));
    group.bench_function("prioritise_and_heat_map_10k_risks", |b| {
        b.iter(|| {
            let ranked = analysis.prioritised().expect("risks are on the matrix");
            let heat = analysis.heat_map().expect("risks are on the matrix");
            black_box((ranked, heat))
        })
    });
    group.finish();
}

criterion_group!(benches, controls, risk_analysis);
criterion_main!(benches);
