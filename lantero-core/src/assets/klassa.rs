//! KLASSA information classification (SKR, on MSB's model).

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::{Error, Result};

/// A KLASSA consequence level 0–4 for one aspect of information security.
///
/// ```
/// use lantero_core::assets::KlassaLevel;
///
/// let level = KlassaLevel::new(3)?;
/// assert_eq!(level.label_sv(), "allvarlig");
/// assert!(KlassaLevel::new(5).is_err());
/// # Ok::<(), lantero_core::Error>(())
/// ```
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(try_from = "u8", into = "u8")]
pub struct KlassaLevel(u8);

impl KlassaLevel {
    /// 0 Ingen: no harm.
    pub const NONE: Self = Self(0);
    /// 1 Måttlig: moderate harm.
    pub const MODERATE: Self = Self(1);
    /// 2 Betydande: significant harm.
    pub const SIGNIFICANT: Self = Self(2);
    /// 3 Allvarlig: serious harm.
    pub const SERIOUS: Self = Self(3);
    /// 4 Mycket allvarlig: very serious harm.
    pub const VERY_SERIOUS: Self = Self(4);
    /// The highest level.
    pub const MAX: u8 = 4;

    /// The level with the given number.
    ///
    /// # Errors
    /// [`Error::InvalidValue`] when `level` is above 4.
    pub fn new(level: u8) -> Result<Self> {
        if level <= Self::MAX {
            Ok(Self(level))
        } else {
            Err(Error::InvalidValue {
                field: "KLASSA level",
                value: level.to_string(),
                reason: "must be 0 (ingen) to 4 (mycket allvarlig)".into(),
            })
        }
    }

    /// The number 0–4.
    pub fn value(self) -> u8 {
        self.0
    }

    /// Swedish name: ingen, måttlig, betydande, allvarlig, mycket allvarlig.
    pub fn label_sv(self) -> &'static str {
        match self.0 {
            0 => "ingen",
            1 => "måttlig",
            2 => "betydande",
            3 => "allvarlig",
            _ => "mycket allvarlig",
        }
    }

    /// English name: none, moderate, significant, serious, very serious.
    pub fn label_en(self) -> &'static str {
        match self.0 {
            0 => "none",
            1 => "moderate",
            2 => "significant",
            3 => "serious",
            _ => "very serious",
        }
    }
}

impl TryFrom<u8> for KlassaLevel {
    type Error = Error;

    fn try_from(level: u8) -> Result<Self> {
        Self::new(level)
    }
}

impl From<KlassaLevel> for u8 {
    fn from(level: KlassaLevel) -> Self {
        level.0
    }
}

impl fmt::Display for KlassaLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.0, self.label_sv())
    }
}

/// The protection needs of an asset: KLASSA levels for konfidentialitet, riktighet and
/// tillgänglighet.
///
/// ```
/// use lantero_core::assets::Klassa;
///
/// let a = Klassa::new(3, 1, 0)?;
/// let b = Klassa::new(1, 2, 2)?;
/// assert_eq!(a.max(b), Klassa::new(3, 2, 2)?);
/// # Ok::<(), lantero_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Klassa {
    /// Konfidentialitet: harm if the information reaches the wrong people.
    pub confidentiality: KlassaLevel,
    /// Riktighet: harm if the information is wrong or altered.
    pub integrity: KlassaLevel,
    /// Tillgänglighet: harm if the information or system is unavailable.
    pub availability: KlassaLevel,
}

impl Klassa {
    /// Levels from numbers 0–4 for confidentiality, integrity and availability.
    ///
    /// # Errors
    /// [`Error::InvalidValue`] when a number is above 4.
    pub fn new(confidentiality: u8, integrity: u8, availability: u8) -> Result<Self> {
        Ok(Self {
            confidentiality: KlassaLevel::new(confidentiality)?,
            integrity: KlassaLevel::new(integrity)?,
            availability: KlassaLevel::new(availability)?,
        })
    }

    /// The aspect-wise maximum of two classifications.
    #[must_use]
    pub fn max(self, other: Self) -> Self {
        Self {
            confidentiality: self.confidentiality.max(other.confidentiality),
            integrity: self.integrity.max(other.integrity),
            availability: self.availability.max(other.availability),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_above_four_are_refused_also_in_json() {
        assert!(KlassaLevel::new(4).is_ok());
        assert!(matches!(
            KlassaLevel::new(5),
            Err(Error::InvalidValue {
                field: "KLASSA level",
                ..
            })
        ));
        assert!(serde_json::from_str::<KlassaLevel>("5").is_err());
        assert_eq!(
            serde_json::from_str::<KlassaLevel>("2").ok(),
            Some(KlassaLevel::SIGNIFICANT)
        );
        assert!(Klassa::new(0, 9, 0).is_err());
    }

    #[test]
    fn labels_cover_every_level() {
        let sv: Vec<&str> = (0..=4)
            .filter_map(|l| KlassaLevel::new(l).ok())
            .map(KlassaLevel::label_sv)
            .collect();
        assert_eq!(
            sv,
            [
                "ingen",
                "måttlig",
                "betydande",
                "allvarlig",
                "mycket allvarlig"
            ]
        );
    }
}
