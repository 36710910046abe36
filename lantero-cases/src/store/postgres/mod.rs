//! The PostgreSQL store, for hosted multi-tenant deployments.
//!
//! A transaction locks the tenant's row first (`SELECT … FOR UPDATE`), which serialises the
//! tenant's audit chain and reference counters across every connection and server process
//! while leaving other tenants free. Connections use TLS (rustls) as the `tls` module describes.

use std::sync::Mutex;

use ::postgres::Client;
use ::postgres::error::SqlState;
use ::postgres::types::ToSql;
use lantero_core::audit::AuditEvent;

mod tls;
mod tx;

use super::migrations::{CREATE_MIGRATIONS_TABLE, MIGRATIONS, SCHEMA_VERSION};
use super::{AuditDraft, CaseStore, Tx, from_json, to_json};
use crate::case::{Attachment, AttachmentId, Case, CaseId, CaseLink, Message};
use crate::crypto::Sealed;
use crate::reporter::{RevealId, RevealRequest};
use crate::{Error, Result, Tenant, TenantId};
use tx::PgTx;

pub(super) fn db(e: ::postgres::Error) -> Error {
    Error::Store {
        backend: "postgres",
        // The error's Display is terse ("db error"); the server's message is in the source.
        reason: e
            .as_db_error()
            .map(|d| d.message().to_owned())
            .unwrap_or_else(|| e.to_string()),
    }
}

/// A case store in a PostgreSQL database (optionally in its own schema).
pub struct PostgresStore {
    client: Mutex<Client>,
}

impl PostgresStore {
    /// Connects to `url` (e.g. `postgres://postgres@127.0.0.1:55432/lantero_test`), optionally
    /// into `schema` (created if missing: one schema per deployment or test run), and brings
    /// the schema up to date.
    ///
    /// TLS follows libpq's `sslmode` and `sslrootcert=PATH` in the URL, but the default is
    /// stricter: `prefer` for a loopback host, `verify-full` (against the system's roots, or
    /// `sslrootcert`) for any other; an unencrypted mode to a host that is not loopback is
    /// refused with [`Error::InvalidValue`].
    pub fn connect(url: &str, schema: Option<&str>) -> Result<Self> {
        let mut client = tls::connect(url)?;
        if let Some(schema) = schema {
            let ok = !schema.is_empty()
                && schema.len() <= 63
                && schema
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
                && !schema.starts_with(|c: char| c.is_ascii_digit());
            if !ok {
                return Err(Error::invalid(
                    "schema",
                    schema,
                    "expected a-z, 0-9 and '_', not starting with a digit",
                ));
            }
            // The name is validated above, so it is safe to splice into the statement.
            client
                .batch_execute(&format!(
                    "CREATE SCHEMA IF NOT EXISTS {schema}; SET search_path TO {schema}"
                ))
                .map_err(db)?;
        }
        migrate(&mut client)?;
        Ok(Self {
            client: Mutex::new(client),
        })
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Client> {
        // An interrupted transaction is rolled back by the server, so a poisoned lock is safe.
        self.client.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn query_json<T: serde::de::DeserializeOwned>(
        &self,
        what: &'static str,
        sql: &str,
        args: &[&(dyn ToSql + Sync)],
    ) -> Result<Vec<T>> {
        let rows = self.lock().query(sql, args).map_err(db)?;
        rows.iter()
            .map(|r| from_json(what, &r.get::<_, String>(0)))
            .collect()
    }
}

fn migrate(client: &mut Client) -> Result<()> {
    let mut tx = client.transaction().map_err(db)?;
    // One migrator per database at a time, whichever process gets here first.
    tx.execute("SELECT pg_advisory_xact_lock(4711271)", &[])
        .map_err(db)?;
    tx.batch_execute(CREATE_MIGRATIONS_TABLE).map_err(db)?;
    let current: i64 = tx
        .query_one(
            "SELECT COALESCE(MAX(version), 0)::BIGINT FROM schema_migrations",
            &[],
        )
        .map_err(db)?
        .get(0);
    if current > SCHEMA_VERSION {
        return Err(Error::Store {
            backend: "postgres",
            reason: format!(
                "database schema version {current} is newer than this program's ({SCHEMA_VERSION})"
            ),
        });
    }
    for m in MIGRATIONS.iter().filter(|m| m.version > current) {
        tx.batch_execute(m.postgres).map_err(db)?;
        tx.execute(
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)",
            &[&m.version, &m.name, &chrono::Utc::now().to_rfc3339()],
        )
        .map_err(db)?;
    }
    tx.commit().map_err(db)
}

impl CaseStore for PostgresStore {
    fn backend(&self) -> &'static str {
        "postgres"
    }

    fn insert_tenant(&self, tenant: &Tenant) -> Result<()> {
        self.lock()
            .execute(
                "INSERT INTO tenants (id, data) VALUES ($1, $2)",
                &[&tenant.id.as_str(), &to_json("tenant", tenant)?],
            )
            .map_err(|e| {
                if e.code() == Some(&SqlState::UNIQUE_VIOLATION) {
                    Error::AlreadyExists {
                        what: "tenant",
                        id: tenant.id.to_string(),
                    }
                } else {
                    db(e)
                }
            })?;
        Ok(())
    }

    fn tenant(&self, id: &TenantId) -> Result<Option<Tenant>> {
        let rows: Vec<Tenant> = self.query_json(
            "tenant",
            "SELECT data FROM tenants WHERE id = $1",
            &[&id.as_str()],
        )?;
        Ok(rows.into_iter().next())
    }

    fn tenants(&self) -> Result<Vec<Tenant>> {
        self.query_json("tenant", "SELECT data FROM tenants ORDER BY id", &[])
    }

    fn transact(
        &self,
        tenant: &TenantId,
        work: &mut dyn FnMut(&mut dyn Tx) -> Result<AuditDraft>,
    ) -> Result<AuditEvent> {
        let mut client = self.lock();
        let mut tx = client.transaction().map_err(db)?;
        let locked = tx
            .query_opt(
                "SELECT id FROM tenants WHERE id = $1 FOR UPDATE",
                &[&tenant.as_str()],
            )
            .map_err(db)?;
        if locked.is_none() {
            return Err(Error::NotFound {
                what: "tenant",
                id: tenant.to_string(),
            });
        }
        let draft = work(&mut PgTx {
            tx: &mut tx,
            tenant,
        })?;
        let prev = tx
            .query_opt(
                "SELECT data FROM audit WHERE tenant = $1 ORDER BY seq DESC LIMIT 1",
                &[&tenant.as_str()],
            )
            .map_err(db)?;
        let prev: Option<AuditEvent> = prev
            .map(|r| from_json("audit event", &r.get::<_, String>(0)))
            .transpose()?;
        let event = AuditEvent::next(
            prev.as_ref(),
            draft.time,
            draft.actor,
            draft.action,
            draft.object,
            draft.detail,
        );
        let seq = i64::try_from(event.seq).map_err(|_| Error::corrupt("audit seq", event.seq))?;
        tx.execute(
            "INSERT INTO audit (tenant, seq, data) VALUES ($1, $2, $3)",
            &[&tenant.as_str(), &seq, &to_json("audit event", &event)?],
        )
        .map_err(db)?;
        tx.commit().map_err(db)?;
        Ok(event)
    }

    fn case(&self, tenant: &TenantId, id: &CaseId) -> Result<Option<Case>> {
        let rows: Vec<Case> = self.query_json(
            "case",
            "SELECT data FROM cases WHERE tenant = $1 AND id = $2",
            &[&tenant.as_str(), &id.as_str()],
        )?;
        Ok(rows.into_iter().next())
    }

    fn case_by_receipt(&self, tenant: &TenantId, receipt_hash: &str) -> Result<Option<Case>> {
        let rows: Vec<Case> = self.query_json(
            "case",
            "SELECT data FROM cases WHERE tenant = $1 AND receipt_hash = $2",
            &[&tenant.as_str(), &receipt_hash],
        )?;
        Ok(rows.into_iter().next())
    }

    fn cases(&self, tenant: &TenantId) -> Result<Vec<Case>> {
        self.query_json(
            "case",
            "SELECT data FROM cases WHERE tenant = $1 ORDER BY received_at, id",
            &[&tenant.as_str()],
        )
    }

    fn messages(&self, tenant: &TenantId, case: &CaseId) -> Result<Vec<Message>> {
        self.query_json(
            "message",
            "SELECT data FROM messages WHERE tenant = $1 AND case_id = $2 ORDER BY seq",
            &[&tenant.as_str(), &case.as_str()],
        )
    }

    fn attachments(&self, tenant: &TenantId, case: &CaseId) -> Result<Vec<Attachment>> {
        self.query_json(
            "attachment",
            "SELECT data FROM attachments WHERE tenant = $1 AND case_id = $2 ORDER BY seq",
            &[&tenant.as_str(), &case.as_str()],
        )
    }

    fn attachment_content(&self, tenant: &TenantId, id: &AttachmentId) -> Result<Option<Sealed>> {
        let row = self
            .lock()
            .query_opt(
                "SELECT content FROM attachments WHERE tenant = $1 AND id = $2",
                &[&tenant.as_str(), &id.0],
            )
            .map_err(db)?;
        Ok(row.map(|r| Sealed::from_stored(r.get(0))))
    }

    fn links(&self, tenant: &TenantId, case: &CaseId) -> Result<Vec<CaseLink>> {
        self.query_json(
            "link",
            "SELECT data FROM links WHERE tenant = $1 AND (from_case = $2 OR to_case = $2) ORDER BY seq",
            &[&tenant.as_str(), &case.as_str()],
        )
    }

    fn reveal(&self, tenant: &TenantId, id: &RevealId) -> Result<Option<RevealRequest>> {
        let rows: Vec<RevealRequest> = self.query_json(
            "reveal request",
            "SELECT data FROM reveals WHERE tenant = $1 AND id = $2",
            &[&tenant.as_str(), &id.0],
        )?;
        Ok(rows.into_iter().next())
    }

    fn audit_events(&self, tenant: &TenantId) -> Result<Vec<AuditEvent>> {
        self.query_json(
            "audit event",
            "SELECT data FROM audit WHERE tenant = $1 ORDER BY seq",
            &[&tenant.as_str()],
        )
    }
}
