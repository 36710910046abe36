//! The resolver: turns the recognizers' raw findings into the proposals a caseworker sees.
//!
//! 1. [`merge_overlaps`]: overlapping findings on a page become one, the strongest, widened to
//!    cover all of them (a partial mask is a leak);
//! 2. [`propagate_names`]: every detected full name is also found where it recurs — surname
//!    alone, first name alone, genitive -s, ALL CAPS;
//! 3. [`propagate_values`]: every identifier found once is proposed wherever it recurs;
//! 4. [`attach_provisions`]: candidate OSL provisions from the core catalogue by entity and the
//!    kind of document ([`classify`]: its activity, decided once from the whole text);
//! 5. [`PublicRules::mark`], once the findings have boxes: the authority's own details,
//!    officials in role and allowed strings are released by default, with the reason.
//!
//! For a request of several documents, [`propagate_across`] then proposes each document's
//! names and identifiers in the others.
//!
//! ```
//! use lantero_redact::detect::Detector;
//! use lantero_redact::resolve::Resolver;
//!
//! let pages = ["Ekonomiskt bistånd. Sökande 19121212-1212."];
//! let findings = Detector::builtin().detect_pages(&pages)?;
//! let resolved = Resolver::default().resolve(&pages, findings);
//! assert!(resolved[0].provisions.contains(&"OSL 26:1".to_string()));
//! # Ok::<(), lantero_redact::Error>(())
//! ```

mod cells;
mod kind;
mod overlap;
mod propagate;
mod provisions;
mod public;
mod repeat;
mod request;
mod roles;

pub use kind::{Classification, DocumentKind, classify};
pub use overlap::merge_overlaps;
pub use propagate::propagate_names;
pub use provisions::{attach_for_kind, attach_provisions, no_provision};
pub use public::{PageLayout, PublicRules};
pub use repeat::propagate_values;
pub use request::{RequestDocument, propagate_across};

use lantero_core::secrecy::Catalogue;

use crate::detect::{Finding, number_findings};

/// Runs the resolver's steps in order with one catalogue.
#[derive(Debug, Clone, Copy)]
pub struct Resolver<'c> {
    /// The catalogue provisions come from.
    pub catalogue: &'c Catalogue,
    /// How many candidate provisions to attach per finding at most.
    pub max_provisions: usize,
}

impl Default for Resolver<'static> {
    fn default() -> Self {
        Self {
            catalogue: Catalogue::builtin(),
            max_provisions: 3,
        }
    }
}

impl Resolver<'_> {
    /// Merges, propagates and attaches provisions, then numbers the findings `f-000001` … in
    /// page and reading order. `pages` are the page texts the findings' offsets index.
    pub fn resolve<S: AsRef<str>>(&self, pages: &[S], findings: Vec<Finding>) -> Vec<Finding> {
        let texts: Vec<&str> = pages.iter().map(AsRef::as_ref).collect();
        let findings = merge_overlaps(&texts, findings);
        let findings = propagate_names(&texts, findings);
        let findings = propagate_values(&texts, findings);
        let mut findings = merge_overlaps(&texts, findings);
        self.attach_provisions(&texts, &mut findings);
        number_findings(&mut findings);
        findings
    }

    /// Attaches this resolver's candidate provisions to findings that have fewer than its
    /// maximum; see [`attach_provisions`].
    pub fn attach_provisions(&self, pages: &[&str], findings: &mut [Finding]) {
        attach_provisions(self.catalogue, pages, findings, self.max_provisions);
    }
}
