//! The named-entity model as a [`Recognizer`]: persons, places and organisations.

use crate::Result;
use crate::detect::{Candidate, Entity, Recognizer};

use super::NerModel;

/// Finds `PERSON`, `LOCATION` and `ORGANIZATION` with the shipped named-entity model.
///
/// The model loads on the first [`recognize`](Recognizer::recognize) (ONNX Runtime must be
/// installed: `make setup`), and one session serves every thread of the process. Its `MISC`
/// entities are not reported. Scores are calibrated probabilities that the span is exactly
/// right, so the detector's `min_score` applies to them directly.
///
/// ```no_run
/// use lantero_redact::detect::{Detector, Entity, Recognizer};
/// use lantero_redact::ner::NerRecognizer;
///
/// let found = NerRecognizer::shipped().recognize("Handläggare: Per-Olof Hägg, Lillby kommun")?;
/// assert!(found.iter().any(|c| c.entity == Entity::Person));
///
/// let mut detector = Detector::builtin();
/// detector.add_recognizer(std::sync::Arc::new(NerRecognizer::shipped()));
/// # Ok::<(), lantero_redact::Error>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct NerRecognizer {
    model: Option<&'static NerModel>,
}

impl NerRecognizer {
    /// The recognizer's name in findings.
    pub const NAME: &'static str = "ner";

    /// Uses the shipped model, loaded on first use.
    pub fn shipped() -> Self {
        Self { model: None }
    }

    /// Uses a model the caller loaded (and keeps alive for the process).
    pub fn with_model(model: &'static NerModel) -> Self {
        Self { model: Some(model) }
    }

    fn model(&self) -> Result<&'static NerModel> {
        match self.model {
            Some(model) => Ok(model),
            None => NerModel::shipped(),
        }
    }
}

impl Default for NerRecognizer {
    fn default() -> Self {
        Self::shipped()
    }
}

/// The contract entity of a model entity type; `MISC` has none.
pub fn entity_of(model_type: &str) -> Option<Entity> {
    match model_type {
        "PER" => Some(Entity::Person),
        "LOC" => Some(Entity::Location),
        "ORG" => Some(Entity::Organization),
        _ => None,
    }
}

impl Recognizer for NerRecognizer {
    fn name(&self) -> &str {
        Self::NAME
    }

    fn entities(&self) -> &[Entity] {
        &[Entity::Person, Entity::Location, Entity::Organization]
    }

    fn recognize(&self, text: &str) -> Result<Vec<Candidate>> {
        let spans = self.model()?.tag(text)?;
        Ok(spans
            .into_iter()
            .filter_map(|span| {
                let entity = entity_of(&span.entity)?;
                Some(Candidate {
                    entity,
                    start: span.start,
                    end: span.end,
                    score: span.score,
                    reason: format!(
                        "named-entity model: {} (p = {:.2})",
                        span.entity, span.score
                    ),
                })
            })
            .collect())
    }
}
