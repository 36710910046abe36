use super::*;
use proptest::prelude::*;

fn spans(text: &str) -> Vec<(&str, f32)> {
    crate::detect::recognizers::testing::spans(&IbanRecognizer, text)
}

fn found(text: &str) -> Vec<&str> {
    spans(text).into_iter().map(|(s, _)| s).collect()
}

/// Builds a valid IBAN from a country and BBAN, independently of `is_valid`.
fn make(country: &str, bban: &str) -> String {
    let rearranged = format!("{bban}{country}00");
    let digits: String = rearranged
        .chars()
        .map(|c| c.to_digit(36).unwrap().to_string())
        .collect();
    let rem = digits.chars().fold(0u64, |r, d| {
        (r * 10 + u64::from(d.to_digit(10).unwrap())) % 97
    });
    format!("{country}{:02}{bban}", 98 - rem)
}

#[test]
fn finds_compact_and_grouped_ibans() {
    for iban in [
        "SE45 5000 0000 0583 9825 7466",
        "SE4550000000058398257466",
        "DE89 3704 0044 0532 0130 00",
        "GB29 NWBK 6016 1331 9268 19",
        "NO9386011117947",
        "FR14 2004 1010 0505 0001 3M02 606",
        "FI2112345600000785",
    ] {
        let text = format!("Betala till {iban} senast fredag");
        assert_eq!(found(&text), [iban], "{iban:?}");
    }
}

#[test]
fn lower_case_needs_the_word_iban() {
    assert_eq!(
        found("iban: se45 5000 0000 0583 9825 7466"),
        ["se45 5000 0000 0583 9825 7466"]
    );
    assert_eq!(
        found("konto se45 5000 0000 0583 9825 7466"),
        Vec::<&str>::new()
    );
}

#[test]
fn two_ibans_in_a_row_are_both_found() {
    assert_eq!(
        found("NO9386011117947 SE4550000000058398257466"),
        ["NO9386011117947", "SE4550000000058398257466"]
    );
}

#[test]
fn context_and_checksum_set_the_score() {
    assert_eq!(
        spans("IBAN SE4550000000058398257466")[0].1,
        SCORE_VALID_IN_CONTEXT
    );
    assert_eq!(spans("x SE4550000000058398257466")[0].1, SCORE_VALID);
    assert_eq!(
        spans("IBAN SE4550000000058398257467")[0].1,
        SCORE_CHECKSUM_IN_CONTEXT
    );
    assert_eq!(found("x SE4550000000058398257467"), Vec::<&str>::new());
}

#[test]
fn a_failed_check_printed_in_groups_fails_closed() {
    let grouped = spans("Skärmbild: SE35 8000 0832 7944 2018 7735");
    assert_eq!(grouped[0].0, "SE35 8000 0832 7944 2018 7735");
    assert_eq!(grouped[0].1, SCORE_CHECKSUM_GROUPED);
    // Not in groups, or in groups of the wrong size: no IBAN-shaped evidence.
    assert_eq!(found("x SE3580000832794420187735"), Vec::<&str>::new());
    assert_eq!(found("x SE35 80000 832 79442 0187735"), Vec::<&str>::new());
}

#[test]
fn false_matches_are_killed() {
    for text in [
        "SE45 5000 0000 0583 9825 746",
        "SE4550000000058398257466123",
        "XX4550000000058398257466",
        "BIC ESSESESS",
        "ISO 27001",
        "SFS 2021:890",
    ] {
        assert_eq!(found(text), Vec::<&str>::new(), "{text:?}");
    }
}

#[test]
fn wrapped_ibans_are_found_whole() {
    // Released readable: wrapped in the middle, between two groups.
    assert_eq!(
        spans("IBAN: SE45 5000 0000 0583\n9825 7466, BIC: ESSESESS"),
        [("SE45 5000 0000 0583\n9825 7466", SCORE_VALID_IN_CONTEXT)]
    );
    for written in [
        "SE45 5000 0000 05\n83 9825 7466",
        "SE455000000005\n8398257466",
        "SE45 \n5000 0000 0583 9825 7466",
        "S\nE4550000000058398257466",
        "GB29 NWBK 6016\n1331 9268 19",
    ] {
        let text = format!("Betala till {written} senast fredag");
        assert_eq!(found(&text), [written], "{written:?}");
    }
}

#[test]
fn unrelated_lines_are_not_joined() {
    // The check fails after `iban`: a typo in an IBAN, proposed whole with a low score.
    assert_eq!(
        spans("IBAN SE72 8000\n0832 7912 3456 7890 från maj"),
        [("SE72 8000\n0832 7912 3456 7890", SCORE_CHECKSUM_IN_CONTEXT)]
    );
    for text in [
        // The check fails and no context word supports it.
        "Betala SE45 5000 0000 0583\n9825 7467",
        // Two line breaks.
        "IBAN SE45 5000 0000 0583\n\n9825 7466",
        // A table row goes on after the number.
        "SE45 5000 0000 0583\n9825 7466    2 000 kr",
    ] {
        assert_eq!(found(text), Vec::<&str>::new(), "{text:?}");
    }
}

proptest! {
    #[test]
    fn a_line_break_anywhere_keeps_the_iban_whole(bban in "[0-9]{20}", grouped: bool, at in 1usize..29) {
        let iban = make("SE", &bban);
        let mut written = if grouped {
            iban.as_bytes().chunks(4).map(|c| std::str::from_utf8(c).unwrap()).collect::<Vec<_>>().join(" ")
        } else {
            iban.clone()
        };
        written.insert(at.min(written.len() - 1), '\n');
        let text = format!("Konto: {written}.");
        prop_assert_eq!(found(&text), vec![written.as_str()]);
    }

    #[test]
    fn generated_swedish_ibans_are_found(bban in "[0-9]{20}", grouped: bool) {
        let iban = make("SE", &bban);
        let written = if grouped {
            iban.as_bytes().chunks(4).map(|c| std::str::from_utf8(c).unwrap()).collect::<Vec<_>>().join(" ")
        } else {
            iban.clone()
        };
        let text = format!("Konto: {written}.");
        prop_assert_eq!(found(&text), vec![written.as_str()]);
    }

    #[test]
    fn one_changed_digit_is_caught(bban in "[0-9]{20}", at in 4usize..24, delta in 1u32..10) {
        let iban = make("SE", &bban);
        let mut chars: Vec<char> = iban.chars().collect();
        let d = chars[at].to_digit(10).unwrap();
        chars[at] = char::from_digit((d + delta) % 10, 10).unwrap();
        let changed: String = chars.into_iter().collect();
        prop_assert!(!is_valid(&changed));
        let text = format!("x {changed} y");
        prop_assert!(found(&text).is_empty());
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,80}") {
        let _ = IbanRecognizer.recognize(&text).unwrap();
    }
}
