//! Case references (diarienummer): per tenant, per kind and per year, progressive from 1.
//!
//! The store allocates the number inside the transaction that inserts the case, so numbers are
//! gap-free and never reused, even when two handlers register cases at the same moment.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::CaseKind;
use crate::{Error, Result};

/// A case reference such as `VB-2025-0007`.
///
/// ```
/// use lantero_cases::case::{CaseKind, Reference};
///
/// let r = Reference::new(CaseKind::RecordsRequest, 2025, 42);
/// assert_eq!(r.to_string(), "BAH-2025-0042");
/// assert_eq!("BAH-2025-0042".parse::<Reference>()?, r);
/// # Ok::<(), lantero_cases::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Reference {
    /// The kind, which gives the prefix.
    pub kind: CaseKind,
    /// The registration year.
    pub year: i32,
    /// The number within kind and year, from 1.
    pub number: u32,
}

impl Reference {
    /// A reference from its parts.
    pub fn new(kind: CaseKind, year: i32, number: u32) -> Self {
        Self { kind, year, number }
    }
}

impl fmt::Display for Reference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}-{}-{:04}",
            self.kind.reference_prefix(),
            self.year,
            self.number
        )
    }
}

impl FromStr for Reference {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        let bad = |why: &str| Error::invalid("case reference", s, why);
        let mut parts = s.split('-');
        let (Some(prefix), Some(year), Some(number), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(bad("expected PREFIX-YEAR-NUMBER"));
        };
        let kind = CaseKind::ALL
            .into_iter()
            .find(|k| k.reference_prefix() == prefix)
            .ok_or_else(|| bad("unknown prefix (expected VB, TIPS or BAH)"))?;
        let year = year
            .parse::<i32>()
            .ok()
            .filter(|y| (1000..=9999).contains(y))
            .ok_or_else(|| bad("year must have four digits"))?;
        let number = number
            .parse::<u32>()
            .ok()
            .filter(|n| *n > 0)
            .ok_or_else(|| bad("number must be a positive integer"))?;
        Ok(Self { kind, year, number })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn display_and_parse_round_trip(k in 0usize..3, year in 1000i32..=9999, number in 1u32..1_000_000) {
            let r = Reference::new(CaseKind::ALL[k], year, number);
            prop_assert_eq!(r.to_string().parse::<Reference>().unwrap(), r);
        }

        #[test]
        fn parser_never_panics(s in ".{0,24}") {
            let _ = s.parse::<Reference>();
        }
    }

    #[test]
    fn rejects_malformed() {
        for s in [
            "VB-2025",
            "XX-2025-1",
            "VB-25-1",
            "VB-2025-0",
            "VB-2025-1-2",
        ] {
            assert!(s.parse::<Reference>().is_err(), "{s}");
        }
    }
}
