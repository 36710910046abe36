//! Personnummer and samordningsnummer.
//!
//! A personnummer is `YYMMDD-NNNC`: the date of birth, a three-digit serial number whose last
//! digit gives the legal sex, and a Luhn check digit over those ten digits. A samordningsnummer
//! (coordination number, for people who are not or not yet folkbokförda) has the same shape
//! with 60 added to the day. Interim numbers, used by some care providers before a real number
//! exists, carry a letter in the first serial position. The shared test vectors call them
//! valid, but Skatteverket issues none and they mean nothing outside the issuer, so they are
//! refused with [`IdentifierProblem::Interim`] unless [`ParseOptions::allow_interim`] is set.
//!
//! The 10-digit forms leave the century out: it is inferred against a reference date, and the
//! separator is `+` from the year the person turns 100.

mod century;
mod decode;
#[cfg(test)]
mod tests;

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{Sex, luhn, today};
use crate::error::IdentifierProblem;
use crate::{Error, Result};

/// A checked Swedish personnummer or samordningsnummer.
///
/// Holds the real date of birth, so two spellings of the same number (`121212-1212`,
/// `19121212-1212`, `191212121212`) compare equal.
///
/// ```
/// use chrono::NaiveDate;
/// use lantero_core::identifiers::{Personnummer, Sex};
///
/// let reference = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
/// let pnr = Personnummer::parse_at("121212+1212", reference)?;
/// assert_eq!(pnr.to_string(), "19121212-1212");
/// assert_eq!(pnr.format_short_at(reference), "121212+1212");
/// assert_eq!(pnr.birth_date(), NaiveDate::from_ymd_opt(1912, 12, 12).unwrap());
/// assert_eq!(pnr.sex(), Sex::Male);
///
/// let samordning = Personnummer::parse_at("701063-2391", reference)?;
/// assert!(samordning.is_samordningsnummer());
/// assert_eq!(samordning.birth_date(), NaiveDate::from_ymd_opt(1970, 10, 3).unwrap());
///
/// assert!(Personnummer::parse_at("121212-1213", reference).is_err());
/// # Ok::<(), lantero_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Personnummer {
    /// The real date of birth (for a samordningsnummer, without the 60).
    birth_date: NaiveDate,
    samordningsnummer: bool,
    /// ASCII; the first byte is an interim letter in interim numbers.
    serial: [u8; 3],
    /// ASCII digit.
    check: u8,
}

/// What [`Personnummer::parse_with`] accepts beyond the strict default.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct ParseOptions {
    /// Accept interim numbers (a letter `TRSUWXJKLMN` as the first serial digit; it counts as
    /// `1` in the check digit).
    pub allow_interim: bool,
    /// Remove whitespace anywhere in the input first (spaces, no-break spaces, tabs, line
    /// breaks), for numbers found in running text such as `850709 9805`.
    pub ignore_whitespace: bool,
}

impl Personnummer {
    /// Parses a personnummer or samordningsnummer, inferring the century of 10-digit forms
    /// against today's date (UTC). See [`Personnummer::parse_at`].
    pub fn parse(input: &str) -> Result<Self> {
        parse_lazily(input, today, ParseOptions::default())
    }

    /// Parses `YYMMDD-NNNC`, `YYMMDD+NNNC`, `YYMMDDNNNC`, `YYYYMMDD-NNNC` or `YYYYMMDDNNNC`,
    /// with `reference` as "today" for the century of 10-digit forms and for refusing birth
    /// dates in the future. Interim numbers and whitespace are refused.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use lantero_core::identifiers::{IdentifierProblem, Personnummer};
    /// use lantero_core::Error;
    ///
    /// let reference = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
    /// assert_eq!(Personnummer::parse_at("0002292399", reference)?.to_string(), "20000229-2399");
    /// let err = Personnummer::parse_at("19990230-1234", reference).unwrap_err();
    /// assert!(matches!(err, Error::InvalidPersonnummer { reason: IdentifierProblem::Date, .. }));
    /// # Ok::<(), Error>(())
    /// ```
    pub fn parse_at(input: &str, reference: NaiveDate) -> Result<Self> {
        Self::parse_with(input, reference, ParseOptions::default())
    }

    /// Parses like [`Personnummer::parse_at`] with the extra leniency in `options`.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use lantero_core::identifiers::{ParseOptions, Personnummer};
    ///
    /// let reference = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
    /// assert!(Personnummer::parse_at("000101-T220", reference).is_err());
    /// let options = ParseOptions { allow_interim: true, ..ParseOptions::default() };
    /// let interim = Personnummer::parse_with("000101-T220", reference, options)?;
    /// assert!(interim.is_interim());
    /// # Ok::<(), lantero_core::Error>(())
    /// ```
    pub fn parse_with(input: &str, reference: NaiveDate, options: ParseOptions) -> Result<Self> {
        parse_lazily(input, || reference, options)
    }

    /// Parses against today's date after removing all whitespace, so that `850709 9805` and a
    /// number broken over two lines are read. Interim numbers are still refused.
    pub fn parse_lenient(input: &str) -> Result<Self> {
        let options = ParseOptions {
            ignore_whitespace: true,
            ..ParseOptions::default()
        };
        parse_lazily(input, today, options)
    }

    /// Builds the number for a date of birth and serial number (`1..=999`), computing the
    /// check digit; with `samordningsnummer` the written day is the real day + 60. Useful for
    /// synthetic test data.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use lantero_core::identifiers::Personnummer;
    ///
    /// let born = NaiveDate::from_ymd_opt(1981, 12, 18).unwrap();
    /// assert_eq!(Personnummer::from_parts(born, 987, false)?.to_string(), "19811218-9876");
    /// assert_eq!(Personnummer::from_parts(born, 987, true)?.to_string(), "19811278-9873");
    /// # Ok::<(), lantero_core::Error>(())
    /// ```
    pub fn from_parts(birth_date: NaiveDate, serial: u16, samordningsnummer: bool) -> Result<Self> {
        let described = || format!("born {birth_date}, serial {serial}");
        if !(1..=999).contains(&serial) {
            return Err(invalid(&described(), IdentifierProblem::Serial));
        }
        if !(0..=9999).contains(&birth_date.year()) {
            return Err(invalid(&described(), IdentifierProblem::Date));
        }
        let mut number = Self {
            birth_date,
            samordningsnummer,
            serial: three_digits(serial),
            check: b'0',
        };
        // The check digit covers the short form without its last character.
        let short = number.short_digits();
        let check = short
            .as_bytes()
            .get(..9)
            .and_then(luhn::check_digit)
            .ok_or_else(|| invalid(&described(), IdentifierProblem::Format))?;
        number.check = b'0' + check;
        Ok(number)
    }

    /// The real date of birth; for a samordningsnummer the written day minus 60.
    pub fn birth_date(&self) -> NaiveDate {
        self.birth_date
    }

    /// The legal sex: odd second-to-last digit is male, even is female.
    pub fn sex(&self) -> Sex {
        Sex::from_serial_digit(self.serial[2])
    }

    /// Whether this is a samordningsnummer (day of birth + 60).
    pub fn is_samordningsnummer(&self) -> bool {
        self.samordningsnummer
    }

    /// Whether this is an interim number (a letter in the serial number).
    pub fn is_interim(&self) -> bool {
        !self.serial[0].is_ascii_digit()
    }

    /// Age in whole years on `date`, or `None` before the date of birth. Someone born on
    /// 29 February reaches a new age on 1 March in years without one.
    pub fn age_at(&self, date: NaiveDate) -> Option<u32> {
        date.years_since(self.birth_date)
    }

    /// `YYMMDD-NNNC` as written on `reference`: `+` instead of `-` from the year the person
    /// turns 100. Ambiguous for people 200 years or older, whom no register holds.
    pub fn format_short_at(&self, reference: NaiveDate) -> String {
        let separator = if century::is_centenarian(self.birth_date.year(), reference) {
            '+'
        } else {
            '-'
        };
        self.written(Form::Short, Some(separator)).to_string()
    }

    /// `YYYYMMDD-NNNC`, the unambiguous form (also what [`Display`](fmt::Display) writes).
    /// The century is written out, so the separator is always `-`.
    pub fn format_long(&self) -> String {
        self.to_string()
    }

    /// The 12 characters `YYYYMMDDNNNC` (for an interim number one of them is its letter).
    pub fn digits(&self) -> String {
        self.written(Form::Long, None).to_string()
    }

    /// The 10 characters `YYMMDDNNNC`: the check-digit payload, without the century.
    pub fn short_digits(&self) -> String {
        self.written(Form::Short, None).to_string()
    }

    fn written(&self, form: Form, separator: Option<char>) -> Written<'_> {
        Written {
            number: self,
            form,
            separator,
        }
    }
}

/// Parses with the reference date taken from `reference` only when it is needed.
fn parse_lazily(
    input: &str,
    reference: impl FnOnce() -> NaiveDate,
    options: ParseOptions,
) -> Result<Personnummer> {
    decode::decode_str(input, reference, options).map_err(|reason| invalid(input, reason))
}

/// Whether `input` decodes strictly, without building an error.
pub(super) fn is_valid(input: &str, reference: impl FnOnce() -> NaiveDate) -> bool {
    decode::decode(input.as_bytes(), reference, false).is_ok()
}

/// The error for `input`, which may be the caller's text or a description of parts.
fn invalid(input: &str, reason: IdentifierProblem) -> Error {
    Error::InvalidPersonnummer {
        input: input.to_owned(),
        reason,
    }
}

/// `serial` (at most 999) as three ASCII digits.
fn three_digits(serial: u16) -> [u8; 3] {
    // Each remainder is below 10, so the narrowing cannot lose anything.
    let digit = |n: u16| b'0' + (n % 10) as u8;
    [digit(serial / 100), digit(serial / 10), digit(serial)]
}

#[derive(Clone, Copy)]
enum Form {
    Short,
    Long,
}

/// One written form of a number, so that every form shares one formatter.
struct Written<'a> {
    number: &'a Personnummer,
    form: Form,
    separator: Option<char>,
}

impl fmt::Display for Written<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Personnummer {
            birth_date,
            samordningsnummer,
            serial,
            check,
        } = *self.number;
        match self.form {
            Form::Long => write!(f, "{:04}", birth_date.year())?,
            Form::Short => write!(f, "{:02}", birth_date.year() % 100)?,
        }
        let offset = if samordningsnummer {
            u32::from(decode::SAMORDNING_DAY_OFFSET)
        } else {
            0
        };
        write!(
            f,
            "{:02}{:02}",
            birth_date.month(),
            birth_date.day() + offset
        )?;
        if let Some(separator) = self.separator {
            fmt::Write::write_char(f, separator)?;
        }
        for byte in serial.into_iter().chain([check]) {
            fmt::Write::write_char(f, char::from(byte))?;
        }
        Ok(())
    }
}

/// The long form `YYYYMMDD-NNNC`.
impl fmt::Display for Personnummer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.written(Form::Long, Some('-')).fmt(f)
    }
}

/// Same as [`Personnummer::parse`].
impl FromStr for Personnummer {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self> {
        Self::parse(s)
    }
}

/// Written as the long form `YYYYMMDD-NNNC`, which needs no reference date to read back.
impl Serialize for Personnummer {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// Reads the 12-digit forms, with or without separator, and interim numbers, since those can
/// only have been stored on purpose. The 10-digit forms are refused: their century depends on
/// the day they are read, and a stored number must read back the same on any day (which is
/// also why a birth date after today is not refused here).
impl<'de> Deserialize<'de> for Personnummer {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        if !matches!(text.len(), 12 | 13) {
            return Err(serde::de::Error::custom(invalid(
                &text,
                IdentifierProblem::Format,
            )));
        }
        let options = ParseOptions {
            allow_interim: true,
            ignore_whitespace: false,
        };
        Self::parse_with(&text, NaiveDate::MAX, options).map_err(serde::de::Error::custom)
    }
}
