//! Risk scoring on a probability × consequence matrix (`lantero_core::risk`).

use std::sync::Arc;

use lantero_core::Error as CoreError;
use lantero_core::risk::{self as core_risk, Estimate, Risk, RiskScore, Treatment, presets};

use crate::guard::{FromPanic, guard};

/// Why a risk could not be scored or a matrix not read; the message names the input.
#[derive(Debug, thiserror::Error, uniffi::Error)]
#[uniffi(flat_error)]
pub enum RiskError {
    /// A probability or consequence lies outside the matrix's scale.
    #[error("{0}")]
    OutOfScale(String),
    /// A matrix definition is inconsistent.
    #[error("{0}")]
    InvalidMatrix(String),
    /// A matrix in JSON could not be read.
    #[error("{0}")]
    Json(String),
    /// A field holds a value that is not allowed.
    #[error("{0}")]
    InvalidValue(String),
    /// A bug in Lantero (a caught panic or an unexpected error).
    #[error("{0}")]
    Internal(String),
}

impl FromPanic for RiskError {
    fn from_panic(message: String) -> Self {
        Self::Internal(message)
    }
}

impl From<CoreError> for RiskError {
    fn from(err: CoreError) -> Self {
        let message = err.to_string();
        match err {
            CoreError::OutOfScale { .. } => Self::OutOfScale(message),
            CoreError::InvalidMatrix { .. } => Self::InvalidMatrix(message),
            CoreError::Json { .. } => Self::Json(message),
            CoreError::InvalidValue { .. } => Self::InvalidValue(message),
            _ => Self::Internal(message),
        }
    }
}

/// How a risk is treated.
#[uniffi::remote(Enum)]
pub enum Treatment {
    /// Reducera: measures that lower probability or consequence.
    Reduce,
    /// Acceptera: keep the risk as it is, as a recorded decision.
    Accept,
    /// Undvika: stop the activity that causes the risk.
    Avoid,
    /// Överföra: move the risk to someone else (insurance, contract).
    Transfer,
}

/// A probability and a consequence, both 1-based steps on the matrix's scales.
#[uniffi::remote(Record)]
pub struct Estimate {
    /// Sannolikhet, 1-based.
    pub probability: u32,
    /// Konsekvens, 1-based.
    pub consequence: u32,
}

/// The value and level of one (probability, consequence) pair.
#[uniffi::remote(Record)]
pub struct RiskScore {
    /// The probability step.
    pub probability: u32,
    /// The consequence step.
    pub consequence: u32,
    /// Risk value: probability × consequence.
    pub value: u32,
    /// Ordinal of the risk level; `RiskMatrix.level` gives its labels.
    pub level: u8,
}

/// A risk with its current and target estimate.
#[uniffi::remote(Record)]
pub struct Risk {
    /// What could happen.
    pub description: String,
    /// The estimate as things are.
    pub current: Estimate,
    /// The estimate once the treatment is in place.
    pub target: Estimate,
    /// How the risk is treated.
    pub treatment: Treatment,
    /// Who owns the risk.
    pub owner: String,
    /// Free notes.
    pub notes: Option<String>,
}

/// A risk level of a matrix with its Swedish and English label.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct RiskLevel {
    /// 0 for the lowest level.
    pub ordinal: u8,
    /// Swedish label, e.g. `Mycket hög`.
    pub label_sv: String,
    /// English label, e.g. `Very high`.
    pub label_en: String,
}

impl From<&core_risk::RiskLevel> for RiskLevel {
    fn from(level: &core_risk::RiskLevel) -> Self {
        Self {
            ordinal: level.ordinal,
            label_sv: level.label.sv.clone(),
            label_en: level.label.en.clone(),
        }
    }
}

/// A risk's place in a prioritised list, with both its scores.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct RankedRisk {
    /// Position of the risk in the list that was prioritised.
    pub index: u64,
    /// Score of the current estimate.
    pub current: RiskScore,
    /// Score of the target estimate.
    pub target: RiskScore,
}

/// A checked risk matrix (3×3 up to 6×6) that scores (probability, consequence) pairs.
#[derive(Debug, uniffi::Object)]
pub struct RiskMatrix {
    pub(crate) inner: core_risk::RiskMatrix,
}

#[uniffi::export]
impl RiskMatrix {
    /// The 4×4 matrix common in Swedish municipal risk work (`sv-kommun-4x4`).
    #[uniffi::constructor]
    pub fn municipal_4x4() -> Result<Arc<Self>, RiskError> {
        guard(|| Ok(Self::wrap(presets::municipal_4x4())))
    }

    /// An ISO/IEC 27005 style 5×5 matrix (`iso27005-5x5`).
    #[uniffi::constructor]
    pub fn iso27005() -> Result<Arc<Self>, RiskError> {
        guard(|| Ok(Self::wrap(presets::iso27005_5x5())))
    }

    /// Reads and checks a matrix written by `to_json` (schema `lantero.risk-matrix/v1`).
    #[uniffi::constructor]
    pub fn from_json(json: String) -> Result<Arc<Self>, RiskError> {
        guard(|| Ok(Self::wrap(core_risk::RiskMatrix::from_json(&json)?)))
    }

    /// The matrix's stable id, e.g. `sv-kommun-4x4`.
    pub fn id(&self) -> Result<String, RiskError> {
        guard(|| Ok(self.inner.id().to_owned()))
    }

    /// The matrix as JSON.
    pub fn to_json(&self) -> Result<String, RiskError> {
        guard(|| Ok(self.inner.to_json()?))
    }

    /// Scores a pair; `OutOfScale` when a step lies outside its scale.
    pub fn score(&self, probability: u32, consequence: u32) -> Result<RiskScore, RiskError> {
        guard(|| Ok(self.inner.score(probability, consequence)?))
    }

    /// The levels, lowest first.
    pub fn levels(&self) -> Result<Vec<RiskLevel>, RiskError> {
        guard(|| Ok(self.inner.levels().iter().map(RiskLevel::from).collect()))
    }

    /// The level with this ordinal, if the matrix has it.
    pub fn level(&self, ordinal: u8) -> Result<Option<RiskLevel>, RiskError> {
        guard(|| Ok(self.inner.level(ordinal).map(RiskLevel::from)))
    }

    /// The number of probability steps.
    pub fn probability_steps(&self) -> Result<u32, RiskError> {
        guard(|| Ok(self.inner.probability().max()))
    }

    /// The number of consequence steps.
    pub fn consequence_steps(&self) -> Result<u32, RiskError> {
        guard(|| Ok(self.inner.consequence().max()))
    }

    /// Sorts risks by priority (highest current level and value first) and scores both
    /// estimates; `index` points into `risks`.
    pub fn prioritise(&self, risks: Vec<Risk>) -> Result<Vec<RankedRisk>, RiskError> {
        guard(|| {
            Ok(core_risk::prioritise(&self.inner, &risks)?
                .into_iter()
                .map(|r| RankedRisk {
                    index: r.index as u64,
                    current: r.current,
                    target: r.target,
                })
                .collect())
        })
    }
}

impl RiskMatrix {
    fn wrap(inner: core_risk::RiskMatrix) -> Arc<Self> {
        Arc::new(Self { inner })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_and_rejects_out_of_scale_steps() {
        let matrix = RiskMatrix::municipal_4x4().unwrap();
        let score = matrix.score(3, 4).unwrap();
        assert_eq!((score.value, score.level), (12, 3));
        let top = matrix.level(score.level).unwrap().unwrap();
        assert_eq!(top.label_sv, "Mycket hög");
        let err = matrix.score(5, 1).unwrap_err();
        assert!(
            matches!(&err, RiskError::OutOfScale(m) if m.contains('5')),
            "{err:?}"
        );
    }

    #[test]
    fn json_round_trips_and_garbage_is_a_json_error() {
        let matrix = RiskMatrix::iso27005().unwrap();
        let again = RiskMatrix::from_json(matrix.to_json().unwrap()).unwrap();
        assert_eq!(again.inner, matrix.inner);
        assert!(matches!(
            RiskMatrix::from_json("{".into()),
            Err(RiskError::Json(_))
        ));
    }
}
