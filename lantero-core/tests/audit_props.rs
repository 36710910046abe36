//! Property tests: random audit logs verify, and any single change breaks them.

use chrono::{DateTime, Duration, TimeZone, Utc};
use lantero_core::audit::{AuditEvent, AuditLog, verify_chain, verify_with_head};
use proptest::prelude::*;

#[derive(Debug, Clone)]
struct Entry {
    step_micros: i64,
    actor: String,
    action: String,
    object: String,
    detail: Option<String>,
}

fn entry() -> impl Strategy<Value = Entry> {
    (
        0i64..10_000_000,
        "\\PC{0,12}",
        "[a-z.]{1,12}",
        "\\PC{0,16}",
        proptest::option::of("\\PC{0,20}"),
    )
        .prop_map(|(step_micros, actor, action, object, detail)| Entry {
            step_micros,
            actor,
            action,
            object,
            detail,
        })
}

fn build(entries: &[Entry]) -> AuditLog {
    let mut time: DateTime<Utc> = Utc.with_ymd_and_hms(2025, 1, 1, 0, 0, 0).unwrap();
    let mut log = AuditLog::new();
    for e in entries {
        time += Duration::microseconds(e.step_micros);
        log.append(
            time,
            e.actor.clone(),
            e.action.clone(),
            e.object.clone(),
            e.detail.clone(),
        );
    }
    log
}

/// Changes one field of `event`, always to a different value.
fn mutate(event: &mut AuditEvent, field: usize, extra: &str) {
    let changed = |s: &str| format!("{s}{extra}");
    let flip_first = |hex: &str| {
        let mut chars: Vec<char> = hex.chars().collect();
        if let Some(c) = chars.first_mut() {
            *c = if *c == '0' { '1' } else { '0' };
        }
        chars.into_iter().collect::<String>()
    };
    match field {
        0 => event.seq = event.seq.wrapping_add(1),
        1 => event.time += Duration::nanoseconds(1),
        2 => event.actor = changed(&event.actor),
        3 => event.action = changed(&event.action),
        4 => event.object = changed(&event.object),
        5 => {
            event.detail = match event.detail.take() {
                None => Some(String::new()),
                Some(_) if extra.is_empty() => None,
                Some(d) => Some(changed(&d)),
            }
        }
        6 => event.prev_hash = flip_first(&event.prev_hash),
        _ => event.hash = flip_first(&event.hash),
    }
}

proptest! {
    #[test]
    fn random_logs_verify(entries in proptest::collection::vec(entry(), 0..20)) {
        let log = build(&entries);
        prop_assert!(log.verify().is_ok());
        prop_assert!(verify_with_head(log.events(), log.head_hash()).is_ok());
        for (i, e) in log.events().iter().enumerate() {
            prop_assert_eq!(e.seq, i as u64);
        }
    }

    #[test]
    fn any_single_field_change_breaks_the_chain(
        entries in proptest::collection::vec(entry(), 1..12),
        pick in any::<prop::sample::Index>(),
        field in 0usize..8,
        extra in "\\PC{1,3}",
    ) {
        let mut events = build(&entries).into_events();
        let index = pick.index(events.len());
        mutate(&mut events[index], field, &extra);
        prop_assert!(verify_chain(&events).is_err(), "field {} of event {}", field, index);
    }

    #[test]
    fn removing_any_event_is_detected(
        entries in proptest::collection::vec(entry(), 1..12),
        pick in any::<prop::sample::Index>(),
    ) {
        let log = build(&entries);
        let head = log.head_hash().to_owned();
        let mut events = log.into_events();
        events.remove(pick.index(events.len()));
        prop_assert!(verify_with_head(&events, &head).is_err());
    }

    #[test]
    fn swapping_two_events_is_detected(
        entries in proptest::collection::vec(entry(), 2..12),
        a in any::<prop::sample::Index>(),
        b in any::<prop::sample::Index>(),
    ) {
        let mut events = build(&entries).into_events();
        let (a, b) = (a.index(events.len()), b.index(events.len()));
        prop_assume!(a != b);
        events.swap(a, b);
        prop_assert!(verify_chain(&events).is_err());
    }
}
