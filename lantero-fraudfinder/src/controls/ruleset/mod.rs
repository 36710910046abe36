//! Versioned rule sets: language rules and custom rules side by side, their file form and
//! SQL; test runs and changes between versions are in the submodules.

mod changes;
mod test_run;

pub use changes::RuleChange;
pub use test_run::{ExpectedFlag, TestRun};

use std::fmt;
use std::sync::Arc;

use lantero_core::registry::Registry;
use serde::{Deserialize, Serialize};

use crate::controls::data::{BatchSource, DataSets};
use crate::controls::engine::{Plan, RunReport};
use crate::controls::language::{RuleDef, parse};
use crate::controls::queue::Thresholds;
use crate::controls::rule::ControlRule;
use crate::controls::sql::{Dialect, comment_text, rule_to_sql};
use crate::{Error, Result};

/// The `schema` string of a rule-set file.
pub const RULESET_SCHEMA: &str = "lantero.ruleset/v1";

/// A rule in a rule set.
#[derive(Clone)]
pub enum RuleEntry {
    /// A rule in the rule language.
    Language(Box<RuleDef>),
    /// A rule implemented in code (Rust, or Python through the bindings).
    Custom(Arc<dyn ControlRule>),
}

impl RuleEntry {
    /// The rule's name.
    pub fn name(&self) -> &str {
        match self {
            Self::Language(r) => &r.name,
            Self::Custom(r) => r.name(),
        }
    }

    /// The rule's version.
    pub fn version(&self) -> u32 {
        match self {
            Self::Language(r) => r.version,
            Self::Custom(r) => r.version(),
        }
    }
}

impl fmt::Debug for RuleEntry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Language(r) => f.debug_tuple("Language").field(&r.name).finish(),
            Self::Custom(r) => f.debug_tuple("Custom").field(&r.name()).finish(),
        }
    }
}

/// A versioned set of control rules with its queue thresholds.
///
/// ```
/// use lantero_fraudfinder::controls::{data::DataSets, RuleSet};
///
/// let rules = RuleSet::parse("utbetalningar", "2025.1", r#"
///     rule "stort_belopp" v1 on payments: amount > 30000 => score 40
/// "#)?;
/// let mut data = DataSets::new();
/// let csv = "id,amount\nu1,1200\nu2,45000\n";
/// data.load_csv("payments", csv.as_bytes(), "id:text, amount:number".parse()?)?;
/// let report = rules.run(&mut data)?;
/// assert_eq!(report.flags.len(), 1);
/// assert_eq!(report.flags[0].record_label(), "u2");
/// # Ok::<(), lantero_fraudfinder::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct RuleSet {
    /// Stable id.
    pub id: String,
    /// Version of the whole set, e.g. `"2025.2"`.
    pub version: String,
    /// What the set is for.
    pub description: String,
    /// Review and escalation thresholds.
    pub thresholds: Thresholds,
    rules: Vec<RuleEntry>,
}

/// The file form: language rules as text, custom rules by name.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleSetFile {
    schema: String,
    id: String,
    version: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    thresholds: Thresholds,
    source: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    custom: Vec<String>,
}

impl RuleSet {
    /// A rule set of the rules in `source` (rule-language text), default thresholds.
    pub fn parse(id: &str, version: &str, source: &str) -> Result<Self> {
        let mut set = Self {
            id: id.to_owned(),
            version: version.to_owned(),
            description: String::new(),
            thresholds: Thresholds::default(),
            rules: Vec::new(),
        };
        set.add_source(source)?;
        Ok(set)
    }

    /// Adds the rules in `source`; names must stay unique.
    pub fn add_source(&mut self, source: &str) -> Result<()> {
        let rules = parse(source).map_err(|error| Error::RuleSyntax {
            source_name: self.id.clone(),
            error,
        })?;
        for rule in rules {
            self.check_new(&rule.name)?;
            self.rules.push(RuleEntry::Language(Box::new(rule)));
        }
        Ok(())
    }

    /// Adds a custom rule beside the language rules.
    pub fn add_custom(&mut self, rule: Arc<dyn ControlRule>) -> Result<()> {
        self.check_new(rule.name())?;
        self.rules.push(RuleEntry::Custom(rule));
        Ok(())
    }

    /// Adds the custom rule registered under `name`.
    pub fn add_registered(
        &mut self,
        registry: &Registry<dyn ControlRule>,
        name: &str,
    ) -> Result<()> {
        self.add_custom(registry.get(name)?)
    }

    fn check_new(&self, name: &str) -> Result<()> {
        if self.rules.iter().any(|r| r.name() == name) {
            return Err(Error::Duplicate {
                what: "rule",
                id: name.to_owned(),
            });
        }
        Ok(())
    }

    /// The rules, in order.
    pub fn rules(&self) -> &[RuleEntry] {
        &self.rules
    }

    /// The language rules as canonical text.
    pub fn source(&self) -> String {
        let texts: Vec<String> = self
            .rules
            .iter()
            .filter_map(|r| match r {
                RuleEntry::Language(rule) => Some(rule.to_string()),
                RuleEntry::Custom(_) => None,
            })
            .collect();
        texts.join("\n\n")
    }

    /// The set as JSON with schema [`RULESET_SCHEMA`]; custom rules are listed by name.
    pub fn to_json(&self) -> Result<String> {
        let file = RuleSetFile {
            schema: RULESET_SCHEMA.to_owned(),
            id: self.id.clone(),
            version: self.version.clone(),
            description: self.description.clone(),
            thresholds: self.thresholds,
            source: self.source(),
            custom: self
                .rules
                .iter()
                .filter(|r| matches!(r, RuleEntry::Custom(_)))
                .map(|r| r.name().to_owned())
                .collect(),
        };
        serde_json::to_string_pretty(&file).map_err(|e| Error::InvalidValue {
            field: "rule set",
            value: self.id.clone(),
            reason: e.to_string(),
        })
    }

    /// Reads a set written by [`RuleSet::to_json`]; custom rules are taken from `registry`.
    pub fn from_json(json: &str, registry: &Registry<dyn ControlRule>) -> Result<Self> {
        let file: RuleSetFile = serde_json::from_str(json).map_err(|e| Error::InvalidValue {
            field: "rule set",
            value: json.chars().take(40).collect(),
            reason: e.to_string(),
        })?;
        if file.schema != RULESET_SCHEMA {
            return Err(Error::InvalidValue {
                field: "rule set schema",
                value: file.schema,
                reason: format!("expected {RULESET_SCHEMA:?}"),
            });
        }
        let mut set = Self::parse(&file.id, &file.version, &file.source)?;
        set.description = file.description;
        set.thresholds = Thresholds::new(file.thresholds.review, file.thresholds.escalate)?;
        for name in &file.custom {
            set.add_registered(registry, name)?;
        }
        Ok(set)
    }

    /// Compiles the set against the data sets in `data`.
    pub fn plan(&self, data: &mut DataSets) -> Result<Plan> {
        Plan::compile(self, data, None)
    }

    /// Runs every rule over the data sets in `data`.
    pub fn run(&self, data: &mut DataSets) -> Result<RunReport> {
        self.plan(data)?.run(data)
    }

    /// Runs the rules on `source`'s data set while streaming it; joined data sets must be
    /// in `data`.
    pub fn run_stream(
        &self,
        data: &mut DataSets,
        source: &mut dyn BatchSource,
    ) -> Result<RunReport> {
        let schema = source.schema().clone();
        let plan = Plan::compile(
            &self.only_dataset(source.name()),
            data,
            Some((source.name(), &schema)),
        )?;
        plan.run_stream(source, data)
    }

    fn only_dataset(&self, dataset: &str) -> Self {
        let mut set = self.clone();
        set.rules.retain(|r| match r {
            RuleEntry::Language(rule) => rule.dataset == dataset,
            RuleEntry::Custom(rule) => rule.dataset() == dataset,
        });
        set
    }

    /// Each rule that has a SQL form as `(name, statement)`, for running the statements one
    /// at a time (Spark's `spark.sql` takes one). Safer than splitting [`RuleSet::to_sql`]'s
    /// text, where a string in a rule may hold anything, `;` and comment lines included.
    ///
    /// ```
    /// use lantero_fraudfinder::controls::{Dialect, RuleSet};
    ///
    /// let rules = RuleSet::parse("r", "1", r#"rule "a" on p: kind == "x;" => score 1"#)?;
    /// let statements = rules.sql_statements(Dialect::Spark)?;
    /// assert_eq!(statements[0].0, "a");
    /// assert!(statements[0].1.ends_with("= 'x;');"));
    /// # Ok::<(), lantero_fraudfinder::Error>(())
    /// ```
    pub fn sql_statements(&self, dialect: Dialect) -> Result<Vec<(String, String)>> {
        let mut out = Vec::new();
        for rule in &self.rules {
            let sql = match rule {
                RuleEntry::Language(r) => Some(rule_to_sql(r, dialect)?),
                RuleEntry::Custom(r) => r.to_sql(dialect),
            };
            if let Some(sql) = sql {
                out.push((rule.name().to_owned(), sql));
            }
        }
        Ok(out)
    }

    /// Every rule as SQL, one statement each, with a comment naming the rule; custom
    /// rules without a SQL form are listed in a comment. Names in comments are escaped so
    /// that a newline in one cannot end the comment.
    ///
    /// ```
    /// use lantero_fraudfinder::controls::{Dialect, RuleSet};
    ///
    /// let rules = RuleSet::parse("r", "1", r#"rule "a\nb" on p: kind == "x\\" => score 1"#)?;
    /// let sql = rules.to_sql(Dialect::Spark)?;
    /// assert!(sql.contains("-- regel \"a\\nb\" v1\n") && sql.contains(r"= 'x\\'"));
    /// # Ok::<(), lantero_fraudfinder::Error>(())
    /// ```
    pub fn to_sql(&self, dialect: Dialect) -> Result<String> {
        let mut out = format!(
            "-- Regeluppsättning {} version {} ({} regler)\n",
            comment_text(&self.id),
            comment_text(&self.version),
            self.rules.len()
        );
        for rule in &self.rules {
            out.push('\n');
            let sql = match rule {
                RuleEntry::Language(r) => Some(rule_to_sql(r, dialect)?),
                RuleEntry::Custom(r) => r.to_sql(dialect),
            };
            let name = comment_text(rule.name());
            match sql {
                Some(sql) => {
                    out.push_str(&format!("-- regel \"{name}\" v{}\n{sql}\n", rule.version()));
                }
                None => out.push_str(&format!(
                    "-- regel \"{name}\" v{} är en egen regel utan SQL-form; kör den i Lantero\n",
                    rule.version()
                )),
            }
        }
        Ok(out)
    }
}
