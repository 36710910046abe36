//! Keys for group-bys and joins, packed into `u64`s.
//!
//! A key column has one type for the whole run, so each value packs into a `u64` without a
//! type tag: a number by its bits (with -0 as 0), a text by its interner id, a date by its
//! day number, a yes/no as 0 or 1. One- and two-column keys then hash as plain integers and
//! the maps stay small, which is what keeps group-bys over a million records fast.

use std::collections::HashMap;

use crate::controls::data::{
    ColumnRef, ColumnType, FastHash, NULL_BOOL, NULL_DATE, NULL_TEXT, Scalar,
};

/// The packed value of `row` in `column`; `None` when missing, since a missing key never
/// matches (as `NULL = NULL` is not true in SQL).
#[inline]
pub(crate) fn pack(column: &ColumnRef<'_>, row: usize) -> Option<u64> {
    match column {
        ColumnRef::Number(v) => v
            .get(row)
            .filter(|n| !n.is_nan())
            .map(|n| if *n == 0.0 { 0 } else { n.to_bits() }),
        ColumnRef::Text(v) => v
            .get(row)
            .filter(|t| **t != NULL_TEXT)
            .map(|t| u64::from(*t)),
        ColumnRef::Date(v) => v
            .get(row)
            .filter(|d| **d != NULL_DATE)
            .map(|d| u64::from(*d as u32)),
        ColumnRef::Bool(v) => v
            .get(row)
            .filter(|b| **b != NULL_BOOL)
            .map(|b| u64::from(*b)),
    }
}

/// The scalar a packed value of a `column_type` column stands for.
pub(crate) fn unpack(column_type: ColumnType, value: u64) -> Scalar {
    match column_type {
        ColumnType::Number => Scalar::Number(f64::from_bits(value)),
        ColumnType::Text => Scalar::Text(value as u32),
        ColumnType::Date => Scalar::Date(value as u32 as i32),
        ColumnType::Bool => Scalar::Bool(value != 0),
    }
}

/// A hash map keyed by the values of one, two or more columns.
pub(crate) enum KeyMap<V> {
    One(HashMap<u64, V, FastHash>),
    Two(HashMap<(u64, u64), V, FastHash>),
    Many(HashMap<Box<[u64]>, V, FastHash>),
}

impl<V> KeyMap<V> {
    /// An empty map for keys of `width` columns.
    pub(crate) fn new(width: usize) -> Self {
        match width {
            1 => Self::One(HashMap::default()),
            2 => Self::Two(HashMap::default()),
            _ => Self::Many(HashMap::default()),
        }
    }

    /// The entry for the key of `row` (columns `keys` of `cols`), inserted with `make` when
    /// new; `None` when part of the key is missing.
    #[inline]
    pub(crate) fn entry(
        &mut self,
        cols: &[ColumnRef<'_>],
        keys: &[usize],
        row: usize,
        make: impl FnOnce(&[u64]) -> V,
    ) -> Option<&mut V> {
        let part = |i: usize| cols.get(*keys.get(i)?).and_then(|c| pack(c, row));
        match self {
            Self::One(map) => {
                let a = part(0)?;
                Some(map.entry(a).or_insert_with(|| make(&[a])))
            }
            Self::Two(map) => {
                let (a, b) = (part(0)?, part(1)?);
                Some(map.entry((a, b)).or_insert_with(|| make(&[a, b])))
            }
            Self::Many(map) => {
                let key: Box<[u64]> = (0..keys.len()).map(part).collect::<Option<_>>()?;
                let values = key.to_vec();
                Some(map.entry(key).or_insert_with(|| make(&values)))
            }
        }
    }

    /// The value for the key of `row`, if present.
    #[inline]
    pub(crate) fn get(&self, cols: &[ColumnRef<'_>], keys: &[usize], row: usize) -> Option<&V> {
        let part = |i: usize| cols.get(*keys.get(i)?).and_then(|c| pack(c, row));
        match self {
            Self::One(map) => map.get(&part(0)?),
            Self::Two(map) => map.get(&(part(0)?, part(1)?)),
            Self::Many(map) => {
                let key: Box<[u64]> = (0..keys.len()).map(part).collect::<Option<_>>()?;
                map.get(&key)
            }
        }
    }
}
