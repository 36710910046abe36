//! Swedish clearing numbers: which bank a clearing number belongs to, and how that bank's
//! account numbers are built and checked.
//!
//! The table and the check-digit rules follow Bankgirot's document *Bankernas
//! kontonummeruppbyggnad* (account types 1 and 2 with their comments 1–3), written down from
//! it as data so that a reader can compare it line by line with the current edition and
//! correct it. Clearing numbers not listed here are not rejected by the recognizer; they only
//! need a context word.

use std::ops::RangeInclusive;

use lantero_core::identifiers::luhn;
use serde::{Deserialize, Serialize};

use self::AccountRule::{Type1All4, Type1Last3, Type2Mod10, Type2Mod10Short, Type2Mod11};

/// How a bank's account numbers are built and checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum AccountRule {
    /// Type 1, comment 1: 7-digit account; mod 11 over the clearing number's last three digits
    /// and the account.
    Type1Last3,
    /// Type 1, comment 2: 7-digit account; mod 11 over all four clearing digits and the account.
    Type1All4,
    /// Type 2, comment 1: 10-digit account; mod 10 (Luhn) over the account.
    Type2Mod10,
    /// Type 2, comment 2 (Handelsbanken): 9-digit account; mod 11 over the account.
    Type2Mod11,
    /// Type 2, comment 3 (Swedbank 8xxx-x, Plusgirot's bank accounts): up to 10 digits;
    /// mod 10 (Luhn) over the account.
    Type2Mod10Short,
}

impl AccountRule {
    /// How many digits an account number of this rule has.
    pub fn account_digits(self) -> RangeInclusive<usize> {
        match self {
            Self::Type1Last3 | Self::Type1All4 => 7..=7,
            Self::Type2Mod10 => 10..=10,
            Self::Type2Mod11 => 8..=9,
            Self::Type2Mod10Short => 6..=10,
        }
    }

    /// Whether `account` (ASCII digits) is valid after the four-digit `clearing`.
    ///
    /// ```
    /// use lantero_redact::detect::recognizers::clearing::AccountRule;
    ///
    /// assert!(AccountRule::Type2Mod10.is_valid(b"3300", b"8112189876"));
    /// assert!(!AccountRule::Type2Mod10.is_valid(b"3300", b"8112189875"));
    /// ```
    pub fn is_valid(self, clearing: &[u8], account: &[u8]) -> bool {
        if !self.account_digits().contains(&account.len()) {
            return false;
        }
        match self {
            Self::Type1Last3 => mod11(&[clearing.get(1..).unwrap_or_default(), account].concat()),
            Self::Type1All4 => mod11(&[clearing, account].concat()),
            Self::Type2Mod10 | Self::Type2Mod10Short => luhn::is_valid(account),
            Self::Type2Mod11 => mod11(account),
        }
    }
}

/// A range of clearing numbers belonging to one bank.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bank {
    /// First clearing number of the range.
    pub from: u16,
    /// Last clearing number of the range.
    pub to: u16,
    /// The bank's name.
    pub name: &'static str,
    /// How its account numbers are built.
    pub rule: AccountRule,
}

const fn bank(from: u16, to: u16, name: &'static str, rule: AccountRule) -> Bank {
    Bank {
        from,
        to,
        name,
        rule,
    }
}

/// Clearing-number ranges of Swedish banks (Bankgirot, *Bankernas kontonummeruppbyggnad*).
pub const BANKS: &[Bank] = &[
    bank(1100, 1199, "Nordea", Type1Last3),
    bank(1200, 1399, "Danske Bank", Type1Last3),
    bank(1400, 2099, "Nordea", Type1Last3),
    bank(2300, 2399, "Ålandsbanken", Type1All4),
    bank(2400, 2499, "Danske Bank", Type1All4),
    bank(3000, 3299, "Nordea", Type1Last3),
    bank(3300, 3300, "Nordea (personkonto)", Type2Mod10),
    bank(3301, 3399, "Nordea", Type1Last3),
    bank(3400, 3409, "Länsförsäkringar Bank", Type1Last3),
    bank(3410, 3781, "Nordea", Type1Last3),
    bank(3782, 3782, "Nordea (personkonto)", Type2Mod10),
    bank(3783, 3999, "Nordea", Type1Last3),
    bank(4000, 4999, "Nordea", Type1All4),
    bank(5000, 5999, "SEB", Type1Last3),
    bank(6000, 6999, "Handelsbanken", Type2Mod11),
    bank(7000, 7999, "Swedbank", Type1Last3),
    bank(8000, 8999, "Swedbank", Type2Mod10Short),
    bank(9020, 9029, "Länsförsäkringar Bank", Type1All4),
    bank(9040, 9049, "Citibank", Type1All4),
    bank(9060, 9069, "Länsförsäkringar Bank", Type1Last3),
    bank(9100, 9109, "Nordnet Bank", Type1All4),
    bank(9120, 9124, "SEB", Type1Last3),
    bank(9130, 9149, "SEB", Type1Last3),
    bank(9150, 9169, "Skandiabanken", Type1All4),
    bank(9170, 9179, "Ikano Bank", Type1Last3),
    bank(9180, 9189, "Danske Bank", Type2Mod10),
    bank(9190, 9199, "DNB Bank", Type1All4),
    bank(9230, 9239, "Marginalen Bank", Type1Last3),
    bank(9250, 9259, "SBAB", Type1Last3),
    bank(9260, 9269, "DNB Bank", Type1All4),
    bank(9270, 9279, "ICA Banken", Type1Last3),
    bank(9280, 9289, "Resurs Bank", Type1Last3),
    bank(9390, 9399, "Landshypotek", Type1All4),
    bank(9400, 9449, "Forex Bank", Type1Last3),
    bank(9460, 9469, "Santander Consumer Bank", Type1Last3),
    bank(9470, 9479, "BNP Paribas", Type1All4),
    bank(9500, 9549, "Nordea (Plusgirot)", Type2Mod10Short),
    bank(9550, 9569, "Avanza Bank", Type1All4),
    bank(9570, 9579, "Sparbanken Syd", Type2Mod10),
    bank(9630, 9639, "Lån & Spar Bank", Type1Last3),
    bank(9640, 9649, "Nordax Bank", Type1All4),
    bank(9660, 9669, "Svea Bank", Type1All4),
    bank(9670, 9679, "JAK Medlemsbank", Type1All4),
    bank(9680, 9689, "Bluestep Finans", Type1Last3),
    bank(9700, 9709, "Ekobanken", Type1All4),
    bank(9750, 9759, "Northmill Bank", Type1All4),
    bank(9780, 9789, "Klarna Bank", Type1All4),
    bank(9890, 9899, "Riksgälden", Type2Mod10),
    bank(9960, 9969, "Nordea (Plusgirot)", Type2Mod10Short),
];

/// The bank a four-digit clearing number belongs to.
///
/// ```
/// use lantero_redact::detect::recognizers::clearing::bank_of;
///
/// assert_eq!(bank_of(8327).map(|b| b.name), Some("Swedbank"));
/// assert_eq!(bank_of(6152).map(|b| b.name), Some("Handelsbanken"));
/// assert_eq!(bank_of(999), None);
/// ```
pub fn bank_of(clearing: u16) -> Option<&'static Bank> {
    BANKS.iter().find(|b| (b.from..=b.to).contains(&clearing))
}

/// The mod-11 check Bankgirot describes: weights 1, 2, …, 10, 1, 2, … from the right, and
/// the weighted sum must be divisible by 11.
fn mod11(digits: &[u8]) -> bool {
    let mut sum = 0u32;
    for (i, &b) in digits.iter().rev().enumerate() {
        if !b.is_ascii_digit() {
            return false;
        }
        // `i % 10 + 1` is below 11, so the cast cannot truncate.
        sum += u32::from(b - b'0') * (i % 10 + 1) as u32;
    }
    !digits.is_empty() && sum % 11 == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_do_not_overlap_and_are_ordered() {
        for pair in BANKS.windows(2) {
            assert!(pair[0].from <= pair[0].to);
            assert!(pair[0].to < pair[1].from, "{:?} / {:?}", pair[0], pair[1]);
        }
    }

    #[test]
    fn mod11_matches_bankgirots_weights() {
        // Type 1 comment 1 weights from the left are 10 9 8 7 6 5 4 3 2 1 over 10 digits,
        // comment 2 weights are 1 10 9 … 2 1 over 11 digits: both are 1, 2, … from the right.
        let ten = b"2341234567";
        let by_hand: u32 = ten
            .iter()
            .zip([10u32, 9, 8, 7, 6, 5, 4, 3, 2, 1])
            .map(|(d, w)| u32::from(d - b'0') * w)
            .sum();
        assert_eq!(mod11(ten), by_hand % 11 == 0);
        let eleven = b"12341234567";
        let by_hand: u32 = eleven
            .iter()
            .zip([1u32, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1])
            .map(|(d, w)| u32::from(d - b'0') * w)
            .sum();
        assert_eq!(mod11(eleven), by_hand % 11 == 0);
        assert!(!mod11(b""));
        assert!(!mod11(b"12a"));
    }

    #[test]
    fn rules_check_length_and_digits() {
        assert!(Type1Last3.is_valid(b"5491", b"4584425"));
        assert!(!Type1Last3.is_valid(b"5491", b"4584426"));
        assert!(!Type1Last3.is_valid(b"5491", b"458442"));
        assert!(Type1All4.is_valid(b"9024", b"9727562"));
        assert!(Type2Mod11.is_valid(b"6789", b"434831018"));
        assert!(!Type2Mod11.is_valid(b"6789", b"434831019"));
        assert!(Type2Mod10Short.is_valid(b"8327", b"0378707111"));
        assert!(Type2Mod10Short.is_valid(b"8327", b"378707111"));
    }
}
