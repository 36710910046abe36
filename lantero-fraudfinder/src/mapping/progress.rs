//! Mapping over time: a series of self-assessments, progress per area and overall, and the
//! gaps that remain.

use chrono::NaiveDate;
use lantero_core::framework::{Answer, Assessment, Comparison, Framework, History, ScoreDelta};
use serde::{Deserialize, Serialize};

use crate::{Error, Result};

/// Progress of one area in the latest assessment, with the change since the one before.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AreaProgress {
    /// The area id.
    pub area: String,
    /// Its title.
    pub title: String,
    /// Maturity level set, if any.
    pub maturity_level: Option<u8>,
    /// The level's label on the framework's scale.
    pub maturity_label: Option<String>,
    /// Share of the applicable checklist in place.
    pub completion: Option<f64>,
    /// Share of activities done.
    pub progress: Option<f64>,
    /// Change since the previous assessment.
    pub change: Option<ScoreDelta>,
}

/// Where the municipality stands: per area and overall, with the change over time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProgressReport {
    /// Date of the latest assessment.
    pub date: NaiveDate,
    /// Overall checklist completion.
    pub completion: Option<f64>,
    /// Overall normalised maturity (0–1).
    pub maturity: Option<f64>,
    /// Overall share of activities done.
    pub progress: Option<f64>,
    /// Overall change since the previous assessment.
    pub change: Option<ScoreDelta>,
    /// Per area.
    pub areas: Vec<AreaProgress>,
    /// Dates of all assessments, oldest first.
    pub dates: Vec<NaiveDate>,
}

/// A checklist item not in place in the latest assessment: what is missing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Gap {
    /// Area title.
    pub area: String,
    /// Activity title.
    pub activity: String,
    /// The item id.
    pub item: String,
    /// The item text.
    pub text: String,
    /// `no`, `partly`, or `None` when unanswered.
    pub answer: Option<Answer>,
}

/// A municipality's self-assessments of one framework over time.
///
/// ```
/// use chrono::NaiveDate;
/// use lantero_core::framework::{Answer, Assessment};
/// use lantero_fraudfinder::{mapping::Mapping, packs};
///
/// let fw = packs::welfare_crime()?.framework;
/// let day = |m| NaiveDate::from_ymd_opt(2025, m, 1).unwrap();
/// let mut spring = Assessment::new(&fw, day(3), "samordnare");
/// spring.set_maturity(&fw, "ekonomiskt-bistand", 1)?;
/// let mut autumn = Assessment::new(&fw, day(10), "samordnare");
/// autumn.set_maturity(&fw, "ekonomiskt-bistand", 3)?;
/// autumn.answer(&fw, "eb-kontroll-ansokan-1", Answer::Yes)?;
///
/// let mut mapping = Mapping::new(fw);
/// mapping.add(autumn)?;
/// mapping.add(spring)?;
/// let report = mapping.progress()?;
/// let eb = &report.areas[0];
/// assert_eq!(eb.maturity_label.as_deref(), Some("Etablerad"));
/// assert_eq!(eb.change.as_ref().and_then(|c| c.maturity), Some(0.5));
/// # Ok::<(), lantero_fraudfinder::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Mapping {
    framework: Framework,
    assessments: Vec<Assessment>,
}

impl Mapping {
    /// No assessments yet.
    pub fn new(framework: Framework) -> Self {
        Self {
            framework,
            assessments: Vec::new(),
        }
    }

    /// The framework.
    pub fn framework(&self) -> &Framework {
        &self.framework
    }

    /// Adds an assessment (checked against the framework); kept in date order.
    pub fn add(&mut self, assessment: Assessment) -> Result<()> {
        assessment.validate(&self.framework)?;
        self.assessments.push(assessment);
        self.assessments.sort_by_key(Assessment::date);
        Ok(())
    }

    /// The assessments, oldest first.
    pub fn assessments(&self) -> &[Assessment] {
        &self.assessments
    }

    /// The latest assessment.
    pub fn latest(&self) -> Option<&Assessment> {
        self.assessments.last()
    }

    /// The scores over time.
    pub fn history(&self) -> Result<History> {
        Ok(History::new(&self.framework, &self.assessments)?)
    }

    /// Progress per area and overall in the latest assessment, with the change since the
    /// previous one.
    pub fn progress(&self) -> Result<ProgressReport> {
        let latest = self.latest().ok_or_else(|| Error::NotFound {
            what: "assessment of framework",
            id: self.framework.id.clone(),
        })?;
        let score = latest.score(&self.framework)?;
        let comparison = match self.assessments.len() {
            n if n >= 2 => Some(Comparison::between(
                &self.framework,
                &self.assessments[n - 2],
                latest,
            )?),
            _ => None,
        };
        let areas = score
            .areas
            .iter()
            .map(|a| AreaProgress {
                area: a.area_id.clone(),
                title: a.title.clone(),
                maturity_level: a.maturity_level,
                maturity_label: a
                    .maturity_level
                    .and_then(|l| self.framework.maturity_scale.get(l))
                    .map(|l| l.label.clone()),
                completion: a.score.completion,
                progress: a.score.progress,
                change: comparison
                    .as_ref()
                    .and_then(|c| c.areas.iter().find(|d| d.area_id == a.area_id))
                    .map(|d| d.delta.clone()),
            })
            .collect();
        Ok(ProgressReport {
            date: latest.date(),
            completion: score.overall.completion,
            maturity: score.overall.maturity,
            progress: score.overall.progress,
            change: comparison.map(|c| c.overall),
            areas,
            dates: self.assessments.iter().map(Assessment::date).collect(),
        })
    }

    /// Checklist items not in place in the latest assessment, in framework order.
    pub fn gaps(&self) -> Vec<Gap> {
        let Some(latest) = self.latest() else {
            return Vec::new();
        };
        self.framework
            .items()
            .filter_map(|(area, activity, item)| {
                let answer = latest.answer_for(&item.id).map(|a| a.answer);
                matches!(answer, None | Some(Answer::No | Answer::Partly)).then(|| Gap {
                    area: area.title.clone(),
                    activity: activity.title.clone(),
                    item: item.id.clone(),
                    text: item.text.clone(),
                    answer,
                })
            })
            .collect()
    }
}
