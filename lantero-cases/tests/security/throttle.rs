//! Receipt throttling holds under concurrency, across restarts and processes, and never locks
//! the real reporter out.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use lantero_cases::policy::Role;
use lantero_cases::reporter::{Receipt, ThrottleConfig};
use lantero_cases::{CaseService, Error};

use crate::engine::Engine;
use crate::{actor, report, service, tenant};

const LIMIT: u32 = 5;

fn config() -> ThrottleConfig {
    ThrottleConfig {
        per_source: LIMIT,
        per_tenant: LIMIT,
        window_secs: 900,
        slowdown_ms: 50,
    }
}

fn rejected(svc: &CaseService) -> usize {
    svc.audit_log(&actor("admin", Role::Administrator))
        .unwrap()
        .iter()
        .filter(|e| e.action == "reporter.receipt_rejected")
        .count()
}

pub fn concurrent_guesses_are_counted_before_they_are_evaluated(engine: &Engine) {
    let (svc, _clock) = service(engine.open(), config());
    let t = tenant();
    let sub = report(&svc, None);
    let receipt = sub.receipt.digits().to_owned();
    let wrong = if receipt.starts_with('1') { "2" } else { "1" }.repeat(16);

    // 24 guesses at once from one source, spread over four store instances (as four server
    // processes would be), each its own connection to the same database.
    let services: Vec<Arc<CaseService>> = (0..4)
        .map(|_| Arc::new(service(engine.open(), config()).0))
        .collect();
    let throttled = Arc::new(AtomicUsize::new(0));
    let unknown = Arc::new(AtomicUsize::new(0));
    std::thread::scope(|s| {
        for i in 0..24 {
            let svc = services[i % 4].clone();
            let (throttled, unknown, wrong, t) =
                (throttled.clone(), unknown.clone(), wrong.clone(), t.clone());
            s.spawn(move || {
                match svc.reporter_view(&t, &Receipt::parse(&wrong).unwrap(), "attacker") {
                    Err(Error::Throttled { .. }) => throttled.fetch_add(1, Ordering::SeqCst),
                    Err(Error::UnknownReceipt) => unknown.fetch_add(1, Ordering::SeqCst),
                    other => panic!("unexpected {other:?}"),
                };
            });
        }
    });
    let evaluated = unknown.load(Ordering::SeqCst);
    assert!(
        evaluated <= LIMIT as usize,
        "{evaluated} guesses evaluated, limit {LIMIT}"
    );
    assert_eq!(evaluated, LIMIT as usize, "the first {LIMIT} are evaluated");
    assert_eq!(throttled.load(Ordering::SeqCst), 24 - evaluated);
    assert_eq!(
        rejected(&svc),
        evaluated,
        "every evaluated guess is in the audit log"
    );

    // A restart forgets nothing: a fresh store and service still refuse the source.
    drop(services);
    let (again, _) = service(engine.open(), config());
    assert!(matches!(
        again.reporter_view(&t, &Receipt::parse(&wrong).unwrap(), "attacker"),
        Err(Error::Throttled { .. })
    ));
    assert_eq!(
        rejected(&again),
        evaluated,
        "the refused guess was not evaluated"
    );

    // The tenant is over its ceiling too, yet the real reporter gets in (slowed, not locked
    // out), as often as they come back: valid receipts give their attempt back.
    let typed = Receipt::parse(&receipt).unwrap();
    for _ in 0..(LIMIT + 2) {
        let view = again.reporter_view(&t, &typed, "reporter").unwrap();
        assert_eq!(view.reference, sub.reference);
    }
}
