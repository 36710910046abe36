//! The PostgreSQL engine, for hosted multi-tenant deployments.
//!
//! A transaction locks the tenant's row first (`SELECT … FOR UPDATE`, see
//! [`Dialect::for_update`]), which serialises the tenant's audit chain, reference counters and
//! receipt attempts across every connection and server process while leaving other tenants
//! free. Reads run in a `REPEATABLE READ, READ ONLY` transaction: one snapshot, no writes.
//! Connections use TLS (rustls) as the `tls` module describes.
//!
//! [`Backend::scrub`] rewrites the content tables (`VACUUM FULL`, which drops every old row
//! version), refreshes their statistics (`ANALYZE`, which replaces sampled values) and, when
//! the role may, ends the WAL segment and checkpoints twice so that segments holding purged
//! rows are removed. The server must run with `wal_recycle = off` (otherwise old segments are
//! renamed for reuse, not removed), and backups, WAL archives and replicas keep their own
//! copies: the operator procedure is in the [`store`](super) module documentation.

use std::error::Error as _;
use std::sync::Mutex;

use ::postgres::types::{IsNull, ToSql, Type, to_sql_checked};
use ::postgres::{Client, GenericClient, IsolationLevel};
use bytes::BytesMut;

use super::sql::{Backend, Cell, Conn, Dialect, SqlStore, Value, dollar_placeholders};
use crate::{Error, Result};

mod tls;

fn db(e: ::postgres::Error) -> Error {
    Error::Store {
        backend: "postgres",
        // The error's Display is terse ("db error"); the server's message is in the source.
        reason: e
            .as_db_error()
            .map(|d| d.message().to_owned())
            .unwrap_or_else(|| match e.source() {
                Some(s) => format!("{e}: {s}"),
                None => e.to_string(),
            }),
    }
}

/// The PostgreSQL engine under [`PostgresStore`].
pub struct Postgres {
    client: Mutex<Client>,
}

/// A case store in a PostgreSQL database (optionally in its own schema).
pub type PostgresStore = SqlStore<Postgres>;

impl SqlStore<Postgres> {
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
        Self::migrated(Postgres {
            client: Mutex::new(client),
        })
    }
}

impl Postgres {
    fn lock(&self) -> std::sync::MutexGuard<'_, Client> {
        // An interrupted transaction is rolled back by the server, so a poisoned lock is safe.
        self.client.lock().unwrap_or_else(|p| p.into_inner())
    }
}

impl ToSql for Value<'_> {
    fn to_sql(
        &self,
        ty: &Type,
        out: &mut BytesMut,
    ) -> std::result::Result<IsNull, Box<dyn std::error::Error + Sync + Send>> {
        match self {
            Self::Text(s) => s.to_sql(ty, out),
            // Columns of schema version 1 created as INTEGER take the value when it fits.
            Self::Int(n) if *ty == Type::INT4 => i32::try_from(*n)?.to_sql(ty, out),
            Self::Int(n) => n.to_sql(ty, out),
            Self::Null => Ok(IsNull::Yes),
        }
    }

    fn accepts(ty: &Type) -> bool {
        <&str as ToSql>::accepts(ty) || *ty == Type::INT4 || <i64 as ToSql>::accepts(ty)
    }

    to_sql_checked!();
}

struct PgConn<'a, C: GenericClient>(&'a mut C);

fn params<'a>(values: &'a [Value<'a>]) -> Vec<&'a (dyn ToSql + Sync)> {
    values.iter().map(|v| v as &(dyn ToSql + Sync)).collect()
}

impl<C: GenericClient> Conn for PgConn<'_, C> {
    fn dialect(&self) -> Dialect {
        Dialect::Postgres
    }

    fn execute(&mut self, sql: &str, values: &[Value<'_>]) -> Result<u64> {
        self.0
            .execute(dollar_placeholders(sql).as_str(), &params(values))
            .map_err(db)
    }

    fn query(&mut self, sql: &str, values: &[Value<'_>]) -> Result<Vec<Vec<Cell>>> {
        let rows = self
            .0
            .query(dollar_placeholders(sql).as_str(), &params(values))
            .map_err(db)?;
        rows.iter()
            .map(|row| {
                (0..row.len())
                    .map(|i| {
                        let ty = row.columns()[i].type_();
                        Ok(if *ty == Type::INT8 {
                            row.try_get::<_, Option<i64>>(i).map_err(db)?.map(Cell::Int)
                        } else if *ty == Type::INT4 {
                            row.try_get::<_, Option<i32>>(i)
                                .map_err(db)?
                                .map(|n| Cell::Int(n.into()))
                        } else {
                            row.try_get::<_, Option<String>>(i)
                                .map_err(db)?
                                .map(Cell::Text)
                        }
                        .unwrap_or(Cell::Null))
                    })
                    .collect()
            })
            .collect()
    }

    fn batch(&mut self, sql: &str) -> Result<()> {
        self.0.batch_execute(sql).map_err(db)
    }
}

/// Waits until no other session of the database holds a snapshot from before now: `VACUUM
/// FULL` copies a deleted row along while any such snapshot might still see it.
fn wait_for_older_snapshots(client: &mut Client) -> Result<()> {
    const PATIENCE: std::time::Duration = std::time::Duration::from_secs(60);
    let now: String = client
        .query_one("SELECT txid_current()::text", &[])
        .map_err(db)?
        .get(0);
    let started = std::time::Instant::now();
    loop {
        let older = client
            .query(
                "SELECT pid FROM pg_stat_activity
                 WHERE datname = current_database() AND pid <> pg_backend_pid()
                   AND backend_xmin IS NOT NULL AND age(backend_xmin) >= age($1::text::xid)",
                &[&now],
            )
            .map_err(db)?;
        let Some(row) = older.first() else {
            return Ok(());
        };
        if started.elapsed() > PATIENCE {
            let pid: i32 = row.get(0);
            return Err(Error::Store {
                backend: "postgres",
                reason: format!(
                    "purged rows cannot be scrubbed while session {pid} keeps a snapshot from \
                     before the purge open; scrub again when it ends"
                ),
            });
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

impl Backend for Postgres {
    fn name(&self) -> &'static str {
        "postgres"
    }

    fn read(&self, work: &mut dyn FnMut(&mut dyn Conn) -> Result<()>) -> Result<()> {
        let mut client = self.lock();
        let mut tx = client
            .build_transaction()
            .isolation_level(IsolationLevel::RepeatableRead)
            .read_only(true)
            .start()
            .map_err(db)?;
        work(&mut PgConn(&mut tx))
    }

    fn write(&self, work: &mut dyn FnMut(&mut dyn Conn) -> Result<()>) -> Result<()> {
        let mut client = self.lock();
        let mut tx = client.transaction().map_err(db)?;
        work(&mut PgConn(&mut tx))?;
        tx.commit().map_err(db)
    }

    fn scrub(&self, tables: &[&str]) -> Result<()> {
        let mut client = self.lock();
        wait_for_older_snapshots(&mut client)?;
        // Table names come from the schema module, never from input.
        for table in tables {
            client
                .batch_execute(&format!("VACUUM (FULL, ANALYZE) {table}"))
                .map_err(db)?;
        }
        // Ending the segment and checkpointing twice lets the server remove the segments that
        // hold the purged rows. It needs pg_checkpoint and pg_switch_wal rights (superuser by
        // default); a role without them leaves that step to the operator procedure.
        match client
            .batch_execute("SELECT pg_switch_wal(); CHECKPOINT; SELECT pg_switch_wal(); CHECKPOINT")
        {
            Ok(()) => Ok(()),
            Err(e) if e.code() == Some(&::postgres::error::SqlState::INSUFFICIENT_PRIVILEGE) => {
                Err(Error::Store {
                    backend: "postgres",
                    reason: "purged rows are gone from the tables, but this role may not \
                             checkpoint: run the WAL step of the purge procedure \
                             (lantero_cases::store documentation) as a superuser"
                        .into(),
                })
            }
            Err(e) => Err(db(e)),
        }
    }
}
