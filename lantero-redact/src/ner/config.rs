//! The model's configuration file (`models/ner/config.json`), written by the training pipeline.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::calibrate::Platt;
use super::preprocess::{BUCKETS, MAX_FEATURES, PREPROCESS_VERSION};
use crate::{Error, Result};

/// The JSON schema this crate reads.
pub const CONFIG_SCHEMA: &str = "lantero-ner-config/1";

/// What a model file needs around it: its tags, its preprocessing, its windows and its
/// calibration. Everything else the trainer writes (metrics, data, date) is kept as free JSON.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ModelConfig {
    /// Always [`CONFIG_SCHEMA`].
    pub schema: String,
    /// The preprocessing the model was trained with; must equal [`PREPROCESS_VERSION`].
    pub preprocess_version: String,
    /// Rows of the embedding table.
    pub buckets: u64,
    /// Feature ids per token.
    pub max_features: usize,
    /// How many whole-word features the model knows (lines of its `known-features.txt`).
    pub known_features: usize,
    /// The output tags in order: `O`, then `B-`/`I-` per entity type (`PER`, `LOC`, `ORG`, `MISC`).
    pub labels: Vec<String>,
    /// Tokens per window.
    pub window: usize,
    /// Tokens shared by neighbouring windows.
    pub overlap: usize,
    /// Platt scaling per entity type, fitted on the dev split.
    pub calibration: BTreeMap<String, Platt>,
    /// Metrics, data and training details, as written by the trainer.
    #[serde(default)]
    pub training: serde_json::Value,
}

impl ModelConfig {
    /// Parses and checks a config; `source` names it in errors.
    pub fn from_json(json: &str, source: &str) -> Result<Self> {
        let config: Self = serde_json::from_str(json).map_err(|e| Error::Model {
            model: source.to_owned(),
            reason: format!("config is not valid: {e}"),
        })?;
        config.check(source)?;
        Ok(config)
    }

    fn check(&self, source: &str) -> Result<()> {
        let problem = if self.schema != CONFIG_SCHEMA {
            Some(format!(
                "schema {:?}, expected {CONFIG_SCHEMA:?}",
                self.schema
            ))
        } else if self.preprocess_version != PREPROCESS_VERSION {
            Some(format!(
                "trained with preprocessing {:?}, this build has {PREPROCESS_VERSION:?}",
                self.preprocess_version
            ))
        } else if self.buckets != BUCKETS || self.max_features != MAX_FEATURES {
            Some(format!(
                "features {}×{}, this build has {BUCKETS}×{MAX_FEATURES}",
                self.buckets, self.max_features
            ))
        } else if self.labels.first().map(String::as_str) != Some("O")
            || self
                .labels
                .iter()
                .skip(1)
                .any(|l| !(l.starts_with("B-") || l.starts_with("I-")))
        {
            Some("labels must be \"O\" followed by B-/I- tags".to_owned())
        } else if self.window == 0 || self.overlap >= self.window {
            Some(format!(
                "window {} with overlap {} cannot advance",
                self.window, self.overlap
            ))
        } else {
            None
        };
        match problem {
            Some(reason) => Err(Error::Model {
                model: source.to_owned(),
                reason,
            }),
            None => Ok(()),
        }
    }

    /// The entity type of tag `index` (`"PER"` for `B-PER`), or `None` for `O`.
    pub fn entity_of(&self, index: usize) -> Option<&str> {
        self.labels.get(index).and_then(|l| l.get(2..))
    }

    /// Whether tag `index` continues an entity (`I-`).
    pub fn is_inside(&self, index: usize) -> bool {
        self.labels.get(index).is_some_and(|l| l.starts_with("I-"))
    }
}
