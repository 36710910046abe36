//! The risk matrix: two scales, a set of levels and the rule that joins them.

use serde::{Deserialize, Serialize};

use super::level::levels_problem;
use super::{Axis, Label, LevelRule, RiskLevel, Scale};
use crate::{Error, Result};

/// The `schema` string of a risk matrix in JSON.
pub const MATRIX_SCHEMA: &str = "lantero.risk-matrix/v1";

/// Everything that defines a matrix, as an organisation writes it down.
///
/// [`RiskMatrix::new`] checks it; the fields are public so that a definition can be built
/// from a form or a file and corrected before it is checked.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct RiskMatrixDefinition {
    /// Stable identifier, e.g. `"sv-kommun-4x4"`.
    pub id: String,
    /// Name shown to people.
    pub name: Label,
    /// Sannolikhet, lowest first.
    pub probability: Scale,
    /// Konsekvens, lowest first.
    pub consequence: Scale,
    /// Risk levels, lowest first, with ordinals 0, 1, 2, ….
    pub levels: Vec<RiskLevel>,
    /// How a cell gets its level.
    pub rule: LevelRule,
}

/// The value and level of one (probability, consequence) pair on a matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct RiskScore {
    /// The probability step, 1-based.
    pub probability: u32,
    /// The consequence step, 1-based.
    pub consequence: u32,
    /// Risk value: probability × consequence.
    pub value: u32,
    /// Ordinal of the risk level; see [`RiskMatrix::level`] for its labels.
    pub level: u8,
}

/// A checked risk matrix, 3×3 up to 6×6 (not necessarily square), that scores
/// (probability, consequence) pairs.
///
/// The level of every cell is computed once when the matrix is built, so scoring is a range
/// check and a table look-up.
///
/// ```
/// use lantero_core::risk::presets;
///
/// let matrix = presets::municipal_4x4();
/// let score = matrix.score(3, 4)?;
/// assert_eq!(score.value, 12);
/// assert_eq!(matrix.level(score.level).map(|l| l.label.sv.as_str()), Some("Mycket hög"));
/// assert!(matrix.score(5, 1).is_err());
///
/// let json = matrix.to_json()?;
/// assert!(json.contains("lantero.risk-matrix/v1"));
/// assert_eq!(lantero_core::risk::RiskMatrix::from_json(&json)?, matrix);
/// # Ok::<(), lantero_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "MatrixDocument", into = "MatrixDocument")]
pub struct RiskMatrix {
    definition: RiskMatrixDefinition,
    /// Level ordinal per cell, row-major by probability.
    cells: Vec<u8>,
}

/// The JSON shape: the definition plus its schema version.
#[derive(Serialize, Deserialize)]
struct MatrixDocument {
    schema: String,
    #[serde(flatten)]
    definition: RiskMatrixDefinition,
}

impl RiskMatrix {
    /// Checks a definition and builds the matrix.
    ///
    /// # Errors
    /// [`Error::InvalidMatrix`] when a scale has fewer than 3 or more than 6 steps, a label
    /// lacks a language, the levels are not 2–8 listed lowest first, thresholds are not
    /// ascending or out of range, a grid does not match the scales or decreases, or a level
    /// is never reached by any cell.
    pub fn new(definition: RiskMatrixDefinition) -> Result<Self> {
        let problem = definition
            .probability
            .problem(Axis::Probability)
            .or_else(|| definition.consequence.problem(Axis::Consequence))
            .or_else(|| levels_problem(&definition.levels))
            .or_else(|| {
                definition.rule.problem(
                    definition.levels.len(),
                    definition.probability.max(),
                    definition.consequence.max(),
                )
            })
            .or_else(|| (definition.id.trim().is_empty()).then(|| "the id is empty".to_owned()));
        if let Some(reason) = problem {
            return Err(invalid(&definition, reason));
        }
        let matrix = Self::assemble(definition);
        if let Some(unused) = matrix
            .levels()
            .iter()
            .find(|level| !matrix.cells.contains(&level.ordinal))
        {
            let reason = format!("level {:?} is not reached by any cell", unused.label.en);
            return Err(invalid(&matrix.definition, reason));
        }
        Ok(matrix)
    }

    /// Builds the cell table without checking; for the presets, whose definitions are
    /// checked by their tests.
    pub(crate) fn assemble(definition: RiskMatrixDefinition) -> Self {
        let cells = definition
            .rule
            .table(definition.probability.max(), definition.consequence.max());
        Self { definition, cells }
    }

    /// Scores a (probability, consequence) pair.
    ///
    /// # Errors
    /// [`Error::OutOfScale`] when either value is 0 or above its scale's largest step.
    #[inline] // the hot path of bulk scoring, called from other crates
    pub fn score(&self, probability: u32, consequence: u32) -> Result<RiskScore> {
        let p_max = self.definition.probability.max();
        let c_max = self.definition.consequence.max();
        check_on_scale(Axis::Probability, probability, p_max)?;
        check_on_scale(Axis::Consequence, consequence, c_max)?;
        let cell = ((probability - 1) * c_max + (consequence - 1)) as usize;
        Ok(RiskScore {
            probability,
            consequence,
            value: probability * consequence,
            level: self.cells.get(cell).copied().unwrap_or(0),
        })
    }

    /// The level with the given ordinal, if the matrix has it.
    pub fn level(&self, ordinal: u8) -> Option<&RiskLevel> {
        self.definition.levels.get(usize::from(ordinal))
    }

    /// All levels, lowest first.
    pub fn levels(&self) -> &[RiskLevel] {
        &self.definition.levels
    }

    /// The probability scale.
    #[inline]
    pub fn probability(&self) -> &Scale {
        &self.definition.probability
    }

    /// The consequence scale.
    #[inline]
    pub fn consequence(&self) -> &Scale {
        &self.definition.consequence
    }

    /// The matrix id.
    pub fn id(&self) -> &str {
        &self.definition.id
    }

    /// The matrix name.
    pub fn name(&self) -> &Label {
        &self.definition.name
    }

    /// The checked definition.
    pub fn definition(&self) -> &RiskMatrixDefinition {
        &self.definition
    }

    /// The matrix as JSON with `"schema": "lantero.risk-matrix/v1"`.
    ///
    /// # Errors
    /// [`Error::Json`] if serialization fails (it does not for a checked matrix).
    pub fn to_json(&self) -> Result<String> {
        serde_json::to_string_pretty(self).map_err(|e| json_error(&self.definition.id, &e))
    }

    /// Reads and checks a matrix from JSON written by [`RiskMatrix::to_json`].
    ///
    /// # Errors
    /// [`Error::Json`] for malformed JSON, a wrong schema or a definition that does not check.
    pub fn from_json(json: &str) -> Result<Self> {
        serde_json::from_str(json).map_err(|e| json_error("risk matrix", &e))
    }
}

#[inline]
fn check_on_scale(axis: Axis, value: u32, max: u32) -> Result<()> {
    if (1..=max).contains(&value) {
        Ok(())
    } else {
        Err(Error::OutOfScale {
            what: axis.name(),
            value,
            max,
        })
    }
}

fn invalid(definition: &RiskMatrixDefinition, reason: String) -> Error {
    Error::InvalidMatrix {
        name: definition.id.clone(),
        reason,
    }
}

fn json_error(source_name: &str, error: &serde_json::Error) -> Error {
    Error::Json {
        source_name: source_name.to_owned(),
        reason: error.to_string(),
    }
}

impl TryFrom<MatrixDocument> for RiskMatrix {
    type Error = Error;

    fn try_from(document: MatrixDocument) -> Result<Self> {
        if document.schema != MATRIX_SCHEMA {
            return Err(invalid(
                &document.definition,
                format!("schema {:?} is not {MATRIX_SCHEMA:?}", document.schema),
            ));
        }
        Self::new(document.definition)
    }
}

impl From<RiskMatrix> for MatrixDocument {
    fn from(matrix: RiskMatrix) -> Self {
        Self {
            schema: MATRIX_SCHEMA.to_owned(),
            definition: matrix.definition,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::risk::{ScaleStep, presets};

    fn scale(n: usize) -> Scale {
        Scale::new(
            (1..=n)
                .map(|i| ScaleStep::new(format!("S{i}"), format!("E{i}")))
                .collect(),
        )
    }

    fn definition(p: usize, c: usize, bounds: &[u32]) -> RiskMatrixDefinition {
        RiskMatrixDefinition {
            id: "test".into(),
            name: Label::new("Test", "Test"),
            probability: scale(p),
            consequence: scale(c),
            levels: (0..=bounds.len())
                .map(|i| RiskLevel::new(i as u8, Label::new(format!("N{i}"), format!("L{i}"))))
                .collect(),
            rule: LevelRule::Thresholds {
                lower_bounds: bounds.to_vec(),
            },
        }
    }

    fn reason(result: Result<RiskMatrix>) -> String {
        match result {
            Err(Error::InvalidMatrix { name, reason }) => {
                assert_eq!(name, "test");
                reason
            }
            other => panic!("expected InvalidMatrix, got {other:?}"),
        }
    }

    #[test]
    fn non_square_matrices_score_every_cell() {
        let matrix = RiskMatrix::new(definition(3, 6, &[4, 10])).unwrap();
        for p in 1..=3 {
            for c in 1..=6 {
                let score = matrix.score(p, c).unwrap();
                assert_eq!(score.value, p * c);
                let expected = u8::from(p * c >= 4) + u8::from(p * c >= 10);
                assert_eq!(score.level, expected, "p {p} c {c}");
            }
        }
        assert!(matches!(
            matrix.score(4, 1),
            Err(Error::OutOfScale {
                what: "probability",
                max: 3,
                ..
            })
        ));
        assert!(matches!(
            matrix.score(1, 7),
            Err(Error::OutOfScale {
                what: "consequence",
                max: 6,
                ..
            })
        ));
    }

    #[test]
    fn zero_and_huge_values_are_out_of_scale() {
        let matrix = presets::municipal_4x4();
        assert_eq!(
            matrix.score(0, 1),
            Err(Error::OutOfScale {
                what: "probability",
                value: 0,
                max: 4
            })
        );
        assert_eq!(
            matrix.score(1, u32::MAX),
            Err(Error::OutOfScale {
                what: "consequence",
                value: u32::MAX,
                max: 4
            })
        );
    }

    #[test]
    fn definitions_that_do_not_check_name_the_problem() {
        assert!(
            reason(RiskMatrix::new(definition(2, 4, &[4])))
                .contains("probability scale has 2 steps")
        );
        assert!(
            reason(RiskMatrix::new(definition(4, 7, &[4])))
                .contains("consequence scale has 7 steps")
        );
        // 13 is no product of two numbers 1..=4, so the middle level (13 only) is empty.
        assert!(
            reason(RiskMatrix::new(definition(4, 4, &[13, 14])))
                .contains("level \"L1\" is not reached")
        );
        let mut blank_id = definition(4, 4, &[4]);
        blank_id.id = " ".into();
        assert!(
            matches!(RiskMatrix::new(blank_id), Err(Error::InvalidMatrix { reason, .. }) if reason.contains("id is empty"))
        );
    }

    #[test]
    fn json_with_another_schema_is_refused() {
        let json = presets::municipal_4x4().to_json().unwrap();
        let renamed = json.replace(MATRIX_SCHEMA, "lantero.risk-matrix/v0");
        let err = RiskMatrix::from_json(&renamed).unwrap_err();
        assert!(
            matches!(&err, Error::Json { reason, .. } if reason.contains("lantero.risk-matrix/v0")),
            "{err}"
        );
    }

    #[test]
    fn json_that_does_not_check_is_refused() {
        let json = presets::municipal_4x4().to_json().unwrap();
        let broken = json.replace("12\n", "20\n");
        assert_ne!(broken, json);
        let err = RiskMatrix::from_json(&broken).unwrap_err();
        assert!(err.to_string().contains("threshold 20 exceeds"), "{err}");
    }
}
