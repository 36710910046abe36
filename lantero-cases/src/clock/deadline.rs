//! The deadlines of a case and where each stands.
//!
//! - Whistleblowing (lag 2021:890, 5 kap.): acknowledge receipt within 7 days; give feedback
//!   within 3 months of the acknowledgement (or, if none was sent, of the 7 days' end).
//! - Records requests: handled promptly (skyndsamt, TF 2 kap. 15 §); JO's practice is the same
//!   day or the next, so the target is configurable in working days.
//! - Tips have no statutory clock.
//!
//! A statutory deadline that ends on a non-working day moves to the next working day (Lag
//! 1930:173); deadlines end at midnight Stockholm time.

use chrono::{DateTime, Months, TimeDelta, Utc};
use serde::{Deserialize, Serialize};

use super::calendar::{add_working_days, end_of_local_day, local_date, roll_to_working_day};
use crate::case::{Case, CaseId, CaseKind, Reference};

/// Which clock a deadline belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClockKind {
    /// Whistleblowing: confirm receipt within 7 days.
    Acknowledgement,
    /// Whistleblowing: feedback within 3 months.
    Feedback,
    /// Records request: decide promptly.
    RecordsHandling,
}

impl ClockKind {
    /// The stable machine name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Acknowledgement => "acknowledgement",
            Self::Feedback => "feedback",
            Self::RecordsHandling => "records_handling",
        }
    }
}

/// Where a deadline stands at a given moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeadlineState {
    /// Open and not yet close.
    Pending,
    /// Open and due within the due-soon window.
    DueSoon,
    /// Open and past due.
    Overdue,
    /// Met on time.
    Met,
    /// Met, but after the deadline.
    MetLate,
}

impl DeadlineState {
    /// The stable machine name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::DueSoon => "due_soon",
            Self::Overdue => "overdue",
            Self::Met => "met",
            Self::MetLate => "met_late",
        }
    }

    /// Whether the deadline still needs action.
    pub fn is_open(self) -> bool {
        matches!(self, Self::Pending | Self::DueSoon | Self::Overdue)
    }
}

/// Configurable deadline rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeadlineRules {
    /// Whistleblowing acknowledgement, in calendar days.
    pub acknowledgement_days: u32,
    /// Whistleblowing feedback, in months after acknowledgement.
    pub feedback_months: u32,
    /// Records requests: working days after receipt (0 = the same day, 1 = the next).
    pub records_working_days: u32,
    /// An open deadline within this many hours is "due soon".
    pub due_soon_hours: u32,
    /// Move statutory deadlines that end on a non-working day to the next working day.
    pub roll_to_working_day: bool,
}

impl Default for DeadlineRules {
    fn default() -> Self {
        Self {
            acknowledgement_days: 7,
            feedback_months: 3,
            records_working_days: 1,
            due_soon_hours: 48,
            roll_to_working_day: true,
        }
    }
}

/// One deadline of one case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deadline {
    /// The case.
    pub case_id: CaseId,
    /// Its reference.
    pub reference: Reference,
    /// Its kind.
    pub kind: CaseKind,
    /// Which clock.
    pub clock: ClockKind,
    /// The instant the deadline ends.
    pub due: DateTime<Utc>,
    /// When it was met, if it was.
    pub met_at: Option<DateTime<Utc>>,
    /// Where it stands at the time asked.
    pub state: DeadlineState,
}

impl DeadlineRules {
    fn statutory_end(&self, date: chrono::NaiveDate) -> DateTime<Utc> {
        let date = if self.roll_to_working_day {
            roll_to_working_day(date)
        } else {
            date
        };
        end_of_local_day(date)
    }

    fn state(
        &self,
        due: DateTime<Utc>,
        met_at: Option<DateTime<Utc>>,
        now: DateTime<Utc>,
    ) -> DeadlineState {
        match met_at {
            Some(m) if m <= due => DeadlineState::Met,
            Some(_) => DeadlineState::MetLate,
            None if now > due => DeadlineState::Overdue,
            None if due - now <= TimeDelta::hours(i64::from(self.due_soon_hours)) => {
                DeadlineState::DueSoon
            }
            None => DeadlineState::Pending,
        }
    }
}

/// The deadlines of `case` as they stand at `now`.
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use lantero_cases::case::{Case, CaseId, CaseKind, Channel, Reference};
/// use lantero_cases::clock::{deadlines_for, ClockKind, DeadlineRules, DeadlineState};
///
/// // Received Thursday 10 April 2025: 7 days end on 17 April (skärtorsdagen, a working day),
/// // at midnight Stockholm time (22:00 UTC in summer time).
/// let received = Utc.with_ymd_and_hms(2025, 4, 10, 8, 0, 0).unwrap();
/// let reference = Reference::new(CaseKind::Whistleblowing, 2025, 1);
/// let case = Case::new(CaseId("case-1".into()), "ange".parse()?, CaseKind::Whistleblowing,
///                      Channel::Web, reference, received);
/// let d = deadlines_for(&case, &DeadlineRules::default(), received);
/// let ack = d.iter().find(|d| d.clock == ClockKind::Acknowledgement).unwrap();
/// assert_eq!(ack.due, Utc.with_ymd_and_hms(2025, 4, 17, 22, 0, 0).unwrap());
/// assert_eq!(ack.state, DeadlineState::Pending);
/// # Ok::<(), lantero_cases::Error>(())
/// ```
pub fn deadlines_for(case: &Case, rules: &DeadlineRules, now: DateTime<Utc>) -> Vec<Deadline> {
    let make = |clock, due, met_at| Deadline {
        case_id: case.id.clone(),
        reference: case.reference,
        kind: case.kind,
        clock,
        due,
        met_at,
        state: rules.state(due, met_at, now),
    };
    let received = local_date(case.received_at);
    match case.kind {
        CaseKind::Whistleblowing => {
            let ack_date = received + TimeDelta::days(i64::from(rules.acknowledgement_days));
            let ack_due = rules.statutory_end(ack_date);
            let from = case.acknowledged_at.map(local_date).unwrap_or(ack_date);
            let feedback_date = from
                .checked_add_months(Months::new(rules.feedback_months))
                .unwrap_or(from);
            let feedback_due = rules.statutory_end(feedback_date);
            // Closing an out-of-scope report is itself the answer to the reporter.
            let feedback_met = case.feedback_at.or(case.closed_at);
            vec![
                make(ClockKind::Acknowledgement, ack_due, case.acknowledged_at),
                make(ClockKind::Feedback, feedback_due, feedback_met),
            ]
        }
        CaseKind::RecordsRequest => {
            let due = end_of_local_day(add_working_days(received, rules.records_working_days));
            vec![make(ClockKind::RecordsHandling, due, case.decided_at)]
        }
        CaseKind::Tip => Vec::new(),
    }
}
