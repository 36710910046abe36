//! Ready-made matrices that organisations start from and adjust.

use super::{Label, LevelRule, RiskLevel, RiskMatrix, RiskMatrixDefinition, Scale, ScaleStep};

/// Id of [`municipal_4x4`].
pub const MUNICIPAL_4X4_ID: &str = "sv-kommun-4x4";
/// Id of [`iso27005_5x5`].
pub const ISO27005_5X5_ID: &str = "iso27005-5x5";

/// The 4×4 matrix common in Swedish municipal risk and vulnerability work.
///
/// Sannolikhet 1 Osannolik, 2 Möjlig, 3 Sannolik, 4 Mycket sannolik; konsekvens 1 Begränsad
/// (also called lindrig), 2 Måttlig, 3 Allvarlig, 4 Mycket allvarlig.
///
/// Levels by value p × c, the usual municipal colouring:
///
/// | value | level |
/// |---|---|
/// | 1–3 | låg / low |
/// | 4–6 | medel / medium |
/// | 8–9 | hög / high |
/// | 12–16 | mycket hög / very high |
///
/// So an unlikely but very serious event (1 × 4) is medium, never low, and anything likely
/// and serious (3 × 3) is high.
///
/// ```
/// use lantero_core::risk::presets;
///
/// let m = presets::municipal_4x4();
/// assert_eq!(m.score(1, 3)?.level, 0);
/// assert_eq!(m.score(1, 4)?.level, 1);
/// assert_eq!(m.score(3, 3)?.level, 2);
/// assert_eq!(m.score(3, 4)?.level, 3);
/// # Ok::<(), lantero_core::Error>(())
/// ```
pub fn municipal_4x4() -> RiskMatrix {
    RiskMatrix::assemble(RiskMatrixDefinition {
        id: MUNICIPAL_4X4_ID.into(),
        name: Label::new("Kommunal riskmatris 4×4", "Municipal risk matrix 4×4"),
        probability: Scale::new(vec![
            ScaleStep::new("Osannolik", "Unlikely").with_description(
                "Förväntas inte inträffa men kan inte uteslutas.",
                "Not expected to happen, but cannot be ruled out.",
            ),
            ScaleStep::new("Möjlig", "Possible")
                .with_description("Kan inträffa någon gång.", "Could happen at some point."),
            ScaleStep::new("Sannolik", "Likely")
                .with_description("Förväntas inträffa.", "Expected to happen."),
            ScaleStep::new("Mycket sannolik", "Very likely").with_description(
                "Inträffar återkommande eller har redan inträffat.",
                "Happens repeatedly or has already happened.",
            ),
        ]),
        consequence: Scale::new(vec![
            ScaleStep::new("Begränsad", "Limited").with_description(
                "Lindrig, kortvarig påverkan som verksamheten själv hanterar.",
                "Minor, short-lived impact the unit handles itself.",
            ),
            ScaleStep::new("Måttlig", "Moderate").with_description(
                "Märkbar påverkan på verksamhet, ekonomi eller enskilda.",
                "Noticeable impact on operations, finances or individuals.",
            ),
            ScaleStep::new("Allvarlig", "Serious").with_description(
                "Allvarlig skada för verksamheten eller enskilda, svår att återställa.",
                "Serious harm to operations or individuals, hard to restore.",
            ),
            ScaleStep::new("Mycket allvarlig", "Very serious").with_description(
                "Mycket allvarlig skada, t.ex. för liv och hälsa eller samhällsviktig verksamhet.",
                "Very serious harm, e.g. to life and health or to critical services.",
            ),
        ]),
        levels: four_levels(),
        rule: LevelRule::Thresholds {
            lower_bounds: vec![4, 8, 12],
        },
    })
}

/// An ISO/IEC 27005 style 5×5 matrix: very low … very high on both axes, levels by an
/// explicit grid.
///
/// The grid follows the sum p + c, as in the example matrices of ISO/IEC 27005 where the
/// scales are read as logarithmic: 2–4 low, 5–6 medium, 7–8 high, 9–10 very high.
///
/// | p \ c | 1 | 2 | 3 | 4 | 5 |
/// |---|---|---|---|---|---|
/// | 5 | medium | high | high | very high | very high |
/// | 4 | medium | medium | high | high | very high |
/// | 3 | low | medium | medium | high | high |
/// | 2 | low | low | medium | medium | high |
/// | 1 | low | low | low | medium | medium |
///
/// ```
/// use lantero_core::risk::presets;
///
/// let m = presets::iso27005_5x5();
/// assert_eq!(m.level(m.score(5, 5)?.level).map(|l| l.label.en.as_str()), Some("Very high"));
/// assert_eq!(m.score(1, 4)?.level, 1);
/// # Ok::<(), lantero_core::Error>(())
/// ```
pub fn iso27005_5x5() -> RiskMatrix {
    let five = || {
        Scale::new(vec![
            ScaleStep::new("Mycket låg", "Very low"),
            ScaleStep::new("Låg", "Low"),
            ScaleStep::new("Medel", "Medium"),
            ScaleStep::new("Hög", "High"),
            ScaleStep::new("Mycket hög", "Very high"),
        ])
    };
    RiskMatrix::assemble(RiskMatrixDefinition {
        id: ISO27005_5X5_ID.into(),
        name: Label::new(
            "Riskmatris 5×5 (ISO/IEC 27005)",
            "Risk matrix 5×5 (ISO/IEC 27005)",
        ),
        probability: five(),
        consequence: five(),
        levels: four_levels(),
        rule: LevelRule::Grid {
            rows: vec![
                vec![0, 0, 0, 1, 1],
                vec![0, 0, 1, 1, 2],
                vec![0, 1, 1, 2, 2],
                vec![1, 1, 2, 2, 3],
                vec![1, 2, 2, 3, 3],
            ],
        },
    })
}

fn four_levels() -> Vec<RiskLevel> {
    vec![
        RiskLevel::new(0, Label::new("Låg", "Low")),
        RiskLevel::new(1, Label::new("Medel", "Medium")),
        RiskLevel::new(2, Label::new("Hög", "High")),
        RiskLevel::new(3, Label::new("Mycket hög", "Very high")),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presets_pass_the_checks_they_skip() {
        for preset in [municipal_4x4(), iso27005_5x5()] {
            let checked = RiskMatrix::new(preset.definition().clone());
            assert_eq!(checked.as_ref(), Ok(&preset), "{}", preset.id());
        }
    }

    #[test]
    fn iso_grid_follows_the_sum() {
        let m = iso27005_5x5();
        for p in 1..=5 {
            for c in 1..=5 {
                let expected = match p + c {
                    2..=4 => 0,
                    5..=6 => 1,
                    7..=8 => 2,
                    _ => 3,
                };
                assert_eq!(m.score(p, c).map(|s| s.level), Ok(expected), "p {p} c {c}");
            }
        }
    }

    #[test]
    fn municipal_levels_follow_the_documented_bands() {
        let m = municipal_4x4();
        for p in 1..=4 {
            for c in 1..=4 {
                let expected = match p * c {
                    1..=3 => 0,
                    4..=6 => 1,
                    8..=9 => 2,
                    _ => 3,
                };
                assert_eq!(m.score(p, c).map(|s| s.level), Ok(expected), "p {p} c {c}");
            }
        }
    }
}
