//! The ONNX Runtime session: loading the model and running batches of windows through it.
//!
//! ONNX Runtime allows one environment per process, and `ort` runs a session through `&mut`,
//! so the shipped model is one process-wide session behind a mutex: threads share it and queue
//! for it, and each call sends all of a text's windows as one batch.

use std::sync::{Mutex, OnceLock};

use ort::environment::Environment;
use ort::session::Session;
use ort::session::builder::GraphOptimizationLevel;
use ort::value::Tensor;

use super::config::ModelConfig;
use super::preprocess::{KnownFeatures, MAX_FEATURES};
use crate::native::{NativeLibrary, locate};
use crate::{Error, Result};

/// The shipped model, embedded in the library so that it works from any clone or install.
static SHIPPED_ONNX: &[u8] = include_bytes!("../../models/ner/model.onnx");
static SHIPPED_CONFIG: &str = include_str!("../../models/ner/config.json");
static SHIPPED_KNOWN: &str = include_str!("../../models/ner/known-features.txt");

static ENVIRONMENT: OnceLock<std::result::Result<Environment, String>> = OnceLock::new();
/// The shipped model, or why it could not be loaded: `(model, reason)` of an [`Error::Model`].
static SHIPPED: OnceLock<std::result::Result<NerModel, (String, String)>> = OnceLock::new();

/// How a session runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionOptions {
    /// Threads ONNX Runtime may use inside one operator; 1 gives the per-core figure.
    pub intra_threads: usize,
}

impl Default for SessionOptions {
    /// `LANTERO_NER_THREADS` if set, else the available cores up to 4.
    fn default() -> Self {
        let from_env = std::env::var("LANTERO_NER_THREADS")
            .ok()
            .and_then(|v| v.trim().parse::<usize>().ok())
            .filter(|&n| n > 0);
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
        Self {
            intra_threads: from_env.unwrap_or(cores),
        }
    }
}

/// A loaded tagging model: the ONNX session and its configuration.
///
/// ```no_run
/// use lantero_redact::ner::NerModel;
///
/// let model = NerModel::shipped()?;
/// let spans = model.tag("Beslutet gäller Karin Lindqvist i Lillby.")?;
/// assert!(spans.iter().any(|s| s.entity == "PER"));
/// # Ok::<(), lantero_redact::Error>(())
/// ```
#[derive(Debug)]
pub struct NerModel {
    pub(super) config: ModelConfig,
    pub(super) known: KnownFeatures,
    session: Mutex<Session>,
    name: String,
}

impl NerModel {
    /// The model shipped with the crate, loaded once per process on first use.
    ///
    /// Fails if ONNX Runtime cannot be found (run `make setup`, or set `ORT_DYLIB_PATH`).
    pub fn shipped() -> Result<&'static NerModel> {
        SHIPPED
            .get_or_init(|| {
                ModelConfig::from_json(SHIPPED_CONFIG, "shipped")
                    .and_then(|config| {
                        let known = KnownFeatures::from_lines(SHIPPED_KNOWN);
                        let options = SessionOptions::default();
                        Self::load(SHIPPED_ONNX, config, known, options, "shipped")
                    })
                    .map_err(|e| match e {
                        Error::Model { model, reason } => (model, reason),
                        other => ("shipped".to_owned(), other.to_string()),
                    })
            })
            .as_ref()
            .map_err(|(model, reason)| Error::Model {
                model: model.clone(),
                reason: reason.clone(),
            })
    }

    /// The shipped model's bytes, configuration and known features, for loading a private
    /// copy (benchmarks, other thread settings).
    pub fn shipped_files() -> Result<(&'static [u8], ModelConfig, KnownFeatures)> {
        Ok((
            SHIPPED_ONNX,
            ModelConfig::from_json(SHIPPED_CONFIG, "shipped")?,
            KnownFeatures::from_lines(SHIPPED_KNOWN),
        ))
    }

    /// Loads a model from its ONNX bytes, config and known features; `name` names it in errors.
    pub fn load(
        onnx: &[u8],
        config: ModelConfig,
        known: KnownFeatures,
        options: SessionOptions,
        name: &str,
    ) -> Result<Self> {
        let fail = |reason: String| Error::Model {
            model: name.to_owned(),
            reason,
        };
        if known.len() != config.known_features {
            return Err(fail(format!(
                "config expects {} known features, the list has {}",
                config.known_features,
                known.len()
            )));
        }
        let environment = environment()?;
        let session = Session::builder(environment)
            .and_then(|b| Ok(b.with_optimization_level(GraphOptimizationLevel::Level3)?))
            .and_then(|b| Ok(b.with_intra_threads(options.intra_threads.max(1))?))
            .and_then(|b| Ok(b.with_inter_threads(1)?))
            .and_then(|mut b| b.commit_from_memory(onnx))
            .map_err(|e| fail(format!("cannot create the session: {e}")))?;
        Ok(Self {
            config,
            known,
            session: Mutex::new(session),
            name: name.to_owned(),
        })
    }

    /// The model's configuration.
    pub fn config(&self) -> &ModelConfig {
        &self.config
    }

    /// The whole-word features the model knows.
    pub fn known(&self) -> &KnownFeatures {
        &self.known
    }

    /// Tag probabilities for a batch of windows (each a slice of token feature ids). Returns,
    /// per window, `len × labels` probabilities, row-major.
    pub fn run(&self, windows: &[&[[i64; MAX_FEATURES]]]) -> Result<Vec<Vec<f32>>> {
        let longest = windows.iter().map(|w| w.len()).max().unwrap_or(0);
        if longest == 0 {
            return Ok(windows.iter().map(|_| Vec::new()).collect());
        }
        let batch = windows.len();
        let mut ids = vec![0_i64; batch * longest * MAX_FEATURES];
        let mut mask = vec![0_f32; batch * longest];
        for (b, window) in windows.iter().enumerate() {
            for (t, token) in window.iter().enumerate() {
                let at = (b * longest + t) * MAX_FEATURES;
                ids[at..at + MAX_FEATURES].copy_from_slice(token);
                mask[b * longest + t] = 1.0;
            }
        }
        let fail = |reason: String| Error::Model {
            model: self.name.clone(),
            reason,
        };
        let ids = Tensor::from_array(([batch, longest, MAX_FEATURES], ids))
            .map_err(|e| fail(format!("input ids: {e}")))?;
        let mask = Tensor::from_array(([batch, longest], mask))
            .map_err(|e| fail(format!("input mask: {e}")))?;
        let labels = self.config.labels.len();
        let mut session = self
            .session
            .lock()
            .map_err(|_| fail("the session lock was poisoned by a panic".into()))?;
        let outputs = session
            .run(ort::inputs!["ids" => ids, "mask" => mask])
            .map_err(|e| fail(format!("inference failed: {e}")))?;
        let (shape, probs) = outputs["probs"]
            .try_extract_tensor::<f32>()
            .map_err(|e| fail(format!("output probs: {e}")))?;
        let expected = [batch, longest, labels].map(|d| i64::try_from(d).unwrap_or(i64::MAX));
        if shape.as_ref() != expected {
            return Err(fail(format!(
                "output shape {shape:?}, expected {expected:?}"
            )));
        }
        Ok(windows
            .iter()
            .enumerate()
            .map(|(b, w)| {
                let at = b * longest * labels;
                probs[at..at + w.len() * labels].to_vec()
            })
            .collect())
    }
}

/// The process's ONNX Runtime environment, created on first use from the library that
/// [`locate`] finds.
fn environment() -> Result<&'static Environment> {
    ENVIRONMENT
        .get_or_init(|| {
            let path = locate(NativeLibrary::OnnxRuntime).map_err(|e| e.to_string())?;
            ort::init_from(&path)
                .map_err(|e| format!("{} could not be loaded: {e}", path.display()))?
                .with_name("lantero")
                .build()
                .map_err(|e| format!("cannot create the ONNX Runtime environment: {e}"))
        })
        .as_ref()
        .map_err(|reason| Error::Model {
            model: "ONNX Runtime".into(),
            reason: reason.clone(),
        })
}
