//! Recording scope triage and routing out-of-scope reports to welfare-crime work.

use chrono::Datelike;
use serde::{Deserialize, Serialize};

use super::CaseService;
use crate::case::{Case, CaseId, CaseKind, CaseLink, LinkRelation, Reference, Status};
use crate::clock::local_date;
use crate::policy::{Action, Actor};
use crate::triage::{ScopeAssessment, ScopeOutcome, TriageRecord, assess};
use crate::{Error, Result};

/// The outcome of [`CaseService::triage`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TriageResult {
    /// In or out of scope, with reasons.
    pub outcome: ScopeOutcome,
    /// The tip case opened for welfare-crime work, when the report was routed there.
    pub routed_to: Option<(CaseId, Reference)>,
}

impl CaseService {
    /// Records the scope triage of a whistleblower report. A report outside the act that points
    /// to welfare crime is copied, without the reporter's identity or receipt, into a new tip
    /// case for welfare-crime work and linked to it; the original stays for the handler to
    /// answer the reporter and close.
    pub fn triage(
        &self,
        actor: &Actor,
        id: &CaseId,
        assessment: ScopeAssessment,
    ) -> Result<TriageResult> {
        let case = self.load_for(actor, id, Action::Handle)?;
        if case.kind != CaseKind::Whistleblowing {
            return Err(Error::InvalidState {
                case: case.reference.to_string(),
                reason: "only whistleblower reports are triaged".into(),
            });
        }
        if !matches!(case.status, Status::Acknowledged | Status::InProgress) {
            return Err(Error::InvalidState {
                case: case.reference.to_string(),
                reason: format!(
                    "triage needs an acknowledged report, not one {}",
                    case.status
                ),
            });
        }
        let outcome = assess(&assessment);
        let now = self.now();
        let record = TriageRecord {
            assessment,
            outcome: outcome.clone(),
            assessed_by: actor.id.clone(),
            assessed_at: now,
        };
        let detail = Some(
            if outcome.is_in_scope() {
                "in_scope"
            } else {
                "out_of_scope"
            }
            .to_owned(),
        );
        let route = matches!(
            outcome,
            ScopeOutcome::OutOfScope {
                route_to_welfare_crime: true,
                ..
            }
        );

        // The routed copy is sealed before the transaction (key wrapping may be remote).
        let routed = if route {
            let key = self.case_key(&case)?;
            let content = case
                .content
                .as_ref()
                .ok_or_else(|| Error::corrupt("case", "no content"))?;
            let text = key.open_text(&content.summary, &case.context("summary"))?;
            let mut tip = Case::new(
                CaseId::generate()?,
                case.tenant.clone(),
                CaseKind::Tip,
                case.channel,
                case.reference,
                now,
            );
            let routed_text = format!(
                "Vidarebefordrat från visselblåsarfunktionen ({}): ärendet faller utanför \
                 visselblåsarlagen men pekar på välfärdsbrott.\n\n{}",
                case.reference,
                text.as_str()
            );
            tip.content = Some(self.seal_content(&tip, &routed_text, None)?);
            Some(tip)
        } else {
            None
        };

        let mut routed_to = None;
        self.store
            .transact(&actor.tenant, &self.anchor, &mut |tx| {
                let mut current = tx.case(id)?.ok_or_else(|| Error::NotFound {
                    what: "case",
                    id: id.to_string(),
                })?;
                current.triage = Some(record.clone());
                tx.update_case(&current)?;
                if let Some(tip) = &routed {
                    let mut tip = tip.clone();
                    tip.reference = tx.next_reference(CaseKind::Tip, local_date(now).year())?;
                    tx.insert_case(&tip)?;
                    tx.insert_link(&CaseLink {
                        from: id.clone(),
                        to: tip.id.clone(),
                        relation: LinkRelation::RoutedToWelfareCrime,
                        created_by: None,
                        created_at: now,
                    })?;
                    routed_to = Some((tip.id.clone(), tip.reference));
                }
                Ok(self.draft(
                    actor.id.as_ref(),
                    "case.triage",
                    id.as_str(),
                    detail.clone(),
                ))
            })?;
        Ok(TriageResult { outcome, routed_to })
    }
}
