//! Rules as SQL, for a municipality that runs its controls on a distributed SQL engine.
//!
//! Each rule becomes one `SELECT` that returns the flagged records of its data set with
//! three extra columns: `rule_name`, `rule_version` and `score`. Tables are named after the
//! data sets, columns after the schema. Group rules become a join with a grouped
//! sub-query, join rules an `EXISTS` sub-query.
//!
//! Differences to keep in mind: `matches()` uses each engine's own regular-expression
//! dialect (Rust `regex` syntax here), which agree on ordinary patterns but not on every
//! feature; a comparison with a missing value under `not` is true in the Rust engine but
//! unknown (so not flagged) in SQL; and date columns compare with date strings, which
//! Trino needs written as `DATE '…'` (compare date columns with date columns there).

use std::cell::RefCell;
use std::fmt::Write;

use super::language::{
    AggregateFunction, BinaryOp, Body, Expr, Function, Literal, RuleDef, UnaryOp,
};
use crate::{Error, Result};

mod literal;

pub(crate) use literal::comment_text;
pub use literal::{Dialect, SqlError};

/// The SQL of one rule, as one statement ending in `;`.
///
/// ```
/// use lantero_fraudfinder::controls::language::parse;
/// use lantero_fraudfinder::controls::sql::{rule_to_sql, Dialect};
///
/// let rule = &parse(r#"rule "stort_belopp" v1 on payments:
///     amount > 30000 and kind == "ekonomiskt_bistand" => score 40"#)?[0];
/// assert_eq!(
///     rule_to_sql(rule, Dialect::Postgres)?,
///     "SELECT \"payments\".*, 'stort_belopp' AS rule_name, 1 AS rule_version, 40 AS score\n\
///      FROM \"payments\"\n\
///      WHERE ((\"payments\".\"amount\" > 30000) AND (\"payments\".\"kind\" = 'ekonomiskt_bistand'));"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// Every string and name is escaped for `dialect` (see [`Dialect::string_literal`]); text
/// that no engine can carry, a NUL character, is refused with [`Error::Sql`].
pub fn rule_to_sql(rule: &RuleDef, dialect: Dialect) -> Result<String> {
    let w = Writer {
        dialect,
        main: &rule.dataset,
        error: RefCell::new(None),
    };
    let sql = w.rule(rule);
    match w.error.into_inner() {
        Some(error) => Err(Error::Sql {
            rule: rule.name.clone(),
            error,
        }),
        None => Ok(sql),
    }
}

/// Writes the SQL; an unrepresentable string leaves a placeholder and its error in
/// `error`, so that the many places writing names need not each return a `Result`.
struct Writer<'a> {
    dialect: Dialect,
    main: &'a str,
    error: RefCell<Option<SqlError>>,
}

impl Writer<'_> {
    fn quote(&self, name: &str) -> String {
        self.dialect
            .identifier(name)
            .unwrap_or_else(|e| self.fail(e))
    }

    fn text(&self, text: &str) -> String {
        self.dialect
            .string_literal(text)
            .unwrap_or_else(|e| self.fail(e))
    }

    fn fail(&self, error: SqlError) -> String {
        self.error.borrow_mut().get_or_insert(error);
        "NULL".to_owned()
    }

    fn rule(&self, rule: &RuleDef) -> String {
        let main = self.quote(&rule.dataset);
        let mut sql = format!(
            "SELECT {main}.*, {} AS rule_name, {} AS rule_version, {} AS score\nFROM {main}",
            self.text(&rule.name),
            rule.version,
            rule.score
        );
        let filter = rule.filter.as_ref().map(|f| self.expr(f));
        match (&rule.body, &rule.join) {
            (
                Body::Group {
                    aggregate,
                    by,
                    op,
                    threshold,
                },
                _,
            ) => {
                let keys: Vec<String> = by
                    .iter()
                    .enumerate()
                    .map(|(i, k)| {
                        format!(
                            "{main}.{} AS {}",
                            self.quote(k),
                            self.quote(&format!("k{i}"))
                        )
                    })
                    .collect();
                let function = match aggregate.function {
                    AggregateFunction::Count => "COUNT",
                    AggregateFunction::Sum => "SUM",
                    AggregateFunction::Avg => "AVG",
                    AggregateFunction::Min => "MIN",
                    AggregateFunction::Max => "MAX",
                };
                let argument = match &aggregate.column {
                    Some(c) if aggregate.distinct => format!("DISTINCT {main}.{}", self.quote(c)),
                    Some(c) => format!("{main}.{}", self.quote(c)),
                    None => "*".to_owned(),
                };
                let group_by: Vec<String> = by
                    .iter()
                    .map(|k| format!("{main}.{}", self.quote(k)))
                    .collect();
                let _ = write!(sql, "\nJOIN (SELECT {} FROM {main}", keys.join(", "));
                if let Some(filter) = &filter {
                    let _ = write!(sql, " WHERE {filter}");
                }
                let _ = write!(
                    sql,
                    " GROUP BY {} HAVING {function}({argument}) {} {}) AS g\n  ON ",
                    group_by.join(", "),
                    sql_op(*op),
                    number(*threshold)
                );
                let on: Vec<String> = by
                    .iter()
                    .enumerate()
                    .map(|(i, k)| {
                        format!(
                            "{main}.{} = g.{}",
                            self.quote(k),
                            self.quote(&format!("k{i}"))
                        )
                    })
                    .collect();
                sql.push_str(&on.join(" AND "));
                if let Some(filter) = &filter {
                    let _ = write!(sql, "\nWHERE {filter}");
                }
            }
            (Body::Row { condition }, None) => {
                let condition = self.expr(condition);
                match &filter {
                    Some(filter) => {
                        let _ = write!(sql, "\nWHERE {filter} AND {condition}");
                    }
                    None => {
                        let _ = write!(sql, "\nWHERE {condition}");
                    }
                }
            }
            (Body::Row { condition }, Some(join)) => {
                let joined = self.quote(&join.dataset);
                let name = self.quote(join.name());
                let mut from = joined.clone();
                if let Some(alias) = &join.alias {
                    let _ = write!(from, " AS {}", self.quote(alias));
                }
                let mut parts: Vec<String> = join
                    .keys
                    .iter()
                    .map(|k| format!("{name}.{} = {main}.{}", self.quote(k), self.quote(k)))
                    .collect();
                if let Some(c) = &join.condition {
                    parts.push(self.expr(c));
                }
                parts.push(self.expr(condition));
                let exists = format!(
                    "EXISTS (SELECT 1 FROM {from} WHERE {})",
                    parts.join(" AND ")
                );
                match &filter {
                    Some(filter) => {
                        let _ = write!(sql, "\nWHERE {filter} AND {exists}");
                    }
                    None => {
                        let _ = write!(sql, "\nWHERE {exists}");
                    }
                }
            }
        }
        sql.push(';');
        sql
    }

    fn expr(&self, expr: &Expr) -> String {
        let q = |n: &str| self.quote(n);
        match expr {
            Expr::Literal { value } => self.literal(value),
            Expr::Column { qualifier, name } => {
                format!(
                    "{}.{}",
                    q(qualifier.as_deref().unwrap_or(self.main)),
                    q(name)
                )
            }
            Expr::Unary {
                op: UnaryOp::Not,
                expr,
            } => format!("(NOT {})", self.expr(expr)),
            Expr::Unary {
                op: UnaryOp::Neg,
                expr,
            } => format!("(-{})", self.expr(expr)),
            Expr::Binary {
                op: BinaryOp::Div,
                left,
                right,
            } => format!(
                "({} * 1.0 / NULLIF({}, 0))",
                self.expr(left),
                self.expr(right)
            ),
            Expr::Binary { op, left, right } => {
                format!("({} {} {})", self.expr(left), sql_op(*op), self.expr(right))
            }
            Expr::Call { function, args } => {
                let arg = |i: usize| args.get(i).map(|a| self.expr(a)).unwrap_or_default();
                match function {
                    Function::IsNull => format!("({} IS NULL)", arg(0)),
                    Function::Abs => format!("ABS({})", arg(0)),
                    Function::Matches => {
                        let pattern = arg(1);
                        match self.dialect {
                            Dialect::Sqlite => format!("({} REGEXP {pattern})", arg(0)),
                            Dialect::Postgres => format!("({} ~ {pattern})", arg(0)),
                            Dialect::Spark => format!("({} RLIKE {pattern})", arg(0)),
                            Dialect::Trino => format!("regexp_like({}, {pattern})", arg(0)),
                            Dialect::Duckdb => format!("regexp_matches({}, {pattern})", arg(0)),
                        }
                    }
                }
            }
            Expr::In {
                expr,
                list,
                negated,
            } => {
                let values: Vec<String> = list.iter().map(|v| self.literal(v)).collect();
                let not = if *negated { "NOT " } else { "" };
                format!("({} {not}IN ({}))", self.expr(expr), values.join(", "))
            }
        }
    }

    fn literal(&self, value: &Literal) -> String {
        match value {
            Literal::Number(n) => number(*n),
            Literal::Text(t) => self.text(t),
            Literal::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_owned(),
        }
    }
}

fn sql_op(op: BinaryOp) -> &'static str {
    match op {
        BinaryOp::Or => "OR",
        BinaryOp::And => "AND",
        BinaryOp::Eq => "=",
        BinaryOp::Ne => "<>",
        other => other.symbol(),
    }
}

fn number(n: f64) -> String {
    let text = if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{n:.0}")
    } else {
        format!("{n}")
    };
    if n < 0.0 { format!("({text})") } else { text }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::controls::language::parse;

    fn sql(source: &str, dialect: Dialect) -> String {
        rule_to_sql(&parse(source).unwrap()[0], dialect).unwrap()
    }

    #[test]
    fn group_rules_join_a_grouped_subquery() {
        assert_eq!(
            sql(
                r#"rule "samma_konto" v2 on payments where kind == "eb":
                   count(distinct applicant_id) by (bank_account) >= 2 => score 60"#,
                Dialect::Sqlite
            ),
            "SELECT \"payments\".*, 'samma_konto' AS rule_name, 2 AS rule_version, 60 AS score\n\
             FROM \"payments\"\n\
             JOIN (SELECT \"payments\".\"bank_account\" AS \"k0\" FROM \"payments\" \
             WHERE (\"payments\".\"kind\" = 'eb') GROUP BY \"payments\".\"bank_account\" \
             HAVING COUNT(DISTINCT \"payments\".\"applicant_id\") >= 2) AS g\n  \
             ON \"payments\".\"bank_account\" = g.\"k0\"\n\
             WHERE (\"payments\".\"kind\" = 'eb');"
        );
    }

    #[test]
    fn join_rules_use_exists_and_aliases() {
        assert_eq!(
            sql(
                r#"rule "medlemmar" on associations join associations as prev on association_id
                   where prev.year == associations.year - 1:
                   members >= prev.members * 2 => score 50"#,
                Dialect::Spark
            ),
            "SELECT `associations`.*, 'medlemmar' AS rule_name, 1 AS rule_version, 50 AS score\n\
             FROM `associations`\n\
             WHERE EXISTS (SELECT 1 FROM `associations` AS `prev` WHERE \
             `prev`.`association_id` = `associations`.`association_id` AND \
             (`prev`.`year` = (`associations`.`year` - 1)) AND \
             (`associations`.`members` >= (`prev`.`members` * 2)));"
        );
    }

    #[test]
    fn functions_follow_the_dialect() {
        let rule = r#"rule "r" on p: matches(ref, "^kont") and not is_null(x) and abs(a / b) > 1.5
                      and k not in ("a", "o'b") => score 1"#;
        let postgres = sql(rule, Dialect::Postgres);
        assert!(postgres.contains("(\"p\".\"ref\" ~ '^kont')"), "{postgres}");
        assert!(
            postgres.contains("(NOT (\"p\".\"x\" IS NULL))"),
            "{postgres}"
        );
        assert!(postgres.contains("ABS((\"p\".\"a\" * 1.0 / NULLIF(\"p\".\"b\", 0))) > 1.5"));
        assert!(
            postgres.contains("(\"p\".\"k\" NOT IN ('a', 'o''b'))"),
            "{postgres}"
        );
        assert!(sql(rule, Dialect::Trino).contains("regexp_like(\"p\".\"ref\", '^kont')"));
        assert!(sql(rule, Dialect::Sqlite).contains("(\"p\".\"ref\" REGEXP '^kont')"));
    }
}
