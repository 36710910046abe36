//! Who may do what: roles, per-case assignment, and the one place that decides.
//!
//! Every service operation asks [`Policy::check`] before touching data; anything not granted
//! by the table in [`Policy::decide`] is denied. Whistleblower reports are the most guarded:
//! only handlers assigned to the case read them (the function must be independent of line
//! management), and even they never see the reporter's identity without a custodian.

use std::collections::BTreeSet;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::case::{Case, CaseKind};
use crate::{Error, Result, TenantId};

/// A user or system account id, e.g. `"handlaggare-1"`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ActorId(pub String);

impl ActorId {
    /// An id from a string.
    pub fn new(id: impl Into<String>) -> Self {
        Self(id.into())
    }
}

impl AsRef<str> for ActorId {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ActorId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A role in the case tool.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Investigates the cases assigned to them (behörig handläggare).
    Handler,
    /// Approves or denies revealing a reporter's identity; reads no case content.
    Custodian,
    /// Registers and decides requests for public documents.
    Registrar,
    /// Manages the tenant: assignment, legal holds, retention, audit log; reads no content.
    Administrator,
    /// Reads anonymous statistics only.
    StatisticsReader,
}

/// A signed-in user: who, in which tenant, with which roles.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    /// The account id.
    pub id: ActorId,
    /// The tenant the account belongs to; it never acts in another.
    pub tenant: TenantId,
    /// The roles held.
    pub roles: BTreeSet<Role>,
}

impl Actor {
    /// An actor with the given roles.
    pub fn new(
        id: impl Into<String>,
        tenant: TenantId,
        roles: impl IntoIterator<Item = Role>,
    ) -> Self {
        Self {
            id: ActorId::new(id),
            tenant,
            roles: roles.into_iter().collect(),
        }
    }

    /// Whether the actor holds `role`.
    pub fn has(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }
}

/// Something an actor wants to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// See a case's reference, kind, status and dates.
    ReadMetadata,
    /// Read the case text, messages (internal and shared) and attachments.
    ReadContent,
    /// Write an internal note, a message to the reporter, or attach a file.
    WriteContent,
    /// Change status, close, record triage, link cases.
    Handle,
    /// Assign or unassign handlers.
    Assign,
    /// Set or lift a legal hold.
    SetLegalHold,
    /// Ask a custodian to reveal the reporter's identity.
    RequestIdentityReveal,
    /// Approve or deny such a request.
    DecideIdentityReveal,
    /// Read the identity after approval.
    RevealIdentity,
    /// Register a request for public documents.
    RegisterRecordsRequest,
    /// Decide a request for public documents.
    DecideRecordsRequest,
    /// Answer a request that asks whether whistleblower reports exist (neither confirm nor deny).
    AnswerRegisterQuery,
    /// List deadlines (of the cases the actor may see).
    ListDeadlines,
    /// Read anonymous statistics.
    ReadStatistics,
    /// Run the retention routine (purge).
    RunRetention,
    /// Read and verify the audit log.
    ReadAuditLog,
}

impl Action {
    /// The stable machine name, as written to the audit log.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::ReadMetadata => "read_metadata",
            Self::ReadContent => "read_content",
            Self::WriteContent => "write_content",
            Self::Handle => "handle",
            Self::Assign => "assign",
            Self::SetLegalHold => "set_legal_hold",
            Self::RequestIdentityReveal => "request_identity_reveal",
            Self::DecideIdentityReveal => "decide_identity_reveal",
            Self::RevealIdentity => "reveal_identity",
            Self::RegisterRecordsRequest => "register_records_request",
            Self::DecideRecordsRequest => "decide_records_request",
            Self::AnswerRegisterQuery => "answer_register_query",
            Self::ListDeadlines => "list_deadlines",
            Self::ReadStatistics => "read_statistics",
            Self::RunRetention => "run_retention",
            Self::ReadAuditLog => "read_audit_log",
        }
    }
}

impl fmt::Display for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What an action is applied to.
#[derive(Debug, Clone, Copy)]
pub enum Target<'a> {
    /// The tenant as a whole (registering, statistics, retention).
    Tenant(&'a TenantId),
    /// One case.
    Case(&'a Case),
}

/// The outcome of a policy decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "decision", content = "reason", rename_all = "snake_case")]
pub enum Decision {
    /// Allowed.
    Allow,
    /// Denied, with the reason.
    Deny(String),
}

/// The access policy. Stateless: the table is the policy.
#[derive(Debug, Clone, Copy, Default)]
pub struct Policy;

impl Policy {
    /// Decides whether `actor` may do `action` on `target`.
    ///
    /// ```
    /// use lantero_cases::policy::{Action, Actor, Decision, Policy, Role, Target};
    ///
    /// let tenant = "ange".parse()?;
    /// let stats = Actor::new("s1", "ange".parse()?, [Role::StatisticsReader]);
    /// assert_eq!(Policy.decide(&stats, Action::ReadStatistics, Target::Tenant(&tenant)), Decision::Allow);
    /// assert!(matches!(Policy.decide(&stats, Action::RunRetention, Target::Tenant(&tenant)), Decision::Deny(_)));
    /// # Ok::<(), lantero_cases::Error>(())
    /// ```
    pub fn decide(&self, actor: &Actor, action: Action, target: Target<'_>) -> Decision {
        let tenant = match target {
            Target::Tenant(t) => t,
            Target::Case(c) => &c.tenant,
        };
        if &actor.tenant != tenant {
            return Decision::Deny("the actor belongs to another tenant".into());
        }
        let granted = match target {
            Target::Tenant(_) => Self::tenant_grants(actor, action),
            Target::Case(case) => Self::case_grants(actor, action, case),
        };
        if granted {
            Decision::Allow
        } else {
            Decision::Deny(match target {
                Target::Tenant(_) => "no role grants this".into(),
                Target::Case(_) => "no role grants this on this case (not assigned?)".into(),
            })
        }
    }

    fn tenant_grants(actor: &Actor, action: Action) -> bool {
        use Action::*;
        use Role::*;
        match action {
            RegisterRecordsRequest | AnswerRegisterQuery => actor.has(Registrar),
            ListDeadlines => actor.has(Handler) || actor.has(Registrar) || actor.has(Administrator),
            ReadStatistics => actor.has(StatisticsReader) || actor.has(Administrator),
            RunRetention | ReadAuditLog => actor.has(Administrator),
            _ => false,
        }
    }

    fn case_grants(actor: &Actor, action: Action, case: &Case) -> bool {
        use Action::*;
        use Role::*;
        let assigned = actor.has(Handler) && case.is_assigned(&actor.id);
        let registrar_case = actor.has(Registrar) && case.kind == CaseKind::RecordsRequest;
        match action {
            ReadMetadata => assigned || registrar_case || actor.has(Administrator),
            ReadContent | WriteContent | Handle => assigned || registrar_case,
            Assign | SetLegalHold => actor.has(Administrator),
            // The identity is only for handlers of the case, and only through a custodian.
            RequestIdentityReveal | RevealIdentity => assigned,
            DecideIdentityReveal => actor.has(Custodian),
            DecideRecordsRequest => {
                case.kind == CaseKind::RecordsRequest && (assigned || registrar_case)
            }
            _ => false,
        }
    }

    /// Like [`Policy::decide`], as a `Result` with [`Error::Denied`].
    pub fn check(&self, actor: &Actor, action: Action, target: Target<'_>) -> Result<()> {
        match self.decide(actor, action, target) {
            Decision::Allow => Ok(()),
            Decision::Deny(reason) => Err(Error::Denied {
                actor: actor.id.to_string(),
                action: action.to_string(),
                reason,
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::case::{CaseId, Channel, Reference};
    use chrono::Utc;

    const ALL_ACTIONS: [Action; 16] = [
        Action::ReadMetadata,
        Action::ReadContent,
        Action::WriteContent,
        Action::Handle,
        Action::Assign,
        Action::SetLegalHold,
        Action::RequestIdentityReveal,
        Action::DecideIdentityReveal,
        Action::RevealIdentity,
        Action::RegisterRecordsRequest,
        Action::DecideRecordsRequest,
        Action::AnswerRegisterQuery,
        Action::ListDeadlines,
        Action::ReadStatistics,
        Action::RunRetention,
        Action::ReadAuditLog,
    ];

    fn case(kind: CaseKind, assignee: Option<&str>) -> Case {
        let mut c = Case::new(
            CaseId("case-1".into()),
            "t".parse().unwrap(),
            kind,
            Channel::Web,
            Reference::new(kind, 2025, 1),
            Utc::now(),
        );
        c.assignees = assignee.into_iter().map(ActorId::new).collect();
        c
    }

    fn allowed(actor: &Actor, target: Target<'_>) -> Vec<Action> {
        ALL_ACTIONS
            .into_iter()
            .filter(|a| Policy.decide(actor, *a, target) == Decision::Allow)
            .collect()
    }

    #[test]
    fn an_actor_without_roles_may_do_nothing() {
        let nobody = Actor::new("n", "t".parse().unwrap(), []);
        let c = case(CaseKind::Whistleblowing, Some("n"));
        assert!(allowed(&nobody, Target::Case(&c)).is_empty());
        assert!(allowed(&nobody, Target::Tenant(&c.tenant)).is_empty());
    }

    #[test]
    fn whistleblowing_content_is_for_assigned_handlers_only() {
        use Action::*;
        let c = case(CaseKind::Whistleblowing, Some("h1"));
        let h1 = Actor::new("h1", "t".parse().unwrap(), [Role::Handler]);
        assert_eq!(
            allowed(&h1, Target::Case(&c)),
            [
                ReadMetadata,
                ReadContent,
                WriteContent,
                Handle,
                RequestIdentityReveal,
                RevealIdentity
            ]
        );
        for role in [
            Role::Handler,
            Role::Custodian,
            Role::Registrar,
            Role::Administrator,
            Role::StatisticsReader,
        ] {
            let other = Actor::new("x", "t".parse().unwrap(), [role]);
            assert!(
                !allowed(&other, Target::Case(&c)).contains(&ReadContent),
                "{role:?}"
            );
        }
        let admin = Actor::new("a", "t".parse().unwrap(), [Role::Administrator]);
        assert_eq!(
            allowed(&admin, Target::Case(&c)),
            [ReadMetadata, Assign, SetLegalHold]
        );
        let custodian = Actor::new("c", "t".parse().unwrap(), [Role::Custodian]);
        assert_eq!(
            allowed(&custodian, Target::Case(&c)),
            [DecideIdentityReveal]
        );
    }

    #[test]
    fn registrars_handle_records_requests_without_assignment() {
        let reg = Actor::new("r", "t".parse().unwrap(), [Role::Registrar]);
        let rr = case(CaseKind::RecordsRequest, None);
        assert!(allowed(&reg, Target::Case(&rr)).contains(&Action::DecideRecordsRequest));
        assert!(allowed(&reg, Target::Case(&case(CaseKind::Tip, None))).is_empty());
        assert_eq!(
            allowed(&reg, Target::Tenant(&rr.tenant)),
            [
                Action::RegisterRecordsRequest,
                Action::AnswerRegisterQuery,
                Action::ListDeadlines
            ]
        );
    }

    #[test]
    fn another_tenant_is_always_denied() {
        let c = case(CaseKind::Tip, Some("h1"));
        let foreign = Actor::new(
            "h1",
            "other".parse().unwrap(),
            [
                Role::Handler,
                Role::Administrator,
                Role::Custodian,
                Role::Registrar,
                Role::StatisticsReader,
            ],
        );
        assert!(allowed(&foreign, Target::Case(&c)).is_empty());
        assert!(allowed(&foreign, Target::Tenant(&c.tenant)).is_empty());
        let err = Policy
            .check(&foreign, Action::ReadContent, Target::Case(&c))
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "access denied: h1 may not read_content: the actor belongs to another tenant"
        );
    }
}
