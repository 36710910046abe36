use proptest::prelude::*;

use super::*;
use crate::detect::Detector;
use crate::resolve::Resolver;

fn profile() -> OrganisationProfile {
    OrganisationProfile::from_toml_str(
        r#"
        [organisation]
        name = "Älvstrands kommun"
        organisation_number = "212000-2437"
        addresses = ["Box 104, 861 22 Älvstrand", "Rådhustorget 1"]
        phones = ["0611-34 80 00"]
        phone_series = ["0611-34 8"]
        mail_domains = ["alvstrand.se"]
        web = ["www.alvstrand.se"]
        bankgiro = ["5431-7762"]
        bodies = ["Socialnämnden", "Kontrollenheten"]
        [[staff]]
        name = "Kristina Olsson"
        title = "ekonom"
        "#,
        "t.toml",
    )
    .unwrap()
}

/// Detects, resolves and marks `text` as one plain-text page.
fn run(rules: &PublicRules, text: &str) -> Vec<Finding> {
    let mut findings = Detector::builtin().detect_pages(&[text]).unwrap();
    findings.extend(rules.deny_findings(&[text]));
    let mut findings = Resolver::default().resolve(&[text], findings);
    rules.mark(&[PageLayout::text(text)], &mut findings);
    findings
}

fn released(findings: &[Finding]) -> Vec<&str> {
    findings
        .iter()
        .filter(|f| f.public.is_some())
        .map(|f| f.text.as_str())
        .collect()
}

fn masked(findings: &[Finding]) -> Vec<&str> {
    findings
        .iter()
        .filter(|f| f.public.is_none())
        .map(|f| f.text.as_str())
        .collect()
}

const FOOTER: &str = "Älvstrands kommun · Postadress: Box 104, 861 22 Älvstrand · Besöksadress: Rådhustorget 1\n\
Växel: 0611-34 80 00 · www.alvstrand.se · kommun@alvstrand.se · organisationsnummer 212000-2437 · Bankgiro: 5431-7762\n";

#[test]
fn the_footer_is_released_with_a_profile_and_masked_without() {
    let with = run(&PublicRules::new().with_profile(profile()), FOOTER);
    assert!(!with.is_empty());
    assert!(masked(&with).is_empty(), "masked: {:?}", masked(&with));
    assert!(with.iter().all(|f| {
        f.public
            .as_deref()
            .is_some_and(|r| r.starts_with("myndighetens egen uppgift"))
    }));
    let without = run(&PublicRules::new(), FOOTER);
    assert!(released(&without).is_empty(), "{:?}", released(&without));
}

#[test]
fn the_authoritys_series_is_released_and_private_numbers_are_not() {
    let text = "Annika Dahl, socialsekreterare\nTel 0611-34 82 17\nannika.dahl@alvstrand.se\n\
                Sökande: Johanna Lindgren, 870412-2384, 070-174 06 42, johanna.l@gmail.com\n";
    let found = run(&PublicRules::new().with_profile(profile()), text);
    assert_eq!(
        released(&found),
        ["Annika Dahl", "0611-34 82 17", "annika.dahl@alvstrand.se"]
    );
    assert_eq!(
        masked(&found),
        [
            "Johanna Lindgren",
            "870412-2384",
            "070-174 06 42",
            "johanna.l@gmail.com"
        ]
    );
    let official = found.iter().find(|f| f.text == "Annika Dahl").unwrap();
    assert_eq!(official.entity, Entity::PublicRole);
    assert!(
        official
            .public
            .as_deref()
            .unwrap()
            .contains("'socialsekreterare' på samma rad")
    );
}

#[test]
fn an_officials_name_is_public_wherever_it_stands_but_not_its_parts() {
    let text = "Handläggare\nJohan Bergström, socialsekreterare\njohan.bergstrom@lillby.se\n\n\
                Ärendet har handlagts av Johan Bergström. Bergström har träffat Karin Lindqvist.\n";
    let found = run(&PublicRules::new(), text);
    assert_eq!(
        released(&found),
        [
            "Johan Bergström",
            "johan.bergstrom@lillby.se",
            "Johan Bergström"
        ]
    );
    assert!(
        masked(&found).contains(&"Bergström"),
        "{:?}",
        masked(&found)
    );
    assert!(masked(&found).contains(&"Karin Lindqvist"));
}

#[test]
fn staff_listed_in_the_profile_are_officials() {
    let text = "Frågor besvaras av Kristina Olsson och Eva Marklund.";
    let found = run(&PublicRules::new().with_profile(profile()), text);
    assert_eq!(released(&found), ["Kristina Olsson"]);
    assert!(found[0].public.as_deref().unwrap().contains("ekonom"));
}

#[test]
fn allow_releases_and_deny_masks_everywhere_and_wins() {
    let text =
        "Leverantören Nordbil AB. Placerad på Tallbacken hos Karin Lindqvist. TALLBACKEN igen.";
    let rules = PublicRules::new()
        .allow(["Karin Lindqvist", "Tallbacken"])
        .deny(["tallbacken", " "]);
    let found = run(&rules, text);
    assert_eq!(released(&found), ["Karin Lindqvist"]);
    let custom: Vec<&str> = found
        .iter()
        .filter(|f| f.entity == Entity::Custom)
        .map(|f| f.text.as_str())
        .collect();
    assert_eq!(custom, ["Tallbacken", "TALLBACKEN"]);
    assert_eq!(rules.denied(), ["tallbacken"]);
}

#[test]
fn identifiers_are_never_released_by_any_rule() {
    let text = "Sökande 19121212-1212, konto 8327-9, 123 456 789-0.";
    let rules = PublicRules::new().allow(["19121212-1212", "8327-9, 123 456 789-0"]);
    let found = run(&rules, text);
    assert!(!found.is_empty());
    assert!(released(&found).is_empty(), "{:?}", released(&found));
}

#[test]
fn officials_can_be_switched_off() {
    let text = "Johan Bergström, socialsekreterare";
    assert!(released(&run(&PublicRules::new().with_officials(false), text)).is_empty());
}

#[test]
fn mail_addresses_spell_names_exactly() {
    assert!(mail_spells_name(
        "johan.bergstrom@lillby.se",
        "Johan Bergström"
    ));
    assert!(mail_spells_name("anna-karin.sved@x.se", "Anna-Karin Sved"));
    assert!(!mail_spells_name(
        "johan.bergstrom72@gmail.com",
        "Johan Bergström"
    ));
    assert!(!mail_spells_name("bergstrom@lillby.se", "Johan Bergström"));
}

proptest! {
    /// A deny-list string is found in any case and spacing, and never released.
    #[test]
    fn deny_entries_are_always_masked(word in "[A-ZÅÄÖ][a-zåäö]{3,10}", spaces in " {1,3}") {
        let entry = format!("{word} gård");
        let text = format!("Bor på {}{spaces}GÅRD nu.", word.to_uppercase());
        let rules = PublicRules::new().allow([entry.clone()]).deny([entry]);
        let found = run(&rules, &text);
        prop_assert!(found.iter().any(|f| f.entity == Entity::Custom));
        prop_assert!(found.iter().all(|f| f.public.is_none()));
    }
}

#[test]
fn a_finding_over_lines_is_released_only_when_every_line_is_public() {
    let rules = PublicRules::new().with_profile(profile());
    let text = "HR-specialist\nSusanne Bergkvist\nsusanne.bergkvist@alvstrand.se\nHenrik Åberg\n";
    let merged = |start: usize, end: usize| Finding {
        id: String::new(),
        entity: Entity::Person,
        text: text.chars().skip(start).take(end - start).collect(),
        page: 1,
        start,
        end,
        boxes: vec![],
        score: 0.9,
        recognizer: "ner".into(),
        reason: "merged".into(),
        provisions: vec![],
        public: None,
    };
    let mut findings = vec![merged(14, 62), merged(32, 75)];
    assert_eq!(
        findings[0].text,
        "Susanne Bergkvist\nsusanne.bergkvist@alvstrand.se"
    );
    assert_eq!(
        findings[1].text,
        "susanne.bergkvist@alvstrand.se\nHenrik Åberg"
    );
    rules.mark(&[PageLayout::text(text)], &mut findings);
    assert_eq!(findings[0].entity, Entity::PublicRole);
    assert!(
        findings[0]
            .public
            .as_deref()
            .unwrap()
            .contains("'HR-specialist' på raden över")
    );
    assert_eq!(findings[1].public, None);

    let minutes = "Ordförande         Justerare\nMargareta Holm     Ali Rezaei\n";
    let mut both = vec![Finding {
        text: "Margareta Holm     Ali Rezaei".into(),
        start: 29,
        end: 58,
        ..merged(0, 0)
    }];
    PublicRules::new().mark(&[PageLayout::text(minutes)], &mut both);
    assert_eq!(both[0].entity, Entity::PublicRole);
}
