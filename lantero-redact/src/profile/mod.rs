//! The organisation profile: who is speaking in the documents an authority releases.
//!
//! An authority's own details — its names, organisationsnummer, postal and visiting addresses,
//! switchboard and number series, mail domains, web sites, giro numbers, public bodies
//! (nämnder, förvaltningar, enheter) and, optionally, officials by name and title — are public.
//! A profile lists them once, in TOML, so that the resolver releases them by default instead
//! of proposing the letterhead and the footer of every page for masking
//! ([`crate::resolve::PublicRules`]).
//!
//! ```
//! use lantero_redact::detect::Entity;
//! use lantero_redact::profile::OrganisationProfile;
//!
//! let profile = OrganisationProfile::from_toml_str(r#"
//!     [organisation]
//!     name = "Älvstrands kommun"
//!     organisation_number = "212000-2437"
//!     phone_series = ["0611-34 8"]
//!     mail_domains = ["alvstrand.se"]
//!
//!     [[staff]]
//!     name = "Annika Dahl"
//!     title = "socialsekreterare"
//! "#, "alvstrand.toml")?;
//! assert!(profile.own_detail(Entity::Organisationsnummer, "212000-2437").is_some());
//! assert!(profile.own_detail(Entity::Phone, "0611-34 82 17").is_some());
//! assert!(profile.own_detail(Entity::Email, "annika.dahl@alvstrand.se").is_some());
//! assert!(profile.own_detail(Entity::Email, "annika.dahl@gmail.com").is_none());
//! assert_eq!(profile.staff_title("ANNIKA DAHL"), Some("socialsekreterare"));
//! # Ok::<(), lantero_redact::Error>(())
//! ```
//!
//! The file format, with every key optional except `organisation.name`:
//!
//! ```toml
//! [organisation]
//! name = "Älvstrands kommun"
//! other_names = ["Älvstrand kommun"]
//! organisation_number = "212000-2437"
//! addresses = ["Box 104, 861 22 Älvstrand", "Rådhustorget 1"]
//! phones = ["0611-34 80 00"]        # switchboard and other published numbers
//! phone_series = ["0611-34 8"]      # every number starting so is the authority's
//! mail_domains = ["alvstrand.se"]   # every address at these domains is a work address
//! web = ["www.alvstrand.se"]
//! bankgiro = ["5431-7762"]
//! plusgiro = []
//! bodies = ["Socialnämnden", "Socialförvaltningen"]
//!
//! [[staff]]                         # officials released wherever their full name stands
//! name = "Annika Dahl"
//! title = "socialsekreterare"
//!
//! [lists]
//! allow = ["Nordbil AB"]            # always released
//! deny = ["Tallbacken"]             # always masked, wherever it occurs
//! ```

mod matching;
mod parse;

pub(crate) use matching::name_key;

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::{Error, Result};

/// An authority's own, public details, read from a TOML profile.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganisationProfile {
    /// The authority's name, e.g. "Älvstrands kommun".
    pub name: String,
    /// Other names and spellings it goes by.
    pub other_names: Vec<String>,
    /// Its organisationsnummer.
    pub organisation_number: Option<String>,
    /// Postal and visiting addresses ("Box 104, 861 22 Älvstrand").
    pub addresses: Vec<String>,
    /// Published telephone numbers (switchboard, reception).
    pub phones: Vec<String>,
    /// Number series: every number whose digits start with one of these is the authority's.
    pub phone_series: Vec<String>,
    /// Mail domains: every e-mail address at one of these (or a subdomain) is a work address.
    pub mail_domains: Vec<String>,
    /// Web sites.
    pub web: Vec<String>,
    /// Bankgiro numbers.
    pub bankgiro: Vec<String>,
    /// Plusgiro numbers.
    pub plusgiro: Vec<String>,
    /// Public bodies: nämnder, förvaltningar, enheter, bolag.
    pub bodies: Vec<String>,
    /// Officials by name and title.
    pub staff: Vec<StaffMember>,
    /// Strings always released.
    pub allow: Vec<String>,
    /// Strings always masked, wherever they occur.
    pub deny: Vec<String>,
}

/// An official listed in a profile: released wherever the full name stands, as an official in
/// role. List those who act for the authority in its documents (handläggare, chefs, nämndens
/// sekreterare), not every employee: an HR case about an employee is about a private matter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffMember {
    /// Full name, "Annika Dahl".
    pub name: String,
    /// Title, "socialsekreterare".
    #[serde(default)]
    pub title: String,
}

impl OrganisationProfile {
    /// Reads a profile from TOML text; `source` names the file in errors, which also give the
    /// line (`alvstrand.toml:7: …`).
    pub fn from_toml_str(text: &str, source: &str) -> Result<Self> {
        parse::from_toml_str(text, source)
    }

    /// Reads a profile from a TOML file.
    pub fn from_path(path: impl AsRef<Path>) -> Result<Self> {
        let path = path.as_ref();
        let source = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|err| Error::Profile {
            source_name: source.clone(),
            line: None,
            reason: err.to_string(),
        })?;
        Self::from_toml_str(&text, &source)
    }

    /// Every name of the authority: its name, then the other names.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.other_names.iter().map(String::as_str))
    }

    /// The phrases of the profile that stand as text in documents, each with what it is:
    /// names, public bodies, addresses and web sites. A finding lying wholly inside one of
    /// them is the authority's own detail.
    pub fn phrases(&self) -> Vec<(&str, &'static str)> {
        let mut out: Vec<(&str, &'static str)> = self.names().map(|n| (n, "namn")).collect();
        out.extend(self.bodies.iter().map(|b| (b.as_str(), "organ")));
        out.extend(self.addresses.iter().map(|a| (a.as_str(), "adress")));
        out.extend(self.web.iter().map(|w| (w.as_str(), "webbplats")));
        out.retain(|(text, _)| !text.trim().is_empty());
        out
    }
}
