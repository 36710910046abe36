//! Assets, KLASSA levels, findings and protection needs as the bindings see them; dates are
//! `YYYY-MM-DD` strings.

use chrono::NaiveDate;
use lantero_core::assets::{self as core_assets, AssetKind, Importance, KlassaLevel};
use lantero_core::risk::{Risk, RiskScore};

use super::AssetError;

/// What sort of asset it is.
#[uniffi::remote(Enum)]
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
    /// Tjänst: a service, often bought.
    Service,
    /// Lokal: premises, e.g. a server room.
    Premises,
}

/// How much the organisation depends on an asset.
#[uniffi::remote(Enum)]
pub enum Importance {
    /// Låg.
    Low,
    /// Medel, the default.
    Medium,
    /// Hög.
    High,
    /// Kritisk: the organisation cannot do its job without it.
    Critical,
}

/// KLASSA protection needs, each 0 (none) to 4 (very serious).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, uniffi::Record)]
pub struct Klassa {
    /// Konfidentialitet.
    pub confidentiality: u8,
    /// Riktighet.
    pub integrity: u8,
    /// Tillgänglighet.
    pub availability: u8,
}

impl From<core_assets::Klassa> for Klassa {
    fn from(k: core_assets::Klassa) -> Self {
        Self {
            confidentiality: KlassaLevel::value(k.confidentiality),
            integrity: k.integrity.value(),
            availability: k.availability.value(),
        }
    }
}

/// One asset as the register holds it.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Asset {
    /// Unique id in the register (no `,` or `;`, not blank).
    pub id: String,
    /// Name shown to people.
    pub name: String,
    /// What sort of asset it is.
    pub kind: AssetKind,
    /// Ägare; `None` is a completeness finding.
    pub owner: Option<String>,
    /// Placering, physical or logical.
    pub location: String,
    /// How much the organisation depends on it.
    pub importance: Importance,
    /// Its own KLASSA levels, before inheritance.
    pub klassa: Klassa,
    /// Date of the last review, `YYYY-MM-DD`.
    pub last_reviewed: Option<String>,
    /// Months between reviews (12 unless set).
    pub review_interval_months: u32,
    /// Risks identified for the asset.
    pub risks: Vec<Risk>,
}

impl From<&core_assets::Asset> for Asset {
    fn from(a: &core_assets::Asset) -> Self {
        Self {
            id: a.id().to_owned(),
            name: a.name.clone(),
            kind: a.kind,
            owner: a.owner.clone(),
            location: a.location.clone(),
            importance: a.importance,
            klassa: a.klassa.into(),
            last_reviewed: a.last_reviewed.map(|d| d.to_string()),
            review_interval_months: a.review_interval_months,
            risks: a.risks.clone(),
        }
    }
}

impl TryFrom<Asset> for core_assets::Asset {
    type Error = AssetError;
    fn try_from(a: Asset) -> Result<Self, AssetError> {
        let mut asset = core_assets::Asset::new(a.id, a.name, a.kind)?;
        asset.owner = a.owner;
        asset.location = a.location;
        asset.importance = a.importance;
        let k = a.klassa;
        asset.klassa = core_assets::Klassa::new(k.confidentiality, k.integrity, k.availability)?;
        asset.last_reviewed = a
            .last_reviewed
            .map(|d| parse_date("last_reviewed", &d))
            .transpose()?;
        asset.review_interval_months = a.review_interval_months;
        asset.risks = a.risks;
        Ok(asset)
    }
}

/// What kind of gap a completeness finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum FindingKind {
    /// The asset has no owner.
    MissingOwner,
    /// The asset has no recorded risks.
    NotRiskAssessed,
    /// The asset's review is overdue, or it was never reviewed.
    ReviewOverdue,
    /// No mobile phone is registered at all.
    NoMobilePhones,
}

/// Something missing from the register that whoever keeps it should fix.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct AssetFinding {
    /// What kind of gap.
    pub kind: FindingKind,
    /// The asset concerned; `None` for register-level findings.
    pub asset: Option<String>,
    /// When an overdue review fell due, `YYYY-MM-DD`; `None` when never reviewed.
    pub due: Option<String>,
    /// The Swedish message shown to the user.
    pub message: String,
}

impl From<core_assets::Finding> for AssetFinding {
    fn from(f: core_assets::Finding) -> Self {
        use core_assets::Finding as F;
        let (kind, due) = match &f {
            F::MissingOwner { .. } => (FindingKind::MissingOwner, None),
            F::NotRiskAssessed { .. } => (FindingKind::NotRiskAssessed, None),
            F::ReviewOverdue { due, .. } => {
                (FindingKind::ReviewOverdue, due.map(|d| d.to_string()))
            }
            F::NoMobilePhones => (FindingKind::NoMobilePhones, None),
        };
        Self {
            kind,
            asset: f.asset().map(str::to_owned),
            due,
            message: f.to_string(),
        }
    }
}

/// An asset's effective protection needs: its own, raised by everything that depends on it.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Protection {
    /// The asset.
    pub asset: String,
    /// Effective importance.
    pub importance: Importance,
    /// Effective KLASSA levels.
    pub klassa: Klassa,
}

/// The risks of one asset in short.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct RiskSummary {
    /// How many risks.
    pub risks: u64,
    /// The highest-priority current score.
    pub highest: Option<RiskScore>,
    /// The highest-priority target score.
    pub highest_target: Option<RiskScore>,
    /// Number of risks per level ordinal (current estimate).
    pub level_counts: Vec<u64>,
}

/// Reads a `YYYY-MM-DD` date given for `field`.
pub(crate) fn parse_date(field: &str, value: &str) -> Result<NaiveDate, AssetError> {
    value.parse().map_err(|_| {
        AssetError::InvalidValue(format!(
            "invalid {field} {value:?}: expected a date YYYY-MM-DD"
        ))
    })
}
