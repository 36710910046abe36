#![no_main]
//! Personnummer and organisationsnummer parsing never panics, and validity agrees with parsing.
use chrono::NaiveDate;
use lantero_core::identifiers::{Organisationsnummer, Personnummer, is_valid_personnummer_at};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|s: &str| {
    let reference = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap_or_default();
    let parsed = Personnummer::parse_at(s, reference);
    assert_eq!(parsed.is_ok(), is_valid_personnummer_at(s, reference));
    if let Ok(p) = parsed {
        assert_eq!(
            Personnummer::parse_at(&p.to_string(), reference).ok(),
            Some(p)
        );
    }
    let _ = Organisationsnummer::parse(s);
});
