//! Whether a detected value is one of the profile's own: numbers compared by their digits,
//! e-mail addresses and web sites by domain, names without regard to case or spacing.

use super::OrganisationProfile;
use crate::detect::Entity;

impl OrganisationProfile {
    /// Why `text`, found as `entity`, is the authority's own published detail ("växelnummer
    /// för Älvstrands kommun"), or `None`. Only identifiers of the organisation itself are
    /// compared here (organisationsnummer, phone, e-mail, web, giro); names, bodies and
    /// addresses are found in the page text ([`Self::phrases`]).
    pub fn own_detail(&self, entity: Entity, text: &str) -> Option<String> {
        let of = &self.name;
        // A merged span holding the authority's number and someone else's is not its own.
        let one_value = match entity {
            Entity::Phone => {
                text.chars()
                    .all(|c| c.is_ascii_digit() || " -+()/".contains(c))
                    && digits(text).len() <= 12
            }
            _ => {
                !text.trim().contains(char::is_whitespace) || entity == Entity::Organisationsnummer
            }
        };
        if !one_value {
            return None;
        }
        match entity {
            Entity::Organisationsnummer => {
                let own = digits(self.organisation_number.as_deref()?);
                let found = digits(text);
                // "16" + the ten digits is the same number in its twelve-digit form.
                (found == own || found == format!("16{own}"))
                    .then(|| format!("organisationsnummer för {of}"))
            }
            Entity::Phone => {
                let found = national_digits(text);
                if self.phones.iter().any(|p| national_digits(p) == found) {
                    return Some(format!("publicerat telefonnummer till {of}"));
                }
                self.phone_series
                    .iter()
                    .map(|s| national_digits(s))
                    .any(|series| found.len() > series.len() && found.starts_with(&series))
                    .then(|| format!("nummer i {of}s nummerserie"))
            }
            Entity::Email => {
                let domain = text.trim().rsplit_once('@')?.1.to_lowercase();
                self.is_own_domain(&domain)
                    .then(|| format!("e-postadress i {of}s domän"))
            }
            Entity::Url => {
                let found = host(text);
                let own = self.web.iter().any(|w| found == host(w)) || self.is_own_domain(&found);
                own.then(|| format!("webbplats för {of}"))
            }
            Entity::Bankgiro => {
                same_digits(&self.bankgiro, text).then(|| format!("bankgiro för {of}"))
            }
            Entity::Plusgiro => {
                same_digits(&self.plusgiro, text).then(|| format!("plusgiro för {of}"))
            }
            _ => None,
        }
    }

    /// The title of the official named `name` in the staff list (case and spacing ignored, a
    /// genitive -s allowed), or `None`.
    pub fn staff_title(&self, name: &str) -> Option<&str> {
        let wanted = name_key(name);
        self.staff
            .iter()
            .find(|s| {
                let key = name_key(&s.name);
                wanted == key || wanted == format!("{key}s")
            })
            .map(|s| s.title.as_str())
    }

    /// Whether `domain` is one of the mail domains or a subdomain of one.
    fn is_own_domain(&self, domain: &str) -> bool {
        let domain = domain.trim_end_matches('.').to_lowercase();
        self.mail_domains
            .iter()
            .chain(self.web.iter())
            .map(|d| host(d))
            .filter(|d| d.contains('.'))
            .any(|d| domain == d || domain.ends_with(&format!(".{d}")))
    }
}

fn digits(text: &str) -> String {
    text.chars().filter(char::is_ascii_digit).collect()
}

/// Digits of a Swedish number in national form: "+46 611…" and "0046 611…" become "0611…".
fn national_digits(text: &str) -> String {
    let all = digits(text);
    let international = text.trim_start().starts_with('+');
    match (all.strip_prefix("46"), all.strip_prefix("0046")) {
        (Some(rest), _) if international => format!("0{rest}"),
        (_, Some(rest)) => format!("0{rest}"),
        _ => all,
    }
}

fn same_digits(values: &[String], text: &str) -> bool {
    let found = digits(text);
    !found.is_empty() && values.iter().any(|v| digits(v) == found)
}

/// "https://www.Alvstrand.se/socialtjanst" → "alvstrand.se".
fn host(text: &str) -> String {
    let lower = text.trim().to_lowercase();
    let rest = lower.split_once("://").map_or(lower.as_str(), |(_, r)| r);
    let rest = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let rest = rest.rsplit_once('@').map_or(rest, |(_, h)| h);
    rest.strip_prefix("www.")
        .unwrap_or(rest)
        .trim_end_matches('.')
        .to_owned()
}

/// A name compared without case, spacing or punctuation around the words.
pub(crate) fn name_key(name: &str) -> String {
    name.split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::profile::StaffMember;

    fn profile() -> OrganisationProfile {
        OrganisationProfile {
            name: "Älvstrands kommun".into(),
            organisation_number: Some("212000-2437".into()),
            phones: vec!["0611-34 80 00".into()],
            phone_series: vec!["0611-34 8".into()],
            mail_domains: vec!["alvstrand.se".into()],
            web: vec!["www.alvstrand.se".into()],
            bankgiro: vec!["5431-7762".into()],
            staff: vec![StaffMember {
                name: "Annika Dahl".into(),
                title: "socialsekreterare".into(),
            }],
            ..OrganisationProfile::default()
        }
    }

    #[test]
    fn own_identifiers_match_in_any_spelling() {
        let p = profile();
        for (entity, text) in [
            (Entity::Organisationsnummer, "212000-2437"),
            (Entity::Organisationsnummer, "2120002437"),
            (Entity::Organisationsnummer, "16212000-2437"),
            (Entity::Phone, "0611-34 80 00"),
            (Entity::Phone, "+46 611 34 80 00"),
            (Entity::Phone, "0611-348217"),
            (Entity::Email, "kommun@alvstrand.se"),
            (Entity::Email, "Annika.Dahl@socialtjanst.alvstrand.se"),
            (Entity::Url, "https://www.alvstrand.se/socialtjanst"),
            (Entity::Url, "alvstrand.se"),
            (Entity::Bankgiro, "5431-7762"),
        ] {
            assert!(p.own_detail(entity, text).is_some(), "{entity} {text}");
        }
    }

    #[test]
    fn others_identifiers_do_not() {
        let p = profile();
        for (entity, text) in [
            (Entity::Organisationsnummer, "556677-8899"),
            (Entity::Phone, "070-174 06 42"),
            (Entity::Phone, "0611-35 80 00"),
            (Entity::Phone, "0611-34 8"),
            (Entity::Phone, "0611-34 82 17, 070-174 06 42"),
            (Entity::Email, "kommun@alvstrand.se x@gmail.com"),
            (Entity::Email, "kommun@alvstrand.se.evil.com"),
            (Entity::Email, "x@notalvstrand.se"),
            (Entity::Email, "alvstrand.se@gmail.com"),
            (Entity::Url, "www.alvstrand.se.example.com"),
            (Entity::Bankgiro, "5431-7763"),
            (Entity::Personnummer, "212000-2437"),
            (Entity::BankAccount, "5431-7762"),
        ] {
            assert!(p.own_detail(entity, text).is_none(), "{entity} {text}");
        }
    }

    #[test]
    fn staff_names_ignore_case_spacing_and_genitive() {
        let p = profile();
        for name in [
            "Annika Dahl",
            "ANNIKA  DAHL",
            "Annika Dahls",
            "Annika Dahl,",
        ] {
            assert_eq!(p.staff_title(name), Some("socialsekreterare"), "{name}");
        }
        for name in ["Annika", "Dahl", "Annika Dahlberg", "Anna Dahl"] {
            assert_eq!(p.staff_title(name), None, "{name}");
        }
    }

    proptest! {
        /// A number outside the series never matches it, whatever its formatting.
        #[test]
        fn numbers_outside_the_series_never_match(rest in "[0-9]{6}", sep in "[ -]?") {
            let p = profile();
            let text = format!("070{sep}{rest}");
            prop_assert!(p.own_detail(Entity::Phone, &text).is_none());
            let own = format!("0611-34 8{}", &rest[..3]);
            prop_assert!(p.own_detail(Entity::Phone, &own).is_some());
        }

        /// Whatever follows the domain in a foreign address, it is not the authority's.
        #[test]
        fn foreign_domains_never_match(user in "[a-z.]{1,12}", tld in "(com|net|org|nu)") {
            let p = profile();
            let text = format!("{user}@alvstrand.se.{tld}");
            prop_assert!(p.own_detail(Entity::Email, &text).is_none());
        }
    }
}
