//! Scoring an assessment: checklist completion, maturity and progress, per area and overall.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{ActivityStatus, Area, Assessment, Framework};
use crate::Result;

/// The score of a set of checklist items and activities (one area, or the whole framework).
///
/// Every ratio is in `0.0..=1.0`, or `None` where there is nothing to divide by.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Score {
    /// Checklist items in scope.
    pub items: usize,
    /// Items answered (including not applicable).
    pub answered: usize,
    /// Items answered not applicable.
    pub not_applicable: usize,
    /// Points: yes 1, partly 0.5, no or unanswered 0.
    pub points: f64,
    /// `points / (items - not_applicable)`: how much of the applicable checklist is in place.
    /// An unanswered item counts as not in place; a not-applicable one is left out, so it never
    /// changes the score of the others.
    pub completion: Option<f64>,
    /// Activities in scope.
    pub activities: usize,
    /// Activities done.
    pub done: usize,
    /// Activities in progress.
    pub in_progress: usize,
    /// `done / activities`.
    pub progress: Option<f64>,
    /// Maturity mapped onto `0.0..=1.0` by the framework's scale: an area's level, or overall
    /// the mean over the areas that have one.
    pub maturity: Option<f64>,
}

/// The score of one area.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AreaScore {
    /// The area id.
    pub area_id: String,
    /// The area title.
    pub title: String,
    /// The maturity level set in the assessment.
    pub maturity_level: Option<u8>,
    /// The area's score.
    pub score: Score,
}

/// The score of an assessment: each area, and the whole framework.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AssessmentScore {
    /// The framework id.
    pub framework_id: String,
    /// The date of the assessment.
    pub date: NaiveDate,
    /// Overall: items and activities pooled over all areas, maturity averaged over areas.
    pub overall: Score,
    /// Per area, in the framework's order.
    pub areas: Vec<AreaScore>,
}

impl Assessment {
    /// Scores the assessment against `framework` after [validating](Assessment::validate) it.
    pub fn score(&self, framework: &Framework) -> Result<AssessmentScore> {
        self.validate(framework)?;
        let areas: Vec<AreaScore> = framework
            .areas
            .iter()
            .map(|area| self.area_score(framework, area))
            .collect();
        let mut overall = Score::empty();
        for area in &areas {
            overall.add(&area.score);
        }
        overall.finish();
        let maturities: Vec<f64> = areas.iter().filter_map(|a| a.score.maturity).collect();
        overall.maturity = mean(&maturities);
        Ok(AssessmentScore {
            framework_id: framework.id.clone(),
            date: self.date(),
            overall,
            areas,
        })
    }

    fn area_score(&self, framework: &Framework, area: &Area) -> AreaScore {
        let mut score = Score::empty();
        for activity in &area.activities {
            score.activities += 1;
            match self.status_for(&activity.id) {
                ActivityStatus::Done => score.done += 1,
                ActivityStatus::InProgress => score.in_progress += 1,
                ActivityStatus::NotStarted => {}
            }
            for item in &activity.checklist {
                score.items += 1;
                let Some(answer) = self.answer_for(&item.id) else {
                    continue;
                };
                score.answered += 1;
                match answer.answer.points() {
                    Some(points) => score.points += points,
                    None => score.not_applicable += 1,
                }
            }
        }
        score.finish();
        let maturity_level = self.maturity_for(&area.id);
        score.maturity = maturity_level.and_then(|l| framework.maturity_scale.normalized(l));
        AreaScore {
            area_id: area.id.clone(),
            title: area.title.clone(),
            maturity_level,
            score,
        }
    }
}

impl Score {
    fn empty() -> Self {
        Self {
            items: 0,
            answered: 0,
            not_applicable: 0,
            points: 0.0,
            completion: None,
            activities: 0,
            done: 0,
            in_progress: 0,
            progress: None,
            maturity: None,
        }
    }

    fn add(&mut self, other: &Score) {
        self.items += other.items;
        self.answered += other.answered;
        self.not_applicable += other.not_applicable;
        self.points += other.points;
        self.activities += other.activities;
        self.done += other.done;
        self.in_progress += other.in_progress;
    }

    fn finish(&mut self) {
        self.completion = ratio(self.points, self.items.saturating_sub(self.not_applicable));
        self.progress = ratio(count(self.done), self.activities);
    }
}

fn ratio(part: f64, whole: usize) -> Option<f64> {
    (whole > 0).then(|| (part / count(whole)).clamp(0.0, 1.0))
}

/// Counts in a framework are far below 2^52, so the conversion is exact.
#[allow(clippy::cast_precision_loss)]
fn count(n: usize) -> f64 {
    n as f64
}

fn mean(values: &[f64]) -> Option<f64> {
    (!values.is_empty()).then(|| values.iter().sum::<f64>() / count(values.len()))
}
