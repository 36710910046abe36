//! Review queues: flagged records scored against review and escalation thresholds.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::flag::Flag;
use crate::{Error, Result};

/// Score limits, as in fraud engines such as Marble: a record whose rules add up to
/// `review` points goes to review, one reaching `escalate` is escalated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Thresholds {
    /// Points from which a record is reviewed by a caseworker.
    pub review: u32,
    /// Points from which a record is escalated (e.g. to the coordinator or a deeper
    /// investigation).
    pub escalate: u32,
}

impl Default for Thresholds {
    fn default() -> Self {
        Self {
            review: 40,
            escalate: 80,
        }
    }
}

impl Thresholds {
    /// Thresholds `review` ≤ `escalate`.
    pub fn new(review: u32, escalate: u32) -> Result<Self> {
        if review > escalate {
            return Err(Error::InvalidValue {
                field: "thresholds",
                value: format!("review {review}, escalate {escalate}"),
                reason: "the review threshold must not exceed the escalation threshold".into(),
            });
        }
        Ok(Self { review, escalate })
    }

    /// The decision for a total score, `None` below the review threshold.
    pub fn decide(self, score: u32) -> Option<Decision> {
        if score >= self.escalate {
            Some(Decision::Escalate)
        } else if score >= self.review {
            Some(Decision::Review)
        } else {
            None
        }
    }
}

/// Where a flagged record goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    /// To a caseworker for review.
    Review,
    /// Escalated.
    Escalate,
}

impl Decision {
    /// Swedish label: granska, eskalera.
    pub fn label_sv(self) -> &'static str {
        match self {
            Self::Review => "granska",
            Self::Escalate => "eskalera",
        }
    }
}

/// One record in a queue, with every flag it got.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QueueItem {
    /// The data set.
    pub dataset: String,
    /// 0-based row.
    pub row: u64,
    /// The record id, or the row when there is none.
    pub record: String,
    /// Points from all rules.
    pub score: u32,
    /// Where it goes.
    pub decision: Decision,
    /// The flags, in rule order.
    pub flags: Vec<Flag>,
}

/// Flagged records in review and escalation queues, highest score first.
///
/// ```
/// use lantero_fraudfinder::controls::{Decision, Flag, ReviewQueue, Thresholds};
///
/// let flag = |rule: &str, row, score| Flag {
///     rule: rule.into(), version: 1, dataset: "payments".into(), row, record_id: None,
///     score, condition: String::new(), reason: None, evidence: vec![],
/// };
/// let flags = [flag("a", 1, 40), flag("b", 1, 50), flag("a", 2, 40), flag("c", 3, 10)];
/// let queue = ReviewQueue::build(&flags, Thresholds::new(40, 80)?);
/// assert_eq!(queue.items.len(), 2);
/// assert_eq!((queue.items[0].score, queue.items[0].decision), (90, Decision::Escalate));
/// assert_eq!(queue.items[1].decision, Decision::Review);
/// assert_eq!(queue.below_threshold, 1);
/// # Ok::<(), lantero_fraudfinder::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReviewQueue {
    /// The thresholds used.
    pub thresholds: Thresholds,
    /// Records at or above the review threshold.
    pub items: Vec<QueueItem>,
    /// Flagged records below the review threshold.
    pub below_threshold: usize,
}

impl ReviewQueue {
    /// Sums each record's points over its flags and sorts records into the queues.
    pub fn build(flags: &[Flag], thresholds: Thresholds) -> Self {
        let mut records: BTreeMap<(&str, u64), Vec<&Flag>> = BTreeMap::new();
        for flag in flags {
            records
                .entry((flag.dataset.as_str(), flag.row))
                .or_default()
                .push(flag);
        }
        let mut items = Vec::new();
        let mut below_threshold = 0;
        for ((dataset, row), flags) in records {
            let score = flags
                .iter()
                .map(|f| f.score)
                .fold(0u32, u32::saturating_add);
            let Some(decision) = thresholds.decide(score) else {
                below_threshold += 1;
                continue;
            };
            items.push(QueueItem {
                dataset: dataset.to_owned(),
                row,
                record: flags[0].record_label(),
                score,
                decision,
                flags: flags.into_iter().cloned().collect(),
            });
        }
        items.sort_by(|a, b| b.score.cmp(&a.score).then(a.row.cmp(&b.row)));
        Self {
            thresholds,
            items,
            below_threshold,
        }
    }

    /// The items with `decision`.
    pub fn with(&self, decision: Decision) -> impl Iterator<Item = &QueueItem> {
        self.items.iter().filter(move |i| i.decision == decision)
    }
}
