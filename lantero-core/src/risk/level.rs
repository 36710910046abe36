//! Risk levels and the rule that maps a matrix cell to a level.

use serde::{Deserialize, Serialize};

use super::Label;

/// The fewest levels a matrix may have.
pub const MIN_LEVELS: usize = 2;
/// The most levels a matrix may have; more than this cannot be told apart on a heat map.
pub const MAX_LEVELS: usize = 8;

/// A risk level such as "hög / high".
///
/// ```
/// use lantero_core::risk::{Label, RiskLevel};
///
/// let high = RiskLevel::new(2, Label::new("Hög", "High"));
/// assert_eq!(high.ordinal, 2);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct RiskLevel {
    /// Rank of the level, 0 for the lowest; equals its position in the matrix's level list.
    pub ordinal: u8,
    /// The level's name in both languages.
    pub label: Label,
}

impl RiskLevel {
    /// A level with the given rank and label.
    pub fn new(ordinal: u8, label: Label) -> Self {
        Self { ordinal, label }
    }
}

/// How a matrix cell (probability, consequence) gets its level.
///
/// ```
/// use lantero_core::risk::LevelRule;
///
/// // Values 1–3 low, 4–7 medium, 8 and above high.
/// let rule = LevelRule::Thresholds { lower_bounds: vec![4, 8] };
/// # let _ = rule;
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum LevelRule {
    /// By the risk value p × c: `lower_bounds[i]` is the smallest value at level `i + 1`;
    /// values below `lower_bounds[0]` are at level 0. Strictly ascending, one per level
    /// above the lowest.
    Thresholds {
        /// Smallest value of each level above the lowest.
        lower_bounds: Vec<u32>,
    },
    /// An explicit grid: `rows[p - 1][c - 1]` is the level ordinal of probability `p` and
    /// consequence `c`. It must not decrease when p or c grows.
    Grid {
        /// One row per probability step, one entry per consequence step.
        rows: Vec<Vec<u8>>,
    },
}

impl LevelRule {
    /// Why the rule does not fit a `p_max` × `c_max` matrix with `levels` levels, if it does
    /// not. Reachability of every level is checked separately on the finished table.
    pub(crate) fn problem(&self, levels: usize, p_max: u32, c_max: u32) -> Option<String> {
        match self {
            Self::Thresholds { lower_bounds } => {
                thresholds_problem(lower_bounds, levels, p_max * c_max)
            }
            Self::Grid { rows } => grid_problem(rows, levels, p_max, c_max),
        }
    }

    /// The level ordinal of every cell, row-major by probability. Assumes [`Self::problem`]
    /// found nothing; a grid too small for the scales yields level 0 in the missing cells
    /// instead of panicking.
    pub(crate) fn table(&self, p_max: u32, c_max: u32) -> Vec<u8> {
        let mut table = Vec::with_capacity((p_max * c_max) as usize);
        for p in 1..=p_max {
            for c in 1..=c_max {
                let level = match self {
                    Self::Thresholds { lower_bounds } => {
                        let above = lower_bounds.partition_point(|&bound| bound <= p * c);
                        u8::try_from(above).unwrap_or(u8::MAX)
                    }
                    Self::Grid { rows } => rows
                        .get((p - 1) as usize)
                        .and_then(|row| row.get((c - 1) as usize))
                        .copied()
                        .unwrap_or(0),
                };
                table.push(level);
            }
        }
        table
    }
}

/// Why a list of levels cannot be used: too few or too many, ordinals out of order, or a
/// label missing a language.
pub(crate) fn levels_problem(levels: &[RiskLevel]) -> Option<String> {
    if !(MIN_LEVELS..=MAX_LEVELS).contains(&levels.len()) {
        return Some(format!(
            "{} levels given; a matrix has {MIN_LEVELS} to {MAX_LEVELS}",
            levels.len()
        ));
    }
    for (i, level) in levels.iter().enumerate() {
        if usize::from(level.ordinal) != i {
            return Some(format!(
                "level {:?} has ordinal {} but is at position {i}; list levels lowest first with ordinals 0, 1, 2, …",
                level.label.en, level.ordinal
            ));
        }
        if level.label.is_incomplete() {
            return Some(format!("level {i} lacks a Swedish or English label"));
        }
    }
    None
}

fn thresholds_problem(bounds: &[u32], levels: usize, max_value: u32) -> Option<String> {
    if bounds.len() + 1 != levels {
        return Some(format!(
            "{} thresholds given for {levels} levels; give one per level above the lowest",
            bounds.len()
        ));
    }
    if bounds.first().is_some_and(|&first| first <= 1) {
        return Some("the first threshold must be above 1, or the lowest level is empty".into());
    }
    if let Some(pair) = bounds.windows(2).find(|pair| pair[0] >= pair[1]) {
        return Some(format!(
            "thresholds must be strictly ascending, but {} is followed by {}",
            pair[0], pair[1]
        ));
    }
    match bounds.last() {
        Some(&last) if last > max_value => Some(format!(
            "threshold {last} exceeds the largest risk value {max_value}"
        )),
        _ => None,
    }
}

fn grid_problem(rows: &[Vec<u8>], levels: usize, p_max: u32, c_max: u32) -> Option<String> {
    if rows.len() != p_max as usize {
        return Some(format!(
            "the grid has {} rows but the probability scale has {p_max} steps",
            rows.len()
        ));
    }
    for (p, row) in rows.iter().enumerate() {
        if row.len() != c_max as usize {
            return Some(format!(
                "grid row {} has {} cells but the consequence scale has {c_max} steps",
                p + 1,
                row.len()
            ));
        }
        for (c, &level) in row.iter().enumerate() {
            let at = format!("grid cell (probability {}, consequence {})", p + 1, c + 1);
            if usize::from(level) >= levels {
                return Some(format!(
                    "{at} has level {level} but only {levels} levels exist"
                ));
            }
            // A higher probability or consequence with a lower level would rank a worse
            // risk below a milder one.
            if c > 0 && row[c - 1] > level {
                return Some(format!("{at} is lower than the cell to its left"));
            }
            if p > 0 && rows[p - 1].get(c).is_some_and(|&below| below > level) {
                return Some(format!("{at} is lower than the cell for probability {p}"));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn thresholds(bounds: &[u32]) -> LevelRule {
        LevelRule::Thresholds {
            lower_bounds: bounds.to_vec(),
        }
    }

    #[test]
    fn thresholds_are_lower_bounds() {
        let table = thresholds(&[3, 6]).table(3, 3);
        // values: 1 2 3 / 2 4 6 / 3 6 9
        assert_eq!(table, vec![0, 0, 1, 0, 1, 2, 1, 2, 2]);
    }

    #[test]
    fn bad_thresholds_are_named() {
        let cases: [(&[u32], &str); 5] = [
            (&[4, 8], "2 thresholds given for 4 levels"),
            (&[1, 8, 12], "above 1"),
            (&[4, 4, 12], "4 is followed by 4"),
            (&[4, 9, 8], "9 is followed by 8"),
            (
                &[4, 8, 17],
                "threshold 17 exceeds the largest risk value 16",
            ),
        ];
        for (bounds, expected) in cases {
            let problem = thresholds(bounds).problem(4, 4, 4).unwrap();
            assert!(problem.contains(expected), "{bounds:?}: {problem}");
        }
        assert_eq!(thresholds(&[4, 8, 12]).problem(4, 4, 4), None);
    }

    #[test]
    fn bad_grids_are_named() {
        let grid = |rows: &[&[u8]]| LevelRule::Grid {
            rows: rows.iter().map(|r| r.to_vec()).collect(),
        };
        let cases: [(&[&[u8]], &str); 5] = [
            (
                &[&[0, 0, 1], &[0, 1, 1]],
                "2 rows but the probability scale has 3",
            ),
            (&[&[0, 0, 1], &[0, 1], &[1, 1, 1]], "row 2 has 2 cells"),
            (
                &[&[0, 0, 1], &[0, 1, 1], &[1, 1, 2]],
                "has level 2 but only 2 levels",
            ),
            (
                &[&[0, 1, 0], &[0, 1, 1], &[1, 1, 1]],
                "(probability 1, consequence 3) is lower than the cell to its left",
            ),
            (
                &[&[0, 0, 1], &[0, 1, 1], &[0, 0, 1]],
                "(probability 3, consequence 2) is lower than the cell for probability 2",
            ),
        ];
        for (rows, expected) in cases {
            let problem = grid(rows).problem(2, 3, 3).unwrap();
            assert!(problem.contains(expected), "{rows:?}: {problem}");
        }
        assert_eq!(
            grid(&[&[0, 0, 1], &[0, 1, 1], &[1, 1, 1]]).problem(2, 3, 3),
            None
        );
    }

    #[test]
    fn levels_must_be_listed_in_order() {
        let level = |o: u8, en: &str| RiskLevel::new(o, Label::new("sv", en));
        assert!(levels_problem(&[level(0, "Low")]).is_some_and(|p| p.contains("1 levels given")));
        assert!(
            levels_problem(&[level(0, "Low"), level(2, "High")])
                .is_some_and(|p| p.contains("ordinal 2"))
        );
        assert!(
            levels_problem(&[level(0, "Low"), level(1, " ")])
                .is_some_and(|p| p.contains("level 1 lacks"))
        );
        assert_eq!(levels_problem(&[level(0, "Low"), level(1, "High")]), None);
    }
}
