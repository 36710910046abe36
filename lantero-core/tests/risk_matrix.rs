//! Properties of risk matrices: scoring, level monotonicity, range checks and JSON.

use lantero_core::Error;
use lantero_core::risk::{
    Estimate, HeatMap, Label, LevelRule, Risk, RiskLevel, RiskMatrix, RiskMatrixDefinition, Scale,
    ScaleStep, Treatment, presets,
};
use proptest::prelude::*;

fn presets() -> [RiskMatrix; 2] {
    [presets::municipal_4x4(), presets::iso27005_5x5()]
}

fn scale(n: u32) -> Scale {
    Scale::new(
        (1..=n)
            .map(|i| ScaleStep::new(format!("Steg {i}"), format!("Step {i}")))
            .collect(),
    )
}

fn levels(n: usize) -> Vec<RiskLevel> {
    (0..n)
        .map(|i| {
            RiskLevel::new(
                i as u8,
                Label::new(format!("Nivå {i}"), format!("Level {i}")),
            )
        })
        .collect()
}

/// Valid threshold matrices: every bound is a product that occurs, so every level is reached.
fn threshold_matrix() -> impl Strategy<Value = RiskMatrix> {
    (3u32..=6, 3u32..=6)
        .prop_flat_map(|(p, c)| {
            let mut products: Vec<u32> = (1..=p)
                .flat_map(|i| (1..=c).map(move |j| i * j))
                .filter(|&v| v > 1)
                .collect();
            products.sort_unstable();
            products.dedup();
            (Just((p, c)), proptest::sample::subsequence(products, 1..=4))
        })
        .prop_map(|((p, c), bounds)| {
            let definition = RiskMatrixDefinition {
                id: format!("t{p}x{c}"),
                name: Label::new("Prov", "Test"),
                probability: scale(p),
                consequence: scale(c),
                levels: levels(bounds.len() + 1),
                rule: LevelRule::Thresholds {
                    lower_bounds: bounds,
                },
            };
            RiskMatrix::new(definition).unwrap()
        })
}

/// Valid grid matrices: random cells made monotone by running maxima, then levels renumbered
/// densely so that every level is used.
fn grid_matrix() -> impl Strategy<Value = RiskMatrix> {
    (3usize..=6, 3usize..=6)
        .prop_flat_map(|(p, c)| (Just((p, c)), proptest::collection::vec(0u8..4, p * c)))
        .prop_filter_map("needs two levels", |((p, c), raw)| {
            let mut rows: Vec<Vec<u8>> = raw.chunks(c).map(<[u8]>::to_vec).collect();
            for i in 0..p {
                for j in 0..c {
                    let left = if j > 0 { rows[i][j - 1] } else { 0 };
                    let below = if i > 0 { rows[i - 1][j] } else { 0 };
                    rows[i][j] = rows[i][j].max(left).max(below);
                }
            }
            let mut used: Vec<u8> = rows.iter().flatten().copied().collect();
            used.sort_unstable();
            used.dedup();
            for cell in rows.iter_mut().flatten() {
                *cell = used.iter().position(|u| u == cell).unwrap() as u8;
            }
            (used.len() >= 2).then(|| {
                let definition = RiskMatrixDefinition {
                    id: format!("g{p}x{c}"),
                    name: Label::new("Rutnät", "Grid"),
                    probability: scale(p as u32),
                    consequence: scale(c as u32),
                    levels: levels(used.len()),
                    rule: LevelRule::Grid { rows },
                };
                RiskMatrix::new(definition).unwrap()
            })
        })
}

fn any_matrix() -> impl Strategy<Value = RiskMatrix> {
    prop_oneof![
        Just(presets::municipal_4x4()),
        Just(presets::iso27005_5x5()),
        threshold_matrix(),
        grid_matrix(),
    ]
}

proptest! {
    #[test]
    fn value_is_the_product_and_levels_never_fall(m in any_matrix(), p in 1u32..=6, c in 1u32..=6) {
        let (p_max, c_max) = (m.probability().max(), m.consequence().max());
        prop_assume!(p <= p_max && c <= c_max);
        let score = m.score(p, c).unwrap();
        prop_assert_eq!(score.value, p * c);
        prop_assert!(m.level(score.level).is_some());
        if p < p_max {
            prop_assert!(m.score(p + 1, c).unwrap().level >= score.level);
        }
        if c < c_max {
            prop_assert!(m.score(p, c + 1).unwrap().level >= score.level);
        }
    }

    #[test]
    fn out_of_scale_always_errors(m in any_matrix(), off in prop_oneof![Just(0u32), 7u32..], on in 1u32..=3) {
        let is_out = |r: Result<_, Error>, axis: &str| matches!(r, Err(Error::OutOfScale { what, value, .. }) if what == axis && value == off);
        prop_assert!(is_out(m.score(off, on), "probability"));
        prop_assert!(is_out(m.score(on, off), "consequence"));
        let p_edge = m.probability().max() + 1;
        prop_assert!(m.score(p_edge, on).is_err());
    }

    #[test]
    fn matrices_survive_json(m in any_matrix()) {
        let json = m.to_json().unwrap();
        prop_assert_eq!(RiskMatrix::from_json(&json).unwrap(), m);
    }

    #[test]
    fn risks_survive_json(
        description in ".*", owner in "\\PC*", notes in proptest::option::of(".*"),
        p in 1u32..=6, c in 1u32..=6, tp in 1u32..=6, tc in 1u32..=6, t in 0usize..4,
    ) {
        let mut risk = Risk::new(description, owner, Estimate::new(p, c), Estimate::new(tp, tc), Treatment::ALL[t]);
        risk.notes = notes;
        let json = serde_json::to_string(&risk).unwrap();
        prop_assert_eq!(serde_json::from_str::<Risk>(&json).unwrap(), risk);
    }

    #[test]
    fn heat_map_counts_add_up(m in any_matrix(), pairs in proptest::collection::vec((1u32..=6, 1u32..=6), 0..50)) {
        let mut map = HeatMap::new(&m);
        let mut expected = 0;
        for (p, c) in pairs {
            if let Ok(score) = m.score(p, c) {
                map.record(score).unwrap();
                expected += 1;
            }
        }
        prop_assert_eq!(map.total(), expected);
        prop_assert_eq!(map.rows().flatten().sum::<u64>(), expected);
    }
}

#[test]
fn presets_label_every_step_in_both_languages() {
    for m in presets() {
        for step in m.probability().steps.iter().chain(&m.consequence().steps) {
            assert!(!step.label.is_incomplete(), "{}: {step:?}", m.id());
        }
        let names: Vec<&str> = m.levels().iter().map(|l| l.label.sv.as_str()).collect();
        assert_eq!(names, ["Låg", "Medel", "Hög", "Mycket hög"]);
    }
    let m = presets::municipal_4x4();
    let p: Vec<&str> = m
        .probability()
        .steps
        .iter()
        .map(|s| s.label.sv.as_str())
        .collect();
    assert_eq!(p, ["Osannolik", "Möjlig", "Sannolik", "Mycket sannolik"]);
}

#[test]
fn json_has_the_schema_and_level_rule_kind() {
    let json = presets::iso27005_5x5().to_json().unwrap();
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["schema"], "lantero.risk-matrix/v1");
    assert_eq!(value["rule"]["kind"], "grid");
    assert_eq!(value["levels"][3]["label"]["sv"], "Mycket hög");
}
