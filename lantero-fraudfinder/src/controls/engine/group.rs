//! Running aggregates per group for `aggregate by (...)` rules.
//!
//! One group's state is a count and one accumulator (sum, min or max as the function
//! needs), plus a distinct set only for `count(distinct …)`; group membership is one `u32`
//! per record. Small state is what makes a million groups cheap.

use std::collections::HashSet;

use super::key::{KeyMap, pack};
use crate::controls::data::{ColumnRef, FastHash};
use crate::controls::language::{AggregateFunction, BinaryOp};

/// Membership value of a record in no group (filtered out, or a missing key).
pub(crate) const NO_GROUP: u32 = u32::MAX;

/// Distinct values seen in a group; most groups hold one, so that case allocates nothing.
#[derive(Debug, Clone, Default)]
enum Distinct {
    #[default]
    Empty,
    One(u64),
    Many(HashSet<u64, FastHash>),
}

impl Distinct {
    #[inline]
    fn add(&mut self, value: u64) {
        match self {
            Self::Empty => *self = Self::One(value),
            Self::One(first) if *first == value => {}
            Self::One(first) => {
                let mut set = HashSet::with_capacity_and_hasher(4, FastHash::default());
                set.insert(*first);
                set.insert(value);
                *self = Self::Many(set);
            }
            Self::Many(set) => {
                set.insert(value);
            }
        }
    }

    fn len(&self) -> usize {
        match self {
            Self::Empty => 0,
            Self::One(_) => 1,
            Self::Many(set) => set.len(),
        }
    }
}

/// How a rule aggregates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct AggregateSpec {
    pub(crate) function: AggregateFunction,
    pub(crate) distinct: bool,
    /// `count(*)`: count records, not values.
    pub(crate) star: bool,
}

/// The groups of one rule over one run.
pub(crate) struct Groups {
    spec: AggregateSpec,
    width: usize,
    index: KeyMap<u32>,
    /// Packed key values, `width` per group.
    keys: Vec<u64>,
    counts: Vec<u32>,
    accumulators: Vec<f64>,
    distinct: Vec<Distinct>,
    /// The group of every record of the data set, in row order ([`NO_GROUP`] for none).
    pub(crate) membership: Vec<u32>,
}

impl Groups {
    /// No groups yet, for keys of `width` columns.
    pub(crate) fn new(spec: AggregateSpec, width: usize) -> Self {
        Self {
            spec,
            width,
            index: KeyMap::new(width),
            keys: Vec::new(),
            counts: Vec::new(),
            accumulators: Vec::new(),
            distinct: Vec::new(),
            membership: Vec::new(),
        }
    }

    /// Adds the records of a batch: `keep` says which pass the filter; `value` is the
    /// aggregated column (none for `count(*)`).
    pub(crate) fn add_batch(
        &mut self,
        cols: &[ColumnRef<'_>],
        keys: &[usize],
        value: Option<&ColumnRef<'_>>,
        keep: &[bool],
    ) {
        let initial = match self.spec.function {
            AggregateFunction::Min => f64::INFINITY,
            AggregateFunction::Max => f64::NEG_INFINITY,
            _ => 0.0,
        };
        for (row, keep) in keep.iter().enumerate() {
            if !*keep {
                self.membership.push(NO_GROUP);
                continue;
            }
            let next = self.counts.len() as u32;
            let keys_store = &mut self.keys;
            let Some(group) = self.index.entry(cols, keys, row, |packed| {
                keys_store.extend_from_slice(packed);
                next
            }) else {
                self.membership.push(NO_GROUP);
                continue;
            };
            let group = *group;
            if group == next {
                self.counts.push(0);
                self.accumulators.push(initial);
                if self.spec.distinct {
                    self.distinct.push(Distinct::Empty);
                }
            }
            self.membership.push(group);
            let g = group as usize;
            if self.spec.star {
                self.counts[g] += 1;
                continue;
            }
            let Some(packed) = value.and_then(|c| pack(c, row)) else {
                continue;
            };
            self.counts[g] += 1;
            if self.spec.distinct {
                self.distinct[g].add(packed);
                continue;
            }
            let n = f64::from_bits(packed);
            let acc = &mut self.accumulators[g];
            match self.spec.function {
                AggregateFunction::Sum | AggregateFunction::Avg => *acc += n,
                AggregateFunction::Min => *acc = acc.min(n),
                AggregateFunction::Max => *acc = acc.max(n),
                AggregateFunction::Count => {}
            }
        }
    }

    /// The aggregate of every group, `None` where SQL would give NULL (no values).
    pub(crate) fn values(&self) -> Vec<Option<f64>> {
        (0..self.counts.len())
            .map(|g| {
                let count = self.counts[g];
                match self.spec.function {
                    AggregateFunction::Count if self.spec.distinct => {
                        self.distinct.get(g).map(|d| d.len() as f64)
                    }
                    AggregateFunction::Count => Some(f64::from(count)),
                    _ if count == 0 => None,
                    AggregateFunction::Avg => Some(self.accumulators[g] / f64::from(count)),
                    _ => Some(self.accumulators[g]),
                }
            })
            .collect()
    }

    /// Which groups meet `op threshold`.
    pub(crate) fn passing(values: &[Option<f64>], op: BinaryOp, threshold: f64) -> Vec<bool> {
        values
            .iter()
            .map(|v| v.is_some_and(|v| op.compare(v, threshold)))
            .collect()
    }

    /// The packed key values of `group`.
    pub(crate) fn key(&self, group: u32) -> &[u64] {
        let start = group as usize * self.width;
        self.keys.get(start..start + self.width).unwrap_or_default()
    }
}
