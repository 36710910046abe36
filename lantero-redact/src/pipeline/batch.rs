//! Many documents at once: each through [`Redactor::redact`] on a pool of threads, with each
//! outcome reported to the caller as soon as it is known.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

use super::{PendingPolicy, RedactReport, Redactor};
use crate::{Error, Result};

/// One document of a batch: what to read and where its redacted PDF goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BatchItem {
    /// The document to redact.
    pub input: PathBuf,
    /// The PDF to write.
    pub output: PathBuf,
}

impl Redactor {
    /// Redacts every item with every proposal treated by `pending` (no review), `workers`
    /// documents at a time (at least one). `on_done(index, outcome)` is called on the calling
    /// thread as each document finishes, in the order they finish, so a caller can show
    /// progress; the outcomes are also returned in the items' order. A document that fails
    /// (or panics in a plugin) is an error for that document only; the others go on.
    ///
    /// ```no_run
    /// use lantero_redact::pipeline::{BatchItem, PendingPolicy, Redactor};
    ///
    /// let items: Vec<BatchItem> = ["a.pdf", "b.pdf"]
    ///     .iter()
    ///     .map(|name| BatchItem { input: name.into(), output: format!("ut/{name}").into() })
    ///     .collect();
    /// let outcomes = Redactor::new().redact_many(&items, PendingPolicy::Mask, 2, |i, outcome| {
    ///     eprintln!("{}: {}", items[i].input.display(), if outcome.is_ok() { "ok" } else { "failed" });
    /// });
    /// assert_eq!(outcomes.len(), 2);
    /// ```
    pub fn redact_many(
        &self,
        items: &[BatchItem],
        pending: PendingPolicy,
        workers: usize,
        mut on_done: impl FnMut(usize, &Result<RedactReport>),
    ) -> Vec<Result<RedactReport>> {
        let workers = workers.clamp(1, items.len().max(1));
        let next = AtomicUsize::new(0);
        let (sender, receiver) = mpsc::channel::<(usize, Result<RedactReport>)>();
        let mut outcomes: Vec<Option<Result<RedactReport>>> = items.iter().map(|_| None).collect();
        std::thread::scope(|scope| {
            for _ in 0..workers {
                let (sender, next) = (sender.clone(), &next);
                scope.spawn(move || {
                    loop {
                        let index = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(index) else { break };
                        if sender
                            .send((index, self.redact_one(item, pending)))
                            .is_err()
                        {
                            break;
                        }
                    }
                });
            }
            drop(sender);
            for (index, outcome) in receiver {
                on_done(index, &outcome);
                outcomes[index] = Some(outcome);
            }
        });
        outcomes
            .into_iter()
            .zip(items)
            .map(|(outcome, item)| {
                outcome.unwrap_or_else(|| Err(internal(item, "the worker stopped")))
            })
            .collect()
    }

    fn redact_one(&self, item: &BatchItem, pending: PendingPolicy) -> Result<RedactReport> {
        catch_unwind(AssertUnwindSafe(|| {
            self.redact(&item.input, &item.output, None, pending)
        }))
        .unwrap_or_else(|_| Err(internal(item, "internal error while redacting")))
    }
}

fn internal(item: &BatchItem, reason: &str) -> Error {
    Error::Internal {
        path: item.input.clone(),
        reason: reason.into(),
    }
}
