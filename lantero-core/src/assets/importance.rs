//! How much the organisation depends on an asset.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::{Error, Result};

/// Betydelse: how important an asset is to the organisation, lowest first; ordered so that
/// `max` gives the more important.
///
/// ```
/// use lantero_core::assets::Importance;
///
/// assert!(Importance::Critical > Importance::High);
/// assert_eq!("kritisk".parse::<Importance>()?, Importance::Critical);
/// assert_eq!("2".parse::<Importance>()?, Importance::Medium);
/// assert_eq!(Importance::Low.label_sv(), "låg");
/// # Ok::<(), lantero_core::Error>(())
/// ```
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Importance {
    /// Låg (ordinal 1).
    Low,
    /// Medel (ordinal 2); the default for a newly registered asset.
    #[default]
    Medium,
    /// Hög (ordinal 3).
    High,
    /// Kritisk (ordinal 4): the organisation cannot do its job without it.
    Critical,
}

impl Importance {
    /// All levels, lowest first.
    pub const ALL: [Self; 4] = [Self::Low, Self::Medium, Self::High, Self::Critical];

    /// Swedish label: låg, medel, hög, kritisk.
    pub fn label_sv(self) -> &'static str {
        match self {
            Self::Low => "låg",
            Self::Medium => "medel",
            Self::High => "hög",
            Self::Critical => "kritisk",
        }
    }

    /// English key: low, medium, high, critical.
    pub fn key(self) -> &'static str {
        match self {
            Self::Low => "low",
            Self::Medium => "medium",
            Self::High => "high",
            Self::Critical => "critical",
        }
    }

    /// The ordinal 1 (low) to 4 (critical).
    pub fn ordinal(self) -> u8 {
        self as u8 + 1
    }
}

impl fmt::Display for Importance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label_sv())
    }
}

impl FromStr for Importance {
    type Err = Error;

    /// Accepts the Swedish label, the English key or the ordinal 1–4.
    fn from_str(s: &str) -> Result<Self> {
        let wanted = s.trim().to_lowercase();
        Self::ALL
            .into_iter()
            .find(|i| {
                i.label_sv() == wanted || i.key() == wanted || i.ordinal().to_string() == wanted
            })
            .ok_or_else(|| Error::InvalidValue {
                field: "importance",
                value: s.to_owned(),
                reason: "expected låg, medel, hög or kritisk (or 1–4)".into(),
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_form_parses_back() {
        for i in Importance::ALL {
            for form in [
                i.label_sv().to_owned(),
                i.key().to_uppercase(),
                i.ordinal().to_string(),
            ] {
                assert_eq!(form.parse::<Importance>(), Ok(i), "{form}");
            }
        }
        for bad in ["0", "5", "viktig"] {
            assert!(bad.parse::<Importance>().is_err(), "{bad}");
        }
    }
}
