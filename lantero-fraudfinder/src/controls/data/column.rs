//! Typed columns, the compact scalar the engine hashes and the owned value shown to people.

use std::fmt;
use std::hash::{Hash, Hasher};

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::{ColumnType, Interner};

/// Text id of a missing text.
pub const NULL_TEXT: u32 = u32::MAX;
/// Day number of a missing date.
pub const NULL_DATE: i32 = i32::MIN;
/// Stored value of a missing yes/no.
pub const NULL_BOOL: u8 = 2;

/// The values of one column, typed. Missing values are NaN, [`NULL_TEXT`], [`NULL_DATE`]
/// or [`NULL_BOOL`], so a column is one flat vector the engine can scan.
#[derive(Debug, Clone, PartialEq)]
pub enum Column {
    /// Numbers.
    Number(Vec<f64>),
    /// Text ids from the run's interner.
    Text(Vec<u32>),
    /// Days since 0001-01-01 (chrono's `num_days_from_ce`).
    Date(Vec<i32>),
    /// 0 no, 1 yes, [`NULL_BOOL`] missing.
    Bool(Vec<u8>),
}

impl Column {
    /// An empty column of `column_type` with room for `capacity` values.
    pub fn with_capacity(column_type: ColumnType, capacity: usize) -> Self {
        match column_type {
            ColumnType::Number => Self::Number(Vec::with_capacity(capacity)),
            ColumnType::Text => Self::Text(Vec::with_capacity(capacity)),
            ColumnType::Date => Self::Date(Vec::with_capacity(capacity)),
            ColumnType::Bool => Self::Bool(Vec::with_capacity(capacity)),
        }
    }

    /// Number of values.
    pub fn len(&self) -> usize {
        match self {
            Self::Number(v) => v.len(),
            Self::Text(v) => v.len(),
            Self::Date(v) => v.len(),
            Self::Bool(v) => v.len(),
        }
    }

    /// Whether the column holds no values.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// A borrowed view of `start..end`.
    pub fn slice(&self, start: usize, end: usize) -> ColumnRef<'_> {
        match self {
            Self::Number(v) => ColumnRef::Number(&v[start..end]),
            Self::Text(v) => ColumnRef::Text(&v[start..end]),
            Self::Date(v) => ColumnRef::Date(&v[start..end]),
            Self::Bool(v) => ColumnRef::Bool(&v[start..end]),
        }
    }

    /// A borrowed view of the whole column.
    pub fn as_ref(&self) -> ColumnRef<'_> {
        self.slice(0, self.len())
    }

    /// Appends one scalar; a scalar of another type is stored as missing.
    pub fn push(&mut self, value: Scalar) {
        match (self, value) {
            (Self::Number(v), Scalar::Number(n)) => v.push(n),
            (Self::Number(v), _) => v.push(f64::NAN),
            (Self::Text(v), Scalar::Text(t)) => v.push(t),
            (Self::Text(v), _) => v.push(NULL_TEXT),
            (Self::Date(v), Scalar::Date(d)) => v.push(d),
            (Self::Date(v), _) => v.push(NULL_DATE),
            (Self::Bool(v), Scalar::Bool(b)) => v.push(u8::from(b)),
            (Self::Bool(v), _) => v.push(NULL_BOOL),
        }
    }
}

/// A borrowed slice of a [`Column`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ColumnRef<'a> {
    /// Numbers.
    Number(&'a [f64]),
    /// Text ids.
    Text(&'a [u32]),
    /// Day numbers.
    Date(&'a [i32]),
    /// 0 / 1 / [`NULL_BOOL`].
    Bool(&'a [u8]),
}

impl ColumnRef<'_> {
    /// Number of values.
    pub fn len(&self) -> usize {
        match self {
            Self::Number(v) => v.len(),
            Self::Text(v) => v.len(),
            Self::Date(v) => v.len(),
            Self::Bool(v) => v.len(),
        }
    }

    /// Whether the slice is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The value at `row` as a scalar; `Scalar::Null` when missing or out of range.
    #[inline]
    pub fn get(&self, row: usize) -> Scalar {
        match self {
            Self::Number(v) => v
                .get(row)
                .filter(|n| !n.is_nan())
                .map_or(Scalar::Null, |n| Scalar::Number(*n)),
            Self::Text(v) => v
                .get(row)
                .filter(|t| **t != NULL_TEXT)
                .map_or(Scalar::Null, |t| Scalar::Text(*t)),
            Self::Date(v) => v
                .get(row)
                .filter(|d| **d != NULL_DATE)
                .map_or(Scalar::Null, |d| Scalar::Date(*d)),
            Self::Bool(v) => match v.get(row) {
                Some(0) => Scalar::Bool(false),
                Some(1) => Scalar::Bool(true),
                _ => Scalar::Null,
            },
        }
    }
}

/// One value in the engine's compact form: `Copy`, hashable, texts as interner ids.
#[derive(Debug, Clone, Copy)]
pub enum Scalar {
    /// Missing.
    Null,
    /// A number.
    Number(f64),
    /// A text id.
    Text(u32),
    /// A day number.
    Date(i32),
    /// Yes or no.
    Bool(bool),
}

impl Scalar {
    /// Whether the value is missing.
    pub fn is_null(self) -> bool {
        matches!(self, Self::Null)
    }

    /// The owned, readable form; texts are looked up in `interner`.
    pub fn to_value(self, interner: &Interner) -> Value {
        match self {
            Self::Null => Value::Null,
            Self::Number(n) => Value::Number(n),
            Self::Text(t) => interner
                .resolve(t)
                .map_or(Value::Null, |s| Value::Text(s.to_owned())),
            Self::Date(d) => {
                NaiveDate::from_num_days_from_ce_opt(d).map_or(Value::Null, Value::Date)
            }
            Self::Bool(b) => Value::Bool(b),
        }
    }
}

impl PartialEq for Scalar {
    /// Numbers compare by bit pattern (with -0 equal to 0), so that `Scalar` can key a hash
    /// map; a missing value equals a missing value here, which group-bys rely on never
    /// seeing (they skip missing keys).
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Self::Null, Self::Null) => true,
            (Self::Number(a), Self::Number(b)) => number_bits(*a) == number_bits(*b),
            (Self::Text(a), Self::Text(b)) => a == b,
            (Self::Date(a), Self::Date(b)) => a == b,
            (Self::Bool(a), Self::Bool(b)) => a == b,
            _ => false,
        }
    }
}

impl Eq for Scalar {}

impl Hash for Scalar {
    fn hash<H: Hasher>(&self, state: &mut H) {
        match self {
            Self::Null => state.write_u8(0),
            Self::Number(n) => state.write_u64(number_bits(*n)),
            Self::Text(t) => state.write_u32(*t),
            Self::Date(d) => state.write_i32(*d),
            Self::Bool(b) => state.write_u8(u8::from(*b) + 1),
        }
    }
}

fn number_bits(n: f64) -> u64 {
    if n == 0.0 { 0 } else { n.to_bits() }
}

/// A value as shown to people and written to JSON.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Value {
    /// Missing.
    Null,
    /// A yes/no.
    Bool(bool),
    /// A number.
    Number(f64),
    /// A date.
    Date(NaiveDate),
    /// A text.
    Text(String),
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Null => f.write_str("saknas"),
            Self::Number(n) => write!(f, "{n}"),
            Self::Text(t) => write!(f, "{t:?}"),
            Self::Date(d) => write!(f, "{}", d.format("%Y-%m-%d")),
            Self::Bool(b) => f.write_str(if *b { "ja" } else { "nej" }),
        }
    }
}

/// Day number of `date` as stored in a date column.
pub fn day_number(date: NaiveDate) -> i32 {
    date.num_days_from_ce()
}

/// Reads `YYYY-MM-DD` into a day number.
pub fn parse_date(text: &str) -> Option<i32> {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r].iter().try_fold(0u32, |acc, c| {
            c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
        })
    };
    let year = i32::try_from(digits(0..4)?).ok()?;
    NaiveDate::from_ymd_opt(year, digits(5..7)?, digits(8..10)?).map(day_number)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_round_trip_through_day_numbers() {
        let d = parse_date("2025-03-01").unwrap();
        let interner = Interner::default();
        assert_eq!(
            Scalar::Date(d).to_value(&interner).to_string(),
            "2025-03-01"
        );
        assert_eq!(parse_date("2025-02-30"), None);
        assert_eq!(parse_date("2025-3-01"), None);
    }

    #[test]
    fn missing_values_read_as_null() {
        let col = Column::Number(vec![1.0, f64::NAN]);
        assert_eq!(col.as_ref().get(1), Scalar::Null);
        assert_eq!(col.as_ref().get(0), Scalar::Number(1.0));
        assert_eq!(Scalar::Number(0.0), Scalar::Number(-0.0));
    }
}
