//! Handling a case: reading it, the dialogue, status, assignment, attachments, links, holds.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use super::CaseService;
use crate::case::{
    Author, Case, CaseId, CaseKind, CaseLink, ClosureReason, LegalHold, LinkRelation, Message,
    MessageId, Status, Visibility,
};
use crate::crypto::DataKey;
use crate::policy::{Action, Actor, ActorId};
use crate::{Error, Result};

/// A case with its text opened, for a handler. The text is wiped from memory when dropped and
/// `Debug` shows only its length.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseView {
    /// The case metadata (content still sealed).
    pub case: Case,
    /// The report, tip or request text.
    pub text: Zeroizing<String>,
    /// Links from and to the case.
    pub links: Vec<CaseLink>,
}

/// A message with its text opened. The text is wiped from memory when dropped and `Debug`
/// shows only its length.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MessageView {
    /// The id.
    pub id: MessageId,
    /// Who wrote it.
    pub author: Author,
    /// Internal note or shared.
    pub visibility: Visibility,
    /// When.
    pub sent_at: DateTime<Utc>,
    /// The text.
    pub text: Zeroizing<String>,
}

impl MessageView {
    pub(crate) fn open(key: &DataKey, case: &Case, m: Message) -> Result<Self> {
        let text = key.open_text(&m.body, &case.context(&format!("message/{}", m.id)))?;
        Ok(Self {
            id: m.id,
            author: m.author,
            visibility: m.visibility,
            sent_at: m.sent_at,
            text,
        })
    }
}

impl CaseService {
    /// Opens a case for reading (audited).
    pub fn case(&self, actor: &Actor, id: &CaseId) -> Result<CaseView> {
        let case = self.load_for(actor, id, Action::ReadContent)?;
        let key = self.case_key(&case)?;
        let content = case
            .content
            .as_ref()
            .ok_or_else(|| Error::corrupt("case", "no content"))?;
        let text = key.open_text(&content.summary, &case.context("summary"))?;
        let links = self.store.links(&actor.tenant, id)?;
        self.store.record(
            &actor.tenant,
            &self.anchor,
            self.draft(actor.id.as_ref(), "case.read", id.as_str(), None),
        )?;
        Ok(CaseView { case, text, links })
    }

    /// The cases whose metadata the actor may see (no content is opened).
    pub fn cases(&self, actor: &Actor) -> Result<Vec<Case>> {
        let all = self.store.cases(&actor.tenant)?;
        Ok(all
            .into_iter()
            .filter(|c| {
                self.policy
                    .check(actor, Action::ReadMetadata, crate::policy::Target::Case(c))
                    .is_ok()
            })
            .collect())
    }

    /// The messages of a case, internal notes included (audited).
    pub fn messages(&self, actor: &Actor, id: &CaseId) -> Result<Vec<MessageView>> {
        let case = self.load_for(actor, id, Action::ReadContent)?;
        let key = self.case_key(&case)?;
        let out = self
            .store
            .messages(&actor.tenant, id)?
            .into_iter()
            .map(|m| MessageView::open(&key, &case, m))
            .collect::<Result<Vec<_>>>()?;
        self.store.record(
            &actor.tenant,
            &self.anchor,
            self.draft(actor.id.as_ref(), "message.read", id.as_str(), None),
        )?;
        Ok(out)
    }

    fn write_message(
        &self,
        actor: &Actor,
        id: &CaseId,
        text: &str,
        visibility: Visibility,
    ) -> Result<MessageId> {
        if text.trim().is_empty() {
            return Err(Error::invalid("message", "", "must not be empty"));
        }
        let case = self.load_for(actor, id, Action::WriteContent)?;
        let key = self.case_key(&case)?;
        let mid = MessageId::generate()?;
        let message = Message {
            id: mid.clone(),
            case_id: id.clone(),
            author: Author::Staff(actor.id.clone()),
            visibility,
            sent_at: self.now(),
            body: key.seal(text.as_bytes(), &case.context(&format!("message/{mid}")))?,
        };
        let detail = match visibility {
            Visibility::Internal => "internal",
            Visibility::Shared => "shared",
        };
        self.store
            .transact(&actor.tenant, &self.anchor, &mut |tx| {
                tx.insert_message(&message)?;
                Ok(self.draft(
                    actor.id.as_ref(),
                    "message.write",
                    id.as_str(),
                    Some(detail.into()),
                ))
            })?;
        Ok(mid)
    }

    /// An internal note, never shown to the reporter.
    pub fn add_note(&self, actor: &Actor, id: &CaseId, text: &str) -> Result<MessageId> {
        self.write_message(actor, id, text, Visibility::Internal)
    }

    /// A message to the reporter.
    pub fn send_to_reporter(&self, actor: &Actor, id: &CaseId, text: &str) -> Result<MessageId> {
        self.write_message(actor, id, text, Visibility::Shared)
    }

    /// Moves a case to `to` (not to `Closed` or `Decided`: see [`CaseService::close`] and
    /// [`CaseService::decide_records_request`]). Reaching `Acknowledged` or `FeedbackGiven`
    /// stops the corresponding clock.
    pub fn set_status(&self, actor: &Actor, id: &CaseId, to: Status) -> Result<Case> {
        if matches!(to, Status::Closed | Status::Decided) {
            return Err(Error::invalid(
                "status",
                to.as_str(),
                "use close or decide_records_request",
            ));
        }
        let now = self.now();
        self.modify_as(
            actor,
            id,
            Action::Handle,
            "case.status",
            Some(to.to_string()),
            &mut |case, _| {
                case.status = case.status.become_(case.kind, to)?;
                match to {
                    Status::Acknowledged => case.acknowledged_at = Some(now),
                    Status::FeedbackGiven => case.feedback_at = Some(now),
                    _ => {}
                }
                Ok(())
            },
        )
    }

    /// Confirms receipt of a whistleblower report to the reporter: a shared message and the
    /// step to `Acknowledged`.
    pub fn acknowledge(&self, actor: &Actor, id: &CaseId, text: &str) -> Result<Case> {
        let case = self.load_for(actor, id, Action::Handle)?;
        if case.kind != CaseKind::Whistleblowing {
            return Err(Error::InvalidState {
                case: case.reference.to_string(),
                reason: "only whistleblower reports are acknowledged".into(),
            });
        }
        self.answer_reporter(actor, &case, Status::Acknowledged, text)
    }

    /// Gives feedback to the reporter: a shared message and the step to `FeedbackGiven`.
    pub fn give_feedback(&self, actor: &Actor, id: &CaseId, text: &str) -> Result<Case> {
        let case = self.load_for(actor, id, Action::Handle)?;
        self.answer_reporter(actor, &case, Status::FeedbackGiven, text)
    }

    /// A message to the reporter and a status step in one transaction, so that the clock
    /// stops exactly when the reporter is told.
    fn answer_reporter(&self, actor: &Actor, case: &Case, to: Status, text: &str) -> Result<Case> {
        self.authorize(
            actor,
            Action::WriteContent,
            crate::policy::Target::Case(case),
        )?;
        if text.trim().is_empty() {
            return Err(Error::invalid("message", "", "must not be empty"));
        }
        case.status.become_(case.kind, to)?;
        let key = self.case_key(case)?;
        let mid = MessageId::generate()?;
        let now = self.now();
        let message = Message {
            id: mid.clone(),
            case_id: case.id.clone(),
            author: Author::Staff(actor.id.clone()),
            visibility: Visibility::Shared,
            sent_at: now,
            body: key.seal(text.as_bytes(), &case.context(&format!("message/{mid}")))?,
        };
        let detail = Some(format!("{to}; message {mid}"));
        self.modify(
            actor.id.as_ref(),
            &actor.tenant,
            &case.id,
            "case.status",
            detail,
            &mut |c, tx| {
                c.status = c.status.become_(c.kind, to)?;
                match to {
                    Status::Acknowledged => c.acknowledged_at = Some(now),
                    _ => c.feedback_at = Some(now),
                }
                tx.insert_message(&message)
            },
        )
    }

    /// Closes a case; the retention clock starts.
    pub fn close(&self, actor: &Actor, id: &CaseId, reason: ClosureReason) -> Result<Case> {
        let now = self.now();
        self.modify_as(
            actor,
            id,
            Action::Handle,
            "case.close",
            Some(reason.as_str().into()),
            &mut |case, _| {
                case.status = case.status.become_(case.kind, Status::Closed)?;
                case.closed_at = Some(now);
                case.closure = Some(reason);
                Ok(())
            },
        )
    }

    /// Assigns a handler (administrators only).
    pub fn assign(&self, actor: &Actor, id: &CaseId, handler: &ActorId) -> Result<Case> {
        self.modify_as(
            actor,
            id,
            Action::Assign,
            "case.assign",
            Some(handler.to_string()),
            &mut |case, _| {
                if !case.assignees.contains(handler) {
                    case.assignees.push(handler.clone());
                }
                Ok(())
            },
        )
    }

    /// Removes a handler (administrators only).
    pub fn unassign(&self, actor: &Actor, id: &CaseId, handler: &ActorId) -> Result<Case> {
        self.modify_as(
            actor,
            id,
            Action::Assign,
            "case.unassign",
            Some(handler.to_string()),
            &mut |case, _| {
                case.assignees.retain(|a| a != handler);
                Ok(())
            },
        )
    }

    /// Sets (`Some(matter)`) or lifts (`None`) a legal hold.
    pub fn set_legal_hold(&self, actor: &Actor, id: &CaseId, matter: Option<&str>) -> Result<Case> {
        let hold = matter.map(|m| LegalHold {
            set_by: actor.id.clone(),
            set_at: self.now(),
            matter: m.to_owned(),
        });
        let detail = Some(if hold.is_some() { "set" } else { "lifted" }.to_owned());
        self.modify_as(
            actor,
            id,
            Action::SetLegalHold,
            "case.legal_hold",
            detail,
            &mut |case, _| {
                case.legal_hold = hold.clone();
                Ok(())
            },
        )
    }

    /// Links `from` to `to`. For [`LinkRelation::BecameControlCase`], `to` may be the id of a
    /// control case in another system; otherwise it must be a case of the same tenant that the
    /// actor may handle.
    pub fn link(
        &self,
        actor: &Actor,
        from: &CaseId,
        to: &CaseId,
        relation: LinkRelation,
    ) -> Result<CaseLink> {
        self.load_for(actor, from, Action::Handle)?;
        if relation != LinkRelation::BecameControlCase {
            self.load_for(actor, to, Action::Handle)?;
        }
        let link = CaseLink {
            from: from.clone(),
            to: to.clone(),
            relation,
            created_by: Some(actor.id.clone()),
            created_at: self.now(),
        };
        self.store
            .transact(&actor.tenant, &self.anchor, &mut |tx| {
                tx.insert_link(&link)?;
                Ok(self.draft(
                    actor.id.as_ref(),
                    "case.link",
                    from.as_str(),
                    Some(to.to_string()),
                ))
            })?;
        Ok(link)
    }
}
