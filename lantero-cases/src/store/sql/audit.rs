//! The audit log's signed head: what stops a trimmed or rewritten log from verifying.
//!
//! A hash chain alone proves only that the events present link up: cut the newest events, or
//! rewrite one and rehash everything after it, and the remainder still verifies. So every
//! append also writes the head (the tenant, the length and the last hash) signed with the
//! tenant's audit key from the [`KeyProvider`], and every append and every read of the log
//! checks the head before trusting the chain. Rewriting the log then needs the key, which
//! lives outside the database (a KMS, an HSM or the service's root key file).

use std::sync::Arc;

use lantero_core::audit::{AuditEvent, GENESIS_HASH, verify_with_head};

use super::{Cell, Conn};
use crate::crypto::{KeyProvider, Sealed};
use crate::store::{AuditDraft, from_json, to_json};
use crate::{Error, Result, TenantId};

/// The head of a tenant's audit log: how many events it has and the hash of the last.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditHead {
    /// The tenant whose log it is.
    pub tenant: TenantId,
    /// The number of events.
    pub len: u64,
    /// The last event's hash ([`GENESIS_HASH`] for an empty log).
    pub hash: String,
}

impl AuditHead {
    /// The bytes a signature covers: every field, length-delimited and tagged with a version.
    pub fn signed_bytes(&self) -> Vec<u8> {
        format!(
            "lantero.audit-head/v1\n{}\n{}\n{}",
            self.tenant, self.len, self.hash
        )
        .into_bytes()
    }
}

/// Signs and checks audit heads. [`KeyAnchor`] does it with a [`KeyProvider`]'s audit key.
pub trait AuditAnchor: Send + Sync {
    /// A signature of `head` that only the holder of the tenant's audit key can make.
    fn sign(&self, head: &AuditHead) -> Result<String>;
    /// `Ok` when `signature` was made by [`AuditAnchor::sign`] for exactly this head.
    fn verify(&self, head: &AuditHead, signature: &str) -> Result<()>;
}

/// Signs heads with the tenant's audit key ([`KeyProvider::audit_key`]): an AEAD tag
/// (XChaCha20-Poly1305, empty message) over [`AuditHead::signed_bytes`].
///
/// ```
/// use std::sync::Arc;
/// use lantero_cases::crypto::{DataKey, LocalKeyProvider};
/// use lantero_cases::store::{AuditAnchor, AuditHead, KeyAnchor};
///
/// let anchor = KeyAnchor::new(Arc::new(LocalKeyProvider::new(DataKey::generate()?)));
/// let head = AuditHead { tenant: "ange".parse()?, len: 3, hash: "ab".repeat(32) };
/// let signature = anchor.sign(&head)?;
/// anchor.verify(&head, &signature)?;
/// let trimmed = AuditHead { len: 2, ..head };
/// assert!(anchor.verify(&trimmed, &signature).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone)]
pub struct KeyAnchor {
    keys: Arc<dyn KeyProvider>,
}

impl KeyAnchor {
    /// An anchor over `keys`.
    pub fn new(keys: Arc<dyn KeyProvider>) -> Self {
        Self { keys }
    }
}

impl AuditAnchor for KeyAnchor {
    fn sign(&self, head: &AuditHead) -> Result<String> {
        let key = self.keys.audit_key(&head.tenant)?;
        Ok(key.seal(&[], &head.signed_bytes())?.as_str().to_owned())
    }

    fn verify(&self, head: &AuditHead, signature: &str) -> Result<()> {
        let key = self.keys.audit_key(&head.tenant)?;
        key.open(
            &Sealed::from_stored(signature.to_owned()),
            &head.signed_bytes(),
        )
        .map(|_| ())
        .map_err(|_| {
            broken(
                head.len,
                "the signature of the log's head does not match: the head was changed \
                     or signed with another key",
            )
        })
    }
}

fn broken(index: u64, reason: &str) -> Error {
    Error::Core(lantero_core::Error::AuditChainBroken {
        index,
        reason: reason.to_owned(),
    })
}

/// The stored head, checked against its signature; `None` for a log never written to.
fn signed_head(
    conn: &mut dyn Conn,
    tenant: &TenantId,
    anchor: &dyn AuditAnchor,
) -> Result<Option<AuditHead>> {
    let rows = conn.query(
        "SELECT len, hash, signature FROM audit_heads WHERE tenant = ?1",
        &[tenant.as_str().into()],
    )?;
    let Some(row) = rows.first() else {
        return Ok(None);
    };
    let (Some(len), Some(hash), Some(signature)) = (
        row.first().and_then(Cell::int),
        row.get(1).and_then(Cell::text),
        row.get(2).and_then(Cell::text),
    ) else {
        return Err(Error::corrupt("audit head", "missing fields"));
    };
    let head = AuditHead {
        tenant: tenant.clone(),
        len: u64::try_from(len).map_err(|_| Error::corrupt("audit head", len))?,
        hash: hash.to_owned(),
    };
    anchor.verify(&head, signature)?;
    Ok(Some(head))
}

/// The error for a log with events but no head row.
fn unanchored(events: u64) -> Error {
    broken(
        events,
        "the log has events but no signed head: the head was deleted, or the log was written \
         before heads were signed (adopt it with CaseService::anchor_audit_log)",
    )
}

/// Appends the event for `draft` after checking the signed head against the last event, and
/// signs the new head. Runs inside the caller's write transaction.
pub(super) fn append(
    conn: &mut dyn Conn,
    tenant: &TenantId,
    anchor: &dyn AuditAnchor,
    draft: AuditDraft,
) -> Result<AuditEvent> {
    let head = signed_head(conn, tenant, anchor)?;
    let last = conn.query(
        "SELECT data FROM audit WHERE tenant = ?1 ORDER BY seq DESC LIMIT 1",
        &[tenant.as_str().into()],
    )?;
    let last: Option<AuditEvent> = last
        .first()
        .and_then(|r| r.first())
        .and_then(Cell::text)
        .map(|j| from_json("audit event", j))
        .transpose()?;
    match (&head, &last) {
        (None, None) => {}
        (None, Some(e)) => return Err(unanchored(e.seq.saturating_add(1))),
        (Some(h), last) => {
            let (len, hash) = last
                .as_ref()
                .map_or((0, GENESIS_HASH), |e| (e.seq.saturating_add(1), &e.hash));
            if h.len != len || h.hash != hash {
                return Err(broken(
                    len.min(h.len),
                    &format!(
                        "the log ends at event {} but its signed head says {} events: events \
                         were removed, added or changed at the end",
                        len.saturating_sub(1),
                        h.len
                    ),
                ));
            }
        }
    }
    let event = AuditEvent::next_in(
        tenant.as_str(),
        last.as_ref(),
        draft.time,
        draft.actor,
        draft.action,
        draft.object,
        draft.detail,
    );
    let seq = i64::try_from(event.seq).map_err(|_| Error::corrupt("audit seq", event.seq))?;
    conn.execute(
        "INSERT INTO audit (tenant, seq, data) VALUES (?1, ?2, ?3)",
        &[
            tenant.as_str().into(),
            seq.into(),
            to_json("audit event", &event)?.as_str().into(),
        ],
    )?;
    write_head(
        conn,
        anchor,
        tenant,
        event.seq.saturating_add(1),
        &event.hash,
    )?;
    Ok(event)
}

fn write_head(
    conn: &mut dyn Conn,
    anchor: &dyn AuditAnchor,
    tenant: &TenantId,
    len: u64,
    hash: &str,
) -> Result<()> {
    let head = AuditHead {
        tenant: tenant.clone(),
        len,
        hash: hash.to_owned(),
    };
    let signature = anchor.sign(&head)?;
    let len = i64::try_from(len).map_err(|_| Error::corrupt("audit head", len))?;
    conn.execute(
        "INSERT INTO audit_heads (tenant, len, hash, signature) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (tenant) DO UPDATE
         SET len = excluded.len, hash = excluded.hash, signature = excluded.signature",
        &[
            tenant.as_str().into(),
            len.into(),
            hash.into(),
            signature.as_str().into(),
        ],
    )?;
    Ok(())
}

fn events(conn: &mut dyn Conn, tenant: &TenantId) -> Result<Vec<AuditEvent>> {
    conn.query(
        "SELECT data FROM audit WHERE tenant = ?1 ORDER BY seq",
        &[tenant.as_str().into()],
    )?
    .iter()
    .map(|r| {
        let json = r
            .first()
            .and_then(Cell::text)
            .ok_or_else(|| Error::corrupt("audit event", "no data"))?;
        from_json("audit event", json)
    })
    .collect()
}

/// Every event that belongs to `tenant`, or the error that says where the log was changed:
/// the chain must link, every event must name the tenant (older events name none), and the
/// last must be the signed head.
pub(super) fn read_verified(
    conn: &mut dyn Conn,
    tenant: &TenantId,
    anchor: &dyn AuditAnchor,
) -> Result<Vec<AuditEvent>> {
    let head = signed_head(conn, tenant, anchor)?;
    let events = events(conn, tenant)?;
    let Some(head) = head else {
        return if events.is_empty() {
            Ok(events)
        } else {
            Err(unanchored(events.len() as u64))
        };
    };
    verify_with_head(&events, &head.hash)?;
    check_scope(&events, tenant)?;
    Ok(events)
}

fn check_scope(events: &[AuditEvent], tenant: &TenantId) -> Result<()> {
    // Once events name their tenant, every later one must too: a scope-less event after a
    // scoped one was written by something other than this store.
    let mut scoped = false;
    for e in events {
        match e.scope.as_deref() {
            Some(s) if s == tenant.as_str() => scoped = true,
            None if !scoped => {}
            _ => return Err(broken(e.seq, "the event belongs to another tenant's log")),
        }
    }
    Ok(())
}

/// Verifies a log written before heads were signed and signs its head (trust on first use).
pub(super) fn adopt(
    conn: &mut dyn Conn,
    tenant: &TenantId,
    anchor: &dyn AuditAnchor,
) -> Result<u64> {
    let rows = conn.query(
        "SELECT COUNT(*) FROM audit_heads WHERE tenant = ?1",
        &[tenant.as_str().into()],
    )?;
    if rows.first().and_then(|r| r.first()).and_then(Cell::int) != Some(0) {
        return Err(Error::AlreadyExists {
            what: "signed audit head",
            id: tenant.to_string(),
        });
    }
    let events = events(conn, tenant)?;
    lantero_core::audit::verify_chain(&events)?;
    check_scope(&events, tenant)?;
    let (len, hash) = events
        .last()
        .map_or((0, GENESIS_HASH), |e| (e.seq.saturating_add(1), &e.hash));
    write_head(conn, anchor, tenant, len, hash)?;
    Ok(len)
}
