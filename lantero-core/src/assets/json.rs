//! The whole register as JSON: matrix, assets with their risks, and dependencies.

use std::io::{Read, Write};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{Asset, AssetRegister};
use crate::risk::RiskMatrix;
use crate::{Error, Result};

/// The `schema` string of an asset register in JSON.
pub const REGISTER_SCHEMA: &str = "lantero.asset-register/v1";

/// The JSON shape, borrowed for writing. Each asset carries its own dependency ids so that
/// the file reads one asset at a time.
#[derive(Serialize)]
struct DocumentOut<'a> {
    schema: &'static str,
    matrix: &'a RiskMatrix,
    assets: Vec<EntryOut<'a>>,
}

#[derive(Serialize)]
struct EntryOut<'a> {
    #[serde(flatten)]
    asset: &'a Asset,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    depends_on: Vec<&'a str>,
}

#[derive(Deserialize)]
struct DocumentIn {
    schema: String,
    matrix: RiskMatrix,
    assets: Vec<EntryIn>,
}

#[derive(Deserialize)]
struct EntryIn {
    #[serde(flatten)]
    asset: Asset,
    #[serde(default)]
    depends_on: Vec<String>,
}

impl DocumentIn {
    /// Builds the register, checking every asset and the dependencies as
    /// [`AssetRegister::add`] and [`AssetRegister::add_dependencies`] do.
    fn into_register(self) -> Result<AssetRegister> {
        if self.schema != REGISTER_SCHEMA {
            return Err(Error::InvalidValue {
                field: "schema",
                value: self.schema,
                reason: format!("expected {REGISTER_SCHEMA:?}"),
            });
        }
        let mut register = AssetRegister::new(self.matrix);
        let mut edges = Vec::new();
        for entry in self.assets {
            for dependency in entry.depends_on {
                edges.push((entry.asset.id().to_owned(), dependency));
            }
            register.add(entry.asset)?;
        }
        register.add_dependencies(edges.iter().map(|(a, b)| (a.as_str(), b.as_str())))?;
        Ok(register)
    }
}

impl Serialize for AssetRegister {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        let assets = self
            .assets
            .iter()
            .enumerate()
            .map(|(node, asset)| EntryOut {
                asset,
                depends_on: self
                    .graph
                    .depends_on(node)
                    .iter()
                    .map(|&n| self.id_at(n))
                    .collect(),
            })
            .collect();
        DocumentOut {
            schema: REGISTER_SCHEMA,
            matrix: &self.matrix,
            assets,
        }
        .serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for AssetRegister {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        DocumentIn::deserialize(deserializer)?
            .into_register()
            .map_err(serde::de::Error::custom)
    }
}

impl AssetRegister {
    /// The register as pretty-printed JSON with `"schema": "lantero.asset-register/v1"`.
    ///
    /// ```
    /// use lantero_core::assets::{Asset, AssetKind, AssetRegister};
    /// use lantero_core::risk::presets;
    ///
    /// let mut register = AssetRegister::new(presets::iso27005_5x5());
    /// register.add(Asset::new("a", "Diariet", AssetKind::InformationAsset)?)?;
    /// register.add(Asset::new("b", "Ärendesystem", AssetKind::System)?)?;
    /// register.add_dependency("a", "b")?;
    /// let json = register.to_json()?;
    /// assert!(json.contains("\"depends_on\""));
    /// assert_eq!(AssetRegister::from_json(&json, "register.json")?, register);
    /// # Ok::<(), lantero_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::Json`] if serialization fails.
    pub fn to_json(&self) -> Result<String> {
        serde_json::to_string_pretty(self).map_err(|e| json_error("asset register", &e))
    }

    /// Writes the register as JSON to any writer.
    ///
    /// # Errors
    /// [`Error::Json`] if writing fails.
    pub fn write_json<W: Write>(&self, writer: W) -> Result<()> {
        serde_json::to_writer_pretty(writer, self).map_err(|e| json_error("asset register", &e))
    }

    /// Reads a register from JSON; `source_name` names the input in errors.
    ///
    /// # Errors
    /// [`Error::Json`] for malformed JSON or a bad matrix; the register's own errors
    /// ([`Error::DuplicateAsset`], [`Error::UnknownAsset`], [`Error::DependencyCycle`],
    /// [`Error::InvalidValue`] for a wrong schema or bad id, [`Error::OutOfScale`]) as they are.
    pub fn from_json(json: &str, source_name: &str) -> Result<Self> {
        let document: DocumentIn =
            serde_json::from_str(json).map_err(|e| json_error(source_name, &e))?;
        document.into_register()
    }

    /// Reads a register from JSON from any reader; errors as [`AssetRegister::from_json`].
    ///
    /// # Errors
    /// As [`AssetRegister::from_json`].
    pub fn read_json<R: Read>(reader: R, source_name: &str) -> Result<Self> {
        let document: DocumentIn =
            serde_json::from_reader(reader).map_err(|e| json_error(source_name, &e))?;
        document.into_register()
    }
}

fn json_error(source_name: &str, error: &serde_json::Error) -> Error {
    Error::Json {
        source_name: source_name.to_owned(),
        reason: error.to_string(),
    }
}
