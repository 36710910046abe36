//! Rules: name, version, data set, filter, join, body, score and reason.

use super::Parser;
use crate::controls::language::ast::{Aggregate, AggregateFunction, BinaryOp, Body, Join, RuleDef};
use crate::controls::language::error::{ParseError, ParseErrorKind};
use crate::controls::language::lexer::Token;

impl Parser {
    pub(super) fn rule(&mut self) -> Result<RuleDef, ParseError> {
        let position = self.position();
        self.expect_word("rule")?;
        let name = self.text("the rule name as a string, e.g. \"samma_konto\"")?;
        let version = self.version()?;
        self.expect_word("on")?;
        let dataset = self.name("a data set name")?;
        let filter = if self.eat_word("where") {
            Some(self.expr()?)
        } else {
            None
        };
        let join = if self.eat_word("join") {
            Some(self.join()?)
        } else {
            None
        };
        self.expect_symbol(":")?;
        let body = self.body()?;
        self.expect_symbol("=>")?;
        self.expect_word("score")?;
        let score = match self.advance() {
            Token::Number(n) if n.fract() == 0.0 && (0.0..=1_000_000.0).contains(&n) => n as u32,
            _ => {
                self.at = self.at.saturating_sub(1);
                return Err(self.error("a whole number of points from 0"));
            }
        };
        let reason = if self.eat_word("reason") {
            Some(self.text("the reason as a string")?)
        } else {
            None
        };
        self.eat_symbol(";");
        Ok(RuleDef {
            name,
            version,
            dataset,
            join,
            filter,
            body,
            score,
            reason,
            position: Some(position),
        })
    }

    /// `v3`; optional, 1 when left out.
    fn version(&mut self) -> Result<u32, ParseError> {
        let Token::Ident(word) = self.peek() else {
            return Ok(1);
        };
        if !word.starts_with('v') {
            return Ok(1);
        }
        let position = self.position();
        let word = word.clone();
        self.advance();
        word[1..]
            .parse::<u32>()
            .ok()
            .filter(|v| *v > 0)
            .ok_or_else(|| ParseError::new(position, ParseErrorKind::BadVersion(word)))
    }

    fn join(&mut self) -> Result<Join, ParseError> {
        let dataset = self.name("the data set to join")?;
        let alias = if self.eat_word("as") {
            Some(self.name("an alias")?)
        } else {
            None
        };
        self.expect_word("on")?;
        let keys = if self.eat_symbol("(") {
            let keys = self.name_list()?;
            self.expect_symbol(")")?;
            keys
        } else {
            vec![self.name("a key column")?]
        };
        let condition = if self.eat_word("where") {
            Some(self.expr()?)
        } else {
            None
        };
        Ok(Join {
            dataset,
            alias,
            keys,
            condition,
        })
    }

    fn name_list(&mut self) -> Result<Vec<String>, ParseError> {
        let mut names = vec![self.name("a column name")?];
        while self.eat_symbol(",") {
            names.push(self.name("a column name")?);
        }
        Ok(names)
    }

    fn body(&mut self) -> Result<Body, ParseError> {
        let aggregate = match (self.peek(), self.peek_at(1)) {
            (Token::Ident(name), Token::Symbol("(")) => AggregateFunction::from_name(name),
            _ => None,
        };
        let Some(function) = aggregate else {
            return Ok(Body::Row {
                condition: self.expr()?,
            });
        };
        self.advance();
        self.advance();
        let distinct = self.eat_word("distinct");
        let column = if self.eat_symbol("*") || self.is_symbol(")") {
            None
        } else {
            Some(self.name("a column name or *")?)
        };
        if column.is_none() && (function != AggregateFunction::Count || distinct) {
            return Err(self.error("a column name"));
        }
        self.expect_symbol(")")?;
        self.expect_word("by")?;
        self.expect_symbol("(")?;
        let by = self.name_list()?;
        self.expect_symbol(")")?;
        let op = match self.peek() {
            Token::Symbol(s) => BinaryOp::comparison(if *s == "=" { "==" } else { s }),
            _ => None,
        }
        .ok_or_else(|| self.error("a comparison (==, !=, <, <=, >, >=)"))?;
        self.advance();
        let threshold = self.signed_number()?;
        Ok(Body::Group {
            aggregate: Aggregate {
                function,
                distinct,
                column,
            },
            by,
            op,
            threshold,
        })
    }

    pub(super) fn signed_number(&mut self) -> Result<f64, ParseError> {
        let negative = self.eat_symbol("-");
        match self.peek() {
            Token::Number(n) => {
                let n = if negative { -*n } else { *n };
                self.advance();
                Ok(n)
            }
            _ => Err(self.error("a number")),
        }
    }
}
