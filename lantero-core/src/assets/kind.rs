//! What sort of thing an asset is.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::{Error, Result};

/// Tillgångstyp: the kinds of asset a cyber-hygiene register tracks.
///
/// Mobile phones are a kind of their own because they are the assets most often forgotten.
///
/// ```
/// use lantero_core::assets::AssetKind;
///
/// assert_eq!("mobiltelefon".parse::<AssetKind>()?, AssetKind::MobilePhone);
/// assert_eq!("Mobile phone".parse::<AssetKind>()?, AssetKind::MobilePhone);
/// assert_eq!(AssetKind::Premises.label_sv(), "lokal");
/// assert!("skrivare".parse::<AssetKind>().is_err());
/// # Ok::<(), lantero_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AssetKind {
    /// Hårdvara: servers, laptops, network equipment.
    Hardware,
    /// Mobiltelefon.
    MobilePhone,
    /// Databas.
    Database,
    /// System: an application or IT system.
    System,
    /// Informationstillgång: information as such, e.g. a case file or a register.
    InformationAsset,
    /// Tjänst: a service, often bought, e.g. e-mail or hosting.
    Service,
    /// Lokal: premises, e.g. a server room.
    Premises,
}

impl AssetKind {
    /// All kinds, in the order above.
    pub const ALL: [Self; 7] = [
        Self::Hardware,
        Self::MobilePhone,
        Self::Database,
        Self::System,
        Self::InformationAsset,
        Self::Service,
        Self::Premises,
    ];

    /// Swedish label, as written in the CSV: hårdvara, mobiltelefon, databas, system,
    /// informationstillgång, tjänst, lokal.
    pub fn label_sv(self) -> &'static str {
        match self {
            Self::Hardware => "hårdvara",
            Self::MobilePhone => "mobiltelefon",
            Self::Database => "databas",
            Self::System => "system",
            Self::InformationAsset => "informationstillgång",
            Self::Service => "tjänst",
            Self::Premises => "lokal",
        }
    }

    /// English key, as written in JSON: hardware, mobile_phone, database, system,
    /// information_asset, service, premises.
    pub fn key(self) -> &'static str {
        match self {
            Self::Hardware => "hardware",
            Self::MobilePhone => "mobile_phone",
            Self::Database => "database",
            Self::System => "system",
            Self::InformationAsset => "information_asset",
            Self::Service => "service",
            Self::Premises => "premises",
        }
    }
}

impl fmt::Display for AssetKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label_sv())
    }
}

impl FromStr for AssetKind {
    type Err = Error;

    /// Accepts the Swedish label or the English key (`_` or space), in any letter case.
    fn from_str(s: &str) -> Result<Self> {
        let wanted = s.trim().to_lowercase().replace(' ', "_");
        Self::ALL
            .into_iter()
            .find(|kind| kind.label_sv() == wanted || kind.key() == wanted)
            .ok_or_else(|| Error::InvalidValue {
                field: "asset kind",
                value: s.to_owned(),
                reason: "expected one of hårdvara, mobiltelefon, databas, system, informationstillgång, tjänst, lokal"
                    .into(),
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_and_keys_parse_back() {
        for kind in AssetKind::ALL {
            assert_eq!(
                kind.label_sv().to_uppercase().parse::<AssetKind>(),
                Ok(kind)
            );
            assert_eq!(kind.key().parse::<AssetKind>(), Ok(kind));
            assert_eq!(
                serde_json::to_string(&kind).ok(),
                Some(format!("\"{}\"", kind.key()))
            );
        }
        assert!(matches!(
            "".parse::<AssetKind>(),
            Err(Error::InvalidValue {
                field: "asset kind",
                ..
            })
        ));
    }
}
