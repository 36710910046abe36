//! Swedish local time and working-day arithmetic.
//!
//! Deadlines are counted in days as they fall in Sweden, so instants are converted to
//! Stockholm local dates. The zone rule is written out (CET, with CEST from the last Sunday of
//! March 01:00 UTC to the last Sunday of October 01:00 UTC, as in the EU since 1996) instead of
//! pulling in a time-zone database for one zone.

use chrono::{DateTime, Datelike, Days, FixedOffset, NaiveDate, Offset, Utc, Weekday};

use super::holidays::is_working_day;

/// The last Sunday of `month` in `year`.
fn last_sunday(year: i32, month: u32) -> Option<NaiveDate> {
    let first_of_next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)?
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)?
    };
    let last = first_of_next.pred_opt()?;
    let back = last.weekday().num_days_from_sunday();
    last.checked_sub_days(Days::new(u64::from(back)))
}

/// Whether summer time (CEST) is in force at `at`.
fn is_summer_time(at: DateTime<Utc>) -> bool {
    let year = at.year();
    let (Some(start), Some(end)) = (last_sunday(year, 3), last_sunday(year, 10)) else {
        return false;
    };
    let switch = |d: NaiveDate| d.and_hms_opt(1, 0, 0).map(|t| t.and_utc());
    match (switch(start), switch(end)) {
        (Some(s), Some(e)) => at >= s && at < e,
        _ => false,
    }
}

/// The Stockholm UTC offset at `at`: +01:00 or +02:00.
pub fn stockholm_offset(at: DateTime<Utc>) -> FixedOffset {
    let hours = if is_summer_time(at) { 2 } else { 1 };
    FixedOffset::east_opt(hours * 3600).unwrap_or(Utc.fix())
}

/// The date in Stockholm at the instant `at`.
///
/// ```
/// use chrono::{NaiveDate, TimeZone, Utc};
/// use lantero_cases::clock::local_date;
///
/// // 23:30 UTC on 30 June is already 1 July in Stockholm (CEST, +2).
/// let at = Utc.with_ymd_and_hms(2025, 6, 30, 23, 30, 0).unwrap();
/// assert_eq!(local_date(at), NaiveDate::from_ymd_opt(2025, 7, 1).unwrap());
/// ```
pub fn local_date(at: DateTime<Utc>) -> NaiveDate {
    at.with_timezone(&stockholm_offset(at)).date_naive()
}

/// The instant the Stockholm day `date` ends (local midnight that starts the next day).
pub fn end_of_local_day(date: NaiveDate) -> DateTime<Utc> {
    let next = date.succ_opt().unwrap_or(date);
    let midnight = next.and_time(chrono::NaiveTime::MIN);
    // Midnight is never inside a switch hour (switches happen at 02:00/03:00 local), so the
    // offset in force an hour before midnight UTC-wise is the right one.
    let guess = midnight.and_utc() - chrono::TimeDelta::hours(1);
    let offset = stockholm_offset(guess);
    midnight.and_utc() - chrono::TimeDelta::seconds(i64::from(offset.local_minus_utc()))
}

/// `date` itself if it is a working day, else the next working day.
///
/// This is the rule of Lag (1930:173) om beräkning av lagstadgad tid: a deadline that ends on
/// a Saturday, Sunday, public holiday, midsommarafton, julafton or nyårsafton moves to the next
/// working day.
pub fn roll_to_working_day(date: NaiveDate) -> NaiveDate {
    let mut d = date;
    // At most 5 consecutive non-working days exist (e.g. julafton–Sunday); bound the loop anyway.
    for _ in 0..14 {
        if is_working_day(d) {
            return d;
        }
        match d.succ_opt() {
            Some(n) => d = n,
            None => return d,
        }
    }
    d
}

/// The working day `n` working days after `date` (for `n = 0`: `date` rolled to a working day).
///
/// ```
/// use chrono::NaiveDate;
/// use lantero_cases::clock::add_working_days;
///
/// let d = |m, day| NaiveDate::from_ymd_opt(2025, m, day).unwrap();
/// // Received on skärtorsdagen: next working day is after the Easter weekend.
/// assert_eq!(add_working_days(d(4, 17), 1), d(4, 22));
/// // Received on a Saturday: same-day handling means Monday.
/// assert_eq!(add_working_days(d(5, 3), 0), d(5, 5));
/// ```
pub fn add_working_days(date: NaiveDate, n: u32) -> NaiveDate {
    let mut d = roll_to_working_day(date);
    for _ in 0..n {
        d = roll_to_working_day(d.succ_opt().unwrap_or(d));
    }
    d
}

/// Whether `date` falls on a weekend.
pub fn is_weekend(date: NaiveDate) -> bool {
    matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use proptest::prelude::*;

    #[test]
    fn summer_time_switches_at_one_utc() {
        let before = Utc.with_ymd_and_hms(2025, 3, 30, 0, 59, 59).unwrap();
        let after = Utc.with_ymd_and_hms(2025, 3, 30, 1, 0, 0).unwrap();
        assert_eq!(stockholm_offset(before).local_minus_utc(), 3600);
        assert_eq!(stockholm_offset(after).local_minus_utc(), 7200);
        let autumn = Utc.with_ymd_and_hms(2025, 10, 26, 1, 0, 0).unwrap();
        assert_eq!(stockholm_offset(autumn).local_minus_utc(), 3600);
    }

    #[test]
    fn end_of_day_in_winter_and_summer() {
        let d = NaiveDate::from_ymd_opt(2025, 1, 15).unwrap();
        assert_eq!(
            end_of_local_day(d),
            Utc.with_ymd_and_hms(2025, 1, 15, 23, 0, 0).unwrap()
        );
        let d = NaiveDate::from_ymd_opt(2025, 7, 15).unwrap();
        assert_eq!(
            end_of_local_day(d),
            Utc.with_ymd_and_hms(2025, 7, 15, 22, 0, 0).unwrap()
        );
        // The day before the spring switch ends at 23:00 UTC (+1), the switch day at 22:00 (+2).
        let sat = NaiveDate::from_ymd_opt(2025, 3, 29).unwrap();
        assert_eq!(
            end_of_local_day(sat),
            Utc.with_ymd_and_hms(2025, 3, 29, 23, 0, 0).unwrap()
        );
        let sun = NaiveDate::from_ymd_opt(2025, 3, 30).unwrap();
        assert_eq!(
            end_of_local_day(sun),
            Utc.with_ymd_and_hms(2025, 3, 30, 22, 0, 0).unwrap()
        );
    }

    #[test]
    fn christmas_and_new_year_block() {
        // 2025: julafton Wed, juldagen Thu, annandag Fri, weekend, then Mon 29 Dec.
        let d = |m, day| NaiveDate::from_ymd_opt(2025, m, day).unwrap();
        assert_eq!(add_working_days(d(12, 23), 1), d(12, 29));
        assert_eq!(
            roll_to_working_day(d(12, 31)),
            NaiveDate::from_ymd_opt(2026, 1, 2).unwrap()
        );
    }

    proptest! {
        #[test]
        fn local_date_is_utc_date_or_next(secs in 0i64..4_102_444_800) {
            let at = DateTime::from_timestamp(secs, 0).unwrap();
            let l = local_date(at);
            prop_assert!(l == at.date_naive() || Some(l) == at.date_naive().succ_opt());
            prop_assert!(end_of_local_day(l) > at);
            // A local day lasts 23, 24 or 25 hours (the autumn switch day is the long one).
            prop_assert!(end_of_local_day(l) - at <= chrono::TimeDelta::hours(25));
        }

        #[test]
        fn added_working_days_are_working_days(days in 0i64..40_000, n in 0u32..20) {
            let date = NaiveDate::from_ymd_opt(1990, 1, 1).unwrap() + chrono::TimeDelta::days(days);
            let due = add_working_days(date, n);
            prop_assert!(is_working_day(due));
            prop_assert!(due >= date);
            let mut count = 0;
            let mut d = date;
            while d < due {
                d = d.succ_opt().unwrap();
                if is_working_day(d) { count += 1; }
            }
            let expected = if is_working_day(date) { n } else { n + 1 };
            prop_assert_eq!(count, expected);
        }
    }
}
