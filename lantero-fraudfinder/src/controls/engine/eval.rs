//! Column-at-a-time evaluation of compiled expressions over a batch.
//!
//! Each node turns whole slices into whole slices; comparisons against constants and the
//! boolean combinators are tight loops the compiler vectorises. Regular expressions run
//! once per distinct text (cached by interner id), not once per record.

use std::borrow::Cow;

use regex::Regex;

use super::compile::CExpr;
use crate::controls::data::{
    ColumnRef, ColumnType, Interner, NULL_BOOL, NULL_DATE, NULL_TEXT, Scalar,
};
use crate::controls::language::BinaryOp;

/// The result of evaluating a node over a batch.
pub(crate) enum Val<'a> {
    Bools(Vec<bool>),
    Numbers(Cow<'a, [f64]>),
    Texts(Cow<'a, [u32]>),
    Dates(Cow<'a, [i32]>),
    /// A bool column as stored (with its missing marker).
    BoolColumn(&'a [u8]),
    Const(Scalar),
}

/// Per-run regex results: 0 not yet seen, 1 no match, 2 match; indexed by text id.
pub(crate) struct RegexCache {
    regex: Regex,
    known: Vec<u8>,
}

impl RegexCache {
    pub(crate) fn new(regex: Regex) -> Self {
        Self {
            regex,
            known: Vec::new(),
        }
    }

    #[inline]
    fn matches(&mut self, id: u32, interner: &Interner) -> bool {
        if id == NULL_TEXT {
            return false;
        }
        let index = id as usize;
        if index >= self.known.len() {
            self.known.resize(interner.len().max(index + 1), 0);
        }
        match self.known[index] {
            1 => false,
            2 => true,
            _ => {
                let hit = interner
                    .resolve(id)
                    .is_some_and(|text| self.regex.is_match(text));
                self.known[index] = if hit { 2 } else { 1 };
                hit
            }
        }
    }
}

/// What evaluation reads besides the batch.
pub(crate) struct EvalContext<'r> {
    pub(crate) interner: &'r Interner,
    pub(crate) regexes: &'r mut [RegexCache],
}

/// A slice or a constant of one element type.
enum Src<'s, T> {
    Col(&'s [T]),
    Const(T),
}

/// Applies `f` elementwise; a constant is repeated over the batch.
#[inline]
fn zip_map<T: Copy, U>(l: Src<'_, T>, r: Src<'_, T>, len: usize, f: impl Fn(T, T) -> U) -> Vec<U> {
    match (l, r) {
        (Src::Col(a), Src::Col(b)) => a.iter().zip(b).map(|(x, y)| f(*x, *y)).collect(),
        (Src::Col(a), Src::Const(c)) => a.iter().map(|x| f(*x, c)).collect(),
        (Src::Const(c), Src::Col(b)) => b.iter().map(|y| f(c, *y)).collect(),
        (Src::Const(a), Src::Const(b)) => (0..len).map(|_| f(a, b)).collect(),
    }
}

impl EvalContext<'_> {
    /// Evaluates a yes/no expression to one flag per row.
    pub(crate) fn predicate(
        &mut self,
        expr: &CExpr,
        cols: &[ColumnRef<'_>],
        len: usize,
    ) -> Vec<bool> {
        match self.eval(expr, cols, len) {
            Val::Bools(v) => v,
            Val::BoolColumn(v) => v.iter().map(|b| *b == 1).collect(),
            Val::Const(Scalar::Bool(b)) => vec![b; len],
            _ => vec![false; len],
        }
    }

    pub(crate) fn eval<'a>(&mut self, expr: &CExpr, cols: &[ColumnRef<'a>], len: usize) -> Val<'a> {
        match expr {
            CExpr::Slot(i) => match cols.get(*i) {
                Some(ColumnRef::Number(v)) => Val::Numbers(Cow::Borrowed(v)),
                Some(ColumnRef::Text(v)) => Val::Texts(Cow::Borrowed(v)),
                Some(ColumnRef::Date(v)) => Val::Dates(Cow::Borrowed(v)),
                Some(ColumnRef::Bool(v)) => Val::BoolColumn(v),
                None => Val::Const(Scalar::Null),
            },
            CExpr::Const(s) => Val::Const(*s),
            CExpr::Not(inner) => {
                let mut v = self.predicate(inner, cols, len);
                v.iter_mut().for_each(|b| *b = !*b);
                Val::Bools(v)
            }
            CExpr::And(l, r) => {
                let mut left = self.predicate(l, cols, len);
                if left.iter().any(|b| *b) {
                    let right = self.predicate(r, cols, len);
                    left.iter_mut().zip(right).for_each(|(a, b)| *a &= b);
                }
                Val::Bools(left)
            }
            CExpr::Or(l, r) => {
                let mut left = self.predicate(l, cols, len);
                if !left.iter().all(|b| *b) {
                    let right = self.predicate(r, cols, len);
                    left.iter_mut().zip(right).for_each(|(a, b)| *a |= b);
                }
                Val::Bools(left)
            }
            CExpr::Neg(inner) => self.numeric(inner, cols, len, |x| -x),
            CExpr::Abs(inner) => self.numeric(inner, cols, len, f64::abs),
            CExpr::Arith(op, l, r) => {
                let (l, r) = (self.eval(l, cols, len), self.eval(r, cols, len));
                let f = match op {
                    BinaryOp::Add => |a: f64, b: f64| a + b,
                    BinaryOp::Sub => |a, b| a - b,
                    BinaryOp::Mul => |a, b| a * b,
                    // Division by zero is missing, as SQL's NULL.
                    _ => |a: f64, b: f64| if b == 0.0 { f64::NAN } else { a / b },
                };
                match (numbers(&l), numbers(&r)) {
                    (Some(Src::Const(a)), Some(Src::Const(b))) => {
                        Val::Const(number_scalar(f(a, b)))
                    }
                    (Some(a), Some(b)) => Val::Numbers(Cow::Owned(zip_map(a, b, len, f))),
                    _ => Val::Const(Scalar::Null),
                }
            }
            CExpr::Compare(op, ty, l, r) => {
                let (l, r) = (self.eval(l, cols, len), self.eval(r, cols, len));
                Val::Bools(compare(*op, *ty, &l, &r, len))
            }
            CExpr::Matches(inner, regex) => {
                let value = self.eval(inner, cols, len);
                let interner = self.interner;
                let Some(cache) = self.regexes.get_mut(*regex) else {
                    return Val::Bools(vec![false; len]);
                };
                match value {
                    Val::Texts(ids) => {
                        Val::Bools(ids.iter().map(|id| cache.matches(*id, interner)).collect())
                    }
                    Val::Const(Scalar::Text(id)) => {
                        Val::Bools(vec![cache.matches(id, interner); len])
                    }
                    _ => Val::Bools(vec![false; len]),
                }
            }
            CExpr::IsNull(inner) => Val::Bools(match self.eval(inner, cols, len) {
                Val::Numbers(v) => v.iter().map(|n| n.is_nan()).collect(),
                Val::Texts(v) => v.iter().map(|t| *t == NULL_TEXT).collect(),
                Val::Dates(v) => v.iter().map(|d| *d == NULL_DATE).collect(),
                Val::BoolColumn(v) => v.iter().map(|b| *b == NULL_BOOL).collect(),
                Val::Bools(v) => vec![false; v.len()],
                Val::Const(s) => vec![s.is_null(); len],
            }),
            CExpr::In { expr, set, negated } => {
                let value = self.eval(expr, cols, len);
                Val::Bools(member(&value, set, *negated, len))
            }
        }
    }

    fn numeric<'a>(
        &mut self,
        inner: &CExpr,
        cols: &[ColumnRef<'a>],
        len: usize,
        f: impl Fn(f64) -> f64,
    ) -> Val<'a> {
        match self.eval(inner, cols, len) {
            Val::Numbers(v) => Val::Numbers(Cow::Owned(v.iter().map(|x| f(*x)).collect())),
            Val::Const(Scalar::Number(n)) => Val::Const(number_scalar(f(n))),
            _ => Val::Const(Scalar::Null),
        }
    }
}

fn number_scalar(n: f64) -> Scalar {
    if n.is_nan() {
        Scalar::Null
    } else {
        Scalar::Number(n)
    }
}

fn numbers<'s>(v: &'s Val<'_>) -> Option<Src<'s, f64>> {
    match v {
        Val::Numbers(n) => Some(Src::Col(n)),
        Val::Const(Scalar::Number(n)) => Some(Src::Const(*n)),
        Val::Const(Scalar::Null) => Some(Src::Const(f64::NAN)),
        _ => None,
    }
}

fn texts<'s>(v: &'s Val<'_>) -> Option<Src<'s, u32>> {
    match v {
        Val::Texts(t) => Some(Src::Col(t)),
        Val::Const(Scalar::Text(t)) => Some(Src::Const(*t)),
        Val::Const(Scalar::Null) => Some(Src::Const(NULL_TEXT)),
        _ => None,
    }
}

fn dates<'s>(v: &'s Val<'_>) -> Option<Src<'s, i32>> {
    match v {
        Val::Dates(d) => Some(Src::Col(d)),
        Val::Const(Scalar::Date(d)) => Some(Src::Const(*d)),
        Val::Const(Scalar::Null) => Some(Src::Const(NULL_DATE)),
        _ => None,
    }
}

/// Yes/no values as 0/1 with [`NULL_BOOL`] for missing.
fn bools(v: &Val<'_>, len: usize) -> Option<Vec<u8>> {
    match v {
        Val::Bools(b) => Some(b.iter().map(|b| u8::from(*b)).collect()),
        Val::BoolColumn(b) => Some(b.to_vec()),
        Val::Const(Scalar::Bool(b)) => Some(vec![u8::from(*b); len]),
        Val::Const(Scalar::Null) => Some(vec![NULL_BOOL; len]),
        _ => None,
    }
}

/// Compares two values; a comparison with a missing value is false.
fn compare(op: BinaryOp, ty: ColumnType, l: &Val<'_>, r: &Val<'_>, len: usize) -> Vec<bool> {
    macro_rules! ordered {
        ($l:expr, $r:expr, $null:expr) => {
            match ($l, $r) {
                (Some(a), Some(b)) => match op {
                    BinaryOp::Eq => zip_map(a, b, len, |x, y| x == y && x != $null),
                    BinaryOp::Ne => zip_map(a, b, len, |x, y| x != y && x != $null && y != $null),
                    BinaryOp::Lt => zip_map(a, b, len, |x, y| x < y && x != $null && y != $null),
                    BinaryOp::Le => zip_map(a, b, len, |x, y| x <= y && x != $null && y != $null),
                    BinaryOp::Gt => zip_map(a, b, len, |x, y| x > y && x != $null && y != $null),
                    BinaryOp::Ge => zip_map(a, b, len, |x, y| x >= y && x != $null && y != $null),
                    _ => vec![false; len],
                },
                _ => vec![false; len],
            }
        };
    }
    match ty {
        // NaN makes every ordered comparison false already; only != needs the check.
        ColumnType::Number => match (numbers(l), numbers(r)) {
            (Some(a), Some(b)) => match op {
                BinaryOp::Eq => zip_map(a, b, len, |x, y| x == y),
                BinaryOp::Ne => zip_map(a, b, len, |x, y| x != y && !x.is_nan() && !y.is_nan()),
                BinaryOp::Lt => zip_map(a, b, len, |x, y| x < y),
                BinaryOp::Le => zip_map(a, b, len, |x, y| x <= y),
                BinaryOp::Gt => zip_map(a, b, len, |x, y| x > y),
                BinaryOp::Ge => zip_map(a, b, len, |x, y| x >= y),
                _ => vec![false; len],
            },
            _ => vec![false; len],
        },
        ColumnType::Text => ordered!(texts(l), texts(r), NULL_TEXT),
        ColumnType::Date => ordered!(dates(l), dates(r), NULL_DATE),
        ColumnType::Bool => match (bools(l, len), bools(r, len)) {
            (Some(a), Some(b)) => {
                ordered!(Some(Src::Col(&a[..])), Some(Src::Col(&b[..])), NULL_BOOL)
            }
            _ => vec![false; len],
        },
    }
}

/// `x in (...)` / `x not in (...)`; a missing `x` is in neither.
fn member(value: &Val<'_>, set: &[Scalar], negated: bool, len: usize) -> Vec<bool> {
    let test = |found: bool, null: bool| !null && found != negated;
    match value {
        Val::Numbers(v) => v
            .iter()
            .map(|x| test(set.contains(&Scalar::Number(*x)), x.is_nan()))
            .collect(),
        Val::Texts(v) => {
            let ids: Vec<u32> = set
                .iter()
                .filter_map(|s| {
                    if let Scalar::Text(t) = s {
                        Some(*t)
                    } else {
                        None
                    }
                })
                .collect();
            v.iter()
                .map(|t| test(ids.contains(t), *t == NULL_TEXT))
                .collect()
        }
        Val::Dates(v) => v
            .iter()
            .map(|d| test(set.contains(&Scalar::Date(*d)), *d == NULL_DATE))
            .collect(),
        Val::BoolColumn(v) => v
            .iter()
            .map(|b| test(set.contains(&Scalar::Bool(*b == 1)), *b == NULL_BOOL))
            .collect(),
        Val::Bools(v) => v
            .iter()
            .map(|b| test(set.contains(&Scalar::Bool(*b)), false))
            .collect(),
        Val::Const(s) => vec![test(set.contains(s), s.is_null()); len],
    }
}
