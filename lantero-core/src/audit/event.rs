//! One audit event and the hash rule that chains it to the one before.

use chrono::{DateTime, SubsecRound, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// The `prev_hash` of the first event: 64 zeros.
pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// Version tag hashed in front of every event, so that a future rule cannot be confused with
/// this one.
const HASH_DOMAIN: &[u8] = b"lantero.audit/v1";

/// The tag of events that belong to a scope (a tenant): the scope is hashed too, so an event
/// cannot be moved into another tenant's log.
const SCOPED_HASH_DOMAIN: &[u8] = b"lantero.audit/v2";

/// One event in an append-only, hash-chained audit log: who did what to which object, when.
///
/// The log records *who, when and what*, never content: `detail` must not hold secrets,
/// personal data from a case, receipt codes or keys, because the log is kept longer and shown
/// to more people than the data it describes. Put an id in `object` and a short
/// non-sensitive note in `detail`.
///
/// # Hash rule
/// `hash` is the lower-case hex SHA-256 of, in order:
/// 1. the tag `lantero.audit/v1`,
/// 2. `seq` as 8 bytes big-endian,
/// 3. `time` as RFC 3339 in UTC with nine fraction digits and `Z`
///    (`2025-05-21T09:30:00.000000000Z`),
/// 4. `actor`, 5. `action`, 6. `object`,
/// 7. `detail`: one byte `0` when absent, or `1` followed by the text,
/// 8. `prev_hash` (lower-case hex),
///
/// An event with a `scope` (the tenant whose log it belongs to, see [`AuditEvent::next_in`])
/// uses the tag `lantero.audit/v2` and hashes the scope as text right after the tag.
///
/// where the tag and every text are written as their UTF-8 length in 8 bytes big-endian
/// followed by the bytes. Length prefixes make the encoding unambiguous: no two different
/// events hash the same input. Stores in other languages can recompute it from this text.
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use lantero_core::audit::{AuditEvent, GENESIS_HASH, verify_chain};
///
/// let t = Utc.with_ymd_and_hms(2025, 5, 21, 9, 30, 0).unwrap();
/// let first = AuditEvent::next(None, t, "handläggare:anna", "case.read", "case:2025-17", None);
/// let second = AuditEvent::next(Some(&first), t, "handläggare:anna", "case.export",
///                               "case:2025-17", Some("pdf".into()));
/// assert_eq!(first.prev_hash, GENESIS_HASH);
/// assert_eq!(second.prev_hash, first.hash);
/// assert_eq!(second.hash, second.compute_hash());
/// verify_chain(&[first, second])?;
/// # Ok::<(), lantero_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuditEvent {
    /// The log this event belongs to (a tenant), hashed with the event; `None` for logs that
    /// are not shared between scopes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
    /// Position in the log, 0 for the first event.
    pub seq: u64,
    /// When it happened, in UTC, to the microsecond.
    pub time: DateTime<Utc>,
    /// Who did it, e.g. a user or service id.
    pub actor: String,
    /// What was done, e.g. `"case.read"`.
    pub action: String,
    /// What it was done to, e.g. `"case:2025-17"`.
    pub object: String,
    /// A short note; never secrets or case content (see above).
    pub detail: Option<String>,
    /// The hash of the previous event, or [`GENESIS_HASH`] for the first.
    pub prev_hash: String,
    /// This event's hash under the rule above.
    pub hash: String,
}

impl AuditEvent {
    /// The event that follows `prev` (or starts a log when `prev` is `None`), with its seq,
    /// `prev_hash` and hash filled in.
    ///
    /// `time` is truncated to whole microseconds, the precision of PostgreSQL timestamps, so
    /// that an event still verifies after a round trip through any store.
    pub fn next(
        prev: Option<&AuditEvent>,
        time: DateTime<Utc>,
        actor: impl Into<String>,
        action: impl Into<String>,
        object: impl Into<String>,
        detail: Option<String>,
    ) -> AuditEvent {
        Self::chain(
            None,
            prev,
            time,
            actor.into(),
            action.into(),
            object.into(),
            detail,
        )
    }

    /// As [`AuditEvent::next`], for the log of `scope` (e.g. a tenant id): the scope is part of
    /// the hash, so the event does not verify in another scope's log.
    ///
    /// ```
    /// use chrono::Utc;
    /// use lantero_core::audit::AuditEvent;
    ///
    /// let e = AuditEvent::next_in("ange", None, Utc::now(), "anna", "case.read", "case:1", None);
    /// let mut moved = e.clone();
    /// moved.scope = Some("timra".into());
    /// assert_eq!(e.hash, e.compute_hash());
    /// assert_ne!(moved.compute_hash(), e.hash);
    /// ```
    pub fn next_in(
        scope: &str,
        prev: Option<&AuditEvent>,
        time: DateTime<Utc>,
        actor: impl Into<String>,
        action: impl Into<String>,
        object: impl Into<String>,
        detail: Option<String>,
    ) -> AuditEvent {
        Self::chain(
            Some(scope.to_owned()),
            prev,
            time,
            actor.into(),
            action.into(),
            object.into(),
            detail,
        )
    }

    fn chain(
        scope: Option<String>,
        prev: Option<&AuditEvent>,
        time: DateTime<Utc>,
        actor: String,
        action: String,
        object: String,
        detail: Option<String>,
    ) -> AuditEvent {
        let (seq, prev_hash) = match prev {
            // A log of 2^64 events cannot exist; saturating keeps this total without a panic.
            Some(p) => (p.seq.saturating_add(1), p.hash.clone()),
            None => (0, GENESIS_HASH.to_owned()),
        };
        let mut event = AuditEvent {
            scope,
            seq,
            time: time.trunc_subsecs(6),
            actor,
            action,
            object,
            detail,
            prev_hash,
            hash: String::new(),
        };
        event.hash = event.compute_hash();
        event
    }

    /// The hash of this event's fields under the rule documented on [`AuditEvent`]; `hash`
    /// itself is not part of the input.
    pub fn compute_hash(&self) -> String {
        let mut hasher = Sha256::new();
        match &self.scope {
            None => put_text(&mut hasher, HASH_DOMAIN),
            Some(scope) => {
                put_text(&mut hasher, SCOPED_HASH_DOMAIN);
                put_text(&mut hasher, scope.as_bytes());
            }
        }
        hasher.update(self.seq.to_be_bytes());
        let time = self
            .time
            .to_rfc3339_opts(chrono::SecondsFormat::Nanos, true);
        put_text(&mut hasher, time.as_bytes());
        put_text(&mut hasher, self.actor.as_bytes());
        put_text(&mut hasher, self.action.as_bytes());
        put_text(&mut hasher, self.object.as_bytes());
        match &self.detail {
            None => hasher.update([0u8]),
            Some(detail) => {
                hasher.update([1u8]);
                put_text(&mut hasher, detail.as_bytes());
            }
        }
        put_text(&mut hasher, self.prev_hash.as_bytes());
        hex::encode(hasher.finalize())
    }
}

fn put_text(hasher: &mut Sha256, bytes: &[u8]) {
    // usize is at most 64 bits on every supported target.
    let len = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    hasher.update(len.to_be_bytes());
    hasher.update(bytes);
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(nanos: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2025, 5, 21, 9, 30, 0).unwrap()
            + chrono::Duration::nanoseconds(nanos.into())
    }

    #[test]
    fn the_hash_is_lower_case_hex_sha256() {
        let e = AuditEvent::next(None, at(0), "a", "b", "c", None);
        assert_eq!(e.hash.len(), 64);
        assert!(
            e.hash
                .chars()
                .all(|c| c.is_ascii_digit() || ('a'..='f').contains(&c))
        );
        assert_eq!(e.hash, e.compute_hash());
    }

    #[test]
    fn the_hash_matches_the_documented_rule() {
        // Recomputed by hand from the rule on `AuditEvent`, independent of compute_hash.
        let e = AuditEvent::next(None, at(0), "anna", "case.read", "case:1", Some("x".into()));
        let mut input = Vec::new();
        let text = |input: &mut Vec<u8>, s: &str| {
            input.extend_from_slice(&(s.len() as u64).to_be_bytes());
            input.extend_from_slice(s.as_bytes());
        };
        text(&mut input, "lantero.audit/v1");
        input.extend_from_slice(&0u64.to_be_bytes());
        text(&mut input, "2025-05-21T09:30:00.000000000Z");
        text(&mut input, "anna");
        text(&mut input, "case.read");
        text(&mut input, "case:1");
        input.push(1);
        text(&mut input, "x");
        text(&mut input, GENESIS_HASH);
        assert_eq!(e.hash, hex::encode(Sha256::digest(&input)));
    }

    #[test]
    fn field_boundaries_cannot_be_shifted() {
        let a = AuditEvent::next(None, at(0), "ab", "c", "d", None);
        let b = AuditEvent::next(None, at(0), "a", "bc", "d", None);
        assert_ne!(a.hash, b.hash);
        let none = AuditEvent::next(None, at(0), "a", "b", "c", None);
        let empty = AuditEvent::next(None, at(0), "a", "b", "c", Some(String::new()));
        assert_ne!(none.hash, empty.hash);
    }

    #[test]
    fn time_is_kept_to_the_microsecond() {
        let e = AuditEvent::next(None, at(1_234_567), "a", "b", "c", None);
        assert_eq!(e.time, at(1_234_000));
        let later = AuditEvent::next(None, at(1_235_000), "a", "b", "c", None);
        assert_ne!(e.hash, later.hash);
    }
}
