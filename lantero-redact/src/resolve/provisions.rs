//! Attaching candidate secrecy provisions to findings.

use lantero_core::secrecy::Catalogue;

use crate::detect::Finding;

/// Sets each finding's `provisions` to the catalogue's candidates for its entity in the
/// contexts found anywhere in the document (e.g. "ekonomiskt bistånd" → social services),
/// most relevant first, at most `max` of them. Provisions already attached are kept first.
///
/// ```
/// use lantero_core::secrecy::Catalogue;
/// use lantero_redact::detect::Detector;
/// use lantero_redact::resolve::attach_provisions;
///
/// let pages = ["Elevhälsan: eleven 121212-1212."];
/// let mut findings = Detector::builtin().detect_pages(&pages)?;
/// attach_provisions(Catalogue::builtin(), &pages, &mut findings, 3);
/// assert!(!findings[0].provisions.is_empty());
/// # Ok::<(), lantero_redact::Error>(())
/// ```
pub fn attach_provisions(
    catalogue: &Catalogue,
    pages: &[&str],
    findings: &mut [Finding],
    max: usize,
) {
    let document = pages.join("\n");
    let contexts: Vec<String> = catalogue
        .contexts_in(&document)
        .into_iter()
        .map(|c| c.id.clone())
        .collect();
    for finding in findings {
        let candidates = catalogue.candidates(finding.entity.as_str(), &contexts);
        for provision in candidates {
            if finding.provisions.len() >= max {
                break;
            }
            let id = provision.id.to_string();
            if !finding.provisions.contains(&id) {
                finding.provisions.push(id);
            }
        }
    }
}
