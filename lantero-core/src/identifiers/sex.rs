//! The legal sex (juridiskt kön) that a personnummer encodes.

use serde::{Deserialize, Serialize};

/// The legal sex encoded in a personnummer: the second-to-last digit is odd for men and even
/// for women.
///
/// This is the sex registered when the number was issued; a change of legal sex gives the
/// person a new personnummer, so the number and the register stay consistent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sex {
    /// Even second-to-last digit.
    Female,
    /// Odd second-to-last digit.
    Male,
}

impl Sex {
    /// The sex encoded by an ASCII digit in the second-to-last position.
    pub(crate) fn from_serial_digit(digit: u8) -> Self {
        if digit % 2 == 1 {
            Self::Male
        } else {
            Self::Female
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn odd_is_male_even_is_female() {
        assert_eq!(Sex::from_serial_digit(b'1'), Sex::Male);
        assert_eq!(Sex::from_serial_digit(b'9'), Sex::Male);
        assert_eq!(Sex::from_serial_digit(b'0'), Sex::Female);
        assert_eq!(Sex::from_serial_digit(b'8'), Sex::Female);
    }
}
