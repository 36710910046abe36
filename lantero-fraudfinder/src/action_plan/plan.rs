//! The action plan: activities tied to risks, follow-up, outcomes and re-prioritisation.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use lantero_core::risk::{RiskScore, compare_priority};
use serde::{Deserialize, Serialize};

use super::{FollowUp, Outcome, PlanActivity, Status};
use crate::risk_analysis::RiskAnalysis;
use crate::{Error, Result};

/// Activities per status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusCounts {
    /// Planned.
    pub planned: usize,
    /// In progress.
    pub in_progress: usize,
    /// Done.
    pub done: usize,
    /// Cancelled.
    pub cancelled: usize,
    /// Open past their deadline.
    pub overdue: usize,
}

impl StatusCounts {
    /// Share of activities done, cancelled ones left out.
    pub fn progress(&self) -> Option<f64> {
        let total = self.planned + self.in_progress + self.done;
        (total > 0).then(|| self.done as f64 / total as f64)
    }
}

/// An open activity's place after re-prioritisation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanPriority {
    /// 1 for the most urgent.
    pub rank: usize,
    /// The activity id.
    pub activity: String,
    /// Its title.
    pub title: String,
    /// The most urgent linked risk now, after follow-up revisions.
    pub risk: Option<String>,
    /// Its score.
    pub score: Option<RiskScore>,
    /// Whether the activity is past its deadline.
    pub overdue: bool,
    /// Why it is ranked here, in Swedish.
    pub reason: String,
}

/// The coordinator's action plan (åtgärdsplan).
///
/// ```
/// use chrono::NaiveDate;
/// use lantero_core::risk::{presets, Estimate, Risk, Treatment};
/// use lantero_fraudfinder::action_plan::{ActionPlan, FollowUp, Outcome, Phase, PlanActivity, Status};
/// use lantero_fraudfinder::risk_analysis::{BusinessUnit, IdentifiedRisk, RiskAnalysis};
///
/// let day = |m, d| NaiveDate::from_ymd_opt(2025, m, d).unwrap();
/// let mut analysis = RiskAnalysis::new("ra", "Riskanalys", day(4, 1), presets::municipal_4x4());
/// analysis.add_unit(BusinessUnit::with_payments("fs", "Försörjningsstöd"))?;
/// for (id, p, c) in [("r-konto", 4, 3), ("r-intyg", 2, 3)] {
///     let risk = Risk::new(id, "Enhetschef", Estimate::new(p, c), Estimate::new(1, 2), Treatment::Reduce);
///     analysis.add_risk(IdentifiedRisk { id: id.into(), unit: "fs".into(), question: None, area: None, risk, valued: day(4, 1) })?;
/// }
/// let mut plan = ActionPlan::new("ap-2025", "Åtgärdsplan 2025");
/// plan.add(PlanActivity::new("a1", "Kontoregel i utbetalningssystemet", "Controller", Phase::Implementation, day(6, 30), &["r-konto"]), &analysis)?;
/// plan.add(PlanActivity::new("a2", "Intygskontroll", "Enhetschef", Phase::Implementation, day(9, 30), &["r-intyg"]), &analysis)?;
/// assert_eq!(plan.reprioritise(&analysis, day(5, 1))?[0].activity, "a1");
///
/// // The follow-up shows the account rule works: the risk is valued down, a2 moves up.
/// let follow_up = FollowUp::new(day(6, 15), Status::InProgress, "Regeln i drift")
///     .with_outcome(Outcome { reduced_loss_sek: 240_000, controls_performed: 120, findings: 9, ..Outcome::default() })
///     .revising("r-konto", Estimate::new(1, 3));
/// plan.follow_up("a1", follow_up, &analysis)?;
/// assert_eq!(plan.reprioritise(&analysis, day(6, 16))?[0].activity, "a2");
/// assert_eq!(plan.outcome().reduced_loss_sek, 240_000);
/// # Ok::<(), lantero_fraudfinder::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActionPlan {
    /// Stable id.
    pub id: String,
    /// Title.
    pub title: String,
    activities: Vec<PlanActivity>,
}

impl ActionPlan {
    /// An empty plan.
    pub fn new(id: impl Into<String>, title: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            title: title.into(),
            activities: Vec::new(),
        }
    }

    /// The activities, in the order added.
    pub fn activities(&self) -> &[PlanActivity] {
        &self.activities
    }

    /// The activity with `id`.
    pub fn activity(&self, id: &str) -> Option<&PlanActivity> {
        self.activities.iter().find(|a| a.id == id)
    }

    /// Adds an activity; its id must be new and every risk it treats must be in `analysis`.
    pub fn add(&mut self, activity: PlanActivity, analysis: &RiskAnalysis) -> Result<()> {
        if self.activity(&activity.id).is_some() {
            return Err(Error::Duplicate {
                what: "activity",
                id: activity.id,
            });
        }
        check_risks(
            &activity.id,
            activity.risks.iter().map(String::as_str),
            analysis,
        )?;
        self.activities.push(activity);
        Ok(())
    }

    /// Records a follow-up of activity `id`: its status becomes the follow-up's; revised
    /// risks must be ones the activity treats.
    pub fn follow_up(
        &mut self,
        id: &str,
        follow_up: FollowUp,
        analysis: &RiskAnalysis,
    ) -> Result<()> {
        let activity = self
            .activities
            .iter_mut()
            .find(|a| a.id == id)
            .ok_or_else(|| Error::NotFound {
                what: "activity",
                id: id.to_owned(),
            })?;
        if let Some((risk, _)) = follow_up
            .revised_risks
            .iter()
            .find(|(r, _)| !activity.risks.contains(r))
        {
            return Err(Error::InvalidValue {
                field: "revised risk",
                value: risk.clone(),
                reason: format!("activity {id:?} does not treat this risk"),
            });
        }
        check_risks(
            id,
            follow_up.revised_risks.iter().map(|(r, _)| r.as_str()),
            analysis,
        )?;
        for (_, estimate) in &follow_up.revised_risks {
            analysis
                .matrix()
                .score(estimate.probability, estimate.consequence)?;
        }
        activity.status = follow_up.status;
        activity.follow_ups.push(follow_up);
        activity.follow_ups.sort_by_key(|f| f.date);
        Ok(())
    }

    /// The latest revised estimate of each risk over all follow-ups, by risk id.
    pub fn revisions(&self) -> BTreeMap<&str, (NaiveDate, lantero_core::risk::Estimate)> {
        let mut latest = BTreeMap::new();
        for f in self.activities.iter().flat_map(|a| &a.follow_ups) {
            for (risk, estimate) in &f.revised_risks {
                let newer = latest
                    .get(risk.as_str())
                    .is_none_or(|(date, _): &(NaiveDate, _)| *date <= f.date);
                if newer {
                    latest.insert(risk.as_str(), (f.date, *estimate));
                }
            }
        }
        latest
    }

    /// Writes the follow-ups' revised estimates into `analysis`.
    pub fn apply_revisions(&self, analysis: &mut RiskAnalysis) -> Result<()> {
        for (risk, (date, estimate)) in self.revisions() {
            analysis.revalue(risk, estimate, date)?;
        }
        Ok(())
    }

    /// The open activities, most urgent first: by the most urgent risk each treats as it
    /// stands after the follow-ups (level, value, consequence), then overdue before on
    /// time, then earlier deadline.
    pub fn reprioritise(
        &self,
        analysis: &RiskAnalysis,
        today: NaiveDate,
    ) -> Result<Vec<PlanPriority>> {
        let revisions = self.revisions();
        let matrix = analysis.matrix();
        let mut open = Vec::new();
        for activity in self.activities.iter().filter(|a| a.status.is_open()) {
            let mut best: Option<(String, RiskScore)> = None;
            for id in &activity.risks {
                let score = match revisions.get(id.as_str()) {
                    Some((_, e)) => matrix.score(e.probability, e.consequence)?,
                    None => analysis.score(id)?,
                };
                if best
                    .as_ref()
                    .is_none_or(|(_, b)| compare_priority(&score, b).is_lt())
                {
                    best = Some((id.clone(), score));
                }
            }
            open.push((activity, best));
        }
        open.sort_by(|(a, x), (b, y)| {
            let by_risk = match (x, y) {
                (Some((_, x)), Some((_, y))) => compare_priority(x, y),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            };
            by_risk
                .then(b.overdue(today).cmp(&a.overdue(today)))
                .then(a.deadline.cmp(&b.deadline))
        });
        Ok(open
            .into_iter()
            .enumerate()
            .map(|(i, (activity, best))| {
                let overdue = activity.overdue(today);
                let mut reason = match &best {
                    Some((risk, score)) => format!(
                        "Behandlar risk {risk} med riskvärde {} ({})",
                        score.value,
                        analysis.level_label(score.level).to_lowercase()
                    ),
                    None => "Ingen kopplad risk".to_owned(),
                };
                if overdue {
                    reason.push_str(&format!(", försenad sedan {}", activity.deadline));
                }
                PlanPriority {
                    rank: i + 1,
                    activity: activity.id.clone(),
                    title: activity.title.clone(),
                    risk: best.as_ref().map(|(r, _)| r.clone()),
                    score: best.map(|(_, s)| s),
                    overdue,
                    reason,
                }
            })
            .collect())
    }

    /// Activities per status.
    pub fn status_counts(&self, today: NaiveDate) -> StatusCounts {
        let mut counts = StatusCounts::default();
        for a in &self.activities {
            match a.status {
                Status::Planned => counts.planned += 1,
                Status::InProgress => counts.in_progress += 1,
                Status::Done => counts.done += 1,
                Status::Cancelled => counts.cancelled += 1,
            }
            if a.overdue(today) {
                counts.overdue += 1;
            }
        }
        counts
    }

    /// The outcome of the whole plan.
    pub fn outcome(&self) -> Outcome {
        let mut total = Outcome::default();
        for f in self.activities.iter().flat_map(|a| &a.follow_ups) {
            total += f.outcome;
        }
        total
    }

    /// The outcome of one activity.
    pub fn outcome_of(&self, id: &str) -> Option<Outcome> {
        self.activity(id).map(|a| {
            let mut total = Outcome::default();
            for f in &a.follow_ups {
                total += f.outcome;
            }
            total
        })
    }

    /// Risks in `analysis` that no activity treats.
    pub fn untreated_risks<'a>(&self, analysis: &'a RiskAnalysis) -> Vec<&'a str> {
        analysis
            .risks()
            .iter()
            .filter(|r| !self.activities.iter().any(|a| a.risks.contains(&r.id)))
            .map(|r| r.id.as_str())
            .collect()
    }
}

fn check_risks<'a>(
    activity: &str,
    mut risks: impl Iterator<Item = &'a str>,
    analysis: &RiskAnalysis,
) -> Result<()> {
    match risks.find(|r| analysis.risk(r).is_none()) {
        Some(missing) => Err(Error::InvalidValue {
            field: "risk",
            value: missing.to_owned(),
            reason: format!(
                "activity {activity:?} refers to a risk not in analysis {:?}",
                analysis.id
            ),
        }),
        None => Ok(()),
    }
}
