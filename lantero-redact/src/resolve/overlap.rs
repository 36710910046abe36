//! Merging overlapping findings.

use crate::detect::{Entity, Finding, sort_findings};

/// Merges findings that overlap on the same page into the strongest of them, widened to the
/// union of their spans so that no part of any of them is left unmasked. An `EMAIL` wins over
/// whatever overlaps it (a model tags `karin.lindqvist@x.se` as a person now and then). Adjacent findings
/// (touching but not overlapping) stay separate. The result is sorted by page and start.
///
/// ```
/// use lantero_redact::detect::{Entity, Finding};
/// use lantero_redact::resolve::merge_overlaps;
///
/// let f = |entity, start, end, score: f32| Finding {
///     id: String::new(), entity, text: String::new(), page: 1, start, end, boxes: vec![],
///     score, recognizer: "test".into(), reason: "test".into(), provisions: vec![], public: None,
/// };
/// let text = "Karin Lindqvist";
/// let merged = merge_overlaps(&[text], vec![f(Entity::Person, 0, 15, 0.9), f(Entity::Location, 6, 15, 0.4)]);
/// assert_eq!(merged.len(), 1);
/// assert_eq!((merged[0].entity, merged[0].start, merged[0].end), (Entity::Person, 0, 15));
/// ```
pub fn merge_overlaps(pages: &[&str], mut findings: Vec<Finding>) -> Vec<Finding> {
    sort_findings(&mut findings);
    let mut merged: Vec<Finding> = Vec::with_capacity(findings.len());
    let mut cluster: Vec<Finding> = Vec::new();
    for finding in findings {
        let overlaps = cluster.first().is_some_and(|first| {
            first.page == finding.page && finding.start < cluster_end(&cluster)
        });
        if !overlaps && !cluster.is_empty() {
            merged.push(collapse(pages, std::mem::take(&mut cluster)));
        }
        cluster.push(finding);
    }
    if !cluster.is_empty() {
        merged.push(collapse(pages, cluster));
    }
    merged
}

fn cluster_end(cluster: &[Finding]) -> usize {
    cluster.iter().map(|f| f.end).max().unwrap_or(0)
}

/// One finding for a cluster: the strongest (then the longest), covering every member.
fn collapse(pages: &[&str], mut cluster: Vec<Finding>) -> Finding {
    if cluster.len() == 1 {
        return cluster.remove(0);
    }
    let start = cluster.iter().map(|f| f.start).min().unwrap_or(0);
    let end = cluster_end(&cluster);
    // An e-mail address is EMAIL, whatever a model says about the name in it.
    let is_email = |f: &Finding| f.entity == Entity::Email;
    cluster.sort_by(|a, b| {
        is_email(b)
            .cmp(&is_email(a))
            .then(b.score.total_cmp(&a.score))
            .then((b.end - b.start).cmp(&(a.end - a.start)))
            .then(a.entity.cmp(&b.entity))
    });
    let mut best = cluster.remove(0);
    let others: Vec<String> = cluster
        .iter()
        .map(|f| format!("{} ({})", f.entity, f.recognizer))
        .collect();
    if (best.start, best.end) != (start, end) {
        best.start = start;
        best.end = end;
        if let Some(text) = page_slice(pages, best.page, start, end) {
            best.text = text;
        }
    }
    best.reason = format!("{}; overlaps {}", best.reason, others.join(", "));
    for other in cluster {
        best.boxes.extend(other.boxes);
        for p in other.provisions {
            if !best.provisions.contains(&p) {
                best.provisions.push(p);
            }
        }
    }
    best
}

/// Characters `start..end` of page `page` (1-based).
pub(crate) fn page_slice(pages: &[&str], page: u32, start: usize, end: usize) -> Option<String> {
    let text = pages.get(usize::try_from(page).ok()?.checked_sub(1)?)?;
    Some(
        text.chars()
            .skip(start)
            .take(end.saturating_sub(start))
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::Entity;

    fn f(page: u32, start: usize, end: usize, score: f32, entity: Entity) -> Finding {
        Finding {
            id: String::new(),
            entity,
            text: String::new(),
            page,
            start,
            end,
            boxes: vec![],
            score,
            recognizer: "t".into(),
            reason: "r".into(),
            provisions: vec![],
            public: None,
        }
    }

    #[test]
    fn chains_of_overlaps_become_one_covering_all() {
        let text = "abcdefghijklmnop";
        let merged = merge_overlaps(
            &[text],
            vec![
                f(1, 0, 4, 0.5, Entity::Phone),
                f(1, 3, 8, 0.9, Entity::Personnummer),
                f(1, 7, 10, 0.2, Entity::Phone),
                f(1, 10, 12, 0.2, Entity::Phone),
            ],
        );
        assert_eq!(merged.len(), 2);
        assert_eq!((merged[0].start, merged[0].end), (0, 10));
        assert_eq!(merged[0].entity, Entity::Personnummer);
        assert_eq!(merged[0].text, "abcdefghij");
        assert_eq!((merged[1].start, merged[1].end), (10, 12));
    }

    #[test]
    fn an_email_wins_over_a_stronger_person_overlapping_it() {
        let text = "johan.bergstrom@lillby.se";
        let merged = merge_overlaps(
            &[text],
            vec![
                f(1, 0, 25, 0.99, Entity::Person),
                f(1, 0, 15, 0.9, Entity::Person),
                f(1, 0, 25, 0.95, Entity::Email),
            ],
        );
        assert_eq!(merged.len(), 1);
        assert_eq!(merged[0].entity, Entity::Email);
        assert_eq!((merged[0].start, merged[0].end), (0, 25));
    }

    #[test]
    fn pages_never_merge() {
        let merged = merge_overlaps(
            &["abc", "abc"],
            vec![
                f(1, 0, 3, 0.5, Entity::Phone),
                f(2, 0, 3, 0.5, Entity::Phone),
            ],
        );
        assert_eq!(merged.len(), 2);
    }
}
