//! Merging a customer's corrections and additions into a catalogue.

use serde::{Deserialize, Serialize};

use super::{Catalogue, ProvisionId};
use crate::Result;

/// What a [`Catalogue::merge`] changed, for the record of who corrected what.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MergeReport {
    /// Provisions that were not in the catalogue before.
    pub added: Vec<ProvisionId>,
    /// Provisions whose entry was replaced.
    pub replaced: Vec<ProvisionId>,
    /// Contexts that were not in the catalogue before.
    pub contexts_added: Vec<String>,
    /// Contexts whose definition was replaced.
    pub contexts_replaced: Vec<String>,
}

impl Catalogue {
    /// Merges `other` into this catalogue: an entry with an id already present replaces it
    /// whole (a corrected entry), a new id is added. Contexts merge the same way; a replaced
    /// context keeps its place. The name, law and notice of `self` are kept.
    ///
    /// The result must validate (every context a provision lists is defined); if it does not,
    /// the catalogue is left unchanged and the error is returned.
    ///
    /// ```
    /// use lantero_core::secrecy::Catalogue;
    ///
    /// let mut osl = Catalogue::builtin().clone();
    /// let fix = Catalogue::from_json(r#"{
    ///     "schema": "lantero.secrecy-catalogue/v1",
    ///     "provisions": [{
    ///         "id": "OSL 39:1", "title": "Personalsocial verksamhet",
    ///         "subject": "Granskad lydelse ...", "damage_test": "omvänt",
    ///         "duration_years": 70, "contexts": ["personal"],
    ///         "entities": ["PERSON", "HEALTH"], "source": "Kommunens jurist 2025-06-01"
    ///     }]
    /// }"#, "kommunens-rattelser.json")?;
    /// let report = osl.merge(fix)?;
    /// assert_eq!(report.replaced[0].to_string(), "OSL 39:1");
    /// assert!(!osl.get("39:1")?.verify);
    /// # Ok::<(), lantero_core::Error>(())
    /// ```
    pub fn merge(&mut self, other: Catalogue) -> Result<MergeReport> {
        let mut merged = self.clone();
        let mut report = MergeReport::default();
        let (other_contexts, other_provisions) = other.into_parts();
        {
            let (contexts, provisions) = merged.parts_mut();
            for context in other_contexts {
                match contexts.iter_mut().find(|c| c.id == context.id) {
                    Some(existing) => {
                        report.contexts_replaced.push(context.id.clone());
                        *existing = context;
                    }
                    None => {
                        report.contexts_added.push(context.id.clone());
                        contexts.push(context);
                    }
                }
            }
            for (id, provision) in other_provisions {
                match provisions.insert(id, provision) {
                    Some(_) => report.replaced.push(id),
                    None => report.added.push(id),
                }
            }
        }
        merged.validate()?;
        *self = merged;
        Ok(report)
    }
}
