//! An operative risk analysis: units, answers to the seed questions, risks valued on a
//! core risk matrix, prioritised.

use chrono::{Months, NaiveDate};
use lantero_core::risk::{
    Estimate, HeatMap, Risk, RiskMatrix, RiskScore, Treatment, compare_priority,
};
use serde::{Deserialize, Serialize};

use super::{BusinessUnit, RiskQuestion};
use crate::{Error, Result};

/// The `schema` string of a risk-analysis file.
pub const RISK_ANALYSIS_SCHEMA: &str = "lantero.risk-analysis/v1";

/// A unit's answer to one question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionAnswer {
    /// The question.
    pub question: RiskQuestion,
    /// The answer as given in the interview or workshop.
    pub answer: String,
    /// Whether the answer points to a weakness.
    pub concern: bool,
}

/// A unit with its answers and who took part.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitAnalysis {
    /// The unit.
    pub unit: BusinessUnit,
    /// Answers, one per question at most.
    pub answers: Vec<QuestionAnswer>,
    /// Who took part (roles).
    #[serde(default)]
    pub participants: Vec<String>,
}

/// A risk identified in a unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IdentifiedRisk {
    /// Stable id, referred to by the action plan.
    pub id: String,
    /// The unit it was found in.
    pub unit: String,
    /// The question that brought it up, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub question: Option<RiskQuestion>,
    /// The framework area it concerns, e.g. `ekonomiskt-bistand`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area: Option<String>,
    /// The risk: estimates now and after treatment, treatment, owner.
    pub risk: Risk,
    /// When it was last valued.
    pub valued: NaiveDate,
}

/// A risk's place in the prioritised list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrioritisedRisk {
    /// 1 for the most urgent.
    pub rank: usize,
    /// The risk id.
    pub id: String,
    /// The unit.
    pub unit: String,
    /// What could happen.
    pub description: String,
    /// Who answers for it.
    pub owner: String,
    /// Score now.
    pub current: RiskScore,
    /// Score after treatment.
    pub target: RiskScore,
    /// The current level's Swedish label.
    pub level: String,
    /// The treatment.
    pub treatment: Treatment,
}

/// An operative risk analysis of a municipality's units.
///
/// ```
/// use chrono::NaiveDate;
/// use lantero_core::risk::{presets, Estimate, Risk, Treatment};
/// use lantero_fraudfinder::risk_analysis::{BusinessUnit, IdentifiedRisk, RiskAnalysis, RiskQuestion};
///
/// let day = NaiveDate::from_ymd_opt(2025, 4, 16).unwrap();
/// let mut analysis = RiskAnalysis::new("ra-2025", "Operativ riskanalys 2025", day, presets::municipal_4x4());
/// analysis.add_unit(BusinessUnit::with_payments("fs", "Försörjningsstöd"))?;
/// analysis.answer("fs", RiskQuestion::DocumentVerification, "Intyg kontrolleras sällan", true)?;
/// analysis.add_risk(IdentifiedRisk {
///     id: "r1".into(), unit: "fs".into(), question: Some(RiskQuestion::DocumentVerification),
///     area: Some("ekonomiskt-bistand".into()),
///     risk: Risk::new("Falska hyreskontrakt", "Enhetschef", Estimate::new(3, 3), Estimate::new(2, 2), Treatment::Reduce),
///     valued: day,
/// })?;
/// let ranked = analysis.prioritised()?;
/// assert_eq!((ranked[0].id.as_str(), ranked[0].level.as_str()), ("r1", "Hög"));
/// assert_eq!(analysis.unanswered("fs")?.len(), 5);
/// # Ok::<(), lantero_fraudfinder::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RiskAnalysis {
    /// Stable id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Date of the analysis.
    pub date: NaiveDate,
    matrix: RiskMatrix,
    units: Vec<UnitAnalysis>,
    risks: Vec<IdentifiedRisk>,
}

impl RiskAnalysis {
    /// An empty analysis valued on `matrix`.
    pub fn new(
        id: impl Into<String>,
        title: impl Into<String>,
        date: NaiveDate,
        matrix: RiskMatrix,
    ) -> Self {
        Self {
            id: id.into(),
            title: title.into(),
            date,
            matrix,
            units: Vec::new(),
            risks: Vec::new(),
        }
    }

    /// The matrix risks are valued on.
    pub fn matrix(&self) -> &RiskMatrix {
        &self.matrix
    }

    /// The units.
    pub fn units(&self) -> &[UnitAnalysis] {
        &self.units
    }

    /// The risks, in the order identified.
    pub fn risks(&self) -> &[IdentifiedRisk] {
        &self.risks
    }

    /// The risk with `id`.
    pub fn risk(&self, id: &str) -> Option<&IdentifiedRisk> {
        self.risks.iter().find(|r| r.id == id)
    }

    /// Adds a unit; ids are unique.
    pub fn add_unit(&mut self, unit: BusinessUnit) -> Result<()> {
        if self.units.iter().any(|u| u.unit.id == unit.id) {
            return Err(Error::Duplicate {
                what: "business unit",
                id: unit.id,
            });
        }
        self.units.push(UnitAnalysis {
            unit,
            answers: Vec::new(),
            participants: Vec::new(),
        });
        Ok(())
    }

    fn unit_mut(&mut self, id: &str) -> Result<&mut UnitAnalysis> {
        self.units
            .iter_mut()
            .find(|u| u.unit.id == id)
            .ok_or_else(|| Error::NotFound {
                what: "business unit",
                id: id.to_owned(),
            })
    }

    /// Records a unit's answer to `question`, replacing an earlier one.
    pub fn answer(
        &mut self,
        unit: &str,
        question: RiskQuestion,
        answer: impl Into<String>,
        concern: bool,
    ) -> Result<()> {
        let unit = self.unit_mut(unit)?;
        unit.answers.retain(|a| a.question != question);
        unit.answers.push(QuestionAnswer {
            question,
            answer: answer.into(),
            concern,
        });
        unit.answers.sort_by_key(|a| a.question);
        Ok(())
    }

    /// Records who took part in a unit's analysis.
    pub fn add_participant(&mut self, unit: &str, participant: impl Into<String>) -> Result<()> {
        self.unit_mut(unit)?.participants.push(participant.into());
        Ok(())
    }

    /// The questions a unit has not answered yet.
    pub fn unanswered(&self, unit: &str) -> Result<Vec<RiskQuestion>> {
        let unit = self
            .units
            .iter()
            .find(|u| u.unit.id == unit)
            .ok_or_else(|| Error::NotFound {
                what: "business unit",
                id: unit.to_owned(),
            })?;
        Ok(RiskQuestion::ALL
            .into_iter()
            .filter(|q| !unit.answers.iter().any(|a| a.question == *q))
            .collect())
    }

    /// Adds a risk: its unit must exist, its id be new and its estimates lie on the matrix.
    pub fn add_risk(&mut self, risk: IdentifiedRisk) -> Result<()> {
        if !self.units.iter().any(|u| u.unit.id == risk.unit) {
            return Err(Error::NotFound {
                what: "business unit",
                id: risk.unit,
            });
        }
        if self.risk(&risk.id).is_some() {
            return Err(Error::Duplicate {
                what: "risk",
                id: risk.id,
            });
        }
        risk.risk.check(&self.matrix)?;
        self.risks.push(risk);
        Ok(())
    }

    /// Values risk `id` anew, e.g. after an action plan's follow-up.
    pub fn revalue(&mut self, id: &str, current: Estimate, date: NaiveDate) -> Result<()> {
        self.matrix
            .score(current.probability, current.consequence)?;
        let risk = self
            .risks
            .iter_mut()
            .find(|r| r.id == id)
            .ok_or_else(|| Error::NotFound {
                what: "risk",
                id: id.to_owned(),
            })?;
        risk.risk.current = current;
        risk.valued = date;
        Ok(())
    }

    /// Risks not valued within `months` of `today`: the analysis needs revision.
    pub fn due_for_revision(&self, today: NaiveDate, months: u32) -> Vec<&IdentifiedRisk> {
        self.risks
            .iter()
            .filter(|r| {
                r.valued
                    .checked_add_months(Months::new(months))
                    .is_none_or(|due| due <= today)
            })
            .collect()
    }

    /// The score of risk `id` now.
    pub fn score(&self, id: &str) -> Result<RiskScore> {
        let risk = self.risk(id).ok_or_else(|| Error::NotFound {
            what: "risk",
            id: id.to_owned(),
        })?;
        Ok(risk.risk.current_score(&self.matrix)?)
    }

    /// Every risk, most urgent first (level, then value, then consequence); ties keep the
    /// order identified.
    pub fn prioritised(&self) -> Result<Vec<PrioritisedRisk>> {
        let mut scored = self
            .risks
            .iter()
            .map(|r| {
                Ok((
                    r,
                    r.risk.current_score(&self.matrix)?,
                    r.risk.target_score(&self.matrix)?,
                ))
            })
            .collect::<Result<Vec<_>>>()?;
        scored.sort_by(|a, b| compare_priority(&a.1, &b.1));
        Ok(scored
            .into_iter()
            .enumerate()
            .map(|(i, (r, current, target))| PrioritisedRisk {
                rank: i + 1,
                id: r.id.clone(),
                unit: r.unit.clone(),
                description: r.risk.description.clone(),
                owner: r.risk.owner.clone(),
                current,
                target,
                level: self.level_label(current.level),
                treatment: r.risk.treatment,
            })
            .collect())
    }

    /// The Swedish label of level `ordinal`.
    pub fn level_label(&self, ordinal: u8) -> String {
        self.matrix
            .level(ordinal)
            .map(|l| l.label.sv.clone())
            .unwrap_or_default()
    }

    /// Counts of current estimates per matrix cell and level.
    pub fn heat_map(&self) -> Result<HeatMap> {
        let mut map = HeatMap::new(&self.matrix);
        for r in &self.risks {
            map.record(r.risk.current_score(&self.matrix)?)?;
        }
        Ok(map)
    }

    /// The analysis as JSON with schema [`RISK_ANALYSIS_SCHEMA`].
    pub fn to_json(&self) -> Result<String> {
        let value = serde_json::json!({ "schema": RISK_ANALYSIS_SCHEMA, "analysis": self });
        serde_json::to_string_pretty(&value).map_err(|e| Error::InvalidValue {
            field: "risk analysis",
            value: self.id.clone(),
            reason: e.to_string(),
        })
    }

    /// Reads an analysis written by [`RiskAnalysis::to_json`] and checks every risk
    /// against its matrix.
    pub fn from_json(json: &str) -> Result<Self> {
        #[derive(Deserialize)]
        struct File {
            schema: String,
            analysis: RiskAnalysis,
        }
        let file: File = serde_json::from_str(json).map_err(|e| Error::InvalidValue {
            field: "risk analysis",
            value: json.chars().take(40).collect(),
            reason: e.to_string(),
        })?;
        if file.schema != RISK_ANALYSIS_SCHEMA {
            return Err(Error::InvalidValue {
                field: "risk analysis schema",
                value: file.schema,
                reason: format!("expected {RISK_ANALYSIS_SCHEMA:?}"),
            });
        }
        for r in &file.analysis.risks {
            r.risk.check(&file.analysis.matrix)?;
        }
        Ok(file.analysis)
    }
}
