//! Statistics without identities: counts and deadline compliance from case metadata only.
//!
//! Computed from kind, channel, status and dates, which survive purge, so the numbers stay
//! right after personal data is gone.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::case::{Case, CaseKind, Channel, Status};
use crate::clock::{ClockKind, DeadlineRules, DeadlineState, deadlines_for};

/// The `schema` tag of serialized [`Statistics`].
pub const STATISTICS_SCHEMA: &str = "lantero.case-statistics/v1";

/// Cases of one kind in one status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusCount {
    /// The kind.
    pub kind: CaseKind,
    /// The status.
    pub status: Status,
    /// How many.
    pub count: u64,
}

/// Cases of one kind through one channel.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChannelCount {
    /// The kind.
    pub kind: CaseKind,
    /// The channel.
    pub channel: Channel,
    /// How many.
    pub count: u64,
}

/// How one clock was kept.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Compliance {
    /// Met in time.
    pub met: u64,
    /// Met late.
    pub met_late: u64,
    /// Open and past due.
    pub overdue: u64,
    /// Open and not yet due.
    pub open: u64,
}

impl Compliance {
    /// Share of closed deadlines met in time (met / (met + met late + overdue)), if any.
    pub fn on_time_ratio(&self) -> Option<f64> {
        let decided = self.met + self.met_late + self.overdue;
        (decided > 0).then(|| self.met as f64 / decided as f64)
    }
}

/// Anonymous statistics of one tenant.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Statistics {
    /// Always [`STATISTICS_SCHEMA`].
    pub schema: String,
    /// The moment the deadline states were taken.
    pub at: DateTime<Utc>,
    /// All cases.
    pub total: u64,
    /// Of which purged.
    pub purged: u64,
    /// Per kind and status.
    pub by_status: Vec<StatusCount>,
    /// Per kind and channel.
    pub by_channel: Vec<ChannelCount>,
    /// Per clock.
    pub deadlines: BTreeMap<ClockKind, Compliance>,
}

/// Computes the statistics of `cases` at `now`.
pub fn compute(cases: &[Case], rules: &DeadlineRules, now: DateTime<Utc>) -> Statistics {
    let mut by_status: BTreeMap<(CaseKind, Status), u64> = BTreeMap::new();
    let mut by_channel: BTreeMap<(CaseKind, Channel), u64> = BTreeMap::new();
    let mut deadlines: BTreeMap<ClockKind, Compliance> = BTreeMap::new();
    for case in cases {
        *by_status.entry((case.kind, case.status)).or_default() += 1;
        *by_channel.entry((case.kind, case.channel)).or_default() += 1;
        for d in deadlines_for(case, rules, now) {
            let c = deadlines.entry(d.clock).or_default();
            match d.state {
                DeadlineState::Met => c.met += 1,
                DeadlineState::MetLate => c.met_late += 1,
                DeadlineState::Overdue => c.overdue += 1,
                DeadlineState::Pending | DeadlineState::DueSoon => c.open += 1,
            }
        }
    }
    Statistics {
        schema: STATISTICS_SCHEMA.to_owned(),
        at: now,
        total: cases.len() as u64,
        purged: cases.iter().filter(|c| c.purged_at.is_some()).count() as u64,
        by_status: by_status
            .into_iter()
            .map(|((kind, status), count)| StatusCount {
                kind,
                status,
                count,
            })
            .collect(),
        by_channel: by_channel
            .into_iter()
            .map(|((kind, channel), count)| ChannelCount {
                kind,
                channel,
                count,
            })
            .collect(),
        deadlines,
    }
}
