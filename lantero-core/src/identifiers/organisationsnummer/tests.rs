//! Unit and property tests for [`Organisationsnummer`].

use proptest::prelude::*;

use super::*;
use crate::identifiers::is_valid_organisationsnummer;

fn problem(input: &str) -> IdentifierProblem {
    match Organisationsnummer::parse(input) {
        Err(Error::InvalidOrganisationsnummer {
            input: named,
            reason,
        }) => {
            assert_eq!(named, input, "the error names the input");
            reason
        }
        other => panic!("{input:?} gave {other:?}"),
    }
}

/// `payload` (nine digits) completed with its check digit.
fn with_check(payload: &str) -> String {
    let check = luhn::check_digit(payload.as_bytes()).unwrap();
    format!("{payload}{check}")
}

#[test]
fn all_forms_are_one_number() {
    let org = Organisationsnummer::parse("556016-0680").unwrap();
    for form in ["5560160680", "16556016-0680", "165560160680"] {
        assert_eq!(Organisationsnummer::parse(form).unwrap(), org);
    }
    assert_eq!(org.to_string(), "556016-0680");
    assert_eq!(org.digits(), "5560160680");
    assert_eq!(org.long_digits(), "165560160680");
}

#[test]
fn group_from_the_first_digit() {
    let kommun = Organisationsnummer::parse("212000-0142").unwrap();
    assert_eq!(kommun.group(), Some(OrganisationGroup::StatRegionKommun));
    assert_eq!(
        Organisationsnummer::parse("556016-0680").unwrap().group(),
        Some(OrganisationGroup::Aktiebolag)
    );
    // 4 is not in the table, but the number is well formed.
    let unassigned = Organisationsnummer::parse(&with_check("442000000")).unwrap();
    assert_eq!(unassigned.group(), None);
}

#[test]
fn errors() {
    assert_eq!(problem(""), IdentifierProblem::Format);
    assert_eq!(problem("556016+0680"), IdentifierProblem::Format);
    assert_eq!(problem("556016 0680"), IdentifierProblem::Format);
    assert_eq!(problem("55601-60680"), IdentifierProblem::Format);
    assert_eq!(problem("5560160680x"), IdentifierProblem::Format);
    assert_eq!(problem("５５６０１６-０６８０"), IdentifierProblem::Format);
    assert_eq!(problem("abcdefghijkl"), IdentifierProblem::Format);
    assert_eq!(problem("556016-0681"), IdentifierProblem::Checksum);
    assert_eq!(problem("195560160680"), IdentifierProblem::Prefix);
    // A personnummer: valid check digit, but its third digit starts a month.
    assert_eq!(problem("811218-9876"), IdentifierProblem::NotLegalEntity);
    assert_eq!(
        problem(&with_check("551218987")),
        IdentifierProblem::NotLegalEntity
    );
    assert_eq!(problem("19811218-9876"), IdentifierProblem::Prefix);
}

#[test]
fn lenient_and_serde() {
    let org = Organisationsnummer::parse_lenient(" 556016 -\n0680").unwrap();
    assert_eq!(org.to_string(), "556016-0680");
    assert!(Organisationsnummer::parse_lenient("556016 0681").is_err());
    let json = serde_json::to_string(&org).unwrap();
    assert_eq!(json, "\"556016-0680\"");
    assert_eq!(
        serde_json::from_str::<Organisationsnummer>(&json).unwrap(),
        org
    );
}

proptest! {
    #[test]
    fn round_trips(payload in "[0-9]{2}[2-9][0-9]{6}") {
        let digits = with_check(&payload);
        let org = Organisationsnummer::parse(&digits).unwrap();
        prop_assert_eq!(&org.digits(), &digits);
        for form in [org.to_string(), org.long_digits(), format!("16{org}")] {
            prop_assert_eq!(Organisationsnummer::parse(&form).unwrap(), org);
        }
    }

    #[test]
    fn one_changed_digit_is_refused(
        payload in "[0-9]{2}[2-9][0-9]{6}",
        at in 0usize..10,
        delta in 1u8..10,
    ) {
        let mut changed = with_check(&payload).into_bytes();
        changed[at] = b'0' + (changed[at] - b'0' + delta) % 10;
        prop_assert!(Organisationsnummer::parse(std::str::from_utf8(&changed).unwrap()).is_err());
    }

    #[test]
    fn any_text_is_answered_without_panic(text in any::<String>()) {
        prop_assert_eq!(Organisationsnummer::parse(&text).is_ok(), is_valid_organisationsnummer(&text));
        let _ = Organisationsnummer::parse_lenient(&text);
    }
}
