use super::*;
use proptest::prelude::*;

fn spans(text: &str) -> Vec<(&str, f32)> {
    crate::detect::recognizers::testing::spans(&BankAccountRecognizer, text)
}

fn found(text: &str) -> Vec<&str> {
    spans(text).into_iter().map(|(s, _)| s).collect()
}

#[test]
fn finds_clearing_and_account_in_one_span() {
    for account in [
        "8327-9, 037 870 711-1",
        "8105-9 756 838 140-9",
        "8327 037 870 711-1",
        "5491-4584425",
        "5491 458 44 25",
        "6789-434 831 018",
        "6835 075 828 774",
        "3300-8112189876",
        "9024-9727562",
        "1207-692 14 27",
    ] {
        let text = format!("Pengarna sätts in på {account}.");
        assert_eq!(spans(&text), [(account, SCORE_VALID)], "{account:?}");
    }
}

#[test]
fn labels_between_make_two_findings() {
    assert_eq!(
        found("clearingnummer 6789 kontonummer 434 831 018"),
        ["6789", "434 831 018"]
    );
    assert_eq!(
        found("Clearingnr: 5201 / Kontonr: 712 01 03"),
        ["5201", "712 01 03"]
    );
    assert_eq!(
        found("clearingnummer 8327-9, kontonummer\n037 870 711-1"),
        ["8327-9", "037 870 711-1"]
    );
}

#[test]
fn context_and_checks_set_the_score() {
    assert_eq!(spans("konto 5491-4584425")[0].1, SCORE_VALID_IN_CONTEXT);
    assert_eq!(spans("5491-4584425 (SEB)")[0].1, SCORE_VALID_IN_CONTEXT);
    assert_eq!(spans("konto 5491-4584426")[0].1, SCORE_CHECKSUM_IN_CONTEXT);
    assert_eq!(found("x 5491-4584426"), Vec::<&str>::new());
    assert_eq!(spans("konto 9999-1234567")[0].1, SCORE_UNKNOWN_IN_CONTEXT);
    assert_eq!(
        spans("kontonummer 123 456 789"),
        [("123 456 789", SCORE_UNKNOWN_IN_CONTEXT)]
    );
}

#[test]
fn false_matches_are_killed() {
    for text in [
        "Dnr SN 2026/1187",
        "2026-03-01 – 2026-03-31",
        "Vår referens: FK 2026-112233-4",
        "19471224-4872",
        "SE76 5000 0000 5491 3229 2113",
        "4405 4773 0387 9509",
        "Bankgiro 5050-1055",
        "48 900 kr, projekt 4711, Ekbackens",
        "0481-450 00",
        "TIPS-2026-0088",
    ] {
        assert_eq!(found(text), Vec::<&str>::new(), "{text:?}");
    }
}

proptest! {
    #[test]
    fn generated_handelsbanken_accounts_are_found(payload in "[0-9]{8}", clearing in 6000u16..=6999) {
        let check = (0..10u8).find(|d| {
            let account = format!("{payload}{d}");
            clearing::AccountRule::Type2Mod11.is_valid(b"6000", account.as_bytes())
        });
        prop_assume!(check.is_some());
        let account = format!("{payload}{}", check.unwrap());
        let written = format!("{clearing}-{} {} {}", &account[..3], &account[3..6], &account[6..]);
        let text = format!("Kontot {written} tillhör sökanden.");
        prop_assert_eq!(spans(&text), vec![(written.as_str(), SCORE_VALID_IN_CONTEXT)]);
    }

    #[test]
    fn a_changed_digit_loses_the_check(account in "[0-9]{9}", delta in 1u8..10, at in 0usize..10) {
        let check = lantero_core::identifiers::luhn::check_digit(account.as_bytes()).unwrap();
        let mut digits = format!("{account}{check}").into_bytes();
        digits[at] = b'0' + (digits[at] - b'0' + delta) % 10;
        let changed = String::from_utf8(digits).unwrap();
        let text = format!("x 8327-9, {changed} y");
        prop_assert!(found(&text).is_empty());
    }

    #[test]
    fn a_line_break_anywhere_keeps_the_account_whole(
        payload in "[0-9]{8}",
        clearing in 6000u16..=6999,
        at in 1usize..20,
    ) {
        let check = (0..10u8).find(|d| {
            let account = format!("{payload}{d}");
            clearing::AccountRule::Type2Mod11.is_valid(b"6000", account.as_bytes())
        });
        prop_assume!(check.is_some());
        let account = format!("{payload}{}", check.unwrap());
        let mut written = format!("{clearing}-{} {} {}", &account[..3], &account[3..6], &account[6..]);
        written.insert(at.min(written.len() - 1), '\n');
        let text = format!("Kontot {written} tillhör sökanden.");
        prop_assert_eq!(found(&text), vec![written.as_str()]);
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,80}") {
        let _ = BankAccountRecognizer.recognize(&text).unwrap();
    }
}

#[test]
fn wrapped_accounts_are_found_whole() {
    // Released readable: an old Swedbank account (it fails the check) after `konto`, wrapped
    // after `318`. `318105` passes Luhn by chance and must not cut the account short.
    let text = "Utbetalning till konto 8125-8, 318\n105 286-1 varje månad.";
    assert_eq!(
        spans(text),
        [("8125-8, 318\n105 286-1", SCORE_CHECKSUM_IN_CONTEXT)]
    );
    assert_eq!(
        spans("konto 8125-8, 318 105 286-1"),
        [("8125-8, 318 105 286-1", SCORE_CHECKSUM_IN_CONTEXT)]
    );
    for written in [
        "5491-\n4584425",
        "5491-458\n4425",
        "5491 \n 4584425",
        "8327-\n9, 037 870 711-1",
        "8327-9, 037 870\n711-1",
        "6789-434 831\n018",
        "3300-81121\n89876",
    ] {
        let text = format!("Pengarna sätts in på {written}.");
        assert_eq!(found(&text), [written], "{written:?}");
    }
}

#[test]
fn unrelated_lines_are_not_joined() {
    for text in [
        // The check digit fails and no word says it is an account.
        "Summa 5491\n4584426 kr",
        // A clearing number no bank has, even after `konto`.
        "konto 9999\n1234567",
        // A table: the next line's number is the first cell of a row.
        "Projekt   5491\n4584425    12 000",
        // The number on the next line goes on.
        "Belopp 5491\n4584425 300",
        // Two line breaks.
        "konto 5491\n458\n4425",
    ] {
        assert_eq!(found(text), Vec::<&str>::new(), "{text:?}");
    }
}

#[test]
fn a_failing_check_digit_without_context_is_handed_over_for_a_name_to_rescue() {
    let text = "Karin Lindqvist 8327-9, 123 456 789-0";
    assert_eq!(found(text), Vec::<&str>::new());
    let handed = BankAccountRecognizer.unvalidated(text).unwrap();
    let spans: Vec<&str> = handed.iter().map(|c| &text[c.start..c.end]).collect();
    assert_eq!(spans, ["8327-9, 123 456 789-0"]);
    assert!(
        handed[0]
            .reason
            .starts_with("bank account-shaped, but Swedbank")
    );
    // After a word for some other number it is nobody's account.
    assert!(
        BankAccountRecognizer
            .unvalidated("ocr 8327-9, 123 456 789-0")
            .unwrap()
            .is_empty()
    );
}
