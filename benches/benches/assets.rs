//! Asset register: inherit importance and KLASSA levels through the dependencies of 100 000
//! assets, and run the completeness findings over them.

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{Criterion, Throughput, criterion_main};
use lantero_core::assets::{Asset, AssetKind, AssetRegister, Importance, Klassa};
use lantero_core::risk::presets;

const ASSETS: usize = 100_000;

/// A deterministic register: asset `i` depends on two earlier assets (so the graph is a
/// DAG), kinds, importance and KLASSA levels vary, and about one asset in 1 000 is critical.
fn register() -> AssetRegister {
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) as usize
    };
    let mut register = AssetRegister::new(presets::municipal_4x4());
    let ids: Vec<String> = (0..ASSETS).map(|i| format!("t-{i:06}")).collect();
    for (i, id) in ids.iter().enumerate() {
        let kind = AssetKind::ALL[i % AssetKind::ALL.len()];
        let mut asset = Asset::new(id.clone(), format!("Tillgång {i}"), kind).expect("valid id");
        asset.importance = if next() % 1000 == 0 {
            Importance::Critical
        } else {
            Importance::ALL[next() % 3]
        };
        let level = |n: usize| (n % 3) as u8;
        asset.klassa =
            Klassa::new(level(next()), level(next()), level(next())).expect("levels 0..=2");
        asset.owner = (i % 10 != 0).then(|| "Förvaltning".to_owned());
        asset.last_reviewed = NaiveDate::from_ymd_opt(2024, 1 + (i % 12) as u32, 1);
        register.add(asset).expect("unique id");
    }
    let mut edges = Vec::with_capacity(2 * ASSETS);
    for i in 1..ASSETS {
        for _ in 0..2 {
            // Mostly near neighbours, like systems sharing a server room, some far away.
            let back = 1 + next() % i.min(if next() % 4 == 0 { i } else { 50 });
            edges.push((ids[i].as_str(), ids[i - back].as_str()));
        }
    }
    register
        .add_dependencies(edges)
        .expect("edges point backwards");
    register
}

fn propagation(c: &mut Criterion) {
    let register = register();
    let today = NaiveDate::from_ymd_opt(2025, 1, 1).expect("valid date");
    let mut group = c.benchmark_group("assets");
    group.throughput(Throughput::Elements(ASSETS as u64));
    group.bench_function("register_100k_propagation", |b| {
        b.iter(|| black_box(register.inherited_protection()));
    });
    group.bench_function("register_100k_findings", |b| {
        b.iter(|| black_box(register.findings(today)));
    });
    group.finish();
}

/// The benchmark group, written out instead of `criterion_group!`, whose generated public
/// function has no doc comment and so fails the workspace's `missing_docs` lint.
fn benches() {
    let mut criterion = Criterion::default().configure_from_args();
    propagation(&mut criterion);
}

criterion_main!(benches);
