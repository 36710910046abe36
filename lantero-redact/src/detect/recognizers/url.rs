//! `URL`: web addresses.
//!
//! Patterns: `http://…`, `https://…`, `ftp://…` and `www.…`, up to the next space, quote or
//! angle bracket.
//!
//! Validator: the host has a dot and a top-level domain of two or more letters (or is an IP
//! address); trailing sentence punctuation (`.`, `,`, `;`, `:`, `!`, `?`, quotes) and a closing
//! bracket without its opening one are not part of the URL.
//!
//! Context: a URL is not always personal data (the municipality's own web site is not), so a
//! plain URL scores in the middle. Social-media hosts, whose paths name a person, and context
//! words (`profil`, `länk`, `hemsida`, …) score higher.

use regex::Regex;

use super::common::{Pattern, at_word_start, candidate, compiled, trim_trailing};
use crate::Result;
use crate::detect::context::word_before;
use crate::detect::{Candidate, Entity, Recognizer};

/// Words that announce a URL worth masking.
pub const CONTEXT: &[&str] = &[
    "profil",
    "länk",
    "hemsida",
    "webbplats",
    "annonserar",
    "konto på",
];

/// Hosts whose paths usually name a person.
pub const SOCIAL_HOSTS: &[&str] = &[
    "facebook.com",
    "fb.com",
    "instagram.com",
    "linkedin.com",
    "twitter.com",
    "x.com",
    "tiktok.com",
    "youtube.com",
    "snapchat.com",
    "t.me",
    "vk.com",
    "blocket.se",
];

/// Score of a URL.
pub const SCORE_URL: f32 = 0.75;
/// Score of a URL after a context word.
pub const SCORE_IN_CONTEXT: f32 = 0.85;
/// Score of a URL on a social-media host.
pub const SCORE_SOCIAL: f32 = 0.92;

/// Characters that end a sentence rather than a URL.
const TRAILING: &[char] = &['.', ',', ';', ':', '!', '?', '\'', '"', '»', '”', '’'];

static PATTERN: Pattern =
    Pattern::new(|| Regex::new(r#"(?i)(?:(?:https?|ftp)://|www\.)[^\s<>"'`{}|\\^\[\]]+"#).ok());

/// Finds URLs.
///
/// ```
/// use lantero_redact::detect::Recognizer;
/// use lantero_redact::detect::recognizers::UrlRecognizer;
///
/// let text = "Se https://www.facebook.com/karin.l.77.";
/// let found = UrlRecognizer.recognize(text)?;
/// assert_eq!(&text[found[0].start..found[0].end], "https://www.facebook.com/karin.l.77");
/// # Ok::<(), lantero_redact::Error>(())
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct UrlRecognizer;

impl Recognizer for UrlRecognizer {
    fn name(&self) -> &str {
        "url"
    }

    fn entities(&self) -> &[Entity] {
        &[Entity::Url]
    }

    fn recognize(&self, text: &str) -> Result<Vec<Candidate>> {
        let mut found = Vec::new();
        for m in compiled(self.name(), &PATTERN)?.find_iter(text) {
            if !at_word_start(text, m.start()) {
                continue;
            }
            let end = trim_url_end(text, m.start(), m.end());
            let url = &text[m.start()..end];
            let Some(host) = host(url) else {
                continue;
            };
            let social = SOCIAL_HOSTS
                .iter()
                .find(|s| host == **s || host.ends_with(&format!(".{s}")));
            let (score, reason) = match (social, word_before(text, m.start(), CONTEXT)) {
                (Some(site), _) => (SCORE_SOCIAL, format!("URL on {site}, which names people")),
                (None, Some(word)) => (SCORE_IN_CONTEXT, format!("URL; after '{word}'")),
                (None, None) => (SCORE_URL, "URL".to_owned()),
            };
            found.push(candidate(Entity::Url, m.start(), end, score, reason));
        }
        Ok(found)
    }
}

/// The end of the URL with trailing punctuation and unbalanced closing brackets removed.
fn trim_url_end(text: &str, start: usize, mut end: usize) -> usize {
    loop {
        let trimmed = trim_trailing(text, start, end, TRAILING);
        let url = &text[start..trimmed];
        end = if url.ends_with(')') && url.matches(')').count() > url.matches('(').count() {
            trimmed - 1
        } else {
            return trimmed;
        };
    }
}

/// The host of `url` (lower-case), if it looks like a real host name or IP address.
fn host(url: &str) -> Option<String> {
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    let authority = after_scheme.split(['/', '?', '#']).next()?;
    let host = authority
        .rsplit('@')
        .next()?
        .split(':')
        .next()?
        .to_lowercase();
    let (_, tld) = host.rsplit_once('.')?;
    let real = tld.chars().count() >= 2 && tld.chars().all(char::is_alphabetic);
    let ip = host.parse::<std::net::Ipv4Addr>().is_ok();
    (real || ip).then_some(host)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn spans(text: &str) -> Vec<(&str, f32)> {
        crate::detect::recognizers::testing::spans(&UrlRecognizer, text)
    }

    fn found(text: &str) -> Vec<&str> {
        spans(text).into_iter().map(|(s, _)| s).collect()
    }

    #[test]
    fn finds_urls_without_trailing_punctuation() {
        for (text, url) in [
            ("Se www.lillby.se.", "www.lillby.se"),
            (
                "Läs mer (https://www.lillby.se/socialtjanst).",
                "https://www.lillby.se/socialtjanst",
            ),
            (
                "http://example.org/tips?id=4711&x=(a),",
                "http://example.org/tips?id=4711&x=(a)",
            ),
            ("<https://bit.ly/3xYz9Qp>", "https://bit.ly/3xYz9Qp"),
            ("http://192.168.1.1/admin", "http://192.168.1.1/admin"),
            ("WWW.LILLBY.SE!", "WWW.LILLBY.SE"),
        ] {
            assert_eq!(found(text), [url], "{text:?}");
        }
    }

    #[test]
    fn social_media_and_context_score_higher() {
        assert_eq!(spans("https://instagram.com/anna")[0].1, SCORE_SOCIAL);
        assert_eq!(spans("min hemsida www.anna.se")[0].1, SCORE_IN_CONTEXT);
        assert_eq!(spans("www.lillby.se")[0].1, SCORE_URL);
    }

    #[test]
    fn false_matches_are_killed() {
        for text in [
            "www.",
            "http://",
            "https://localhost/x",
            "www.x.1",
            "awww.lillby.se",
        ] {
            assert_eq!(found(text), Vec::<&str>::new(), "{text:?}");
        }
    }

    proptest! {
        #[test]
        fn generated_urls_are_found(host in "[a-z]{1,10}", path in "(/[a-z0-9_-]{1,8}){0,3}") {
            let url = format!("https://www.{host}.se{path}");
            let text = format!("Se {url}.");
            prop_assert_eq!(found(&text), vec![url.as_str()]);
        }

        #[test]
        fn arbitrary_text_never_panics(text in "\\PC{0,80}") {
            let _ = UrlRecognizer.recognize(&text).unwrap();
        }
    }
}
