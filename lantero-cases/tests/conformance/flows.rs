//! Service-level checks, run on every backend: the flows the issue must show.

use std::sync::Arc;

use chrono::TimeDelta;
use lantero_cases::case::{CaseKind, Channel, ClosureReason, LinkRelation, Status, Visibility};
use lantero_cases::clock::DeadlineState;
use lantero_cases::policy::{Actor, Role};
use lantero_cases::records::{MaskGround, Outcome, QuerySubject, RegisterQuery, RequestedDocument};
use lantero_cases::reporter::{Receipt, ReporterIdentity, RevealState};
use lantero_cases::service::{DeadlineQuery, NewRecordsRequest, NewReport, Submission};
use lantero_cases::store::CaseStore;
use lantero_cases::triage::{ReporterRelation, ScopeAssessment, ScopeOutcome};
use lantero_cases::{CaseService, Error, TenantId};
use lantero_core::audit::verify_chain;

use super::{anchor, service};

pub(super) const REPORT: &str =
    "Chefen på ekonomiavdelningen godkänner fakturor från sin brors bolag.";

pub(super) fn setup(
    store: Arc<dyn CaseStore>,
    tenant: &str,
) -> (
    CaseService,
    Arc<lantero_cases::clock::ManualClock>,
    TenantId,
) {
    let (svc, clock) = service(store);
    let t: TenantId = tenant.parse().unwrap();
    svc.create_tenant(t.clone(), "Testby kommun").unwrap();
    (svc, clock, t)
}

pub(super) fn actor(t: &TenantId, id: &str, role: Role) -> Actor {
    Actor::new(id, t.clone(), [role])
}

pub(super) fn report(
    svc: &CaseService,
    t: &TenantId,
    kind: CaseKind,
    identity: Option<ReporterIdentity>,
) -> Submission {
    svc.submit_report(
        t,
        NewReport {
            kind,
            channel: Channel::Web,
            text: REPORT.into(),
            identity,
        },
    )
    .unwrap()
}

pub(super) fn anna() -> ReporterIdentity {
    ReporterIdentity {
        name: Some("Anna Andersson".into()),
        email: Some("anna@example.se".into()),
        phone: None,
        other: None,
    }
}

/// An assigned handler and the administrator who assigned them.
pub(super) fn handler_for(svc: &CaseService, t: &TenantId, s: &Submission, id: &str) -> Actor {
    let admin = actor(t, "admin", Role::Administrator);
    let h = actor(t, id, Role::Handler);
    svc.assign(&admin, &s.case_id, &h.id).unwrap();
    h
}

pub fn receipt_only_reporter_dialogue(store: Arc<dyn CaseStore>) {
    let (svc, clock, t) = setup(store, "kommun");
    let s = report(&svc, &t, CaseKind::Whistleblowing, None);
    // The reporter comes back with the receipt as shown to them, and nothing else.
    let typed = Receipt::parse(&s.receipt.grouped()).unwrap();

    let h = handler_for(&svc, &t, &s, "h1");
    clock.advance(TimeDelta::hours(2));
    svc.acknowledge(&h, &s.case_id, "Tack, vi har tagit emot din rapport.")
        .unwrap();
    svc.add_note(&h, &s.case_id, "Intern: kontrollera leverantörsregistret.")
        .unwrap();

    let view = svc.reporter_view(&t, &typed, "sess").unwrap();
    assert_eq!(view.reference, s.reference);
    assert_eq!(view.status, Status::Acknowledged);
    assert_eq!(*view.text, REPORT);
    let texts: Vec<&str> = view.messages.iter().map(|m| m.text.as_str()).collect();
    assert_eq!(
        texts,
        ["Tack, vi har tagit emot din rapport."],
        "internal notes must not reach the reporter"
    );

    svc.reporter_send(&t, &typed, "sess", "Fakturorna gäller konsulttjänster.")
        .unwrap();
    let all = svc.messages(&h, &s.case_id).unwrap();
    assert_eq!(all.len(), 3);
    assert_eq!(*all[2].text, "Fakturorna gäller konsulttjänster.");
    assert_eq!(all[2].author, lantero_cases::case::Author::Reporter);
    assert_eq!(all[1].visibility, Visibility::Internal);

    // Another tenant's service path does not find the case with the same receipt.
    svc.create_tenant("annan".parse().unwrap(), "Annan kommun")
        .unwrap();
    assert!(matches!(
        svc.reporter_view(&"annan".parse().unwrap(), &typed, "sess"),
        Err(Error::UnknownReceipt)
    ));
    verify_chain(&svc.store().audit_events(&t, &anchor()).unwrap()).unwrap();
}

pub fn wrong_receipts_are_throttled(store: Arc<dyn CaseStore>) {
    let (svc, clock, t) = setup(store, "kommun");
    let s = report(&svc, &t, CaseKind::Tip, None);
    let wrong = Receipt::parse("0000 0000 0000 0000").unwrap();
    for _ in 0..5 {
        assert!(matches!(
            svc.reporter_view(&t, &wrong, "attacker"),
            Err(Error::UnknownReceipt)
        ));
    }
    // Now even the right receipt is refused from that source, but not from another.
    assert!(matches!(
        svc.reporter_view(&t, &s.receipt, "attacker"),
        Err(Error::Throttled { .. })
    ));
    assert!(svc.reporter_view(&t, &s.receipt, "reporter").is_ok());
    clock.advance(TimeDelta::minutes(16));
    assert!(svc.reporter_view(&t, &s.receipt, "attacker").is_ok());
    let rejected = svc
        .store()
        .audit_events(&t, &anchor())
        .unwrap()
        .iter()
        .filter(|e| e.action == "reporter.receipt_rejected")
        .count();
    assert_eq!(rejected, 5);
}

pub fn identity_reveal_needs_a_custodian(store: Arc<dyn CaseStore>) {
    let (svc, _clock, t) = setup(store, "kommun");
    let s = report(&svc, &t, CaseKind::Whistleblowing, Some(anna()));
    let h = handler_for(&svc, &t, &s, "h1");
    let custodian = actor(&t, "c1", Role::Custodian);

    // The case text is readable by the handler, the identity is not in it.
    let view = svc.case(&h, &s.case_id).unwrap();
    assert!(!serde_json::to_string(&view).unwrap().contains("Anna"));

    let rid = svc
        .request_identity_reveal(&h, &s.case_id, "Domstol begär uppgiften, mål T 12-25")
        .unwrap();
    assert!(
        matches!(svc.reveal_identity(&h, &rid), Err(Error::Denied { .. })),
        "not before approval"
    );
    // A handler cannot approve; nor can a custodian who asked.
    assert!(matches!(
        svc.decide_identity_reveal(&h, &rid, true),
        Err(Error::Denied { .. })
    ));
    let both = Actor::new("hc", t.clone(), [Role::Handler, Role::Custodian]);
    svc.assign(
        &actor(&t, "admin", Role::Administrator),
        &s.case_id,
        &both.id,
    )
    .unwrap();
    let own = svc
        .request_identity_reveal(&both, &s.case_id, "egen")
        .unwrap();
    assert!(matches!(
        svc.decide_identity_reveal(&both, &own, true),
        Err(Error::Denied { .. })
    ));

    let state = svc.decide_identity_reveal(&custodian, &rid, true).unwrap();
    assert!(matches!(state, RevealState::Approved { .. }));
    // Another handler of the case may not use h1's approval.
    assert!(matches!(
        svc.reveal_identity(&both, &rid),
        Err(Error::Denied { .. })
    ));
    let who = svc.reveal_identity(&h, &rid).unwrap();
    assert_eq!(who.name.as_deref(), Some("Anna Andersson"));
    assert!(
        matches!(svc.reveal_identity(&h, &rid), Err(Error::Denied { .. })),
        "an approval is used once"
    );

    let actions: Vec<String> = svc
        .store()
        .audit_events(&t, &anchor())
        .unwrap()
        .into_iter()
        .map(|e| e.action)
        .filter(|a| a.starts_with("identity."))
        .collect();
    assert_eq!(
        actions,
        [
            "identity.reveal_requested",
            "identity.reveal_requested",
            "identity.reveal_approved",
            "identity.revealed"
        ]
    );
    let log = serde_json::to_string(&svc.store().audit_events(&t, &anchor()).unwrap()).unwrap();
    assert!(
        !log.contains("Anna") && !log.contains("T 12-25"),
        "the audit log holds no identities or grounds"
    );
}

/// Runs the same NCND query in a fresh tenant that does or does not hold a matching report.
fn ncnd_run(
    store: Arc<dyn CaseStore>,
    tenant: &str,
    with_match: bool,
) -> (String, Vec<(String, String, Option<String>)>) {
    let (svc, _clock, t) = setup(store, tenant);
    let text = if with_match {
        "Per Persson på tekniska förvaltningen tar mutor."
    } else {
        "Oegentligheter vid upphandling av snöröjning."
    };
    svc.submit_report(
        &t,
        NewReport {
            kind: CaseKind::Whistleblowing,
            channel: Channel::Web,
            text: text.into(),
            identity: None,
        },
    )
    .unwrap();
    let before = svc.store().audit_events(&t, &anchor()).unwrap().len();
    let registrar = actor(&t, "registrator", Role::Registrar);
    let query = RegisterQuery {
        subject: QuerySubject::Person("Per Persson".into()),
        period: Some("2025".into()),
    };
    let answer = svc
        .answer_register_query(&registrar, Channel::Email, query)
        .unwrap();
    let events = svc.store().audit_events(&t, &anchor()).unwrap()[before..]
        .iter()
        .map(|e| (e.actor.clone(), e.action.clone(), e.detail.clone()))
        .collect();
    (serde_json::to_string(&answer.document).unwrap(), events)
}

pub fn ncnd_answer_is_identical_with_and_without_a_match(store: Arc<dyn CaseStore>) {
    let (doc_match, ev_match) = ncnd_run(store.clone(), "med-traff", true);
    let (doc_none, ev_none) = ncnd_run(store, "utan-traff", false);
    assert_eq!(
        doc_match, doc_none,
        "the answer must not reveal whether a report exists"
    );
    assert_eq!(ev_match, ev_none, "nor may the writes around it");
    assert!(doc_match.contains("varken bekräftar eller förnekar"));
    assert!(doc_match.contains("30 kap. 4 b §"));
}

pub fn records_request_is_decided_with_provisions(store: Arc<dyn CaseStore>) {
    let (svc, clock, t) = setup(store, "kommun");
    let registrar = actor(&t, "reg", Role::Registrar);
    let case = svc
        .register_records_request(
            &registrar,
            NewRecordsRequest {
                channel: Channel::Email,
                text: "Jag vill ta del av utredningen om ekonomiskt bistånd.".into(),
                documents: vec![RequestedDocument {
                    description: "Utredning".into(),
                    registry_ref: Some("SN 2025/14".into()),
                }],
                requester: None,
            },
        )
        .unwrap();
    assert_eq!(case.reference.to_string(), "BAH-2025-0001");
    assert!(case.records.as_ref().unwrap().anonymous);
    svc.add_review_session(&registrar, &case.id, "review-7f3a")
        .unwrap();
    clock.advance(TimeDelta::hours(5));
    let doc = svc
        .decide_records_request(
            &registrar,
            &case.id,
            Outcome::PartialRelease {
                masks: vec![MaskGround {
                    document: 0,
                    provision: "OSL 26:1".into(),
                    masks: 4,
                }],
            },
        )
        .unwrap();
    assert!(
        doc.text
            .contains("Testby kommun lämnar ut handlingarna med undantag")
    );
    assert!(
        doc.text
            .contains("26 kap. 1 § offentlighets- och sekretesslagen (2009:400)")
    );
    assert!(doc.text.contains("kammarrätten"));
    let stored = svc.store().case(&t, &case.id).unwrap().unwrap();
    assert_eq!(stored.status, Status::Decided);
    let records = stored.records.unwrap();
    assert_eq!(records.review_sessions, ["review-7f3a"]);
    assert_eq!(records.decision.unwrap().document, doc);
    let d = svc.deadlines(&registrar, DeadlineQuery::All).unwrap();
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].state, DeadlineState::Met);
    // A second decision is an illegal transition.
    assert!(matches!(
        svc.decide_records_request(&registrar, &case.id, Outcome::Release),
        Err(Error::InvalidTransition { .. })
    ));
}

pub fn triage_routes_out_of_scope_welfare_crime(store: Arc<dyn CaseStore>) {
    let (svc, _clock, t) = setup(store, "kommun");
    let s = report(&svc, &t, CaseKind::Whistleblowing, Some(anna()));
    let h = handler_for(&svc, &t, &s, "h1");
    let a = ScopeAssessment {
        work_related: false,
        public_interest: true,
        eu_law_breach: false,
        relation: ReporterRelation::Public,
        welfare_crime_indicated: true,
    };
    assert!(
        svc.triage(&h, &s.case_id, a).is_err(),
        "triage needs an acknowledged report"
    );
    svc.acknowledge(&h, &s.case_id, "Mottaget.").unwrap();
    let result = svc.triage(&h, &s.case_id, a).unwrap();
    assert!(matches!(
        result.outcome,
        ScopeOutcome::OutOfScope {
            route_to_welfare_crime: true,
            ..
        }
    ));
    let (tip_id, tip_ref) = result.routed_to.unwrap();
    assert_eq!(tip_ref.to_string(), "TIPS-2025-0001");
    let links = svc.store().links(&t, &s.case_id).unwrap();
    assert_eq!(links.len(), 1);
    assert_eq!(links[0].relation, LinkRelation::RoutedToWelfareCrime);
    assert_eq!(links[0].to, tip_id);
    let tip = svc.store().case(&t, &tip_id).unwrap().unwrap();
    assert_eq!(tip.kind, CaseKind::Tip);
    assert!(
        tip.receipt_hash.is_none(),
        "the routed copy gives no access by the reporter's receipt"
    );
    assert!(
        tip.content.unwrap().identity.is_none(),
        "nor carries the reporter's identity"
    );
    let welfare = handler_for(
        &svc,
        &t,
        &Submission {
            case_id: tip_id.clone(),
            reference: tip_ref,
            receipt: Receipt::generate().unwrap(),
        },
        "vb-samordnare",
    );
    assert!(svc.case(&welfare, &tip_id).unwrap().text.contains(REPORT));
    svc.close(&h, &s.case_id, ClosureReason::OutOfScope)
        .unwrap();
    assert!(
        svc.store()
            .case(&t, &s.case_id)
            .unwrap()
            .unwrap()
            .triage
            .is_some()
    );
}
