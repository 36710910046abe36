//! The rule engine: compiles rules against schemas and runs them over batches.
//!
//! Rules without aggregates are evaluated column by column over each batch. Group rules
//! keep one running aggregate per group in a hash map and flag the records of the groups
//! that meet their limit when the data set ends. Join rules look each record's key up in
//! an index of the joined table built once per run. Custom rules see one record at a time.

mod compile;
mod eval;
mod group;
mod key;
mod plan;
mod run;

use serde::Serialize;

pub use plan::Plan;

use super::data::{BATCH_ROWS, BatchSource, DataSets, TableSummary};
use super::flag::Flag;
use super::queue::{ReviewQueue, Thresholds};
use crate::Result;
use run::Runner;

/// Flags per rule in a run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RuleSummary {
    /// The rule.
    pub rule: String,
    /// Its version.
    pub version: u32,
    /// Its data set.
    pub dataset: String,
    /// Records it flagged.
    pub flags: usize,
}

/// What a run of a rule set found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RunReport {
    /// The rule set's id.
    pub ruleset: String,
    /// The rule set's version.
    pub ruleset_version: String,
    /// Rows read per data set.
    pub datasets: Vec<TableSummary>,
    /// Flags per rule, in rule-set order.
    pub rules: Vec<RuleSummary>,
    /// Every flag, by data set, then row, then rule order.
    pub flags: Vec<Flag>,
}

impl RunReport {
    /// The flags of rule `name`.
    pub fn flags_of<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Flag> + 'a {
        self.flags.iter().filter(move |f| f.rule == name)
    }

    /// Rows read over all data sets.
    pub fn rows(&self) -> usize {
        self.datasets.iter().map(|d| d.rows).sum()
    }

    /// The flagged records scored into review and escalation queues.
    pub fn queue(&self, thresholds: Thresholds) -> ReviewQueue {
        ReviewQueue::build(&self.flags, thresholds)
    }
}

impl Plan {
    /// Runs every rule over the data sets held in `data`.
    pub fn run(&self, data: &DataSets) -> Result<RunReport> {
        let mut datasets = Vec::new();
        let mut flags = Vec::new();
        for name in self.datasets() {
            let table = data.table(name)?;
            let mut runner = Runner::new(self, name, table.schema(), data)?;
            for batch in table.batches(BATCH_ROWS) {
                runner.batch(&batch, data)?;
            }
            datasets.push(TableSummary {
                name: name.to_owned(),
                rows: runner.rows as usize,
            });
            flags.extend(runner.finish(data));
        }
        Ok(self.report(datasets, flags))
    }

    /// Runs the rules on `source`'s data set while reading it batch by batch; the data
    /// sets they join against must be in `data`. Rules on other data sets are skipped.
    pub fn run_stream(
        &self,
        source: &mut dyn BatchSource,
        data: &mut DataSets,
    ) -> Result<RunReport> {
        let name = source.name().to_owned();
        let schema = source.schema().clone();
        let mut runner = Runner::new(self, &name, &schema, data)?;
        while let Some(batch) = source.next_batch(data.interner_mut())? {
            runner.batch(&batch.view(), data)?;
        }
        let datasets = vec![TableSummary {
            name,
            rows: runner.rows as usize,
        }];
        let flags = runner.finish(data);
        Ok(self.report(datasets, flags))
    }

    fn report(&self, datasets: Vec<TableSummary>, flags: Vec<Flag>) -> RunReport {
        let rules = self
            .rules
            .iter()
            .filter(|r| datasets.iter().any(|d| d.name == r.dataset()))
            .map(|r| {
                let (name, version) = r.identity();
                RuleSummary {
                    rule: name.to_owned(),
                    version,
                    dataset: r.dataset().to_owned(),
                    flags: flags.iter().filter(|f| f.rule == name).count(),
                }
            })
            .collect();
        RunReport {
            ruleset: self.ruleset_id.clone(),
            ruleset_version: self.ruleset_version.clone(),
            datasets,
            rules,
            flags,
        }
    }
}
