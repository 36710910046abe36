//! Follow-ups: what was done, what came of it, and how the risks look now.

use std::ops::AddAssign;

use chrono::NaiveDate;
use lantero_core::risk::Estimate;
use serde::{Deserialize, Serialize};

use super::Status;

/// Measured outcome of an activity over a follow-up period.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outcome {
    /// Reduced loss (minskat svinn) in SEK: payments stopped or lowered.
    #[serde(default)]
    pub reduced_loss_sek: i64,
    /// Amounts recovered (återkrävt) in SEK.
    #[serde(default)]
    pub recovered_sek: i64,
    /// Controls performed.
    #[serde(default)]
    pub controls_performed: u32,
    /// Controls that found something.
    #[serde(default)]
    pub findings: u32,
    /// Police reports made.
    #[serde(default)]
    pub police_reports: u32,
}

impl AddAssign for Outcome {
    fn add_assign(&mut self, other: Self) {
        self.reduced_loss_sek = self.reduced_loss_sek.saturating_add(other.reduced_loss_sek);
        self.recovered_sek = self.recovered_sek.saturating_add(other.recovered_sek);
        self.controls_performed = self
            .controls_performed
            .saturating_add(other.controls_performed);
        self.findings = self.findings.saturating_add(other.findings);
        self.police_reports = self.police_reports.saturating_add(other.police_reports);
    }
}

impl Outcome {
    /// Reduced loss plus recovered amounts.
    pub fn total_sek(&self) -> i64 {
        self.reduced_loss_sek.saturating_add(self.recovered_sek)
    }

    /// Share of controls that found something.
    pub fn hit_rate(&self) -> Option<f64> {
        (self.controls_performed > 0)
            .then(|| f64::from(self.findings) / f64::from(self.controls_performed))
    }
}

/// One follow-up of an activity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FollowUp {
    /// When.
    pub date: NaiveDate,
    /// The activity's status after it.
    pub status: Status,
    /// What was done and learnt.
    #[serde(default)]
    pub note: String,
    /// Outcome over the period since the previous follow-up.
    #[serde(default)]
    pub outcome: Outcome,
    /// New current estimates of linked risks, by risk id.
    #[serde(default)]
    pub revised_risks: Vec<(String, Estimate)>,
}

impl FollowUp {
    /// A follow-up with a status and a note.
    pub fn new(date: NaiveDate, status: Status, note: impl Into<String>) -> Self {
        Self {
            date,
            status,
            note: note.into(),
            outcome: Outcome::default(),
            revised_risks: Vec::new(),
        }
    }

    /// The same follow-up with an outcome.
    pub fn with_outcome(mut self, outcome: Outcome) -> Self {
        self.outcome = outcome;
        self
    }

    /// The same follow-up with risk `risk` valued anew at `estimate`.
    pub fn revising(mut self, risk: impl Into<String>, estimate: Estimate) -> Self {
        self.revised_risks.push((risk.into(), estimate));
        self
    }
}
