//! The outcome of a records request and its written decision in Swedish.
//!
//! A refusal, in whole or in part, must be a written decision that cites the provision relied
//! on and tells how to appeal (OSL 6 kap. 3 § and 7–8 §§, förvaltningslagen 32–33 §§ and
//! 43–45 §§). A full release is not appealable by the requester, so it carries no appeal notice.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::RequestedDocument;
use crate::case::Reference;
use crate::policy::ActorId;
use crate::{Error, Result};

/// The `schema` tag of a serialized [`DecisionDocument`].
pub const DECISION_SCHEMA: &str = "lantero.records-decision/v1";

/// Masks applied to one document on a partial release, and the provision relied on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MaskGround {
    /// 0-based index into the request's documents.
    pub document: usize,
    /// The provision id in the secrecy catalogue, e.g. `"OSL 26:1"`.
    pub provision: String,
    /// How many masks rely on it in that document.
    pub masks: u32,
}

/// What the authority decided.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum Outcome {
    /// Everything is released.
    Release,
    /// Released with masks; the masked parts are refused.
    PartialRelease {
        /// The masks and their grounds.
        masks: Vec<MaskGround>,
    },
    /// Nothing is released.
    Refusal {
        /// The provisions relied on.
        provisions: Vec<String>,
    },
}

impl Outcome {
    /// The provision ids relied on, without duplicates, in first-use order.
    pub fn provisions(&self) -> Vec<String> {
        let all: Vec<&String> = match self {
            Self::Release => Vec::new(),
            Self::PartialRelease { masks } => masks.iter().map(|m| &m.provision).collect(),
            Self::Refusal { provisions } => provisions.iter().collect(),
        };
        let mut out: Vec<String> = Vec::new();
        for p in all {
            if !out.contains(p) {
                out.push(p.clone());
            }
        }
        out
    }

    /// Whether anything is withheld (then the decision is appealable).
    pub fn withholds(&self) -> bool {
        !matches!(self, Self::Release)
    }
}

/// A written decision. `Debug` shows the reference, date and provisions, not the text.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionDocument {
    /// Always [`DECISION_SCHEMA`].
    pub schema: String,
    /// The case reference.
    pub reference: String,
    /// The decision date (Stockholm).
    pub date: NaiveDate,
    /// The provisions relied on, as catalogue ids.
    pub provisions: Vec<String>,
    /// The full text in Swedish, ready to print.
    pub text: String,
}

/// A decision as recorded on the case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordsDecision {
    /// The outcome.
    pub outcome: Outcome,
    /// Who decided.
    pub decided_by: ActorId,
    /// When.
    pub decided_at: DateTime<Utc>,
    /// The written decision.
    pub document: DecisionDocument,
}

/// A provision as cited in a decision: `"26 kap. 1 § offentlighets- och sekretesslagen
/// (2009:400)"`. The id must be in the secrecy catalogue of `lantero-core`, so that a decision
/// never cites a provision a lawyer has not reviewed.
///
/// ```
/// use lantero_cases::records::cite_provision;
///
/// assert_eq!(
///     cite_provision("OSL 30:4 b")?,
///     "30 kap. 4 b § offentlighets- och sekretesslagen (2009:400)"
/// );
/// assert!(cite_provision("OSL 99:1").is_err());
/// # Ok::<(), lantero_cases::Error>(())
/// ```
pub fn cite_provision(id: &str) -> Result<String> {
    let provision = lantero_core::secrecy::Catalogue::builtin().get(id)?;
    let citation = provision.id.citation();
    let body = citation.strip_suffix(" OSL").unwrap_or(&citation);
    Ok(format!(
        "{body} offentlighets- och sekretesslagen (2009:400)"
    ))
}

/// The appeal notice (hur man överklagar) for a decision by `authority`.
pub fn appeal_notice(authority: &str) -> String {
    format!(
        "Hur man överklagar\n\
         Beslutet kan överklagas till kammarrätten (6 kap. 7 och 8 §§ offentlighets- och \
         sekretesslagen). Överklagandet ska vara skriftligt och ges in till {authority}, \
         inte till kammarrätten, inom tre veckor från den dag då ni fick del av beslutet \
         (44 § förvaltningslagen). Ange vilket beslut som överklagas och hur ni vill att det \
         ska ändras. Ni behöver inte uppge ert namn eller varför ni vill ta del av handlingarna."
    )
}

/// Writes the decision on a records request.
///
/// ```
/// use chrono::NaiveDate;
/// use lantero_cases::case::{CaseKind, Reference};
/// use lantero_cases::records::{render_decision, MaskGround, Outcome, RequestedDocument};
///
/// let docs = vec![RequestedDocument { description: "Utredning dnr SN 2025/14".into(), registry_ref: None }];
/// let outcome = Outcome::PartialRelease {
///     masks: vec![MaskGround { document: 0, provision: "OSL 26:1".into(), masks: 3 }],
/// };
/// let doc = render_decision(
///     "Ånge kommun",
///     Reference::new(CaseKind::RecordsRequest, 2025, 7),
///     NaiveDate::from_ymd_opt(2025, 6, 2).unwrap(),
///     &docs,
///     &outcome,
/// )?;
/// assert!(doc.text.contains("26 kap. 1 § offentlighets- och sekretesslagen"));
/// assert!(doc.text.contains("kammarrätten"));
/// assert_eq!(doc.provisions, ["OSL 26:1"]);
/// # Ok::<(), lantero_cases::Error>(())
/// ```
pub fn render_decision(
    authority: &str,
    reference: Reference,
    date: NaiveDate,
    documents: &[RequestedDocument],
    outcome: &Outcome,
) -> Result<DecisionDocument> {
    let provisions = outcome.provisions();
    let citations = provisions
        .iter()
        .map(|p| cite_provision(p))
        .collect::<Result<Vec<_>>>()?;
    if let Outcome::PartialRelease { masks } = outcome {
        if masks.is_empty() {
            return Err(Error::invalid(
                "outcome",
                "partial_release",
                "a partial release needs at least one mask",
            ));
        }
        if let Some(m) = masks.iter().find(|m| m.document >= documents.len()) {
            return Err(Error::invalid(
                "mask document",
                m.document.to_string(),
                format!("the request lists {} documents", documents.len()),
            ));
        }
    }
    if matches!(outcome, Outcome::Refusal { provisions } if provisions.is_empty()) {
        return Err(Error::invalid(
            "outcome",
            "refusal",
            "a refusal must cite a provision",
        ));
    }

    let mut text = format!(
        "BESLUT\n{authority}\nDiarienummer: {reference}\nDatum: {date}\n\n\
         Begäran om att ta del av allmänna handlingar\n\n"
    );
    text.push_str("Begärda handlingar\n");
    for (i, d) in documents.iter().enumerate() {
        text.push_str(&format!("{}. {}", i + 1, d.description));
        if let Some(r) = &d.registry_ref {
            text.push_str(&format!(" ({r})"));
        }
        text.push('\n');
    }
    text.push_str("\nBeslut\n");
    match outcome {
        Outcome::Release => {
            text.push_str(&format!(
                "{authority} lämnar ut handlingarna i sin helhet.\n"
            ));
        }
        Outcome::PartialRelease { masks } => {
            text.push_str(&format!(
                "{authority} lämnar ut handlingarna med undantag för de uppgifter som har \
                 maskerats. I den delen avslås begäran.\n\nSkäl för beslutet\n\
                 De maskerade uppgifterna omfattas av sekretess enligt\n"
            ));
            for (p, c) in provisions.iter().zip(&citations) {
                let count: u32 = masks
                    .iter()
                    .filter(|m| &m.provision == p)
                    .map(|m| m.masks)
                    .sum();
                let docs: Vec<String> = masks
                    .iter()
                    .filter(|m| &m.provision == p)
                    .map(|m| (m.document + 1).to_string())
                    .collect();
                text.push_str(&format!(
                    "- {c} ({count} maskeringar i handling {})\n",
                    docs.join(", ")
                ));
            }
        }
        Outcome::Refusal { .. } => {
            text.push_str(&format!(
                "{authority} avslår begäran.\n\nSkäl för beslutet\n\
                 Uppgifterna i handlingarna omfattas av sekretess enligt\n"
            ));
            for c in &citations {
                text.push_str(&format!("- {c}\n"));
            }
        }
    }
    if outcome.withholds() {
        text.push('\n');
        text.push_str(&appeal_notice(authority));
        text.push('\n');
    }
    Ok(DecisionDocument {
        schema: DECISION_SCHEMA.to_owned(),
        reference: reference.to_string(),
        date,
        provisions,
        text,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::case::CaseKind;

    fn docs() -> Vec<RequestedDocument> {
        vec![
            RequestedDocument {
                description: "Beslut A".into(),
                registry_ref: Some("KS 2025/1".into()),
            },
            RequestedDocument {
                description: "Beslut B".into(),
                registry_ref: None,
            },
        ]
    }

    fn date() -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, 5, 5).unwrap()
    }

    fn reference() -> Reference {
        Reference::new(CaseKind::RecordsRequest, 2025, 1)
    }

    #[test]
    fn release_has_no_appeal_notice_and_refusal_has_one() {
        let rel = render_decision("K", reference(), date(), &docs(), &Outcome::Release).unwrap();
        assert!(!rel.text.contains("överklagas"));
        assert!(rel.provisions.is_empty());
        let refusal = Outcome::Refusal {
            provisions: vec!["OSL 21:3".into()],
        };
        let r = render_decision("K", reference(), date(), &docs(), &refusal).unwrap();
        assert!(r.text.contains("K avslår begäran."));
        assert!(r.text.contains("21 kap. 3 §"));
        assert!(r.text.contains("inom tre veckor"));
        assert_eq!(r.schema, DECISION_SCHEMA);
    }

    #[test]
    fn partial_release_counts_masks_per_provision() {
        let outcome = Outcome::PartialRelease {
            masks: vec![
                MaskGround {
                    document: 0,
                    provision: "OSL 26:1".into(),
                    masks: 2,
                },
                MaskGround {
                    document: 1,
                    provision: "OSL 26:1".into(),
                    masks: 1,
                },
                MaskGround {
                    document: 1,
                    provision: "OSL 21:3".into(),
                    masks: 4,
                },
            ],
        };
        let d = render_decision("K", reference(), date(), &docs(), &outcome).unwrap();
        assert_eq!(d.provisions, ["OSL 26:1", "OSL 21:3"]);
        assert!(
            d.text.contains("(3 maskeringar i handling 1, 2)"),
            "{}",
            d.text
        );
        assert!(d.text.contains("(4 maskeringar i handling 2)"));
    }

    #[test]
    fn bad_outcomes_are_rejected() {
        let none = Outcome::Refusal { provisions: vec![] };
        assert!(render_decision("K", reference(), date(), &docs(), &none).is_err());
        let unknown = Outcome::Refusal {
            provisions: vec!["OSL 99:9".into()],
        };
        assert!(render_decision("K", reference(), date(), &docs(), &unknown).is_err());
        let out_of_range = Outcome::PartialRelease {
            masks: vec![MaskGround {
                document: 5,
                provision: "OSL 26:1".into(),
                masks: 1,
            }],
        };
        assert!(render_decision("K", reference(), date(), &docs(), &out_of_range).is_err());
    }
}
