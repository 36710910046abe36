//! Detection on text: the recognizers (`lantero_redact::detect::Detector`) and the resolver
//! that merges overlaps, propagates names and attaches candidate provisions.

use std::sync::Arc;

use lantero_redact::detect::{self, Entity};
use lantero_redact::resolve::Resolver;

use super::RedactError;
use super::findings::{Finding, convert};
use crate::guard::guard;

/// Finds personal data in page texts with the built-in recognizers.
#[derive(Debug, uniffi::Object)]
pub struct Detector {
    inner: detect::Detector,
}

#[uniffi::export]
impl Detector {
    /// Every built-in recognizer, every entity, no score floor.
    #[uniffi::constructor]
    pub fn builtin() -> Result<Arc<Self>, RedactError> {
        guard(|| Ok(Self::wrap(detect::Detector::builtin())))
    }

    /// The built-in recognizers, keeping findings scoring at least `min_score` and, when
    /// `entities` is given, only those entities (e.g. `["PERSONNUMMER", "EMAIL"]`).
    #[uniffi::constructor]
    pub fn with_filter(
        min_score: f32,
        entities: Option<Vec<String>>,
    ) -> Result<Arc<Self>, RedactError> {
        guard(|| {
            let mut detector = detect::Detector::builtin().with_min_score(min_score);
            if let Some(names) = entities {
                let entities = names
                    .iter()
                    .map(|name| name.parse::<Entity>())
                    .collect::<Result<Vec<_>, _>>()?;
                detector = detector.with_entities(entities);
            }
            Ok(Self::wrap(detector))
        })
    }

    /// Finds sensitive data on every page (1-based page numbers); ids count up through the
    /// document in reading order. Raw recognizer output: see `resolve_findings`.
    pub fn detect_pages(&self, pages: Vec<String>) -> Result<Vec<Finding>, RedactError> {
        guard(|| {
            let found = self.inner.detect_pages(&pages)?;
            Ok(found.into_iter().map(Finding::from).collect())
        })
    }

    /// `detect_pages` on one page of text.
    pub fn detect_text(&self, text: String) -> Result<Vec<Finding>, RedactError> {
        self.detect_pages(vec![text])
    }
}

impl Detector {
    fn wrap(inner: detect::Detector) -> Arc<Self> {
        Arc::new(Self { inner })
    }
}

/// The resolver over `findings` of `pages`: overlapping findings merged (widened to cover
/// all), found names propagated to their other occurrences, candidate secrecy provisions
/// attached from the built-in catalogue, and ids renumbered in reading order.
#[uniffi::export]
pub fn resolve_findings(
    pages: Vec<String>,
    findings: Vec<Finding>,
) -> Result<Vec<Finding>, RedactError> {
    guard(|| {
        let findings = convert(findings)?;
        let resolved = Resolver::default().resolve(&pages, findings);
        Ok(resolved.into_iter().map(Finding::from).collect())
    })
}

/// The entity names detection knows, e.g. `PERSONNUMMER`, `PERSON`, `EMAIL`.
#[uniffi::export]
pub fn entity_names() -> Result<Vec<String>, RedactError> {
    guard(|| Ok(Entity::ALL.iter().map(|e| e.as_str().to_owned()).collect()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_a_personnummer_and_resolves_its_provision() {
        let pages = vec!["Ekonomiskt bistånd. Sökande 19121212-1212.".to_owned()];
        let detector = Detector::builtin().unwrap();
        let found = detector.detect_pages(pages.clone()).unwrap();
        let pnr = found.iter().find(|f| f.entity == "PERSONNUMMER").unwrap();
        assert_eq!(
            (pnr.text.as_str(), pnr.start, pnr.end),
            ("19121212-1212", 28, 41)
        );
        let resolved = resolve_findings(pages, found).unwrap();
        let pnr = resolved
            .iter()
            .find(|f| f.entity == "PERSONNUMMER")
            .unwrap();
        assert!(pnr.provisions.contains(&"OSL 26:1".to_owned()), "{pnr:?}");
    }

    #[test]
    fn an_unknown_entity_is_a_typed_error() {
        let err = Detector::with_filter(0.0, Some(vec!["SHOE_SIZE".into()])).unwrap_err();
        assert!(
            matches!(&err, RedactError::UnknownEntity(m) if m.contains("SHOE_SIZE")),
            "{err:?}"
        );
        let only_email = Detector::with_filter(0.0, Some(vec!["EMAIL".into()])).unwrap();
        let found = only_email
            .detect_text("19121212-1212 anna@example.se".into())
            .unwrap();
        assert!(
            found.iter().all(|f| f.entity == "EMAIL") && !found.is_empty(),
            "{found:?}"
        );
    }
}
