//! The plugin trait for control rules written outside the rule language.

use std::sync::Arc;

use super::data::{Batch, Interner, Schema, Value};
use super::flag::Evidence;
use super::sql::Dialect;
use crate::Result;

/// One record as a custom rule sees it: values by column name.
pub struct Record<'a> {
    pub(crate) schema: &'a Schema,
    pub(crate) batch: &'a Batch<'a>,
    pub(crate) index: usize,
    pub(crate) interner: &'a Interner,
}

impl Record<'_> {
    /// 0-based row of the record in its data set.
    pub fn row(&self) -> u64 {
        self.batch.first_row + self.index as u64
    }

    /// The value of column `name`; `None` if the data set has no such column.
    pub fn get(&self, name: &str) -> Option<Value> {
        let column = self.schema.index_of(name)?;
        let values = self.batch.columns.get(column)?;
        Some(values.get(self.index).to_value(self.interner))
    }

    /// The value of `name` as a number, if it is one.
    pub fn number(&self, name: &str) -> Option<f64> {
        match self.get(name)? {
            Value::Number(n) => Some(n),
            _ => None,
        }
    }

    /// The value of `name` as text, if it is one.
    pub fn text(&self, name: &str) -> Option<String> {
        match self.get(name)? {
            Value::Text(t) => Some(t),
            _ => None,
        }
    }

    /// Every column with its value, in schema order (e.g. to build a Python dict).
    pub fn fields(&self) -> Vec<(String, Value)> {
        self.schema
            .fields()
            .iter()
            .enumerate()
            .map(|(i, f)| {
                let value = self
                    .batch
                    .columns
                    .get(i)
                    .map_or(Value::Null, |c| c.get(self.index).to_value(self.interner));
                (f.name.clone(), value)
            })
            .collect()
    }
}

/// What a custom rule reports for a record it flags.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// Points.
    pub score: u32,
    /// Why, in words for the caseworker.
    pub reason: String,
    /// The values it decided on.
    pub evidence: Vec<Evidence>,
}

/// A control rule implemented in code: a Rust type, or a Python callable through the
/// bindings. It sits in a [`RuleSet`](super::RuleSet) beside rules in the rule language,
/// and its flags go to the same review queue.
///
/// Custom rules see one record at a time; patterns over groups or joins belong in the
/// rule language, which also compiles them to SQL.
///
/// ```
/// use lantero_fraudfinder::controls::{ControlRule, Evidence, Hit, Record};
///
/// /// Flags payments whose reference mentions a company form.
/// struct CompanyReference;
///
/// impl ControlRule for CompanyReference {
///     fn name(&self) -> &str { "bolag_i_referens" }
///     fn version(&self) -> u32 { 1 }
///     fn dataset(&self) -> &str { "payments" }
///     fn check(&self, record: &Record<'_>) -> lantero_fraudfinder::Result<Option<Hit>> {
///         let reference = record.text("reference").unwrap_or_default();
///         Ok(reference.contains(" AB").then(|| Hit {
///             score: 10,
///             reason: "Referensen nämner ett aktiebolag".into(),
///             evidence: vec![Evidence::new("reference", record.get("reference").unwrap())],
///         }))
///     }
/// }
/// ```
pub trait ControlRule: Send + Sync {
    /// Unique name in the rule set.
    fn name(&self) -> &str;
    /// Version; raise it whenever the logic changes.
    fn version(&self) -> u32;
    /// The data set whose records it checks.
    fn dataset(&self) -> &str;
    /// Checks one record.
    fn check(&self, record: &Record<'_>) -> Result<Option<Hit>>;
    /// The explanation shown for a hit; the hit's reason by default.
    fn explain(&self, hit: &Hit) -> String {
        hit.reason.clone()
    }
    /// The rule as SQL, if it has one; custom rules usually do not.
    fn to_sql(&self, _dialect: Dialect) -> Option<String> {
        None
    }
}

/// The signature of a closure rule.
pub type CheckFn = dyn Fn(&Record<'_>) -> Result<Option<Hit>> + Send + Sync;

/// A [`ControlRule`] made from a closure; handy in tests and for bindings that wrap a
/// foreign callable.
///
/// ```
/// use lantero_fraudfinder::controls::{ControlRule, FnRule, Hit};
///
/// let rule = FnRule::new("negativt_belopp", 1, "payments", |record| {
///     Ok(record.number("amount").filter(|a| *a < 0.0).map(|_| Hit {
///         score: 30,
///         reason: "Negativt belopp".into(),
///         evidence: vec![],
///     }))
/// });
/// assert_eq!(rule.name(), "negativt_belopp");
/// ```
#[derive(Clone)]
pub struct FnRule {
    name: String,
    version: u32,
    dataset: String,
    check: Arc<CheckFn>,
}

impl FnRule {
    /// A rule named `name` over `dataset` that calls `check` for each record.
    pub fn new(
        name: impl Into<String>,
        version: u32,
        dataset: impl Into<String>,
        check: impl Fn(&Record<'_>) -> Result<Option<Hit>> + Send + Sync + 'static,
    ) -> Self {
        Self {
            name: name.into(),
            version,
            dataset: dataset.into(),
            check: Arc::new(check),
        }
    }
}

impl ControlRule for FnRule {
    fn name(&self) -> &str {
        &self.name
    }

    fn version(&self) -> u32 {
        self.version
    }

    fn dataset(&self) -> &str {
        &self.dataset
    }

    fn check(&self, record: &Record<'_>) -> Result<Option<Hit>> {
        (self.check)(record)
    }
}
