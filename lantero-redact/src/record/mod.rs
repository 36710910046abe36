//! What was released and why: the decision record of one document ([`DecisionRecord`]: which
//! secrecy provisions were applied on which pages, as JSON and Markdown), and the decision on a
//! whole request as it is sent to the requester ([`Decision`], from an editable template, as
//! Markdown and PDF).
//!
//! ```
//! use lantero_redact::detect::Detector;
//! use lantero_redact::record::DecisionRecord;
//! use lantero_redact::review::ReviewSession;
//!
//! let text = "Ekonomiskt bistånd för 19121212-1212";
//! let findings = Detector::builtin().detect_pages(&[text])?;
//! let mut session = ReviewSession::new("beslut.txt", text.as_bytes(), 1, &findings);
//! let id = session.proposals[0].id.clone();
//! session.accept(&id, "anna", Some("OSL 26:1"))?;
//!
//! let record = DecisionRecord::from_session(&session, false);
//! assert_eq!(record.applied[0].provision, "OSL 26:1");
//! assert_eq!(record.applied[0].pages, [1]);
//! assert!(record.to_markdown().contains("26 kap. 1 § offentlighets- och sekretesslagen"));
//! # Ok::<(), lantero_redact::Error>(())
//! ```

mod decision;
mod pdf;
pub mod swedish;
pub mod template;

use std::collections::BTreeMap;

use lantero_core::secrecy::Catalogue;
use serde::{Deserialize, Serialize};

pub(crate) use decision::file_name;
pub use decision::{DECISION_SCHEMA, Decision, DecisionDetails, Ground, ReleasedDocument};
pub use pdf::markdown_to_pdf;

use crate::review::{Proposal, ReviewSession};

/// Schema tag of decision records.
pub const SCHEMA: &str = "lantero.decision-record/v1";

/// Text used where a mask relies on no stated provision.
pub const NO_PROVISION: &str = "ingen bestämmelse angiven";

/// One provision and where it was applied.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AppliedProvision {
    /// The provision id, e.g. `"OSL 26:1"`, or [`NO_PROVISION`].
    pub provision: String,
    /// Its reference in Swedish legal style, e.g. "26 kap. 1 § offentlighets- och sekretesslagen
    /// (2009:400)".
    pub citation: String,
    /// The catalogue's title for it, when known.
    pub title: Option<String>,
    /// The pages it was applied on.
    pub pages: Vec<u32>,
    /// How many masks rely on it.
    pub masks: usize,
}

/// What was masked in a document, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DecisionRecord {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// The document.
    pub document: String,
    /// Its SHA-256.
    pub document_sha256: String,
    /// Number of pages.
    pub pages: u32,
    /// The provisions applied, in the order of the law.
    pub applied: Vec<AppliedProvision>,
    /// Masks in total.
    pub masks: usize,
}

impl DecisionRecord {
    /// The record of the masks a session applies (`mask_pending`: whether undecided proposals
    /// are masked too). A mask's provision is the one its decision relied on, else its first
    /// candidate.
    pub fn from_session(session: &ReviewSession, mask_pending: bool) -> Self {
        let catalogue = Catalogue::builtin();
        let mut by_provision: BTreeMap<String, (Vec<u32>, usize)> = BTreeMap::new();
        let mut masks = 0;
        for p in session
            .proposals
            .iter()
            .filter(|p| p.is_masked(mask_pending))
        {
            masks += 1;
            let entry = by_provision.entry(mask_provision(p)).or_default();
            if !entry.0.contains(&p.page) {
                entry.0.push(p.page);
            }
            entry.1 += 1;
        }
        let mut applied: Vec<AppliedProvision> = by_provision
            .into_iter()
            .map(|(provision, (mut pages, count))| {
                pages.sort_unstable();
                let known = catalogue.get(&provision).ok();
                AppliedProvision {
                    citation: known
                        .map(|p| citation(&p.id.to_string()))
                        .unwrap_or_else(|| provision.clone()),
                    title: known.map(|p| p.title.clone()),
                    provision,
                    pages,
                    masks: count,
                }
            })
            .collect();
        applied.sort_by_key(|a| law_order(&a.provision));
        Self {
            schema: SCHEMA.to_owned(),
            document: session.document.clone(),
            document_sha256: session.document_sha256.clone(),
            pages: session.pages,
            applied,
            masks,
        }
    }

    /// The record as a short Swedish text for the written decision.
    pub fn to_markdown(&self) -> String {
        let mut out = format!("# Underlag för beslut: {}\n\n", file_name(&self.document));
        if self.applied.is_empty() {
            out.push_str("Handlingen lämnas ut i sin helhet. Inga uppgifter har maskerats.\n");
            return out;
        }
        out.push_str(&format!(
            "Handlingen ({}) lämnas ut med {}. Uppgifterna har maskerats med stöd av:\n\n",
            swedish::count(self.pages as usize, "sida", "sidor"),
            swedish::count(self.masks, "maskering", "maskeringar")
        ));
        for a in &self.applied {
            let title = a
                .title
                .as_deref()
                .map(|t| format!(" ({t})"))
                .unwrap_or_default();
            out.push_str(&format!(
                "- {}{}: {} på {}\n",
                a.citation,
                title,
                swedish::count(a.masks, "maskering", "maskeringar"),
                swedish::pages(&a.pages)
            ));
        }
        out.push_str(concat!(
            "\nHur man överklagar: beslutet kan överklagas hos kammarrätten. Överklagandet ska ",
            "vara skriftligt och ha kommit in till myndigheten som fattade beslutet inom tre ",
            "veckor från den dag då du fick del av beslutet (6 kap. 7–8 §§ ",
            "offentlighets- och sekretesslagen).\n",
        ));
        out
    }
}

/// The provision a mask relies on: the one its decision named, else its first candidate, else
/// [`NO_PROVISION`].
fn mask_provision(p: &Proposal) -> String {
    p.provision
        .clone()
        .or_else(|| p.provisions.first().cloned())
        .unwrap_or_else(|| NO_PROVISION.to_owned())
}

/// "OSL 26:1" → "26 kap. 1 § offentlighets- och sekretesslagen (2009:400)".
fn citation(id: &str) -> String {
    let Some(rest) = id.strip_prefix("OSL ") else {
        return id.to_owned();
    };
    match rest.split_once(':') {
        Some((chapter, section)) => {
            format!("{chapter} kap. {section} § offentlighets- och sekretesslagen (2009:400)")
        }
        None => id.to_owned(),
    }
}

/// Sort key: chapter and section numbers, unknown ids last.
fn law_order(id: &str) -> (u32, u32, String) {
    let numbers = id
        .strip_prefix("OSL ")
        .and_then(|rest| rest.split_once(':'))
        .and_then(|(c, s)| {
            let section: String = s.chars().take_while(char::is_ascii_digit).collect();
            Some((c.parse().ok()?, section.parse().ok()?))
        });
    let (chapter, section) = numbers.unwrap_or((u32::MAX, u32::MAX));
    (chapter, section, id.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::Detector;

    #[test]
    fn groups_by_provision_in_law_order_and_lists_pages() {
        let pages = ["a 19121212-1212", "b 811218-9876", "c 121212-1212"];
        let findings = Detector::builtin().detect_pages(&pages).unwrap();
        let bytes = pages.join("\u{c}");
        let mut s = ReviewSession::new("d.pdf", bytes.as_bytes(), 3, &findings);
        let ids: Vec<String> = s.proposals.iter().map(|p| p.id.clone()).collect();
        s.accept(&ids[0], "a", Some("OSL 26:1")).unwrap();
        s.accept(&ids[1], "a", Some("OSL 21:3")).unwrap();
        s.accept(&ids[2], "a", Some("OSL 26:1")).unwrap();
        let r = DecisionRecord::from_session(&s, false);
        let got: Vec<(&str, &[u32], usize)> = r
            .applied
            .iter()
            .map(|a| (a.provision.as_str(), a.pages.as_slice(), a.masks))
            .collect();
        assert_eq!(
            got,
            [("OSL 21:3", &[2][..], 1), ("OSL 26:1", &[1, 3][..], 2)]
        );
        let md = r.to_markdown();
        assert!(md.contains("2 maskeringar på sidorna 1 och 3"), "{md}");
        assert!(md.contains("(3 sidor)"), "{md}");
        assert!(md.contains("kammarrätten"));
    }

    #[test]
    fn nothing_masked_means_released_in_full() {
        let s = ReviewSession::new("d.txt", b"inget", 1, &[]);
        let r = DecisionRecord::from_session(&s, true);
        assert!(r.applied.is_empty());
        assert!(r.to_markdown().contains("i sin helhet"));
    }

    #[test]
    fn one_page_is_one_sida_and_no_folder_is_named() {
        let pages = ["Ekonomiskt bistånd för 19121212-1212"];
        let findings = Detector::builtin().detect_pages(&pages).unwrap();
        let s = ReviewSession::new("/srv/arenden/d.pdf", b"x", 1, &findings);
        let md = DecisionRecord::from_session(&s, true).to_markdown();
        assert!(
            md.contains("(1 sida)") && md.contains("1 maskering på sidan 1"),
            "{md}"
        );
        assert!(!md.contains("/srv"), "{md}");
    }
}
