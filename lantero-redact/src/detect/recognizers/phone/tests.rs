use super::*;
use proptest::prelude::*;

fn spans(text: &str) -> Vec<(&str, f32)> {
    crate::detect::recognizers::testing::spans(&PhoneRecognizer, text)
}

fn found(text: &str) -> Vec<&str> {
    spans(text).into_iter().map(|(s, _)| s).collect()
}

#[test]
fn finds_every_written_form() {
    for form in [
        "070-123 45 67",
        "070-1234567",
        "0701234567",
        "070 123 45 67",
        "08-123 456 78",
        "0480-45 67 89",
        "031-12 34 56",
        "031 - 12 34 56",
        "(08) 123 45 67",
        "+46 70 123 45 67",
        "+46 (0)8 123 45 67",
        "+46-31-123 45 67",
        "+46701234567",
        "0046 8 123 45 67",
        "0481-450 00",
        "08/123 45 67",
        "+358 40 712 3456",
        "+48 601 234 567",
    ] {
        let text = format!("Kontakt: Anna, {form}.");
        assert_eq!(found(&text), [form], "{form:?}");
    }
}

#[test]
fn scores_follow_the_evidence() {
    assert_eq!(spans("tel 070-123 45 67")[0].1, SCORE_IN_CONTEXT);
    assert_eq!(spans("x 070-123 45 67")[0].1, SCORE_MOBILE);
    assert_eq!(spans("x 08-123 45 67")[0].1, SCORE_LANDLINE);
    assert_eq!(spans("x +46 8 123 45 67")[0].1, SCORE_SWEDISH_INTERNATIONAL);
    assert_eq!(spans("x +47 912 34 567")[0].1, SCORE_FOREIGN);
    assert_eq!(spans("x 0812345678")[0].1, SCORE_UNGROUPED);
    assert_eq!(spans("OCR 0812345678"), []);
    assert_eq!(spans("kontonummer 045 365 912-0"), []);
    // a valid personnummer for someone born in 2008, without context
    assert_eq!(spans("x 0804214682")[0].1, SCORE_CONTRADICTED);
}

#[test]
fn a_number_in_brackets_is_not_an_area_code() {
    assert_eq!(found("Leila (070-998 87 76)"), ["070-998 87 76"]);
}

#[test]
fn two_numbers_in_a_row_are_two_findings() {
    assert_eq!(
        found("070-123 45 67 08-123 456 78"),
        ["070-123 45 67", "08-123 456 78"]
    );
}

#[test]
fn false_matches_are_killed() {
    for text in [
        "Dnr SN 2026/1187",
        "Dnr KS 2026/0233",
        "8 450 kronor",
        "år 2026",
        "2026-03-01",
        "01-02-2026",
        "kl. 08.30–09.30",
        "123 45 Lillby",
        "121212-1212",
        "010101-1234",
        "INC-2026-0317",
        "SE45 5000 0000 0583 9825 7466",
        "giltigt t.o.m. 04/29",
        "lgh 0104",
        "070-123 45",
        "2026-03-17T02:14:55Z",
        "0701234567890",
        "00123456789",
        "+46 0 123",
    ] {
        assert_eq!(found(text), Vec::<&str>::new(), "{text:?}");
    }
}

#[test]
fn mobile_numbers_need_nine_digits() {
    assert!(valid_national("701234567"));
    assert!(!valid_national("70123456"));
    assert!(!valid_national("7012345678"));
    assert!(valid_national("8123456"));
    assert!(!valid_national("812345"));
    assert!(!valid_national("0123456"));
}

#[test]
fn wrapped_numbers_are_found_whole() {
    assert_eq!(
        spans("Ring 070-123\n45 67 efter lunch"),
        [("070-123\n45 67", SCORE_IN_CONTEXT)]
    );
    for written in [
        "070-\n123 45 67",
        "0\n70-123 45 67",
        "+46 70\n123 45 67",
        "(08)\n123 45 67",
        "0480-45 \n67 89",
        // The first line alone is a valid, shorter landline number.
        "08-123 456\n78",
    ] {
        let text = format!("Kontakt: {written}, vardagar.");
        assert_eq!(found(&text), [written], "{written:?}");
    }
}

#[test]
fn unrelated_lines_are_not_joined() {
    // The next line's numbers go on: the first line's number stands alone.
    assert_eq!(found("Mobil 08-12 34 56\n78 90 00"), ["08-12 34 56"]);
    for text in [
        // Cut at an odd place and written as one run, with no word for a phone.
        "ärende 07012\n34567",
        // Two line breaks.
        "070-123\n45\n67",
        // A table row goes on after the number.
        "Kod 070-123\n45 67    12 st",
    ] {
        assert_eq!(found(text), Vec::<&str>::new(), "{text:?}");
    }
}

proptest! {
    #[test]
    fn a_line_break_anywhere_keeps_the_number_whole(
        form in 0usize..3,
        digits in "[0-9]{8}",
        op in "[02369]",
        at in 1usize..17,
    ) {
        let written = match form {
            0 => format!("07{op}-{} {} {}", &digits[..3], &digits[3..5], &digits[5..7]),
            1 => format!("08-{} {} {}", &digits[..3], &digits[3..6], &digits[6..]),
            _ => format!("+46 7{op} {} {} {}", &digits[..3], &digits[3..5], &digits[5..7]),
        };
        let mut written = written;
        written.insert(at.min(written.len() - 1), '\n');
        let text = format!("Ring {written} i morgon.");
        prop_assert_eq!(found(&text), vec![written.as_str()]);
    }

    #[test]
    fn generated_mobile_numbers_are_found(rest in "[0-9]{7}", op in "[02369]", sep in "[ -]") {
        let number = format!("07{op}{sep}{} {} {}", &rest[..3], &rest[3..5], &rest[5..]);
        let text = format!("Ring mig på {number} i morgon");
        prop_assert_eq!(found(&text), vec![number.as_str()]);
    }

    #[test]
    fn a_digit_too_many_or_too_few_is_not_a_mobile(rest in "[0-9]{6}|[0-9]{8}") {
        let text = format!("x 070-{rest} y");
        prop_assert!(found(&text).is_empty());
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,80}") {
        let _ = PhoneRecognizer.recognize(&text).unwrap();
    }
}
