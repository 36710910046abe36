//! Reading a profile from TOML: unknown keys and bad values are errors that name the file and
//! the line, so a typo does not silently release nothing (or the wrong thing).

use serde::Deserialize;
use toml::Spanned;

use super::{OrganisationProfile, StaffMember};
use crate::{Error, Result};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    organisation: Organisation,
    #[serde(default)]
    staff: Vec<Staff>,
    #[serde(default)]
    lists: Lists,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Organisation {
    name: Spanned<String>,
    #[serde(default)]
    other_names: Vec<Spanned<String>>,
    organisation_number: Option<Spanned<String>>,
    #[serde(default)]
    addresses: Vec<Spanned<String>>,
    #[serde(default)]
    phones: Vec<Spanned<String>>,
    #[serde(default)]
    phone_series: Vec<Spanned<String>>,
    #[serde(default)]
    mail_domains: Vec<Spanned<String>>,
    #[serde(default)]
    web: Vec<Spanned<String>>,
    #[serde(default)]
    bankgiro: Vec<Spanned<String>>,
    #[serde(default)]
    plusgiro: Vec<Spanned<String>>,
    #[serde(default)]
    bodies: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Staff {
    name: Spanned<String>,
    #[serde(default)]
    title: String,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Lists {
    #[serde(default)]
    allow: Vec<Spanned<String>>,
    #[serde(default)]
    deny: Vec<Spanned<String>>,
}

/// Parses and checks a profile; see [`OrganisationProfile::from_toml_str`].
pub(super) fn from_toml_str(text: &str, source: &str) -> Result<OrganisationProfile> {
    let fail = |at: Option<usize>, reason: String| Error::Profile {
        source_name: source.to_owned(),
        line: at.map(|offset| line_of(text, offset)),
        reason,
    };
    let file: File = toml::from_str(text).map_err(|err| {
        let reason = err.message().trim().replace('\n', "; ");
        fail(err.span().map(|s| s.start), reason)
    })?;
    let org = file.organisation;
    let check =
        |values: &[Spanned<String>], what: &str, min_digits: usize| -> Result<Vec<String>> {
            values
            .iter()
            .map(|v| {
                let value = v.get_ref().trim();
                if value.is_empty() {
                    return Err(fail(Some(v.span().start), format!("{what}: empty value")));
                }
                let digits = value.chars().filter(char::is_ascii_digit).count();
                if digits < min_digits {
                    return Err(fail(
                        Some(v.span().start),
                        format!(
                            "{what}: {value:?} has {digits} digits, at least {min_digits} expected"
                        ),
                    ));
                }
                Ok(value.to_owned())
            })
            .collect()
        };
    let name = check(std::slice::from_ref(&org.name), "organisation.name", 0)?.remove(0);
    let organisation_number = match &org.organisation_number {
        Some(v) if !lantero_core::identifiers::is_valid_organisationsnummer(v.get_ref()) => {
            return Err(fail(
                Some(v.span().start),
                format!(
                    "organisation.organisation_number: {:?} is not a valid organisationsnummer",
                    v.get_ref()
                ),
            ));
        }
        Some(v) => Some(v.get_ref().trim().to_owned()),
        None => None,
    };
    let mail_domains = check(&org.mail_domains, "organisation.mail_domains", 0)?;
    if let Some((v, _)) = org
        .mail_domains
        .iter()
        .zip(&mail_domains)
        .find(|(_, d)| !d.contains('.') || d.contains('@') || d.contains(char::is_whitespace))
    {
        return Err(fail(
            Some(v.span().start),
            format!(
                "organisation.mail_domains: {:?} is not a domain (write \"alvstrand.se\", not an address)",
                v.get_ref()
            ),
        ));
    }
    let staff = file
        .staff
        .iter()
        .map(|s| {
            let name = s.name.get_ref().trim();
            if name.split_whitespace().count() < 2 {
                return Err(fail(
                    Some(s.name.span().start),
                    format!("staff.name: {name:?}: give first name and surname"),
                ));
            }
            Ok(StaffMember {
                name: name.to_owned(),
                title: s.title.trim().to_owned(),
            })
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(OrganisationProfile {
        name,
        other_names: check(&org.other_names, "organisation.other_names", 0)?,
        organisation_number,
        addresses: check(&org.addresses, "organisation.addresses", 0)?,
        phones: check(&org.phones, "organisation.phones", 6)?,
        // A series shorter than an area code and a few digits would take in private numbers.
        phone_series: check(&org.phone_series, "organisation.phone_series", 5)?,
        mail_domains: mail_domains.iter().map(|d| d.to_lowercase()).collect(),
        web: check(&org.web, "organisation.web", 0)?,
        bankgiro: check(&org.bankgiro, "organisation.bankgiro", 7)?,
        plusgiro: check(&org.plusgiro, "organisation.plusgiro", 2)?,
        bodies: check(&org.bodies, "organisation.bodies", 0)?,
        staff,
        allow: check(&file.lists.allow, "lists.allow", 0)?,
        deny: check(&file.lists.deny, "lists.deny", 0)?,
    })
}

/// The 1-based line of a byte offset.
fn line_of(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    text.as_bytes()[..end]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(text: &str) -> String {
        from_toml_str(text, "p.toml").unwrap_err().to_string()
    }

    #[test]
    fn a_minimal_profile_is_just_a_name() {
        let p = from_toml_str("[organisation]\nname = \"Lillby kommun\"\n", "p.toml").unwrap();
        assert_eq!(p.name, "Lillby kommun");
        assert!(p.staff.is_empty() && p.allow.is_empty());
    }

    #[test]
    fn errors_name_the_file_and_line() {
        let err = error("[organisation]\nname = \"X kommun\"\nphone = [\"0611\"]\n");
        assert!(err.starts_with("p.toml:3: "), "{err}");
        assert!(err.contains("phone"), "{err}");
        let err = error("[organisation]\nname = \"X\"\norganisation_number = \"212000-2438\"\n");
        assert!(err.starts_with("p.toml:3: "), "{err}");
        assert!(err.contains("not a valid organisationsnummer"), "{err}");
        let err = error("[organisation]\nname = \"X\"\nphone_series = [\"06\"]\n");
        assert!(
            err.starts_with("p.toml:3: ") && err.contains("2 digits"),
            "{err}"
        );
        let err = error("[organisation]\nname = \"X\"\nmail_domains = [\"a@x.se\"]\n");
        assert!(err.contains("not a domain"), "{err}");
        let err = error("[organisation]\nname = \"X\"\n\n[[staff]]\nname = \"Annika\"\n");
        assert!(err.starts_with("p.toml:5: "), "{err}");
        let err = error("name = \"X\"\n");
        assert!(err.starts_with("p.toml"), "{err}");
        let err = error("[organisation\n");
        assert!(err.starts_with("p.toml:1: "), "{err}");
    }

    #[test]
    fn error_messages_are_one_line() {
        for bad in ["[organisation\n", "[organisation]\nname = 3\n", "x = [\n"] {
            assert!(!error(bad).contains('\n'), "{}", error(bad));
        }
    }

    #[test]
    fn the_shipped_examples_parse() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/profile");
        for name in ["alvstrand.toml", "lillby.toml"] {
            let p = OrganisationProfile::from_path(format!("{dir}/{name}")).unwrap();
            assert!(
                p.organisation_number.is_some() && !p.mail_domains.is_empty(),
                "{name}"
            );
        }
    }
}
