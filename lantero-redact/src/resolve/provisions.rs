//! Attaching candidate secrecy provisions to findings, from the kind of document and the entity,
//! and saying so in words when there is none.

use lantero_core::secrecy::Catalogue;

use super::kind::{Classification, classify};
use crate::detect::{Entity, Finding};

/// Sets each finding's `provisions` to the catalogue's candidates for its entity in the kind of
/// document the pages make up ([`classify`], once for the whole document), most relevant first,
/// at most `max` of them. Provisions already attached are kept first. A finding left without
/// any gets a note in its reason, in words a caseworker understands.
///
/// ```
/// use lantero_core::secrecy::Catalogue;
/// use lantero_redact::detect::{Detector, Entity};
/// use lantero_redact::resolve::attach_provisions;
///
/// let pages = ["Elevhälsan: eleven 121212-1212. Org.nr 212000-1124."];
/// let mut findings = Detector::builtin().detect_pages(&pages)?;
/// attach_provisions(Catalogue::builtin(), &pages, &mut findings, 3);
/// let of = |entity: Entity| findings.iter().find(|f| f.entity == entity).unwrap();
/// assert_eq!(of(Entity::Personnummer).provisions[0], "OSL 23:2");
/// let org = of(Entity::Organisationsnummer);
/// assert!(org.provisions.is_empty());
/// assert!(org.reason.contains("organisationsnummer för juridiska personer"));
/// # Ok::<(), lantero_redact::Error>(())
/// ```
pub fn attach_provisions(
    catalogue: &Catalogue,
    pages: &[&str],
    findings: &mut [Finding],
    max: usize,
) {
    let kind = classify(catalogue, &pages.join("\n"));
    attach_for_kind(catalogue, &kind, findings, max);
}

/// As [`attach_provisions`], for a document already classified.
pub fn attach_for_kind(
    catalogue: &Catalogue,
    kind: &Classification,
    findings: &mut [Finding],
    max: usize,
) {
    for finding in findings {
        for provision in catalogue.candidates(finding.entity.as_str(), &kind.contexts) {
            if finding.provisions.len() >= max {
                break;
            }
            let id = provision.id.to_string();
            if !finding.provisions.contains(&id) {
                finding.provisions.push(id);
            }
        }
        if finding.provisions.is_empty() {
            finding.reason = format!("{}; {}", finding.reason, no_provision(finding.entity, kind));
        }
    }
}

/// Why no provision is proposed for `entity` in a document of `kind`, in Swedish.
///
/// ```
/// use lantero_core::secrecy::Catalogue;
/// use lantero_redact::detect::Entity;
/// use lantero_redact::resolve::{classify, no_provision};
///
/// let kind = classify(Catalogue::builtin(), "Miljö- och byggnämnden beslutar.");
/// let note = no_provision(Entity::VehicleRegistration, &kind);
/// assert!(note.starts_with("Ingen sekretessbestämmelse föreslås"));
/// assert!(note.contains("registreringsnummer"));
/// ```
pub fn no_provision(entity: Entity, kind: &Classification) -> String {
    let why = match entity {
        Entity::Organisationsnummer => {
            "organisationsnummer för juridiska personer är normalt offentliga (i en upphandling \
             kan 19 kap. eller 31 kap. 16 § OSL gälla)"
                .to_owned()
        }
        Entity::Url => "en webbadress är normalt offentlig; pekar den på en enskild person (t.ex. \
                        en profil i sociala medier), pröva den som personuppgift"
            .to_owned(),
        Entity::Bankgiro | Entity::Plusgiro => {
            "bankgiro- och plusgironummer tillhör normalt företag, föreningar och myndigheter och \
             är offentliga"
                .to_owned()
        }
        Entity::Organization => {
            "namn på företag, föreningar och myndigheter är normalt offentliga".to_owned()
        }
        other => format!(
            "katalogen har ingen bestämmelse för {} i handlingar av det här slaget ({}); \
             pröva om uppgiften kan lämnas ut",
            crate::record::swedish::what_is_masked(Some(other.as_str())),
            kind.reason
        ),
    };
    format!("Ingen sekretessbestämmelse föreslås: {why}.")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::Detector;

    fn provisions(text: &str) -> Vec<(String, Vec<String>)> {
        let pages = [text];
        let mut findings = Detector::builtin().detect_pages(&pages).unwrap();
        attach_provisions(Catalogue::builtin(), &pages, &mut findings, 3);
        findings
            .into_iter()
            .map(|f| (f.text, f.provisions))
            .collect()
    }

    #[test]
    fn social_services_minutes_mentioning_a_diagnosis_get_26_1_not_25_1() {
        let found = provisions(
            "PROTOKOLL\nSocialnämndens individutskott\nJusterare\nÄrendet gäller 811218-9876, \
             som har diagnosen MS.",
        );
        assert_eq!(found[0].1, ["OSL 26:1", "OSL 21:7"]);
    }

    #[test]
    fn every_finding_without_a_provision_says_why() {
        let pages = ["Lillby kommun, org.nr 212000-1124, www.lillby.se, bankgiro 5050-1055."];
        let mut findings = Detector::builtin().detect_pages(&pages).unwrap();
        attach_provisions(Catalogue::builtin(), &pages, &mut findings, 3);
        assert!(!findings.is_empty());
        for f in findings.iter().filter(|f| f.provisions.is_empty()) {
            assert!(
                f.reason.contains("Ingen sekretessbestämmelse föreslås"),
                "{f:?}"
            );
        }
    }
}
