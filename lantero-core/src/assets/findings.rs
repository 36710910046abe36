//! Completeness findings: what is missing from the register.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{AssetKind, AssetRegister};

/// Something missing from the register that whoever keeps it should fix.
///
/// [`Display`](fmt::Display) gives the Swedish message shown to the user.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "finding", rename_all = "snake_case")]
pub enum Finding {
    /// The asset has no owner (or only a blank one).
    MissingOwner {
        /// The asset id.
        asset: String,
    },
    /// The asset has no recorded risks.
    NotRiskAssessed {
        /// The asset id.
        asset: String,
    },
    /// The asset's review is overdue, or it was never reviewed.
    ReviewOverdue {
        /// The asset id.
        asset: String,
        /// The date the review fell due; `None` when the asset was never reviewed.
        due: Option<NaiveDate>,
    },
    /// No mobile phone is registered at all — phones are the assets most often forgotten.
    NoMobilePhones,
}

impl Finding {
    /// The asset the finding is about; `None` for register-level findings.
    pub fn asset(&self) -> Option<&str> {
        match self {
            Self::MissingOwner { asset }
            | Self::NotRiskAssessed { asset }
            | Self::ReviewOverdue { asset, .. } => Some(asset),
            Self::NoMobilePhones => None,
        }
    }
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::MissingOwner { asset } => write!(f, "Tillgången {asset:?} saknar ägare."),
            Self::NotRiskAssessed { asset } => write!(f, "Tillgången {asset:?} har inte riskbedömts."),
            Self::ReviewOverdue { asset, due: Some(due) } => {
                write!(f, "Granskningen av tillgången {asset:?} skulle ha gjorts senast {due}.")
            }
            Self::ReviewOverdue { asset, due: None } => write!(f, "Tillgången {asset:?} har aldrig granskats."),
            Self::NoMobilePhones => f.write_str(
                "Inga mobiltelefoner är registrerade. Mobiltelefoner glöms ofta bort men är tillgångar som behöver skyddas.",
            ),
        }
    }
}

impl AssetRegister {
    /// What is missing, as of `today`: per asset in register order a missing owner, no
    /// risks, and an overdue or never-done review (overdue when `today` is after the due
    /// date); then, for the register, the absence of mobile phones.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use lantero_core::assets::{Asset, AssetKind, AssetRegister, Finding};
    /// use lantero_core::risk::presets;
    ///
    /// let mut register = AssetRegister::new(presets::municipal_4x4());
    /// register.add(Asset::new("srv", "Filserver", AssetKind::Hardware)?)?;
    /// let today = NaiveDate::from_ymd_opt(2025, 6, 1).unwrap_or_default();
    /// let findings = register.findings(today);
    /// assert_eq!(findings[0], Finding::MissingOwner { asset: "srv".into() });
    /// assert_eq!(findings[0].to_string(), "Tillgången \"srv\" saknar ägare.");
    /// assert_eq!(findings.last(), Some(&Finding::NoMobilePhones));
    /// # Ok::<(), lantero_core::Error>(())
    /// ```
    pub fn findings(&self, today: NaiveDate) -> Vec<Finding> {
        let mut findings = Vec::new();
        for asset in &self.assets {
            let id = || asset.id().to_owned();
            if asset.owner().is_none() {
                findings.push(Finding::MissingOwner { asset: id() });
            }
            if asset.risks.is_empty() {
                findings.push(Finding::NotRiskAssessed { asset: id() });
            }
            match asset.review_due() {
                None => findings.push(Finding::ReviewOverdue {
                    asset: id(),
                    due: None,
                }),
                Some(due) if today > due => findings.push(Finding::ReviewOverdue {
                    asset: id(),
                    due: Some(due),
                }),
                Some(_) => {}
            }
        }
        if !self.assets.iter().any(|a| a.kind == AssetKind::MobilePhone) {
            findings.push(Finding::NoMobilePhones);
        }
        findings
    }
}
