//! Maturity scales: how established a practice is in an area.

use serde::{Deserialize, Serialize};

/// One step of a [`MaturityScale`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MaturityLevel {
    /// The value recorded in assessments.
    pub level: u8,
    /// Short label, e.g. `"Etablerad"`.
    pub label: String,
    /// What the level means in practice.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
}

/// A maturity scale: consecutive levels from a lowest to a highest value.
///
/// The default scale runs 0–4, after the usual capability-maturity steps, with Swedish labels
/// chosen so that a self-assessment (självskattning) reads naturally to a coordinator:
/// 0 *Saknas*, 1 *Initierad*, 2 *Definierad*, 3 *Etablerad*, 4 *Förbättras*. A framework may
/// ship its own scale.
///
/// ```
/// use lantero_core::framework::MaturityScale;
///
/// let scale = MaturityScale::default();
/// assert_eq!(scale.get(3).map(|l| l.label.as_str()), Some("Etablerad"));
/// assert_eq!(scale.normalized(2), Some(0.5));
/// assert_eq!(scale.normalized(5), None);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MaturityScale {
    /// The levels, lowest first.
    pub levels: Vec<MaturityLevel>,
}

impl Default for MaturityScale {
    fn default() -> Self {
        let level = |level: u8, label: &str, description: &str| MaturityLevel {
            level,
            label: label.to_owned(),
            description: description.to_owned(),
        };
        Self {
            levels: vec![
                level(0, "Saknas", "Arbetet görs inte."),
                level(
                    1,
                    "Initierad",
                    "Enstaka insatser, beroende av enskilda personer och inte dokumenterade.",
                ),
                level(
                    2,
                    "Definierad",
                    "Rutin är beslutad och dokumenterad men tillämpas inte fullt ut.",
                ),
                level(
                    3,
                    "Etablerad",
                    "Rutinen tillämpas i hela verksamheten och följs upp.",
                ),
                level(
                    4,
                    "Förbättras",
                    "Rutinen utvärderas regelbundet och förbättras utifrån uppföljningen.",
                ),
            ],
        }
    }
}

impl MaturityScale {
    /// The level with value `level`, if it is on the scale.
    pub fn get(&self, level: u8) -> Option<&MaturityLevel> {
        self.levels.iter().find(|l| l.level == level)
    }

    /// The lowest value on the scale.
    pub fn min(&self) -> Option<u8> {
        self.levels.first().map(|l| l.level)
    }

    /// The highest value on the scale.
    pub fn max(&self) -> Option<u8> {
        self.levels.last().map(|l| l.level)
    }

    /// `level` mapped to 0.0 (lowest) ..= 1.0 (highest); `None` if it is not on the scale.
    pub fn normalized(&self, level: u8) -> Option<f64> {
        let (min, max) = (self.min()?, self.max()?);
        self.get(level)?;
        if max == min {
            return None;
        }
        Some(f64::from(level - min) / f64::from(max - min))
    }

    /// Why the scale is unusable, if it is: fewer than two levels, values not consecutive
    /// and rising, or an empty label.
    pub(crate) fn problem(&self) -> Option<String> {
        if self.levels.len() < 2 {
            return Some("a maturity scale needs at least two levels".into());
        }
        for pair in self.levels.windows(2) {
            if pair[0].level.checked_add(1) != Some(pair[1].level) {
                return Some(format!(
                    "maturity levels must rise by one: {} is followed by {}",
                    pair[0].level, pair[1].level
                ));
            }
        }
        self.levels
            .iter()
            .find(|l| l.label.trim().is_empty())
            .map(|l| format!("maturity level {} has an empty label", l.level))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_scale_is_valid_and_runs_zero_to_four() {
        let scale = MaturityScale::default();
        assert_eq!(scale.problem(), None);
        assert_eq!((scale.min(), scale.max()), (Some(0), Some(4)));
        assert_eq!(scale.normalized(0), Some(0.0));
        assert_eq!(scale.normalized(4), Some(1.0));
    }

    #[test]
    fn gaps_and_single_levels_are_problems() {
        let mut scale = MaturityScale::default();
        scale.levels.remove(2);
        assert!(scale.problem().unwrap().contains("1 is followed by 3"));
        scale.levels.truncate(1);
        assert!(scale.problem().is_some());
    }
}
