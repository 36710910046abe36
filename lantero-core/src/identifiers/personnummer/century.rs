//! Which century a 10-digit personnummer belongs to.
//!
//! Skatteverket changes the separator from `-` to `+` in the calendar year the person turns
//! 100, so the separator tells whether `reference year - birth year` is below 100 (`-`) or not
//! (`+`). That rule depends on years only, which keeps inference and formatting exact
//! inverses of each other, and it agrees with the other personnummer libraries. A number
//! whose date then lies after the reference date is rejected later as
//! [`IdentifierProblem::Future`](crate::error::IdentifierProblem::Future).

use chrono::{Datelike, NaiveDate};

/// The full birth year of a two-digit year `yy` written with `+` (`centenarian`) or with `-`
/// or no separator.
pub(super) fn infer_year(yy: u8, centenarian: bool, reference: NaiveDate) -> i32 {
    let reference_year = reference.year();
    let latest = reference_year - (reference_year - i32::from(yy)).rem_euclid(100);
    if centenarian { latest - 100 } else { latest }
}

/// Whether the short form uses `+` for someone born in `birth_year`, at `reference`.
pub(super) fn is_centenarian(birth_year: i32, reference: NaiveDate) -> bool {
    reference.year() - birth_year >= 100
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn minus_means_under_100_years() {
        let reference = date(2025, 3, 1);
        assert_eq!(infer_year(25, false, reference), 2025);
        assert_eq!(infer_year(26, false, reference), 1926);
        assert_eq!(infer_year(0, false, reference), 2000);
        assert_eq!(infer_year(99, false, reference), 1999);
    }

    #[test]
    fn plus_means_100_or_more() {
        let reference = date(2025, 3, 1);
        assert_eq!(infer_year(25, true, reference), 1925);
        assert_eq!(infer_year(26, true, reference), 1826);
        assert_eq!(infer_year(9, true, reference), 1909);
    }

    #[test]
    fn separator_switches_in_the_year_of_the_100th_birthday() {
        // Born in December 1925: '+' from 1 January 2025, before the birthday itself.
        assert!(!is_centenarian(1925, date(2024, 12, 31)));
        assert!(is_centenarian(1925, date(2025, 1, 1)));
    }

    #[test]
    fn inference_inverts_formatting() {
        let reference = date(2031, 7, 15);
        for birth_year in 1832..=2031 {
            let yy = u8::try_from(birth_year % 100).unwrap();
            let plus = is_centenarian(birth_year, reference);
            assert_eq!(infer_year(yy, plus, reference), birth_year);
        }
    }
}
