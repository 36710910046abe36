//! The decision on a request for public documents ("beslut"), as a caseworker sends it.
//!
//! [`Decision::from_request`] gathers what the template needs from the reviewed request:
//! the documents (by file name, never a server path) and how each is released, and per
//! provision what was masked, where, and the provision's own wording as the reason. The text
//! comes from a template the authority may replace ([`Decision::to_markdown`], see
//! [`template`](super::template)); the same text is set as a PDF by [`Decision::to_pdf`].

use std::collections::BTreeMap;
use std::path::Path;

use chrono::NaiveDate;
use lantero_core::secrecy::Catalogue;
use serde::{Deserialize, Serialize};

use super::swedish;
use super::{NO_PROVISION, citation, law_order, mask_provision};
use crate::Result;
use crate::review::Request;

/// The schema tag of a decision's JSON form.
pub const DECISION_SCHEMA: &str = "lantero.decision/v1";

/// Who decides, when, and on whose request: what the review itself does not know.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DecisionDetails {
    /// The deciding authority, e.g. "Älvstrands kommun, socialnämnden".
    pub authority: String,
    /// The date of the decision.
    pub date: NaiveDate,
    /// The authority's diary number for the request ("diarienummer"), if it has one.
    #[serde(default)]
    pub diary_number: Option<String>,
    /// The person who decides, by name.
    pub decision_maker: String,
    /// Their title, e.g. "enhetschef".
    #[serde(default)]
    pub decision_maker_title: Option<String>,
    /// Who asked. A requester may stay anonymous, so this may be left out.
    #[serde(default)]
    pub requester: Option<String>,
    /// When the request came in.
    #[serde(default)]
    pub received: Option<NaiveDate>,
}

/// One document of the request and how it is released.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReleasedDocument {
    /// The file name, without folders.
    pub name: String,
    /// Its number of pages.
    pub pages: u32,
    /// Masks on it.
    pub masks: usize,
    /// The pages with at least one mask, in order.
    pub masked_pages: Vec<u32>,
    /// "lämnas ut i sin helhet" or "lämnas ut med 2 maskeringar på sidan 1".
    pub outcome: String,
}

/// One ground for masking: a provision, what it was relied on for, and where.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Ground {
    /// The provision's id, e.g. "OSL 26:1", or [`NO_PROVISION`].
    pub provision: String,
    /// Cited in full: "26 kap. 1 § offentlighets- och sekretesslagen (2009:400)".
    pub citation: String,
    /// The catalogue's short title ("Socialtjänst"), when the provision is known.
    pub title: Option<String>,
    /// What the provision protects, in the catalogue's words: the reason given.
    pub subject: Option<String>,
    /// What was masked under it: "namn, personnummer och adresser".
    pub what: String,
    /// How many masks rely on it.
    pub masks: usize,
    /// Where: "beslut.pdf sidan 1; bilaga.pdf sidorna 2 och 3".
    pub places: String,
    /// Whether a provision was stated at all (false for the masks relying on none).
    pub stated: bool,
}

/// A decision on a request, ready for its template.
///
/// ```
/// use chrono::NaiveDate;
/// use lantero_redact::detect::Detector;
/// use lantero_redact::record::{Decision, DecisionDetails};
/// use lantero_redact::review::{Request, ReviewSession};
///
/// let text = "Ekonomiskt bistånd. Sökande 19121212-1212.";
/// let findings = Detector::builtin().detect_pages(&[text])?;
/// let mut session = ReviewSession::new("/srv/arenden/beslut.txt", text.as_bytes(), 1, &findings);
/// let id = session.proposals[0].id.clone();
/// session.accept(&id, "Anna Dahl", Some("OSL 26:1"))?;
/// let details = DecisionDetails {
///     authority: "Älvstrands kommun, socialnämnden".into(),
///     date: NaiveDate::from_ymd_opt(2026, 12, 3).unwrap(),
///     diary_number: Some("SN 2026/123".into()),
///     decision_maker: "Anna Dahl".into(),
///     decision_maker_title: Some("enhetschef".into()),
///     requester: None,
///     received: None,
/// };
/// let decision = Decision::from_request(&Request::new(vec![session]), details, true);
/// let text = decision.to_markdown(None)?;
/// assert!(text.contains("beslut.txt") && !text.contains("/srv"));
/// assert!(text.contains("26 kap. 1 § offentlighets- och sekretesslagen"));
/// assert!(text.contains("1 sida"));
/// # Ok::<(), lantero_redact::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Decision {
    /// Always [`DECISION_SCHEMA`].
    pub schema: String,
    /// Who decides, when, on whose request.
    pub details: DecisionDetails,
    /// The documents, in the request's order.
    pub documents: Vec<ReleasedDocument>,
    /// Masks in all documents.
    pub masks: usize,
    /// The grounds for masking, in the order of the law; masks relying on no provision last.
    pub grounds: Vec<Ground>,
    /// Proposals nobody decided on, masked (as the release masks undecided proposals).
    pub pending: usize,
    /// Ids of proposals whose decision has no recorded history (the review file was edited by
    /// hand): nobody can say who decided them.
    pub unrecorded: Vec<String>,
    /// Everyone who recorded a decision in the review, in the order first seen.
    pub decided_by: Vec<String>,
}

impl Decision {
    /// The decision on `request` as reviewed; `mask_pending` says whether undecided
    /// proposals are masked, as [`PendingPolicy`](crate::pipeline::PendingPolicy) does.
    pub fn from_request(request: &Request, details: DecisionDetails, mask_pending: bool) -> Self {
        let catalogue = Catalogue::builtin();
        let mut grounds: BTreeMap<String, GroundBuilder> = BTreeMap::new();
        let mut documents = Vec::new();
        for session in &request.documents {
            let name = file_name(&session.document);
            let mut masked_pages = Vec::new();
            let mut masks = 0;
            for p in session
                .proposals
                .iter()
                .filter(|p| p.is_masked(mask_pending))
            {
                masks += 1;
                if !masked_pages.contains(&p.page) {
                    masked_pages.push(p.page);
                }
                let ground = grounds.entry(mask_provision(p)).or_default();
                ground.masks += 1;
                let what = swedish::what_is_masked(p.entity.map(|e| e.as_str()));
                if !ground.what.contains(&what) {
                    ground.what.push(what);
                }
                let pages = ground.places.entry(name.clone()).or_default();
                if !pages.contains(&p.page) {
                    pages.push(p.page);
                }
            }
            masked_pages.sort_unstable();
            let outcome = if masks == 0 {
                "lämnas ut i sin helhet".to_owned()
            } else {
                format!(
                    "lämnas ut med {} på {}",
                    swedish::count(masks, "maskering", "maskeringar"),
                    swedish::pages(&masked_pages)
                )
            };
            documents.push(ReleasedDocument {
                name,
                pages: session.pages,
                masks,
                masked_pages,
                outcome,
            });
        }
        let order: Vec<String> = request
            .documents
            .iter()
            .map(|s| file_name(&s.document))
            .collect();
        let mut grounds: Vec<Ground> = grounds
            .into_iter()
            .map(|(provision, g)| g.finish(provision, catalogue, &order))
            .collect();
        grounds.sort_by_key(|g| law_order(&g.provision));
        let mut decided_by: Vec<String> = Vec::new();
        for event in request.proposals().flat_map(|p| p.history.iter()) {
            if !decided_by.contains(&event.by) {
                decided_by.push(event.by.clone());
            }
        }
        Self {
            schema: DECISION_SCHEMA.to_owned(),
            details,
            masks: documents.iter().map(|d| d.masks).sum(),
            documents,
            grounds,
            pending: request
                .proposals()
                .filter(|p| p.decision == crate::review::Decision::Pending)
                .count(),
            unrecorded: request.unrecorded().iter().map(|p| p.id.clone()).collect(),
            decided_by,
        }
    }

    /// The decision as Markdown, from the authority's own `template` (minijinja syntax; see
    /// [`template`](super::template) for what it is given) or the built-in one.
    pub fn to_markdown(&self, template: Option<&str>) -> Result<String> {
        super::template::render(self, template)
    }

    /// The decision set as an A4 PDF (the built-in or the authority's template).
    pub fn to_pdf(&self, template: Option<&str>) -> Result<Vec<u8>> {
        super::pdf::markdown_to_pdf(&self.to_markdown(template)?, &self.title())
    }

    /// "Beslut SN 2026/123": the PDF's title.
    fn title(&self) -> String {
        match &self.details.diary_number {
            Some(number) => format!("Beslut {number}"),
            None => "Beslut".to_owned(),
        }
    }
}

/// A ground while masks are gathered.
#[derive(Default)]
struct GroundBuilder {
    masks: usize,
    what: Vec<String>,
    places: BTreeMap<String, Vec<u32>>,
}

impl GroundBuilder {
    fn finish(self, provision: String, catalogue: &Catalogue, order: &[String]) -> Ground {
        let known = catalogue.get(&provision).ok();
        let mut places: Vec<(&String, Vec<u32>)> =
            self.places.iter().map(|(d, p)| (d, p.clone())).collect();
        places.sort_by_key(|(d, _)| order.iter().position(|o| o == *d));
        let places = places
            .into_iter()
            .map(|(document, mut pages)| {
                pages.sort_unstable();
                format!("{document} {}", swedish::pages(&pages))
            })
            .collect::<Vec<_>>()
            .join("; ");
        Ground {
            citation: known
                .map(|p| citation(&p.id.to_string()))
                .unwrap_or_else(|| provision.clone()),
            title: known.map(|p| p.title.clone()),
            subject: known.map(|p| p.subject.clone()),
            what: swedish::list(&self.what),
            masks: self.masks,
            places,
            stated: provision != NO_PROVISION,
            provision,
        }
    }
}

/// The name a decision may give a document: its file name, never the folders it lies in.
pub(crate) fn file_name(document: &str) -> String {
    Path::new(document)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| document.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::Detector;
    use crate::review::ReviewSession;

    fn details() -> DecisionDetails {
        DecisionDetails {
            authority: "Älvstrands kommun, socialnämnden".into(),
            date: NaiveDate::from_ymd_opt(2026, 12, 3).unwrap(),
            diary_number: Some("SN 2026/123".into()),
            decision_maker: "Anna Dahl".into(),
            decision_maker_title: Some("enhetschef".into()),
            requester: Some("Per Persson".into()),
            received: NaiveDate::from_ymd_opt(2026, 11, 28),
        }
    }

    fn session(name: &str, pages: &[&str]) -> ReviewSession {
        let findings = Detector::builtin().detect_pages(pages).unwrap();
        let bytes = pages.join("\u{c}");
        ReviewSession::new(name, bytes.as_bytes(), pages.len() as u32, &findings)
    }

    #[test]
    fn grounds_gather_masks_of_every_document_by_provision() {
        let mut a = session(
            "/srv/a.pdf",
            &[
                "Ekonomiskt bistånd, 19121212-1212",
                "Anna Svensson, 811218-9876",
            ],
        );
        let b = session("b.pdf", &["Inget här."]);
        let ids: Vec<String> = a.proposals.iter().map(|p| p.id.clone()).collect();
        for id in &ids {
            a.accept(id, "Anna Dahl", Some("OSL 26:1")).unwrap();
        }
        let decision = Decision::from_request(&Request::new(vec![a, b]), details(), true);
        assert_eq!(decision.documents[0].name, "a.pdf");
        assert_eq!(decision.documents[1].outcome, "lämnas ut i sin helhet");
        let ground = &decision.grounds[0];
        assert_eq!(ground.provision, "OSL 26:1");
        assert_eq!(ground.places, "a.pdf sidorna 1 och 2");
        assert!(ground.what.contains("personnummer"), "{}", ground.what);
        assert!(
            ground
                .subject
                .as_deref()
                .unwrap()
                .contains("socialtjänsten")
        );
        assert_eq!(decision.decided_by, ["Anna Dahl"]);
        assert!(decision.unrecorded.is_empty());
    }

    #[test]
    fn masks_without_a_provision_are_a_ground_of_their_own() {
        let mut a = session("a.pdf", &["Kontakt: anna@example.org"]);
        let id = a.proposals[0].id.clone();
        a.proposals[0].provisions.clear();
        a.accept(&id, "Anna Dahl", None).unwrap();
        let decision = Decision::from_request(&Request::new(vec![a]), details(), true);
        assert_eq!(decision.grounds[0].provision, NO_PROVISION);
        assert_eq!(decision.grounds[0].subject, None);
    }
}
