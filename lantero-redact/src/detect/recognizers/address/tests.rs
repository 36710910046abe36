use super::*;
use proptest::prelude::*;

fn spans(text: &str) -> Vec<(&str, f32)> {
    crate::detect::recognizers::testing::spans(&AddressRecognizer, text)
}

fn found(text: &str) -> Vec<&str> {
    spans(text).into_iter().map(|(s, _)| s).collect()
}

#[test]
fn finds_streets_in_every_form() {
    for street in [
        "Storgatan 12 B",
        "Storgatan 12B",
        "Björkvägen 4",
        "Drottninggatan 5, 3 tr",
        "Östra Långgatan 17A",
        "Sankt Eriksgatan 44",
        "S:t Eriksgatan 44",
        "Kungsgatan 3-5",
        "Vallgränd 2",
        "Stortorget 1",
        "Lindallén 14 B",
        "Kvarnbacken 8",
        "Ekstigen 3",
        "Hamnplan 2",
        "Norra Strandleden 120",
        "Strandpromenaden 7",
        "Södra Kajen 4",
        "Bryggstråket 9",
        "Drottning Kristinas väg 12",
        "Karl Johans gata 8",
        "Tegnérgatan 40 nb",
    ] {
        let text = format!("Hon har flyttat. Ny adress är {street}. Tack!");
        assert_eq!(found(&text), [street], "{street:?}");
    }
}

#[test]
fn marked_addresses_and_postal_codes_are_found() {
    for (text, pieces) in [
        (
            "c/o Abdirahman Warsame\nBjörkvägen 4",
            vec!["c/o Abdirahman Warsame", "Björkvägen 4"],
        ),
        ("Box 512, 382 23 Nybro", vec!["Box 512", "382 23 Nybro"]),
        ("Postadress: SE-382 23 Nybro", vec!["SE-382 23 Nybro"]),
        (
            "Gamla Kungsvägen 21, 38231 Nybro",
            vec!["Gamla Kungsvägen 21", "38231 Nybro"],
        ),
        ("lägenhet nr lgh 1102, 3 rum", vec!["lgh 1102"]),
        ("194 30 Upplands Väsby", vec!["194 30 Upplands Väsby"]),
        ("382 30 NYBRO", vec!["382 30 NYBRO"]),
        ("Han bor på Hagalund 3 sedan maj.", vec!["Hagalund 3"]),
    ] {
        assert_eq!(found(text), pieces, "{text:?}");
    }
}

#[test]
fn scores_follow_the_evidence() {
    assert_eq!(spans("x Storgatan 12 y"), [("Storgatan 12", SCORE_STREET)]);
    assert_eq!(
        spans("bor på Storgatan 12"),
        [("Storgatan 12", SCORE_IN_CONTEXT)]
    );
    assert_eq!(
        spans("x Storgatan 12\n123 45 Lillby"),
        [
            ("Storgatan 12", SCORE_WITH_POSTAL),
            ("123 45 Lillby", SCORE_WITH_POSTAL)
        ]
    );
    assert_eq!(spans("x 123 45 Lillby"), [("123 45 Lillby", SCORE_POSTAL)]);
    assert_eq!(spans("x Box 12"), [("Box 12", SCORE_MARKED)]);
}

#[test]
fn false_matches_are_killed() {
    for text in [
        "Handlingsplan 2 antogs",
        "Storgatan 2026 byggdes om",
        "Storgatan 0",
        "Storgatan 12 kr",
        "Storgatan 12345",
        "storgatan 12",
        "8 450 kronor",
        "Växel: 0481-450 00 Socialnämnden",
        "123 45 kronor",
        "Summa 186 436 kr",
        "Takhöjden 3 meter",
        "Dnr SN 2026/1187 Lillby",
        "Kapitel 3 i lagen",
        "Boendeavgift Solbacken          84 000 kr",
        "Storgatan 84 000 kr",
        "10442   Nybro Städ & Fastighet AB",
    ] {
        assert_eq!(found(text), Vec::<&str>::new(), "{text:?}");
    }
}

proptest! {
    #[test]
    fn generated_streets_are_found(
        stem in "[A-ZÅÄÖ][a-zåäö]{2,10}",
        word in prop::sample::select(STREET_WORDS),
        number in 1u32..500,
        letter in prop::option::of("[A-F]"),
    ) {
        let name = format!("{stem}{word}");
        prop_assume!(!NOT_STREETS.contains(&name.to_lowercase().as_str()));
        let street = match &letter {
            Some(l) => format!("{name} {number} {l}"),
            None => format!("{name} {number}"),
        };
        let text = format!("Adressen är {street}, 123 45 Lillby.");
        prop_assert_eq!(found(&text), vec![street.as_str(), "123 45 Lillby"]);
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,80}") {
        let _ = AddressRecognizer.recognize(&text).unwrap();
    }
}

#[test]
fn wrapped_pieces_are_found_whole() {
    assert_eq!(
        spans("Sökanden bor på Storgatan\n12 B sedan maj."),
        [("Storgatan\n12 B", SCORE_IN_CONTEXT)]
    );
    assert_eq!(
        spans("Storgatan 12, 382 30\nNybro"),
        [
            ("Storgatan 12", SCORE_WITH_POSTAL),
            ("382 30\nNybro", SCORE_WITH_POSTAL)
        ]
    );
    assert_eq!(
        spans("Drottning Kristinas\nväg 12, 114 28 Stockholm"),
        [
            ("Drottning Kristinas\nväg 12", SCORE_WITH_POSTAL),
            ("114 28 Stockholm", SCORE_WITH_POSTAL)
        ]
    );
    assert_eq!(found("Adress: Box\n512"), ["Box\n512"]);
}

#[test]
fn unrelated_lines_are_not_joined() {
    for text in [
        // No word for an address and nothing of one next to it.
        "Vi gick längs Storgatan\n12 personer deltog",
        "Summa 123 45\nDärefter betalades resten",
        "bor på Storgatan\n\n12",
    ] {
        assert_eq!(found(text), Vec::<&str>::new(), "{text:?}");
    }
}
