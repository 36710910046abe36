//! An activity in the action plan.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::FollowUp;

/// The phase an activity belongs to; plans are easier to organise and follow up when the
/// work is split into phases.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// Kartläggning: finding out where the problems are.
    Mapping,
    /// Analys: valuing risks.
    Analysis,
    /// Genomförande: putting measures in place.
    Implementation,
    /// Uppföljning: measuring outcomes, adjusting.
    FollowUp,
}

impl Phase {
    /// Swedish label.
    pub fn label_sv(self) -> &'static str {
        match self {
            Self::Mapping => "Kartläggning",
            Self::Analysis => "Analys",
            Self::Implementation => "Genomförande",
            Self::FollowUp => "Uppföljning",
        }
    }
}

/// Where an activity stands.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Not started.
    #[default]
    Planned,
    /// Under way.
    InProgress,
    /// Done.
    Done,
    /// Dropped, with the reason in a follow-up note.
    Cancelled,
}

impl Status {
    /// Swedish label.
    pub fn label_sv(self) -> &'static str {
        match self {
            Self::Planned => "Planerad",
            Self::InProgress => "Pågår",
            Self::Done => "Klar",
            Self::Cancelled => "Avbruten",
        }
    }

    /// Whether the activity still needs work.
    pub fn is_open(self) -> bool {
        matches!(self, Self::Planned | Self::InProgress)
    }
}

/// An activity of the action plan, linked to the risks it treats.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanActivity {
    /// Stable id.
    pub id: String,
    /// What is to be done.
    pub title: String,
    /// The framework activity it carries out, if any (e.g. `eb-kontroll-ansokan`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub framework_activity: Option<String>,
    /// Ids of the risks (in the risk analysis) it treats.
    pub risks: Vec<String>,
    /// Who is responsible.
    pub owner: String,
    /// The phase.
    pub phase: Phase,
    /// When it is to be done.
    pub deadline: NaiveDate,
    /// Current status (that of the latest follow-up).
    #[serde(default)]
    pub status: Status,
    /// Follow-ups, oldest first.
    #[serde(default)]
    pub follow_ups: Vec<FollowUp>,
}

impl PlanActivity {
    /// A planned activity without follow-ups.
    pub fn new(
        id: impl Into<String>,
        title: impl Into<String>,
        owner: impl Into<String>,
        phase: Phase,
        deadline: NaiveDate,
        risks: &[&str],
    ) -> Self {
        Self {
            id: id.into(),
            title: title.into(),
            framework_activity: None,
            risks: risks.iter().map(|r| (*r).to_owned()).collect(),
            owner: owner.into(),
            phase,
            deadline,
            status: Status::Planned,
            follow_ups: Vec::new(),
        }
    }

    /// The same activity carrying out framework activity `id`.
    pub fn for_framework_activity(mut self, id: impl Into<String>) -> Self {
        self.framework_activity = Some(id.into());
        self
    }

    /// Whether it is open past its deadline.
    pub fn overdue(&self, today: NaiveDate) -> bool {
        self.status.is_open() && self.deadline < today
    }
}
