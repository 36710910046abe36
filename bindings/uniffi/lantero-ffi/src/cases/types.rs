//! The case area's records as the bindings see them, flattened to strings and timestamps: a
//! reference is `VB-2025-0007`, an id a plain string, an instant a `java.time.Instant` in
//! Kotlin and a `Date` in Swift.

use std::time::SystemTime;

use lantero_cases::case::{self, CaseKind, Channel, ClosureReason, Status, Visibility};
use lantero_cases::clock::{self, ClockKind, DeadlineState};
use lantero_cases::policy::{self, Role};
use lantero_cases::reporter;
use lantero_cases::service;
use lantero_cases::{Tenant, TenantId};

use super::CaseError;

/// A signed-in user: who, in which tenant, with which roles.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Actor {
    /// The account id.
    pub id: String,
    /// The tenant the account belongs to.
    pub tenant: String,
    /// The roles held.
    pub roles: Vec<Role>,
}

impl TryFrom<Actor> for policy::Actor {
    type Error = CaseError;
    fn try_from(a: Actor) -> Result<Self, CaseError> {
        Ok(policy::Actor::new(a.id, tenant_id(&a.tenant)?, a.roles))
    }
}

/// Reads a tenant id (`a-z`, `0-9`, `-`, `_`, 1–64 characters).
pub(crate) fn tenant_id(id: &str) -> Result<TenantId, CaseError> {
    Ok(id.parse::<TenantId>()?)
}

/// A tenant (one municipality or organisation).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct TenantInfo {
    /// The id.
    pub id: String,
    /// The name.
    pub name: String,
    /// When it was created.
    pub created_at: SystemTime,
}

impl From<Tenant> for TenantInfo {
    fn from(t: Tenant) -> Self {
        Self {
            id: t.id.to_string(),
            name: t.name,
            created_at: t.created_at.into(),
        }
    }
}

/// Who a reporter is, when they chose to say.
#[derive(Debug, Clone, PartialEq, Eq, Default, uniffi::Record)]
pub struct ReporterIdentity {
    /// Name.
    pub name: Option<String>,
    /// E-mail address.
    pub email: Option<String>,
    /// Telephone number.
    pub phone: Option<String>,
    /// Anything else given to be reachable or identified.
    pub other: Option<String>,
}

impl From<ReporterIdentity> for reporter::ReporterIdentity {
    fn from(i: ReporterIdentity) -> Self {
        Self {
            name: i.name,
            email: i.email,
            phone: i.phone,
            other: i.other,
        }
    }
}

/// A whistleblower report or a tip as a reporter submits it.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct NewReport {
    /// `Whistleblowing` or `Tip`.
    pub kind: CaseKind,
    /// How it arrived.
    pub channel: Channel,
    /// The report text.
    pub text: String,
    /// Who the reporter is, if they chose to say.
    pub identity: Option<ReporterIdentity>,
}

impl From<NewReport> for service::NewReport {
    fn from(r: NewReport) -> Self {
        Self {
            kind: r.kind,
            channel: r.channel,
            text: r.text,
            identity: r.identity.map(Into::into),
        }
    }
}

/// What the reporter gets back, once.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Submission {
    /// The case id.
    pub case_id: String,
    /// The reference, e.g. `VB-2025-0007`.
    pub reference: String,
    /// The 16-digit receipt in groups of four. Show it to the reporter now: only its hash is
    /// stored, so it cannot be shown again.
    pub receipt: String,
}

impl From<service::Submission> for Submission {
    fn from(s: service::Submission) -> Self {
        Self {
            case_id: s.case_id.to_string(),
            reference: s.reference.to_string(),
            receipt: s.receipt.grouped(),
        }
    }
}

/// Who wrote a message.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum MessageAuthor {
    /// The (possibly anonymous) reporter.
    Reporter,
    /// A member of staff.
    Staff {
        /// The account id.
        actor: String,
    },
}

/// One message of a case, opened.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct MessageView {
    /// The id.
    pub id: String,
    /// Who wrote it.
    pub author: MessageAuthor,
    /// Who may read it.
    pub visibility: Visibility,
    /// When it was sent.
    pub sent_at: SystemTime,
    /// The text.
    pub text: String,
}

impl From<service::MessageView> for MessageView {
    fn from(mut m: service::MessageView) -> Self {
        Self {
            id: m.id.0,
            author: match m.author {
                case::Author::Reporter => MessageAuthor::Reporter,
                case::Author::Staff(actor) => MessageAuthor::Staff { actor: actor.0 },
            },
            visibility: m.visibility,
            sent_at: m.sent_at.into(),
            // Moved, not copied: the wiped-on-drop buffer is left empty, no second copy lingers.
            text: std::mem::take(&mut *m.text),
        }
    }
}

/// What a reporter sees with their receipt: the report, its status and the shared dialogue.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ReporterView {
    /// The reference.
    pub reference: String,
    /// The status.
    pub status: Status,
    /// When the report was received.
    pub received_at: SystemTime,
    /// The report as submitted.
    pub text: String,
    /// The messages shared with the reporter, oldest first.
    pub messages: Vec<MessageView>,
}

impl From<service::ReporterView> for ReporterView {
    fn from(mut v: service::ReporterView) -> Self {
        Self {
            reference: v.reference.to_string(),
            status: v.status,
            received_at: v.received_at.into(),
            text: std::mem::take(&mut *v.text),
            messages: v.messages.into_iter().map(Into::into).collect(),
        }
    }
}

/// A case's metadata, as every listing shows it (no content).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CaseInfo {
    /// The id.
    pub id: String,
    /// The reference, e.g. `VB-2025-0007`.
    pub reference: String,
    /// The kind.
    pub kind: CaseKind,
    /// How it arrived.
    pub channel: Channel,
    /// Where it is in its life.
    pub status: Status,
    /// When it was received.
    pub received_at: SystemTime,
    /// When the receipt was confirmed to the reporter.
    pub acknowledged_at: Option<SystemTime>,
    /// When feedback was last given.
    pub feedback_at: Option<SystemTime>,
    /// When a records request was decided.
    pub decided_at: Option<SystemTime>,
    /// When the case was closed.
    pub closed_at: Option<SystemTime>,
    /// Why it was closed.
    pub closure: Option<ClosureReason>,
    /// The handlers assigned.
    pub assignees: Vec<String>,
    /// The matter of a legal hold, if one is set.
    pub legal_hold: Option<String>,
    /// When its personal data was purged.
    pub purged_at: Option<SystemTime>,
}

impl From<case::Case> for CaseInfo {
    fn from(c: case::Case) -> Self {
        Self {
            id: c.id.0,
            reference: c.reference.to_string(),
            kind: c.kind,
            channel: c.channel,
            status: c.status,
            received_at: c.received_at.into(),
            acknowledged_at: c.acknowledged_at.map(Into::into),
            feedback_at: c.feedback_at.map(Into::into),
            decided_at: c.decided_at.map(Into::into),
            closed_at: c.closed_at.map(Into::into),
            closure: c.closure,
            assignees: c.assignees.into_iter().map(|a| a.0).collect(),
            legal_hold: c.legal_hold.map(|h| h.matter),
            purged_at: c.purged_at.map(Into::into),
        }
    }
}

/// A case opened for reading: metadata and text.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CaseDetails {
    /// The metadata.
    pub case: CaseInfo,
    /// The report, tip or request text.
    pub text: String,
    /// Ids of the cases linked to this one.
    pub linked_cases: Vec<String>,
}

impl From<service::CaseView> for CaseDetails {
    fn from(mut v: service::CaseView) -> Self {
        let own = v.case.id.clone();
        let linked_cases = v
            .links
            .into_iter()
            .map(|l| if l.from == own { l.to.0 } else { l.from.0 })
            .collect();
        Self {
            text: std::mem::take(&mut *v.text),
            case: v.case.into(),
            linked_cases,
        }
    }
}

/// One statutory deadline of one case.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Deadline {
    /// The case.
    pub case_id: String,
    /// Its reference.
    pub reference: String,
    /// Its kind.
    pub kind: CaseKind,
    /// Which clock.
    pub clock: ClockKind,
    /// When the deadline ends.
    pub due: SystemTime,
    /// When it was met, if it was.
    pub met_at: Option<SystemTime>,
    /// Where it stands now.
    pub state: DeadlineState,
}

impl From<clock::Deadline> for Deadline {
    fn from(d: clock::Deadline) -> Self {
        Self {
            case_id: d.case_id.0,
            reference: d.reference.to_string(),
            kind: d.kind,
            clock: d.clock,
            due: d.due.into(),
            met_at: d.met_at.map(Into::into),
            state: d.state,
        }
    }
}

/// Starting points for a service configuration (`CaseService.openSqliteWithConfig`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum ServiceConfigPreset {
    /// The production defaults (Argon2id at 19 MiB, 2 passes).
    Production,
    /// Cheap Argon2id (64 KiB, 1 pass): for tests and examples only, never production.
    InsecureForTests,
}
