use super::*;
use proptest::prelude::*;

fn spans(text: &str) -> Vec<(&str, f32)> {
    crate::detect::recognizers::testing::spans(&PersonRecognizer, text)
}

fn found(text: &str) -> Vec<&str> {
    spans(text).into_iter().map(|(s, _)| s).collect()
}

#[test]
fn finds_names_in_their_usual_forms() {
    for (text, name) in [
        (
            "Beslutet skickas till Karin Lindqvist i dag.",
            "Karin Lindqvist",
        ),
        ("Kopia till Per-Olof Lindgren.", "Per-Olof Lindgren"),
        (
            "Dottern Helena Lindahl Rosén ringde.",
            "Helena Lindahl Rosén",
        ),
        ("SEKRETERARE KARIN LINDQVIST", "KARIN LINDQVIST"),
        ("Lindqvist, Karl-Erik (KD)", "Lindqvist, Karl-Erik"),
        ("i Mohammed Al-Hassans postlåda", "Mohammed Al-Hassans"),
        ("brevet från Karl J. Svensson kom", "Karl J. Svensson"),
        ("Sökande är Jukka Virtanen.", "Jukka Virtanen"),
        ("Kassör Tomasz Zieliński, Nybro", "Tomasz Zieliński"),
        ("Grannen Bo Ek har sett det.", "Bo Ek"),
        ("Rapporten granskades av Per Hedlund.", "Per Hedlund"),
        ("Mottagare: Kari Nordmann, Oslo", "Kari Nordmann"),
        ("skrev Emir Hodžić (V)", "Emir Hodžić"),
        ("Till: Fatima Hassan", "Fatima Hassan"),
        ("Anmälan från Xhevdet Berisha om", "Xhevdet Berisha"),
        ("Hej Åsa, tack!", "Åsa"),
        ("samtal med fru Andersson i dag", "Andersson"),
        ("Samtal med Anna S. om saken.", "Anna S"),
    ] {
        assert_eq!(found(text), [name], "{text:?}");
    }
}

#[test]
fn scores_follow_the_evidence() {
    assert_eq!(spans("x Karin Lindqvist")[0].1, SCORE_KNOWN_BOTH);
    assert_eq!(spans("x Karin Blixtqvist")[0].1, SCORE_SURNAME_ENDING);
    assert_eq!(spans("x Karin Zorbax")[0].1, SCORE_FIRST_AND_WORD);
    assert_eq!(spans("x Hans Berg")[0].1, SCORE_AMBIGUOUS_FIRST);
    let with_role = spans("handläggare Karin Zorbax")[0].1;
    assert!((with_role - (SCORE_FIRST_AND_WORD + ROLE_BONUS)).abs() < 1e-6);
    let after_role = spans("Karin Lindqvist, socialsekreterare")[0].1;
    assert!((after_role - (SCORE_KNOWN_BOTH + ROLE_BONUS).min(0.97)).abs() < 1e-6);
}

#[test]
fn words_that_are_names_need_a_second_token() {
    for text in [
        "Per telefon meddelades beslutet.",
        "Mina Sidor är stängd.",
        "Hans bil stod kvar.",
        "Berg, sten och grus.",
        "Enligt Andersson är det klart.",
        "Socialnämnden Lillby",
        "LILLBY KOMMUN",
        "BESLUT OM EKONOMISKT BISTÅND",
        "Karin",
        "karin lindqvist",
        "Karin\nLindqvist",
        "Till Socialnämnden i Nybro",
        "Anna Kommunen",
        "Eva Försäkringskassan",
    ] {
        assert_eq!(found(text), Vec::<&str>::new(), "{text:?}");
    }
}

proptest! {
    #[test]
    fn generated_swedish_names_are_found(
        first in prop::sample::select(vec!["Anna", "Erik", "Maria", "Johan", "Fatima", "Mehmet", "Agnieszka"]),
        stem in "[A-Z][a-z]{2,7}",
        ending in prop::sample::select(vec!["sson", "berg", "ström", "qvist", "lund", "gren"]),
    ) {
        let name = format!("{first} {stem}{ending}");
        let text = format!("Enligt uppgift från {name} i går.");
        prop_assert_eq!(found(&text), vec![name.as_str()]);
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,80}") {
        let _ = PersonRecognizer.recognize(&text).unwrap();
    }
}
