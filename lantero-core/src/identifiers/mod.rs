//! Swedish identity numbers: personnummer, samordningsnummer and organisationsnummer.
//!
//! | type | written | what it identifies |
//! |---|---|---|
//! | [`Personnummer`] | `YYMMDD-NNNC`, `YYYYMMDD-NNNC` | a person; day + 60 for a samordningsnummer |
//! | [`Organisationsnummer`] | `NNNNNN-NNNC`, `16NNNNNNNNNC` | a legal entity; [group](OrganisationGroup) from the first digit |
//! | [`OrganisationId`] | either of the above | any business: a sole trader uses the owner's personnummer |
//!
//! Every parser returns a typed [`Error`](crate::Error) naming the input and an
//! [`IdentifierProblem`]. The `is_valid_*` functions answer the same question without
//! allocating, for detectors that test every candidate in a document; [`luhn`] is shared with
//! the payment-card, bankgiro and plusgiro recognizers.
//!
//! ```
//! use lantero_core::identifiers::{Personnummer, is_valid_organisationsnummer, is_valid_personnummer};
//!
//! assert!(is_valid_personnummer("19121212-1212"));
//! assert!(!is_valid_personnummer("19121212-1213"));
//! assert!(is_valid_organisationsnummer("556016-0680"));
//! let pnr: Personnummer = "19121212-1212".parse()?;
//! assert!(!pnr.is_samordningsnummer());
//! # Ok::<(), lantero_core::Error>(())
//! ```

mod compact;
pub mod luhn;
mod organisation_id;
mod organisationsnummer;
mod personnummer;
mod sex;

use chrono::NaiveDate;

pub use crate::error::IdentifierProblem;
pub use organisation_id::OrganisationId;
pub use organisationsnummer::{OrganisationGroup, Organisationsnummer};
pub use personnummer::{ParseOptions, Personnummer};
pub use sex::Sex;

/// Whether `input` is a personnummer or samordningsnummer that [`Personnummer::parse`] would
/// accept today (UTC). Does not allocate.
///
/// Reads the clock for every string that passes the checks not needing a date; a caller
/// checking many strings can take the date once and use [`is_valid_personnummer_at`].
pub fn is_valid_personnummer(input: &str) -> bool {
    personnummer::is_valid(input, today)
}

/// Whether [`Personnummer::parse_at`] would accept `input` at `reference`. Does not allocate.
pub fn is_valid_personnummer_at(input: &str, reference: NaiveDate) -> bool {
    personnummer::is_valid(input, || reference)
}

/// Whether `input` is a legal entity's organisationsnummer that [`Organisationsnummer::parse`]
/// would accept. A sole trader's number is a personnummer and is not accepted here; use
/// [`is_valid_personnummer`] for it. Does not allocate.
pub fn is_valid_organisationsnummer(input: &str) -> bool {
    organisationsnummer::decode(input.as_bytes()).is_ok()
}

/// Today's date in UTC, the default reference for century inference.
fn today() -> NaiveDate {
    chrono::Utc::now().date_naive()
}
