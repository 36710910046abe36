//! The transaction side of the PostgreSQL store: the [`Tx`] writes.

use ::postgres::Transaction;

use super::db;
use crate::case::{Attachment, Case, CaseId, CaseKind, CaseLink, Message, Reference};
use crate::crypto::Sealed;
use crate::reporter::RevealRequest;
use crate::store::{Tx, from_json, to_json};
use crate::{Error, Result, TenantId};

pub(super) struct PgTx<'a, 'c> {
    pub(super) tx: &'a mut Transaction<'c>,
    pub(super) tenant: &'a TenantId,
}

impl Tx for PgTx<'_, '_> {
    fn next_reference(&mut self, kind: CaseKind, year: i32) -> Result<Reference> {
        let n: i64 = self
            .tx
            .query_one(
                "INSERT INTO reference_counters (tenant, kind, year, last) VALUES ($1, $2, $3, 1)
                 ON CONFLICT (tenant, kind, year)
                 DO UPDATE SET last = reference_counters.last + 1 RETURNING last",
                &[&self.tenant.as_str(), &kind.as_str(), &year],
            )
            .map_err(db)?
            .get(0);
        let number = u32::try_from(n).map_err(|_| Error::corrupt("reference counter", n))?;
        Ok(Reference::new(kind, year, number))
    }

    fn case(&mut self, id: &CaseId) -> Result<Option<Case>> {
        let row = self
            .tx
            .query_opt(
                "SELECT data FROM cases WHERE tenant = $1 AND id = $2",
                &[&self.tenant.as_str(), &id.as_str()],
            )
            .map_err(db)?;
        row.map(|r| from_json("case", &r.get::<_, String>(0)))
            .transpose()
    }

    fn insert_case(&mut self, case: &Case) -> Result<()> {
        self.tx
            .execute(
                "INSERT INTO cases (tenant, id, kind, status, received_at, receipt_hash, data)
                 VALUES ($1, $2, $3, $4, $5, $6, $7)",
                &[
                    &self.tenant.as_str(),
                    &case.id.as_str(),
                    &case.kind.as_str(),
                    &case.status.as_str(),
                    &case.received_at.timestamp_micros(),
                    &case.receipt_hash,
                    &to_json("case", case)?,
                ],
            )
            .map_err(db)?;
        Ok(())
    }

    fn update_case(&mut self, case: &Case) -> Result<()> {
        let n = self
            .tx
            .execute(
                "UPDATE cases SET status = $3, receipt_hash = $4, data = $5
                 WHERE tenant = $1 AND id = $2",
                &[
                    &self.tenant.as_str(),
                    &case.id.as_str(),
                    &case.status.as_str(),
                    &case.receipt_hash,
                    &to_json("case", case)?,
                ],
            )
            .map_err(db)?;
        if n == 0 {
            return Err(Error::NotFound {
                what: "case",
                id: case.id.to_string(),
            });
        }
        Ok(())
    }

    fn insert_message(&mut self, m: &Message) -> Result<()> {
        self.tx
            .execute(
                "INSERT INTO messages (tenant, case_id, id, data) VALUES ($1, $2, $3, $4)",
                &[
                    &self.tenant.as_str(),
                    &m.case_id.as_str(),
                    &m.id.0,
                    &to_json("message", m)?,
                ],
            )
            .map_err(db)?;
        Ok(())
    }

    fn insert_attachment(&mut self, a: &Attachment, content: &Sealed) -> Result<()> {
        self.tx
            .execute(
                "INSERT INTO attachments (tenant, case_id, id, data, content) VALUES ($1, $2, $3, $4, $5)",
                &[
                    &self.tenant.as_str(),
                    &a.case_id.as_str(),
                    &a.id.0,
                    &to_json("attachment", a)?,
                    &content.as_str(),
                ],
            )
            .map_err(db)?;
        Ok(())
    }

    fn insert_link(&mut self, l: &CaseLink) -> Result<()> {
        self.tx
            .execute(
                "INSERT INTO links (tenant, from_case, to_case, data) VALUES ($1, $2, $3, $4)",
                &[
                    &self.tenant.as_str(),
                    &l.from.as_str(),
                    &l.to.as_str(),
                    &to_json("link", l)?,
                ],
            )
            .map_err(db)?;
        Ok(())
    }

    fn put_reveal(&mut self, r: &RevealRequest) -> Result<()> {
        self.tx
            .execute(
                "INSERT INTO reveals (tenant, id, case_id, data) VALUES ($1, $2, $3, $4)
                 ON CONFLICT (tenant, id) DO UPDATE SET data = excluded.data",
                &[
                    &self.tenant.as_str(),
                    &r.id.0,
                    &r.case_id.as_str(),
                    &to_json("reveal request", r)?,
                ],
            )
            .map_err(db)?;
        Ok(())
    }

    fn delete_case_content(&mut self, id: &CaseId) -> Result<()> {
        for table in ["messages", "attachments", "reveals"] {
            self.tx
                .execute(
                    &format!("DELETE FROM {table} WHERE tenant = $1 AND case_id = $2"),
                    &[&self.tenant.as_str(), &id.as_str()],
                )
                .map_err(db)?;
        }
        Ok(())
    }
}
