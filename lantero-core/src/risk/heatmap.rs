//! Counting risks per matrix cell and per level.

use serde::{Deserialize, Serialize};

use super::{Axis, Risk, RiskMatrix, RiskScore};
use crate::{Error, Result};

/// Counts of scored risks per (probability, consequence) cell and per level — the numbers
/// behind a coloured heat map.
///
/// ```
/// use lantero_core::risk::{presets, HeatMap};
///
/// let matrix = presets::municipal_4x4();
/// let mut map = HeatMap::new(&matrix);
/// for (p, c) in [(1, 1), (4, 4), (4, 4)] {
///     map.record(matrix.score(p, c)?)?;
/// }
/// assert_eq!(map.count(4, 4), 2);
/// assert_eq!(map.level_counts(), &[1, 0, 0, 2]);
/// assert_eq!(map.total(), 3);
/// # Ok::<(), lantero_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct HeatMap {
    probability_steps: u32,
    consequence_steps: u32,
    /// Row-major by probability.
    cells: Vec<u64>,
    /// Indexed by level ordinal.
    level_counts: Vec<u64>,
}

impl HeatMap {
    /// An empty heat map shaped like `matrix`.
    pub fn new(matrix: &RiskMatrix) -> Self {
        let probability_steps = matrix.probability().max();
        let consequence_steps = matrix.consequence().max();
        Self {
            probability_steps,
            consequence_steps,
            cells: vec![0; (probability_steps * consequence_steps) as usize],
            level_counts: vec![0; matrix.levels().len()],
        }
    }

    /// The heat map of the current estimates of `risks`.
    ///
    /// # Errors
    /// [`Error::OutOfScale`] if an estimate is off the matrix.
    pub fn of_risks(matrix: &RiskMatrix, risks: &[Risk]) -> Result<Self> {
        let mut map = Self::new(matrix);
        for risk in risks {
            map.record(risk.current_score(matrix)?)?;
        }
        Ok(map)
    }

    /// Counts one score.
    ///
    /// # Errors
    /// [`Error::OutOfScale`] or [`Error::InvalidValue`] if the score does not fit this map,
    /// i.e. it was made on a different matrix.
    #[inline]
    pub fn record(&mut self, score: RiskScore) -> Result<()> {
        let cell = self.cell_index(score.probability, score.consequence)?;
        let Some(level) = self.level_counts.get_mut(usize::from(score.level)) else {
            return Err(Error::InvalidValue {
                field: "risk level",
                value: score.level.to_string(),
                reason: "the heat map's matrix has no such level".into(),
            });
        };
        *level += 1;
        if let Some(count) = self.cells.get_mut(cell) {
            *count += 1;
        }
        Ok(())
    }

    /// The number of risks counted in cell (probability, consequence); 0 off the matrix.
    pub fn count(&self, probability: u32, consequence: u32) -> u64 {
        self.cell_index(probability, consequence)
            .ok()
            .and_then(|i| self.cells.get(i).copied())
            .unwrap_or(0)
    }

    /// The number of risks per level, indexed by level ordinal.
    pub fn level_counts(&self) -> &[u64] {
        &self.level_counts
    }

    /// The counts as rows, one per probability step (lowest first), each with one count per
    /// consequence step.
    pub fn rows(&self) -> impl Iterator<Item = &[u64]> {
        self.cells.chunks(self.consequence_steps.max(1) as usize)
    }

    /// The number of risks counted.
    pub fn total(&self) -> u64 {
        self.level_counts.iter().sum()
    }

    #[inline]
    fn cell_index(&self, probability: u32, consequence: u32) -> Result<usize> {
        for (axis, value, max) in [
            (Axis::Probability, probability, self.probability_steps),
            (Axis::Consequence, consequence, self.consequence_steps),
        ] {
            if !(1..=max).contains(&value) {
                return Err(Error::OutOfScale {
                    what: axis.name(),
                    value,
                    max,
                });
            }
        }
        Ok(((probability - 1) * self.consequence_steps + (consequence - 1)) as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::risk::{Estimate, Treatment, presets};

    #[test]
    fn rows_follow_probability() {
        let matrix = presets::municipal_4x4();
        let risks: Vec<Risk> = [(1, 2), (1, 2), (4, 1)]
            .into_iter()
            .map(|(p, c)| {
                Risk::new(
                    "r",
                    "o",
                    Estimate::new(p, c),
                    Estimate::new(1, 1),
                    Treatment::Accept,
                )
            })
            .collect();
        let map = HeatMap::of_risks(&matrix, &risks).unwrap();
        let rows: Vec<Vec<u64>> = map.rows().map(<[u64]>::to_vec).collect();
        assert_eq!(rows, [[0, 2, 0, 0], [0; 4], [0; 4], [1, 0, 0, 0]]);
        assert_eq!(map.level_counts().iter().sum::<u64>(), 3);
    }

    #[test]
    fn score_from_a_larger_matrix_is_rejected() {
        let small = presets::municipal_4x4();
        let large = presets::iso27005_5x5();
        let mut map = HeatMap::new(&small);
        let score = large.score(5, 1).unwrap();
        assert!(matches!(
            map.record(score),
            Err(Error::OutOfScale {
                what: "probability",
                value: 5,
                max: 4
            })
        ));
        assert_eq!(map.total(), 0);
        assert_eq!(map.count(5, 1), 0);
    }
}
