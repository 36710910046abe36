//! `AssetRegister`: the register object, one lock around `lantero_core::assets::AssetRegister`.

use std::sync::{Arc, Mutex};

use lantero_core::assets as core_assets;
use lantero_core::risk::Risk;

use super::AssetError;
use super::records::{Asset, AssetFinding, Protection, RiskSummary, parse_date};
use crate::guard::{guard, lock};
use crate::risk::RiskMatrix;

/// An asset register (tillgångsregister) scored on one risk matrix. Safe to share between
/// threads; every call sees the register as a whole.
#[derive(Debug, uniffi::Object)]
pub struct AssetRegister {
    inner: Mutex<core_assets::AssetRegister>,
}

#[uniffi::export]
impl AssetRegister {
    /// An empty register whose risks are scored on `matrix`.
    #[uniffi::constructor]
    pub fn new(matrix: Arc<RiskMatrix>) -> Result<Arc<Self>, AssetError> {
        guard(|| {
            Ok(Self::wrap(core_assets::AssetRegister::new(
                matrix.inner.clone(),
            )))
        })
    }

    /// Reads a register from JSON (schema `lantero.asset-register/v1`); `source_name` names
    /// the input in error messages.
    #[uniffi::constructor]
    pub fn from_json(json: String, source_name: String) -> Result<Arc<Self>, AssetError> {
        guard(|| {
            Ok(Self::wrap(core_assets::AssetRegister::from_json(
                &json,
                &source_name,
            )?))
        })
    }

    /// Reads a register from CSV as `to_csv` writes it (Excel: UTF-8 with BOM, `;`, Swedish
    /// headers); risks are not in the CSV.
    #[uniffi::constructor]
    pub fn from_csv(
        matrix: Arc<RiskMatrix>,
        csv: Vec<u8>,
        source_name: String,
    ) -> Result<Arc<Self>, AssetError> {
        guard(|| {
            let register = core_assets::AssetRegister::read_csv(
                matrix.inner.clone(),
                csv.as_slice(),
                &source_name,
            )?;
            Ok(Self::wrap(register))
        })
    }

    /// Adds an asset; `DuplicateAsset` when the id is taken.
    pub fn add(&self, asset: Asset) -> Result<(), AssetError> {
        guard(|| {
            let asset = core_assets::Asset::try_from(asset)?;
            Ok(self.lock()?.add(asset)?)
        })
    }

    /// Records that `dependent` depends on `dependency`; `DependencyCycle` when that would
    /// close a loop.
    pub fn add_dependency(&self, dependent: String, dependency: String) -> Result<(), AssetError> {
        guard(|| Ok(self.lock()?.add_dependency(&dependent, &dependency)?))
    }

    /// Adds a risk to an asset, checked against the register's matrix.
    pub fn add_risk(&self, asset: String, risk: Risk) -> Result<(), AssetError> {
        guard(|| Ok(self.lock()?.add_risk(&asset, risk)?))
    }

    /// The ids `asset` depends on directly.
    pub fn dependencies(&self, asset: String) -> Result<Vec<String>, AssetError> {
        guard(|| Ok(owned(self.lock()?.dependencies(&asset)?)))
    }

    /// The ids that depend on `asset` directly.
    pub fn dependents(&self, asset: String) -> Result<Vec<String>, AssetError> {
        guard(|| Ok(owned(self.lock()?.dependents(&asset)?)))
    }

    /// Every asset, in the order added.
    pub fn assets(&self) -> Result<Vec<Asset>, AssetError> {
        guard(|| Ok(self.lock()?.assets().iter().map(Asset::from).collect()))
    }

    /// The asset with this id, if any.
    pub fn get(&self, asset: String) -> Result<Option<Asset>, AssetError> {
        guard(|| Ok(self.lock()?.get(&asset).map(Asset::from)))
    }

    /// The number of assets.
    pub fn len(&self) -> Result<u64, AssetError> {
        guard(|| Ok(self.lock()?.len() as u64))
    }

    /// Whether the register holds no asset.
    pub fn is_empty(&self) -> Result<bool, AssetError> {
        guard(|| Ok(self.lock()?.is_empty()))
    }

    /// What is missing from the register as of `today` (`YYYY-MM-DD`).
    pub fn findings(&self, today: String) -> Result<Vec<AssetFinding>, AssetError> {
        guard(|| {
            let today = parse_date("today", &today)?;
            Ok(self
                .lock()?
                .findings(today)
                .into_iter()
                .map(AssetFinding::from)
                .collect())
        })
    }

    /// Every asset's effective protection needs, in asset order.
    pub fn inherited_protection(&self) -> Result<Vec<Protection>, AssetError> {
        guard(|| {
            let register = self.lock()?;
            Ok(register
                .assets()
                .iter()
                .zip(register.inherited_protection())
                .map(|(asset, p)| Protection {
                    asset: asset.id().to_owned(),
                    importance: p.importance,
                    klassa: p.klassa.into(),
                })
                .collect())
        })
    }

    /// The risks of one asset in short.
    pub fn risk_summary(&self, asset: String) -> Result<RiskSummary, AssetError> {
        guard(|| {
            let s = self.lock()?.risk_summary(&asset)?;
            Ok(RiskSummary {
                risks: s.risks as u64,
                highest: s.highest,
                highest_target: s.highest_target,
                level_counts: s.level_counts,
            })
        })
    }

    /// The register's risk matrix.
    pub fn matrix(&self) -> Result<Arc<RiskMatrix>, AssetError> {
        guard(|| {
            Ok(Arc::new(RiskMatrix {
                inner: self.lock()?.matrix().clone(),
            }))
        })
    }

    /// The register as JSON, risks and dependencies included.
    pub fn to_json(&self) -> Result<String, AssetError> {
        guard(|| Ok(self.lock()?.to_json()?))
    }

    /// The register as CSV bytes that Excel opens as they are.
    pub fn to_csv(&self) -> Result<Vec<u8>, AssetError> {
        guard(|| {
            let mut out = Vec::new();
            self.lock()?.write_csv(&mut out)?;
            Ok(out)
        })
    }
}

impl AssetRegister {
    fn wrap(register: core_assets::AssetRegister) -> Arc<Self> {
        Arc::new(Self {
            inner: Mutex::new(register),
        })
    }

    fn lock(&self) -> Result<std::sync::MutexGuard<'_, core_assets::AssetRegister>, AssetError> {
        lock(&self.inner, "asset register")
    }
}

fn owned(ids: Vec<&str>) -> Vec<String> {
    ids.into_iter().map(str::to_owned).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assets::{FindingKind, Klassa};
    use lantero_core::assets::{AssetKind, Importance};

    fn asset(id: &str, kind: AssetKind) -> Asset {
        Asset {
            id: id.into(),
            name: format!("Tillgång {id}"),
            kind,
            owner: None,
            location: String::new(),
            importance: Importance::Medium,
            klassa: Klassa::default(),
            last_reviewed: None,
            review_interval_months: 12,
            risks: Vec::new(),
        }
    }

    fn register() -> Arc<AssetRegister> {
        AssetRegister::new(RiskMatrix::municipal_4x4().unwrap()).unwrap()
    }

    #[test]
    fn a_cycle_is_refused_with_its_path() {
        let r = register();
        for id in ["a", "b", "c"] {
            r.add(asset(id, AssetKind::System)).unwrap();
        }
        r.add_dependency("a".into(), "b".into()).unwrap();
        r.add_dependency("b".into(), "c".into()).unwrap();
        let err = r.add_dependency("c".into(), "a".into()).unwrap_err();
        assert!(
            matches!(&err, AssetError::DependencyCycle(m) if m.contains("c -> a")),
            "{err:?}"
        );
        assert_eq!(r.dependencies("a".into()).unwrap(), ["b"]);
    }

    #[test]
    fn bad_inputs_are_typed() {
        let r = register();
        r.add(asset("a", AssetKind::System)).unwrap();
        assert!(matches!(
            r.add(asset("a", AssetKind::System)),
            Err(AssetError::DuplicateAsset(_))
        ));
        let mut bad = asset("b", AssetKind::System);
        bad.klassa.integrity = 5;
        assert!(matches!(r.add(bad), Err(AssetError::InvalidValue(_))));
        let mut bad = asset("c", AssetKind::System);
        bad.last_reviewed = Some("igår".into());
        assert!(matches!(r.add(bad), Err(AssetError::InvalidValue(m)) if m.contains("igår")));
        assert!(matches!(
            r.findings("2025-13-01".into()),
            Err(AssetError::InvalidValue(_))
        ));
        assert!(matches!(
            r.dependents("x".into()),
            Err(AssetError::UnknownAsset(_))
        ));
    }

    #[test]
    fn csv_and_json_round_trip_and_findings_carry_messages() {
        let r = register();
        let mut a = asset("lon", AssetKind::System);
        a.owner = Some("HR-chef".into());
        a.last_reviewed = Some("2024-03-01".into());
        a.klassa = Klassa {
            confidentiality: 3,
            integrity: 4,
            availability: 2,
        };
        r.add(a.clone()).unwrap();
        r.add(asset("db", AssetKind::Database)).unwrap();
        r.add_dependency("lon".into(), "db".into()).unwrap();
        assert_eq!(r.get("lon".into()).unwrap(), Some(a));

        let from_csv =
            AssetRegister::from_csv(r.matrix().unwrap(), r.to_csv().unwrap(), "t.csv".into())
                .unwrap();
        assert_eq!(from_csv.assets().unwrap(), r.assets().unwrap());
        let from_json = AssetRegister::from_json(r.to_json().unwrap(), "t.json".into()).unwrap();
        assert_eq!(from_json.assets().unwrap(), r.assets().unwrap());

        let protection = r.inherited_protection().unwrap();
        assert_eq!(protection[1].asset, "db");
        assert_eq!(protection[1].klassa.integrity, 4);

        let findings = r.findings("2025-06-01".into()).unwrap();
        let overdue = findings
            .iter()
            .find(|f| f.kind == FindingKind::ReviewOverdue && f.asset.as_deref() == Some("lon"))
            .unwrap();
        assert_eq!(overdue.due.as_deref(), Some("2025-03-01"));
        assert!(
            findings
                .iter()
                .any(|f| f.kind == FindingKind::NoMobilePhones && f.asset.is_none())
        );
        assert!(findings.iter().all(|f| !f.message.is_empty()));
    }
}
