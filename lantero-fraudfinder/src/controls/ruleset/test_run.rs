//! Test runs: a rule set run over known cases and compared with the flags expected.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::RuleSet;
use crate::Result;
use crate::controls::data::DataSets;
use crate::controls::engine::RunReport;

/// A flag a test run expects: rule name and record (id, or `rad N`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ExpectedFlag {
    /// The rule.
    pub rule: String,
    /// The record id as text, or `rad N` for row N (1-based) without ids.
    pub record: String,
}

impl ExpectedFlag {
    /// Rule `rule` flags record `record`.
    pub fn new(rule: impl Into<String>, record: impl Into<String>) -> Self {
        Self {
            rule: rule.into(),
            record: record.into(),
        }
    }
}

/// The outcome of a test run: the flags compared with the expected ones.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TestRun {
    /// The full run.
    pub report: RunReport,
    /// Expected and found.
    pub matched: Vec<ExpectedFlag>,
    /// Expected, not found.
    pub missing: Vec<ExpectedFlag>,
    /// Found, not expected.
    pub unexpected: Vec<ExpectedFlag>,
}

impl TestRun {
    /// Whether the run found exactly what was expected.
    pub fn passed(&self) -> bool {
        self.missing.is_empty() && self.unexpected.is_empty()
    }
}

impl RuleSet {
    /// Runs the set and compares its flags with `expected` — how a changed rule set is
    /// checked on known cases before it is put to use.
    pub fn test_run(&self, data: &mut DataSets, expected: &[ExpectedFlag]) -> Result<TestRun> {
        let report = self.run(data)?;
        let found: BTreeSet<ExpectedFlag> = report
            .flags
            .iter()
            .map(|f| ExpectedFlag::new(f.rule.clone(), f.record_label()))
            .collect();
        let wanted: BTreeSet<ExpectedFlag> = expected.iter().cloned().collect();
        Ok(TestRun {
            matched: wanted.intersection(&found).cloned().collect(),
            missing: wanted.difference(&found).cloned().collect(),
            unexpected: found.difference(&wanted).cloned().collect(),
            report,
        })
    }
}
