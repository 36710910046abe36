//! The writes of one transaction ([`Tx`]), as shared statements.

use super::codec::{self, SELECT_CASE};
use super::{Cell, Conn};
use crate::case::{Attachment, Case, CaseId, CaseKind, CaseLink, Message, Reference};
use crate::crypto::Sealed;
use crate::reporter::{RevealId, RevealRequest};
use crate::store::{Tx, from_json, to_json};
use crate::{Error, Result, TenantId};

pub(super) struct SqlTx<'a> {
    pub(super) conn: &'a mut dyn Conn,
    pub(super) tenant: &'a TenantId,
}

/// The first text column of each row, decoded from JSON.
pub(super) fn json_rows<T: serde::de::DeserializeOwned>(
    what: &'static str,
    rows: Vec<Vec<Cell>>,
) -> Result<Vec<T>> {
    rows.iter()
        .map(|r| {
            let json = r
                .first()
                .and_then(Cell::text)
                .ok_or_else(|| Error::corrupt(what, "no data"))?;
            from_json(what, json)
        })
        .collect()
}

pub(super) fn case(conn: &mut dyn Conn, tenant: &TenantId, id: &CaseId) -> Result<Option<Case>> {
    let rows = conn.query(
        &format!("{SELECT_CASE} WHERE c.tenant = ?1 AND c.id = ?2"),
        &[tenant.as_str().into(), id.as_str().into()],
    )?;
    Ok(codec::cases(rows)?.into_iter().next())
}

pub(super) fn reveal(
    conn: &mut dyn Conn,
    tenant: &TenantId,
    id: &RevealId,
) -> Result<Option<RevealRequest>> {
    let rows = conn.query(
        "SELECT data FROM reveals WHERE tenant = ?1 AND id = ?2",
        &[tenant.as_str().into(), id.0.as_str().into()],
    )?;
    Ok(json_rows("reveal request", rows)?.into_iter().next())
}

impl Tx for SqlTx<'_> {
    fn next_reference(&mut self, kind: CaseKind, year: i32) -> Result<Reference> {
        let rows = self.conn.query(
            "INSERT INTO reference_counters (tenant, kind, year, last) VALUES (?1, ?2, ?3, 1)
             ON CONFLICT (tenant, kind, year)
             DO UPDATE SET last = reference_counters.last + 1 RETURNING last",
            &[
                self.tenant.as_str().into(),
                kind.as_str().into(),
                i64::from(year).into(),
            ],
        )?;
        let n = rows
            .first()
            .and_then(|r| r.first())
            .and_then(Cell::int)
            .ok_or_else(|| Error::corrupt("reference counter", "no value returned"))?;
        let number = u32::try_from(n).map_err(|_| Error::corrupt("reference counter", n))?;
        Ok(Reference::new(kind, year, number))
    }

    fn case(&mut self, id: &CaseId) -> Result<Option<Case>> {
        case(self.conn, self.tenant, id)
    }

    fn insert_case(&mut self, case: &Case) -> Result<()> {
        let stored = codec::encode(case)?;
        self.conn.execute(
            "INSERT INTO cases (tenant, id, kind, status, received_at, receipt_hash, data)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            &[
                self.tenant.as_str().into(),
                case.id.as_str().into(),
                case.kind.as_str().into(),
                case.status.as_str().into(),
                case.received_at.timestamp_micros().into(),
                case.receipt_hash.as_deref().into(),
                stored.record.as_str().into(),
            ],
        )?;
        codec::put_keys(self.conn, self.tenant, case, stored.keys.as_deref())
    }

    fn update_case(&mut self, case: &Case) -> Result<()> {
        let stored = codec::encode(case)?;
        let n = self.conn.execute(
            "UPDATE cases SET status = ?3, receipt_hash = ?4, data = ?5
             WHERE tenant = ?1 AND id = ?2",
            &[
                self.tenant.as_str().into(),
                case.id.as_str().into(),
                case.status.as_str().into(),
                case.receipt_hash.as_deref().into(),
                stored.record.as_str().into(),
            ],
        )?;
        if n == 0 {
            return Err(Error::NotFound {
                what: "case",
                id: case.id.to_string(),
            });
        }
        codec::put_keys(self.conn, self.tenant, case, stored.keys.as_deref())
    }

    fn insert_message(&mut self, m: &Message) -> Result<()> {
        self.conn.execute(
            "INSERT INTO messages (tenant, case_id, id, data) VALUES (?1, ?2, ?3, ?4)",
            &[
                self.tenant.as_str().into(),
                m.case_id.as_str().into(),
                m.id.0.as_str().into(),
                to_json("message", m)?.as_str().into(),
            ],
        )?;
        Ok(())
    }

    fn insert_attachment(&mut self, a: &Attachment, content: &Sealed) -> Result<()> {
        self.conn.execute(
            "INSERT INTO attachments (tenant, case_id, id, data, content)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            &[
                self.tenant.as_str().into(),
                a.case_id.as_str().into(),
                a.id.0.as_str().into(),
                to_json("attachment", a)?.as_str().into(),
                content.as_str().into(),
            ],
        )?;
        Ok(())
    }

    fn insert_link(&mut self, l: &CaseLink) -> Result<()> {
        self.conn.execute(
            "INSERT INTO links (tenant, from_case, to_case, data) VALUES (?1, ?2, ?3, ?4)",
            &[
                self.tenant.as_str().into(),
                l.from.as_str().into(),
                l.to.as_str().into(),
                to_json("link", l)?.as_str().into(),
            ],
        )?;
        Ok(())
    }

    fn reveal(&mut self, id: &RevealId) -> Result<Option<RevealRequest>> {
        reveal(self.conn, self.tenant, id)
    }

    fn put_reveal(&mut self, r: &RevealRequest) -> Result<()> {
        self.conn.execute(
            "INSERT INTO reveals (tenant, id, case_id, data) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (tenant, id) DO UPDATE SET data = excluded.data",
            &[
                self.tenant.as_str().into(),
                r.id.0.as_str().into(),
                r.case_id.as_str().into(),
                to_json("reveal request", r)?.as_str().into(),
            ],
        )?;
        Ok(())
    }

    fn delete_case_content(&mut self, id: &CaseId) -> Result<()> {
        for table in ["messages", "attachments", "reveals", "case_keys"] {
            self.conn.execute(
                &format!("DELETE FROM {table} WHERE tenant = ?1 AND case_id = ?2"),
                &[self.tenant.as_str().into(), id.as_str().into()],
            )?;
        }
        Ok(())
    }
}
