//! An asset's risks in a few numbers.

use serde::{Deserialize, Serialize};

use super::AssetRegister;
use crate::Result;
use crate::risk::{Risk, RiskMatrix, RiskScore, compare_priority};

/// The aggregated risk of one asset.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct RiskSummary {
    /// How many risks are recorded.
    pub risks: usize,
    /// The most urgent current score (highest level, then value, then consequence — the
    /// order of [`compare_priority`]); `None` when the asset has no risks.
    pub highest: Option<RiskScore>,
    /// The most urgent target score, by the same order.
    pub highest_target: Option<RiskScore>,
    /// The number of risks per current level, indexed by level ordinal.
    pub level_counts: Vec<u64>,
}

impl RiskSummary {
    /// Summarises `risks` scored on `matrix`.
    ///
    /// # Errors
    /// [`Error::OutOfScale`](crate::Error::OutOfScale) if an estimate is off the matrix.
    pub fn of(matrix: &RiskMatrix, risks: &[Risk]) -> Result<Self> {
        let mut summary = Self {
            risks: risks.len(),
            highest: None,
            highest_target: None,
            level_counts: vec![0; matrix.levels().len()],
        };
        let more_urgent = |best: Option<RiskScore>, score: RiskScore| match best {
            Some(best) if compare_priority(&best, &score).is_le() => Some(best),
            _ => Some(score),
        };
        for risk in risks {
            let current = risk.current_score(matrix)?;
            let target = risk.target_score(matrix)?;
            if let Some(count) = summary.level_counts.get_mut(usize::from(current.level)) {
                *count += 1;
            }
            summary.highest = more_urgent(summary.highest, current);
            summary.highest_target = more_urgent(summary.highest_target, target);
        }
        Ok(summary)
    }
}

impl AssetRegister {
    /// The aggregated risk of one asset.
    ///
    /// ```
    /// use lantero_core::assets::{Asset, AssetKind, AssetRegister};
    /// use lantero_core::risk::{presets, Estimate, Risk, Treatment};
    ///
    /// let mut register = AssetRegister::new(presets::municipal_4x4());
    /// register.add(Asset::new("epost", "E-post", AssetKind::Service)?)?;
    /// for (p, c) in [(2, 2), (3, 4), (4, 1)] {
    ///     let risk = Risk::new("…", "IT-chef", Estimate::new(p, c), Estimate::new(1, 1), Treatment::Reduce);
    ///     register.add_risk("epost", risk)?;
    /// }
    /// let summary = register.risk_summary("epost")?;
    /// assert_eq!(summary.risks, 3);
    /// assert_eq!(summary.highest.map(|s| s.value), Some(12));
    /// assert_eq!(summary.level_counts, [0, 2, 0, 1]);
    /// # Ok::<(), lantero_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::UnknownAsset`](crate::Error::UnknownAsset), or
    /// [`Error::OutOfScale`](crate::Error::OutOfScale) for a risk edited off the matrix.
    pub fn risk_summary(&self, id: &str) -> Result<RiskSummary> {
        let node = self.require(id)?;
        let risks = self
            .assets
            .get(node)
            .map_or(&[][..], |a| a.risks.as_slice());
        RiskSummary::of(&self.matrix, risks)
    }

    /// The aggregated risk of every asset, by position.
    ///
    /// # Errors
    /// [`Error::OutOfScale`](crate::Error::OutOfScale) for a risk edited off the matrix.
    pub fn risk_summaries(&self) -> Result<Vec<RiskSummary>> {
        self.assets
            .iter()
            .map(|asset| RiskSummary::of(&self.matrix, &asset.risks))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::risk::{Estimate, Treatment, presets};

    #[test]
    fn highest_prefers_level_over_value_and_first_among_equals() {
        let matrix = presets::iso27005_5x5();
        let risk = |p, c, tp, tc| {
            Risk::new(
                "r",
                "o",
                Estimate::new(p, c),
                Estimate::new(tp, tc),
                Treatment::Reduce,
            )
        };
        // (1,5) is medium with value 5, (2,2) low with value 4, (4,1) medium with value 4.
        let risks = [risk(2, 2, 1, 1), risk(4, 1, 2, 1), risk(1, 5, 1, 2)];
        let summary = RiskSummary::of(&matrix, &risks).unwrap();
        assert_eq!(summary.highest, matrix.score(1, 5).ok());
        assert_eq!(summary.highest_target, matrix.score(1, 2).ok());
        assert_eq!(summary.level_counts, [1, 2, 0, 0]);
        let empty = RiskSummary::of(&matrix, &[]).unwrap();
        assert_eq!((empty.risks, empty.highest), (0, None));
    }
}
