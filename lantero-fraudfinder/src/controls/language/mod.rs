//! The control-rule language: small, readable by a coordinator, compiled to fast columnar
//! evaluation in Rust and to SQL for a distributed engine.
//!
//! # Grammar
//!
//! ```text
//! rule      := "rule" STRING [version] "on" DATASET ["where" expr] [join] ":" body
//!              "=>" "score" INTEGER ["reason" STRING] [";"]
//! version   := "v" INTEGER                       (v1 when left out)
//! join      := "join" DATASET ["as" ALIAS] "on" (COLUMN | "(" COLUMN {"," COLUMN} ")")
//!              ["where" expr]
//! body      := expr                              (a condition on each record)
//!            | aggregate "by" "(" COLUMN {"," COLUMN} ")" cmp NUMBER
//! aggregate := "count" "(" ["distinct"] [COLUMN | "*"] ")" | ("sum"|"avg"|"min"|"max") "(" COLUMN ")"
//! expr      := expr "or" expr | expr "and" expr | "not" expr
//!            | sum cmp sum | sum ["not"] "in" "(" literal {"," literal} ")"
//! sum       := sum ("+"|"-") sum | sum ("*"|"/") sum | "-" sum
//!            | NUMBER | STRING | "true" | "false" | COLUMN | QUALIFIER "." COLUMN
//!            | "matches" "(" expr "," STRING ")" | "is_null" "(" expr ")" | "abs" "(" expr ")"
//!            | "(" expr ")"
//! cmp       := "==" | "=" | "!=" | "<" | "<=" | ">" | ">="
//! ```
//!
//! `#` starts a comment to the end of the line. Names are ASCII letters, digits and `_`.
//!
//! # Examples
//!
//! ```text
//! # A threshold and a pattern on each payment.
//! rule "stort_belopp" v1 on payments:
//!   amount > 30000 and kind == "ekonomiskt_bistand" => score 40
//!
//! rule "kontant_referens" v2 on payments:
//!   matches(reference, "(?i)kontant|växel") => score 20
//!
//! # The same bank account for several applicants: every payment to the account is flagged.
//! rule "samma_konto" v1 on payments:
//!   count(distinct applicant_id) by (bank_account) >= 2 => score 60
//!
//! # More than 24 hours reported by one assistant in one day.
//! rule "timmar_over_dygn" v1 on time_reports:
//!   sum(hours) by (assistant_id, date) > 24 => score 80
//!
//! # Income from work in the same month as economic assistance (a cross-match).
//! rule "inkomst_under_bistand" v1 on payments where kind == "ekonomiskt_bistand"
//!   join income on person_id where income.month == payments.month:
//!   income.amount > 0 => score 70 reason "Arbetsinkomst samma månad som bistånd"
//!
//! # An association whose members jump year on year (a self-join under an alias).
//! rule "medlemsökning" v1 on associations
//!   join associations as prev on association_id where prev.year == associations.year - 1:
//!   members >= prev.members * 2 and members - prev.members >= 50 => score 50
//! ```
//!
//! # Semantics
//!
//! - Unqualified columns belong to the rule's data set; joined columns are written
//!   `alias.column` (the data set name when no alias is given).
//! - A join rule flags a record when at least one joined row with equal keys meets the join
//!   condition and the body; the explanation shows the first such row.
//! - A group rule flags every record of a group whose aggregate meets the limit; records
//!   with a missing key are not grouped (as in SQL, where `NULL = NULL` is not true).
//! - Missing values: a comparison with a missing value is false, like SQL's unknown in a
//!   `WHERE`; `is_null(x)` tests for one. (`not` of such a comparison is true here but
//!   unknown in SQL: keep missing values out of negated conditions, or test `is_null`.)
//! - Numbers are 64-bit floats; `/` is always a true division.
//! - Text compares only with `==`, `!=` and `in`; dates compare with all comparisons and
//!   with date strings such as `"2025-03-01"`.
//!
//! ```
//! use lantero_fraudfinder::controls::language::{parse, Body};
//!
//! let rules = parse(r#"
//!     rule "samma_konto" v1 on payments:
//!       count(distinct applicant_id) by (bank_account) >= 2 => score 60
//! "#)?;
//! assert_eq!(rules[0].name, "samma_konto");
//! assert!(matches!(rules[0].body, Body::Group { .. }));
//! // The canonical text parses back to the same rule.
//! let again = parse(&rules[0].to_string())?;
//! assert_eq!(again[0].body, rules[0].body);
//! # Ok::<(), lantero_fraudfinder::controls::language::ParseError>(())
//! ```

mod ast;
mod error;
mod lexer;
mod parser;
mod print;

pub use ast::{
    Aggregate, AggregateFunction, BinaryOp, Body, Expr, Function, Join, Literal, RuleDef, UnaryOp,
};
pub use error::{ParseError, ParseErrorKind, Position};
pub use parser::{parse, parse_expr};
