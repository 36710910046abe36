//! The built-in recognizers, one per file, each with its patterns, context words, validator and
//! tests.

mod address;
mod bank_account;
mod bankgiro;
pub(crate) mod common;
mod date_of_birth;
mod email;
mod giro;
mod iban;
mod ip_address;
mod linebreak;
mod organisationsnummer;
mod payment_card;
mod person;
mod personnummer;
mod phone;
mod plusgiro;
#[cfg(test)]
mod testing;
mod url;
mod vehicle_registration;

use std::sync::Arc;

use lantero_core::registry::Registry;

pub use address::AddressRecognizer;
pub use bank_account::{BankAccountRecognizer, clearing};
pub use bankgiro::BankgiroRecognizer;
pub use date_of_birth::DateOfBirthRecognizer;
pub use email::EmailRecognizer;
pub use iban::{IbanRecognizer, is_valid as iban_is_valid};
pub use ip_address::IpAddressRecognizer;
pub use organisationsnummer::OrganisationsnummerRecognizer;
pub use payment_card::PaymentCardRecognizer;
pub use person::PersonRecognizer;
pub use personnummer::PersonnummerRecognizer;
pub use phone::PhoneRecognizer;
pub use plusgiro::PlusgiroRecognizer;
pub use url::UrlRecognizer;
pub use vehicle_registration::VehicleRegistrationRecognizer;

use super::Recognizer;

/// A registry holding every built-in recognizer under its name.
///
/// ```
/// let registry = lantero_redact::detect::recognizers::builtin();
/// assert!(registry.contains("personnummer"));
/// assert!(registry.contains("phone"));
/// assert!(registry.contains("person-gazetteer"));
/// ```
pub fn builtin() -> Registry<dyn Recognizer> {
    let mut registry: Registry<dyn Recognizer> = Registry::new("recognizer");
    let all: [Arc<dyn Recognizer>; 16] = [
        Arc::new(crate::ner::NerRecognizer::shipped()),
        Arc::new(PersonnummerRecognizer::default()),
        Arc::new(OrganisationsnummerRecognizer),
        Arc::new(PhoneRecognizer),
        Arc::new(EmailRecognizer),
        Arc::new(AddressRecognizer),
        Arc::new(BankAccountRecognizer),
        Arc::new(IbanRecognizer),
        Arc::new(BankgiroRecognizer),
        Arc::new(PlusgiroRecognizer),
        Arc::new(PaymentCardRecognizer),
        Arc::new(VehicleRegistrationRecognizer),
        Arc::new(IpAddressRecognizer),
        Arc::new(UrlRecognizer),
        Arc::new(DateOfBirthRecognizer),
        Arc::new(PersonRecognizer),
    ];
    for recognizer in all {
        registry.replace(recognizer.name().to_owned(), recognizer);
    }
    registry
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_is_registered_under_its_own_name() {
        let registry = builtin();
        assert_eq!(registry.len(), 16);
        for (name, recognizer) in registry.iter() {
            assert_eq!(name, recognizer.name());
            assert!(!recognizer.entities().is_empty());
            // Every pattern compiles: an empty text runs every recognizer's code path.
            assert!(recognizer.recognize("").unwrap().is_empty());
        }
    }
}
