//! Swedish identity numbers: personnummer (and samordningsnummer) and organisationsnummer,
//! checked by `lantero_core::identifiers`.

use lantero_core::identifiers::{self, OrganisationGroup, Organisationsnummer, Personnummer, Sex};
use lantero_core::{Error as CoreError, IdentifierProblem};

use crate::guard::{FromPanic, guard};

/// Why an identity number was rejected; the message names the input and the problem.
#[derive(Debug, thiserror::Error, uniffi::Error)]
#[uniffi(flat_error)]
pub enum IdentifierError {
    /// Not 10 or 12 digits with an optional `-` or `+` before the last four.
    #[error("{0}")]
    Format(String),
    /// The check digit does not match (Luhn).
    #[error("{0}")]
    Checksum(String),
    /// The date part is not a real calendar date.
    #[error("{0}")]
    Date(String),
    /// The serial number is 000, which is never issued.
    #[error("{0}")]
    Serial(String),
    /// An interim number where interim numbers are not accepted.
    #[error("{0}")]
    Interim(String),
    /// The birth date lies in the future.
    #[error("{0}")]
    Future(String),
    /// A personnummer where a legal entity's organisationsnummer was required.
    #[error("{0}")]
    NotLegalEntity(String),
    /// A 12-digit organisationsnummer that does not start with 16.
    #[error("{0}")]
    Prefix(String),
    /// A bug in Lantero (a caught panic or an unexpected error).
    #[error("{0}")]
    Internal(String),
}

impl FromPanic for IdentifierError {
    fn from_panic(message: String) -> Self {
        Self::Internal(message)
    }
}

impl From<CoreError> for IdentifierError {
    fn from(err: CoreError) -> Self {
        let message = err.to_string();
        let problem = match err {
            CoreError::InvalidPersonnummer { reason, .. }
            | CoreError::InvalidOrganisationsnummer { reason, .. } => reason,
            _ => return Self::Internal(message),
        };
        match problem {
            IdentifierProblem::Format => Self::Format(message),
            IdentifierProblem::Checksum => Self::Checksum(message),
            IdentifierProblem::Date => Self::Date(message),
            IdentifierProblem::Serial => Self::Serial(message),
            IdentifierProblem::Interim => Self::Interim(message),
            IdentifierProblem::Future => Self::Future(message),
            IdentifierProblem::NotLegalEntity => Self::NotLegalEntity(message),
            IdentifierProblem::Prefix => Self::Prefix(message),
            _ => Self::Internal(message),
        }
    }
}

/// The legal sex (juridiskt kön) a personnummer encodes.
#[uniffi::remote(Enum)]
pub enum Sex {
    /// Even second-to-last digit.
    Female,
    /// Odd second-to-last digit.
    Male,
}

/// A checked personnummer or samordningsnummer.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct PersonnummerInfo {
    /// The unambiguous form `YYYYMMDD-NNNC`.
    pub normalized: String,
    /// The real date of birth, `YYYY-MM-DD` (for a samordningsnummer, without the 60).
    pub birth_date: String,
    /// The legal sex encoded in the number.
    pub sex: Sex,
    /// Whether it is a samordningsnummer (day + 60).
    pub samordningsnummer: bool,
}

impl From<Personnummer> for PersonnummerInfo {
    fn from(pnr: Personnummer) -> Self {
        Self {
            normalized: pnr.format_long(),
            birth_date: pnr.birth_date().to_string(),
            sex: pnr.sex(),
            samordningsnummer: pnr.is_samordningsnummer(),
        }
    }
}

/// A checked organisationsnummer of a legal entity.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct OrganisationsnummerInfo {
    /// `NNNNNN-NNNC`.
    pub normalized: String,
    /// The 12-digit form `16NNNNNNNNNC`.
    pub long_digits: String,
    /// The Swedish name of the group from the first digit (e.g. `aktiebolag`); `None` for
    /// the unassigned digits 0 and 4.
    pub group: Option<String>,
}

impl From<Organisationsnummer> for OrganisationsnummerInfo {
    fn from(org: Organisationsnummer) -> Self {
        Self {
            normalized: org.to_string(),
            long_digits: org.long_digits(),
            group: org
                .group()
                .map(|g| OrganisationGroup::label_sv(g).to_owned()),
        }
    }
}

/// Parses a personnummer or samordningsnummer (10 or 12 digits, `-` or `+` optional).
#[uniffi::export]
pub fn parse_personnummer(input: String) -> Result<PersonnummerInfo, IdentifierError> {
    guard(|| Ok(Personnummer::parse(&input)?.into()))
}

/// Whether `input` is a personnummer or samordningsnummer that `parse_personnummer` accepts.
#[uniffi::export]
pub fn is_valid_personnummer(input: String) -> Result<bool, IdentifierError> {
    guard(|| Ok(identifiers::is_valid_personnummer(&input)))
}

/// Parses a legal entity's organisationsnummer (`NNNNNN-NNNC`, optionally with `16` first).
#[uniffi::export]
pub fn parse_organisationsnummer(
    input: String,
) -> Result<OrganisationsnummerInfo, IdentifierError> {
    guard(|| Ok(Organisationsnummer::parse(&input)?.into()))
}

/// Whether `input` is an organisationsnummer that `parse_organisationsnummer` accepts.
#[uniffi::export]
pub fn is_valid_organisationsnummer(input: String) -> Result<bool, IdentifierError> {
    guard(|| Ok(identifiers::is_valid_organisationsnummer(&input)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bad_check_digit_is_the_checksum_variant_naming_the_input() {
        let err = parse_personnummer("19121212-1213".into()).unwrap_err();
        assert!(
            matches!(&err, IdentifierError::Checksum(m) if m.contains("19121212-1213")),
            "{err:?}"
        );
    }

    #[test]
    fn a_valid_number_is_described() {
        let info = parse_personnummer("191212121212".into()).unwrap();
        assert_eq!(info.normalized, "19121212-1212");
        assert_eq!(info.birth_date, "1912-12-12");
        assert_eq!(info.sex, Sex::Male);
        let org = parse_organisationsnummer("5560160680".into()).unwrap();
        assert_eq!(org.normalized, "556016-0680");
        assert_eq!(org.group.as_deref(), Some("aktiebolag"));
        let err = parse_organisationsnummer("121212-1212".into()).unwrap_err();
        assert!(matches!(err, IdentifierError::NotLegalEntity(_)), "{err:?}");
    }
}
