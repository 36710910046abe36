//! The asset register: assets by id, the dependencies between them and the matrix their
//! risks are scored on.

use std::collections::HashMap;

use super::Asset;
use super::dependencies::DependencyGraph;
use crate::risk::{Risk, RiskMatrix};
use crate::{Error, Result};

/// Tillgångsregister: the assets of an organisation, their dependencies and one
/// [`RiskMatrix`] on which every asset's risks are scored.
///
/// Assets keep the order they were added in; that order is used by exports and findings.
/// The dependency graph never has a cycle: adding a dependency that would close one fails.
///
/// ```
/// use lantero_core::assets::{Asset, AssetKind, AssetRegister};
/// use lantero_core::risk::presets;
/// use lantero_core::Error;
///
/// let mut register = AssetRegister::new(presets::municipal_4x4());
/// register.add(Asset::new("ekonomi", "Ekonomisystem", AssetKind::System)?)?;
/// register.add(Asset::new("db-1", "Databasserver", AssetKind::Database)?)?;
/// register.add_dependency("ekonomi", "db-1")?;
/// assert_eq!(register.dependencies("ekonomi")?, ["db-1"]);
///
/// let cycle = register.add_dependency("db-1", "ekonomi").unwrap_err();
/// assert_eq!(cycle, Error::DependencyCycle(vec!["db-1".into(), "ekonomi".into(), "db-1".into()]));
/// # Ok::<(), lantero_core::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct AssetRegister {
    pub(super) matrix: RiskMatrix,
    pub(super) assets: Vec<Asset>,
    index: HashMap<String, usize>,
    pub(super) graph: DependencyGraph,
}

impl AssetRegister {
    /// An empty register whose risks are scored on `matrix`.
    pub fn new(matrix: RiskMatrix) -> Self {
        Self {
            matrix,
            assets: Vec::new(),
            index: HashMap::new(),
            graph: DependencyGraph::default(),
        }
    }

    /// The matrix risks are scored on.
    pub fn matrix(&self) -> &RiskMatrix {
        &self.matrix
    }

    /// The number of assets.
    pub fn len(&self) -> usize {
        self.assets.len()
    }

    /// Whether the register has no assets.
    pub fn is_empty(&self) -> bool {
        self.assets.is_empty()
    }

    /// All assets, in the order they were added.
    pub fn assets(&self) -> &[Asset] {
        &self.assets
    }

    /// The asset with this id.
    pub fn get(&self, id: &str) -> Option<&Asset> {
        self.position(id).and_then(|i| self.assets.get(i))
    }

    /// The asset with this id, to edit. Risks added this way are checked against the matrix
    /// only when they are scored; [`AssetRegister::add_risk`] checks at once.
    pub fn get_mut(&mut self, id: &str) -> Option<&mut Asset> {
        self.position(id).and_then(|i| self.assets.get_mut(i))
    }

    /// The position of the asset in [`AssetRegister::assets`]; per-asset results such as
    /// [`AssetRegister::inherited_protection`] use the same positions.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.index.get(id).copied()
    }

    /// Adds an asset.
    ///
    /// # Errors
    /// [`Error::DuplicateAsset`] if the id is taken, [`Error::InvalidValue`] for an unusable
    /// id or blank name, [`Error::OutOfScale`] if one of its risks is off the matrix.
    pub fn add(&mut self, asset: Asset) -> Result<()> {
        asset.check()?;
        if self.index.contains_key(asset.id()) {
            return Err(Error::DuplicateAsset(asset.id().to_owned()));
        }
        for risk in &asset.risks {
            risk.check(&self.matrix)?;
        }
        self.index.insert(asset.id().to_owned(), self.assets.len());
        self.assets.push(asset);
        self.graph.push_node();
        Ok(())
    }

    /// Adds a risk to an asset after checking it against the matrix.
    ///
    /// # Errors
    /// [`Error::UnknownAsset`] or [`Error::OutOfScale`].
    pub fn add_risk(&mut self, id: &str, risk: Risk) -> Result<()> {
        risk.check(&self.matrix)?;
        let asset = self
            .get_mut(id)
            .ok_or_else(|| Error::UnknownAsset(id.to_owned()))?;
        asset.risks.push(risk);
        Ok(())
    }

    /// Records that `dependent` depends on `dependency`. Adding an existing dependency
    /// again changes nothing.
    ///
    /// # Errors
    /// [`Error::UnknownAsset`] for an id not in the register; [`Error::DependencyCycle`]
    /// with the cycle `dependent -> dependency -> … -> dependent` if the edge would close one
    /// (a self-dependency gives `[dependent, dependent]`).
    pub fn add_dependency(&mut self, dependent: &str, dependency: &str) -> Result<()> {
        let from = self.require(dependent)?;
        let to = self.require(dependency)?;
        self.graph
            .add_checked(from, to)
            .map_err(|cycle| self.cycle_error(&cycle))
    }

    /// Records many dependencies `(dependent, dependency)` at once, checking for cycles
    /// once over the whole graph — use this to load a large register. All or nothing: on
    /// an error no dependency is kept.
    ///
    /// # Errors
    /// As [`AssetRegister::add_dependency`]; the cycle reported is one of those present.
    pub fn add_dependencies<'a>(
        &mut self,
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<()> {
        let edges = pairs
            .into_iter()
            .map(|(dependent, dependency)| {
                Ok((self.require(dependent)?, self.require(dependency)?))
            })
            .collect::<Result<Vec<_>>>()?;
        self.graph
            .add_all(&edges)
            .map_err(|cycle| self.cycle_error(&cycle))
    }

    /// The ids `id` depends on directly, in the order they were added.
    ///
    /// # Errors
    /// [`Error::UnknownAsset`].
    pub fn dependencies(&self, id: &str) -> Result<Vec<&str>> {
        let node = self.require(id)?;
        Ok(self
            .graph
            .depends_on(node)
            .iter()
            .map(|&n| self.id_at(n))
            .collect())
    }

    /// The ids that depend directly on `id`, in register order. Scans all dependencies.
    ///
    /// # Errors
    /// [`Error::UnknownAsset`].
    pub fn dependents(&self, id: &str) -> Result<Vec<&str>> {
        let node = self.require(id)?;
        Ok(self
            .graph
            .dependents_of(node)
            .into_iter()
            .map(|n| self.id_at(n))
            .collect())
    }

    pub(super) fn require(&self, id: &str) -> Result<usize> {
        self.position(id)
            .ok_or_else(|| Error::UnknownAsset(id.to_owned()))
    }

    pub(super) fn id_at(&self, node: usize) -> &str {
        self.assets.get(node).map_or("", Asset::id)
    }

    fn cycle_error(&self, cycle: &[usize]) -> Error {
        Error::DependencyCycle(cycle.iter().map(|&n| self.id_at(n).to_owned()).collect())
    }
}

/// Registers are equal when matrix, assets (in order) and dependencies (in order) are.
impl PartialEq for AssetRegister {
    fn eq(&self, other: &Self) -> bool {
        self.matrix == other.matrix && self.assets == other.assets && self.graph == other.graph
    }
}

impl Eq for AssetRegister {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assets::AssetKind;
    use crate::risk::{Estimate, Treatment, presets};

    fn register(ids: &[&str]) -> AssetRegister {
        let mut r = AssetRegister::new(presets::municipal_4x4());
        for id in ids {
            r.add(Asset::new(*id, format!("Tillgång {id}"), AssetKind::System).unwrap())
                .unwrap();
        }
        r
    }

    #[test]
    fn ids_are_unique() {
        let mut r = register(&["a"]);
        let again = Asset::new("a", "Annan", AssetKind::Hardware).unwrap();
        assert_eq!(r.add(again), Err(Error::DuplicateAsset("a".into())));
        assert_eq!(r.len(), 1);
    }

    #[test]
    fn unknown_ids_are_named() {
        let mut r = register(&["a"]);
        assert_eq!(
            r.add_dependency("a", "x"),
            Err(Error::UnknownAsset("x".into()))
        );
        assert_eq!(
            r.add_dependency("y", "a"),
            Err(Error::UnknownAsset("y".into()))
        );
        assert_eq!(
            r.add_dependencies([("a", "z")]),
            Err(Error::UnknownAsset("z".into()))
        );
        assert_eq!(r.dependencies("q"), Err(Error::UnknownAsset("q".into())));
        let risk = Risk::new(
            "r",
            "o",
            Estimate::new(1, 1),
            Estimate::new(1, 1),
            Treatment::Accept,
        );
        assert_eq!(r.add_risk("q", risk), Err(Error::UnknownAsset("q".into())));
    }

    #[test]
    fn self_dependency_is_a_cycle() {
        let mut r = register(&["a"]);
        assert_eq!(
            r.add_dependency("a", "a"),
            Err(Error::DependencyCycle(vec!["a".into(), "a".into()]))
        );
    }

    #[test]
    fn risks_off_the_matrix_are_refused() {
        let mut r = register(&["a"]);
        let risk = Risk::new(
            "r",
            "o",
            Estimate::new(5, 1),
            Estimate::new(1, 1),
            Treatment::Reduce,
        );
        assert!(matches!(
            r.add_risk("a", risk.clone()),
            Err(Error::OutOfScale { .. })
        ));
        let mut asset = Asset::new("b", "B", AssetKind::Database).unwrap();
        asset.risks.push(risk);
        assert!(matches!(r.add(asset), Err(Error::OutOfScale { .. })));
        assert!(r.get("b").is_none());
    }

    #[test]
    fn dependents_are_listed_in_register_order() {
        let mut r = register(&["srv", "b", "a"]);
        r.add_dependencies([("a", "srv"), ("b", "srv")]).unwrap();
        assert_eq!(r.dependents("srv").unwrap(), ["b", "a"]);
        assert_eq!(r.dependencies("a").unwrap(), ["srv"]);
    }
}
