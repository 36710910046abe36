//! The audit log cannot be trimmed, rewritten or reordered behind `audit_log()`'s back.

use chrono::TimeDelta;
use lantero_cases::Error;
use lantero_cases::policy::Role;
use lantero_cases::reporter::ThrottleConfig;
use lantero_cases::store::AuditDraft;
use lantero_core::audit::AuditEvent;

use crate::engine::Engine;
use crate::{actor, anchor, report, service, t0, tenant};

fn broken(result: lantero_cases::Result<Vec<AuditEvent>>) -> String {
    match result {
        Err(Error::Core(e @ lantero_core::Error::AuditChainBroken { .. })) => e.to_string(),
        other => panic!("expected a broken chain, got {other:?}"),
    }
}

/// A tenant whose log ends with an identity-reveal history, and a pristine copy of the table.
fn log_with_reveal_history(engine: &Engine) -> Vec<AuditEvent> {
    let store = engine.open();
    let (svc, clock) = service(store, ThrottleConfig::default());
    let sub = report(&svc, Some("Anna"));
    let admin = actor("admin", Role::Administrator);
    let h = actor("h1", Role::Handler);
    let c = actor("c1", Role::Custodian);
    svc.assign(&admin, &sub.case_id, &h.id).unwrap();
    clock.advance(TimeDelta::minutes(5));
    let rid = svc
        .request_identity_reveal(&h, &sub.case_id, "Domstol begär uppgiften")
        .unwrap();
    svc.decide_identity_reveal(&c, &rid, true).unwrap();
    svc.reveal_identity(&h, &rid).unwrap();
    svc.audit_log(&admin).unwrap()
}

pub fn trimming_rewriting_and_reordering_are_detected(engine: &Engine) {
    let events = log_with_reveal_history(engine);
    let n = events.len();
    assert!(n >= 6, "{n} events");
    let admin = actor("admin", Role::Administrator);
    let check = || {
        let (svc, _) = service(engine.open(), ThrottleConfig::default());
        svc.audit_log(&admin)
    };
    let backup = |suffix: &str| format!("CREATE TABLE audit_{suffix} AS SELECT * FROM audit");
    let restore = |suffix: &str| {
        format!(
            "DELETE FROM audit; INSERT INTO audit SELECT * FROM audit_{suffix}; DROP TABLE audit_{suffix}"
        )
    };

    // Trimmed: the newest four events (the whole reveal history) deleted.
    engine.raw(&backup("b1"));
    engine.raw(&format!("DELETE FROM audit WHERE seq >= {}", n - 4));
    let msg = broken(check());
    assert!(
        msg.contains("missing from the end") || msg.contains("signed head"),
        "{msg}"
    );
    // An append on a trimmed log is refused too: nothing is written on top of it.
    let store = engine.open();
    let append = store.record(
        &tenant(),
        &anchor(),
        AuditDraft {
            time: t0(),
            actor: "x".into(),
            action: "case.read".into(),
            object: "c".into(),
            detail: None,
        },
    );
    assert!(matches!(append, Err(Error::Core(_))), "{append:?}");
    engine.raw(&restore("b1"));
    assert_eq!(check().unwrap().len(), n, "restored");

    // Rewritten: one event changed and every later one rehashed (what an attacker without the
    // key can do), stored over the originals.
    engine.raw(&backup("b2"));
    let mut forged: Vec<AuditEvent> = events[..2].to_vec();
    for e in &events[2..] {
        let actor = if e.seq == 2 {
            "someone-else"
        } else {
            e.actor.as_str()
        };
        let next = AuditEvent::next_in(
            "kommun",
            forged.last(),
            e.time,
            actor,
            &e.action,
            &e.object,
            e.detail.clone(),
        );
        forged.push(next);
    }
    for e in &forged[2..] {
        let json = serde_json::to_string(e).unwrap().replace('\'', "''");
        engine.raw(&format!(
            "UPDATE audit SET data = '{json}' WHERE tenant = 'kommun' AND seq = {}",
            e.seq
        ));
    }
    let msg = broken(check());
    assert!(
        msg.contains("expected head") || msg.contains("signed head"),
        "{msg}"
    );
    engine.raw(&restore("b2"));

    // Reordered: two events swap places (their seq columns swapped).
    engine.raw(&backup("b3"));
    engine.raw(
        "UPDATE audit SET seq = -1 WHERE tenant = 'kommun' AND seq = 3;
         UPDATE audit SET seq = 3 WHERE tenant = 'kommun' AND seq = 4;
         UPDATE audit SET seq = 4 WHERE tenant = 'kommun' AND seq = -1;",
    );
    let msg = broken(check());
    assert!(msg.contains("at event 3"), "{msg}");
    engine.raw(&restore("b3"));

    // The signed head itself rewritten to match a trimmed log: the signature gives it away.
    engine.raw(&backup("b4"));
    engine.raw("CREATE TABLE heads_b4 AS SELECT * FROM audit_heads");
    let short = &events[n - 5];
    engine.raw(&format!(
        "DELETE FROM audit WHERE seq > {seq};
         UPDATE audit_heads SET len = {len}, hash = '{hash}' WHERE tenant = 'kommun';",
        seq = short.seq,
        len = short.seq + 1,
        hash = short.hash
    ));
    let msg = broken(check());
    assert!(msg.contains("signature"), "{msg}");
    engine.raw("DELETE FROM audit_heads; INSERT INTO audit_heads SELECT * FROM heads_b4; DROP TABLE heads_b4");
    engine.raw(&restore("b4"));

    // Deleting the head does not make the log unanchored-and-fine.
    engine.raw(&backup("b5"));
    engine.raw("CREATE TABLE heads_b5 AS SELECT * FROM audit_heads; DELETE FROM audit_heads");
    let msg = broken(check());
    assert!(msg.contains("no signed head"), "{msg}");
    engine.raw("INSERT INTO audit_heads SELECT * FROM heads_b5; DROP TABLE heads_b5");
    engine.raw(&restore("b5"));
    assert_eq!(check().unwrap(), events, "pristine again");
}

pub fn an_event_moved_to_another_tenant_does_not_verify(engine: &Engine) {
    let events = log_with_reveal_history(engine);
    // The event's own hash covers the tenant: relabelled, it no longer matches.
    let mut moved = events[3].clone();
    moved.scope = Some("grannkommun".into());
    assert_ne!(moved.compute_hash(), moved.hash);
    // A copy of another tenant's event inserted as this tenant's breaks the chain.
    let admin = actor("admin", Role::Administrator);
    let (svc, _) = service(engine.open(), ThrottleConfig::default());
    let other: lantero_cases::TenantId = "grannkommun".parse().unwrap();
    svc.create_tenant(other.clone(), "Grannkommun").unwrap();
    let foreign = svc
        .audit_log(&lantero_cases::policy::Actor::new(
            "admin",
            other,
            [Role::Administrator],
        ))
        .unwrap();
    let json = serde_json::to_string(&foreign[0])
        .unwrap()
        .replace('\'', "''");
    engine.raw(&format!(
        "UPDATE audit SET data = '{json}' WHERE tenant = 'kommun' AND seq = 0"
    ));
    broken(svc.audit_log(&admin));
}
