//! Protection needs inherited through dependencies.
//!
//! The rule, for importance and for each KLASSA aspect separately: an asset's effective
//! value is the maximum of its own value and the effective values of every asset that
//! depends on it, transitively. A database that a critical case system depends on is
//! critical; a server that stores information classified 4 for confidentiality needs the
//! protection of level 4. Needs flow from what is supported to what supports it, never the
//! other way: a critical server does not make the systems on it critical.

use serde::{Deserialize, Serialize};

use super::{AssetRegister, Importance, Klassa};

/// An asset's effective protection needs after inheritance.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Protection {
    /// The highest importance of the asset and of everything depending on it.
    pub importance: Importance,
    /// The aspect-wise highest KLASSA levels of the asset and of everything depending on it.
    pub klassa: Klassa,
}

impl Protection {
    fn max(self, other: Self) -> Self {
        Self {
            importance: self.importance.max(other.importance),
            klassa: self.klassa.max(other.klassa),
        }
    }
}

impl AssetRegister {
    /// The effective protection of every asset, by position (see
    /// [`AssetRegister::position`]): for importance and for each KLASSA aspect separately, the
    /// maximum of the asset's own value and the effective values of every asset that depends on
    /// it, transitively. Needs flow from what is supported to what supports it, never back.
    ///
    /// One pass in topological order, dependents before their dependencies, so each asset
    /// has its final value before it is passed on: O(assets + dependencies).
    ///
    /// ```
    /// use lantero_core::assets::{Asset, AssetKind, AssetRegister, Importance, Klassa};
    /// use lantero_core::risk::presets;
    ///
    /// let mut register = AssetRegister::new(presets::municipal_4x4());
    /// let mut cases = Asset::new("akter", "Personakter, socialtjänst", AssetKind::InformationAsset)?;
    /// cases.importance = Importance::Critical;
    /// cases.klassa = Klassa::new(4, 3, 2)?;
    /// register.add(cases)?;
    /// register.add(Asset::new("verksamhetssystem", "Verksamhetssystem", AssetKind::System)?)?;
    /// register.add(Asset::new("server", "Server", AssetKind::Hardware)?)?;
    /// register.add_dependency("akter", "verksamhetssystem")?;
    /// register.add_dependency("verksamhetssystem", "server")?;
    ///
    /// let protection = register.inherited_protection();
    /// let server = register.position("server").map(|i| protection[i]);
    /// assert_eq!(server.map(|p| p.importance), Some(Importance::Critical));
    /// assert_eq!(server.map(|p| p.klassa), Some(Klassa::new(4, 3, 2)?));
    /// # Ok::<(), lantero_core::Error>(())
    /// ```
    pub fn inherited_protection(&self) -> Vec<Protection> {
        let mut effective: Vec<Protection> = self
            .assets
            .iter()
            .map(|asset| Protection {
                importance: asset.importance,
                klassa: asset.klassa,
            })
            .collect();
        // The register never holds a cycle, so every asset is visited; were there one, the
        // assets on or below it would keep their own values rather than fail the call.
        let _ = self.graph.walk_dependents_first(|node, dependencies| {
            let Some(&needs) = effective.get(node) else {
                return;
            };
            for &dependency in dependencies {
                if let Some(target) = effective.get_mut(dependency) {
                    *target = target.max(needs);
                }
            }
        });
        effective
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assets::{Asset, AssetKind};
    use crate::risk::presets;

    fn add(r: &mut AssetRegister, id: &str, importance: Importance, klassa: (u8, u8, u8)) {
        let mut asset = Asset::new(id, id, AssetKind::System).unwrap();
        asset.importance = importance;
        asset.klassa = Klassa::new(klassa.0, klassa.1, klassa.2).unwrap();
        r.add(asset).unwrap();
    }

    #[test]
    fn diamond_takes_the_max_of_both_paths_and_leaves_dependents_alone() {
        // info-a (critical, C4) and info-b (high, A3) both depend on sys; sys on hw.
        let mut r = AssetRegister::new(presets::municipal_4x4());
        add(&mut r, "hw", Importance::Low, (0, 1, 0));
        add(&mut r, "info-a", Importance::Critical, (4, 0, 1));
        add(&mut r, "sys", Importance::Medium, (1, 2, 0));
        add(&mut r, "info-b", Importance::High, (0, 0, 3));
        add(&mut r, "other", Importance::Low, (0, 0, 0));
        r.add_dependencies([("info-a", "sys"), ("info-b", "sys"), ("sys", "hw")])
            .unwrap();
        let p = r.inherited_protection();
        let at = |id: &str| p[r.position(id).unwrap()];
        assert_eq!(at("hw").importance, Importance::Critical);
        assert_eq!(at("hw").klassa, Klassa::new(4, 2, 3).unwrap());
        assert_eq!(at("sys").klassa, Klassa::new(4, 2, 3).unwrap());
        // Upstream assets and unrelated ones keep their own values.
        assert_eq!(at("info-b").importance, Importance::High);
        assert_eq!(at("info-b").klassa, Klassa::new(0, 0, 3).unwrap());
        assert_eq!(at("other").importance, Importance::Low);
    }

    #[test]
    fn long_chains_pass_needs_all_the_way_down() {
        let mut r = AssetRegister::new(presets::municipal_4x4());
        for i in 0..1000 {
            add(&mut r, &format!("n{i}"), Importance::Low, (0, 0, 0));
        }
        let ids: Vec<String> = (0..1000).map(|i| format!("n{i}")).collect();
        // Added from the bottom up, so the order of edges does not match the order of work.
        r.add_dependencies(
            (1..1000)
                .rev()
                .map(|i| (ids[i].as_str(), ids[i - 1].as_str())),
        )
        .unwrap();
        if let Some(top) = r.get_mut("n999") {
            top.importance = Importance::Critical;
            top.klassa = Klassa::new(2, 2, 2).unwrap();
        }
        let p = r.inherited_protection();
        assert!(
            p.iter().all(|x| x.importance == Importance::Critical
                && x.klassa == Klassa::new(2, 2, 2).unwrap())
        );
    }
}
