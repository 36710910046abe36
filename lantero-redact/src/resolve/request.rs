//! Propagating across the documents of one request.
//!
//! A request for public documents is usually answered with several documents at once. A name
//! masked in one and released in another is not masked at all: the requester lays the two side
//! by side. So every person name and identifier found in one document of a request is also
//! proposed wherever it recurs in the others, with the same rules as within a document
//! ([`propagate_names`](super::propagate_names), [`propagate_values`](super::propagate_values)).

use super::merge_overlaps;
use super::propagate::{add_occurrences, name_patterns};
use super::repeat::value_patterns;
use crate::detect::Finding;

/// One document of a request: its name (as the caseworker knows it, no path), its page texts,
/// and its resolved findings.
#[derive(Debug, Clone)]
pub struct RequestDocument<'a> {
    /// The document's file name, used in the reasons given.
    pub name: &'a str,
    /// The page texts the findings' offsets index.
    pub pages: Vec<&'a str>,
    /// Its findings.
    pub findings: Vec<Finding>,
}

/// Returns each document's findings with every name and identifier found in *another*
/// document added where it recurs, the reason naming the document and page it came from.
/// Occurrences already covered by a finding are left alone; the order of documents is kept.
///
/// ```
/// use lantero_redact::detect::Detector;
/// use lantero_redact::resolve::{RequestDocument, Resolver, propagate_across};
///
/// let a = ["Sökande: Karin Lindqvist, konto 8125-8, 318 105 286-1."];
/// let b = ["Överfört till 8125-8, 318 105 286-1 i mars."];
/// let detector = Detector::builtin();
/// let resolver = Resolver::default();
/// let documents = vec![
///     RequestDocument { name: "a.pdf", pages: a.to_vec(), findings: resolver.resolve(&a, detector.detect_pages(&a)?) },
///     RequestDocument { name: "b.pdf", pages: b.to_vec(), findings: resolver.resolve(&b, detector.detect_pages(&b)?) },
/// ];
/// assert!(documents[1].findings.is_empty()); // alone, b's account has no label
/// let found = propagate_across(documents);
/// assert_eq!(found[1][0].text, "8125-8, 318 105 286-1");
/// assert!(found[1][0].reason.contains("a.pdf"));
/// # Ok::<(), lantero_redact::Error>(())
/// ```
pub fn propagate_across(documents: Vec<RequestDocument<'_>>) -> Vec<Vec<Finding>> {
    if documents.len() < 2 {
        return documents.into_iter().map(|d| d.findings).collect();
    }
    documents
        .iter()
        .enumerate()
        .map(|(index, document)| {
            let (sources, names): (Vec<Finding>, Vec<&str>) = documents
                .iter()
                .enumerate()
                .filter(|(other, _)| *other != index)
                // What the public rules release (an official's name) is not a secret to carry over.
                .flat_map(|(_, d)| {
                    d.findings
                        .iter()
                        .filter(|f| f.public.is_none())
                        .map(move |f| (f.clone(), d.name))
                })
                .unzip();
            let mut patterns = name_patterns(&sources);
            patterns.extend(value_patterns(&sources));
            let found = add_occurrences(
                &document.pages,
                document.findings.clone(),
                &sources,
                &patterns,
                |source, origin| {
                    format!(
                        "{} '{}' found in {}, page {}: the same in every document of the request",
                        origin.entity.as_str(),
                        origin.text,
                        names[source],
                        origin.page
                    )
                },
            );
            merge_overlaps(&document.pages, found)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::{Detector, Entity};
    use crate::resolve::Resolver;

    fn resolved<'a>(name: &'a str, pages: &[&'a str]) -> RequestDocument<'a> {
        let findings = Detector::builtin().detect_pages(pages).unwrap();
        RequestDocument {
            name,
            pages: pages.to_vec(),
            findings: Resolver::default().resolve(pages, findings),
        }
    }

    #[test]
    fn names_and_identifiers_cross_documents_both_ways() {
        let a = ["Sökande: Karin Lindqvist, konto 8125-8, 318 105 286-1."];
        let b = [
            "Överfört till 8125-8, 318 105 286-1.",
            "KARIN LINDQVIST har hörts.",
        ];
        let c = ["Ett annat ärende utan personuppgifter."];
        let out = propagate_across(vec![
            resolved("a.pdf", &a),
            resolved("b.pdf", &b),
            resolved("c.pdf", &c),
        ]);
        let texts = |d: &[Finding]| -> Vec<(u32, String)> {
            d.iter().map(|f| (f.page, f.text.clone())).collect()
        };
        let b_found = texts(&out[1]);
        let account = out[1].iter().find(|f| f.text == "8125-8, 318 105 286-1");
        assert!(
            account.is_some_and(|f| f.reason.contains("a.pdf")),
            "{b_found:?}"
        );
        assert!(
            b_found
                .iter()
                .any(|(p, t)| *p == 2 && t.contains("LINDQVIST")),
            "{b_found:?}"
        );
        assert!(out[2].is_empty(), "{:?}", out[2]);
        // What b found adds nothing new to a: a already had both.
        assert_eq!(out[0].len(), resolved("a.pdf", &a).findings.len());
    }

    #[test]
    fn a_single_document_is_left_as_it_is() {
        let a = ["Karin Lindqvist"];
        let doc = resolved("a.pdf", &a);
        let before = doc.findings.clone();
        assert_eq!(propagate_across(vec![doc]), vec![before]);
    }

    #[test]
    fn the_reason_names_the_other_document_not_a_path() {
        let a = ["Per Olsson har konto 8125-8, 318 105 286-1."];
        let b = ["Överfört 8125-8, 318 105 286-1 den 3 mars."];
        assert!(
            resolved("b.pdf", &b).findings.is_empty(),
            "b alone finds nothing"
        );
        let out = propagate_across(vec![resolved("a.pdf", &a), resolved("b.pdf", &b)]);
        let account = &out[1][0];
        assert_eq!(account.entity, Entity::BankAccount);
        assert!(
            account.reason.contains("a.pdf, page 1"),
            "{}",
            account.reason
        );
    }
}
