//! Flags: a record that a rule fired on, with the values that made it fire.

use serde::{Deserialize, Serialize};

use super::data::Value;

/// A named value shown as evidence, e.g. `amount = 45000`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    /// Column or aggregate, e.g. `amount`, `income.month`, `count(distinct applicant_id)`.
    pub name: String,
    /// Its value for the flagged record.
    pub value: Value,
}

impl Evidence {
    /// Evidence `name = value`.
    pub fn new(name: impl Into<String>, value: Value) -> Self {
        Self {
            name: name.into(),
            value,
        }
    }
}

/// One record flagged by one rule.
///
/// ```
/// use lantero_fraudfinder::controls::{Evidence, Flag};
/// use lantero_fraudfinder::controls::data::Value;
///
/// let flag = Flag {
///     rule: "stort_belopp".into(),
///     version: 1,
///     dataset: "payments".into(),
///     row: 41,
///     record_id: Some(Value::Text("u-42".into())),
///     score: 40,
///     condition: "(amount > 30000) and (kind == \"ekonomiskt_bistand\")".into(),
///     reason: None,
///     evidence: vec![Evidence::new("amount", Value::Number(45000.0))],
/// };
/// assert_eq!(
///     flag.explain(),
///     "Regel \"stort_belopp\" v1 (+40 poäng), payments rad 42 (id \"u-42\"): \
///      (amount > 30000) and (kind == \"ekonomiskt_bistand\"); amount = 45000"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Flag {
    /// The rule's name.
    pub rule: String,
    /// The rule's version.
    pub version: u32,
    /// The data set of the record.
    pub dataset: String,
    /// 0-based row of the record in its data set.
    pub row: u64,
    /// The record's id, when the data set has an id column.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub record_id: Option<Value>,
    /// Points from this rule.
    pub score: u32,
    /// The rule's condition as text.
    pub condition: String,
    /// The rule's reason for the caseworker, if it gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The values the condition was met on.
    pub evidence: Vec<Evidence>,
}

impl Flag {
    /// One line in Swedish: which rule fired on which record, on which values.
    pub fn explain(&self) -> String {
        let id = self
            .record_id
            .as_ref()
            .map(|id| format!(" (id {id})"))
            .unwrap_or_default();
        let values: Vec<String> = self
            .evidence
            .iter()
            .map(|e| format!("{} = {}", e.name, e.value))
            .collect();
        let mut line = format!(
            "Regel \"{}\" v{} (+{} poäng), {} rad {}{id}: {}",
            self.rule,
            self.version,
            self.score,
            self.dataset,
            self.row + 1,
            self.condition
        );
        if !values.is_empty() {
            line.push_str("; ");
            line.push_str(&values.join(", "));
        }
        if let Some(reason) = &self.reason {
            line.push_str(". ");
            line.push_str(reason);
        }
        line
    }

    /// The record id as text, or the 1-based row number when there is none.
    pub fn record_label(&self) -> String {
        match &self.record_id {
            Some(Value::Text(t)) => t.clone(),
            Some(other) => other.to_string(),
            None => format!("rad {}", self.row + 1),
        }
    }
}
