//! Matching a document to its contexts, and a finding to candidate provisions.

use std::collections::BTreeSet;

use super::context::{ContextMatch, GENERAL_CONTEXT, normalize};
use super::{Catalogue, Context, Provision};

impl Catalogue {
    /// The contexts whose keywords occur in `text`, with the keywords found; most keywords
    /// found first, ties in catalogue order.
    pub fn detect_contexts(&self, text: &str) -> Vec<ContextMatch<'_>> {
        let text = normalize(text);
        let mut found: Vec<ContextMatch<'_>> = self
            .contexts()
            .iter()
            .filter_map(|context| {
                let keywords = context.matched_in(&text);
                (!keywords.is_empty()).then_some(ContextMatch { context, keywords })
            })
            .collect();
        // A stable sort keeps catalogue order among equals.
        found.sort_by_key(|m| std::cmp::Reverse(m.keywords.len()));
        found
    }

    /// The contexts whose keywords occur in `text` (case-insensitive, on word boundaries),
    /// most keywords found first. The catch-all context `allman` has no keywords and is never
    /// returned.
    pub fn contexts_in(&self, text: &str) -> Vec<&Context> {
        self.detect_contexts(text)
            .into_iter()
            .map(|m| m.context)
            .collect()
    }

    /// Candidate provisions for a finding of `entity` in a document of `contexts` (contexts or
    /// context ids).
    ///
    /// A candidate protects the entity and either shares a context with the document or
    /// applies everywhere (context `allman`, so it is offered even when no context was
    /// found). Most relevant first:
    /// 1. provisions tied to one of the document's contexts before those that only apply
    ///    everywhere, since the specific provision is the one a decision should cite;
    /// 2. more shared contexts first;
    /// 3. stronger presumption of secrecy first (absolut, omvänt, rakt), since recall comes
    ///    before precision;
    /// 4. the order of the law.
    pub fn candidates<I, S>(&self, entity: &str, contexts: I) -> Vec<&Provision>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let wanted: BTreeSet<String> = contexts
            .into_iter()
            .map(|c| c.as_ref().to_owned())
            .filter(|c| c != GENERAL_CONTEXT)
            .collect();
        let mut ranked: Vec<(usize, &Provision)> = self
            .provisions()
            .filter(|p| p.protects(entity))
            .filter_map(|p| {
                let shared = p.contexts.iter().filter(|c| wanted.contains(*c)).count();
                (shared > 0 || p.applies_everywhere()).then_some((shared, p))
            })
            .collect();
        ranked.sort_by(|(shared_a, a), (shared_b, b)| {
            shared_b
                .cmp(shared_a)
                .then_with(|| b.damage_test.strength().cmp(&a.damage_test.strength()))
                .then_with(|| a.id.cmp(&b.id))
        });
        ranked.into_iter().map(|(_, p)| p).collect()
    }
}
