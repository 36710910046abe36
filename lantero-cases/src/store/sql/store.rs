//! [`SqlStore`]: every [`CaseStore`] operation as shared statements over a [`Backend`].

use chrono::{DateTime, Utc};
use lantero_core::audit::AuditEvent;

use super::codec::{self, SELECT_CASE};
use super::tx::{self, SqlTx, json_rows};
use super::{AttemptTicket, AuditAnchor, Backend, Cell, Conn, Value, audit, schema, throttle};
use crate::case::{Attachment, AttachmentId, Case, CaseId, CaseLink, Message};
use crate::crypto::Sealed;
use crate::reporter::{RevealId, RevealRequest, ThrottleConfig};
use crate::store::{AuditDraft, CaseStore, Tx, to_json};
use crate::{Error, Result, Tenant, TenantId};

/// A case store over a SQL engine. Use it as [`SqliteStore`](crate::store::SqliteStore) or
/// [`PostgresStore`](crate::store::PostgresStore).
pub struct SqlStore<B> {
    backend: B,
}

impl<B: Backend> SqlStore<B> {
    /// A store over `backend`, with the schema brought up to date.
    pub(crate) fn migrated(backend: B) -> Result<Self> {
        let name = backend.name();
        backend.write(&mut |conn| {
            schema::prepare(conn)?;
            schema::migrate(conn, name)
        })?;
        Ok(Self { backend })
    }

    /// A store over `backend` that is only read: the schema must already be current.
    pub(crate) fn checked(backend: B) -> Result<Self> {
        let name = backend.name();
        backend.read(&mut |conn| schema::check_readable(conn, name))?;
        Ok(Self { backend })
    }

    /// The engine underneath.
    pub fn backend_ref(&self) -> &B {
        &self.backend
    }

    fn read<T>(&self, mut work: impl FnMut(&mut dyn Conn) -> Result<T>) -> Result<T> {
        let mut out = None;
        self.backend.read(&mut |conn| {
            out = Some(work(conn)?);
            Ok(())
        })?;
        out.ok_or_else(|| Error::corrupt("read", "no result"))
    }

    /// A write transaction that holds `tenant`'s lock (a missing tenant is an error).
    fn write_locked<T>(
        &self,
        tenant: &TenantId,
        mut work: impl FnMut(&mut dyn Conn) -> Result<T>,
    ) -> Result<T> {
        let mut out = None;
        self.backend.write(&mut |conn| {
            // PostgreSQL locks the tenant's row, which serialises the tenant's audit chain,
            // reference counters and receipt attempts across every connection and process.
            let sql = format!(
                "SELECT id FROM tenants WHERE id = ?1{}",
                conn.dialect().for_update()
            );
            if conn.query(&sql, &[tenant.as_str().into()])?.is_empty() {
                return Err(Error::NotFound {
                    what: "tenant",
                    id: tenant.to_string(),
                });
            }
            out = Some(work(conn)?);
            Ok(())
        })?;
        out.ok_or_else(|| Error::corrupt("transaction", "no result"))
    }

    fn json<T: serde::de::DeserializeOwned>(
        &self,
        what: &'static str,
        sql: &str,
        params: &[Value<'_>],
    ) -> Result<Vec<T>> {
        self.read(|conn| json_rows(what, conn.query(sql, params)?))
    }
}

impl<B: Backend> CaseStore for SqlStore<B> {
    fn backend(&self) -> &'static str {
        self.backend.name()
    }

    fn insert_tenant(&self, tenant: &Tenant) -> Result<()> {
        let data = to_json("tenant", tenant)?;
        self.backend.write(&mut |conn| {
            let taken = !conn
                .query(
                    "SELECT id FROM tenants WHERE id = ?1",
                    &[tenant.id.as_str().into()],
                )?
                .is_empty();
            if taken {
                return Err(Error::AlreadyExists {
                    what: "tenant",
                    id: tenant.id.to_string(),
                });
            }
            conn.execute(
                "INSERT INTO tenants (id, data) VALUES (?1, ?2)",
                &[tenant.id.as_str().into(), data.as_str().into()],
            )?;
            Ok(())
        })
    }

    fn tenant(&self, id: &TenantId) -> Result<Option<Tenant>> {
        let rows: Vec<Tenant> = self.json(
            "tenant",
            "SELECT data FROM tenants WHERE id = ?1",
            &[id.as_str().into()],
        )?;
        Ok(rows.into_iter().next())
    }

    fn tenants(&self) -> Result<Vec<Tenant>> {
        self.json("tenant", "SELECT data FROM tenants ORDER BY id", &[])
    }

    fn transact(
        &self,
        tenant: &TenantId,
        anchor: &dyn AuditAnchor,
        work: &mut dyn FnMut(&mut dyn Tx) -> Result<AuditDraft>,
    ) -> Result<AuditEvent> {
        self.write_locked(tenant, |conn| {
            let draft = work(&mut SqlTx {
                conn: &mut *conn,
                tenant,
            })?;
            audit::append(conn, tenant, anchor, draft)
        })
    }

    fn case(&self, tenant: &TenantId, id: &CaseId) -> Result<Option<Case>> {
        self.read(|conn| tx::case(conn, tenant, id))
    }

    fn case_by_receipt(&self, tenant: &TenantId, receipt_hash: &str) -> Result<Option<Case>> {
        let sql = format!("{SELECT_CASE} WHERE c.tenant = ?1 AND c.receipt_hash = ?2");
        let rows = self.read(|conn| {
            codec::cases(conn.query(&sql, &[tenant.as_str().into(), receipt_hash.into()])?)
        })?;
        Ok(rows.into_iter().next())
    }

    fn cases(&self, tenant: &TenantId) -> Result<Vec<Case>> {
        let sql = format!("{SELECT_CASE} WHERE c.tenant = ?1 ORDER BY c.received_at, c.id");
        self.read(|conn| codec::cases(conn.query(&sql, &[tenant.as_str().into()])?))
    }

    fn messages(&self, tenant: &TenantId, case: &CaseId) -> Result<Vec<Message>> {
        self.json(
            "message",
            "SELECT data FROM messages WHERE tenant = ?1 AND case_id = ?2 ORDER BY seq",
            &[tenant.as_str().into(), case.as_str().into()],
        )
    }

    fn attachments(&self, tenant: &TenantId, case: &CaseId) -> Result<Vec<Attachment>> {
        self.json(
            "attachment",
            "SELECT data FROM attachments WHERE tenant = ?1 AND case_id = ?2 ORDER BY seq",
            &[tenant.as_str().into(), case.as_str().into()],
        )
    }

    fn attachment_content(&self, tenant: &TenantId, id: &AttachmentId) -> Result<Option<Sealed>> {
        let rows = self.read(|conn| {
            conn.query(
                "SELECT content FROM attachments WHERE tenant = ?1 AND id = ?2",
                &[tenant.as_str().into(), id.0.as_str().into()],
            )
        })?;
        Ok(rows
            .first()
            .and_then(|r| r.first())
            .and_then(Cell::text)
            .map(|s| Sealed::from_stored(s.to_owned())))
    }

    fn links(&self, tenant: &TenantId, case: &CaseId) -> Result<Vec<CaseLink>> {
        self.json(
            "link",
            "SELECT data FROM links WHERE tenant = ?1 AND (from_case = ?2 OR to_case = ?2)
             ORDER BY seq",
            &[tenant.as_str().into(), case.as_str().into()],
        )
    }

    fn reveal(&self, tenant: &TenantId, id: &RevealId) -> Result<Option<RevealRequest>> {
        self.read(|conn| tx::reveal(conn, tenant, id))
    }

    fn audit_events(&self, tenant: &TenantId, anchor: &dyn AuditAnchor) -> Result<Vec<AuditEvent>> {
        self.read(|conn| audit::read_verified(conn, tenant, anchor))
    }

    fn anchor_audit_log(&self, tenant: &TenantId, anchor: &dyn AuditAnchor) -> Result<u64> {
        self.write_locked(tenant, |conn| audit::adopt(conn, tenant, anchor))
    }

    fn reserve_attempt(
        &self,
        tenant: &TenantId,
        source: &str,
        now: DateTime<Utc>,
        config: &ThrottleConfig,
    ) -> Result<AttemptTicket> {
        self.write_locked(tenant, |conn| {
            throttle::reserve(conn, tenant, source, now, config)
        })
    }

    fn release_attempt(&self, ticket: &AttemptTicket) -> Result<()> {
        self.write_locked(ticket.tenant(), |conn| throttle::release(conn, ticket))
    }

    fn scrub(&self) -> Result<()> {
        self.backend.scrub(schema::CONTENT_TABLES)
    }
}
