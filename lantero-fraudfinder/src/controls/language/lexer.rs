//! Splits rule text into tokens, each with its position.

use super::error::{ParseError, ParseErrorKind, Position};

/// One token of rule text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Token {
    /// A name: keyword, data set, column or function.
    Ident(String),
    /// A string literal, escapes resolved.
    Text(String),
    /// A number literal.
    Number(f64),
    /// Punctuation or an operator, e.g. `(`, `>=`, `=>`.
    Symbol(&'static str),
    /// End of the text.
    End,
}

impl Token {
    /// How the token is named in error messages.
    pub(crate) fn describe(&self) -> String {
        match self {
            Self::Ident(name) => format!("`{name}`"),
            Self::Text(text) => format!("string {text:?}"),
            Self::Number(n) => format!("number {n}"),
            Self::Symbol(s) => format!("`{s}`"),
            Self::End => "end of text".to_owned(),
        }
    }
}

/// A token and where it starts.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Spanned {
    pub(crate) token: Token,
    pub(crate) position: Position,
}

/// Longest symbols first, so that `>=` is not read as `>` and `=`.
const SYMBOLS: [&str; 19] = [
    "=>", "==", "!=", "<=", ">=", "(", ")", ",", ".", ":", ";", "<", ">", "+", "-", "*", "/", "=",
    "!",
];

/// Tokenises `source`; the last token is always [`Token::End`].
pub(crate) fn tokenize(source: &str) -> Result<Vec<Spanned>, ParseError> {
    let chars: Vec<char> = source.chars().collect();
    let mut tokens = Vec::new();
    let (mut i, mut line, mut column) = (0usize, 1u32, 1u32);
    while i < chars.len() {
        let c = chars[i];
        let position = Position { line, column };
        if c == '\n' {
            i += 1;
            line += 1;
            column = 1;
            continue;
        }
        if c.is_whitespace() {
            i += 1;
            column += 1;
            continue;
        }
        if c == '#' {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
            continue;
        }
        let start = i;
        let token = if c.is_ascii_alphabetic() || c == '_' {
            while i < chars.len() && (chars[i].is_ascii_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            Token::Ident(chars[start..i].iter().collect())
        } else if c.is_ascii_digit() {
            while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == '_') {
                i += 1;
            }
            if i + 1 < chars.len() && chars[i] == '.' && chars[i + 1].is_ascii_digit() {
                i += 1;
                while i < chars.len() && chars[i].is_ascii_digit() {
                    i += 1;
                }
            }
            let text: String = chars[start..i].iter().filter(|c| **c != '_').collect();
            match text.parse::<f64>() {
                Ok(n) if n.is_finite() => Token::Number(n),
                _ => {
                    let raw = chars[start..i].iter().collect();
                    return Err(ParseError::new(position, ParseErrorKind::BadNumber(raw)));
                }
            }
        } else if c == '"' {
            let (text, next) = string_literal(&chars, i, position)?;
            i = next;
            Token::Text(text)
        } else if let Some(symbol) = SYMBOLS.iter().find(|s| {
            let len = s.chars().count();
            i + len <= chars.len() && chars[i..i + len].iter().copied().eq(s.chars())
        }) {
            i += symbol.chars().count();
            Token::Symbol(symbol)
        } else {
            return Err(ParseError::new(
                position,
                ParseErrorKind::UnexpectedCharacter(c),
            ));
        };
        // Only string literals can span lines; count from the last newline inside.
        for c in &chars[start..i] {
            if *c == '\n' {
                line += 1;
                column = 1;
            } else {
                column += 1;
            }
        }
        tokens.push(Spanned { token, position });
    }
    tokens.push(Spanned {
        token: Token::End,
        position: Position { line, column },
    });
    Ok(tokens)
}

/// Reads a string literal starting at the quote at `start`; returns the text and the index
/// after the closing quote.
fn string_literal(
    chars: &[char],
    start: usize,
    position: Position,
) -> Result<(String, usize), ParseError> {
    let mut text = String::new();
    let mut i = start + 1;
    while i < chars.len() {
        match chars[i] {
            '"' => return Ok((text, i + 1)),
            '\\' => {
                let escaped = chars.get(i + 1).copied();
                let resolved = match escaped {
                    Some('"') => '"',
                    Some('\\') => '\\',
                    Some('n') => '\n',
                    Some('t') => '\t',
                    Some(other) => {
                        return Err(ParseError::new(position, ParseErrorKind::BadEscape(other)));
                    }
                    None => break,
                };
                text.push(resolved);
                i += 2;
            }
            c => {
                text.push(c);
                i += 1;
            }
        }
    }
    Err(ParseError::new(
        position,
        ParseErrorKind::UnterminatedString,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(source: &str) -> Vec<Token> {
        tokenize(source)
            .unwrap()
            .into_iter()
            .map(|s| s.token)
            .collect()
    }

    #[test]
    fn symbols_numbers_strings_and_comments() {
        assert_eq!(
            kinds("a >= 30_000.5 # kommentar\n\"x\\\"y\" => "),
            [
                Token::Ident("a".into()),
                Token::Symbol(">="),
                Token::Number(30000.5),
                Token::Text("x\"y".into()),
                Token::Symbol("=>"),
                Token::End
            ]
        );
    }

    #[test]
    fn positions_count_lines_and_characters() {
        let tokens = tokenize("å\n").unwrap_err();
        assert_eq!(tokens.position, Position { line: 1, column: 1 });
        let tokens = tokenize("\"åäö\" x").unwrap();
        assert_eq!(tokens[1].position, Position { line: 1, column: 7 });
        let tokens = tokenize("a\n  b").unwrap();
        assert_eq!(tokens[1].position, Position { line: 2, column: 3 });
    }

    #[test]
    fn bad_input_is_an_error_with_position() {
        assert_eq!(
            tokenize("x \"open").unwrap_err(),
            ParseError::new(
                Position { line: 1, column: 3 },
                ParseErrorKind::UnterminatedString
            )
        );
        assert!(matches!(
            tokenize("\"a\\q\"").unwrap_err().kind,
            ParseErrorKind::BadEscape('q')
        ));
        assert!(matches!(
            tokenize("1").map(|t| t.len()),
            Ok(2) // number and end
        ));
    }
}
