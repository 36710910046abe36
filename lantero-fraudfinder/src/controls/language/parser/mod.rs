//! Recursive-descent parser: tokens → [`RuleDef`]s. The token helpers live here; rules
//! and expressions are parsed in their own modules.

mod expr;
mod rule;

use super::ast::{Expr, RuleDef};
use super::error::{ParseError, ParseErrorKind, Position};
use super::lexer::{Spanned, Token, tokenize};

/// Deepest expression tree accepted, counting both nesting and operator chains (`a and b
/// and c` is three deep); keeps hostile input from exhausting the stack in the parser and
/// in everything that walks the tree afterwards.
pub(super) const MAX_DEPTH: usize = 128;

/// Words that cannot name a column or data set.
pub(super) const KEYWORDS: [&str; 15] = [
    "rule", "on", "join", "as", "where", "by", "and", "or", "not", "in", "score", "reason", "true",
    "false", "distinct",
];

/// Parses rule text into rules, in order. Names must be unique within the text.
pub fn parse(source: &str) -> Result<Vec<RuleDef>, ParseError> {
    let tokens = tokenize(source)?;
    let mut parser = Parser {
        tokens,
        at: 0,
        depth: 0,
    };
    let mut rules: Vec<RuleDef> = Vec::new();
    while parser.peek() != &Token::End {
        let position = parser.position();
        let rule = parser.rule()?;
        if rules.iter().any(|r| r.name == rule.name) {
            return Err(ParseError::new(
                position,
                ParseErrorKind::DuplicateRule(rule.name),
            ));
        }
        rules.push(rule);
    }
    Ok(rules)
}

/// Parses a single expression, e.g. for a condition typed into a search field.
pub fn parse_expr(source: &str) -> Result<Expr, ParseError> {
    let tokens = tokenize(source)?;
    let mut parser = Parser {
        tokens,
        at: 0,
        depth: 0,
    };
    let expr = parser.expr()?;
    parser.expect_end()?;
    Ok(expr)
}

struct Parser {
    tokens: Vec<Spanned>,
    at: usize,
    depth: usize,
}

impl Parser {
    fn peek(&self) -> &Token {
        self.peek_at(0)
    }

    fn peek_at(&self, ahead: usize) -> &Token {
        let last = self.tokens.len().saturating_sub(1);
        self.tokens
            .get((self.at + ahead).min(last))
            .map_or(&Token::End, |s| &s.token)
    }

    fn position(&self) -> Position {
        let last = self.tokens.len().saturating_sub(1);
        self.tokens
            .get(self.at.min(last))
            .map_or(Position { line: 1, column: 1 }, |s| s.position)
    }

    fn advance(&mut self) -> Token {
        let token = self.peek().clone();
        if self.at + 1 < self.tokens.len() {
            self.at += 1;
        }
        token
    }

    /// Goes one level deeper, or fails when the tree would be too deep.
    fn enter(&mut self) -> Result<(), ParseError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(ParseError::new(self.position(), ParseErrorKind::TooDeep));
        }
        Ok(())
    }

    fn error(&self, expected: &str) -> ParseError {
        ParseError::new(
            self.position(),
            ParseErrorKind::Unexpected {
                found: self.peek().describe(),
                expected: expected.to_owned(),
            },
        )
    }

    fn is_word(&self, word: &str) -> bool {
        matches!(self.peek(), Token::Ident(w) if w == word)
    }

    fn is_symbol(&self, symbol: &str) -> bool {
        matches!(self.peek(), Token::Symbol(s) if *s == symbol)
    }

    fn eat_word(&mut self, word: &str) -> bool {
        let found = self.is_word(word);
        if found {
            self.advance();
        }
        found
    }

    fn eat_symbol(&mut self, symbol: &str) -> bool {
        let found = self.is_symbol(symbol);
        if found {
            self.advance();
        }
        found
    }

    fn expect_word(&mut self, word: &str) -> Result<(), ParseError> {
        if self.eat_word(word) {
            Ok(())
        } else {
            Err(self.error(&format!("`{word}`")))
        }
    }

    fn expect_symbol(&mut self, symbol: &str) -> Result<(), ParseError> {
        if self.eat_symbol(symbol) {
            Ok(())
        } else {
            Err(self.error(&format!("`{symbol}`")))
        }
    }

    fn expect_end(&self) -> Result<(), ParseError> {
        if self.peek() == &Token::End {
            Ok(())
        } else {
            Err(self.error("end of text"))
        }
    }

    /// A name that is not a keyword.
    fn name(&mut self, what: &str) -> Result<String, ParseError> {
        match self.peek() {
            Token::Ident(name) if !KEYWORDS.contains(&name.as_str()) => {
                let name = name.clone();
                self.advance();
                Ok(name)
            }
            _ => Err(self.error(what)),
        }
    }

    fn text(&mut self, what: &str) -> Result<String, ParseError> {
        match self.peek() {
            Token::Text(text) => {
                let text = text.clone();
                self.advance();
                Ok(text)
            }
            _ => Err(self.error(what)),
        }
    }
}
