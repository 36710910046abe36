//! One approval of an identity reveal reveals once, however many calls race for it.

use std::sync::Arc;

use lantero_cases::policy::Role;
use lantero_cases::reporter::ThrottleConfig;
use lantero_cases::{CaseService, Error};

use crate::engine::Engine;
use crate::{actor, report, service};

pub fn one_approval_reveals_once_under_concurrency(engine: &Engine) {
    let (svc, _clock) = service(engine.open(), ThrottleConfig::default());
    let sub = report(&svc, Some("Anna Andersson"));
    let admin = actor("admin", Role::Administrator);
    let h = actor("h1", Role::Handler);
    svc.assign(&admin, &sub.case_id, &h.id).unwrap();
    let rid = svc
        .request_identity_reveal(&h, &sub.case_id, "Domstol begär uppgiften")
        .unwrap();
    svc.decide_identity_reveal(&actor("c1", Role::Custodian), &rid, true)
        .unwrap();

    // Eight calls at once, over four store instances (four processes).
    let services: Vec<Arc<CaseService>> = (0..4)
        .map(|_| Arc::new(service(engine.open(), ThrottleConfig::default()).0))
        .collect();
    let results: Vec<_> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..8)
            .map(|i| {
                let (svc, h, rid) = (services[i % 4].clone(), h.clone(), rid.clone());
                s.spawn(move || svc.reveal_identity(&h, &rid))
            })
            .collect();
        handles.into_iter().map(|j| j.join().unwrap()).collect()
    });
    let revealed: Vec<_> = results.iter().filter_map(|r| r.as_ref().ok()).collect();
    assert_eq!(revealed.len(), 1, "{results:?}");
    assert_eq!(revealed[0].name.as_deref(), Some("Anna Andersson"));
    for r in results.iter().filter(|r| r.is_err()) {
        assert!(matches!(r, Err(Error::Denied { .. })), "{r:?}");
    }
    let events = svc.audit_log(&admin).unwrap();
    let reveals = events
        .iter()
        .filter(|e| e.action == "identity.revealed")
        .count();
    assert_eq!(reveals, 1, "one audit event per reveal");
}
