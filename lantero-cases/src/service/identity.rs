//! The custodian-approved reveal of a reporter's identity.

use super::CaseService;
use crate::case::CaseId;
use crate::policy::{Action, Actor};
use crate::reporter::{ReporterIdentity, RevealId, RevealRequest, RevealState};
use crate::{Error, Result};

impl CaseService {
    /// A handler of the case asks to see the reporter's identity, stating the ground.
    pub fn request_identity_reveal(
        &self,
        actor: &Actor,
        id: &CaseId,
        ground: &str,
    ) -> Result<RevealId> {
        let case = self.load_for(actor, id, Action::RequestIdentityReveal)?;
        if ground.trim().is_empty() {
            return Err(Error::invalid(
                "ground",
                ground,
                "a reveal needs a stated ground",
            ));
        }
        if case
            .content
            .as_ref()
            .and_then(|c| c.identity.as_ref())
            .is_none()
        {
            return Err(Error::InvalidState {
                case: case.reference.to_string(),
                reason: "the reporter gave no identity".into(),
            });
        }
        let request = RevealRequest {
            id: RevealId::generate()?,
            case_id: id.clone(),
            requested_by: actor.id.clone(),
            requested_at: self.now(),
            ground: ground.trim().to_owned(),
            state: RevealState::Pending,
        };
        self.store
            .transact(&actor.tenant, &self.anchor, &mut |tx| {
                tx.put_reveal(&request)?;
                Ok(self.draft(
                    actor.id.as_ref(),
                    "identity.reveal_requested",
                    id.as_str(),
                    Some(request.id.to_string()),
                ))
            })?;
        Ok(request.id)
    }

    fn load_reveal(&self, actor: &Actor, rid: &RevealId) -> Result<RevealRequest> {
        self.store
            .reveal(&actor.tenant, rid)?
            .ok_or_else(|| Error::NotFound {
                what: "reveal request",
                id: rid.to_string(),
            })
    }

    /// A custodian approves or denies a pending request. Nobody decides their own request.
    pub fn decide_identity_reveal(
        &self,
        actor: &Actor,
        rid: &RevealId,
        approve: bool,
    ) -> Result<RevealState> {
        let mut request = self.load_reveal(actor, rid)?;
        self.load_for(actor, &request.case_id, Action::DecideIdentityReveal)?;
        if request.requested_by == actor.id {
            return Err(Error::Denied {
                actor: actor.id.to_string(),
                action: Action::DecideIdentityReveal.to_string(),
                reason: "a custodian cannot decide their own request".into(),
            });
        }
        if request.state != RevealState::Pending {
            return Err(Error::InvalidState {
                case: request.case_id.to_string(),
                reason: format!("reveal request {rid} is already decided"),
            });
        }
        let now = self.now();
        request.state = if approve {
            RevealState::Approved {
                by: actor.id.clone(),
                at: now,
            }
        } else {
            RevealState::Denied {
                by: actor.id.clone(),
                at: now,
            }
        };
        let action = if approve {
            "identity.reveal_approved"
        } else {
            "identity.reveal_denied"
        };
        self.store
            .transact(&actor.tenant, &self.anchor, &mut |tx| {
                tx.put_reveal(&request)?;
                Ok(self.draft(
                    actor.id.as_ref(),
                    action,
                    request.case_id.as_str(),
                    Some(rid.to_string()),
                ))
            })?;
        Ok(request.state)
    }

    /// The requesting handler reads the identity, once, after approval.
    pub fn reveal_identity(&self, actor: &Actor, rid: &RevealId) -> Result<ReporterIdentity> {
        let mut request = self.load_reveal(actor, rid)?;
        let case = self.load_for(actor, &request.case_id, Action::RevealIdentity)?;
        let approved_by = match (&request.state, request.requested_by == actor.id) {
            (RevealState::Approved { by, .. }, true) => by.clone(),
            (_, false) => {
                return Err(Error::Denied {
                    actor: actor.id.to_string(),
                    action: Action::RevealIdentity.to_string(),
                    reason: "only the handler who asked may use the approval".into(),
                });
            }
            (state, true) => {
                let why = match state {
                    RevealState::Pending => "the request awaits a custodian",
                    RevealState::Denied { .. } => "the request was denied",
                    _ => "the approval has been used; ask again",
                };
                return Err(Error::Denied {
                    actor: actor.id.to_string(),
                    action: Action::RevealIdentity.to_string(),
                    reason: why.into(),
                });
            }
        };
        let content = case.content.as_ref().ok_or_else(|| Error::InvalidState {
            case: case.reference.to_string(),
            reason: "its content has been purged".into(),
        })?;
        let (Some(wrapped), Some(sealed)) = (&content.identity_key, &content.identity) else {
            return Err(Error::InvalidState {
                case: case.reference.to_string(),
                reason: "the reporter gave no identity".into(),
            });
        };
        // Use the approval before decrypting anything: inside the transaction (which holds
        // the tenant's lock) the request moves from approved to revealed only if it is still
        // approved, so concurrent calls on one approval reveal once.
        let approved = request.state.clone();
        request.state = RevealState::Revealed {
            approved_by,
            at: self.now(),
        };
        self.store
            .transact(&actor.tenant, &self.anchor, &mut |tx| {
                let current = tx.reveal(rid)?.map(|r| r.state);
                if current.as_ref() != Some(&approved) {
                    return Err(Error::Denied {
                        actor: actor.id.to_string(),
                        action: Action::RevealIdentity.to_string(),
                        reason: "the approval has been used; ask again".into(),
                    });
                }
                tx.put_reveal(&request)?;
                Ok(self.draft(
                    actor.id.as_ref(),
                    "identity.revealed",
                    case.id.as_str(),
                    Some(rid.to_string()),
                ))
            })?;
        let key = self.keys.unwrap_key(&case.tenant, wrapped)?;
        let json = key.open(sealed, &case.context("identity"))?;
        let identity: ReporterIdentity =
            serde_json::from_slice(&json).map_err(|e| Error::corrupt("identity", e))?;
        Ok(identity)
    }
}
