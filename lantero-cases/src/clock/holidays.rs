//! Swedish public holidays and the days that are treated as holidays.
//!
//! Computed, not listed, so that every year works:
//! - fixed dates: nyårsdagen (1 Jan), trettondedag jul (6 Jan), första maj, Sveriges nationaldag
//!   (6 Jun), juldagen (25 Dec), annandag jul (26 Dec);
//! - from Easter Sunday (Gregorian computus): långfredagen (−2), påskdagen, annandag påsk (+1),
//!   Kristi himmelsfärdsdag (+39), pingstdagen (+49);
//! - midsommardagen: the Saturday 20–26 June; alla helgons dag: the Saturday 31 Oct–6 Nov;
//! - midsommarafton, julafton and nyårsafton are not public holidays in law, but Lag (1930:173)
//!   om beräkning av lagstadgad tid treats them like Sundays for deadlines, and nearly every
//!   municipal office is closed, so they count as non-working days here.

use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

/// Whether a day is a public holiday in law or only treated as one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HolidayKind {
    /// A public holiday (allmän helgdag, lag 1989:253).
    Public,
    /// An eve treated as a holiday for deadlines (Lag 1930:173): midsommar-, jul- and nyårsafton.
    Eve,
}

/// One holiday of a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Holiday {
    /// The date.
    pub date: NaiveDate,
    /// The Swedish name, e.g. `"långfredagen"`.
    pub name: &'static str,
    /// Public holiday or eve.
    pub kind: HolidayKind,
}

/// Easter Sunday of `year` (anonymous Gregorian algorithm), `None` outside chrono's range.
///
/// ```
/// use chrono::NaiveDate;
/// use lantero_cases::clock::easter_sunday;
///
/// assert_eq!(easter_sunday(2025), NaiveDate::from_ymd_opt(2025, 4, 20));
/// assert_eq!(easter_sunday(2024), NaiveDate::from_ymd_opt(2024, 3, 31));
/// ```
pub fn easter_sunday(year: i32) -> Option<NaiveDate> {
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

/// The first `weekday` on or after `date`.
fn first_on_or_after(date: NaiveDate, weekday: Weekday) -> NaiveDate {
    let ahead = (7 + weekday.num_days_from_monday() - date.weekday().num_days_from_monday()) % 7;
    date + Days::new(u64::from(ahead))
}

/// The holidays and holiday-like eves of `year`, in date order (empty outside chrono's range).
///
/// ```
/// use chrono::NaiveDate;
/// use lantero_cases::clock::holidays;
///
/// let h = holidays(2025);
/// let midsommar = h.iter().find(|h| h.name == "midsommardagen").unwrap();
/// assert_eq!(midsommar.date, NaiveDate::from_ymd_opt(2025, 6, 21).unwrap());
/// ```
pub fn holidays(year: i32) -> Vec<Holiday> {
    let (Some(easter), Some(jun20), Some(oct31)) = (
        easter_sunday(year),
        NaiveDate::from_ymd_opt(year, 6, 20),
        NaiveDate::from_ymd_opt(year, 10, 31),
    ) else {
        return Vec::new();
    };
    let fixed = |m, d| NaiveDate::from_ymd_opt(year, m, d);
    let midsommardagen = first_on_or_after(jun20, Weekday::Sat);
    let from_easter = |days: i64| easter.checked_add_signed(chrono::TimeDelta::days(days));
    let candidates = [
        (fixed(1, 1), "nyårsdagen", HolidayKind::Public),
        (fixed(1, 6), "trettondedag jul", HolidayKind::Public),
        (from_easter(-2), "långfredagen", HolidayKind::Public),
        (Some(easter), "påskdagen", HolidayKind::Public),
        (from_easter(1), "annandag påsk", HolidayKind::Public),
        (fixed(5, 1), "första maj", HolidayKind::Public),
        (
            from_easter(39),
            "Kristi himmelsfärdsdag",
            HolidayKind::Public,
        ),
        (from_easter(49), "pingstdagen", HolidayKind::Public),
        (fixed(6, 6), "Sveriges nationaldag", HolidayKind::Public),
        (
            midsommardagen.pred_opt(),
            "midsommarafton",
            HolidayKind::Eve,
        ),
        (Some(midsommardagen), "midsommardagen", HolidayKind::Public),
        (
            Some(first_on_or_after(oct31, Weekday::Sat)),
            "alla helgons dag",
            HolidayKind::Public,
        ),
        (fixed(12, 24), "julafton", HolidayKind::Eve),
        (fixed(12, 25), "juldagen", HolidayKind::Public),
        (fixed(12, 26), "annandag jul", HolidayKind::Public),
        (fixed(12, 31), "nyårsafton", HolidayKind::Eve),
    ];
    let mut out: Vec<Holiday> = candidates
        .into_iter()
        .filter_map(|(date, name, kind)| date.map(|date| Holiday { date, name, kind }))
        .collect();
    out.sort_by_key(|h| h.date);
    out
}

/// The holiday on `date`, if any.
pub fn holiday_on(date: NaiveDate) -> Option<Holiday> {
    holidays(date.year()).into_iter().find(|h| h.date == date)
}

/// Whether an office is open on `date`: Monday–Friday and not a holiday or holiday eve.
///
/// ```
/// use chrono::NaiveDate;
/// use lantero_cases::clock::is_working_day;
///
/// let d = |m, day| NaiveDate::from_ymd_opt(2025, m, day).unwrap();
/// assert!(is_working_day(d(4, 17)));   // skärtorsdagen: a working day
/// assert!(!is_working_day(d(4, 18)));  // långfredagen
/// assert!(!is_working_day(d(4, 19)));  // a Saturday
/// assert!(!is_working_day(d(6, 20)));  // midsommarafton
/// ```
pub fn is_working_day(date: NaiveDate) -> bool {
    !matches!(date.weekday(), Weekday::Sat | Weekday::Sun) && holiday_on(date).is_none()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn known_easter_dates() {
        // Checked against published calendars.
        for (y, m, day) in [
            (2000, 4, 23),
            (2019, 4, 21),
            (2026, 4, 5),
            (2038, 4, 25),
            (2285, 3, 22),
        ] {
            assert_eq!(easter_sunday(y), Some(d(y, m, day)), "{y}");
        }
    }

    #[test]
    fn holidays_2026_match_the_almanac() {
        let names: Vec<(NaiveDate, &str)> =
            holidays(2026).iter().map(|h| (h.date, h.name)).collect();
        let expect = [
            (d(2026, 1, 1), "nyårsdagen"),
            (d(2026, 1, 6), "trettondedag jul"),
            (d(2026, 4, 3), "långfredagen"),
            (d(2026, 4, 5), "påskdagen"),
            (d(2026, 4, 6), "annandag påsk"),
            (d(2026, 5, 1), "första maj"),
            (d(2026, 5, 14), "Kristi himmelsfärdsdag"),
            (d(2026, 5, 24), "pingstdagen"),
            (d(2026, 6, 6), "Sveriges nationaldag"),
            (d(2026, 6, 19), "midsommarafton"),
            (d(2026, 6, 20), "midsommardagen"),
            (d(2026, 10, 31), "alla helgons dag"),
            (d(2026, 12, 24), "julafton"),
            (d(2026, 12, 25), "juldagen"),
            (d(2026, 12, 26), "annandag jul"),
            (d(2026, 12, 31), "nyårsafton"),
        ];
        assert_eq!(names, expect);
    }

    proptest! {
        #[test]
        fn structural_rules_hold_every_year(year in 1900i32..2400) {
            let e = easter_sunday(year).unwrap();
            prop_assert_eq!(e.weekday(), Weekday::Sun);
            prop_assert!(e >= d(year, 3, 22) && e <= d(year, 4, 25));
            let h = holidays(year);
            prop_assert_eq!(h.len(), 16);
            let find = |n: &str| h.iter().find(|x| x.name == n).unwrap().date;
            let ms = find("midsommardagen");
            prop_assert_eq!(ms.weekday(), Weekday::Sat);
            prop_assert!(ms >= d(year, 6, 20) && ms <= d(year, 6, 26));
            prop_assert_eq!(find("midsommarafton").weekday(), Weekday::Fri);
            let ah = find("alla helgons dag");
            prop_assert_eq!(ah.weekday(), Weekday::Sat);
            prop_assert!(ah >= d(year, 10, 31) && ah <= d(year, 11, 6));
            prop_assert_eq!(find("långfredagen").weekday(), Weekday::Fri);
            prop_assert_eq!(find("Kristi himmelsfärdsdag").weekday(), Weekday::Thu);
            for x in &h {
                prop_assert!(!is_working_day(x.date));
            }
        }
    }
}
