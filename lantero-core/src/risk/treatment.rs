//! How an organisation chooses to handle a risk.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::{Error, Result};

/// Riskbehandling: the four options of ISO/IEC 27005 and the anchor tools.
///
/// ```
/// use lantero_core::risk::Treatment;
///
/// let t: Treatment = "reducera".parse()?;
/// assert_eq!(t, Treatment::Reduce);
/// assert_eq!(t.label_sv(), "reducera");
/// assert_eq!("transfer".parse::<Treatment>()?, Treatment::Transfer);
/// # Ok::<(), lantero_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Treatment {
    /// Reducera: put in place measures that lower probability or consequence.
    Reduce,
    /// Acceptera: keep the risk as it is, as a recorded decision.
    Accept,
    /// Undvika: stop the activity that causes the risk.
    Avoid,
    /// Överföra: move the risk to someone else, e.g. by insurance or contract.
    Transfer,
}

impl Treatment {
    /// All options, in the order above.
    pub const ALL: [Self; 4] = [Self::Reduce, Self::Accept, Self::Avoid, Self::Transfer];

    /// Swedish label: reducera, acceptera, undvika, överföra.
    pub fn label_sv(self) -> &'static str {
        match self {
            Self::Reduce => "reducera",
            Self::Accept => "acceptera",
            Self::Avoid => "undvika",
            Self::Transfer => "överföra",
        }
    }

    /// English label: reduce, accept, avoid, transfer (also the JSON form).
    pub fn label_en(self) -> &'static str {
        match self {
            Self::Reduce => "reduce",
            Self::Accept => "accept",
            Self::Avoid => "avoid",
            Self::Transfer => "transfer",
        }
    }
}

impl fmt::Display for Treatment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label_sv())
    }
}

impl FromStr for Treatment {
    type Err = Error;

    /// Accepts the Swedish or English label in any letter case.
    fn from_str(s: &str) -> Result<Self> {
        let wanted = s.trim().to_lowercase();
        Self::ALL
            .into_iter()
            .find(|t| t.label_sv() == wanted || t.label_en() == wanted)
            .ok_or_else(|| Error::InvalidValue {
                field: "treatment",
                value: s.to_owned(),
                reason: "expected reducera, acceptera, undvika or överföra (or reduce, accept, avoid, transfer)".into(),
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_parse_back_in_both_languages() {
        for t in Treatment::ALL {
            assert_eq!(t.label_sv().parse::<Treatment>(), Ok(t));
            assert_eq!(t.label_en().to_uppercase().parse::<Treatment>(), Ok(t));
        }
        assert!(matches!(
            "minska".parse::<Treatment>(),
            Err(Error::InvalidValue {
                field: "treatment",
                ..
            })
        ));
    }

    #[test]
    fn json_form_is_the_english_label() {
        for t in Treatment::ALL {
            assert_eq!(
                serde_json::to_string(&t).ok(),
                Some(format!("\"{}\"", t.label_en()))
            );
        }
    }
}
