//! The kinds of sensitive data Lantero finds (the contract's entity table).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::Error;

macro_rules! entities {
    ($( $(#[$doc:meta])* $variant:ident => $name:literal ),+ $(,)?) => {
        /// A kind of sensitive data, named as in the CLI contract (`"PERSONNUMMER"`, `"PERSON"`, …).
        ///
        /// ```
        /// use lantero_redact::detect::Entity;
        ///
        /// let e: Entity = "PERSONNUMMER".parse()?;
        /// assert_eq!(e, Entity::Personnummer);
        /// assert_eq!(e.to_string(), "PERSONNUMMER");
        /// assert!("SHOE_SIZE".parse::<Entity>().is_err());
        /// # Ok::<(), lantero_redact::Error>(())
        /// ```
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[non_exhaustive]
        pub enum Entity {
            $( $(#[$doc])* #[serde(rename = $name)] $variant, )+
        }

        impl Entity {
            /// Every entity, in contract order.
            pub const ALL: &'static [Entity] = &[$(Entity::$variant),+];

            /// The contract name, e.g. `"PERSONNUMMER"`.
            pub fn as_str(self) -> &'static str {
                match self { $(Entity::$variant => $name),+ }
            }
        }

        impl FromStr for Entity {
            type Err = Error;
            fn from_str(s: &str) -> Result<Self, Error> {
                match s.trim() {
                    $($name => Ok(Entity::$variant),)+
                    other => Err(Error::UnknownEntity(other.to_owned())),
                }
            }
        }
    };
}

entities! {
    /// A person's name.
    Person => "PERSON",
    /// A personnummer or samordningsnummer.
    Personnummer => "PERSONNUMMER",
    /// An organisationsnummer.
    Organisationsnummer => "ORGANISATIONSNUMMER",
    /// A telephone number.
    Phone => "PHONE",
    /// An e-mail address.
    Email => "EMAIL",
    /// A street address, c/o, box address, or postal code and town.
    Address => "ADDRESS",
    /// A Swedish bank account (clearing number and account number).
    BankAccount => "BANK_ACCOUNT",
    /// An IBAN.
    Iban => "IBAN",
    /// A bankgiro number.
    Bankgiro => "BANKGIRO",
    /// A plusgiro number.
    Plusgiro => "PLUSGIRO",
    /// A payment card number.
    PaymentCard => "PAYMENT_CARD",
    /// A vehicle registration number.
    VehicleRegistration => "VEHICLE_REGISTRATION",
    /// An IP address.
    IpAddress => "IP_ADDRESS",
    /// A URL.
    Url => "URL",
    /// A date of birth.
    DateOfBirth => "DATE_OF_BIRTH",
    /// A place.
    Location => "LOCATION",
    /// An organisation's name.
    Organization => "ORGANIZATION",
    /// Health and other special categories of personal data.
    Health => "HEALTH",
    /// An official named in their role (handläggare, ordförande, a party's member in minutes):
    /// public, released by default with the reason.
    PublicRole => "PUBLIC_ROLE",
    /// A string on a deny list: masked wherever it occurs.
    Custom => "CUSTOM",
}

impl fmt::Display for Entity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_round_trips_through_str_and_json() {
        for &e in Entity::ALL {
            assert_eq!(e.as_str().parse::<Entity>().unwrap(), e);
            let json = serde_json::to_string(&e).unwrap();
            assert_eq!(json, format!("\"{}\"", e.as_str()));
            assert_eq!(serde_json::from_str::<Entity>(&json).unwrap(), e);
        }
    }

    #[test]
    fn unknown_names_are_errors() {
        let err = "person".parse::<Entity>().unwrap_err();
        assert_eq!(err.to_string(), "unknown entity \"person\"");
    }
}
