//! The decision's text from a template the authority can edit (minijinja, Jinja syntax).
//!
//! A template is given the [`Decision`] as its context — `details` (`authority`, `date`,
//! `diary_number`, `decision_maker`, `decision_maker_title`, `requester`, `received`),
//! `documents` (each `name`, `pages`, `masks`, `masked_pages`, `outcome`), `masks`, `grounds`
//! (each `provision`, `citation`, `title`, `subject`, `what`, `masks`, `places`, `stated`), `pending`,
//! `unrecorded`, `decided_by` — and these filters for Swedish that agrees with its numbers:
//!
//! | filter | example | gives |
//! |---|---|---|
//! | `antal(en, flera)` | `{{ 1 \| antal("sida", "sidor") }}` | `1 sida` |
//! | `lista` | `{{ ["a", "b", "c"] \| lista }}` | `a, b och c` |
//! | `sidor` | `{{ [1, 3] \| sidor }}` | `sidorna 1 och 3` |
//! | `datum` | `{{ details.date \| datum }}` | `3 december 2026` |
//!
//! A name the template uses that the context lacks is an error (not an empty string), so a
//! misspelt variable is found before a decision goes out without, say, its diary number.
//!
//! ```
//! use chrono::NaiveDate;
//! use lantero_redact::record::{Decision, DecisionDetails};
//! use lantero_redact::review::Request;
//!
//! let details = DecisionDetails {
//!     authority: "Älvstrands kommun".into(),
//!     date: NaiveDate::from_ymd_opt(2026, 12, 3).unwrap(),
//!     diary_number: None, decision_maker: "Anna Dahl".into(), decision_maker_title: None,
//!     requester: None, received: None,
//! };
//! let decision = Decision::from_request(&Request::new(vec![]), details, true);
//! let text = decision.to_markdown(Some("{{ details.authority }}, {{ details.date | datum }}"))?;
//! assert_eq!(text, "Älvstrands kommun, 3 december 2026");
//! assert!(decision.to_markdown(Some("{{ details.diarienummer }}")).is_err());
//! # Ok::<(), lantero_redact::Error>(())
//! ```

use chrono::NaiveDate;
use minijinja::{Environment, ErrorKind, UndefinedBehavior, Value};

use super::{Decision, swedish};
use crate::{Error, Result};

/// The built-in template: a Swedish decision with reasons per provision and the appeal notice.
pub const BUILTIN: &str = include_str!("beslut.md.j2");

/// Renders `decision` with `template` (or [`BUILTIN`]).
pub(super) fn render(decision: &Decision, template: Option<&str>) -> Result<String> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_trim_blocks(true);
    env.set_lstrip_blocks(true);
    env.set_keep_trailing_newline(true);
    env.add_filter("antal", |n: usize, one: String, many: String| {
        swedish::count(n, &one, &many)
    });
    env.add_filter("lista", |items: Vec<String>| swedish::list(&items));
    env.add_filter("sidor", |pages: Vec<u32>| swedish::pages(&pages));
    env.add_filter("datum", |day: String| {
        NaiveDate::parse_from_str(&day, "%Y-%m-%d")
            .map(swedish::date)
            .map_err(|_| {
                minijinja::Error::new(
                    ErrorKind::InvalidOperation,
                    format!("datum: {day:?} is not a date (YYYY-MM-DD)"),
                )
            })
    });
    let source = template.unwrap_or(BUILTIN);
    let fail = |err: minijinja::Error| Error::Input {
        path: if template.is_some() {
            "decision template".into()
        } else {
            "built-in decision template".into()
        },
        reason: match err.line() {
            Some(line) => format!("line {line}: {err}"),
            None => err.to_string(),
        },
    };
    env.add_template("beslut", source).map_err(fail)?;
    let text = env
        .get_template("beslut")
        .and_then(|t| t.render(Value::from_serialize(decision)))
        .map_err(fail)?;
    Ok(text)
}
