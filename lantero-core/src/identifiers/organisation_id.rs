//! The number a business is known by: an organisationsnummer, or for a sole trader the
//! owner's personnummer.

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::compact::Compact;
use super::{Organisationsnummer, Personnummer, today};
use crate::{Error, Result};

/// The identity number of any business, as found on invoices, in registers and in payment
/// data.
///
/// A sole trader (enskild firma, enskild näringsidkare) is not a legal entity of its own, and
/// its organisationsnummer *is* the owner's personnummer. Which one a 10-digit number is shows
/// in its third digit: 2 or more for legal entities (no month starts with 2), 0 or 1 for
/// people. The 12-digit form of a legal entity's number starts with `16`.
///
/// ```
/// use chrono::NaiveDate;
/// use lantero_core::identifiers::OrganisationId;
///
/// let reference = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
/// let company = OrganisationId::parse_at("556016-0680", reference)?;
/// assert!(matches!(company, OrganisationId::LegalEntity(_)));
///
/// let sole_trader = OrganisationId::parse_at("811218-9876", reference)?;
/// let OrganisationId::EnskildFirma(owner) = sole_trader else { unreachable!() };
/// assert_eq!(owner.to_string(), "19811218-9876");
/// # Ok::<(), lantero_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", content = "number", rename_all = "snake_case")]
pub enum OrganisationId {
    /// A legal entity (aktiebolag, förening, kommun, …) with its own organisationsnummer.
    LegalEntity(Organisationsnummer),
    /// A sole trader, identified by the owner's personnummer.
    EnskildFirma(Personnummer),
}

impl OrganisationId {
    /// Classifies and parses against today's date (UTC); see [`OrganisationId::parse_at`].
    pub fn parse(input: &str) -> Result<Self> {
        Self::parse_at(input, today())
    }

    /// Parses a legal entity's organisationsnummer or, when the number has the shape of a
    /// personnummer, the owner's personnummer with `reference` for its century. The error is
    /// the one for the kind of number the input looks like.
    pub fn parse_at(input: &str, reference: NaiveDate) -> Result<Self> {
        if looks_like_legal_entity(input.as_bytes()) {
            Organisationsnummer::parse(input).map(Self::LegalEntity)
        } else {
            Personnummer::parse_at(input, reference).map(Self::EnskildFirma)
        }
    }

    /// Like [`OrganisationId::parse_at`], after removing all whitespace.
    pub fn parse_lenient_at(input: &str, reference: NaiveDate) -> Result<Self> {
        let is_legal_entity = Compact::without_whitespace(input)
            .is_some_and(|compact| looks_like_legal_entity(compact.as_bytes()));
        if is_legal_entity {
            Organisationsnummer::parse_lenient(input).map(Self::LegalEntity)
        } else {
            let options = super::ParseOptions {
                ignore_whitespace: true,
                ..super::ParseOptions::default()
            };
            Personnummer::parse_with(input, reference, options).map(Self::EnskildFirma)
        }
    }

    /// Whether this is a sole trader's number, that is, a person's.
    pub fn is_enskild_firma(&self) -> bool {
        matches!(self, Self::EnskildFirma(_))
    }
}

/// A `16` prefix on 12 digits, or a third digit of 2 or more on 10.
fn looks_like_legal_entity(bytes: &[u8]) -> bool {
    let digit_count = bytes.iter().filter(|b| b.is_ascii_digit()).count();
    match digit_count {
        12 => bytes.starts_with(b"16"),
        10 => bytes
            .get(2)
            .is_some_and(|&third| (b'2'..=b'9').contains(&third)),
        _ => false,
    }
}

/// The organisationsnummer `NNNNNN-NNNC`, or the owner's personnummer `YYYYMMDD-NNNC`.
impl fmt::Display for OrganisationId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::LegalEntity(number) => number.fmt(f),
            Self::EnskildFirma(owner) => owner.fmt(f),
        }
    }
}

/// Same as [`OrganisationId::parse`].
impl FromStr for OrganisationId {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self> {
        Self::parse(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::IdentifierProblem;

    fn reference() -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, 1, 1).unwrap()
    }

    #[test]
    fn third_digit_decides_in_the_10_digit_form() {
        let company = OrganisationId::parse_at("2120000142", reference()).unwrap();
        assert_eq!(company.to_string(), "212000-0142");
        assert!(!company.is_enskild_firma());
        let owner = OrganisationId::parse_at("8112189876", reference()).unwrap();
        assert!(owner.is_enskild_firma());
        assert_eq!(owner.to_string(), "19811218-9876");
    }

    #[test]
    fn twelve_digit_forms() {
        let company = OrganisationId::parse_at("165560160680", reference()).unwrap();
        assert_eq!(company.to_string(), "556016-0680");
        let owner = OrganisationId::parse_at("19811218-9876", reference()).unwrap();
        assert!(owner.is_enskild_firma());
    }

    #[test]
    fn errors_follow_the_shape_of_the_input() {
        let err = OrganisationId::parse_at("556016-0681", reference()).unwrap_err();
        assert!(matches!(
            err,
            Error::InvalidOrganisationsnummer {
                reason: IdentifierProblem::Checksum,
                ..
            }
        ));
        let err = OrganisationId::parse_at("811218-9875", reference()).unwrap_err();
        assert!(matches!(
            err,
            Error::InvalidPersonnummer {
                reason: IdentifierProblem::Checksum,
                ..
            }
        ));
    }

    #[test]
    fn lenient_reads_split_numbers() {
        let company = OrganisationId::parse_lenient_at("556016 0680", reference()).unwrap();
        assert!(!company.is_enskild_firma());
        let owner = OrganisationId::parse_lenient_at("811218\n9876", reference()).unwrap();
        assert!(owner.is_enskild_firma());
    }

    #[test]
    fn serde_names_the_kind() {
        let company = OrganisationId::parse_at("556016-0680", reference()).unwrap();
        let json = serde_json::to_string(&company).unwrap();
        assert_eq!(json, r#"{"kind":"legal_entity","number":"556016-0680"}"#);
        assert_eq!(
            serde_json::from_str::<OrganisationId>(&json).unwrap(),
            company
        );
        let owner = OrganisationId::parse_at("811218-9876", reference()).unwrap();
        let json = serde_json::to_string(&owner).unwrap();
        assert_eq!(json, r#"{"kind":"enskild_firma","number":"19811218-9876"}"#);
        assert_eq!(
            serde_json::from_str::<OrganisationId>(&json).unwrap(),
            owner
        );
    }
}
