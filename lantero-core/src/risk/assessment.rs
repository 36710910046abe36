//! A risk as it is written in a risk assessment: now, after treatment, and who owns it.

use serde::{Deserialize, Serialize};

use super::{RiskMatrix, RiskScore, Treatment};
use crate::Result;

/// A (probability, consequence) estimate on some matrix's scales.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Estimate {
    /// Sannolikhet, 1-based step.
    pub probability: u32,
    /// Konsekvens, 1-based step.
    pub consequence: u32,
}

impl Estimate {
    /// An estimate of probability `p` and consequence `c`.
    pub fn new(probability: u32, consequence: u32) -> Self {
        Self {
            probability,
            consequence,
        }
    }

    /// Scores the estimate on `matrix`.
    ///
    /// # Errors
    /// [`Error::OutOfScale`](crate::Error::OutOfScale) when a value is off the matrix's scales.
    pub fn score(self, matrix: &RiskMatrix) -> Result<RiskScore> {
        matrix.score(self.probability, self.consequence)
    }
}

/// One identified risk: the current estimate, the target (residual) estimate once the
/// treatment is in place, the treatment and the person who answers for it.
///
/// ```
/// use lantero_core::risk::{presets, Estimate, Risk, Treatment};
///
/// let matrix = presets::municipal_4x4();
/// let risk = Risk::new(
///     "Förlorad mobiltelefon med e-post",
///     "IT-chef",
///     Estimate::new(3, 3),
///     Estimate::new(3, 1),
///     Treatment::Reduce,
/// )
/// .with_notes("Inför fjärrlåsning");
/// assert_eq!(risk.current_score(&matrix)?.value, 9);
/// assert_eq!(risk.target_score(&matrix)?.value, 3);
/// # Ok::<(), lantero_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Risk {
    /// What could happen.
    pub description: String,
    /// The estimate today.
    pub current: Estimate,
    /// The estimate once the treatment is in place (residual risk).
    pub target: Estimate,
    /// The chosen treatment.
    pub treatment: Treatment,
    /// Riskägare: the person or role that answers for the risk.
    pub owner: String,
    /// Free-text notes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

impl Risk {
    /// A risk without notes.
    pub fn new(
        description: impl Into<String>,
        owner: impl Into<String>,
        current: Estimate,
        target: Estimate,
        treatment: Treatment,
    ) -> Self {
        Self {
            description: description.into(),
            current,
            target,
            treatment,
            owner: owner.into(),
            notes: None,
        }
    }

    /// The same risk with notes.
    pub fn with_notes(mut self, notes: impl Into<String>) -> Self {
        self.notes = Some(notes.into());
        self
    }

    /// The current estimate scored on `matrix`.
    ///
    /// # Errors
    /// [`Error::OutOfScale`](crate::Error::OutOfScale) when the estimate is off the scales.
    pub fn current_score(&self, matrix: &RiskMatrix) -> Result<RiskScore> {
        self.current.score(matrix)
    }

    /// The target estimate scored on `matrix`.
    ///
    /// # Errors
    /// [`Error::OutOfScale`](crate::Error::OutOfScale) when the estimate is off the scales.
    pub fn target_score(&self, matrix: &RiskMatrix) -> Result<RiskScore> {
        self.target.score(matrix)
    }

    /// Checks that both estimates lie on `matrix`'s scales.
    ///
    /// # Errors
    /// [`Error::OutOfScale`](crate::Error::OutOfScale) for the first value off its scale.
    pub fn check(&self, matrix: &RiskMatrix) -> Result<()> {
        self.current_score(matrix)?;
        self.target_score(matrix)?;
        Ok(())
    }
}
