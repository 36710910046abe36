//! Prioritising risks: which to act on first.

use std::cmp::Ordering;

use serde::{Deserialize, Serialize};

use super::{Risk, RiskMatrix, RiskScore};
use crate::Result;

/// A risk's place in a prioritised list, with both its scores.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct RankedRisk {
    /// Position of the risk in the list that was prioritised.
    pub index: usize,
    /// Score of the current estimate.
    pub current: RiskScore,
    /// Score of the target estimate.
    pub target: RiskScore,
}

/// Orders two scores by priority: `Less` means `a` comes first.
///
/// Higher level first, then higher value, then higher consequence — at equal value a
/// severe, unlikely event is ranked above a mild, likely one, because its damage is the
/// harder to recover from. Scores equal in all three compare `Equal`.
pub fn compare_priority(a: &RiskScore, b: &RiskScore) -> Ordering {
    b.level
        .cmp(&a.level)
        .then(b.value.cmp(&a.value))
        .then(b.consequence.cmp(&a.consequence))
}

/// Sorts risks by their current score, most urgent first, by [`compare_priority`]; risks
/// that tie keep their input order (the sort is stable).
///
/// ```
/// use lantero_core::risk::{presets, prioritise, Estimate, Risk, Treatment};
///
/// let matrix = presets::municipal_4x4();
/// let risk = |text: &str, p, c| Risk::new(text, "Säkerhetschef", Estimate::new(p, c), Estimate::new(1, 1), Treatment::Reduce);
/// let risks = [risk("Nätfiske", 2, 2), risk("Brand", 1, 4), risk("Ransomware", 3, 4)];
/// let ranked = prioritise(&matrix, &risks)?;
/// let order: Vec<usize> = ranked.iter().map(|r| r.index).collect();
/// assert_eq!(order, [2, 1, 0]); // 12; then 4 with consequence 4 before 4 with consequence 2
/// # Ok::<(), lantero_core::Error>(())
/// ```
///
/// # Errors
/// [`Error::OutOfScale`](crate::Error::OutOfScale) if any estimate is off the matrix.
pub fn prioritise(matrix: &RiskMatrix, risks: &[Risk]) -> Result<Vec<RankedRisk>> {
    let mut ranked = risks
        .iter()
        .enumerate()
        .map(|(index, risk)| {
            Ok(RankedRisk {
                index,
                current: risk.current_score(matrix)?,
                target: risk.target_score(matrix)?,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    ranked.sort_by(|a, b| compare_priority(&a.current, &b.current));
    Ok(ranked)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Error;
    use crate::risk::{Estimate, Treatment, presets};

    fn risk(p: u32, c: u32) -> Risk {
        Risk::new(
            "r",
            "o",
            Estimate::new(p, c),
            Estimate::new(p, c),
            Treatment::Accept,
        )
    }

    #[test]
    fn ties_keep_input_order() {
        let matrix = presets::iso27005_5x5();
        let risks = [risk(2, 3), risk(1, 1), risk(2, 3), risk(5, 5), risk(2, 3)];
        let order: Vec<usize> = prioritise(&matrix, &risks)
            .unwrap()
            .iter()
            .map(|r| r.index)
            .collect();
        assert_eq!(order, [3, 0, 2, 4, 1]);
    }

    #[test]
    fn level_outranks_value() {
        // On the 5×5 grid (p 1, c 5) is medium with value 5 and (p 2, c 2) is low with 4;
        // a threshold matrix could never show level and value disagreeing, so use the grid.
        let matrix = presets::iso27005_5x5();
        let a = matrix.score(1, 5).unwrap();
        let b = matrix.score(2, 2).unwrap();
        assert!(a.level > b.level);
        assert_eq!(compare_priority(&a, &b), Ordering::Less);
    }

    #[test]
    fn target_off_scale_is_an_error() {
        let matrix = presets::municipal_4x4();
        let mut bad = risk(1, 1);
        bad.target = Estimate::new(1, 5);
        assert!(matches!(
            prioritise(&matrix, &[risk(2, 2), bad]),
            Err(Error::OutOfScale {
                what: "consequence",
                value: 5,
                max: 4
            })
        ));
    }
}
