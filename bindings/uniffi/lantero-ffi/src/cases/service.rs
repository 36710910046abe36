//! `CaseService`: the case façade over a SQLite file, every call checked by the access
//! policy, sealed with per-case keys and audited by `lantero_cases::CaseService`.

use std::sync::Arc;

use lantero_cases::case::{CaseId, ClosureReason, Status};
use lantero_cases::crypto::{DataKey, LocalKeyProvider};
use lantero_cases::policy::{self, ActorId};
use lantero_cases::reporter::Receipt;
use lantero_cases::service::DeadlineQuery;
use lantero_cases::store::SqliteStore;
use lantero_cases::{self as cases, ServiceConfig};

use super::CaseError;
use super::types::{
    Actor, CaseDetails, CaseInfo, Deadline, MessageView, NewReport, ReporterView,
    ServiceConfigPreset, Submission, TenantInfo, tenant_id,
};
use crate::guard::guard;

/// A fresh random 32-byte root key as 64 hex digits. Keep it outside the database (a key
/// file readable only by the service, or a secret store): without it the cases cannot be
/// read.
#[uniffi::export]
pub fn generate_root_key_hex() -> Result<String, CaseError> {
    guard(|| Ok(hex::encode(DataKey::generate()?.expose())))
}

/// A service configuration as JSON (deadline rules, retention, Argon2id cost, receipt
/// throttling), to adjust and pass to `CaseService.openSqliteWithConfig`.
#[uniffi::export]
pub fn service_config_json(preset: ServiceConfigPreset) -> Result<String, CaseError> {
    guard(|| {
        let config = match preset {
            ServiceConfigPreset::Production => ServiceConfig::default(),
            ServiceConfigPreset::InsecureForTests => ServiceConfig::insecure_for_tests(),
        };
        serde_json::to_string_pretty(&config)
            .map_err(|err| CaseError::Internal(format!("service configuration: {err}")))
    })
}

/// Case handling on an embedded SQLite file. Safe to share between threads.
#[derive(uniffi::Object)]
pub struct CaseService {
    inner: cases::CaseService,
}

#[uniffi::export]
impl CaseService {
    /// Opens (or creates) the SQLite file at `path` with the production configuration; case
    /// content is encrypted under keys derived from `root_key_hex` (64 hex digits).
    #[uniffi::constructor]
    pub fn open_sqlite(path: String, root_key_hex: String) -> Result<Arc<Self>, CaseError> {
        guard(|| Self::open(&path, &root_key_hex, ServiceConfig::default()))
    }

    /// As `open_sqlite`, with a configuration in JSON as `service_config_json` writes it.
    #[uniffi::constructor]
    pub fn open_sqlite_with_config(
        path: String,
        root_key_hex: String,
        config_json: String,
    ) -> Result<Arc<Self>, CaseError> {
        guard(|| {
            let config: ServiceConfig = serde_json::from_str(&config_json).map_err(|err| {
                CaseError::InvalidValue(format!("invalid service configuration: {err}"))
            })?;
            Self::open(&path, &root_key_hex, config)
        })
    }

    /// Creates a tenant (a municipality or other organisation).
    pub fn create_tenant(&self, id: String, name: String) -> Result<TenantInfo, CaseError> {
        guard(|| Ok(self.inner.create_tenant(tenant_id(&id)?, &name)?.into()))
    }

    /// Receives a whistleblower report or a tip; the returned receipt is the reporter's only
    /// way back to the case.
    pub fn submit_report(
        &self,
        tenant: String,
        report: NewReport,
    ) -> Result<Submission, CaseError> {
        guard(|| {
            Ok(self
                .inner
                .submit_report(&tenant_id(&tenant)?, report.into())?
                .into())
        })
    }

    /// The reporter's view of their case, with nothing but the receipt (spaces and dashes
    /// ignored). `source` is an opaque key of the caller's choosing that failed attempts are
    /// throttled by (a session id, never an IP address).
    pub fn reporter_view(
        &self,
        tenant: String,
        receipt: String,
        source: String,
    ) -> Result<ReporterView, CaseError> {
        guard(|| {
            let receipt = Receipt::parse(&receipt)?;
            Ok(self
                .inner
                .reporter_view(&tenant_id(&tenant)?, &receipt, &source)?
                .into())
        })
    }

    /// A message from the reporter to the handlers; returns its id.
    pub fn reporter_send(
        &self,
        tenant: String,
        receipt: String,
        source: String,
        text: String,
    ) -> Result<String, CaseError> {
        guard(|| {
            let receipt = Receipt::parse(&receipt)?;
            Ok(self
                .inner
                .reporter_send(&tenant_id(&tenant)?, &receipt, &source, &text)?
                .0)
        })
    }

    /// The cases the actor may see.
    pub fn cases(&self, actor: Actor) -> Result<Vec<CaseInfo>, CaseError> {
        guard(|| {
            let cases = self.inner.cases(&actor.try_into()?)?;
            Ok(cases.into_iter().map(Into::into).collect())
        })
    }

    /// Opens a case for reading (audited).
    pub fn case(&self, actor: Actor, case_id: String) -> Result<CaseDetails, CaseError> {
        guard(|| {
            Ok(self
                .inner
                .case(&actor.try_into()?, &CaseId(case_id))?
                .into())
        })
    }

    /// The messages of a case, internal notes included, oldest first.
    pub fn messages(&self, actor: Actor, case_id: String) -> Result<Vec<MessageView>, CaseError> {
        guard(|| {
            let messages = self.inner.messages(&actor.try_into()?, &CaseId(case_id))?;
            Ok(messages.into_iter().map(Into::into).collect())
        })
    }

    /// An internal note, visible to staff only; returns its id.
    pub fn add_note(
        &self,
        actor: Actor,
        case_id: String,
        text: String,
    ) -> Result<String, CaseError> {
        guard(|| {
            Ok(self
                .inner
                .add_note(&actor.try_into()?, &CaseId(case_id), &text)?
                .0)
        })
    }

    /// A message to the reporter; returns its id.
    pub fn send_to_reporter(
        &self,
        actor: Actor,
        case_id: String,
        text: String,
    ) -> Result<String, CaseError> {
        guard(|| {
            Ok(self
                .inner
                .send_to_reporter(&actor.try_into()?, &CaseId(case_id), &text)?
                .0)
        })
    }

    /// Confirms receipt to the reporter with a message (meets the 7-day clock).
    pub fn acknowledge(
        &self,
        actor: Actor,
        case_id: String,
        text: String,
    ) -> Result<CaseInfo, CaseError> {
        guard(|| {
            Ok(self
                .inner
                .acknowledge(&actor.try_into()?, &CaseId(case_id), &text)?
                .into())
        })
    }

    /// Gives the reporter feedback with a message (meets the 3-month clock).
    pub fn give_feedback(
        &self,
        actor: Actor,
        case_id: String,
        text: String,
    ) -> Result<CaseInfo, CaseError> {
        guard(|| {
            Ok(self
                .inner
                .give_feedback(&actor.try_into()?, &CaseId(case_id), &text)?
                .into())
        })
    }

    /// Moves a case to another status, if the status machine allows it.
    pub fn set_status(
        &self,
        actor: Actor,
        case_id: String,
        to: Status,
    ) -> Result<CaseInfo, CaseError> {
        guard(|| {
            Ok(self
                .inner
                .set_status(&actor.try_into()?, &CaseId(case_id), to)?
                .into())
        })
    }

    /// Closes a case; the retention clock starts.
    pub fn close(
        &self,
        actor: Actor,
        case_id: String,
        reason: ClosureReason,
    ) -> Result<CaseInfo, CaseError> {
        guard(|| {
            Ok(self
                .inner
                .close(&actor.try_into()?, &CaseId(case_id), reason)?
                .into())
        })
    }

    /// Assigns a handler to a case.
    pub fn assign(
        &self,
        actor: Actor,
        case_id: String,
        handler: String,
    ) -> Result<CaseInfo, CaseError> {
        guard(|| {
            let actor: policy::Actor = actor.try_into()?;
            Ok(self
                .inner
                .assign(&actor, &CaseId(case_id), &ActorId(handler))?
                .into())
        })
    }

    /// The deadlines of the cases the actor may see, soonest first.
    pub fn deadlines(
        &self,
        actor: Actor,
        query: DeadlineQuery,
    ) -> Result<Vec<Deadline>, CaseError> {
        guard(|| {
            let deadlines = self.inner.deadlines(&actor.try_into()?, query)?;
            Ok(deadlines.into_iter().map(Into::into).collect())
        })
    }
}

impl CaseService {
    fn open(path: &str, root_key_hex: &str, config: ServiceConfig) -> Result<Arc<Self>, CaseError> {
        let root = DataKey::from_hex(root_key_hex)?;
        let store = Arc::new(SqliteStore::open(path)?);
        let keys = Arc::new(LocalKeyProvider::new(root));
        Ok(Arc::new(Self {
            inner: cases::CaseService::new(store, keys, config),
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cases::types::ReporterIdentity;
    use lantero_cases::case::{CaseKind, Channel};
    use lantero_cases::policy::Role;

    fn service(dir: &tempfile::TempDir) -> Arc<CaseService> {
        let config = service_config_json(ServiceConfigPreset::InsecureForTests).unwrap();
        let path = dir.path().join("cases.db").display().to_string();
        let service =
            CaseService::open_sqlite_with_config(path, generate_root_key_hex().unwrap(), config)
                .unwrap();
        service
            .create_tenant("ange".into(), "Ånge kommun".into())
            .unwrap();
        service
    }

    fn report(text: &str) -> NewReport {
        NewReport {
            kind: CaseKind::Whistleblowing,
            channel: Channel::Web,
            text: text.into(),
            identity: Some(ReporterIdentity {
                name: Some("Anna".into()),
                ..ReporterIdentity::default()
            }),
        }
    }

    #[test]
    fn the_reporter_reads_their_case_with_the_receipt_alone() {
        let dir = tempfile::tempdir().unwrap();
        let service = service(&dir);
        let submission = service
            .submit_report("ange".into(), report("Fakturor utan leverans."))
            .unwrap();
        let view = service
            .reporter_view("ange".into(), submission.receipt.clone(), "s1".into())
            .unwrap();
        assert_eq!(view.reference, submission.reference);
        assert_eq!(view.text, "Fakturor utan leverans.");
        let admin = Actor {
            id: "admin".into(),
            tenant: "ange".into(),
            roles: vec![Role::Administrator],
        };
        let deadlines = service.deadlines(admin, DeadlineQuery::Open).unwrap();
        assert_eq!(deadlines.len(), 2);
        assert_eq!(deadlines[0].case_id, submission.case_id);
    }

    #[test]
    fn library_errors_keep_their_kind() {
        let dir = tempfile::tempdir().unwrap();
        let service = service(&dir);
        let wrong = service.reporter_view("ange".into(), "1234".into(), "s1".into());
        assert!(
            matches!(wrong, Err(CaseError::UnknownReceipt(_))),
            "{wrong:?}"
        );
        let empty = service.submit_report("ange".into(), report(" "));
        assert!(
            matches!(empty, Err(CaseError::InvalidValue(_))),
            "{empty:?}"
        );
        let again = service.create_tenant("ange".into(), "Ånge".into());
        assert!(
            matches!(again, Err(CaseError::AlreadyExists(_))),
            "{again:?}"
        );
        let reader = Actor {
            id: "stat".into(),
            tenant: "ange".into(),
            roles: vec![Role::StatisticsReader],
        };
        let denied = service.deadlines(reader, DeadlineQuery::All);
        assert!(matches!(denied, Err(CaseError::Denied(_))), "{denied:?}");
        let bad_key = CaseService::open_sqlite(":memory:".into(), "beef".into());
        assert!(matches!(bad_key, Err(CaseError::Crypto(_))));
        let bad_config =
            CaseService::open_sqlite_with_config(":memory:".into(), "00".repeat(32), "{}".into());
        assert!(matches!(bad_config, Err(CaseError::InvalidValue(_))));
    }
}
