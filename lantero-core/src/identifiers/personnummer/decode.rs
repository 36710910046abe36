//! From text to a checked [`Personnummer`]: the grammar, the checks, and their order.
//!
//! Nothing here allocates, so [`is_valid_personnummer`](crate::identifiers::is_valid_personnummer)
//! can run it over every candidate a detector finds.

use chrono::NaiveDate;

use super::{ParseOptions, Personnummer, century};
use crate::error::IdentifierProblem;
use crate::identifiers::{compact::Compact, luhn};

/// The letters an interim number may carry in the first serial position.
const INTERIM_LETTERS: &[u8] = b"TRSUWXJKLMN";

/// Samordningsnummer add this to the day of birth.
pub(super) const SAMORDNING_DAY_OFFSET: u8 = 60;

/// Decodes `input` as written, or with whitespace removed when the options ask for it.
pub(super) fn decode_str(
    input: &str,
    reference: impl FnOnce() -> NaiveDate,
    options: ParseOptions,
) -> Result<Personnummer, IdentifierProblem> {
    if options.ignore_whitespace {
        let compact = Compact::without_whitespace(input).ok_or(IdentifierProblem::Format)?;
        decode(compact.as_bytes(), reference, options.allow_interim)
    } else {
        decode(input.as_bytes(), reference, options.allow_interim)
    }
}

/// Decodes one of `YYMMDDNNNC`, `YYMMDD-NNNC`, `YYMMDD+NNNC`, `CCYYMMDDNNNC`, `CCYYMMDD-NNNC`.
///
/// Checks run from syntax to meaning (format, interim, serial, check digit, date, future), so
/// the reported problem is the first one a person reading the number would notice. The
/// reference date is asked for only once the number has passed the checks that do not need
/// it: reading the clock costs more than all of them together.
pub(super) fn decode(
    bytes: &[u8],
    reference: impl FnOnce() -> NaiveDate,
    allow_interim: bool,
) -> Result<Personnummer, IdentifierProblem> {
    use IdentifierProblem as P;

    let (century_digits, rest) = match bytes {
        [c1, c2, rest @ ..] if matches!(rest.len(), 10 | 11) => (Some(pair(*c1, *c2)?), rest),
        _ => (None, bytes),
    };
    let (date, centenarian, serial, check) = match *rest {
        [y1, y2, m1, m2, d1, d2, s1, s2, s3, c] => {
            ([y1, y2, m1, m2, d1, d2], false, [s1, s2, s3], c)
        }
        [y1, y2, m1, m2, d1, d2, separator, s1, s2, s3, c] => {
            let centenarian = match separator {
                b'-' => false,
                b'+' => true,
                _ => return Err(P::Format),
            };
            ([y1, y2, m1, m2, d1, d2], centenarian, [s1, s2, s3], c)
        }
        _ => return Err(P::Format),
    };
    let [y1, y2, m1, m2, d1, d2] = date;
    let (yy, month, written_day) = (pair(y1, y2)?, pair(m1, m2)?, pair(d1, d2)?);
    if !(serial[1].is_ascii_digit() && serial[2].is_ascii_digit() && check.is_ascii_digit()) {
        return Err(P::Format);
    }

    let interim = !serial[0].is_ascii_digit();
    if interim {
        if !INTERIM_LETTERS.contains(&serial[0]) {
            return Err(P::Format);
        }
        if !allow_interim {
            return Err(P::Interim);
        }
    }
    if serial == *b"000" {
        return Err(P::Serial);
    }

    // The interim letter counts as a 1 in the check digit, as in the reference
    // implementations that the shared test vectors come from.
    let first_serial = if interim { b'1' } else { serial[0] };
    let checked = [
        y1,
        y2,
        m1,
        m2,
        d1,
        d2,
        first_serial,
        serial[1],
        serial[2],
        check,
    ];
    if !luhn::is_valid(&checked) {
        return Err(P::Checksum);
    }

    let samordningsnummer = written_day > SAMORDNING_DAY_OFFSET;
    let day = if samordningsnummer {
        written_day - SAMORDNING_DAY_OFFSET
    } else {
        written_day
    };
    let reference = reference();
    // In the 12-digit form the century is written out, so a separator there carries no
    // information and either one is accepted.
    let year = match century_digits {
        Some(cc) => i32::from(cc) * 100 + i32::from(yy),
        None => century::infer_year(yy, centenarian, reference),
    };
    let birth_date = calendar_date(year, month, day).ok_or(P::Date)?;
    if birth_date > reference {
        return Err(P::Future);
    }

    Ok(Personnummer {
        birth_date,
        samordningsnummer,
        serial,
        check,
    })
}

/// A real date with a four-digit year, so that every form can be written back.
fn calendar_date(year: i32, month: u8, day: u8) -> Option<NaiveDate> {
    if !(0..=9999).contains(&year) {
        return None;
    }
    NaiveDate::from_ymd_opt(year, u32::from(month), u32::from(day))
}

/// Two ASCII digits as a number.
fn pair(tens: u8, ones: u8) -> Result<u8, IdentifierProblem> {
    if tens.is_ascii_digit() && ones.is_ascii_digit() {
        Ok((tens - b'0') * 10 + (ones - b'0'))
    } else {
        Err(IdentifierProblem::Format)
    }
}
