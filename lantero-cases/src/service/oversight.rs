//! Deadlines, statistics, retention and the audit log: the tenant-wide views.

use lantero_core::audit::AuditEvent;
use serde::{Deserialize, Serialize};

use super::CaseService;
use crate::Result;
use crate::clock::{Deadline, DeadlineState, deadlines_for};
use crate::policy::{Action, Actor, Target};
use crate::retention::{PURGE_REPORT_SCHEMA, PurgeItem, PurgeReport, PurgeState, purged_remainder};
use crate::stats::{Statistics, compute};

/// Which deadlines to list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeadlineQuery {
    /// Every deadline not yet met.
    #[default]
    Open,
    /// Open and due within the due-soon window.
    DueSoon,
    /// Open and past due.
    Overdue,
    /// All, met ones included.
    All,
}

impl DeadlineQuery {
    /// Whether a deadline in `state` is listed.
    pub fn matches(self, state: DeadlineState) -> bool {
        match self {
            Self::Open => state.is_open(),
            Self::DueSoon => state == DeadlineState::DueSoon,
            Self::Overdue => state == DeadlineState::Overdue,
            Self::All => true,
        }
    }
}

impl CaseService {
    /// The deadlines of the cases the actor may see, soonest first.
    pub fn deadlines(&self, actor: &Actor, query: DeadlineQuery) -> Result<Vec<Deadline>> {
        self.authorize(actor, Action::ListDeadlines, Target::Tenant(&actor.tenant))?;
        let now = self.now();
        let mut out: Vec<Deadline> = self
            .cases(actor)?
            .iter()
            .filter(|c| c.purged_at.is_none())
            .flat_map(|c| deadlines_for(c, &self.config.deadlines, now))
            .filter(|d| query.matches(d.state))
            .collect();
        out.sort_by(|a, b| {
            a.due
                .cmp(&b.due)
                .then_with(|| a.reference.cmp(&b.reference))
        });
        Ok(out)
    }

    /// Anonymous statistics of the actor's tenant.
    pub fn statistics(&self, actor: &Actor) -> Result<Statistics> {
        self.authorize(actor, Action::ReadStatistics, Target::Tenant(&actor.tenant))?;
        let cases = self.store.cases(&actor.tenant)?;
        self.store.record(
            &actor.tenant,
            &self.anchor,
            self.draft(
                actor.id.as_ref(),
                "statistics.read",
                &format!("tenant:{}", actor.tenant),
                None,
            ),
        )?;
        Ok(compute(&cases, &self.config.deadlines, self.now()))
    }

    /// Runs the retention routine: purges every case whose retention has run out and that is
    /// not on legal hold, one transaction per case. With `dry_run`, only reports.
    pub fn purge(&self, actor: &Actor, dry_run: bool) -> Result<PurgeReport> {
        self.authorize(actor, Action::RunRetention, Target::Tenant(&actor.tenant))?;
        let now = self.now();
        let mut report = PurgeReport {
            schema: PURGE_REPORT_SCHEMA.to_owned(),
            tenant: actor.tenant.to_string(),
            at: now,
            dry_run,
            purged: Vec::new(),
            held: Vec::new(),
        };
        for case in self.store.cases(&actor.tenant)? {
            let item = |due| PurgeItem {
                case_id: case.id.clone(),
                reference: case.reference,
                kind: case.kind,
                closed_at: case.closed_at,
                due,
            };
            match self.config.retention.assess(&case, now) {
                PurgeState::Held { due } => report.held.push(item(due)),
                PurgeState::Due { due } => {
                    if !dry_run {
                        self.purge_one(actor, &case.id, now)?;
                    }
                    report.purged.push(item(due));
                }
                PurgeState::Kept | PurgeState::NotYet { .. } | PurgeState::AlreadyPurged => {}
            }
        }
        if !dry_run && !report.purged.is_empty() {
            // Deleted rows linger in free pages, the journal and old row versions until
            // scrubbed; the keys are gone already, so what lingers is unreadable ciphertext,
            // and the scrub removes that too.
            self.store.scrub()?;
        }
        if dry_run {
            self.store.record(
                &actor.tenant,
                &self.anchor,
                self.draft(
                    actor.id.as_ref(),
                    "retention.dry_run",
                    &format!("tenant:{}", actor.tenant),
                    Some(format!("{} due", report.purged.len())),
                ),
            )?;
        }
        Ok(report)
    }

    fn purge_one(
        &self,
        actor: &Actor,
        id: &crate::case::CaseId,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<()> {
        self.store
            .transact(&actor.tenant, &self.anchor, &mut |tx| {
                let Some(current) = tx.case(id)? else {
                    return Ok(self.draft(
                        actor.id.as_ref(),
                        "case.purge_skipped",
                        id.as_str(),
                        Some("gone".into()),
                    ));
                };
                // Re-check inside the transaction: a hold may have been set since the listing.
                if !matches!(
                    self.config.retention.assess(&current, now),
                    PurgeState::Due { .. }
                ) {
                    return Ok(self.draft(
                        actor.id.as_ref(),
                        "case.purge_skipped",
                        id.as_str(),
                        None,
                    ));
                }
                tx.delete_case_content(id)?;
                tx.update_case(&purged_remainder(&current, now))?;
                Ok(self.draft(
                    actor.id.as_ref(),
                    "case.purge",
                    id.as_str(),
                    Some(current.kind.to_string()),
                ))
            })?;
        Ok(())
    }

    /// The tenant's audit log, verified against its signed head: a log trimmed at the end,
    /// rewritten and rehashed, or reordered is [`AuditChainBroken`](lantero_core::Error).
    pub fn audit_log(&self, actor: &Actor) -> Result<Vec<AuditEvent>> {
        self.authorize(actor, Action::ReadAuditLog, Target::Tenant(&actor.tenant))?;
        self.store.audit_events(&actor.tenant, &self.anchor)
    }

    /// Adopts a tenant's audit log written before heads were signed: verifies its chain and
    /// signs its head (administrators only; audited). From then on trimming it is detected.
    pub fn anchor_audit_log(&self, actor: &Actor) -> Result<u64> {
        self.authorize(actor, Action::ReadAuditLog, Target::Tenant(&actor.tenant))?;
        let len = self.store.anchor_audit_log(&actor.tenant, &self.anchor)?;
        self.store.record(
            &actor.tenant,
            &self.anchor,
            self.draft(
                actor.id.as_ref(),
                "audit.anchor",
                &format!("tenant:{}", actor.tenant),
                Some(format!("{len} events")),
            ),
        )?;
        Ok(len)
    }
}
