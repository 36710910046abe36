//! The syntax tree of the rule language; its canonical text form is in `print.rs`.

use serde::{Deserialize, Serialize};

use super::Position;

/// One control rule as written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RuleDef {
    /// The rule's name, unique within a rule set.
    pub name: String,
    /// The rule's version; raised whenever its logic changes.
    pub version: u32,
    /// The data set the rule flags records of.
    pub dataset: String,
    /// A data set joined to each record, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub join: Option<Join>,
    /// Records considered at all (`where` before the colon).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filter: Option<Expr>,
    /// The condition that flags a record.
    pub body: Body,
    /// Points a flagged record gets from this rule.
    pub score: u32,
    /// A Swedish sentence for the caseworker, e.g. why the pattern matters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// Where the rule starts in its source text.
    #[serde(skip)]
    pub position: Option<Position>,
}

/// A join: each record is matched against rows of another data set with equal keys.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Join {
    /// The joined data set.
    pub dataset: String,
    /// The name its columns go by in the rule; the data set name when not given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alias: Option<String>,
    /// Columns with the same name on both sides that must be equal.
    pub keys: Vec<String>,
    /// A further condition on the pair, e.g. `income.month == payments.month`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub condition: Option<Expr>,
}

impl Join {
    /// The name the joined columns are qualified with.
    pub fn name(&self) -> &str {
        self.alias.as_deref().unwrap_or(&self.dataset)
    }
}

/// What a rule tests.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Body {
    /// A condition on each record (and its joined row).
    Row {
        /// The condition.
        condition: Expr,
    },
    /// A condition on groups of records: every record of a group that meets it is flagged.
    Group {
        /// The aggregate computed per group.
        aggregate: Aggregate,
        /// The columns that form a group.
        by: Vec<String>,
        /// How the aggregate is compared.
        op: BinaryOp,
        /// The limit it is compared with.
        threshold: f64,
    },
}

/// An aggregate over a group, e.g. `count(distinct applicant_id)` or `sum(hours)`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Aggregate {
    /// The function.
    pub function: AggregateFunction,
    /// Count distinct values only (for `count`).
    #[serde(default)]
    pub distinct: bool,
    /// The column; `None` for `count(*)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column: Option<String>,
}

/// Aggregate functions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AggregateFunction {
    /// Number of records (or of distinct values).
    Count,
    /// Sum of a number column.
    Sum,
    /// Mean of a number column.
    Avg,
    /// Smallest value of a number column.
    Min,
    /// Largest value of a number column.
    Max,
}

impl AggregateFunction {
    /// The name in rule text.
    pub fn name(self) -> &'static str {
        match self {
            Self::Count => "count",
            Self::Sum => "sum",
            Self::Avg => "avg",
            Self::Min => "min",
            Self::Max => "max",
        }
    }

    /// The function named `name`, if any.
    pub fn from_name(name: &str) -> Option<Self> {
        [Self::Count, Self::Sum, Self::Avg, Self::Min, Self::Max]
            .into_iter()
            .find(|f| f.name() == name)
    }
}

/// An expression over the columns of a record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Expr {
    /// A constant.
    Literal {
        /// The value.
        value: Literal,
    },
    /// A column, optionally qualified by data set or alias: `amount`, `income.month`.
    Column {
        /// The data set or alias, if written.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        qualifier: Option<String>,
        /// The column name.
        name: String,
    },
    /// `not x` or `-x`.
    Unary {
        /// The operator.
        op: UnaryOp,
        /// The operand.
        expr: Box<Expr>,
    },
    /// `a op b`.
    Binary {
        /// The operator.
        op: BinaryOp,
        /// Left operand.
        left: Box<Expr>,
        /// Right operand.
        right: Box<Expr>,
    },
    /// `matches(x, "regex")`, `is_null(x)`, `abs(x)`.
    Call {
        /// The function.
        function: Function,
        /// The arguments.
        args: Vec<Expr>,
    },
    /// `x in ("a", "b")`, or `x not in (...)`.
    In {
        /// The tested value.
        expr: Box<Expr>,
        /// The allowed (or, negated, the excluded) values.
        list: Vec<Literal>,
        /// `not in`.
        negated: bool,
    },
}

/// A constant value in rule text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Literal {
    /// A number.
    Number(f64),
    /// A text; also used for dates (`"2025-03-01"`) compared with date columns.
    Text(String),
    /// `true` or `false`.
    Bool(bool),
}

/// Unary operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnaryOp {
    /// `not`.
    Not,
    /// `-`.
    Neg,
}

/// Binary operators, lowest precedence first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BinaryOp {
    /// `or`.
    Or,
    /// `and`.
    And,
    /// `==`.
    Eq,
    /// `!=`.
    Ne,
    /// `<`.
    Lt,
    /// `<=`.
    Le,
    /// `>`.
    Gt,
    /// `>=`.
    Ge,
    /// `+`.
    Add,
    /// `-`.
    Sub,
    /// `*`.
    Mul,
    /// `/`.
    Div,
}

impl BinaryOp {
    /// The operator as written in rule text.
    pub fn symbol(self) -> &'static str {
        match self {
            Self::Or => "or",
            Self::And => "and",
            Self::Eq => "==",
            Self::Ne => "!=",
            Self::Lt => "<",
            Self::Le => "<=",
            Self::Gt => ">",
            Self::Ge => ">=",
            Self::Add => "+",
            Self::Sub => "-",
            Self::Mul => "*",
            Self::Div => "/",
        }
    }

    /// Whether the operator compares (`==` … `>=`).
    pub fn is_comparison(self) -> bool {
        matches!(
            self,
            Self::Eq | Self::Ne | Self::Lt | Self::Le | Self::Gt | Self::Ge
        )
    }

    /// The comparison operator written by `symbol`, if any.
    pub fn comparison(symbol: &str) -> Option<Self> {
        [Self::Eq, Self::Ne, Self::Lt, Self::Le, Self::Gt, Self::Ge]
            .into_iter()
            .find(|op| op.symbol() == symbol)
    }

    /// Compares two numbers the way the operator does.
    pub fn compare(self, a: f64, b: f64) -> bool {
        match self {
            Self::Eq => a == b,
            Self::Ne => a != b,
            Self::Lt => a < b,
            Self::Le => a <= b,
            Self::Gt => a > b,
            Self::Ge => a >= b,
            _ => false,
        }
    }
}

/// Scalar functions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Function {
    /// `matches(text, "regex")`: the regular expression (Rust `regex` syntax) matches
    /// somewhere in the text; anchor with `^…$` for a full match.
    Matches,
    /// `is_null(x)`: the value is missing.
    IsNull,
    /// `abs(x)`: absolute value of a number.
    Abs,
}

impl Function {
    /// The name in rule text.
    pub fn name(self) -> &'static str {
        match self {
            Self::Matches => "matches",
            Self::IsNull => "is_null",
            Self::Abs => "abs",
        }
    }

    /// The function named `name`, if any.
    pub fn from_name(name: &str) -> Option<Self> {
        [Self::Matches, Self::IsNull, Self::Abs]
            .into_iter()
            .find(|f| f.name() == name)
    }
}

impl RuleDef {
    /// Every column the rule reads, as (qualifier, name), in first-use order without
    /// repeats; unqualified columns belong to the rule's data set.
    pub fn columns(&self) -> Vec<(Option<String>, String)> {
        let mut out: Vec<(Option<String>, String)> = Vec::new();
        let mut add = |q: Option<&str>, n: &str| {
            let entry = (q.map(str::to_owned), n.to_owned());
            if !out.contains(&entry) {
                out.push(entry);
            }
        };
        let mut visit = |e: &Expr| e.walk_columns(&mut add);
        if let Some(filter) = &self.filter {
            visit(filter);
        }
        match &self.body {
            Body::Row { condition } => visit(condition),
            Body::Group { .. } => {}
        }
        if let Some(condition) = self.join.as_ref().and_then(|j| j.condition.as_ref()) {
            visit(condition);
        }
        out
    }
}

impl Expr {
    /// Calls `f` with (qualifier, name) of every column in the expression.
    pub fn walk_columns(&self, f: &mut impl FnMut(Option<&str>, &str)) {
        match self {
            Self::Literal { .. } => {}
            Self::Column { qualifier, name } => f(qualifier.as_deref(), name),
            Self::Unary { expr, .. } | Self::In { expr, .. } => expr.walk_columns(f),
            Self::Binary { left, right, .. } => {
                left.walk_columns(f);
                right.walk_columns(f);
            }
            Self::Call { args, .. } => args.iter().for_each(|a| a.walk_columns(f)),
        }
    }
}
