//! A content pack: a framework with its metadata, good examples and links to controls.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use lantero_core::framework::Framework;
use serde::{Deserialize, Serialize};

use super::cyber::AssetCheck;
use crate::{Error, Result};

/// The `schema` string of a pack file.
pub const PACK_SCHEMA: &str = "lantero.fraudfinder.pack/v1";

/// What a pack is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PackKind {
    /// Arbete mot välfärdsbrott.
    #[serde(rename = "valfardsbrott")]
    WelfareCrime,
    /// Cyberhygien (NIS2, cybersäkerhetslagen).
    #[serde(rename = "cyberhygien")]
    CyberHygiene,
    /// Anything else a municipality packages.
    #[serde(rename = "ovrigt")]
    Other,
}

/// Who made a pack: the organisation and, for a municipality's own version, the
/// municipality.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Author {
    /// The organisation, e.g. `"Lantero"` or `"Exempelby kommun"`.
    pub organisation: String,
    /// The municipality that adapted the pack, if any.
    #[serde(default)]
    pub municipality: Option<String>,
    /// A contact address.
    #[serde(default)]
    pub contact: Option<String>,
}

/// The pack a pack was adapted from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackRef {
    /// Its id.
    pub id: String,
    /// Its version.
    pub version: String,
}

/// Metadata of a pack.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackMetadata {
    /// Stable id.
    pub id: String,
    /// Title.
    pub title: String,
    /// What the pack is about.
    pub kind: PackKind,
    /// Version of the pack, e.g. `"2025.1"`.
    pub version: String,
    /// Who made it.
    pub author: Author,
    /// Licence of the content, e.g. `"CC-BY-4.0"`, so that municipalities know they may share it.
    pub licence: String,
    /// Date of publication.
    pub published: NaiveDate,
    /// What it contains.
    #[serde(default)]
    pub description: String,
    /// Sources the content is drawn from.
    #[serde(default)]
    pub sources: Vec<String>,
    /// The pack this one was adapted from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub based_on: Option<PackRef>,
}

/// A good example from a municipality, attached to an activity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoodExample {
    /// Stable id.
    pub id: String,
    /// Title.
    pub title: String,
    /// The municipality the example comes from.
    pub municipality: String,
    /// The activity it illustrates.
    pub activity: String,
    /// What they did and what came of it.
    pub summary: String,
    /// A template of the framework that goes with it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub template: Option<String>,
}

/// A content pack: a [`Framework`] with metadata, good examples, the control rules that
/// support its activities, and (for cyber hygiene) which checklist items the asset
/// register answers.
///
/// ```
/// use lantero_fraudfinder::packs::{self, Pack};
///
/// let pack = packs::welfare_crime()?;
/// assert_eq!(pack.framework.areas.len(), 16);
/// // Export, then import: the same pack comes back.
/// let json = pack.to_json()?;
/// assert_eq!(Pack::from_json(&json, "export.json")?, pack);
/// # Ok::<(), lantero_fraudfinder::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "PackFile", into = "PackFile")]
pub struct Pack {
    /// Metadata.
    pub metadata: PackMetadata,
    /// The framework of areas, activities and checklists.
    pub framework: Framework,
    /// Good examples by activity.
    pub examples: Vec<GoodExample>,
    /// Names of control rules that support an activity, by activity id.
    pub controls: BTreeMap<String, Vec<String>>,
    /// Checklist items the asset register can answer, by item id.
    pub asset_checks: BTreeMap<String, AssetCheck>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct PackFile {
    schema: String,
    metadata: PackMetadata,
    framework: Framework,
    #[serde(default)]
    examples: Vec<GoodExample>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    controls: BTreeMap<String, Vec<String>>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    asset_checks: BTreeMap<String, AssetCheck>,
}

impl TryFrom<PackFile> for Pack {
    type Error = Error;

    fn try_from(file: PackFile) -> Result<Self> {
        if file.schema != PACK_SCHEMA {
            return Err(Error::Pack {
                source_name: file.metadata.id,
                reason: format!("schema {:?} is not {PACK_SCHEMA:?}", file.schema),
            });
        }
        let pack = Self {
            metadata: file.metadata,
            framework: file.framework,
            examples: file.examples,
            controls: file.controls,
            asset_checks: file.asset_checks,
        };
        pack.validate()?;
        Ok(pack)
    }
}

impl From<Pack> for PackFile {
    fn from(pack: Pack) -> Self {
        Self {
            schema: PACK_SCHEMA.to_owned(),
            metadata: pack.metadata,
            framework: pack.framework,
            examples: pack.examples,
            controls: pack.controls,
            asset_checks: pack.asset_checks,
        }
    }
}

impl Pack {
    /// Reads and validates a pack; `source_name` names the file in errors.
    pub fn from_json(json: &str, source_name: &str) -> Result<Self> {
        let file: PackFile = serde_json::from_str(json).map_err(|e| Error::Pack {
            source_name: source_name.to_owned(),
            reason: e.to_string(),
        })?;
        Self::try_from(file)
    }

    /// The pack as pretty JSON; [`Pack::from_json`] reads it back exactly.
    pub fn to_json(&self) -> Result<String> {
        serde_json::to_string_pretty(self).map_err(|e| Error::Pack {
            source_name: self.metadata.id.clone(),
            reason: e.to_string(),
        })
    }

    /// Checks the framework (through `lantero-core`), the metadata, and that examples,
    /// control links and asset checks refer to activities, templates and items that exist.
    pub fn validate(&self) -> Result<()> {
        self.framework.validate()?;
        let fail = |reason: String| {
            Err(Error::Pack {
                source_name: self.metadata.id.clone(),
                reason,
            })
        };
        let m = &self.metadata;
        for (field, value) in [
            ("id", &m.id),
            ("title", &m.title),
            ("version", &m.version),
            ("licence", &m.licence),
        ] {
            if value.trim().is_empty() {
                return fail(format!("metadata {field} is empty"));
            }
        }
        if m.author.organisation.trim().is_empty() {
            return fail("the author's organisation is empty".into());
        }
        let mut ids = BTreeSet::new();
        for example in &self.examples {
            if !ids.insert(&example.id) {
                return fail(format!("example id {:?} is used twice", example.id));
            }
            if self.framework.activity(&example.activity).is_none() {
                return fail(format!(
                    "example {:?} refers to unknown activity {:?}",
                    example.id, example.activity
                ));
            }
            if let Some(t) = example
                .template
                .as_deref()
                .filter(|t| self.framework.template(t).is_none())
            {
                return fail(format!(
                    "example {:?} refers to unknown template {t:?}",
                    example.id
                ));
            }
        }
        if let Some(a) = self
            .controls
            .keys()
            .find(|a| self.framework.activity(a).is_none())
        {
            return fail(format!("controls are linked to unknown activity {a:?}"));
        }
        if let Some(i) = self
            .asset_checks
            .keys()
            .find(|i| self.framework.item(i).is_none())
        {
            return fail(format!(
                "an asset check is linked to unknown checklist item {i:?}"
            ));
        }
        Ok(())
    }

    /// This pack adapted by `municipality` as version `version`: the municipality is
    /// recorded as author, and the original as `based_on`. Edit the copy, then share it
    /// with [`Pack::to_json`].
    pub fn adapt(&self, municipality: &str, version: &str, published: NaiveDate) -> Self {
        let mut pack = self.clone();
        pack.metadata.based_on = Some(PackRef {
            id: self.metadata.id.clone(),
            version: self.metadata.version.clone(),
        });
        pack.metadata.author = Author {
            organisation: municipality.to_owned(),
            municipality: Some(municipality.to_owned()),
            contact: None,
        };
        pack.metadata.version = version.to_owned();
        pack.metadata.published = published;
        pack.framework.version = version.to_owned();
        pack
    }

    /// Takes over the good examples of `other` that fit this pack's activities and are not
    /// here yet; returns how many were added. This is how examples spread between
    /// municipalities that run different versions of the same pack.
    pub fn import_examples(&mut self, other: &Pack) -> usize {
        let mut added = 0;
        for example in &other.examples {
            let fits = self.framework.activity(&example.activity).is_some()
                && example
                    .template
                    .as_deref()
                    .is_none_or(|t| self.framework.template(t).is_some());
            if fits && !self.examples.iter().any(|e| e.id == example.id) {
                self.examples.push(example.clone());
                added += 1;
            }
        }
        added
    }

    /// The good examples for `activity`.
    pub fn examples_for<'a>(
        &'a self,
        activity: &'a str,
    ) -> impl Iterator<Item = &'a GoodExample> + 'a {
        self.examples.iter().filter(move |e| e.activity == activity)
    }
}
