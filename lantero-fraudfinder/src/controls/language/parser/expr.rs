//! Expressions, by precedence: `or`, `and`, `not`, comparisons and `in`, `+ -`, `* /`,
//! unary minus, and values, columns, calls and parentheses.

use regex::Regex;

use super::Parser;
use crate::controls::language::ast::{
    AggregateFunction, BinaryOp, Expr, Function, Literal, UnaryOp,
};
use crate::controls::language::error::{ParseError, ParseErrorKind, Position};
use crate::controls::language::lexer::Token;

impl Parser {
    pub(super) fn expr(&mut self) -> Result<Expr, ParseError> {
        let base = self.depth;
        self.enter()?;
        let result = self.or();
        self.depth = base;
        result
    }

    fn or(&mut self) -> Result<Expr, ParseError> {
        let base = self.depth;
        let mut left = self.and()?;
        while self.eat_word("or") {
            self.enter()?;
            let right = self.and()?;
            left = binary(BinaryOp::Or, left, right);
        }
        self.depth = base;
        Ok(left)
    }

    fn and(&mut self) -> Result<Expr, ParseError> {
        let base = self.depth;
        let mut left = self.not()?;
        while self.eat_word("and") {
            self.enter()?;
            let right = self.not()?;
            left = binary(BinaryOp::And, left, right);
        }
        self.depth = base;
        Ok(left)
    }

    fn not(&mut self) -> Result<Expr, ParseError> {
        if self.eat_word("not") {
            let base = self.depth;
            self.enter()?;
            let expr = self.not();
            self.depth = base;
            return Ok(Expr::Unary {
                op: UnaryOp::Not,
                expr: Box::new(expr?),
            });
        }
        self.comparison()
    }

    fn comparison(&mut self) -> Result<Expr, ParseError> {
        let left = self.additive()?;
        let negated_in =
            self.is_word("not") && matches!(self.peek_at(1), Token::Ident(w) if w == "in");
        if negated_in || self.is_word("in") {
            if negated_in {
                self.advance();
            }
            self.advance();
            return self.in_list(left, negated_in);
        }
        let op = match self.peek() {
            Token::Symbol("=") => Some(BinaryOp::Eq),
            Token::Symbol(s) => BinaryOp::comparison(s),
            _ => None,
        };
        let Some(op) = op else {
            return Ok(left);
        };
        self.advance();
        let right = self.additive()?;
        Ok(binary(op, left, right))
    }

    fn in_list(&mut self, expr: Expr, negated: bool) -> Result<Expr, ParseError> {
        self.expect_symbol("(")?;
        let mut list = Vec::new();
        loop {
            let value = match self.peek().clone() {
                Token::Text(t) => Literal::Text(t),
                Token::Ident(w) if w == "true" || w == "false" => Literal::Bool(w == "true"),
                Token::Number(_) | Token::Symbol("-") => {
                    list.push(Literal::Number(self.signed_number()?));
                    if !self.eat_symbol(",") {
                        break;
                    }
                    continue;
                }
                _ => return Err(self.error("a literal value")),
            };
            self.advance();
            list.push(value);
            if !self.eat_symbol(",") {
                break;
            }
        }
        self.expect_symbol(")")?;
        Ok(Expr::In {
            expr: Box::new(expr),
            list,
            negated,
        })
    }

    fn additive(&mut self) -> Result<Expr, ParseError> {
        let base = self.depth;
        let mut left = self.multiplicative()?;
        loop {
            let op = if self.eat_symbol("+") {
                BinaryOp::Add
            } else if self.eat_symbol("-") {
                BinaryOp::Sub
            } else {
                self.depth = base;
                return Ok(left);
            };
            self.enter()?;
            let right = self.multiplicative()?;
            left = binary(op, left, right);
        }
    }

    fn multiplicative(&mut self) -> Result<Expr, ParseError> {
        let base = self.depth;
        let mut left = self.unary()?;
        loop {
            let op = if self.eat_symbol("*") {
                BinaryOp::Mul
            } else if self.eat_symbol("/") {
                BinaryOp::Div
            } else {
                self.depth = base;
                return Ok(left);
            };
            self.enter()?;
            let right = self.unary()?;
            left = binary(op, left, right);
        }
    }

    fn unary(&mut self) -> Result<Expr, ParseError> {
        if !self.eat_symbol("-") {
            return self.primary();
        }
        let base = self.depth;
        self.enter()?;
        let operand = self.unary();
        self.depth = base;
        // A minus before a number literal is part of the literal, so that `-5` reads back as
        // the literal the printer wrote.
        Ok(match operand? {
            Expr::Literal {
                value: Literal::Number(n),
            } if n >= 0.0 && !is_negative_zero(n) => Expr::Literal {
                value: Literal::Number(-n),
            },
            other => Expr::Unary {
                op: UnaryOp::Neg,
                expr: Box::new(other),
            },
        })
    }

    fn primary(&mut self) -> Result<Expr, ParseError> {
        let position = self.position();
        match self.peek().clone() {
            Token::Number(n) => {
                self.advance();
                Ok(literal(Literal::Number(n)))
            }
            Token::Text(t) => {
                self.advance();
                Ok(literal(Literal::Text(t)))
            }
            Token::Symbol("(") => {
                self.advance();
                let expr = self.expr()?;
                self.expect_symbol(")")?;
                Ok(expr)
            }
            Token::Ident(word) if word == "true" || word == "false" => {
                self.advance();
                Ok(literal(Literal::Bool(word == "true")))
            }
            Token::Ident(word) if matches!(self.peek_at(1), Token::Symbol("(")) => {
                if AggregateFunction::from_name(&word).is_some() {
                    return Err(self.error(
                        "a value (an aggregate such as count(...) must be the whole condition, \
                         followed by `by (...)`)",
                    ));
                }
                let function = Function::from_name(&word).ok_or_else(|| {
                    ParseError::new(position, ParseErrorKind::UnknownFunction(word.clone()))
                })?;
                self.advance();
                self.advance();
                self.call(function, position)
            }
            Token::Ident(_) => {
                let first = self.name("a value, column or `(`")?;
                if self.eat_symbol(".") {
                    let name = self.name("a column name after `.`")?;
                    Ok(Expr::Column {
                        qualifier: Some(first),
                        name,
                    })
                } else {
                    Ok(Expr::Column {
                        qualifier: None,
                        name: first,
                    })
                }
            }
            _ => Err(self.error("a value, column or `(`")),
        }
    }

    /// The arguments of `function`, after its opening parenthesis.
    fn call(&mut self, function: Function, position: Position) -> Result<Expr, ParseError> {
        let mut args = Vec::new();
        if !self.is_symbol(")") {
            args.push(self.expr()?);
            while self.eat_symbol(",") {
                args.push(self.expr()?);
            }
        }
        self.expect_symbol(")")?;
        let bad = |expected: &str| {
            ParseError::new(
                position,
                ParseErrorKind::BadArguments {
                    function: function.name().to_owned(),
                    expected: expected.to_owned(),
                },
            )
        };
        match function {
            Function::Matches => {
                let [
                    _,
                    Expr::Literal {
                        value: Literal::Text(pattern),
                    },
                ] = args.as_slice()
                else {
                    return Err(bad("a text value and a regular expression as a string"));
                };
                if let Err(e) = Regex::new(pattern) {
                    return Err(ParseError::new(
                        position,
                        ParseErrorKind::BadRegex(e.to_string()),
                    ));
                }
            }
            Function::IsNull | Function::Abs if args.len() != 1 => {
                return Err(bad("exactly one argument"));
            }
            Function::IsNull | Function::Abs => {}
        }
        Ok(Expr::Call { function, args })
    }
}

fn binary(op: BinaryOp, left: Expr, right: Expr) -> Expr {
    Expr::Binary {
        op,
        left: Box::new(left),
        right: Box::new(right),
    }
}

fn literal(value: Literal) -> Expr {
    Expr::Literal { value }
}

fn is_negative_zero(n: f64) -> bool {
    n == 0.0 && n.is_sign_negative()
}
