//! Synthetic data for demonstrations, tests and benchmarks: a fictional municipality's
//! payments, income data, personal-assistance time reports and association grants, with
//! fraud patterns planted where asked and the flags they must produce listed.
//!
//! Clean data keeps every pattern of [`standard_rules`](crate::controls::standard_rules)
//! well inside its limits, so that a run over it flags nothing; each planted case breaks
//! exactly one rule.
//!
//! ```
//! use lantero_fraudfinder::controls::standard_rules;
//! use lantero_fraudfinder::sample::{Scenario, ScenarioOptions};
//!
//! let scenario = Scenario::generate(&ScenarioOptions::default())?;
//! let mut data = scenario.load()?;
//! let test = standard_rules()?.test_run(&mut data, &scenario.expected())?;
//! assert!(test.passed(), "missing {:?}, unexpected {:?}", test.missing, test.unexpected);
//! # Ok::<(), lantero_fraudfinder::Error>(())
//! ```

mod generate;

use std::path::Path;

use serde::Serialize;

use crate::controls::ExpectedFlag;
use crate::controls::data::{DataSets, Schema};
use crate::{Error, Result};

/// How much data to make, and whether to plant fraud patterns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScenarioOptions {
    /// People receiving payments; each gets up to six monthly payments.
    pub persons: usize,
    /// Personal assistants, each reporting time for 14 days.
    pub assistants: usize,
    /// Associations with grants, each over four years.
    pub associations: usize,
    /// Plant one case of every pattern.
    pub plant: bool,
    /// Seed of the generator; the same options give the same data.
    pub seed: u64,
}

impl Default for ScenarioOptions {
    fn default() -> Self {
        Self {
            persons: 400,
            assistants: 40,
            associations: 30,
            plant: true,
            seed: 2025,
        }
    }
}

/// One generated data set as CSV.
#[derive(Debug, Clone, PartialEq)]
pub struct SampleFile {
    /// Data set name.
    pub name: String,
    /// Its schema.
    pub schema: Schema,
    /// The CSV text with a header row.
    pub csv: String,
}

/// A planted case: the rule it must trip and the records it must flag.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlantedCase {
    /// The rule.
    pub rule: String,
    /// What was planted, in Swedish.
    pub description: String,
    /// Ids of the records that must be flagged.
    pub records: Vec<String>,
}

/// Generated data sets and the cases planted in them.
#[derive(Debug, Clone, PartialEq)]
pub struct Scenario {
    /// The data sets.
    pub files: Vec<SampleFile>,
    /// The planted cases; empty for clean data.
    pub planted: Vec<PlantedCase>,
}

impl Scenario {
    /// Generates data as `options` say.
    pub fn generate(options: &ScenarioOptions) -> Result<Self> {
        generate::scenario(options)
    }

    /// Every flag the planted cases must produce.
    pub fn expected(&self) -> Vec<ExpectedFlag> {
        self.planted
            .iter()
            .flat_map(|case| {
                case.records
                    .iter()
                    .map(|r| ExpectedFlag::new(case.rule.clone(), r.clone()))
            })
            .collect()
    }

    /// The data sets read into memory (through the CSV reader).
    pub fn load(&self) -> Result<DataSets> {
        let mut data = DataSets::new();
        for file in &self.files {
            data.load_csv(&file.name, file.csv.as_bytes(), file.schema.clone())?;
        }
        Ok(data)
    }

    /// The data set `name`.
    pub fn file(&self, name: &str) -> Option<&SampleFile> {
        self.files.iter().find(|f| f.name == name)
    }

    /// Writes each data set to `dir/<name>.csv`.
    pub fn write_to(&self, dir: &Path) -> Result<()> {
        let io = |e: std::io::Error| Error::InvalidValue {
            field: "output folder",
            value: dir.display().to_string(),
            reason: e.to_string(),
        };
        std::fs::create_dir_all(dir).map_err(io)?;
        for file in &self.files {
            std::fs::write(dir.join(format!("{}.csv", file.name)), &file.csv).map_err(io)?;
        }
        Ok(())
    }
}
