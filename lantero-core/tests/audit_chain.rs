//! Tampering with an audit chain: every kind of change is detected, at the right place.

use chrono::{DateTime, Duration, TimeZone, Utc};
use lantero_core::Error;
use lantero_core::audit::{
    AuditEvent, AuditLog, GENESIS_HASH, verify_chain, verify_continuation, verify_with_head,
    verify_with_len,
};

fn start() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 5, 21, 9, 30, 0).unwrap()
}

/// A log of five events a second apart.
fn log() -> AuditLog {
    let mut log = AuditLog::new();
    let actions = [
        "case.create",
        "case.read",
        "case.assign",
        "case.read",
        "case.close",
    ];
    for (i, action) in actions.iter().enumerate() {
        let detail = (i % 2 == 0).then(|| format!("steg {i}"));
        log.append(
            start() + Duration::seconds(i as i64),
            "handläggare:anna",
            *action,
            "case:2025-17",
            detail,
        );
    }
    log
}

fn broken_at(result: Result<(), Error>) -> u64 {
    match result {
        Err(Error::AuditChainBroken { index, .. }) => index,
        other => panic!("expected a broken chain, got {other:?}"),
    }
}

#[test]
fn an_untouched_log_verifies() {
    let log = log();
    log.verify().unwrap();
    verify_with_head(log.events(), log.head_hash()).unwrap();
    verify_with_len(log.events(), 5).unwrap();
    assert_eq!(log.events()[0].prev_hash, GENESIS_HASH);
    let seqs: Vec<u64> = log.events().iter().map(|e| e.seq).collect();
    assert_eq!(seqs, [0, 1, 2, 3, 4]);
}

#[test]
fn an_empty_log_verifies_and_its_head_is_genesis() {
    let empty = AuditLog::new();
    assert!(empty.is_empty());
    empty.verify().unwrap();
    assert_eq!(empty.head_hash(), GENESIS_HASH);
    verify_with_head(&[], GENESIS_HASH).unwrap();
    // A log expected to be empty that has events: the first one is extra.
    assert_eq!(broken_at(verify_with_head(log().events(), GENESIS_HASH)), 0);
}

#[test]
fn a_change_to_any_field_is_detected_at_that_event() {
    type Tamper = fn(&mut AuditEvent);
    let tampers: [(&str, Tamper); 8] = [
        ("seq", |e| e.seq += 10),
        ("time", |e| e.time += Duration::microseconds(1)),
        ("actor", |e| e.actor = "handläggare:bertil".into()),
        ("action", |e| e.action = "case.delete".into()),
        ("object", |e| e.object = "case:2025-18".into()),
        ("detail", |e| e.detail = None),
        ("prev_hash", |e| e.prev_hash = GENESIS_HASH.into()),
        ("hash", |e| e.hash = e.hash.to_uppercase()),
    ];
    for (field, tamper) in tampers {
        let mut events = log().into_events();
        tamper(&mut events[2]);
        assert_eq!(broken_at(verify_chain(&events)), 2, "changed {field}");
    }
}

#[test]
fn removal_of_the_first_event_is_detected() {
    let mut events = log().into_events();
    events.remove(0);
    assert_eq!(broken_at(verify_chain(&events)), 0);
}

#[test]
fn removal_of_a_middle_event_is_detected() {
    let mut events = log().into_events();
    events.remove(2);
    assert_eq!(broken_at(verify_chain(&events)), 2);
}

#[test]
fn removal_of_the_last_event_needs_the_head_or_the_length() {
    let log = log();
    let head = log.head_hash().to_owned();
    let mut events = log.into_events();
    events.pop();
    // A shorter chain is still a chain; that is why the head is kept elsewhere.
    verify_chain(&events).unwrap();
    assert_eq!(broken_at(verify_with_head(&events, &head)), 4);
    assert_eq!(broken_at(verify_with_len(&events, 5)), 4);
}

#[test]
fn insertion_is_detected() {
    let mut events = log().into_events();
    let forged = AuditEvent::next(
        Some(&events[1]),
        start() + Duration::milliseconds(1500),
        "handläggare:bertil",
        "case.read",
        "case:2025-17",
        None,
    );
    events.insert(2, forged);
    assert_eq!(broken_at(verify_chain(&events)), 3);
}

#[test]
fn appending_a_forged_event_is_detected_by_the_head_or_the_length() {
    let log = log();
    let head = log.head_hash().to_owned();
    let mut events = log.into_events();
    let forged = AuditEvent::next(events.last(), start(), "x", "case.read", "case:1", None);
    events.push(forged);
    verify_chain(&events).unwrap();
    assert_eq!(broken_at(verify_with_head(&events, &head)), 5);
    assert_eq!(broken_at(verify_with_len(&events, 5)), 5);
}

#[test]
fn reordering_is_detected() {
    let mut events = log().into_events();
    events.swap(1, 3);
    assert_eq!(broken_at(verify_chain(&events)), 1);
}

#[test]
fn rewriting_the_whole_tail_is_caught_only_by_the_anchored_head() {
    let log = log();
    let head = log.head_hash().to_owned();
    let events = log.into_events();
    // Someone with write access rebuilds the chain from event 2 with a changed actor.
    let mut forged: Vec<AuditEvent> = events[..2].to_vec();
    for e in &events[2..] {
        let next = AuditEvent::next(forged.last(), e.time, "x", &e.action, &e.object, None);
        forged.push(next);
    }
    verify_chain(&forged).unwrap();
    assert_eq!(broken_at(verify_with_head(&forged, &head)), 5);
}

#[test]
fn a_log_verifies_page_by_page() {
    let events = log().into_events();
    verify_chain(&events[..2]).unwrap();
    verify_continuation(&events[1], &events[2..]).unwrap();
    assert_eq!(broken_at(verify_continuation(&events[0], &events[2..])), 1);
    let mut tampered = events.clone();
    tampered[3].object = "case:other".into();
    assert_eq!(
        broken_at(verify_continuation(&tampered[1], &tampered[2..])),
        3
    );
}

#[test]
fn the_error_message_names_the_event_and_the_problem() {
    let mut events = log().into_events();
    events[1].action = "case.delete".into();
    let message = verify_chain(&events).unwrap_err().to_string();
    assert_eq!(
        message,
        "audit chain broken at event 1: hash does not match the event's content"
    );
}

#[test]
fn a_log_survives_a_json_round_trip() {
    let mut log = log();
    // Nanoseconds are truncated on append so that stores with microsecond precision keep
    // the exact time that was hashed.
    log.append(
        start() + Duration::nanoseconds(123_456_789),
        "a",
        "b",
        "c",
        None,
    );
    let json = serde_json::to_string(&log).unwrap();
    let back: AuditLog = serde_json::from_str(&json).unwrap();
    assert_eq!(back, log);
    back.verify().unwrap();
    verify_with_head(back.events(), log.head_hash()).unwrap();
}

#[test]
fn from_events_does_not_verify_until_asked() {
    let mut events = log().into_events();
    events[4].detail = Some("ändrad".into());
    let reloaded = AuditLog::from_events(events);
    assert_eq!(reloaded.len(), 5);
    assert_eq!(broken_at(reloaded.verify()), 4);
}
