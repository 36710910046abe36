//! Type-checks rule expressions against schemas and turns them into evaluable trees.

use regex::Regex;

use crate::controls::data::{ColumnType, Interner, Scalar, Schema, parse_date};
use crate::controls::language::{BinaryOp, Expr, Function, Literal, UnaryOp};
use crate::{Error, Result};

/// Which side of a (possibly joined) record a column comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Side {
    Main,
    Joined,
}

/// A column an expression reads, in the order slots are numbered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Slot {
    pub(crate) side: Side,
    pub(crate) column: usize,
    /// The name shown in explanations: `amount`, `income.month`.
    pub(crate) label: String,
}

/// A type-checked expression.
#[derive(Debug, Clone)]
pub(crate) enum CExpr {
    Slot(usize),
    Const(Scalar),
    Not(Box<CExpr>),
    Neg(Box<CExpr>),
    And(Box<CExpr>, Box<CExpr>),
    Or(Box<CExpr>, Box<CExpr>),
    Compare(BinaryOp, ColumnType, Box<CExpr>, Box<CExpr>),
    Arith(BinaryOp, Box<CExpr>, Box<CExpr>),
    Matches(Box<CExpr>, usize),
    IsNull(Box<CExpr>),
    Abs(Box<CExpr>),
    In {
        expr: Box<CExpr>,
        set: Vec<Scalar>,
        negated: bool,
    },
}

/// An expression with the columns it reads.
#[derive(Debug, Clone)]
pub(crate) struct Compiled {
    pub(crate) expr: CExpr,
    pub(crate) slots: Vec<Slot>,
}

/// What names resolve to while compiling one rule.
pub(crate) struct Scope<'a> {
    pub(crate) rule: &'a str,
    pub(crate) main_name: &'a str,
    pub(crate) main: &'a Schema,
    /// Qualifier and schema of the joined data set.
    pub(crate) joined: Option<(&'a str, &'a Schema)>,
}

/// Compiles expressions of one rule, collecting slots, regexes and interned literals.
pub(crate) struct Compiler<'a> {
    scope: Scope<'a>,
    interner: &'a mut Interner,
    regexes: &'a mut Vec<Regex>,
    slots: Vec<Slot>,
}

impl<'a> Compiler<'a> {
    pub(crate) fn new(
        scope: Scope<'a>,
        interner: &'a mut Interner,
        regexes: &'a mut Vec<Regex>,
    ) -> Self {
        Self {
            scope,
            interner,
            regexes,
            slots: Vec::new(),
        }
    }

    /// Compiles a condition, which must be yes/no; slots start afresh.
    pub(crate) fn condition(&mut self, expr: &Expr) -> Result<Compiled> {
        self.slots.clear();
        let (expr, ty) = self.compile(expr)?;
        if ty != ColumnType::Bool {
            return Err(self.invalid(format!("the condition is a {ty}, not yes/no")));
        }
        Ok(Compiled {
            expr,
            slots: std::mem::take(&mut self.slots),
        })
    }

    /// Resolves a column of the rule's own data set.
    pub(crate) fn main_column(&self, name: &str) -> Result<(usize, ColumnType)> {
        self.resolve(None, name)
            .and_then(|(side, index, ty)| match side {
                Side::Main => Ok((index, ty)),
                Side::Joined => {
                    Err(self.invalid(format!("{name} is not a column of the data set")))
                }
            })
    }

    /// Resolves a column of the joined data set.
    pub(crate) fn joined_column(&self, name: &str) -> Result<(usize, ColumnType)> {
        let Some((qualifier, schema)) = self.scope.joined else {
            return Err(self.invalid("the rule has no join".into()));
        };
        schema
            .index_of(name)
            .map(|i| (i, schema.fields()[i].column_type))
            .ok_or_else(|| self.invalid(format!("{qualifier} has no column {name:?}")))
    }

    pub(crate) fn invalid(&self, reason: String) -> Error {
        Error::RuleInvalid {
            rule: self.scope.rule.to_owned(),
            reason,
        }
    }

    fn resolve(&self, qualifier: Option<&str>, name: &str) -> Result<(Side, usize, ColumnType)> {
        let joined = self.scope.joined.filter(|(j, _)| qualifier == Some(*j));
        let (side, schema, shown) = match (joined, qualifier) {
            (Some((j, schema)), _) => (Side::Joined, schema, j),
            (None, None) => (Side::Main, self.scope.main, self.scope.main_name),
            (None, Some(q)) if q == self.scope.main_name => (Side::Main, self.scope.main, q),
            (None, Some(q)) => {
                return Err(self.invalid(format!(
                    "{q:?} is neither the rule's data set nor a joined one"
                )));
            }
        };
        let index = schema.index_of(name).ok_or_else(|| {
            let known: Vec<&str> = schema.fields().iter().map(|f| f.name.as_str()).collect();
            self.invalid(format!(
                "{shown} has no column {name:?} (it has: {})",
                known.join(", ")
            ))
        })?;
        Ok((side, index, schema.fields()[index].column_type))
    }

    fn slot(&mut self, side: Side, column: usize, label: String) -> usize {
        if let Some(i) = self
            .slots
            .iter()
            .position(|s| s.side == side && s.column == column)
        {
            return i;
        }
        self.slots.push(Slot {
            side,
            column,
            label,
        });
        self.slots.len() - 1
    }

    fn compile(&mut self, expr: &Expr) -> Result<(CExpr, ColumnType)> {
        match expr {
            Expr::Literal { value } => Ok(self.literal(value)),
            Expr::Column { qualifier, name } => {
                let (side, column, ty) = self.resolve(qualifier.as_deref(), name)?;
                let label = match (side, qualifier) {
                    (Side::Joined, Some(q)) => format!("{q}.{name}"),
                    _ => name.clone(),
                };
                Ok((CExpr::Slot(self.slot(side, column, label)), ty))
            }
            Expr::Unary { op, expr } => {
                let (inner, ty) = self.compile(expr)?;
                match (op, ty) {
                    (UnaryOp::Not, ColumnType::Bool) => {
                        Ok((CExpr::Not(Box::new(inner)), ColumnType::Bool))
                    }
                    (UnaryOp::Neg, ColumnType::Number) => {
                        Ok((CExpr::Neg(Box::new(inner)), ColumnType::Number))
                    }
                    (UnaryOp::Not, ty) => {
                        Err(self.invalid(format!("`not` needs yes/no, got {ty}")))
                    }
                    (UnaryOp::Neg, ty) => {
                        Err(self.invalid(format!("`-` needs a number, got {ty}")))
                    }
                }
            }
            Expr::Binary { op, left, right } => self.binary(*op, left, right),
            Expr::Call { function, args } => self.call(*function, args),
            Expr::In {
                expr,
                list,
                negated,
            } => {
                let (inner, ty) = self.compile(expr)?;
                let set = list
                    .iter()
                    .map(|value| self.literal_as(value, ty))
                    .collect::<Result<Vec<_>>>()?;
                Ok((
                    CExpr::In {
                        expr: Box::new(inner),
                        set,
                        negated: *negated,
                    },
                    ColumnType::Bool,
                ))
            }
        }
    }

    fn literal(&mut self, value: &Literal) -> (CExpr, ColumnType) {
        match value {
            Literal::Number(n) => (CExpr::Const(Scalar::Number(*n)), ColumnType::Number),
            Literal::Text(t) => (
                CExpr::Const(Scalar::Text(self.interner.intern(t))),
                ColumnType::Text,
            ),
            Literal::Bool(b) => (CExpr::Const(Scalar::Bool(*b)), ColumnType::Bool),
        }
    }

    /// A literal of an `in` list, read as type `ty`.
    fn literal_as(&mut self, value: &Literal, ty: ColumnType) -> Result<Scalar> {
        match (value, ty) {
            (Literal::Number(n), ColumnType::Number) => Ok(Scalar::Number(*n)),
            (Literal::Text(t), ColumnType::Text) => Ok(Scalar::Text(self.interner.intern(t))),
            (Literal::Text(t), ColumnType::Date) => parse_date(t)
                .map(Scalar::Date)
                .ok_or_else(|| self.invalid(format!("{t:?} is not a date YYYY-MM-DD"))),
            (Literal::Bool(b), ColumnType::Bool) => Ok(Scalar::Bool(*b)),
            (value, ty) => Err(self.invalid(format!("{value} in a list of {ty} values"))),
        }
    }

    fn binary(&mut self, op: BinaryOp, left: &Expr, right: &Expr) -> Result<(CExpr, ColumnType)> {
        let (mut l, mut lt) = self.compile(left)?;
        let (mut r, mut rt) = self.compile(right)?;
        // A text literal next to a date is a date.
        if lt == ColumnType::Date && rt == ColumnType::Text {
            (r, rt) = (self.as_date(r)?, ColumnType::Date);
        } else if lt == ColumnType::Text && rt == ColumnType::Date {
            (l, lt) = (self.as_date(l)?, ColumnType::Date);
        }
        let boxed = |l, r| (Box::new(l), Box::new(r));
        match op {
            BinaryOp::And | BinaryOp::Or => {
                if lt != ColumnType::Bool || rt != ColumnType::Bool {
                    return Err(self.invalid(format!(
                        "`{}` joins yes/no conditions, got {lt} and {rt}",
                        op.symbol()
                    )));
                }
                let (l, r) = boxed(l, r);
                let expr = if op == BinaryOp::And {
                    CExpr::And(l, r)
                } else {
                    CExpr::Or(l, r)
                };
                Ok((expr, ColumnType::Bool))
            }
            op if op.is_comparison() => {
                if lt != rt {
                    return Err(self.invalid(format!(
                        "cannot compare {lt} with {rt} using `{}`",
                        op.symbol()
                    )));
                }
                let ordered = !matches!(op, BinaryOp::Eq | BinaryOp::Ne);
                if ordered && matches!(lt, ColumnType::Text | ColumnType::Bool) {
                    return Err(self.invalid(format!(
                        "{lt} values compare only with == and !=, not `{}`",
                        op.symbol()
                    )));
                }
                let (l, r) = boxed(l, r);
                Ok((CExpr::Compare(op, lt, l, r), ColumnType::Bool))
            }
            op => {
                if lt != ColumnType::Number || rt != ColumnType::Number {
                    return Err(self.invalid(format!(
                        "`{}` needs numbers, got {lt} and {rt}",
                        op.symbol()
                    )));
                }
                let (l, r) = boxed(l, r);
                Ok((CExpr::Arith(op, l, r), ColumnType::Number))
            }
        }
    }

    fn as_date(&mut self, expr: CExpr) -> Result<CExpr> {
        let CExpr::Const(Scalar::Text(id)) = expr else {
            return Err(self.invalid("a date compares with a date or a date string".into()));
        };
        let text = self.interner.resolve(id).unwrap_or_default().to_owned();
        parse_date(&text)
            .map(|d| CExpr::Const(Scalar::Date(d)))
            .ok_or_else(|| self.invalid(format!("{text:?} is not a date YYYY-MM-DD")))
    }

    fn call(&mut self, function: Function, args: &[Expr]) -> Result<(CExpr, ColumnType)> {
        match (function, args) {
            (
                Function::Matches,
                [
                    arg,
                    Expr::Literal {
                        value: Literal::Text(pattern),
                    },
                ],
            ) => {
                let (inner, ty) = self.compile(arg)?;
                if ty != ColumnType::Text {
                    return Err(self.invalid(format!("matches() needs a text, got {ty}")));
                }
                let regex = Regex::new(pattern).map_err(|e| self.invalid(e.to_string()))?;
                self.regexes.push(regex);
                Ok((
                    CExpr::Matches(Box::new(inner), self.regexes.len() - 1),
                    ColumnType::Bool,
                ))
            }
            (Function::IsNull, [arg]) => {
                let (inner, _) = self.compile(arg)?;
                Ok((CExpr::IsNull(Box::new(inner)), ColumnType::Bool))
            }
            (Function::Abs, [arg]) => {
                let (inner, ty) = self.compile(arg)?;
                if ty != ColumnType::Number {
                    return Err(self.invalid(format!("abs() needs a number, got {ty}")));
                }
                Ok((CExpr::Abs(Box::new(inner)), ColumnType::Number))
            }
            (function, _) => Err(self.invalid(format!(
                "{}() is called with the wrong arguments",
                function.name()
            ))),
        }
    }
}
