//! Unit and property tests for [`Personnummer`].

use chrono::{Datelike, NaiveDate};
use proptest::prelude::*;

use super::*;
use crate::identifiers::is_valid_personnummer_at;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn reference() -> NaiveDate {
    date(2025, 1, 1)
}

/// `payload` (the 9 digits before the check digit, optionally with century and separator)
/// completed with its Luhn check digit.
fn with_check(payload: &str) -> String {
    let short: Vec<u8> = payload.bytes().filter(u8::is_ascii_digit).collect();
    let check = luhn::check_digit(&short[short.len() - 9..]).unwrap();
    format!("{payload}{check}")
}

fn problem(input: &str) -> IdentifierProblem {
    problem_at(input, reference())
}

fn problem_at(input: &str, reference: NaiveDate) -> IdentifierProblem {
    match Personnummer::parse_at(input, reference) {
        Err(Error::InvalidPersonnummer {
            input: named,
            reason,
        }) => {
            assert_eq!(named, input, "the error names the input");
            reason
        }
        other => panic!("{input:?} gave {other:?}"),
    }
}

#[test]
fn doc_example_from_the_crate_root() {
    let pnr: Personnummer = "19121212-1212".parse().unwrap();
    assert_eq!(pnr.to_string(), "19121212-1212");
}

#[test]
fn all_spellings_are_one_number() {
    let long = Personnummer::parse_at("19811218-9876", reference()).unwrap();
    for spelling in ["198112189876", "811218-9876", "8112189876"] {
        assert_eq!(Personnummer::parse_at(spelling, reference()).unwrap(), long);
    }
    assert_eq!(long.digits(), "198112189876");
    assert_eq!(long.short_digits(), "8112189876");
    assert_eq!(long.format_long(), "19811218-9876");
    assert_eq!(long.format_short_at(reference()), "811218-9876");
}

#[test]
fn format_errors() {
    assert_eq!(problem(""), IdentifierProblem::Format);
    assert_eq!(problem("abcdefghij"), IdentifierProblem::Format);
    assert_eq!(problem("811218-98"), IdentifierProblem::Format);
    assert_eq!(problem("19811218-98761"), IdentifierProblem::Format);
    assert_eq!(problem("811218 9876"), IdentifierProblem::Format);
    assert_eq!(problem("811218/9876"), IdentifierProblem::Format);
    assert_eq!(problem("811218–9876"), IdentifierProblem::Format);
    assert_eq!(problem("８１１２１８-９８７６"), IdentifierProblem::Format);
    assert_eq!(problem("81121８9876"), IdentifierProblem::Format);
    assert_eq!(
        problem("\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}"),
        IdentifierProblem::Format
    );
    assert_eq!(problem(" 8112189876"), IdentifierProblem::Format);
    assert_eq!(problem("000101-E221"), IdentifierProblem::Format);
    assert_eq!(problem("000101-t220"), IdentifierProblem::Format);
}

#[test]
fn check_digit_errors() {
    assert_eq!(problem("811218-9875"), IdentifierProblem::Checksum);
    assert_eq!(problem("19811218-9877"), IdentifierProblem::Checksum);
}

#[test]
fn serial_000_is_never_issued() {
    assert_eq!(
        problem(&with_check("811218-000")),
        IdentifierProblem::Serial
    );
}

#[test]
fn dates_must_exist() {
    assert_eq!(
        problem(&with_check("19990230-123")),
        IdentifierProblem::Date
    );
    assert_eq!(
        problem(&with_check("19990229-123")),
        IdentifierProblem::Date
    );
    assert_eq!(
        problem(&with_check("19000229-123")),
        IdentifierProblem::Date
    );
    assert_eq!(
        problem(&with_check("19811318-987")),
        IdentifierProblem::Date
    );
    assert_eq!(
        problem(&with_check("19811200-987")),
        IdentifierProblem::Date
    );
    assert_eq!(
        problem(&with_check("19811232-987")),
        IdentifierProblem::Date
    );
    let leap = Personnummer::parse_at(&with_check("20000229-123"), reference()).unwrap();
    assert_eq!(leap.birth_date(), date(2000, 2, 29));
    let leap = Personnummer::parse_at(&with_check("19960229-123"), reference()).unwrap();
    assert_eq!(leap.birth_date(), date(1996, 2, 29));
}

#[test]
fn leap_day_depends_on_the_inferred_century() {
    // 2000 is a leap year, 1900 is not.
    let minus = with_check("000229-239");
    assert_eq!(
        Personnummer::parse_at(&minus, reference())
            .unwrap()
            .birth_date(),
        date(2000, 2, 29)
    );
    assert_eq!(problem(&minus.replace('-', "+")), IdentifierProblem::Date);
}

#[test]
fn samordningsnummer() {
    let pnr = Personnummer::parse_at(&with_check("701063-239"), reference()).unwrap();
    assert!(pnr.is_samordningsnummer());
    assert_eq!(pnr.birth_date(), date(1970, 10, 3));
    assert!(pnr.format_long().starts_with("19701063-"));
    let last_day = Personnummer::parse_at(&with_check("701091-239"), reference()).unwrap();
    assert_eq!(last_day.birth_date(), date(1970, 10, 31));
    assert_eq!(problem(&with_check("701092-239")), IdentifierProblem::Date);
    assert_eq!(problem(&with_check("701060-239")), IdentifierProblem::Date);
    assert_eq!(problem(&with_check("700289-239")), IdentifierProblem::Date);
    let leap = Personnummer::parse_at(&with_check("000289-239"), reference()).unwrap();
    assert_eq!(leap.birth_date(), date(2000, 2, 29));
}

#[test]
fn century_from_separator_and_reference() {
    let number = with_check("121212-121");
    assert_eq!(
        Personnummer::parse_at(&number, reference())
            .unwrap()
            .birth_date()
            .year(),
        2012
    );
    let plus = number.replace('-', "+");
    assert_eq!(
        Personnummer::parse_at(&plus, reference())
            .unwrap()
            .birth_date()
            .year(),
        1912
    );
    // A 12-digit form writes the century out; its separator is ignored.
    let long_plus = Personnummer::parse_at(&format!("19{plus}"), reference()).unwrap();
    assert_eq!(long_plus.birth_date().year(), 1912);
    let long_plus = Personnummer::parse_at(&format!("20{plus}"), reference()).unwrap();
    assert_eq!(long_plus.birth_date().year(), 2012);
}

#[test]
fn birth_after_the_reference_is_refused() {
    // '-' with this year's two digits means born this year, so a later date is the future.
    assert_eq!(
        problem(&with_check("250601-123")),
        IdentifierProblem::Future
    );
    assert_eq!(
        problem(&with_check("20250102-123")),
        IdentifierProblem::Future
    );
    let today = Personnummer::parse_at(&with_check("250101-123"), reference()).unwrap();
    assert_eq!(today.birth_date(), reference());
    let centenarian = Personnummer::parse_at(&with_check("250601+123"), reference()).unwrap();
    assert_eq!(centenarian.birth_date(), date(1925, 6, 1));
}

#[test]
fn short_form_uses_plus_from_the_year_of_the_100th_birthday() {
    let pnr = Personnummer::parse_at(&with_check("19251231-123"), reference()).unwrap();
    assert!(pnr.format_short_at(date(2024, 12, 31)).contains('-'));
    assert!(pnr.format_short_at(date(2025, 1, 1)).contains('+'));
}

#[test]
fn interim_numbers_only_on_request() {
    assert_eq!(problem("000101-T220"), IdentifierProblem::Interim);
    let options = ParseOptions {
        allow_interim: true,
        ..ParseOptions::default()
    };
    let interim = Personnummer::parse_with("000101-T220", reference(), options).unwrap();
    assert!(interim.is_interim());
    assert_eq!(interim.to_string(), "20000101-T220");
    assert_eq!(interim.sex(), Sex::Female);
    let err = Personnummer::parse_with("000101-T221", reference(), options).unwrap_err();
    assert!(matches!(
        err,
        Error::InvalidPersonnummer {
            reason: IdentifierProblem::Checksum,
            ..
        }
    ));
}

#[test]
fn sex_from_the_second_to_last_digit() {
    assert_eq!(
        Personnummer::parse_at("811218-9876", reference())
            .unwrap()
            .sex(),
        Sex::Male
    );
    let woman = Personnummer::parse_at(&with_check("811218-986"), reference()).unwrap();
    assert_eq!(woman.sex(), Sex::Female);
}

#[test]
fn age_in_whole_years() {
    let pnr = Personnummer::parse_at("811218-9876", reference()).unwrap();
    assert_eq!(pnr.age_at(date(1981, 12, 17)), None);
    assert_eq!(pnr.age_at(date(1981, 12, 18)), Some(0));
    assert_eq!(pnr.age_at(date(1999, 12, 17)), Some(17));
    assert_eq!(pnr.age_at(date(1999, 12, 18)), Some(18));
    let leapling = Personnummer::parse_at(&with_check("20000229-123"), reference()).unwrap();
    assert_eq!(leapling.age_at(date(2001, 2, 28)), Some(0));
    assert_eq!(leapling.age_at(date(2001, 3, 1)), Some(1));
    assert_eq!(leapling.age_at(date(2004, 2, 29)), Some(4));
}

#[test]
fn lenient_parsing_removes_whitespace_only() {
    let expected = Personnummer::parse("8507099805").unwrap();
    assert_eq!(
        Personnummer::parse_lenient("850709 9805").unwrap(),
        expected
    );
    assert_eq!(
        Personnummer::parse_lenient(" 850709-\n9805 ").unwrap(),
        expected
    );
    assert_eq!(
        Personnummer::parse_lenient("1985 07 09-98 05")
            .unwrap()
            .short_digits(),
        "8507099805"
    );
    assert!(Personnummer::parse_lenient("850709 9806").is_err());
    assert!(Personnummer::parse_lenient("850709.9805").is_err());
    assert!(Personnummer::parse_lenient("850709 9805 1").is_err());
}

#[test]
fn from_parts_computes_the_check_digit() {
    let built = Personnummer::from_parts(date(1981, 12, 18), 987, false).unwrap();
    assert_eq!(
        built,
        Personnummer::parse_at("811218-9876", reference()).unwrap()
    );
    let err = Personnummer::from_parts(date(1981, 12, 18), 0, false).unwrap_err();
    assert!(matches!(
        err,
        Error::InvalidPersonnummer {
            reason: IdentifierProblem::Serial,
            ..
        }
    ));
    assert!(Personnummer::from_parts(date(1981, 12, 18), 1000, false).is_err());
    assert!(Personnummer::from_parts(date(10_000, 1, 1), 1, false).is_err());
}

#[test]
fn error_message_names_input_and_problem() {
    let err = Personnummer::parse_at("811218-9875", reference()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid personnummer \"811218-9875\": check digit does not match"
    );
}

#[test]
fn serde_writes_the_long_form() {
    let pnr = Personnummer::parse_at("811218-9876", reference()).unwrap();
    let json = serde_json::to_string(&pnr).unwrap();
    assert_eq!(json, "\"19811218-9876\"");
    assert_eq!(serde_json::from_str::<Personnummer>(&json).unwrap(), pnr);
    assert!(serde_json::from_str::<Personnummer>("\"19811218-9875\"").is_err());
    let interim: Personnummer = serde_json::from_str("\"20000101-T220\"").unwrap();
    assert!(interim.is_interim());
    // The short form depends on the day it is read, so it is not a storage format.
    assert!(serde_json::from_str::<Personnummer>("\"811218-9876\"").is_err());
    let unborn: Personnummer = serde_json::from_str("\"29991231-1231\"").unwrap();
    assert_eq!(unborn.birth_date(), date(2999, 12, 31));
}

/// A valid number: its parts and the 12-digit form `YYYYMMDDNNNC`.
fn valid_number(reference: NaiveDate) -> impl Strategy<Value = (NaiveDate, bool, u16, String)> {
    // Up to 199 years back: beyond that the short form is ambiguous.
    let earliest = date(reference.year() - 199, 1, 1);
    let span = (reference - earliest).num_days();
    (0..=span, any::<bool>(), 1u16..=999).prop_map(move |(days, samordning, serial)| {
        let born = earliest + chrono::Duration::days(days);
        let day = born.day() + if samordning { 60 } else { 0 };
        let payload = format!(
            "{:02}{:02}{day:02}{serial:03}",
            born.year() % 100,
            born.month()
        );
        let check = luhn::check_digit(payload.as_bytes()).unwrap();
        let digits = format!("{}{payload}{check}", born.year() / 100);
        (born, samordning, serial, digits)
    })
}

fn references() -> impl Strategy<Value = NaiveDate> {
    (1990i32..2100, 1u32..=365).prop_map(|(y, d)| NaiveDate::from_yo_opt(y, d).unwrap())
}

proptest! {
    #[test]
    fn every_form_round_trips(
        (reference, (born, samordning, serial, digits)) in
            references().prop_flat_map(|r| (Just(r), valid_number(r)))
    ) {
        let pnr = Personnummer::parse_at(&digits, reference).unwrap();
        prop_assert_eq!(pnr.birth_date(), born);
        prop_assert_eq!(pnr.is_samordningsnummer(), samordning);
        prop_assert_eq!(pnr.sex() == Sex::Male, serial % 2 == 1);
        prop_assert_eq!(&pnr.digits(), &digits);
        prop_assert_eq!(Personnummer::from_parts(born, serial, samordning).unwrap(), pnr);
        for form in [pnr.format_long(), pnr.format_short_at(reference), pnr.digits(), pnr.to_string()] {
            prop_assert_eq!(Personnummer::parse_at(&form, reference).unwrap(), pnr, "{}", form);
        }
        // Without a separator the short form cannot say '+'.
        let short = Personnummer::parse_at(&pnr.short_digits(), reference).ok();
        prop_assert_eq!(short == Some(pnr), reference.year() - born.year() < 100);
        let json = serde_json::to_string(&pnr).unwrap();
        prop_assert_eq!(serde_json::from_str::<Personnummer>(&json).unwrap(), pnr);
    }

    #[test]
    fn one_changed_digit_is_refused(
        (_, _, _, digits) in valid_number(date(2025, 1, 1)),
        at in 2usize..12,
        delta in 1u8..10,
    ) {
        // The century digits (0 and 1) lie outside the Luhn sum, so only the other ten are
        // protected against typing errors.
        let mut changed = digits.into_bytes();
        changed[at] = b'0' + (changed[at] - b'0' + delta) % 10;
        let changed = String::from_utf8(changed).unwrap();
        prop_assert!(Personnummer::parse_at(&changed, reference()).is_err());
    }

    #[test]
    fn any_text_is_answered_without_panic(text in any::<String>()) {
        let parsed = Personnummer::parse_at(&text, reference());
        prop_assert_eq!(parsed.is_ok(), is_valid_personnummer_at(&text, reference()));
        let _ = Personnummer::parse_lenient(&text);
    }

    #[test]
    fn number_like_text_agrees_with_the_fast_check(
        text in "[0-9]{0,8}[-+ T]?[0-9T]{0,5}",
        reference in references(),
    ) {
        let parsed = Personnummer::parse_at(&text, reference);
        prop_assert_eq!(parsed.is_ok(), is_valid_personnummer_at(&text, reference));
        if let Ok(pnr) = parsed {
            prop_assert!(pnr.birth_date() <= reference);
        }
    }

    #[test]
    fn lenient_is_strict_without_whitespace(text in "[0-9 \n]{8,16}[-+]?[0-9 ]{3,6}") {
        let stripped: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        let options = ParseOptions { ignore_whitespace: true, ..ParseOptions::default() };
        prop_assert_eq!(
            Personnummer::parse_with(&text, reference(), options).ok(),
            Personnummer::parse_at(&stripped, reference()).ok()
        );
    }
}
