//! `--profile FILE.toml`, `--allow TEXT`, `--deny TEXT`, `--mask-officials`: what is public and
//! what is always masked.

use std::path::PathBuf;

use clap::Args;
use lantero_redact::profile::OrganisationProfile;
use lantero_redact::resolve::PublicRules;

use crate::failure::Failure;

/// What is public, shared by `detect`, `review` and `redact`.
#[derive(Debug, Args)]
pub struct PublicArgs {
    /// Organisation profile (TOML, see examples/profile/): the authority's own names, numbers,
    /// addresses, mail domains, web sites, bodies and officials are released by default.
    #[arg(long, value_name = "FILE.toml")]
    profile: Option<PathBuf>,
    /// Always release this string (repeatable; case is ignored).
    #[arg(long, value_name = "TEXT")]
    allow: Vec<String>,
    /// Always mask this string, wherever it occurs (repeatable; case is ignored).
    #[arg(long, value_name = "TEXT")]
    deny: Vec<String>,
    /// Propose officials named in their role (handläggare, ordförande, …) for masking like
    /// anyone else, instead of releasing them.
    #[arg(long)]
    mask_officials: bool,
}

impl PublicArgs {
    /// Whether any of these flags was given.
    pub fn given(&self) -> bool {
        self.profile.is_some()
            || !self.allow.is_empty()
            || !self.deny.is_empty()
            || self.mask_officials
    }

    /// The rules these flags ask for; a profile that cannot be read is bad input naming it.
    pub fn rules(&self) -> Result<PublicRules, Failure> {
        let mut rules = PublicRules::new()
            .with_officials(!self.mask_officials)
            .allow(self.allow.iter().cloned())
            .deny(self.deny.iter().cloned());
        if let Some(path) = &self.profile {
            rules = rules.with_profile(OrganisationProfile::from_path(path)?);
        }
        Ok(rules)
    }
}
