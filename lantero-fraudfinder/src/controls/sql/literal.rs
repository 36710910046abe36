//! String literals and quoted names, escaped by each engine's own rules.
//!
//! The rules differ in the one place that matters for injection, the backslash: SQLite,
//! DuckDB, Trino and PostgreSQL with `standard_conforming_strings = on` take it literally;
//! Spark SQL and PostgreSQL with the setting off read it as an escape, so a literal ending in
//! a backslash would swallow its closing quote. PostgreSQL gets `E'…'` whenever the text
//! holds a backslash, because an escape string reads the same under either setting.

use serde::{Deserialize, Serialize};

/// The SQL engine to write for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Dialect {
    /// SQLite (regular expressions through a `regexp` function the caller registers).
    Sqlite,
    /// PostgreSQL (`~` for regular expressions); safe whatever
    /// `standard_conforming_strings` says.
    Postgres,
    /// Apache Spark SQL (`RLIKE`, back-quoted names), with the default
    /// `spark.sql.parser.escapedStringLiterals=false`.
    Spark,
    /// Trino / Presto (`regexp_like`).
    Trino,
    /// DuckDB (`regexp_matches`).
    Duckdb,
}

/// Why a rule cannot be written as SQL.
///
/// ```
/// use lantero_fraudfinder::controls::sql::{Dialect, SqlError};
///
/// let err = Dialect::Spark.string_literal("a\0b").unwrap_err();
/// assert!(matches!(err, SqlError::NulCharacter { .. }));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SqlError {
    /// PostgreSQL cannot store a NUL in text and C-based engines end strings at one, so a
    /// rule holding one would mean different things on different engines.
    #[error("{text:?} holds a NUL character, which SQL engines cannot carry in a string or name")]
    NulCharacter {
        /// The string or name.
        text: String,
    },
}

impl Dialect {
    /// `text` as a string literal that this engine reads back as exactly `text`.
    ///
    /// ```
    /// use lantero_fraudfinder::controls::sql::Dialect;
    ///
    /// let text = r"\') UNION ALL SELECT 1 --";
    /// assert_eq!(Dialect::Sqlite.string_literal(text)?, r"'\'') UNION ALL SELECT 1 --'");
    /// assert_eq!(Dialect::Postgres.string_literal(text)?, r"E'\\'') UNION ALL SELECT 1 --'");
    /// assert_eq!(Dialect::Spark.string_literal(text)?, r"'\\\') UNION ALL SELECT 1 --'");
    /// assert_eq!(Dialect::Postgres.string_literal("o'b")?, "'o''b'");
    /// # Ok::<(), lantero_fraudfinder::controls::sql::SqlError>(())
    /// ```
    pub fn string_literal(self, text: &str) -> Result<String, SqlError> {
        refuse_nul(text)?;
        Ok(match self {
            Self::Sqlite | Self::Trino | Self::Duckdb => format!("'{}'", text.replace('\'', "''")),
            Self::Postgres if text.contains('\\') => {
                format!("E'{}'", text.replace('\\', "\\\\").replace('\'', "''"))
            }
            Self::Postgres => format!("'{}'", text.replace('\'', "''")),
            // Spark reads `''` as two adjacent literals (concatenated), not as a quote.
            Self::Spark => format!("'{}'", text.replace('\\', "\\\\").replace('\'', "\\'")),
        })
    }

    /// `name` as a quoted identifier (table, column or alias).
    ///
    /// ```
    /// use lantero_fraudfinder::controls::sql::Dialect;
    ///
    /// assert_eq!(Dialect::Spark.identifier("a`b")?, "`a``b`");
    /// assert_eq!(Dialect::Postgres.identifier("a\"b")?, "\"a\"\"b\"");
    /// # Ok::<(), lantero_fraudfinder::controls::sql::SqlError>(())
    /// ```
    pub fn identifier(self, name: &str) -> Result<String, SqlError> {
        refuse_nul(name)?;
        Ok(match self {
            Self::Spark => format!("`{}`", name.replace('`', "``")),
            _ => format!("\"{}\"", name.replace('"', "\"\"")),
        })
    }
}

fn refuse_nul(text: &str) -> Result<(), SqlError> {
    if text.contains('\0') {
        return Err(SqlError::NulCharacter {
            text: text.to_owned(),
        });
    }
    Ok(())
}

/// `text` for a `--` comment: newlines and other control characters escaped, so that
/// nothing after them can become SQL.
pub(crate) fn comment_text(text: &str) -> String {
    text.escape_debug().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Reads one literal the way `dialect`'s lexer does and returns its value, or `None`
    /// when the literal does not end exactly at the end of `sql`. Written from the
    /// engines' documentation, independent of the escaping above. `backslash_escapes`
    /// stands for PostgreSQL's `standard_conforming_strings = off`.
    fn decode(dialect: Dialect, sql: &str, backslash_escapes: bool) -> Option<String> {
        let (escapes, body) = match (dialect, sql.strip_prefix("E'")) {
            (Dialect::Postgres, Some(rest)) => (true, rest),
            (Dialect::Postgres, None) => (backslash_escapes, sql.strip_prefix('\'')?),
            (Dialect::Spark, _) => (true, sql.strip_prefix('\'')?),
            _ => (false, sql.strip_prefix('\'')?),
        };
        let mut chars = body.chars().peekable();
        let mut out = String::new();
        while let Some(c) = chars.next() {
            match c {
                '\\' if escapes => match chars.next()? {
                    // Both engines know more escapes (`\n`, `\u0041`, octal); the writer
                    // must never produce them, so they count as a failure here.
                    c @ ('\\' | '\'') => out.push(c),
                    _ => return None,
                },
                '\'' if dialect != Dialect::Spark && chars.peek() == Some(&'\'') => {
                    chars.next();
                    out.push('\'');
                }
                '\'' => return chars.next().is_none().then_some(out),
                c => out.push(c),
            }
        }
        None
    }

    fn decode_identifier(dialect: Dialect, sql: &str) -> Option<String> {
        let quote = if dialect == Dialect::Spark { '`' } else { '"' };
        let body = sql.strip_prefix(quote)?;
        let mut chars = body.chars().peekable();
        let mut out = String::new();
        while let Some(c) = chars.next() {
            if c == quote {
                if chars.peek() == Some(&quote) {
                    chars.next();
                    out.push(quote);
                } else {
                    return chars.next().is_none().then_some(out);
                }
            } else {
                out.push(c);
            }
        }
        None
    }

    const DIALECTS: [Dialect; 5] = [
        Dialect::Sqlite,
        Dialect::Postgres,
        Dialect::Spark,
        Dialect::Trino,
        Dialect::Duckdb,
    ];

    /// Any string, with the characters that matter to SQL lexers made frequent.
    fn text() -> impl Strategy<Value = String> {
        prop_oneof![
            any::<String>(),
            "([\\\\'\"`$;\n\r\t/*-]|E'|''|\\$\\$|--|/\\*|\\*/|é|ö|😀|a|\u{2028}){0,24}",
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

        #[test]
        fn every_string_reads_back_as_itself(text in text()) {
            for dialect in DIALECTS {
                let literal = dialect.string_literal(&text);
                if text.contains('\0') {
                    let refused = matches!(literal, Err(SqlError::NulCharacter { .. }));
                    prop_assert!(refused, "NUL not refused");
                    continue;
                }
                let literal = literal.unwrap();
                prop_assert_eq!(decode(dialect, &literal, false), Some(text.clone()), "{:?}", dialect);
                if dialect == Dialect::Postgres {
                    prop_assert_eq!(decode(dialect, &literal, true), Some(text.clone()), "sc off");
                }
                let name = dialect.identifier(&text).unwrap();
                prop_assert_eq!(decode_identifier(dialect, &name), Some(text.clone()));
            }
        }
    }

    #[test]
    fn the_decoder_rejects_what_would_be_injected() {
        // The old, dialect-blind escaping: the trailing backslash eats the quote in Spark.
        assert_eq!(decode(Dialect::Spark, r"'\'' OR 1=1 --'", false), None);
        assert_eq!(decode(Dialect::Postgres, r"'\'' OR 1=1 --'", true), None);
        assert_eq!(decode(Dialect::Sqlite, "'a' OR 'b'", false), None);
    }

    #[test]
    fn comments_cannot_end_early() {
        assert_eq!(comment_text("a\nDROP TABLE x;"), "a\\nDROP TABLE x;");
        assert!(!comment_text("\r\u{2028}\0").contains(['\r', '\u{2028}', '\0']));
    }
}
