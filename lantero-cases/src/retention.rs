//! Retention: how long personal data is kept after a case closes, legal holds, and the purge.
//!
//! Purging a case deletes its messages, attachments and reveal requests, and strips the case
//! of everything personal: the sealed content and identity, the wrapped keys (so any copy of
//! the ciphertext left in a backup can no longer be opened), the receipt hash, the assignees
//! and the request details. What remains is kind, channel, status, dates and triage outcome:
//! enough for statistics and deadline compliance, nothing about anyone. Purging is idempotent:
//! a purged case is skipped.
//!
//! The defaults follow the whistleblower act (personal data at most 2 years after closure,
//! 7 kap. 2 § lag 2021:890) and the tip-channel rule that tips without legal basis are deleted
//! by routine; everything is configurable, e.g. to a municipality's dokumenthanteringsplan.

use chrono::{DateTime, TimeDelta, Utc};
use serde::{Deserialize, Serialize};

use crate::case::{Case, CaseId, CaseKind, ClosureReason, Reference};

/// The `schema` tag of a serialized [`PurgeReport`].
pub const PURGE_REPORT_SCHEMA: &str = "lantero.purge-report/v1";

/// One rule: closed cases of `kind` (and `closure`, if given) keep personal data for
/// `keep_days` after closing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RetentionRule {
    /// The kind the rule applies to.
    pub kind: CaseKind,
    /// The closure reason it applies to; `None` for any.
    pub closure: Option<ClosureReason>,
    /// Days after closure before purge.
    pub keep_days: u32,
}

/// The rules; the first that matches a case applies. Open cases are never purged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RetentionPolicy {
    /// The rules, most specific first.
    pub rules: Vec<RetentionRule>,
}

impl Default for RetentionPolicy {
    fn default() -> Self {
        let rule = |kind, closure, keep_days| RetentionRule {
            kind,
            closure,
            keep_days,
        };
        Self {
            rules: vec![
                // Tips without legal basis: deleted at the next run of the routine.
                rule(CaseKind::Tip, Some(ClosureReason::NoLegalBasis), 0),
                rule(CaseKind::Tip, None, 365),
                // Whistleblowing: at most two years after closure (730 days ≤ 2 years).
                rule(CaseKind::Whistleblowing, None, 730),
                rule(CaseKind::RecordsRequest, None, 730),
            ],
        }
    }
}

impl RetentionPolicy {
    /// When `case`'s personal data is due for purge, or `None` while it is open or no rule
    /// matches.
    pub fn purge_due(&self, case: &Case) -> Option<DateTime<Utc>> {
        let closed = case.closed_at?;
        let rule = self
            .rules
            .iter()
            .find(|r| r.kind == case.kind && r.closure.is_none_or(|c| Some(c) == case.closure))?;
        Some(closed + TimeDelta::days(i64::from(rule.keep_days)))
    }

    /// What the routine would do with `case` at `now`.
    pub fn assess(&self, case: &Case, now: DateTime<Utc>) -> PurgeState {
        if case.purged_at.is_some() {
            return PurgeState::AlreadyPurged;
        }
        match self.purge_due(case) {
            None => PurgeState::Kept,
            Some(due) if due > now => PurgeState::NotYet { due },
            Some(due) if case.legal_hold.is_some() => PurgeState::Held { due },
            Some(due) => PurgeState::Due { due },
        }
    }
}

/// Where a case stands with respect to purge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum PurgeState {
    /// Open, or no rule applies.
    Kept,
    /// Closed; purge is due later.
    NotYet {
        /// When.
        due: DateTime<Utc>,
    },
    /// Due, but a legal hold stops it.
    Held {
        /// When it became due.
        due: DateTime<Utc>,
    },
    /// Due now.
    Due {
        /// When it became due.
        due: DateTime<Utc>,
    },
    /// Purged earlier.
    AlreadyPurged,
}

/// A case in a purge report (no personal data: ids, reference, kind, dates).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PurgeItem {
    /// The case.
    pub case_id: CaseId,
    /// Its reference.
    pub reference: Reference,
    /// Its kind.
    pub kind: CaseKind,
    /// When it closed.
    pub closed_at: Option<DateTime<Utc>>,
    /// When purge became due.
    pub due: DateTime<Utc>,
}

/// What a purge run did, or would do when `dry_run`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PurgeReport {
    /// Always [`PURGE_REPORT_SCHEMA`].
    pub schema: String,
    /// The tenant.
    pub tenant: String,
    /// When the run happened.
    pub at: DateTime<Utc>,
    /// Whether nothing was changed.
    pub dry_run: bool,
    /// Cases purged (or that would be).
    pub purged: Vec<PurgeItem>,
    /// Cases due but kept because of a legal hold.
    pub held: Vec<PurgeItem>,
}

/// The non-personal remainder of `case` after purge at `now`.
pub fn purged_remainder(case: &Case, now: DateTime<Utc>) -> Case {
    let mut c = case.clone();
    c.content = None;
    c.receipt_hash = None;
    c.assignees.clear();
    c.records = None;
    c.legal_hold = None;
    c.purged_at = Some(now);
    c
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::case::{CaseId, Channel, LegalHold, Status};
    use crate::policy::ActorId;
    use chrono::TimeZone;

    fn closed(kind: CaseKind, closure: ClosureReason, at: DateTime<Utc>) -> Case {
        let mut c = Case::new(
            CaseId("case-1".into()),
            "t".parse().unwrap(),
            kind,
            Channel::Web,
            Reference::new(kind, 2024, 1),
            at - TimeDelta::days(30),
        );
        c.status = Status::Closed;
        c.closed_at = Some(at);
        c.closure = Some(closure);
        c
    }

    #[test]
    fn defaults_follow_the_law_and_the_tip_routine() {
        let p = RetentionPolicy::default();
        let at = Utc.with_ymd_and_hms(2024, 3, 1, 12, 0, 0).unwrap();
        let wb = closed(CaseKind::Whistleblowing, ClosureReason::Completed, at);
        assert_eq!(p.purge_due(&wb), Some(at + TimeDelta::days(730)));
        assert!(p.purge_due(&wb).unwrap() <= Utc.with_ymd_and_hms(2026, 3, 1, 12, 0, 0).unwrap());
        let tip = closed(CaseKind::Tip, ClosureReason::NoLegalBasis, at);
        assert_eq!(p.assess(&tip, at), PurgeState::Due { due: at });
        let kept_tip = closed(CaseKind::Tip, ClosureReason::Completed, at);
        assert!(matches!(p.assess(&kept_tip, at), PurgeState::NotYet { .. }));
    }

    #[test]
    fn legal_hold_and_open_cases_are_kept() {
        let p = RetentionPolicy::default();
        let at = Utc.with_ymd_and_hms(2024, 3, 1, 12, 0, 0).unwrap();
        let mut tip = closed(CaseKind::Tip, ClosureReason::NoLegalBasis, at);
        tip.legal_hold = Some(LegalHold {
            set_by: ActorId::new("admin"),
            set_at: at,
            matter: "T 1-24".into(),
        });
        assert_eq!(p.assess(&tip, at), PurgeState::Held { due: at });
        let mut open = closed(CaseKind::Tip, ClosureReason::NoLegalBasis, at);
        open.closed_at = None;
        open.status = Status::InProgress;
        assert_eq!(
            p.assess(&open, at + TimeDelta::days(10_000)),
            PurgeState::Kept
        );
        let gone = purged_remainder(&closed(CaseKind::Tip, ClosureReason::Completed, at), at);
        assert_eq!(p.assess(&gone, at), PurgeState::AlreadyPurged);
    }
}
