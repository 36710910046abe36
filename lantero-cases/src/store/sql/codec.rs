//! Cases as stored: the record as JSON without its wrapped keys, and the keys in a row of
//! their own (`case_keys`).
//!
//! Keeping the keys apart is what makes purge destroy a case (crypto-shredding): deleting one
//! key row leaves every sealed value of the case, wherever a copy survives (a backup, a
//! replica, an old page), unreadable. The split is done here, at the edge of the store, so the
//! rest of the library keeps one [`Case`] type.

use serde_json::{Map, Value as Json};

use super::{Cell, Conn};
use crate::case::Case;
use crate::{Error, Result, TenantId};

/// The fields of [`SealedContent`](crate::case::SealedContent) that are wrapped keys.
const KEY_FIELDS: [&str; 2] = ["case_key", "identity_key"];

/// A case as two stored texts: the record and (while it has content) its keys.
pub(super) struct Encoded {
    pub record: String,
    pub keys: Option<String>,
}

pub(super) fn encode(case: &Case) -> Result<Encoded> {
    let mut json = serde_json::to_value(case).map_err(|e| Error::corrupt("case", e))?;
    let keys = match json.get_mut("content").and_then(Json::as_object_mut) {
        Some(content) => {
            let mut keys = Map::new();
            for field in KEY_FIELDS {
                if let Some(v) = content.remove(field) {
                    keys.insert(field.to_owned(), v);
                }
            }
            Some(Json::Object(keys).to_string())
        }
        None => None,
    };
    Ok(Encoded {
        record: json.to_string(),
        keys,
    })
}

/// A case from its record and its key row (absent once purged; a record written before the
/// keys were kept apart still holds them itself).
pub(super) fn decode(record: &str, keys: Option<&str>) -> Result<Case> {
    let mut json: Json = serde_json::from_str(record).map_err(|e| Error::corrupt("case", e))?;
    if let (Some(content), Some(keys)) =
        (json.get_mut("content").and_then(Json::as_object_mut), keys)
    {
        let keys: Map<String, Json> =
            serde_json::from_str(keys).map_err(|e| Error::corrupt("case keys", e))?;
        content.extend(keys);
    }
    serde_json::from_value(json).map_err(|e| Error::corrupt("case", e))
}

/// The `SELECT` list and join that read a case with its keys; append `WHERE …`.
pub(super) const SELECT_CASE: &str = "SELECT c.data, k.data FROM cases c \
     LEFT JOIN case_keys k ON k.tenant = c.tenant AND k.case_id = c.id";

/// Cases from rows of [`SELECT_CASE`].
pub(super) fn cases(rows: Vec<Vec<Cell>>) -> Result<Vec<Case>> {
    rows.iter()
        .map(|r| {
            let record = r
                .first()
                .and_then(Cell::text)
                .ok_or_else(|| Error::corrupt("case", "no record"))?;
            decode(record, r.get(1).and_then(Cell::text))
        })
        .collect()
}

/// Writes (or, for a purged case, deletes) the key row of `case`.
pub(super) fn put_keys(
    conn: &mut dyn Conn,
    tenant: &TenantId,
    case: &Case,
    keys: Option<&str>,
) -> Result<()> {
    let (t, id) = (tenant.as_str(), case.id.as_str());
    match keys {
        Some(keys) => conn.execute(
            "INSERT INTO case_keys (tenant, case_id, data) VALUES (?1, ?2, ?3)
             ON CONFLICT (tenant, case_id) DO UPDATE SET data = excluded.data",
            &[t.into(), id.into(), keys.into()],
        )?,
        None => conn.execute(
            "DELETE FROM case_keys WHERE tenant = ?1 AND case_id = ?2",
            &[t.into(), id.into()],
        )?,
    };
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::case::{CaseId, CaseKind, Channel, Reference, SealedContent};
    use crate::crypto::{Sealed, WrappedKey};

    #[test]
    fn keys_leave_the_record_and_come_back() {
        let mut case = Case::new(
            CaseId("c1".into()),
            "t".parse().unwrap(),
            CaseKind::Tip,
            Channel::Web,
            Reference::new(CaseKind::Tip, 2025, 1),
            chrono::Utc::now(),
        );
        let key = |w: &str| WrappedKey {
            provider: "local".into(),
            wrapped: w.into(),
        };
        case.content = Some(SealedContent {
            case_key: key("WRAPPED-CASE-KEY"),
            summary: Sealed::from_stored("x1:00".into()),
            identity_key: Some(key("WRAPPED-ID-KEY")),
            identity: Some(Sealed::from_stored("x1:01".into())),
        });
        let e = encode(&case).unwrap();
        assert!(!e.record.contains("WRAPPED"));
        let keys = e.keys.as_deref().unwrap();
        assert!(keys.contains("WRAPPED-CASE-KEY") && keys.contains("WRAPPED-ID-KEY"));
        assert_eq!(decode(&e.record, Some(keys)).unwrap(), case);

        // A record from before the split holds its keys and still reads.
        let legacy = serde_json::to_string(&case).unwrap();
        assert_eq!(decode(&legacy, None).unwrap(), case);

        // Purged: no content, no key row.
        case.content = None;
        assert!(encode(&case).unwrap().keys.is_none());
    }
}
