//! New tenants, new reports and tips, new records requests.

use chrono::Datelike;
use serde::{Deserialize, Serialize};

use super::CaseService;
use crate::case::{Case, CaseId, CaseKind, Channel, Reference, SealedContent};
use crate::clock::local_date;
use crate::crypto::{DataKey, random_bytes};
use crate::policy::{Action, Actor, Target};
use crate::records::{RecordsRequest, RequestedDocument};
use crate::reporter::{Receipt, ReporterIdentity, hash_receipt};
use crate::{Error, Result, Tenant, TenantId};

/// A report or tip as submitted by a reporter. `Debug` shows no content.
#[derive(Clone, Serialize, Deserialize)]
pub struct NewReport {
    /// [`CaseKind::Whistleblowing`] or [`CaseKind::Tip`].
    pub kind: CaseKind,
    /// How it arrived.
    pub channel: Channel,
    /// The report text.
    pub text: String,
    /// Who the reporter is, if they chose to say.
    pub identity: Option<ReporterIdentity>,
}

/// What the reporter gets back, once.
#[derive(Debug)]
pub struct Submission {
    /// The case id.
    pub case_id: CaseId,
    /// The reference.
    pub reference: Reference,
    /// The receipt: show it to the reporter now; it is not stored and cannot be shown again.
    pub receipt: Receipt,
}

/// A request for public documents as registered. `Debug` shows no content.
#[derive(Clone, Serialize, Deserialize)]
pub struct NewRecordsRequest {
    /// How it arrived.
    pub channel: Channel,
    /// The request in the requester's words.
    pub text: String,
    /// The documents asked for.
    pub documents: Vec<RequestedDocument>,
    /// Who asks, if they said (they need not).
    pub requester: Option<ReporterIdentity>,
}

impl CaseService {
    /// Creates a tenant with a fresh receipt salt.
    pub fn create_tenant(&self, id: TenantId, name: &str) -> Result<Tenant> {
        if name.trim().is_empty() {
            return Err(Error::invalid("tenant name", name, "must not be empty"));
        }
        let tenant = Tenant {
            id,
            name: name.trim().to_owned(),
            receipt_salt: hex::encode(random_bytes::<16>()?),
            created_at: self.now(),
        };
        self.store.insert_tenant(&tenant)?;
        self.store.record(
            &tenant.id,
            &self.anchor,
            self.draft(
                "system",
                "tenant.create",
                &format!("tenant:{}", tenant.id),
                None,
            ),
        )?;
        Ok(tenant)
    }

    pub(crate) fn tenant_record(&self, id: &TenantId) -> Result<Tenant> {
        self.store.tenant(id)?.ok_or_else(|| Error::NotFound {
            what: "tenant",
            id: id.to_string(),
        })
    }

    /// Seals `text` and `identity` into a new case's content under fresh keys.
    pub(crate) fn seal_content(
        &self,
        case: &Case,
        text: &str,
        identity: Option<&ReporterIdentity>,
    ) -> Result<SealedContent> {
        let case_key = DataKey::generate()?;
        let summary = case_key.seal(text.as_bytes(), &case.context("summary"))?;
        let (identity_key, identity) = match identity {
            Some(who) => {
                let key = DataKey::generate()?;
                let json = zeroize::Zeroizing::new(
                    serde_json::to_vec(who).map_err(|e| Error::corrupt("identity", e))?,
                );
                let sealed = key.seal(&json, &case.context("identity"))?;
                (Some(self.keys.wrap(&case.tenant, &key)?), Some(sealed))
            }
            None => (None, None),
        };
        Ok(SealedContent {
            case_key: self.keys.wrap(&case.tenant, &case_key)?,
            summary,
            identity_key,
            identity,
        })
    }

    /// Inserts `case` with a freshly allocated reference, in one audited transaction.
    pub(crate) fn insert_new(&self, mut case: Case, actor: &str) -> Result<Case> {
        let year = local_date(case.received_at).year();
        let mut inserted = None;
        self.store
            .transact(&case.tenant.clone(), &self.anchor, &mut |tx| {
                case.reference = tx.next_reference(case.kind, year)?;
                tx.insert_case(&case)?;
                inserted = Some(case.clone());
                Ok(self.draft(
                    actor,
                    "case.create",
                    case.id.as_str(),
                    Some(case.kind.to_string()),
                ))
            })?;
        inserted.ok_or_else(|| Error::corrupt("case", "transaction returned no case"))
    }

    /// Receives a whistleblower report or a tip from a (possibly anonymous) reporter and
    /// returns the receipt for the two-way dialogue.
    pub fn submit_report(&self, tenant: &TenantId, report: NewReport) -> Result<Submission> {
        if !report.kind.has_reporter_dialogue() {
            return Err(Error::invalid(
                "case kind",
                report.kind.as_str(),
                "records requests are registered by a registrar",
            ));
        }
        if report.text.trim().is_empty() {
            return Err(Error::invalid("report text", "", "must not be empty"));
        }
        let t = self.tenant_record(tenant)?;
        let now = self.now();
        let mut case = Case::new(
            CaseId::generate()?,
            tenant.clone(),
            report.kind,
            report.channel,
            Reference::new(report.kind, local_date(now).year(), 0),
            now,
        );
        let receipt = Receipt::generate()?;
        case.receipt_hash = Some(hash_receipt(&receipt, &t.receipt_salt, self.config.argon2)?);
        case.content = Some(self.seal_content(&case, &report.text, report.identity.as_ref())?);
        let case = self.insert_new(case, "reporter")?;
        Ok(Submission {
            case_id: case.id,
            reference: case.reference,
            receipt,
        })
    }

    /// Registers a request for public documents.
    pub fn register_records_request(
        &self,
        registrar: &Actor,
        request: NewRecordsRequest,
    ) -> Result<Case> {
        self.authorize(
            registrar,
            Action::RegisterRecordsRequest,
            Target::Tenant(&registrar.tenant),
        )?;
        if request.documents.is_empty() {
            return Err(Error::invalid(
                "documents",
                "[]",
                "a request must name at least one document",
            ));
        }
        let now = self.now();
        let mut case = Case::new(
            CaseId::generate()?,
            registrar.tenant.clone(),
            CaseKind::RecordsRequest,
            request.channel,
            Reference::new(CaseKind::RecordsRequest, local_date(now).year(), 0),
            now,
        );
        case.records = Some(RecordsRequest {
            anonymous: request.requester.is_none(),
            documents: request.documents,
            review_sessions: Vec::new(),
            decision: None,
        });
        case.content = Some(self.seal_content(&case, &request.text, request.requester.as_ref())?);
        self.insert_new(case, registrar.id.as_ref())
    }
}
