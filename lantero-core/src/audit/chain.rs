//! Verifying a chain of audit events, wherever it was stored.

use super::{AuditEvent, GENESIS_HASH};
use crate::{Error, Result};

/// Checks that `events` form an unbroken chain from the start of a log: seq runs 0, 1, 2, …,
/// each `prev_hash` is the previous event's hash (the first's is [`GENESIS_HASH`]), and each
/// `hash` matches its event's content.
///
/// This detects any changed field, and any event removed, inserted or moved anywhere except
/// at the very end. Removing the last events leaves a shorter chain that is still valid, so
/// keep the head hash or the length somewhere else and use [`verify_with_head`] or
/// [`verify_with_len`]. The same anchor stops someone who can rewrite the whole tail and
/// recompute every hash.
///
/// The error is [`Error::AuditChainBroken`] with the position of the first bad event.
///
/// ```
/// use chrono::Utc;
/// use lantero_core::audit::{AuditLog, verify_chain};
///
/// let mut log = AuditLog::new();
/// log.append(Utc::now(), "anna", "case.read", "case:17", None);
/// log.append(Utc::now(), "anna", "case.close", "case:17", None);
/// let mut events = log.events().to_vec();
/// assert!(verify_chain(&events).is_ok());
///
/// events[0].actor = "bertil".into();
/// let err = verify_chain(&events).unwrap_err();
/// assert_eq!(err.to_string(), "audit chain broken at event 0: hash does not match the event's content");
/// ```
pub fn verify_chain(events: &[AuditEvent]) -> Result<()> {
    check_links(0, GENESIS_HASH, events)
}

/// Checks that `events` continue the log after `prev`: the first has seq `prev.seq + 1` and
/// links to `prev.hash`. Lets a store verify a log page by page; `prev` itself must have been
/// verified before.
pub fn verify_continuation(prev: &AuditEvent, events: &[AuditEvent]) -> Result<()> {
    let first = prev
        .seq
        .checked_add(1)
        .ok_or_else(|| Error::AuditChainBroken {
            index: prev.seq,
            reason: "no event can follow the largest seq".into(),
        })?;
    check_links(first, &prev.hash, events)
}

/// As [`verify_chain`], and the last event's hash must be `expected_head` (the
/// [`GENESIS_HASH`] for an empty log). Detects events removed from or added to the end.
///
/// When the expected head is an earlier event, the error points at the first event after it;
/// otherwise at the end of the log, where events are missing or were replaced.
pub fn verify_with_head(events: &[AuditEvent], expected_head: &str) -> Result<()> {
    verify_chain(events)?;
    let head = events.last().map_or(GENESIS_HASH, |e| e.hash.as_str());
    if head == expected_head {
        return Ok(());
    }
    let known = if expected_head == GENESIS_HASH {
        Some(0)
    } else {
        events
            .iter()
            .position(|e| e.hash == expected_head)
            .map(|k| k + 1)
    };
    Err(match known {
        Some(first_extra) => Error::AuditChainBroken {
            index: position(first_extra),
            reason: format!(
                "the expected head is event {}; the events from here on were added after it",
                position(first_extra).saturating_sub(1)
            ),
        },
        None => Error::AuditChainBroken {
            index: position(events.len()),
            reason: format!(
                "the log ends at hash {head} but the expected head {expected_head} is not in \
                 it; events are missing from the end or were replaced"
            ),
        },
    })
}

/// As [`verify_chain`], and there must be exactly `expected_len` events. Detects events
/// removed from the end.
pub fn verify_with_len(events: &[AuditEvent], expected_len: u64) -> Result<()> {
    verify_chain(events)?;
    let len = position(events.len());
    if len == expected_len {
        return Ok(());
    }
    Err(Error::AuditChainBroken {
        index: len.min(expected_len),
        reason: format!("the log has {len} events but {expected_len} were expected"),
    })
}

fn check_links(first_seq: u64, first_prev: &str, events: &[AuditEvent]) -> Result<()> {
    let mut expected_prev = first_prev;
    for (offset, event) in events.iter().enumerate() {
        let index = first_seq.saturating_add(position(offset));
        let broken = |reason: String| Error::AuditChainBroken { index, reason };
        if event.seq != index {
            return Err(broken(format!(
                "seq is {} but {index} was expected; events were removed, inserted or reordered",
                event.seq
            )));
        }
        if event.prev_hash != expected_prev {
            return Err(broken(if index == 0 {
                "the first event's prev_hash is not the genesis hash".into()
            } else {
                format!("prev_hash does not match the hash of event {}", index - 1)
            }));
        }
        if event.hash != event.compute_hash() {
            return Err(broken("hash does not match the event's content".into()));
        }
        expected_prev = &event.hash;
    }
    Ok(())
}

fn position(n: usize) -> u64 {
    u64::try_from(n).unwrap_or(u64::MAX)
}
