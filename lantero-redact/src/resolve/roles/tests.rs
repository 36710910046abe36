use proptest::prelude::*;

use super::*;
use crate::resolve::cells::cells;

/// The reason `name` (its first occurrence in `text`, plain text) is an official, if any.
fn reason(text: &str, name: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    let byte = text.find(name).expect("name in text");
    let start = text[..byte].chars().count();
    let end = start + name.chars().count();
    let cells = cells(text, &vec![None; chars.len()]);
    official_reason(&chars, &cells, (start, end), &["Ekonomienheten"])
}

#[test]
fn a_role_on_the_same_line_makes_an_official() {
    for (text, name) in [
        (
            "Handläggare\nJohan Bergström, socialsekreterare\n",
            "Johan Bergström",
        ),
        ("Sara Ek, LSS-handläggare", "Sara Ek"),
        ("Ali Rezaei (M), vice ordförande", "Ali Rezaei"),
        ("Sekreterare: Eva Sjöberg", "Eva Sjöberg"),
        (
            "Utredare: Maria Nordin och Johan Ek, socialsekreterare",
            "Maria Nordin",
        ),
        (
            "Utredare: Maria Nordin och Johan Ek, socialsekreterare",
            "Johan Ek",
        ),
        ("2026-09-03, handläggare Sara Ek", "Sara Ek"),
        ("Mottaget av: Mats Höglund, kontrollant", "Mats Höglund"),
        (
            "kontakta din chef Ola Persson, enhetschef hemtjänsten",
            "Ola Persson",
        ),
        (
            "hennes ombud advokat Karl Dahlström har yttrat sig",
            "Karl Dahlström",
        ),
        (
            "besvaras av Kristina Olsson, ekonomienheten. Ändringar",
            "Kristina Olsson",
        ),
        (
            "Ekonomienheten                 Eva Marklund\nKristina Olsson                Skolgatan 15",
            "Kristina Olsson",
        ),
    ] {
        let why = reason(text, name);
        assert!(
            why.as_deref()
                .is_some_and(|r| r.starts_with("tjänsteperson") || r.starts_with("förtroendevald")),
            "{name} in {text:?}: {why:?}"
        );
    }
}

#[test]
fn a_party_after_the_name_makes_an_elected_member() {
    let text =
        "Beslutande: Lars-Göran Eklund (S), ordförande; Anders Viklund (M); Hanna Berglund (C)";
    for name in ["Lars-Göran Eklund", "Anders Viklund", "Hanna Berglund"] {
        let why = reason(text, name).unwrap();
        assert!(why.starts_with("förtroendevald"), "{why}");
    }
}

#[test]
fn signature_blocks_count_the_adjacent_line_in_the_same_column() {
    let minutes = "Vid protokollet\nKristina Wallin\n\nOrdförande                     Justerare\nMargareta Holm                 Ali Rezaei\n";
    for name in ["Kristina Wallin", "Margareta Holm", "Ali Rezaei"] {
        assert!(reason(minutes, name).is_some(), "{name}");
    }
    let letter =
        "Älvstrand 2024-03-18\n\nPer Sandberg\nEnhetschef, beslutsfattare enligt delegation\n";
    assert!(
        reason(letter, "Per Sandberg")
            .unwrap()
            .contains("raden under")
    );
    let lss = "Lena Ström\nLSS-handläggare\n";
    assert!(reason(lss, "Lena Ström").is_some());
}

#[test]
fn private_people_next_to_someone_elses_role_stay_masked() {
    for (text, name) in [
        // The letterhead: the role's column and the addressee's column on one line.
        (
            "Handläggare                          Johanna Lindgren och Mikael Lindgren",
            "Johanna Lindgren",
        ),
        (
            "HR-specialist                        Henrik Åberg\nSusanne Bergkvist                    Vallmovägen 21",
            "Henrik Åberg",
        ),
        // Definite forms describe whom a report is about.
        (
            "uppger att enhetschefen Tomas Wennberg vid upprepade tillfällen",
            "Tomas Wennberg",
        ),
        ("Klassläraren Sofia Wallin anmälde", "Sofia Wallin"),
        (
            "Ställföreträdare: Britt-Marie Holm, god man",
            "Britt-Marie Holm",
        ),
        ("Kontaktperson är Sara Ek", "Sara Ek"),
        ("Arbetstagare: Henrik Åberg", "Henrik Åberg"),
        ("Namnförtydligande\nHenrik Åberg", "Henrik Åberg"),
        ("Samtal med Tomas Wennberg (680422-1536)", "Tomas Wennberg"),
        (
            "Sökande: Johanna Lindgren och Annika Dahl, socialsekreterare",
            "Johanna Lindgren",
        ),
        // A role two lines away, or heading the next row, is not this name's.
        ("Handläggare\n\nJohanna Lindgren", "Johanna Lindgren"),
        (
            "Johanna Lindgren\nOrdförande\nMargareta Holm",
            "Johanna Lindgren",
        ),
        ("Ansvarig\nTomas Wennberg", "Tomas Wennberg"),
        (
            "Ekonomienheten                 Eva Marklund\nKristina Olsson",
            "Eva Marklund",
        ),
        ("Eva Marklund, ekonomienhetens kund", "Eva Marklund"),
    ] {
        assert_eq!(reason(text, name), None, "{name} in {text:?}");
    }
    let letter = "HR-specialist                        Henrik Åberg\nSusanne Bergkvist                    Vallmovägen 21";
    assert!(reason(letter, "Susanne Bergkvist").is_some());
}

#[test]
fn role_words_are_recognised_as_word_endings_only() {
    for w in [
        "LSS-handläggare",
        "Enhetschef",
        "nämndsekreterare",
        "HR-specialist",
        "Ordförande",
    ] {
        assert!(is_role_word(w), "{w}");
    }
    for w in [
        "enhetschefen",
        "Sökande",
        "Vårdnadshavare",
        "god",
        "Klassläraren",
        "strategi",
    ] {
        assert!(!is_role_word(w), "{w}");
    }
    assert!(is_role_only("Ordförande   Justerare   Sekreterare"));
    assert!(is_role_only("Vid protokollet"));
    assert!(!is_role_only("Ansvarig"));
    assert!(!is_role_only("Enhetschef, hemtjänsten område Norr"));
}

proptest! {
    /// Whatever private text stands between a role and a name, the role does not reach it.
    #[test]
    fn a_role_never_reaches_past_other_words(
        role in "(Handläggare|Enhetschef|Socialsekreterare|Ordförande)",
        words in "[a-zåäö]{2,8}( [a-zåäö]{2,8}){0,3}",
    ) {
        prop_assume!(words.split(' ').all(|w| !is_qualifier(w)));
        let text = format!("{role} {words} Johanna Lindgren bor här");
        prop_assert_eq!(reason(&text, "Johanna Lindgren"), None);
        let text = format!("Johanna Lindgren {words} {role}");
        prop_assert_eq!(reason(&text, "Johanna Lindgren"), None);
    }

    /// A role in another column of the same line is never this name's.
    #[test]
    fn a_role_in_another_column_never_counts(
        role in "(Handläggare|HR-specialist|Sekreterare|Justerare)",
        gap in 3usize..40,
    ) {
        let text = format!("{role}{}Johanna Lindgren", " ".repeat(gap));
        prop_assert_eq!(reason(&text, "Johanna Lindgren"), None);
    }
}
