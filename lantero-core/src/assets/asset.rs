//! One asset in the register.

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::{AssetKind, Importance, Klassa};
use crate::risk::Risk;
use crate::{Error, Result};

/// Review interval used when none is given: once a year.
pub const DEFAULT_REVIEW_INTERVAL_MONTHS: u32 = 12;

/// Tillgång: something the organisation needs protected — hardware, a phone, a database, a
/// system, information, a service or premises.
///
/// The id is fixed once the asset exists (the register indexes by it); every other field
/// may be edited in place.
///
/// ```
/// use lantero_core::assets::{Asset, AssetKind, Importance, Klassa};
///
/// let mut phone = Asset::new("mob-17", "Mobiltelefon, socialjouren", AssetKind::MobilePhone)?;
/// phone.owner = Some("Enhetschef socialjouren".into());
/// phone.importance = Importance::High;
/// phone.klassa = Klassa::new(3, 2, 3)?;
/// assert_eq!(phone.id(), "mob-17");
/// assert!(Asset::new("a,b", "Ogiltigt id", AssetKind::System).is_err());
/// # Ok::<(), lantero_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Asset {
    id: String,
    /// Name shown to people.
    pub name: String,
    /// What sort of asset it is.
    pub kind: AssetKind,
    /// Ägare: the person or role responsible; `None` (or blank) is a completeness finding.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// Placering: where it is, physically or logically.
    #[serde(default)]
    pub location: String,
    /// How much the organisation depends on it.
    #[serde(default)]
    pub importance: Importance,
    /// Its own KLASSA protection needs, before inheritance.
    #[serde(default)]
    pub klassa: Klassa,
    /// Date of the last review, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_reviewed: Option<NaiveDate>,
    /// Months between reviews.
    #[serde(default = "default_interval")]
    pub review_interval_months: u32,
    /// Risks identified for this asset, scored on the register's matrix.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub risks: Vec<Risk>,
}

fn default_interval() -> u32 {
    DEFAULT_REVIEW_INTERVAL_MONTHS
}

impl Asset {
    /// A new asset with medium importance, KLASSA 0/0/0, no owner, never reviewed, a yearly
    /// review interval and no risks.
    ///
    /// # Errors
    /// [`Error::InvalidValue`] when the id is not usable (see [`check_id`]) or the name is
    /// blank.
    pub fn new(id: impl Into<String>, name: impl Into<String>, kind: AssetKind) -> Result<Self> {
        let asset = Self {
            id: id.into(),
            name: name.into(),
            kind,
            owner: None,
            location: String::new(),
            importance: Importance::default(),
            klassa: Klassa::default(),
            last_reviewed: None,
            review_interval_months: DEFAULT_REVIEW_INTERVAL_MONTHS,
            risks: Vec::new(),
        };
        asset.check()?;
        Ok(asset)
    }

    /// The asset's id, unique in its register.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The owner, unless missing or blank.
    pub fn owner(&self) -> Option<&str> {
        self.owner.as_deref().filter(|o| !o.trim().is_empty())
    }

    /// The date the next review is due: last review plus the interval. `None` when the asset
    /// was never reviewed; the far future if the sum leaves the calendar.
    pub fn review_due(&self) -> Option<NaiveDate> {
        let last = self.last_reviewed?;
        Some(
            last.checked_add_months(Months::new(self.review_interval_months))
                .unwrap_or(NaiveDate::MAX),
        )
    }

    /// Checks the id and name; the register calls this for every asset it takes in.
    pub(crate) fn check(&self) -> Result<()> {
        check_id(&self.id)?;
        if self.name.trim().is_empty() {
            return Err(Error::InvalidValue {
                field: "asset name",
                value: self.name.clone(),
                reason: format!("asset {:?} needs a name", self.id),
            });
        }
        Ok(())
    }
}

/// Checks that `id` can identify an asset: not blank, no surrounding whitespace, no control
/// characters, and no `,` — the CSV lists dependencies as comma-separated ids.
///
/// # Errors
/// [`Error::InvalidValue`] naming the problem.
pub fn check_id(id: &str) -> Result<()> {
    let problem = if id.trim().is_empty() {
        "is empty"
    } else if id.trim() != id {
        "has leading or trailing whitespace"
    } else if id.contains(',') {
        "contains ',', which separates ids in the dependency column"
    } else if id.chars().any(char::is_control) {
        "contains a control character"
    } else {
        return Ok(());
    };
    Err(Error::InvalidValue {
        field: "asset id",
        value: id.to_owned(),
        reason: problem.to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unusable_ids_are_refused_with_a_reason() {
        for (id, reason) in [
            ("", "empty"),
            (" a", "whitespace"),
            ("a,b", "','"),
            ("a\nb", "control"),
        ] {
            let err = Asset::new(id, "Namn", AssetKind::System).unwrap_err();
            assert!(
                matches!(&err, Error::InvalidValue { field: "asset id", reason: r, .. } if r.contains(reason)),
                "{id:?}: {err}"
            );
        }
        assert!(Asset::new("srv-01;a \"b\"", "Namn", AssetKind::Hardware).is_ok());
        assert!(Asset::new("x", " ", AssetKind::Hardware).is_err());
    }

    #[test]
    fn review_is_due_interval_months_after_the_last() {
        let mut asset = Asset::new("a", "A", AssetKind::Database).unwrap();
        assert_eq!(asset.review_due(), None);
        asset.last_reviewed = NaiveDate::from_ymd_opt(2024, 1, 31);
        asset.review_interval_months = 1;
        // chrono clamps to the month's last day.
        assert_eq!(asset.review_due(), NaiveDate::from_ymd_opt(2024, 2, 29));
        asset.review_interval_months = u32::MAX;
        assert_eq!(asset.review_due(), Some(NaiveDate::MAX));
    }

    #[test]
    fn blank_owner_counts_as_missing() {
        let mut asset = Asset::new("a", "A", AssetKind::Service).unwrap();
        asset.owner = Some("  ".into());
        assert_eq!(asset.owner(), None);
        asset.owner = Some("Kommunchef".into());
        assert_eq!(asset.owner(), Some("Kommunchef"));
    }
}
