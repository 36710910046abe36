use super::*;
use proptest::prelude::*;

fn spans(text: &str) -> Vec<(&str, f32)> {
    crate::detect::recognizers::testing::spans(&PaymentCardRecognizer, text)
}

fn found(text: &str) -> Vec<&str> {
    spans(text).into_iter().map(|(s, _)| s).collect()
}

#[test]
fn finds_cards_of_every_issuer_and_grouping() {
    for card in [
        "4111 1111 1111 1111",
        "4111-1111-1111-1111",
        "4111111111111111",
        "5555 5555 5555 4444",
        "2223 0000 4841 0010",
        "3782 822463 10005",
        "3714 496353 98431",
        "6011 1111 1111 1117",
        "3530 1113 3330 0000",
        "4222 2222 2222 2",
        "3056 9309 0259 04",
    ] {
        let text = format!("Kortet {card} spärrades.");
        assert_eq!(found(&text), [card], "{card:?}");
    }
}

#[test]
fn trailing_numbers_are_cut_off() {
    assert_eq!(found("4111 1111 1111 1111 04 29"), ["4111 1111 1111 1111"]);
}

#[test]
fn two_cards_in_a_row_are_both_found() {
    assert_eq!(
        found("4111 1111 1111 1111 5555 5555 5555 4444"),
        ["4111 1111 1111 1111", "5555 5555 5555 4444"]
    );
}

#[test]
fn context_sets_the_score() {
    assert_eq!(
        spans("kortnummer 4111111111111111")[0].1,
        SCORE_VALID_IN_CONTEXT
    );
    assert_eq!(spans("x 4111111111111111")[0].1, SCORE_VALID);
    assert_eq!(spans("OCR 4111111111111111")[0].1, SCORE_CONTRADICTED);
    // Luhn-valid, prefix 1 is no card issuer
    assert_eq!(
        spans("kort 1000000000009")[0].1,
        SCORE_UNKNOWN_ISSUER_IN_CONTEXT
    );
    assert_eq!(found("OCR 1000000000009"), Vec::<&str>::new());
}

#[test]
fn a_typo_fails_closed_after_context_and_is_handed_over_without() {
    assert_eq!(
        spans("Kortnummer 4111 1111 1111 1112"),
        [("4111 1111 1111 1112", SCORE_CHECKSUM_IN_CONTEXT)]
    );
    assert_eq!(found("OCR 4111 1111 1111 1112"), Vec::<&str>::new());
    let handed = PaymentCardRecognizer
        .unvalidated("Anna Berg 4111 1111 1111 1112")
        .unwrap();
    assert_eq!(handed.len(), 1);
    assert_eq!(
        handed[0].reason,
        "card number-shaped, but Visa Luhn check digit does not match"
    );
}

#[test]
fn false_matches_are_killed() {
    for text in [
        "4111 1111 1111 1112",
        "SE45 5000 0000 0583 9825 7466",
        "19121212-1212",
        "4111 1111 1111",
        "Belopp 1 324 856 kr 3 312 timmar 400 kr",
        "37828224631000",
    ] {
        assert_eq!(found(text), Vec::<&str>::new(), "{text:?}");
    }
}

fn with_check(payload: &str) -> String {
    let check = luhn::check_digit(payload.as_bytes()).unwrap();
    format!("{payload}{check}")
}

#[test]
fn wrapped_cards_are_found_whole() {
    for written in [
        "4111 1111\n1111 1111",
        "4111 1111 1111 111\n1",
        "41111111\n11111111",
        "5555 5555 \n 5555 4444",
        "3782-822463-\n10005",
    ] {
        let text = format!("Kortet {written} spärrades.");
        assert_eq!(found(&text), [written], "{written:?}");
    }
    assert_eq!(
        spans("Kortnummer 4111 1111\n1111 1111"),
        [("4111 1111\n1111 1111", SCORE_VALID_IN_CONTEXT)]
    );
}

#[test]
fn unrelated_lines_are_not_joined() {
    for text in [
        // Luhn fails.
        "4111 1111\n1111 1112",
        // Luhn passes, but no issuer has the prefix: a hint after `kort` on one line only.
        "kort 1000 0000\n00009",
        // A table row goes on after the number.
        "Summa 4111\n1111 1111 1111    500 kr",
        // Two line breaks.
        "4111 1111\n1111\n1111",
    ] {
        assert_eq!(found(text), Vec::<&str>::new(), "{text:?}");
    }
}

proptest! {
    #[test]
    fn a_line_break_anywhere_keeps_the_card_whole(
        rest in "[0-9]{14}",
        prefix in "4|5[1-5]",
        spaced: bool,
        at in 1usize..19,
    ) {
        let digits = with_check(&format!("{prefix}{}", &rest[..15 - prefix.len()]));
        let mut card = if spaced {
            digits.as_bytes().chunks(4).map(|c| std::str::from_utf8(c).unwrap()).collect::<Vec<_>>().join(" ")
        } else {
            digits.clone()
        };
        card.insert(at.min(card.len() - 1), '\n');
        let text = format!("Betalt med kort {card}.");
        prop_assert_eq!(found(&text), vec![card.as_str()]);
    }

    #[test]
    fn generated_visa_and_mastercard_numbers_are_found(
        rest in "[0-9]{14}",
        prefix in "4|5[1-5]",
        spaced: bool,
    ) {
        let digits = with_check(&format!("{prefix}{}", &rest[..15 - prefix.len()]));
        let card = if spaced {
            digits.as_bytes().chunks(4).map(|c| std::str::from_utf8(c).unwrap()).collect::<Vec<_>>().join(" ")
        } else {
            digits.clone()
        };
        let text = format!("Betalt med kort {card}.");
        prop_assert_eq!(found(&text), vec![card.as_str()]);
    }

    #[test]
    fn a_changed_digit_is_proposed_only_after_context_with_a_low_score(
        rest in "[0-9]{14}", at in 0usize..16, delta in 1u8..10,
    ) {
        let digits = with_check(&format!("4{rest}"));
        let mut bytes = digits.into_bytes();
        bytes[at] = b'0' + (bytes[at] - b'0' + delta) % 10;
        let changed = String::from_utf8(bytes).unwrap();
        let plain = format!("x {changed}");
        prop_assert!(found(&plain).is_empty());
        for (_, score) in spans(&format!("kort {changed}")) {
            prop_assert_eq!(score, SCORE_CHECKSUM_IN_CONTEXT);
        }
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,80}") {
        let _ = PaymentCardRecognizer.recognize(&text).unwrap();
    }
}
