//! Deciding records requests, and the neither-confirm-nor-deny answer.

use serde::{Deserialize, Serialize};

use super::{CaseService, NewRecordsRequest};
use crate::case::{Case, CaseId, Channel, Reference, Status};
use crate::clock::local_date;
use crate::policy::{Action, Actor, Target};
use crate::records::{
    DecisionDocument, NCND_DOCUMENT, Outcome, QuerySubject, RecordsDecision, RegisterQuery,
    RequestedDocument, answer_register_query, render_decision,
};
use crate::{Error, Result};

/// The registered request and its decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NcndAnswer {
    /// The records-request case registered for the query.
    pub case_id: CaseId,
    /// Its reference.
    pub reference: Reference,
    /// The decision.
    pub document: DecisionDocument,
}

impl CaseService {
    /// Links a redaction review session (by id) to a records request.
    pub fn add_review_session(&self, actor: &Actor, id: &CaseId, session_id: &str) -> Result<()> {
        self.load_for(actor, id, Action::Handle)?;
        if session_id.trim().is_empty() {
            return Err(Error::invalid(
                "review session id",
                session_id,
                "must not be empty",
            ));
        }
        self.modify(
            actor.id.as_ref(),
            &actor.tenant,
            id,
            "records.review_session",
            Some(session_id.to_owned()),
            &mut |case, _| {
                let records = case.records.as_mut().ok_or_else(|| Error::InvalidState {
                    case: case.reference.to_string(),
                    reason: "not a records request".into(),
                })?;
                if !records.review_sessions.iter().any(|s| s == session_id) {
                    records.review_sessions.push(session_id.to_owned());
                }
                Ok(())
            },
        )?;
        Ok(())
    }

    /// Decides a records request and writes the decision document.
    pub fn decide_records_request(
        &self,
        actor: &Actor,
        id: &CaseId,
        outcome: Outcome,
    ) -> Result<DecisionDocument> {
        let case = self.load_for(actor, id, Action::DecideRecordsRequest)?;
        case.status.become_(case.kind, Status::Decided)?;
        let records = case.records.as_ref().ok_or_else(|| Error::InvalidState {
            case: case.reference.to_string(),
            reason: "not a records request".into(),
        })?;
        let tenant = self.tenant_record(&actor.tenant)?;
        let now = self.now();
        let document = render_decision(
            &tenant.name,
            case.reference,
            local_date(now),
            &records.documents,
            &outcome,
        )?;
        let decision = RecordsDecision {
            outcome,
            decided_by: actor.id.clone(),
            decided_at: now,
            document: document.clone(),
        };
        let detail = Some(document.provisions.join(", "));
        self.store_decision(actor, id, "records.decide", detail, decision)?;
        Ok(document)
    }

    /// Registers and decides a request that asks whether the whistleblowing register holds
    /// reports about a person or topic. The register is never searched: the answer is the same
    /// refusal whatever it holds, and so are the writes and the audit events. The person or
    /// topic asked about is sealed in the request's text; nothing stored in the clear names it.
    pub fn answer_register_query(
        &self,
        actor: &Actor,
        channel: Channel,
        query: RegisterQuery,
    ) -> Result<NcndAnswer> {
        self.authorize(
            actor,
            Action::AnswerRegisterQuery,
            Target::Tenant(&actor.tenant),
        )?;
        let asked = match &query.subject {
            QuerySubject::Person(p) => format!("Uppgifter i visselblåsarsystemet om {p}"),
            QuerySubject::Topic(t) => format!("Uppgifter i visselblåsarsystemet om \"{t}\""),
        };
        let case = self.register_records_request(
            actor,
            NewRecordsRequest {
                channel,
                text: asked,
                documents: vec![RequestedDocument {
                    description: NCND_DOCUMENT.to_owned(),
                    registry_ref: None,
                }],
                requester: None,
            },
        )?;
        let tenant = self.tenant_record(&actor.tenant)?;
        let now = self.now();
        let document =
            answer_register_query(&tenant.name, case.reference, local_date(now), &query)?;
        let decision = RecordsDecision {
            outcome: Outcome::Refusal {
                provisions: document.provisions.clone(),
            },
            decided_by: actor.id.clone(),
            decided_at: now,
            document: document.clone(),
        };
        self.store_decision(actor, &case.id, "records.ncnd", None, decision)?;
        Ok(NcndAnswer {
            case_id: case.id,
            reference: case.reference,
            document,
        })
    }

    /// Writes a records decision and the step to `Decided` in one transaction.
    fn store_decision(
        &self,
        actor: &Actor,
        id: &CaseId,
        event: &str,
        detail: Option<String>,
        decision: RecordsDecision,
    ) -> Result<Case> {
        self.modify(
            actor.id.as_ref(),
            &actor.tenant,
            id,
            event,
            detail,
            &mut |case, _| {
                case.status = case.status.become_(case.kind, Status::Decided)?;
                case.decided_at = Some(decision.decided_at);
                if let Some(r) = case.records.as_mut() {
                    r.decision = Some(decision.clone());
                }
                Ok(())
            },
        )
    }
}
