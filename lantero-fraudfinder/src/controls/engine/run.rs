//! Running a plan over one data set, batch by batch.

use std::collections::HashMap;

use super::compile::{Side, Slot};
use super::eval::{EvalContext, RegexCache};
use super::group::{AggregateSpec, Groups, NO_GROUP};
use super::key::{KeyMap, pack, unpack};
use super::plan::{Common, GroupRule, JoinRule, Plan, Planned, RowRule};
use crate::controls::data::{
    Batch, Column, ColumnRef, DataSets, NULL_BOOL, NULL_DATE, NULL_TEXT, Schema, Table, Value,
};
use crate::controls::flag::{Evidence, Flag};
use crate::controls::rule::Record;
use crate::{Error, Result};

/// Rows of a joined table by key.
type JoinIndex = KeyMap<Vec<u32>>;

/// Packed id of a record without one.
const NO_ID: u64 = u64::MAX;

/// The state of one plan over one data set.
pub(crate) struct Runner<'p> {
    plan: &'p Plan,
    dataset: String,
    schema: Schema,
    regexes: Vec<RegexCache>,
    groups: Vec<Option<Groups>>,
    joins: Vec<Option<JoinIndex>>,
    /// Packed record ids in row order, kept only when group rules need them at the end.
    ids: Vec<u64>,
    pub(crate) flags: Vec<Flag>,
    pub(crate) rows: u64,
}

impl<'p> Runner<'p> {
    /// A runner for the rules of `plan` over `dataset`; indexes the joined tables.
    pub(crate) fn new(
        plan: &'p Plan,
        dataset: &str,
        schema: &Schema,
        data: &DataSets,
    ) -> Result<Self> {
        let mut joins = Vec::with_capacity(plan.rules.len());
        let mut groups = Vec::with_capacity(plan.rules.len());
        for rule in &plan.rules {
            let mine = rule.dataset() == dataset;
            joins.push(match rule {
                Planned::Join(join) if mine => {
                    Some(index(data.table(&join.table)?, &join.joined_keys))
                }
                _ => None,
            });
            groups.push(match rule {
                Planned::Group(g) if mine => Some(Groups::new(
                    AggregateSpec {
                        function: g.function,
                        distinct: g.distinct,
                        star: g.value_column.is_none(),
                    },
                    g.keys.len(),
                )),
                _ => None,
            });
        }
        Ok(Self {
            plan,
            dataset: dataset.to_owned(),
            schema: schema.clone(),
            regexes: plan.regexes.iter().cloned().map(RegexCache::new).collect(),
            groups,
            joins,
            ids: Vec::new(),
            flags: Vec::new(),
            rows: 0,
        })
    }

    /// Runs every rule of the data set over one batch.
    pub(crate) fn batch(&mut self, batch: &Batch<'_>, data: &DataSets) -> Result<()> {
        self.rows += batch.len as u64;
        let interner = data.interner();
        let id_column = self.schema.id_column();
        if self.groups.iter().any(Option::is_some) {
            let ids = id_column.and_then(|c| batch.columns.get(c));
            self.ids
                .extend((0..batch.len).map(|i| ids.and_then(|c| pack(c, i)).unwrap_or(NO_ID)));
        }
        for (r, rule) in self.plan.rules.iter().enumerate() {
            if rule.dataset() != self.dataset {
                continue;
            }
            let mut cx = EvalContext {
                interner,
                regexes: &mut self.regexes,
            };
            match rule {
                Planned::Row(rule) => {
                    row_rule(rule, batch, &mut cx, id_column, &mut self.flags);
                }
                Planned::Group(rule) => {
                    if let Some(Some(groups)) = self.groups.get_mut(r) {
                        group_rule(rule, batch, &mut cx, groups);
                    }
                }
                Planned::Join(rule) => {
                    if let Some(Some(index)) = self.joins.get(r) {
                        let table = data.table(&rule.table)?;
                        join_rule(
                            rule,
                            batch,
                            &mut cx,
                            id_column,
                            index,
                            table,
                            &mut self.flags,
                        );
                    }
                }
                Planned::Custom(rule) => {
                    for i in 0..batch.len {
                        let record = Record {
                            schema: &self.schema,
                            batch,
                            index: i,
                            interner,
                        };
                        let hit = rule.check(&record).map_err(|e| match e {
                            e @ Error::RuleFailed { .. } => e,
                            other => Error::RuleFailed {
                                rule: rule.name().to_owned(),
                                reason: other.to_string(),
                            },
                        })?;
                        if let Some(hit) = hit {
                            self.flags.push(Flag {
                                rule: rule.name().to_owned(),
                                version: rule.version(),
                                dataset: self.dataset.clone(),
                                row: record.row(),
                                record_id: id_column
                                    .map(|c| batch.columns[c].get(i).to_value(interner)),
                                score: hit.score,
                                condition: rule.explain(&hit),
                                reason: None,
                                evidence: hit.evidence,
                            });
                        }
                    }
                }
            }
        }
        Ok(())
    }

    /// Flags the records of the groups that met their limits, and sorts the flags.
    pub(crate) fn finish(mut self, data: &DataSets) -> Vec<Flag> {
        let interner = data.interner();
        for (r, rule) in self.plan.rules.iter().enumerate() {
            let (Planned::Group(rule), Some(Some(groups))) = (rule, self.groups.get(r)) else {
                continue;
            };
            let values = groups.values();
            let passing = Groups::passing(&values, rule.op, rule.threshold);
            let fields = self.schema.fields();
            let id_type = self
                .schema
                .id_column()
                .and_then(|c| fields.get(c))
                .map(|f| f.column_type);
            for (row, group) in groups.membership.iter().enumerate() {
                if *group == NO_GROUP || !passing.get(*group as usize).copied().unwrap_or(false) {
                    continue;
                }
                let mut evidence: Vec<Evidence> = rule
                    .keys
                    .iter()
                    .zip(groups.key(*group))
                    .zip(&rule.key_labels)
                    .filter_map(|((column, packed), label)| {
                        let ty = fields.get(*column)?.column_type;
                        Some(Evidence::new(
                            label.clone(),
                            unpack(ty, *packed).to_value(interner),
                        ))
                    })
                    .collect();
                let value = values.get(*group as usize).copied().flatten();
                evidence.push(Evidence::new(
                    rule.label.clone(),
                    value.map_or(Value::Null, Value::Number),
                ));
                let id = match (self.ids.get(row), id_type) {
                    (Some(packed), Some(ty)) if *packed != NO_ID => {
                        Some(unpack(ty, *packed).to_value(interner))
                    }
                    _ => None,
                };
                self.flags
                    .push(flag(&rule.common, row as u64, id, evidence));
            }
        }
        let order: HashMap<&str, usize> = self
            .plan
            .rules
            .iter()
            .enumerate()
            .map(|(i, r)| (r.identity().0, i))
            .collect();
        self.flags.sort_by_key(|f| {
            (
                f.row,
                order.get(f.rule.as_str()).copied().unwrap_or(usize::MAX),
            )
        });
        self.flags
    }
}

fn flag(common: &Common, row: u64, record_id: Option<Value>, evidence: Vec<Evidence>) -> Flag {
    Flag {
        rule: common.name.clone(),
        version: common.version,
        dataset: common.dataset.clone(),
        row,
        record_id,
        score: common.score,
        condition: common.condition.clone(),
        reason: common.reason.clone(),
        evidence,
    }
}

fn record_id(
    batch: &Batch<'_>,
    id_column: Option<usize>,
    i: usize,
    cx: &EvalContext<'_>,
) -> Option<Value> {
    id_column
        .and_then(|c| batch.columns.get(c))
        .map(|c| c.get(i).to_value(cx.interner))
        .filter(|v| *v != Value::Null)
}

fn main_slots<'a>(slots: &[Slot], batch: &Batch<'a>) -> Vec<ColumnRef<'a>> {
    slots
        .iter()
        .filter_map(|s| batch.columns.get(s.column).copied())
        .collect()
}

fn row_rule(
    rule: &RowRule,
    batch: &Batch<'_>,
    cx: &mut EvalContext<'_>,
    id_column: Option<usize>,
    flags: &mut Vec<Flag>,
) {
    let cols = main_slots(&rule.condition.slots, batch);
    let hits = cx.predicate(&rule.condition.expr, &cols, batch.len);
    for (i, _) in hits.iter().enumerate().filter(|(_, hit)| **hit) {
        let evidence = rule
            .condition
            .slots
            .iter()
            .zip(&cols)
            .map(|(slot, col)| Evidence::new(slot.label.clone(), col.get(i).to_value(cx.interner)))
            .collect();
        let row = batch.first_row + i as u64;
        flags.push(flag(
            &rule.common,
            row,
            record_id(batch, id_column, i, cx),
            evidence,
        ));
    }
}

fn filter_mask(
    filter: Option<&super::compile::Compiled>,
    batch: &Batch<'_>,
    cx: &mut EvalContext<'_>,
) -> Vec<bool> {
    match filter {
        Some(f) => cx.predicate(&f.expr, &main_slots(&f.slots, batch), batch.len),
        None => vec![true; batch.len],
    }
}

fn group_rule(rule: &GroupRule, batch: &Batch<'_>, cx: &mut EvalContext<'_>, groups: &mut Groups) {
    let mask = filter_mask(rule.filter.as_ref(), batch, cx);
    let value_column = rule.value_column.and_then(|c| batch.columns.get(c));
    groups.add_batch(&batch.columns, &rule.keys, value_column, &mask);
}

fn join_rule(
    rule: &JoinRule,
    batch: &Batch<'_>,
    cx: &mut EvalContext<'_>,
    id_column: Option<usize>,
    index: &JoinIndex,
    table: &Table,
    flags: &mut Vec<Flag>,
) {
    let mask = filter_mask(rule.filter.as_ref(), batch, cx);
    let mut pairs: Vec<(u32, u32)> = Vec::new();
    for (i, _) in mask.iter().enumerate().filter(|(_, keep)| **keep) {
        let Some(rows) = index.get(&batch.columns, &rule.main_keys, i) else {
            continue;
        };
        pairs.extend(rows.iter().map(|r| (i as u32, *r)));
    }
    if pairs.is_empty() {
        return;
    }
    let gathered: Vec<Column> = rule
        .condition
        .slots
        .iter()
        .map(|slot| match slot.side {
            Side::Main => batch
                .columns
                .get(slot.column)
                .map_or(Column::Number(Vec::new()), |c| {
                    gather(*c, pairs.iter().map(|p| p.0))
                }),
            Side::Joined => table
                .column(slot.column)
                .map_or(Column::Number(Vec::new()), |c| {
                    gather(c.as_ref(), pairs.iter().map(|p| p.1))
                }),
        })
        .collect();
    let cols: Vec<ColumnRef<'_>> = gathered.iter().map(Column::as_ref).collect();
    let hits = cx.predicate(&rule.condition.expr, &cols, pairs.len());
    let mut last_flagged: Option<u32> = None;
    for (p, (i, _)) in pairs.iter().enumerate() {
        if !hits[p] || last_flagged == Some(*i) {
            continue;
        }
        last_flagged = Some(*i);
        let evidence = rule
            .condition
            .slots
            .iter()
            .zip(&cols)
            .map(|(slot, col)| Evidence::new(slot.label.clone(), col.get(p).to_value(cx.interner)))
            .collect();
        let i = *i as usize;
        let row = batch.first_row + i as u64;
        flags.push(flag(
            &rule.common,
            row,
            record_id(batch, id_column, i, cx),
            evidence,
        ));
    }
}

/// The rows of `table` by the values of `keys`.
fn index(table: &Table, keys: &[usize]) -> JoinIndex {
    let cols: Vec<ColumnRef<'_>> = (0..table.schema().len())
        .filter_map(|c| table.column(c).map(Column::as_ref))
        .collect();
    let mut index = JoinIndex::new(keys.len());
    for row in 0..table.rows() {
        if let Some(rows) = index.entry(&cols, keys, row, |_| Vec::new()) {
            rows.push(row as u32);
        }
    }
    index
}

/// The values of `column` at `rows`, in order.
fn gather(column: ColumnRef<'_>, rows: impl Iterator<Item = u32>) -> Column {
    fn pick<T: Copy>(values: &[T], rows: impl Iterator<Item = u32>, missing: T) -> Vec<T> {
        rows.map(|r| values.get(r as usize).copied().unwrap_or(missing))
            .collect()
    }
    match column {
        ColumnRef::Number(v) => Column::Number(pick(v, rows, f64::NAN)),
        ColumnRef::Text(v) => Column::Text(pick(v, rows, NULL_TEXT)),
        ColumnRef::Date(v) => Column::Date(pick(v, rows, NULL_DATE)),
        ColumnRef::Bool(v) => Column::Bool(pick(v, rows, NULL_BOOL)),
    }
}
