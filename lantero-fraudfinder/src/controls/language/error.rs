//! Parse errors with the position in the rule text.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A position in rule text: 1-based line and column (in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Position {
    /// 1-based line.
    pub line: u32,
    /// 1-based column, counted in characters.
    pub column: u32,
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}, column {}", self.line, self.column)
    }
}

/// What went wrong while reading rule text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "detail", rename_all = "snake_case")]
#[non_exhaustive]
pub enum ParseErrorKind {
    /// A character that starts no token.
    UnexpectedCharacter(char),
    /// A string literal without its closing quote.
    UnterminatedString,
    /// An escape other than `\"`, `\\`, `\n`, `\t` in a string literal.
    BadEscape(char),
    /// A number that cannot be read, or is too large.
    BadNumber(String),
    /// A token other than the one the grammar expects here.
    Unexpected {
        /// What was found.
        found: String,
        /// What would have been accepted.
        expected: String,
    },
    /// A version that is not `v` followed by digits.
    BadVersion(String),
    /// A function name the language does not have.
    UnknownFunction(String),
    /// A function called with the wrong arguments.
    BadArguments {
        /// The function.
        function: String,
        /// What it takes.
        expected: String,
    },
    /// A regular expression that does not compile.
    BadRegex(String),
    /// Two rules with the same name in one text.
    DuplicateRule(String),
    /// Expressions nested deeper than the parser allows.
    TooDeep,
}

impl fmt::Display for ParseErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::UnexpectedCharacter(c) => write!(f, "unexpected character {c:?}"),
            Self::UnterminatedString => f.write_str("string literal is not closed with \""),
            Self::BadEscape(c) => write!(f, "unknown escape \\{c} in string literal"),
            Self::BadNumber(n) => write!(f, "{n:?} is not a usable number"),
            Self::Unexpected { found, expected } => {
                write!(f, "expected {expected}, found {found}")
            }
            Self::BadVersion(v) => write!(f, "version {v:?} must be v followed by digits, e.g. v2"),
            Self::UnknownFunction(name) => write!(
                f,
                "unknown function {name:?} (known: matches, is_null, abs; aggregates count, \
                 sum, avg, min, max with `by (...)`)"
            ),
            Self::BadArguments { function, expected } => {
                write!(f, "{function}() takes {expected}")
            }
            Self::BadRegex(reason) => write!(f, "invalid regular expression: {reason}"),
            Self::DuplicateRule(name) => write!(f, "rule {name:?} is defined twice"),
            Self::TooDeep => f.write_str("expression is nested too deeply"),
        }
    }
}

/// A parse error: what and where.
///
/// ```
/// use lantero_fraudfinder::controls::language::parse;
///
/// let err = parse("rule \"x\" v1 on payments: amount >> 5 => score 1").unwrap_err();
/// assert_eq!((err.position.line, err.position.column), (1, 34));
/// assert!(err.to_string().starts_with("line 1, column 34: expected"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[error("{position}: {kind}")]
pub struct ParseError {
    /// Where the problem starts.
    pub position: Position,
    /// What the problem is.
    pub kind: ParseErrorKind,
}

impl ParseError {
    pub(crate) fn new(position: Position, kind: ParseErrorKind) -> Self {
        Self { position, kind }
    }
}
