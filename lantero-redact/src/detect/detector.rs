//! The detector: runs the registered recognizers over each page and numbers the findings.

use std::collections::BTreeSet;
use std::sync::Arc;

use lantero_core::registry::Registry;

use super::not_a_name::is_not_a_name;
use super::{
    Candidate, CharOffsets, Entity, Finding, Recognizer, fail_closed, number_findings, recognizers,
};
use crate::Result;

/// Runs recognizers over page texts.
///
/// ```
/// use lantero_redact::detect::{Detector, Entity};
///
/// let detector = Detector::builtin().with_min_score(0.5);
/// let findings = detector.detect_pages(&["Sökande: 19121212-1212"])?;
/// assert_eq!(findings[0].entity, Entity::Personnummer);
/// assert_eq!((findings[0].start, findings[0].end), (9, 22));
/// assert_eq!(findings[0].id, "f-000001");
/// # Ok::<(), lantero_redact::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Detector {
    recognizers: Registry<dyn Recognizer>,
    min_score: f32,
    entities: Option<BTreeSet<Entity>>,
}

impl Detector {
    /// A detector with every built-in recognizer and no score floor, proposing every entity
    /// except `LOCATION` and `ORGANIZATION`: place and organisation names are mostly public
    /// (masking them over-masks) and the model's precision for them is low (see its model
    /// card). Ask for them with [`Detector::with_entities`].
    pub fn builtin() -> Self {
        Self::with_recognizers(recognizers::builtin()).with_entities(
            Entity::ALL
                .iter()
                .copied()
                .filter(|e| !matches!(e, Entity::Location | Entity::Organization)),
        )
    }

    /// A detector running exactly the recognizers in `registry`.
    pub fn with_recognizers(registry: Registry<dyn Recognizer>) -> Self {
        Self {
            recognizers: registry,
            min_score: 0.0,
            entities: None,
        }
    }

    /// Adds (or replaces) a recognizer under its own name.
    pub fn add_recognizer(&mut self, recognizer: Arc<dyn Recognizer>) {
        self.recognizers
            .replace(recognizer.name().to_owned(), recognizer);
    }

    /// Drops findings scoring below `min_score`.
    pub fn with_min_score(mut self, min_score: f32) -> Self {
        self.min_score = min_score;
        self
    }

    /// Keeps only findings of these entities.
    pub fn with_entities(mut self, entities: impl IntoIterator<Item = Entity>) -> Self {
        self.entities = Some(entities.into_iter().collect());
        self
    }

    /// The recognizers this detector runs.
    pub fn recognizers(&self) -> &Registry<dyn Recognizer> {
        &self.recognizers
    }

    /// Finds sensitive data on every page; page numbers are 1-based, finding ids count up
    /// through the document in page and reading order.
    pub fn detect_pages<S: AsRef<str>>(&self, pages: &[S]) -> Result<Vec<Finding>> {
        let mut findings = Vec::new();
        for (index, text) in pages.iter().enumerate() {
            let page = u32::try_from(index + 1).unwrap_or(u32::MAX);
            findings.extend(self.detect_page(text.as_ref(), page)?);
        }
        number_findings(&mut findings);
        Ok(findings)
    }

    /// Finds sensitive data in one page's text; ids are left empty for the caller to number.
    fn detect_page(&self, text: &str, page: u32) -> Result<Vec<Finding>> {
        let mut raw: Vec<(Candidate, &str)> = Vec::new();
        let mut unvalidated: Vec<(Candidate, &str)> = Vec::new();
        for (name, recognizer) in self.recognizers.iter() {
            let wanted = recognizer
                .entities()
                .iter()
                .any(|e| self.entities.as_ref().is_none_or(|set| set.contains(e)));
            if !wanted {
                continue;
            }
            raw.extend(recognizer.recognize(text)?.into_iter().map(|c| (c, name)));
            unvalidated.extend(recognizer.unvalidated(text)?.into_iter().map(|c| (c, name)));
        }
        // Identifier-shaped numbers that do not validate are proposed after a person's name.
        let found: Vec<Candidate> = raw
            .iter()
            .filter(|(c, _)| !false_name(text, c))
            .map(|(c, _)| c.clone())
            .collect();
        for (shape, name) in unvalidated {
            raw.extend(
                fail_closed::beside_names(text, vec![shape], &found)
                    .into_iter()
                    .map(|c| (c, name)),
            );
        }
        let mut candidates: Vec<(Candidate, &str)> = raw
            .into_iter()
            .filter(|(c, _)| {
                c.score >= self.min_score
                    && self.proposes(c.entity)
                    && valid_span(text, c)
                    && !false_name(text, c)
            })
            .collect();
        candidates.sort_by(|(a, _), (b, _)| {
            (a.start, a.end, a.entity)
                .cmp(&(b.start, b.end, b.entity))
                .then(b.score.total_cmp(&a.score))
        });
        // The same span and entity from two recognizers is one finding: keep the stronger.
        candidates.dedup_by(|(later, _), (kept, _)| {
            (later.start, later.end, later.entity) == (kept.start, kept.end, kept.entity)
        });

        let offsets = CharOffsets::new(text);
        Ok(candidates
            .into_iter()
            .map(|(c, name)| Finding {
                id: String::new(),
                entity: c.entity,
                text: text[c.start..c.end].to_owned(),
                page,
                start: offsets.char_at(c.start),
                end: offsets.char_at(c.end),
                boxes: Vec::new(),
                score: c.score,
                recognizer: name.to_owned(),
                reason: c.reason,
                provisions: Vec::new(),
                public: None,
            })
            .collect())
    }

    /// Whether this detector proposes `entity`.
    ///
    /// ```
    /// use lantero_redact::detect::{Detector, Entity};
    ///
    /// assert!(Detector::builtin().proposes(Entity::Person));
    /// assert!(!Detector::builtin().proposes(Entity::Location));
    /// ```
    pub fn proposes(&self, entity: Entity) -> bool {
        self.entities
            .as_ref()
            .is_none_or(|set| set.contains(&entity))
    }
}

/// A `PERSON` candidate that cannot be a name (`LSS`, an e-mail address; see
/// [`not_a_name`](super::not_a_name)).
fn false_name(text: &str, c: &Candidate) -> bool {
    c.entity == Entity::Person && text.get(c.start..c.end).is_some_and(is_not_a_name)
}

/// A plugin's span must lie inside the text and on character boundaries; anything else is
/// dropped rather than trusted.
fn valid_span(text: &str, c: &Candidate) -> bool {
    c.start < c.end && text.is_char_boundary(c.start) && text.is_char_boundary(c.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_count_chars_not_bytes() {
        let text = "Åsa Öberg, personnummer 19121212-1212";
        let findings = Detector::builtin().detect_pages(&[text]).unwrap();
        let f = findings
            .iter()
            .find(|f| f.entity == Entity::Personnummer)
            .unwrap();
        let chars: Vec<char> = text.chars().collect();
        assert_eq!(
            chars[f.start..f.end].iter().collect::<String>(),
            "19121212-1212"
        );
        assert_eq!(f.text, "19121212-1212");
        assert_eq!(f.recognizer, "personnummer");
    }

    #[test]
    fn filters_apply() {
        let text = "121212-1212 och 212000-1124";
        let all = Detector::builtin().detect_pages(&[text]).unwrap();
        assert_eq!(all.len(), 2);
        let only = Detector::builtin()
            .with_entities([Entity::Organisationsnummer])
            .detect_pages(&[text])
            .unwrap();
        assert_eq!(only.len(), 1);
        assert_eq!(only[0].entity, Entity::Organisationsnummer);
        let strict = Detector::builtin()
            .with_min_score(0.99)
            .detect_pages(&[text])
            .unwrap();
        assert!(strict.is_empty());
    }

    #[test]
    fn a_number_that_does_not_validate_is_proposed_after_a_name() {
        // Serial 000 and no separator: nothing but the name before it says it is personal.
        // With a separator it is proposed anyway, and the name raises it.
        let text = "Barnet Elsa Lindqvist, 150916-0006, ingår i hushållet.";
        let findings = Detector::builtin().detect_pages(&[text]).unwrap();
        let f = findings
            .iter()
            .find(|f| f.entity == Entity::Personnummer)
            .expect("the child's number is proposed");
        assert_eq!(f.score, fail_closed::SCORE_BESIDE_NAME);
        let text = "Barnet Elsa Lindqvist 1509160006 ingår i hushållet.";
        let findings = Detector::builtin().detect_pages(&[text]).unwrap();
        let f = findings
            .iter()
            .find(|f| f.entity == Entity::Personnummer)
            .expect("the child's number is proposed");
        assert_eq!(f.text, "1509160006");
        assert_eq!(f.score, fail_closed::SCORE_BESIDE_NAME);
        assert!(
            f.reason.contains("after the name 'Elsa Lindqvist'"),
            "{}",
            f.reason
        );
        let alone = Detector::builtin()
            .detect_pages(&["Barnet ingår 1509160006 i hushållet."])
            .unwrap();
        assert!(!alone.iter().any(|f| f.entity == Entity::Personnummer));
    }

    #[test]
    fn ids_run_through_pages() {
        let findings = Detector::builtin()
            .detect_pages(&["121212-1212", "", "212000-1124"])
            .unwrap();
        let ids: Vec<_> = findings.iter().map(|f| (f.id.as_str(), f.page)).collect();
        assert_eq!(ids, [("f-000001", 1), ("f-000002", 3)]);
    }
}
