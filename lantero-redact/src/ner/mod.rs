//! The named-entity model: persons, places and organisations in Swedish text, through ONNX
//! Runtime.
//!
//! The model is trained by the project (`training/`, `make train`) on a CC BY 4.0 Swedish news
//! corpus and synthetic municipal documents, and shipped in `models/ner/` (see its
//! `MODEL_CARD.md`). It is a word-level tagger over hashed token features, so preprocessing
//! ([`preprocess`]) is a few explicit rules that the Python trainer and this crate implement
//! identically, proven by a test-vector file.
//!
//! A text is tokenised, cut into overlapping [`window`]s, run in one batch through the shared
//! session, decoded into spans ([`decode`]) and scored with [`calibrate`]d probabilities.
//! [`NerRecognizer`] plugs it into the [`Detector`](crate::detect::Detector); [`eval`] measures it.
//!
//! ```no_run
//! use lantero_redact::ner::NerModel;
//!
//! let model = NerModel::shipped()?;
//! for span in model.tag("Ärendet gäller Fatima Al-Sayed, Ängsvägen 7, Lillby.")? {
//!     println!("{} {:?} {:.2}", span.entity, span.start..span.end, span.score);
//! }
//! # Ok::<(), lantero_redact::Error>(())
//! ```

pub mod calibrate;
mod config;
pub mod decode;
pub mod eval;
pub mod preprocess;
mod recognizer;
mod session;
mod tagger;
pub mod window;

pub use config::{CONFIG_SCHEMA, ModelConfig};
pub use recognizer::{NerRecognizer, entity_of};
pub use session::{NerModel, SessionOptions};
pub use tagger::NerSpan;
