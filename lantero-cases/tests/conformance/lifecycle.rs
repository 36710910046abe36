//! Service-level checks of a case's life: access, transitions, clocks, retention, encryption
//! at rest and statistics.

use std::sync::Arc;

use chrono::TimeDelta;
use lantero_cases::Error;
use lantero_cases::case::{CaseKind, ClosureReason, Status, Visibility};
use lantero_cases::clock::{ClockKind, DeadlineState};
use lantero_cases::policy::{Actor, ActorId, Role};
use lantero_cases::service::{DeadlineQuery, Submission};
use lantero_cases::store::CaseStore;
use lantero_core::audit::verify_chain;

use super::anchor;
use super::flows::{actor, anna, handler_for, report, setup};

pub fn access_is_denied_by_default_and_denials_are_audited(store: Arc<dyn CaseStore>) {
    let (svc, _clock, t) = setup(store.clone(), "kommun");
    let s = report(&svc, &t, CaseKind::Whistleblowing, None);
    let other_handler = actor(&t, "h2", Role::Handler);
    let stats = actor(&t, "s", Role::StatisticsReader);
    let admin = actor(&t, "admin", Role::Administrator);
    let registrar = actor(&t, "reg", Role::Registrar);
    let custodian = actor(&t, "cust", Role::Custodian);
    for who in [&other_handler, &stats, &admin, &registrar, &custodian] {
        assert!(
            matches!(svc.case(who, &s.case_id), Err(Error::Denied { .. })),
            "{}",
            who.id
        );
        assert!(
            matches!(svc.messages(who, &s.case_id), Err(Error::Denied { .. })),
            "{}",
            who.id
        );
    }
    assert!(matches!(svc.purge(&stats, true), Err(Error::Denied { .. })));
    assert!(svc.statistics(&stats).is_ok());
    assert!(matches!(
        svc.statistics(&other_handler),
        Err(Error::Denied { .. })
    ));
    // An administrator of another tenant reaches nothing here.
    svc.create_tenant("annan".parse().unwrap(), "Annan")
        .unwrap();
    let foreign = Actor::new("admin", "annan".parse().unwrap(), [Role::Administrator]);
    assert!(
        svc.assign(&foreign, &s.case_id, &ActorId::new("x"))
            .is_err()
    );
    let denied = svc
        .store()
        .audit_events(&t, &anchor())
        .unwrap()
        .iter()
        .filter(|e| e.action == "access.denied")
        .count();
    // 5 actors × 2 reads, the purge and the statistics; the foreign admin never finds the case.
    assert_eq!(denied, 12);
    // Admins see metadata only: the case is listed but not readable.
    assert_eq!(svc.cases(&admin).unwrap().len(), 1);
    assert!(svc.cases(&other_handler).unwrap().is_empty());
}

pub fn illegal_transitions_are_refused(store: Arc<dyn CaseStore>) {
    let (svc, _clock, t) = setup(store, "kommun");
    let s = report(&svc, &t, CaseKind::Whistleblowing, None);
    let h = handler_for(&svc, &t, &s, "h1");
    assert!(matches!(
        svc.set_status(&h, &s.case_id, Status::InProgress),
        Err(Error::InvalidTransition { .. })
    ));
    assert!(matches!(
        svc.close(&h, &s.case_id, ClosureReason::Completed),
        Err(Error::InvalidTransition { .. })
    ));
    svc.acknowledge(&h, &s.case_id, "Mottaget").unwrap();
    svc.set_status(&h, &s.case_id, Status::InProgress).unwrap();
    svc.give_feedback(&h, &s.case_id, "Vi utreder.").unwrap();
    svc.close(&h, &s.case_id, ClosureReason::Completed).unwrap();
    assert!(matches!(
        svc.set_status(&h, &s.case_id, Status::InProgress),
        Err(Error::InvalidTransition { .. })
    ));
    assert!(matches!(
        svc.reporter_send(&t, &s.receipt, "x", "hej"),
        Err(Error::InvalidState { .. })
    ));
    let c = svc.store().case(&t, &s.case_id).unwrap().unwrap();
    assert!(c.acknowledged_at.is_some() && c.feedback_at.is_some() && c.closed_at.is_some());
}

pub fn deadline_queries_follow_the_clock(store: Arc<dyn CaseStore>) {
    // t0 is Monday 3 Feb 2025 09:00 Stockholm.
    let (svc, clock, t) = setup(store, "kommun");
    let admin = actor(&t, "admin", Role::Administrator);
    let s = report(&svc, &t, CaseKind::Whistleblowing, None);
    let open = svc.deadlines(&admin, DeadlineQuery::Open).unwrap();
    assert_eq!(
        open.iter().map(|d| d.clock).collect::<Vec<_>>(),
        [ClockKind::Acknowledgement, ClockKind::Feedback]
    );
    assert!(
        svc.deadlines(&admin, DeadlineQuery::DueSoon)
            .unwrap()
            .is_empty()
    );
    // 7 days: Monday 10 Feb, end of day. Thursday evening it is due soon.
    clock.advance(TimeDelta::days(6) + TimeDelta::hours(10));
    let soon = svc.deadlines(&admin, DeadlineQuery::DueSoon).unwrap();
    assert_eq!(soon.len(), 1);
    assert_eq!(soon[0].clock, ClockKind::Acknowledgement);
    clock.advance(TimeDelta::days(2));
    let overdue = svc.deadlines(&admin, DeadlineQuery::Overdue).unwrap();
    assert_eq!(overdue.len(), 1);
    let h = handler_for(&svc, &t, &s, "h1");
    svc.acknowledge(&h, &s.case_id, "Sent, men mottaget.")
        .unwrap();
    let all = svc.deadlines(&admin, DeadlineQuery::All).unwrap();
    assert_eq!(all[0].state, DeadlineState::MetLate);
    // Handlers see only their own cases' deadlines.
    assert_eq!(
        svc.deadlines(&actor(&t, "h9", Role::Handler), DeadlineQuery::All)
            .unwrap()
            .len(),
        0
    );
    assert_eq!(svc.deadlines(&h, DeadlineQuery::All).unwrap().len(), 2);
}

pub fn purge_respects_retention_and_legal_hold(store: Arc<dyn CaseStore>) {
    let (svc, clock, t) = setup(store, "kommun");
    let admin = actor(&t, "admin", Role::Administrator);
    let no_basis = report(&svc, &t, CaseKind::Tip, Some(anna()));
    let held = report(&svc, &t, CaseKind::Tip, None);
    let wb = report(&svc, &t, CaseKind::Whistleblowing, None);
    let h = handler_for(&svc, &t, &no_basis, "h1");
    svc.assign(&admin, &held.case_id, &h.id).unwrap();
    svc.assign(&admin, &wb.case_id, &h.id).unwrap();
    svc.send_to_reporter(
        &h,
        &no_basis.case_id,
        "Tipset saknar rättslig grund och raderas.",
    )
    .unwrap();
    svc.close(&h, &no_basis.case_id, ClosureReason::NoLegalBasis)
        .unwrap();
    svc.close(&h, &held.case_id, ClosureReason::NoLegalBasis)
        .unwrap();
    svc.set_legal_hold(&admin, &held.case_id, Some("Förvaltningsrätten mål 123-25"))
        .unwrap();
    svc.acknowledge(&h, &wb.case_id, "Mottaget").unwrap();
    svc.set_status(&h, &wb.case_id, Status::InProgress).unwrap();
    svc.close(&h, &wb.case_id, ClosureReason::Completed)
        .unwrap();

    let dry = svc.purge(&admin, true).unwrap();
    assert!(dry.dry_run);
    assert_eq!(
        dry.purged.iter().map(|p| &p.case_id).collect::<Vec<_>>(),
        [&no_basis.case_id]
    );
    assert_eq!(dry.held.len(), 1);
    assert!(
        svc.store()
            .case(&t, &no_basis.case_id)
            .unwrap()
            .unwrap()
            .content
            .is_some(),
        "dry run changes nothing"
    );

    let run = svc.purge(&admin, false).unwrap();
    assert_eq!(run.purged.len(), 1);
    let purged = svc.store().case(&t, &no_basis.case_id).unwrap().unwrap();
    assert!(
        purged.content.is_none() && purged.receipt_hash.is_none() && purged.purged_at.is_some()
    );
    assert!(
        svc.store()
            .messages(&t, &no_basis.case_id)
            .unwrap()
            .is_empty()
    );
    assert!(matches!(
        svc.reporter_view(&t, &no_basis.receipt, "s"),
        Err(Error::UnknownReceipt)
    ));
    assert!(
        svc.reporter_view(&t, &held.receipt, "s").is_ok(),
        "the held tip is kept"
    );
    // Idempotent.
    assert!(svc.purge(&admin, false).unwrap().purged.is_empty());

    // Two years on, the whistleblower report goes; the hold still stops the tip until lifted.
    clock.advance(TimeDelta::days(731));
    let later = svc.purge(&admin, false).unwrap();
    assert_eq!(
        later.purged.iter().map(|p| &p.case_id).collect::<Vec<_>>(),
        [&wb.case_id]
    );
    svc.set_legal_hold(&admin, &held.case_id, None).unwrap();
    assert_eq!(svc.purge(&admin, false).unwrap().purged.len(), 1);

    // Statistics survive: three cases, all purged, deadlines still counted.
    let stats = svc.statistics(&admin).unwrap();
    assert_eq!((stats.total, stats.purged), (3, 3));
    assert_eq!(stats.deadlines[&ClockKind::Acknowledgement].met, 1);
    verify_chain(&svc.audit_log(&admin).unwrap()).unwrap();
}

pub fn content_is_encrypted_at_rest(store: Arc<dyn CaseStore>) {
    let (svc, _clock, t) = setup(store, "kommun");
    let s = report(&svc, &t, CaseKind::Whistleblowing, Some(anna()));
    let h = handler_for(&svc, &t, &s, "h1");
    svc.add_note(&h, &s.case_id, "Hemlig anteckning om Bertil.")
        .unwrap();
    svc.attach(
        &h,
        &s.case_id,
        lantero_cases::service::AttachmentUpload {
            file_name: "bertil-faktura.pdf".into(),
            media_type: "application/pdf".into(),
            bytes: b"%PDF Bertil".to_vec(),
            visibility: Visibility::Internal,
        },
    )
    .unwrap();
    let stored = serde_json::to_string(&(
        svc.store().cases(&t).unwrap(),
        svc.store().messages(&t, &s.case_id).unwrap(),
        svc.store().attachments(&t, &s.case_id).unwrap(),
        svc.store().audit_events(&t, &anchor()).unwrap(),
    ))
    .unwrap();
    for secret in [
        "ekonomiavdelningen",
        "Anna",
        "anna@example.se",
        "Bertil",
        "bertil-faktura",
        s.receipt.digits(),
    ] {
        assert!(
            !stored.contains(secret),
            "{secret:?} is stored in the clear"
        );
    }
    let atts = svc.store().attachments(&t, &s.case_id).unwrap();
    let (_, name, bytes) = svc.attachment(&h, &s.case_id, &atts[0].id).unwrap();
    assert_eq!(
        (name.as_str(), &bytes[..]),
        ("bertil-faktura.pdf", &b"%PDF Bertil"[..])
    );
}

pub fn statistics_carry_no_identities(store: Arc<dyn CaseStore>) {
    let (svc, _clock, t) = setup(store, "kommun");
    let subs: Vec<Submission> = [CaseKind::Whistleblowing, CaseKind::Tip, CaseKind::Tip]
        .into_iter()
        .map(|kind| report(&svc, &t, kind, Some(anna())))
        .collect();
    let stats = svc
        .statistics(&actor(&t, "s", Role::StatisticsReader))
        .unwrap();
    assert_eq!(stats.total, 3);
    let tips = stats
        .by_status
        .iter()
        .find(|r| r.kind == CaseKind::Tip && r.status == Status::Received)
        .unwrap();
    assert_eq!(tips.count, 2);
    assert_eq!(stats.by_channel.len(), 2);
    assert_eq!(stats.deadlines[&ClockKind::Acknowledgement].open, 1);
    let json = serde_json::to_string(&stats).unwrap();
    assert!(!json.contains("Anna"));
    for s in &subs {
        assert!(!json.contains(s.case_id.as_str()) && !json.contains(&s.reference.to_string()));
    }
}
