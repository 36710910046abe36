//! The façade: every operation on cases goes through [`CaseService`], which asks the
//! [`Policy`], seals and opens content with per-case keys, and writes the audit log in the same
//! transaction as the change.

mod attachments;
mod handling;
mod identity;
mod intake;
mod oversight;
mod records;
mod reporter;
mod triage;

use std::sync::Arc;

use serde::{Deserialize, Serialize};

pub use attachments::AttachmentUpload;
pub use handling::{CaseView, MessageView};
pub use intake::{NewRecordsRequest, NewReport, Submission};
pub use oversight::DeadlineQuery;
pub use records::NcndAnswer;
pub use reporter::ReporterView;
pub use triage::TriageResult;

use crate::case::{Case, CaseId};
use crate::clock::{Clock, DeadlineRules, SystemClock};
use crate::crypto::{DataKey, KeyProvider};
use crate::policy::{Action, Actor, Policy, Target};
use crate::reporter::{Argon2Params, ThrottleConfig};
use crate::retention::RetentionPolicy;
use crate::store::KeyAnchor;
use crate::store::{AuditDraft, CaseStore};
use crate::{Error, Result, TenantId};

/// Settings of a [`CaseService`].
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ServiceConfig {
    /// Cost of the receipt hash.
    pub argon2: Argon2Params,
    /// Limits on failed receipt attempts.
    pub throttle: ThrottleConfig,
    /// Deadline rules.
    pub deadlines: DeadlineRules,
    /// Retention rules.
    pub retention: RetentionPolicy,
}

impl ServiceConfig {
    /// The defaults with [`Argon2Params::insecure_for_tests`]: for tests and examples only.
    pub fn insecure_for_tests() -> Self {
        Self {
            argon2: Argon2Params::insecure_for_tests(),
            ..Self::default()
        }
    }
}

/// Case handling with access control, encryption at rest and audit.
///
/// See the crate documentation for a complete example.
pub struct CaseService {
    store: Arc<dyn CaseStore>,
    keys: Arc<dyn KeyProvider>,
    clock: Arc<dyn Clock>,
    config: ServiceConfig,
    anchor: KeyAnchor,
    policy: Policy,
}

impl CaseService {
    /// A service over `store`, with data keys wrapped by `keys`, on the system clock.
    pub fn new(
        store: Arc<dyn CaseStore>,
        keys: Arc<dyn KeyProvider>,
        config: ServiceConfig,
    ) -> Self {
        Self {
            store,
            anchor: KeyAnchor::new(keys.clone()),
            keys,
            clock: Arc::new(SystemClock),
            config,
            policy: Policy,
        }
    }

    /// The same service on another clock (tests, simulations).
    pub fn with_clock(mut self, clock: Arc<dyn Clock>) -> Self {
        self.clock = clock;
        self
    }

    /// The store.
    pub fn store(&self) -> &dyn CaseStore {
        self.store.as_ref()
    }

    /// The settings.
    pub fn config(&self) -> &ServiceConfig {
        &self.config
    }

    fn now(&self) -> chrono::DateTime<chrono::Utc> {
        self.clock.now()
    }

    fn draft(&self, actor: &str, action: &str, object: &str, detail: Option<String>) -> AuditDraft {
        AuditDraft {
            time: self.now(),
            actor: actor.to_owned(),
            action: action.to_owned(),
            object: object.to_owned(),
            detail,
        }
    }

    /// Asks the policy; a refusal is itself written to the audit log.
    fn authorize(&self, actor: &Actor, action: Action, target: Target<'_>) -> Result<()> {
        let result = self.policy.check(actor, action, target);
        if result.is_err() {
            let object = match target {
                Target::Tenant(t) => format!("tenant:{t}"),
                Target::Case(c) => c.id.to_string(),
            };
            // Denials are recorded in the actor's own tenant: a probe of another tenant must
            // not write to that tenant's log.
            self.store.record(
                &actor.tenant,
                &self.anchor,
                self.draft(
                    actor.id.as_ref(),
                    "access.denied",
                    &object,
                    Some(action.to_string()),
                ),
            )?;
        }
        result
    }

    fn load(&self, tenant: &TenantId, id: &CaseId) -> Result<Case> {
        self.store.case(tenant, id)?.ok_or_else(|| Error::NotFound {
            what: "case",
            id: id.to_string(),
        })
    }

    /// Loads a case of the actor's tenant and checks `action` on it.
    fn load_for(&self, actor: &Actor, id: &CaseId, action: Action) -> Result<Case> {
        let case = self.load(&actor.tenant, id)?;
        self.authorize(actor, action, Target::Case(&case))?;
        Ok(case)
    }

    fn case_key(&self, case: &Case) -> Result<DataKey> {
        let content = case.content.as_ref().ok_or_else(|| Error::InvalidState {
            case: case.reference.to_string(),
            reason: "its content has been purged".into(),
        })?;
        self.keys.unwrap_key(&case.tenant, &content.case_key)
    }

    /// [`Self::modify`] on behalf of `actor`, once `actor` may perform `permission` on the case.
    fn modify_as(
        &self,
        actor: &Actor,
        id: &CaseId,
        permission: Action,
        event: &str,
        detail: Option<String>,
        change: &mut dyn FnMut(&mut Case, &mut dyn crate::store::Tx) -> Result<()>,
    ) -> Result<Case> {
        self.load_for(actor, id, permission)?;
        self.modify(actor.id.as_ref(), &actor.tenant, id, event, detail, change)
    }

    /// Changes a case in one transaction: re-reads it, applies `change`, writes it back and
    /// appends the audit event.
    fn modify(
        &self,
        actor: &str,
        tenant: &TenantId,
        id: &CaseId,
        action: &str,
        detail: Option<String>,
        change: &mut dyn FnMut(&mut Case, &mut dyn crate::store::Tx) -> Result<()>,
    ) -> Result<Case> {
        let mut result = None;
        self.store.transact(tenant, &self.anchor, &mut |tx| {
            let mut case = tx.case(id)?.ok_or_else(|| Error::NotFound {
                what: "case",
                id: id.to_string(),
            })?;
            change(&mut case, tx)?;
            tx.update_case(&case)?;
            result = Some(case);
            Ok(self.draft(actor, action, id.as_str(), detail.clone()))
        })?;
        result.ok_or_else(|| Error::corrupt("case", "transaction returned no case"))
    }
}
