//! Deadline computation across weekends, holidays, month ends and the Stockholm day boundary.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use lantero_cases::case::{Case, CaseId, CaseKind, Channel, Reference};
use lantero_cases::clock::{
    ClockKind, Deadline, DeadlineRules, DeadlineState, deadlines_for, end_of_local_day,
};

fn case(kind: CaseKind, received: DateTime<Utc>) -> Case {
    Case::new(
        CaseId("case-x".into()),
        "t".parse().unwrap(),
        kind,
        Channel::Web,
        Reference::new(kind, 2025, 1),
        received,
    )
}

/// 10:00 Stockholm time on a date (UTC+1 or +2 handled by picking 08:00 UTC, always daytime).
fn at(y: i32, m: u32, d: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, 8, 0, 0).unwrap()
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn due(c: &Case, clock: ClockKind, rules: &DeadlineRules) -> Deadline {
    deadlines_for(c, rules, c.received_at)
        .into_iter()
        .find(|d| d.clock == clock)
        .unwrap()
}

#[test]
fn acknowledgement_moves_past_weekends_and_holidays() {
    let rules = DeadlineRules::default();
    let cases = [
        // received → last day of the 7 days (as rolled)
        (at(2025, 4, 10), day(2025, 4, 17)), // Thu → skärtorsdagen, a working day
        (at(2025, 4, 11), day(2025, 4, 22)), // Fri → långfredagen → påsk → annandag → Tue
        (at(2025, 6, 14), day(2025, 6, 23)), // Sat → midsommardagen → Sun → Mon
        (at(2025, 6, 13), day(2025, 6, 23)), // Fri → midsommarafton → Mon
        (at(2025, 12, 24), day(2026, 1, 2)), // julafton → nyårsafton → nyårsdagen → Fri 2 Jan
        (at(2025, 10, 25), day(2025, 11, 3)), // Sat → Sat 1 Nov alla helgons dag → Mon 3 Nov
        (at(2025, 2, 3), day(2025, 2, 10)),  // an ordinary Monday
    ];
    for (received, expect) in cases {
        let d = due(
            &case(CaseKind::Whistleblowing, received),
            ClockKind::Acknowledgement,
            &rules,
        );
        assert_eq!(d.due, end_of_local_day(expect), "received {received}");
    }
}

#[test]
fn without_rolling_the_seventh_day_stands() {
    let rules = DeadlineRules {
        roll_to_working_day: false,
        ..DeadlineRules::default()
    };
    let d = due(
        &case(CaseKind::Whistleblowing, at(2025, 4, 11)),
        ClockKind::Acknowledgement,
        &rules,
    );
    assert_eq!(d.due, end_of_local_day(day(2025, 4, 18)));
}

#[test]
fn feedback_runs_three_months_from_acknowledgement() {
    let rules = DeadlineRules::default();
    let mut c = case(CaseKind::Whistleblowing, at(2025, 3, 1));
    // No acknowledgement yet: from the end of the 7 days (8 March) → 8 June, pingstdagen
    // (a Sunday) → Monday 9 June.
    assert_eq!(
        due(&c, ClockKind::Feedback, &rules).due,
        end_of_local_day(day(2025, 6, 9))
    );
    // Acknowledged 6 March → 6 June, nationaldagen (a Friday) → Monday 9 June.
    c.acknowledged_at = Some(at(2025, 3, 6));
    assert_eq!(
        due(&c, ClockKind::Feedback, &rules).due,
        end_of_local_day(day(2025, 6, 9))
    );
    // Month end: 30 November + 3 months = 28 February.
    c.acknowledged_at = Some(at(2024, 11, 30));
    assert_eq!(
        due(&c, ClockKind::Feedback, &rules).due,
        end_of_local_day(day(2025, 2, 28))
    );
}

#[test]
fn records_requests_are_due_the_next_working_day() {
    let rules = DeadlineRules::default();
    let cases = [
        (at(2025, 5, 30), day(2025, 6, 2)),  // Fri → Mon
        (at(2025, 5, 29), day(2025, 6, 2)),  // Kristi himmelsfärd → Fri is day 0 → Mon
        (at(2025, 6, 19), day(2025, 6, 23)), // Thu before midsommarafton → Mon
        (at(2025, 4, 17), day(2025, 4, 22)), // skärtorsdagen → Tue after Easter
    ];
    for (received, expect) in cases {
        let d = due(
            &case(CaseKind::RecordsRequest, received),
            ClockKind::RecordsHandling,
            &rules,
        );
        assert_eq!(d.due, end_of_local_day(expect), "received {received}");
    }
    // Same-day handling, received 00:30 Saturday Stockholm time (still Friday in UTC).
    let same_day = DeadlineRules {
        records_working_days: 0,
        ..rules
    };
    let late = Utc.with_ymd_and_hms(2025, 1, 31, 23, 30, 0).unwrap();
    let d = due(
        &case(CaseKind::RecordsRequest, late),
        ClockKind::RecordsHandling,
        &same_day,
    );
    assert_eq!(d.due, end_of_local_day(day(2025, 2, 3)));
    assert_eq!(d.due, Utc.with_ymd_and_hms(2025, 2, 3, 23, 0, 0).unwrap());
}

#[test]
fn states_move_from_pending_to_overdue_and_met() {
    let rules = DeadlineRules::default();
    let mut c = case(CaseKind::RecordsRequest, at(2025, 2, 3));
    let due_at = end_of_local_day(day(2025, 2, 4));
    let state = |c: &Case, now| deadlines_for(c, &rules, now)[0].state;
    assert_eq!(state(&c, at(2025, 2, 3)), DeadlineState::DueSoon);
    assert_eq!(state(&c, due_at), DeadlineState::DueSoon);
    assert_eq!(
        state(&c, due_at + chrono::TimeDelta::seconds(1)),
        DeadlineState::Overdue
    );
    c.decided_at = Some(due_at);
    assert_eq!(state(&c, at(2025, 3, 1)), DeadlineState::Met);
    c.decided_at = Some(due_at + chrono::TimeDelta::hours(1));
    assert_eq!(state(&c, at(2025, 3, 1)), DeadlineState::MetLate);
    let wb = case(CaseKind::Whistleblowing, at(2025, 2, 3));
    assert_eq!(state(&wb, at(2025, 2, 3)), DeadlineState::Pending);
    assert!(deadlines_for(&case(CaseKind::Tip, at(2025, 2, 3)), &rules, at(2025, 2, 3)).is_empty());
}
