//! Tenants: each municipality (or other organisation) is one tenant, isolated from the others in
//! every store query, in its reference numbers, its audit chain and its keys.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::{Error, Result};

/// A tenant id: 1–64 characters of `a-z`, `0-9`, `-` and `_`, e.g. `"sundsvall"`.
///
/// ```
/// use lantero_cases::TenantId;
///
/// let t: TenantId = "kommun-1".parse()?;
/// assert_eq!(t.as_str(), "kommun-1");
/// assert!("Kommun 1".parse::<TenantId>().is_err());
/// # Ok::<(), lantero_cases::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct TenantId(String);

impl TenantId {
    /// The id as a string.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for TenantId {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        let ok_char =
            |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_';
        if s.is_empty() || s.len() > 64 || !s.chars().all(ok_char) {
            return Err(Error::invalid(
                "tenant id",
                s,
                "expected 1-64 characters of a-z, 0-9, '-' and '_'",
            ));
        }
        Ok(Self(s.to_owned()))
    }
}

impl TryFrom<String> for TenantId {
    type Error = Error;
    fn try_from(s: String) -> Result<Self> {
        s.parse()
    }
}

impl From<TenantId> for String {
    fn from(t: TenantId) -> String {
        t.0
    }
}

impl fmt::Display for TenantId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A tenant as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tenant {
    /// The id.
    pub id: TenantId,
    /// The organisation's name as shown in decisions, e.g. `"Sundsvalls kommun"`.
    pub name: String,
    /// Salt for the receipt hashes of this tenant (hex, 16 random bytes). It is per tenant, not
    /// per report, so that a receipt can be found by its hash without trying every report.
    pub receipt_salt: String,
    /// When the tenant was created.
    pub created_at: DateTime<Utc>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn valid_ids_round_trip_through_json(s in "[a-z0-9_-]{1,64}") {
            let t: TenantId = s.parse().unwrap();
            let json = serde_json::to_string(&t).unwrap();
            prop_assert_eq!(serde_json::from_str::<TenantId>(&json).unwrap(), t);
        }

        #[test]
        fn anything_else_is_rejected(s in ".*[^a-z0-9_-].*") {
            prop_assert!(s.parse::<TenantId>().is_err());
        }
    }

    #[test]
    fn json_rejects_bad_ids() {
        assert!(serde_json::from_str::<TenantId>("\"A B\"").is_err());
        assert!(serde_json::from_str::<TenantId>("\"\"").is_err());
    }
}
