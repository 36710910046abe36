//! The reporter's side of the dialogue, with nothing but the receipt.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{CaseService, MessageView};
use crate::case::{Author, Case, Message, MessageId, Reference, Status, Visibility};
use crate::reporter::{Receipt, hash_receipt};
use crate::{Error, Result, TenantId};

/// What a reporter sees: their report, its status and the shared dialogue. The texts are wiped
/// from memory when dropped and `Debug` shows only their lengths.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReporterView {
    /// The reference.
    pub reference: Reference,
    /// The status.
    pub status: Status,
    /// When the report was received.
    pub received_at: DateTime<Utc>,
    /// The report as submitted.
    pub text: zeroize::Zeroizing<String>,
    /// The messages shared with the reporter (never internal notes), oldest first.
    pub messages: Vec<MessageView>,
}

impl CaseService {
    /// Finds the case of a receipt, throttling attempts. `source` is an opaque key of the
    /// caller's choosing (never an IP address) that attempts are counted against.
    ///
    /// The attempt is reserved in the store before the receipt is hashed, so concurrent
    /// guesses are counted before any is evaluated, and counts survive restarts. A valid
    /// receipt gives its reservation back.
    fn case_by_receipt(&self, tenant: &TenantId, receipt: &Receipt, source: &str) -> Result<Case> {
        let t = self.tenant_record(tenant)?;
        let ticket =
            self.store
                .reserve_attempt(tenant, source, self.now(), &self.config.throttle)?;
        if !ticket.wait.is_zero() {
            std::thread::sleep(ticket.wait);
        }
        let hash = hash_receipt(receipt, &t.receipt_salt, self.config.argon2)?;
        match self.store.case_by_receipt(tenant, &hash)? {
            Some(case) => {
                self.store.release_attempt(&ticket)?;
                Ok(case)
            }
            None => {
                self.store.record(
                    tenant,
                    &self.anchor,
                    self.draft("reporter", "reporter.receipt_rejected", "receipt", None),
                )?;
                Err(Error::UnknownReceipt)
            }
        }
    }

    /// The reporter's view of their case.
    pub fn reporter_view(
        &self,
        tenant: &TenantId,
        receipt: &Receipt,
        source: &str,
    ) -> Result<ReporterView> {
        let case = self.case_by_receipt(tenant, receipt, source)?;
        let key = self.case_key(&case)?;
        let content = case.content.as_ref().ok_or_else(|| Error::InvalidState {
            case: case.reference.to_string(),
            reason: "its content has been purged".into(),
        })?;
        let text = key.open_text(&content.summary, &case.context("summary"))?;
        let messages = self
            .store
            .messages(tenant, &case.id)?
            .into_iter()
            .filter(|m| m.visibility == Visibility::Shared)
            .map(|m| MessageView::open(&key, &case, m))
            .collect::<Result<Vec<_>>>()?;
        self.store.record(
            tenant,
            &self.anchor,
            self.draft("reporter", "reporter.read", case.id.as_str(), None),
        )?;
        Ok(ReporterView {
            reference: case.reference,
            status: case.status,
            received_at: case.received_at,
            text,
            messages,
        })
    }

    /// A message from the reporter to the handlers.
    pub fn reporter_send(
        &self,
        tenant: &TenantId,
        receipt: &Receipt,
        source: &str,
        text: &str,
    ) -> Result<MessageId> {
        if text.trim().is_empty() {
            return Err(Error::invalid("message", "", "must not be empty"));
        }
        let case = self.case_by_receipt(tenant, receipt, source)?;
        if case.status.is_closed() {
            return Err(Error::InvalidState {
                case: case.reference.to_string(),
                reason: "the case is closed".into(),
            });
        }
        let key = self.case_key(&case)?;
        let id = MessageId::generate()?;
        let message = Message {
            id: id.clone(),
            case_id: case.id.clone(),
            author: Author::Reporter,
            visibility: Visibility::Shared,
            sent_at: self.now(),
            body: key.seal(text.as_bytes(), &case.context(&format!("message/{id}")))?,
        };
        self.store.transact(tenant, &self.anchor, &mut |tx| {
            tx.insert_message(&message)?;
            Ok(self.draft(
                "reporter",
                "message.write",
                case.id.as_str(),
                Some("shared".into()),
            ))
        })?;
        Ok(id)
    }
}
