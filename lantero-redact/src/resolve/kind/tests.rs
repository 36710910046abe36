use super::*;
use proptest::prelude::*;

fn kind(text: &str) -> (DocumentKind, Option<DocumentKind>, Vec<String>) {
    let c = classify(Catalogue::builtin(), text);
    (c.kind, c.area, c.contexts)
}

#[test]
fn the_authority_decides_the_activity() {
    let (k, area, contexts) = kind(
        "Socialnämnden. Ekonomiskt bistånd. Läkare har ställt diagnosen. Remiss till vårdcentral.",
    );
    assert_eq!(
        (k, area),
        (
            DocumentKind::SocialServices,
            Some(DocumentKind::SocialServices)
        )
    );
    assert_eq!(contexts, ["socialtjanst"]);
    let (k, _, contexts) = kind("Barn- och utbildningsnämnden. Eleven har extra anpassningar.");
    assert_eq!(k, DocumentKind::School);
    assert_eq!(contexts, ["skola"]);
}

#[test]
fn without_an_authority_the_most_keywords_decide() {
    let (k, _, contexts) = kind("Journal: patienten fick en remiss, läkaren skrev ut läkemedel.");
    assert_eq!(k, DocumentKind::HealthCare);
    assert_eq!(contexts, ["halso_och_sjukvard"]);
    let (k, _, contexts) = kind("Ansökan om personlig assistans enligt LSS.");
    assert_eq!(k, DocumentKind::Lss);
    assert_eq!(contexts, ["lss"]);
}

#[test]
fn another_authority_leaves_no_activity() {
    let c = classify(
        Catalogue::builtin(),
        "Miljö- och byggnämnden beviljar parkeringstillstånd. Läkarintyg från vårdcentralen.",
    );
    assert_eq!(c.kind, DocumentKind::Other);
    assert!(c.contexts.is_empty());
    assert!(c.reason.contains("miljö- och byggnämnd*"), "{}", c.reason);
}

#[test]
fn minutes_and_tips_keep_their_activity() {
    let (k, area, _) = kind("Protokoll. Justerare. Socialnämndens individutskott.");
    assert_eq!(
        (k, area),
        (DocumentKind::Minutes, Some(DocumentKind::SocialServices))
    );
    let tip = "Jag vill tipsa om att bolaget rapporterar fler timmar personlig assistans \
               än dygnet har, och tar ut assistansersättning.";
    let (k, area, contexts) = kind(tip);
    assert_eq!((k, area), (DocumentKind::Tip, Some(DocumentKind::Lss)));
    assert_eq!(contexts, ["lss"]);
    // The registry's received-stamp adds an authority but no other provisions.
    let stamped = format!("Inkommen handling, tipskanalen. Socialnämnden.\n{tip}");
    let (k, area, contexts) = kind(&stamped);
    assert_eq!(
        (k, area),
        (DocumentKind::Tip, Some(DocumentKind::SocialServices))
    );
    assert_eq!(contexts, ["socialtjanst"]);
}

#[test]
fn whistleblowing_and_protected_identity() {
    let (k, _, contexts) = kind("Rapport via visselblåsarfunktionen om missförhållanden.");
    assert_eq!(k, DocumentKind::Whistleblowing);
    assert_eq!(contexts, ["visselblasning"]);
    let (_, _, contexts) = kind("Socialnämnden. Sökanden har skyddad identitet.");
    assert_eq!(contexts, ["socialtjanst", "skyddad_identitet"]);
}

#[test]
fn nothing_known_is_other() {
    let c = classify(Catalogue::builtin(), "Hej, tack för senast.");
    assert_eq!((c.kind, c.area), (DocumentKind::Other, None));
    assert!(c.contexts.is_empty());
}

proptest! {
    /// Line breaks and letter case do not change the kind: a PDF's text and the same words
    /// in a text file are classified alike.
    #[test]
    fn layout_does_not_change_the_kind(breaks in proptest::collection::vec(any::<bool>(), 12)) {
        let words = ["Protokoll", "Socialnämndens", "individutskott", "Justerare", "Ärendet",
                     "gäller", "ekonomiskt", "bistånd", "och", "personlig", "assistans", "LSS"];
        let text: String = words
            .iter()
            .zip(&breaks)
            .map(|(w, b)| format!("{w}{}", if *b { "\n" } else { " " }))
            .collect();
        let flat = words.join(" ");
        prop_assert_eq!(kind(&text), kind(&flat));
        prop_assert_eq!(kind(&text.to_uppercase()), kind(&flat));
    }
}
