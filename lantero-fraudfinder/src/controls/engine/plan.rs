//! A rule set compiled against the schemas of its data sets.

use std::sync::Arc;

use regex::Regex;

use super::compile::{Compiled, Compiler, Scope, Side};
use crate::controls::data::{ColumnType, DataSets, Schema};
use crate::controls::language::{AggregateFunction, BinaryOp, Body, Expr, RuleDef};
use crate::controls::rule::ControlRule;
use crate::controls::ruleset::{RuleEntry, RuleSet};
use crate::{Error, Result};

/// What every compiled rule carries into its flags.
#[derive(Debug, Clone)]
pub(crate) struct Common {
    pub(crate) name: String,
    pub(crate) version: u32,
    pub(crate) dataset: String,
    pub(crate) score: u32,
    pub(crate) reason: Option<String>,
    pub(crate) condition: String,
}

pub(crate) struct RowRule {
    pub(crate) common: Common,
    pub(crate) condition: Compiled,
}

pub(crate) struct GroupRule {
    pub(crate) common: Common,
    pub(crate) filter: Option<Compiled>,
    pub(crate) keys: Vec<usize>,
    pub(crate) key_labels: Vec<String>,
    pub(crate) value_column: Option<usize>,
    pub(crate) function: AggregateFunction,
    pub(crate) distinct: bool,
    pub(crate) op: BinaryOp,
    pub(crate) threshold: f64,
    pub(crate) label: String,
}

pub(crate) struct JoinRule {
    pub(crate) common: Common,
    pub(crate) filter: Option<Compiled>,
    pub(crate) table: String,
    pub(crate) main_keys: Vec<usize>,
    pub(crate) joined_keys: Vec<usize>,
    /// The join condition and the body, over (record, joined row) pairs.
    pub(crate) condition: Compiled,
}

pub(crate) enum Planned {
    Row(RowRule),
    Group(GroupRule),
    Join(JoinRule),
    Custom(Arc<dyn ControlRule>),
}

impl Planned {
    /// Name and version.
    pub(crate) fn identity(&self) -> (&str, u32) {
        match self {
            Self::Row(r) => (&r.common.name, r.common.version),
            Self::Group(r) => (&r.common.name, r.common.version),
            Self::Join(r) => (&r.common.name, r.common.version),
            Self::Custom(r) => (r.name(), r.version()),
        }
    }

    pub(crate) fn dataset(&self) -> &str {
        match self {
            Self::Row(r) => &r.common.dataset,
            Self::Group(r) => &r.common.dataset,
            Self::Join(r) => &r.common.dataset,
            Self::Custom(r) => r.dataset(),
        }
    }
}

/// A rule set compiled for a run: columns resolved, types checked, literals interned,
/// regular expressions built. Compile once, run many times over data with the same schemas.
pub struct Plan {
    pub(crate) ruleset_id: String,
    pub(crate) ruleset_version: String,
    pub(crate) rules: Vec<Planned>,
    pub(crate) regexes: Vec<Regex>,
}

impl Plan {
    /// Compiles `ruleset` against the data sets in `data`, and `streamed` (name and schema
    /// of a data set to be streamed rather than held).
    pub(crate) fn compile(
        ruleset: &RuleSet,
        data: &mut DataSets,
        streamed: Option<(&str, &Schema)>,
    ) -> Result<Self> {
        let mut plan = Self {
            ruleset_id: ruleset.id.clone(),
            ruleset_version: ruleset.version.clone(),
            rules: Vec::new(),
            regexes: Vec::new(),
        };
        for entry in ruleset.rules() {
            let planned = match entry {
                RuleEntry::Custom(rule) => Planned::Custom(Arc::clone(rule)),
                RuleEntry::Language(rule) => plan.compile_rule(rule, data, streamed)?,
            };
            plan.rules.push(planned);
        }
        Ok(plan)
    }

    /// The names of the data sets the rules flag records of, in first-use order.
    pub fn datasets(&self) -> Vec<&str> {
        let mut names: Vec<&str> = Vec::new();
        for rule in &self.rules {
            if !names.contains(&rule.dataset()) {
                names.push(rule.dataset());
            }
        }
        names
    }

    fn compile_rule(
        &mut self,
        rule: &RuleDef,
        data: &mut DataSets,
        streamed: Option<(&str, &Schema)>,
    ) -> Result<Planned> {
        let schema_of = |name: &str, data: &DataSets| -> Result<Schema> {
            match streamed {
                Some((s, schema)) if s == name => Ok(schema.clone()),
                _ => data.table(name).map(|t| t.schema().clone()),
            }
        };
        let main = schema_of(&rule.dataset, data)?;
        let joined = match &rule.join {
            Some(join) => {
                if join.name() == rule.dataset {
                    return Err(Error::RuleInvalid {
                        rule: rule.name.clone(),
                        reason: format!(
                            "joining {} to itself needs an alias, e.g. `join {} as prev`",
                            rule.dataset, join.dataset
                        ),
                    });
                }
                Some((
                    join.name().to_owned(),
                    data.table(&join.dataset)?.schema().clone(),
                ))
            }
            None => None,
        };
        let common = Common {
            name: rule.name.clone(),
            version: rule.version,
            dataset: rule.dataset.clone(),
            score: rule.score,
            reason: rule.reason.clone(),
            condition: condition_text(rule),
        };
        let scope = Scope {
            rule: &rule.name,
            main_name: &rule.dataset,
            main: &main,
            joined: joined.as_ref().map(|(n, s)| (n.as_str(), s)),
        };
        let mut compiler = Compiler::new(scope, data.interner_mut(), &mut self.regexes);
        let filter = match &rule.filter {
            Some(filter) => Some(compiler.condition(filter)?),
            None => None,
        };
        if let Some(join) = &rule.join {
            let Body::Row { condition } = &rule.body else {
                return Err(compiler.invalid("a rule with `by (...)` cannot also join".into()));
            };
            let joined_in_filter = filter
                .as_ref()
                .is_some_and(|f| f.slots.iter().any(|s| s.side == Side::Joined));
            if joined_in_filter {
                return Err(compiler.invalid(
                    "the `where` before `join` may use only the rule's own columns; put \
                     conditions on the joined row after `join ... where`"
                        .into(),
                ));
            }
            let mut main_keys = Vec::new();
            let mut joined_keys = Vec::new();
            for key in &join.keys {
                let (m, mt) = compiler.main_column(key)?;
                let (j, jt) = compiler.joined_column(key)?;
                if mt != jt {
                    return Err(compiler.invalid(format!(
                        "join key {key} is {mt} here and {jt} in {}",
                        join.dataset
                    )));
                }
                main_keys.push(m);
                joined_keys.push(j);
            }
            let pair_condition = match &join.condition {
                Some(c) => Expr::Binary {
                    op: BinaryOp::And,
                    left: Box::new(c.clone()),
                    right: Box::new(condition.clone()),
                },
                None => condition.clone(),
            };
            return Ok(Planned::Join(JoinRule {
                common,
                filter,
                table: join.dataset.clone(),
                main_keys,
                joined_keys,
                condition: compiler.condition(&pair_condition)?,
            }));
        }
        match &rule.body {
            Body::Row { condition } => {
                let condition = match &rule.filter {
                    Some(f) => Expr::Binary {
                        op: BinaryOp::And,
                        left: Box::new(f.clone()),
                        right: Box::new(condition.clone()),
                    },
                    None => condition.clone(),
                };
                Ok(Planned::Row(RowRule {
                    common,
                    condition: compiler.condition(&condition)?,
                }))
            }
            Body::Group {
                aggregate,
                by,
                op,
                threshold,
            } => {
                let keys = by
                    .iter()
                    .map(|k| compiler.main_column(k).map(|(i, _)| i))
                    .collect::<Result<Vec<_>>>()?;
                let value_column = match &aggregate.column {
                    Some(column) => {
                        let (index, ty) = compiler.main_column(column)?;
                        let counts = aggregate.function == AggregateFunction::Count;
                        if !counts && ty != ColumnType::Number {
                            return Err(compiler.invalid(format!(
                                "{}() needs a number column, {column} is {ty}",
                                aggregate.function.name()
                            )));
                        }
                        Some(index)
                    }
                    None => None,
                };
                Ok(Planned::Group(GroupRule {
                    common,
                    filter,
                    keys,
                    key_labels: by.clone(),
                    value_column,
                    function: aggregate.function,
                    distinct: aggregate.distinct,
                    op: *op,
                    threshold: *threshold,
                    label: aggregate.to_string(),
                }))
            }
        }
    }
}

/// The condition of a rule as shown in explanations: the body, then the filter and join.
fn condition_text(rule: &RuleDef) -> String {
    let mut text = rule.body.to_string();
    if let Some(filter) = &rule.filter {
        text.push_str(&format!(" [where {filter}]"));
    }
    if let Some(join) = &rule.join {
        text.push_str(&format!(
            " [join {} on ({})",
            join.name(),
            join.keys.join(", ")
        ));
        if let Some(condition) = &join.condition {
            text.push_str(&format!(" where {condition}"));
        }
        text.push(']');
    }
    text
}
