//! Organisationsnummer of legal entities.
//!
//! `NNNNNN-NNNC`: ten digits whose last is a Luhn check digit over the other nine. The first
//! digit gives the [group](OrganisationGroup) and the third is 2 or more, which no
//! personnummer has (its third and fourth digits are a month). Skatteverket's 12-digit form
//! puts `16` in front.
//!
//! A sole trader (enskild firma) has no organisationsnummer of its own: it uses the owner's
//! personnummer. [`Organisationsnummer`] therefore only holds legal entities, and
//! [`OrganisationId`](super::OrganisationId) covers both.

mod group;
#[cfg(test)]
mod tests;

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

pub use group::OrganisationGroup;

use super::compact::Compact;
use super::luhn;
use crate::error::IdentifierProblem;
use crate::{Error, Result};

/// A checked organisationsnummer of a legal entity.
///
/// ```
/// use lantero_core::identifiers::{OrganisationGroup, Organisationsnummer};
///
/// let org: Organisationsnummer = "5560160680".parse()?;
/// assert_eq!(org.to_string(), "556016-0680");
/// assert_eq!(org.long_digits(), "165560160680");
/// assert_eq!(org.group(), Some(OrganisationGroup::Aktiebolag));
/// assert_eq!(Organisationsnummer::parse("16556016-0680")?, org);
///
/// // A personnummer is not a legal entity's number.
/// assert!(Organisationsnummer::parse("121212-1212").is_err());
/// # Ok::<(), lantero_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Organisationsnummer {
    /// ASCII digits, without the `16` prefix.
    digits: [u8; 10],
}

impl Organisationsnummer {
    /// Parses `NNNNNN-NNNC`, `NNNNNNNNNC`, `16NNNNNN-NNNC` or `16NNNNNNNNNC`.
    pub fn parse(input: &str) -> Result<Self> {
        decode(input.as_bytes()).map_err(|reason| invalid(input, reason))
    }

    /// Parses after removing all whitespace, for numbers found in running text.
    pub fn parse_lenient(input: &str) -> Result<Self> {
        let compact = Compact::without_whitespace(input)
            .ok_or_else(|| invalid(input, IdentifierProblem::Format))?;
        decode(compact.as_bytes()).map_err(|reason| invalid(input, reason))
    }

    /// The group from the first digit, or `None` for the digits 0 and 4, which Skatteverket's
    /// table leaves unassigned. Such numbers are still accepted: validity is the check digit
    /// and the third digit, and a detector must not miss a number because its group is odd.
    pub fn group(&self) -> Option<OrganisationGroup> {
        OrganisationGroup::from_digit(self.digits[0] - b'0')
    }

    /// The ten digits `NNNNNNNNNC`.
    pub fn digits(&self) -> String {
        self.digits.iter().map(|&b| char::from(b)).collect()
    }

    /// The 12-digit form `16NNNNNNNNNC`.
    pub fn long_digits(&self) -> String {
        format!("16{}", self.digits())
    }
}

/// Decodes the 10- or 12-digit form, with or without `-` before the last four digits.
pub(super) fn decode(bytes: &[u8]) -> Result<Organisationsnummer, IdentifierProblem> {
    use IdentifierProblem as P;

    let rest = match bytes {
        [b'1', b'6', rest @ ..] if matches!(rest.len(), 10 | 11) => rest,
        [c1, c2, rest @ ..]
            if c1.is_ascii_digit() && c2.is_ascii_digit() && matches!(rest.len(), 10 | 11) =>
        {
            return Err(P::Prefix);
        }
        _ => bytes,
    };
    let digits = match *rest {
        [a, b, c, d, e, f, g, h, i, j] => [a, b, c, d, e, f, g, h, i, j],
        [a, b, c, d, e, f, b'-', g, h, i, j] => [a, b, c, d, e, f, g, h, i, j],
        _ => return Err(P::Format),
    };
    if !digits.iter().all(u8::is_ascii_digit) {
        return Err(P::Format);
    }
    if !luhn::is_valid(&digits) {
        return Err(P::Checksum);
    }
    if digits[2] < b'2' {
        return Err(P::NotLegalEntity);
    }
    Ok(Organisationsnummer { digits })
}

fn invalid(input: &str, reason: IdentifierProblem) -> Error {
    Error::InvalidOrganisationsnummer {
        input: input.to_owned(),
        reason,
    }
}

/// `NNNNNN-NNNC`.
impl fmt::Display for Organisationsnummer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, &byte) in self.digits.iter().enumerate() {
            if i == 6 {
                f.write_str("-")?;
            }
            fmt::Write::write_char(f, char::from(byte))?;
        }
        Ok(())
    }
}

/// Same as [`Organisationsnummer::parse`].
impl FromStr for Organisationsnummer {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self> {
        Self::parse(s)
    }
}

/// Written as `NNNNNN-NNNC`.
impl Serialize for Organisationsnummer {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// Reads any form [`Organisationsnummer::parse`] reads.
impl<'de> Deserialize<'de> for Organisationsnummer {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Self::parse(&text).map_err(serde::de::Error::custom)
    }
}
