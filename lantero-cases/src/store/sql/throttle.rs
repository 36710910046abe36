//! Receipt attempts as rows: reserved in the transaction that counts them.

use std::time::Duration;

use chrono::{DateTime, TimeZone, Utc};
use sha2::{Digest, Sha256};

use super::{Cell, Conn};
use crate::crypto::random_bytes;
use crate::reporter::ThrottleConfig;
use crate::{Result, TenantId};

/// A reserved receipt attempt: evaluate it after `wait`, then
/// [`release`](crate::store::CaseStore::release_attempt) it if the receipt was valid (valid
/// receipts do not count against their source).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttemptTicket {
    id: String,
    tenant: TenantId,
    /// How long to wait before evaluating (the tenant-wide slowdown).
    pub wait: Duration,
}

/// The stored form of a source key: its hash, so the table holds no caller identifiers.
fn source_hash(source: &str) -> String {
    hex::encode(Sha256::digest(source.as_bytes()))
}

fn count_and_oldest(rows: &[Vec<Cell>]) -> (u64, Option<DateTime<Utc>>) {
    let row = rows.first();
    let count = row
        .and_then(|r| r.first())
        .and_then(Cell::int)
        .and_then(|n| u64::try_from(n).ok())
        .unwrap_or(0);
    let oldest = row
        .and_then(|r| r.get(1))
        .and_then(Cell::int)
        .and_then(|micros| Utc.timestamp_micros(micros).single());
    (count, oldest)
}

/// Forgets attempts that left the window, counts the rest and reserves this one, or refuses.
/// Runs inside the caller's write transaction, which holds the tenant's lock.
pub(super) fn reserve(
    conn: &mut dyn Conn,
    tenant: &TenantId,
    source: &str,
    now: DateTime<Utc>,
    config: &ThrottleConfig,
) -> Result<AttemptTicket> {
    let t = tenant.as_str();
    let source = source_hash(source);
    let since = (now - config.window()).timestamp_micros();
    conn.execute(
        "DELETE FROM receipt_attempts WHERE tenant = ?1 AND at <= ?2",
        &[t.into(), since.into()],
    )?;
    let by_source = conn.query(
        "SELECT COUNT(*), MIN(at) FROM receipt_attempts WHERE tenant = ?1 AND source = ?2",
        &[t.into(), source.as_str().into()],
    )?;
    let by_tenant = conn.query(
        "SELECT COUNT(*), MIN(at) FROM receipt_attempts WHERE tenant = ?1",
        &[t.into()],
    )?;
    let (source_count, source_oldest) = count_and_oldest(&by_source);
    let (tenant_count, _) = count_and_oldest(&by_tenant);
    let wait = config
        .verdict(source_count, source_oldest, tenant_count, now)
        .into_result()?;
    let id = hex::encode(random_bytes::<16>()?);
    conn.execute(
        "INSERT INTO receipt_attempts (id, tenant, source, at) VALUES (?1, ?2, ?3, ?4)",
        &[
            id.as_str().into(),
            t.into(),
            source.as_str().into(),
            now.timestamp_micros().into(),
        ],
    )?;
    Ok(AttemptTicket {
        id,
        tenant: tenant.clone(),
        wait,
    })
}

/// Takes a reserved attempt back (the receipt was valid).
pub(super) fn release(conn: &mut dyn Conn, ticket: &AttemptTicket) -> Result<()> {
    // Zero rows is fine: the attempt may have left the window meanwhile.
    conn.execute(
        "DELETE FROM receipt_attempts WHERE tenant = ?1 AND id = ?2",
        &[ticket.tenant.as_str().into(), ticket.id.as_str().into()],
    )?;
    Ok(())
}

impl AttemptTicket {
    /// The tenant the attempt was reserved for.
    pub fn tenant(&self) -> &TenantId {
        &self.tenant
    }
}
