//! Progress over time: comparing assessments of the same framework.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Assessment, AssessmentScore, Framework, Score};
use crate::Result;

/// How a score changed: later minus earlier, `None` where either side has no value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScoreDelta {
    /// Change in checklist completion.
    pub completion: Option<f64>,
    /// Change in normalised maturity.
    pub maturity: Option<f64>,
    /// Change in the share of activities done.
    pub progress: Option<f64>,
}

/// How one area changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AreaDelta {
    /// The area id.
    pub area_id: String,
    /// The area title.
    pub title: String,
    /// Change in maturity level, in steps of the scale.
    pub maturity_levels: Option<i16>,
    /// Change in the area's score.
    pub delta: ScoreDelta,
}

/// The change between two assessments of one framework, per area and overall.
///
/// ```
/// use chrono::NaiveDate;
/// use lantero_core::framework::{Answer, Assessment, Comparison, Framework};
///
/// # let fw = Framework::from_json(r#"{"schema": "lantero.framework/v1", "id": "vk",
/// #   "version": "1", "title": "VK", "language": "sv", "areas": [{"id": "eb",
/// #   "title": "Ekonomiskt bistånd", "activities": [{"id": "eb-kontroll", "title": "Kontroll",
/// #   "checklist": [{"id": "eb-1", "text": "Rutin?"}]}]}]}"#, "vk.json")?;
/// let day = |m| NaiveDate::from_ymd_opt(2025, m, 1).unwrap();
/// let mut spring = Assessment::new(&fw, day(3), "samordnare");
/// spring.answer(&fw, "eb-1", Answer::No)?;
/// spring.set_maturity(&fw, "eb", 1)?;
/// let mut autumn = Assessment::new(&fw, day(9), "samordnare");
/// autumn.answer(&fw, "eb-1", Answer::Yes)?;
/// autumn.set_maturity(&fw, "eb", 3)?;
///
/// let change = Comparison::between(&fw, &spring, &autumn)?;
/// assert_eq!(change.overall.completion, Some(1.0));
/// assert_eq!(change.areas[0].maturity_levels, Some(2));
/// # Ok::<(), lantero_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    /// The framework id.
    pub framework_id: String,
    /// Date of the earlier assessment.
    pub from: NaiveDate,
    /// Date of the later assessment.
    pub to: NaiveDate,
    /// Overall change.
    pub overall: ScoreDelta,
    /// Change per area, in the framework's order.
    pub areas: Vec<AreaDelta>,
}

impl Comparison {
    /// Scores both assessments against `framework` (the current version) and compares them.
    pub fn between(
        framework: &Framework,
        earlier: &Assessment,
        later: &Assessment,
    ) -> Result<Self> {
        Ok(Self::of_scores(
            &earlier.score(framework)?,
            &later.score(framework)?,
        ))
    }

    /// Compares two scores of the same framework; areas are matched by id, and an area
    /// missing on one side compares as having no values.
    pub fn of_scores(earlier: &AssessmentScore, later: &AssessmentScore) -> Self {
        let areas = later
            .areas
            .iter()
            .map(|after| {
                let before = earlier.areas.iter().find(|a| a.area_id == after.area_id);
                AreaDelta {
                    area_id: after.area_id.clone(),
                    title: after.title.clone(),
                    maturity_levels: before
                        .and_then(|b| b.maturity_level)
                        .zip(after.maturity_level)
                        .map(|(b, a)| i16::from(a) - i16::from(b)),
                    delta: match before {
                        Some(before) => delta(&before.score, &after.score),
                        None => ScoreDelta {
                            completion: None,
                            maturity: None,
                            progress: None,
                        },
                    },
                }
            })
            .collect();
        Self {
            framework_id: later.framework_id.clone(),
            from: earlier.date,
            to: later.date,
            overall: delta(&earlier.overall, &later.overall),
            areas,
        }
    }
}

/// A series of assessments of one framework, oldest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct History {
    /// The scores, ordered by date.
    pub scores: Vec<AssessmentScore>,
}

impl History {
    /// Scores every assessment against `framework` and orders them by date.
    pub fn new(framework: &Framework, assessments: &[Assessment]) -> Result<Self> {
        let mut scores = assessments
            .iter()
            .map(|a| a.score(framework))
            .collect::<Result<Vec<_>>>()?;
        scores.sort_by_key(|s| s.date);
        Ok(Self { scores })
    }

    /// The change from each assessment to the next.
    pub fn changes(&self) -> Vec<Comparison> {
        self.scores
            .windows(2)
            .map(|pair| Comparison::of_scores(&pair[0], &pair[1]))
            .collect()
    }
}

fn delta(before: &Score, after: &Score) -> ScoreDelta {
    let diff = |b: Option<f64>, a: Option<f64>| b.zip(a).map(|(b, a)| a - b);
    ScoreDelta {
        completion: diff(before.completion, after.completion),
        maturity: diff(before.maturity, after.maturity),
        progress: diff(before.progress, after.progress),
    }
}
