//! The `Recognizer` trait: one detector of one or more entity kinds in a page's text.

use serde::{Deserialize, Serialize};

use super::Entity;
use crate::Result;

/// A span a recognizer proposes, with why.
///
/// Offsets are **byte** offsets into the text given to [`Recognizer::recognize`], on `char`
/// boundaries; the [`Detector`](super::Detector) turns them into the contract's character offsets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Candidate {
    /// What was found.
    pub entity: Entity,
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// Confidence in `0.0..=1.0`.
    pub score: f32,
    /// A short explanation for the caseworker, e.g. `"valid check digit; after 'personnummer'"`.
    pub reason: String,
}

/// Finds spans of one or more entity kinds in text.
///
/// Implementations are registered by name in a
/// [`Registry`](lantero_core::registry::Registry) and run by the
/// [`Detector`](super::Detector). They must be cheap to share between threads.
///
/// ```
/// use lantero_redact::detect::{Candidate, Entity, Recognizer};
///
/// /// Flags the word "hemligt" as HEALTH, to show the shape of a plugin.
/// struct Secret;
/// impl Recognizer for Secret {
///     fn name(&self) -> &str { "secret-word" }
///     fn entities(&self) -> &[Entity] { &[Entity::Health] }
///     fn recognize(&self, text: &str) -> lantero_redact::Result<Vec<Candidate>> {
///         Ok(text.match_indices("hemligt").map(|(start, word)| Candidate {
///             entity: Entity::Health, start, end: start + word.len(), score: 0.5,
///             reason: "the word 'hemligt'".into(),
///         }).collect())
///     }
/// }
/// assert_eq!(Secret.recognize("det är hemligt").unwrap()[0].start, 8); // "ä" is two bytes
/// ```
pub trait Recognizer: Send + Sync {
    /// The name findings carry in their `recognizer` field, e.g. `"personnummer"`.
    fn name(&self) -> &str;

    /// The entity kinds this recognizer can produce.
    fn entities(&self) -> &[Entity];

    /// Finds candidates in `text` (one page).
    fn recognize(&self, text: &str) -> Result<Vec<Candidate>>;

    /// Spans shaped like this recognizer's identifier that fail its validation (a check digit,
    /// a serial number 000) and that [`recognize`](Recognizer::recognize) does not propose for
    /// lack of context. The [`Detector`](super::Detector) proposes those that follow a
    /// person's name (see [`fail_closed`](super::fail_closed)). None by default.
    fn unvalidated(&self, text: &str) -> Result<Vec<Candidate>> {
        let _ = text;
        Ok(Vec::new())
    }
}
