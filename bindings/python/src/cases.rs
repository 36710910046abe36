//! `lantero.cases`: whistleblower reports, public tips and requests for public documents, with
//! statutory deadlines, the anonymous reporter's dialogue by receipt, identity reveal, access
//! control, encryption at rest, retention and audit, over SQLite or PostgreSQL.
//!
//! Every call goes through `CaseService`, which checks the policy, seals content and writes the
//! audit event in the same transaction; calls run without the GIL. Records cross as dicts of
//! the crate's JSON shapes; ids, statuses, kinds and channels as strings.

use std::path::PathBuf;
use std::sync::Arc;

use lantero_cases::case::AttachmentId;
use lantero_cases::case::{
    CaseId, CaseKind, Channel, ClosureReason, LinkRelation, Status, Visibility,
};
use lantero_cases::crypto::{DataKey, LocalKeyProvider};
use lantero_cases::policy::{ActorId, Role};
use lantero_cases::reporter::{Receipt, RevealId};
use lantero_cases::service::{AttachmentUpload, DeadlineQuery, NewRecordsRequest, NewReport};
use lantero_cases::store::{CaseStore, PostgresStore, SqliteStore};
use lantero_cases::{CaseService as CoreService, ServiceConfig, TenantId, policy, records, triage};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};
use serde::Serialize;

use crate::convert::{from_py, name_of, parse_name, to_py};
use crate::errors::IntoPyResult;

/// A case store: ``Store.sqlite(path)`` (an embedded file, created if missing),
/// ``Store.postgres(url, schema=None)`` (a server, for hosted multi-tenant use) or
/// ``Store.open(location)`` (a ``postgres://`` URL or a file path).
#[pyclass(frozen, module = "lantero.cases")]
pub struct Store(Arc<dyn CaseStore>);

#[pymethods]
impl Store {
    /// Opens (or creates) a SQLite store.
    #[staticmethod]
    fn sqlite(py: Python<'_>, path: PathBuf) -> PyResult<Self> {
        let store = py.detach(|| SqliteStore::open(&path)).py()?;
        Ok(Self(Arc::new(store)))
    }

    /// Connects to PostgreSQL; ``schema`` keeps tables apart (e.g. per test).
    #[staticmethod]
    #[pyo3(signature = (url, schema=None))]
    fn postgres(py: Python<'_>, url: &str, schema: Option<&str>) -> PyResult<Self> {
        let store = py.detach(|| PostgresStore::connect(url, schema)).py()?;
        Ok(Self(Arc::new(store)))
    }

    /// Opens a store from a ``postgres://`` / ``postgresql://`` URL or a SQLite file path.
    #[staticmethod]
    fn open(py: Python<'_>, location: &str) -> PyResult<Self> {
        let store = py.detach(|| lantero_cases::store::open(location)).py()?;
        Ok(Self(Arc::from(store)))
    }
}

/// A signed-in user: account id, tenant and roles (``"handler"``, ``"custodian"``,
/// ``"registrar"``, ``"administrator"``, ``"statistics_reader"``).
#[pyclass(frozen, module = "lantero.cases")]
pub struct Actor(policy::Actor);

#[pymethods]
impl Actor {
    #[new]
    fn new(id: &str, tenant: &str, roles: Vec<String>) -> PyResult<Self> {
        let tenant = tenant.parse::<TenantId>().py()?;
        let roles = roles
            .iter()
            .map(|r| parse_name::<Role>(r, "role"))
            .collect::<PyResult<Vec<_>>>()?;
        Ok(Self(policy::Actor::new(id, tenant, roles)))
    }

    /// The account id.
    #[getter]
    fn id(&self) -> String {
        self.0.id.to_string()
    }

    /// The tenant id.
    #[getter]
    fn tenant(&self) -> String {
        self.0.tenant.as_str().to_owned()
    }

    /// The roles held.
    #[getter]
    fn roles(&self) -> Vec<String> {
        self.0.roles.iter().map(name_of).collect()
    }

    fn __repr__(&self) -> String {
        format!(
            "Actor('{}', '{}', {:?})",
            self.0.id,
            self.0.tenant.as_str(),
            self.roles()
        )
    }
}

/// A fresh random root key as 64 hex digits. Keep it in a secret store: without it the case
/// content cannot be opened.
#[pyfunction]
fn generate_key() -> PyResult<String> {
    let key = DataKey::generate().py()?;
    Ok(key.expose().iter().map(|b| format!("{b:02x}")).collect())
}

/// Case handling with access control, encryption at rest and audit.
///
/// ``CaseService(store, root_key)``: ``root_key`` (64 hex digits, see ``generate_key``) wraps
/// the per-case data keys. ``insecure_for_tests=True`` uses cheap Argon2id parameters for the
/// receipt hash: for tests and examples only.
#[pyclass(frozen, module = "lantero.cases")]
pub struct CaseService(CoreService);

/// Runs `f` without the GIL and converts its result to Python data.
fn call<'py, T: Serialize + Send>(
    py: Python<'py>,
    f: impl FnOnce() -> lantero_cases::Result<T> + Send,
) -> PyResult<Bound<'py, PyAny>> {
    let value = py.detach(f).py()?;
    to_py(py, &value)
}

fn to_case_id(id: &str) -> CaseId {
    CaseId(id.to_owned())
}

fn tenant_id(id: &str) -> PyResult<TenantId> {
    id.parse::<TenantId>().py()
}

fn receipt(text: &str) -> PyResult<Receipt> {
    Receipt::parse(text).py()
}

#[pymethods]
impl CaseService {
    #[new]
    #[pyo3(signature = (store, root_key, *, insecure_for_tests=false))]
    fn new(store: &Store, root_key: &str, insecure_for_tests: bool) -> PyResult<Self> {
        let keys = Arc::new(LocalKeyProvider::new(DataKey::from_hex(root_key).py()?));
        let config = if insecure_for_tests {
            ServiceConfig::insecure_for_tests()
        } else {
            ServiceConfig::default()
        };
        Ok(Self(CoreService::new(store.0.clone(), keys, config)))
    }

    /// Creates a tenant (an organisation): ``{"id", "name", "created_at"}``.
    fn create_tenant<'py>(
        &self,
        py: Python<'py>,
        tenant: &str,
        name: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        let id = tenant_id(tenant)?;
        let tenant = py.detach(|| self.0.create_tenant(id, name)).py()?;
        to_py(
            py,
            &serde_json::json!({ "id": tenant.id, "name": tenant.name, "created_at": tenant.created_at }),
        )
    }

    /// Submits a whistleblower report (``kind="whistleblowing"``) or a tip (``"tip"``):
    /// ``{"case_id", "reference", "receipt"}`` with the reference and receipt as written
    /// (``"VB-2025-0007"``, ``"1234 5678 9012 3456"``). Show the receipt to the reporter now: it is not
    /// stored and cannot be shown again.
    #[pyo3(signature = (tenant, kind, text, *, channel="web", identity=None))]
    fn submit_report<'py>(
        &self,
        py: Python<'py>,
        tenant: &str,
        kind: &str,
        text: String,
        channel: &str,
        identity: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let tenant = tenant_id(tenant)?;
        let report = NewReport {
            kind: parse_name::<CaseKind>(kind, "case kind")?,
            channel: parse_name::<Channel>(channel, "channel")?,
            text,
            identity: identity.map(|i| from_py(i, "identity")).transpose()?,
        };
        let submission = py.detach(|| self.0.submit_report(&tenant, report)).py()?;
        to_py(
            py,
            &serde_json::json!({
                "case_id": submission.case_id,
                "reference": submission.reference.to_string(),
                "receipt": submission.receipt.grouped(),
            }),
        )
    }

    /// Registers a request for public documents; ``documents`` are dicts of the requested
    /// documents' shape. Returns the case.
    #[pyo3(signature = (registrar, text, documents, *, channel="web", requester=None))]
    fn register_records_request<'py>(
        &self,
        py: Python<'py>,
        registrar: &Actor,
        text: String,
        documents: &Bound<'py, PyAny>,
        channel: &str,
        requester: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let request = NewRecordsRequest {
            channel: parse_name::<Channel>(channel, "channel")?,
            text,
            documents: from_py(documents, "documents")?,
            requester: requester.map(|r| from_py(r, "requester")).transpose()?,
        };
        call(py, || {
            self.0.register_records_request(&registrar.0, request)
        })
    }

    /// What the anonymous reporter sees with their receipt; ``source`` is the throttling key
    /// (e.g. a session id, never an IP address).
    fn reporter_view<'py>(
        &self,
        py: Python<'py>,
        tenant: &str,
        receipt_code: &str,
        source: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        let (tenant, receipt) = (tenant_id(tenant)?, receipt(receipt_code)?);
        call(py, || self.0.reporter_view(&tenant, &receipt, source))
    }

    /// The reporter writes to the handlers; returns the message id.
    fn reporter_send(
        &self,
        py: Python<'_>,
        tenant: &str,
        receipt_code: &str,
        source: &str,
        text: &str,
    ) -> PyResult<String> {
        let (tenant, receipt) = (tenant_id(tenant)?, receipt(receipt_code)?);
        let id = py
            .detach(|| self.0.reporter_send(&tenant, &receipt, source, text))
            .py()?;
        Ok(id.0)
    }

    /// Opens a case for reading (audited): ``{"case", "text", "links"}``.
    fn case<'py>(
        &self,
        py: Python<'py>,
        actor: &Actor,
        case_id: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        call(py, || self.0.case(&actor.0, &to_case_id(case_id)))
    }

    /// The cases the actor may see (metadata; content stays sealed).
    fn cases<'py>(&self, py: Python<'py>, actor: &Actor) -> PyResult<Bound<'py, PyAny>> {
        call(py, || self.0.cases(&actor.0))
    }

    /// The dialogue of a case, opened.
    fn messages<'py>(
        &self,
        py: Python<'py>,
        actor: &Actor,
        case_id: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        call(py, || self.0.messages(&actor.0, &to_case_id(case_id)))
    }

    /// An internal note; returns the message id.
    fn add_note(
        &self,
        py: Python<'_>,
        actor: &Actor,
        case_id: &str,
        text: &str,
    ) -> PyResult<String> {
        let id = py
            .detach(|| self.0.add_note(&actor.0, &to_case_id(case_id), text))
            .py()?;
        Ok(id.0)
    }

    /// A message the reporter can read; returns the message id.
    fn send_to_reporter(
        &self,
        py: Python<'_>,
        actor: &Actor,
        case_id: &str,
        text: &str,
    ) -> PyResult<String> {
        let id = py
            .detach(|| {
                self.0
                    .send_to_reporter(&actor.0, &to_case_id(case_id), text)
            })
            .py()?;
        Ok(id.0)
    }

    /// Moves a case to ``status`` if the status machine allows it (``InvalidTransition``
    /// otherwise); returns the case.
    fn set_status<'py>(
        &self,
        py: Python<'py>,
        actor: &Actor,
        case_id: &str,
        status: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        let status = parse_name::<Status>(status, "status")?;
        call(py, || {
            self.0.set_status(&actor.0, &to_case_id(case_id), status)
        })
    }

    /// Acknowledges receipt to the reporter (the 7-day clock); returns the case.
    fn acknowledge<'py>(
        &self,
        py: Python<'py>,
        actor: &Actor,
        case_id: &str,
        text: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        call(py, || {
            self.0.acknowledge(&actor.0, &to_case_id(case_id), text)
        })
    }

    /// Gives the reporter feedback (the 3-month clock); returns the case.
    fn give_feedback<'py>(
        &self,
        py: Python<'py>,
        actor: &Actor,
        case_id: &str,
        text: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        call(py, || {
            self.0.give_feedback(&actor.0, &to_case_id(case_id), text)
        })
    }

    /// Closes a case with a reason (which decides its retention); returns the case.
    fn close<'py>(
        &self,
        py: Python<'py>,
        actor: &Actor,
        case_id: &str,
        reason: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        let reason = parse_name::<ClosureReason>(reason, "closure reason")?;
        call(py, || self.0.close(&actor.0, &to_case_id(case_id), reason))
    }

    /// Assigns a handler to a case; returns the case.
    fn assign<'py>(
        &self,
        py: Python<'py>,
        actor: &Actor,
        case_id: &str,
        handler: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        let handler = ActorId::new(handler);
        call(py, || {
            self.0.assign(&actor.0, &to_case_id(case_id), &handler)
        })
    }

    /// Removes a handler from a case; returns the case.
    fn unassign<'py>(
        &self,
        py: Python<'py>,
        actor: &Actor,
        case_id: &str,
        handler: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        let handler = ActorId::new(handler);
        call(py, || {
            self.0.unassign(&actor.0, &to_case_id(case_id), &handler)
        })
    }

    /// Puts a case on legal hold for ``matter`` (``None`` lifts it); returns the case.
    #[pyo3(signature = (actor, case_id, matter=None))]
    fn set_legal_hold<'py>(
        &self,
        py: Python<'py>,
        actor: &Actor,
        case_id: &str,
        matter: Option<&str>,
    ) -> PyResult<Bound<'py, PyAny>> {
        call(py, || {
            self.0
                .set_legal_hold(&actor.0, &to_case_id(case_id), matter)
        })
    }

    /// Links two cases (``relation`` e.g. ``"related"``).
    fn link<'py>(
        &self,
        py: Python<'py>,
        actor: &Actor,
        from_case: &str,
        to_case: &str,
        relation: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        let relation = parse_name::<LinkRelation>(relation, "link relation")?;
        call(py, || {
            self.0.link(
                &actor.0,
                &to_case_id(from_case),
                &to_case_id(to_case),
                relation,
            )
        })
    }

    /// Attaches a file, sealed with the case key; returns the attachment id.
    #[pyo3(signature = (actor, case_id, file_name, media_type, data, *, visibility="internal"))]
    #[allow(clippy::too_many_arguments)]
    fn attach(
        &self,
        py: Python<'_>,
        actor: &Actor,
        case_id: &str,
        file_name: String,
        media_type: String,
        data: Vec<u8>,
        visibility: &str,
    ) -> PyResult<String> {
        let upload = AttachmentUpload {
            file_name,
            media_type,
            bytes: data,
            visibility: parse_name::<Visibility>(visibility, "visibility")?,
        };
        let id = py
            .detach(|| self.0.attach(&actor.0, &to_case_id(case_id), upload))
            .py()?;
        Ok(id.0)
    }

    /// Reads an attachment (audited): ``(metadata, file_name, data)``.
    fn attachment<'py>(
        &self,
        py: Python<'py>,
        actor: &Actor,
        case_id: &str,
        attachment_id: &str,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyString>, Bound<'py, PyBytes>)> {
        let aid = AttachmentId(attachment_id.to_owned());
        let (meta, name, data) = py
            .detach(|| self.0.attachment(&actor.0, &to_case_id(case_id), &aid))
            .py()?;
        // Straight from the wiped-on-drop buffers into Python objects, no Rust copy left behind.
        Ok((
            to_py(py, &meta)?,
            PyString::new(py, &name),
            PyBytes::new(py, &data),
        ))
    }

    /// A handler asks to see the reporter's identity on ``ground``; returns the request id.
    fn request_identity_reveal(
        &self,
        py: Python<'_>,
        actor: &Actor,
        case_id: &str,
        ground: &str,
    ) -> PyResult<String> {
        let id = py
            .detach(|| {
                self.0
                    .request_identity_reveal(&actor.0, &to_case_id(case_id), ground)
            })
            .py()?;
        Ok(id.0)
    }

    /// A custodian (not the asker) approves or denies a reveal request.
    fn decide_identity_reveal<'py>(
        &self,
        py: Python<'py>,
        actor: &Actor,
        reveal_id: &str,
        approve: bool,
    ) -> PyResult<Bound<'py, PyAny>> {
        let rid = RevealId(reveal_id.to_owned());
        call(py, || {
            self.0.decide_identity_reveal(&actor.0, &rid, approve)
        })
    }

    /// The asker reads the identity once, after approval (audited).
    fn reveal_identity<'py>(
        &self,
        py: Python<'py>,
        actor: &Actor,
        reveal_id: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        let rid = RevealId(reveal_id.to_owned());
        call(py, || self.0.reveal_identity(&actor.0, &rid))
    }

    /// Records a redaction review session's id on a records request.
    fn add_review_session(
        &self,
        py: Python<'_>,
        actor: &Actor,
        case_id: &str,
        session_id: &str,
    ) -> PyResult<()> {
        py.detach(|| {
            self.0
                .add_review_session(&actor.0, &to_case_id(case_id), session_id)
        })
        .py()
    }

    /// Decides a records request (``outcome``: release, partial with masks, or refusal, as a
    /// dict of the outcome's shape); returns the Swedish decision document.
    fn decide_records_request<'py>(
        &self,
        py: Python<'py>,
        actor: &Actor,
        case_id: &str,
        outcome: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let outcome: records::Outcome = from_py(outcome, "outcome")?;
        call(py, || {
            self.0
                .decide_records_request(&actor.0, &to_case_id(case_id), outcome)
        })
    }

    /// Answers whether reports about someone exist with an answer that neither confirms nor
    /// denies: the same output and the same writes whether or not one exists.
    #[pyo3(signature = (actor, query, *, channel="web"))]
    fn answer_register_query<'py>(
        &self,
        py: Python<'py>,
        actor: &Actor,
        query: &Bound<'py, PyAny>,
        channel: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        let query: records::RegisterQuery = from_py(query, "register query")?;
        let channel = parse_name::<Channel>(channel, "channel")?;
        call(py, || {
            self.0.answer_register_query(&actor.0, channel, query)
        })
    }

    /// Triage of a whistleblower report's scope (``assessment`` as a dict of the scope
    /// assessment's shape); out-of-scope reports that point to welfare crime become tips.
    fn triage<'py>(
        &self,
        py: Python<'py>,
        actor: &Actor,
        case_id: &str,
        assessment: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let assessment: triage::ScopeAssessment = from_py(assessment, "scope assessment")?;
        call(py, || {
            self.0.triage(&actor.0, &to_case_id(case_id), assessment)
        })
    }

    /// Statutory deadlines of the cases the actor may see, soonest first; ``query``:
    /// ``"open"``, ``"due_soon"``, ``"overdue"`` or ``"all"``.
    #[pyo3(signature = (actor, query="open"))]
    fn deadlines<'py>(
        &self,
        py: Python<'py>,
        actor: &Actor,
        query: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        let query = parse_name::<DeadlineQuery>(query, "deadline query")?;
        call(py, || self.0.deadlines(&actor.0, query))
    }

    /// Counts per kind, status and channel and deadline compliance, without identities.
    fn statistics<'py>(&self, py: Python<'py>, actor: &Actor) -> PyResult<Bound<'py, PyAny>> {
        call(py, || self.0.statistics(&actor.0))
    }

    /// Purges cases past retention (crypto-shredding); ``dry_run`` only reports.
    #[pyo3(signature = (actor, dry_run=true))]
    fn purge<'py>(
        &self,
        py: Python<'py>,
        actor: &Actor,
        dry_run: bool,
    ) -> PyResult<Bound<'py, PyAny>> {
        call(py, || self.0.purge(&actor.0, dry_run))
    }

    /// The tenant's audit log, verified, oldest first.
    fn audit_log<'py>(&self, py: Python<'py>, actor: &Actor) -> PyResult<Bound<'py, PyAny>> {
        call(py, || self.0.audit_log(&actor.0))
    }
}

/// Builds the `lantero.cases` module.
pub fn module(py: Python<'_>) -> PyResult<Bound<'_, PyModule>> {
    let m = PyModule::new(py, "lantero.cases")?;
    m.add_class::<Store>()?;
    m.add_class::<Actor>()?;
    m.add_class::<CaseService>()?;
    m.add_function(wrap_pyfunction!(generate_key, &m)?)?;
    Ok(m)
}
