//! The canonical text form of rules: `Display` writes rules back as source text that
//! parses to the same tree, so rule sets can be stored, diffed and shared as text, and
//! explanations quote the same form.

use std::fmt;

use super::ast::{Aggregate, Body, Expr, Literal, RuleDef, UnaryOp};

impl fmt::Display for Literal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Number(n) => write!(f, "{n}"),
            Self::Text(t) => write_text(f, t),
            Self::Bool(b) => write!(f, "{b}"),
        }
    }
}

/// Writes a string literal with the escapes the lexer reads.
fn write_text(f: &mut fmt::Formatter<'_>, text: &str) -> fmt::Result {
    f.write_str("\"")?;
    for c in text.chars() {
        match c {
            '"' => f.write_str("\\\"")?,
            '\\' => f.write_str("\\\\")?,
            '\n' => f.write_str("\\n")?,
            '\t' => f.write_str("\\t")?,
            c => write!(f, "{c}")?,
        }
    }
    f.write_str("\"")
}

impl fmt::Display for Expr {
    /// Writes the expression with every nested binary operation in parentheses, so that the
    /// text parses back to the same tree whatever the precedence.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Literal { value } => write!(f, "{value}"),
            Self::Column { qualifier, name } => match qualifier {
                Some(q) => write!(f, "{q}.{name}"),
                None => f.write_str(name),
            },
            Self::Unary { op, expr } => match op {
                UnaryOp::Not => write!(f, "not {}", Nested(expr)),
                UnaryOp::Neg => write!(f, "-{}", Nested(expr)),
            },
            Self::Binary { op, left, right } => {
                write!(f, "{} {} {}", Nested(left), op.symbol(), Nested(right))
            }
            Self::Call { function, args } => {
                write!(f, "{}(", function.name())?;
                for (i, arg) in args.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{arg}")?;
                }
                f.write_str(")")
            }
            Self::In {
                expr,
                list,
                negated,
            } => {
                write!(
                    f,
                    "{} {}in (",
                    Nested(expr),
                    if *negated { "not " } else { "" }
                )?;
                for (i, value) in list.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{value}")?;
                }
                f.write_str(")")
            }
        }
    }
}

/// An operand: parenthesised unless it is atomic.
struct Nested<'a>(&'a Expr);

impl fmt::Display for Nested<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Expr::Literal {
                value: Literal::Number(n),
            } if *n < 0.0 => write!(f, "({})", self.0),
            Expr::Literal { .. } | Expr::Column { .. } | Expr::Call { .. } => {
                write!(f, "{}", self.0)
            }
            other => write!(f, "({other})"),
        }
    }
}

impl fmt::Display for Aggregate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let distinct = if self.distinct { "distinct " } else { "" };
        let column = self.column.as_deref().unwrap_or("*");
        write!(f, "{}({distinct}{column})", self.function.name())
    }
}

impl fmt::Display for Body {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Row { condition } => write!(f, "{condition}"),
            Self::Group {
                aggregate,
                by,
                op,
                threshold,
            } => write!(
                f,
                "{aggregate} by ({}) {} {threshold}",
                by.join(", "),
                op.symbol()
            ),
        }
    }
}

impl fmt::Display for RuleDef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "rule ")?;
        write_text(f, &self.name)?;
        write!(f, " v{} on {}", self.version, self.dataset)?;
        if let Some(join) = &self.join {
            write!(f, "\n  join {}", join.dataset)?;
            if let Some(alias) = &join.alias {
                write!(f, " as {alias}")?;
            }
            write!(f, " on ({})", join.keys.join(", "))?;
            if let Some(condition) = &join.condition {
                write!(f, " where {condition}")?;
            }
        }
        if let Some(filter) = &self.filter {
            write!(f, "\n  where {filter}")?;
        }
        write!(f, ":\n  {}\n  => score {}", self.body, self.score)?;
        if let Some(reason) = &self.reason {
            f.write_str(" reason ")?;
            write_text(f, reason)?;
        }
        Ok(())
    }
}
