//! Tokenisation and hashed token features, bit for bit as in the training pipeline
//! (`training/lantero_ner/preprocess.py`, which states the specification).
//!
//! Every rule is an explicit code-point table or a per-character mapping, so neither Rust's nor
//! Python's Unicode tables decide anything: separators are the White_Space characters and the
//! controls; ignorables (soft hyphen, zero-width characters, BOM, variation selectors) stay in
//! the word they touch but vanish from its features; symbols are one token each, except the
//! joiners `-`, `'`, `’`, `:` between word characters and `.` `,` between ASCII digits; lowercase
//! is per character and only below U+0530 and in U+1E00..=U+1FFF; the whole-word features are
//! kept only when the model knows them (else `w:<unk>`, `t:<unk>`: an unseen word would
//! otherwise hit another word's row by hash collision). The test-vector file
//! `lantero-redact/models/ner/preprocess-vectors.json`, written by Python, proves the match.
//!
//! ```
//! use lantero_redact::ner::preprocess::{KnownFeatures, tokenize, token_features};
//!
//! let tokens = tokenize("Mejla anna.lindqvist@lillby.se, Anna-Karin!");
//! let texts: Vec<&str> = tokens.iter().map(|t| t.text).collect();
//! assert_eq!(texts, ["Mejla", "anna", ".", "lindqvist", "@", "lillby", ".", "se", ",", "Anna-Karin", "!"]);
//! let known = KnownFeatures::from_lines("w:åsa\nt:Åsa\n");
//! assert_eq!(token_features("Åsa", Some(&known))[..3], ["w:åsa", "t:Åsa", "c:title"]);
//! assert_eq!(token_features("ÅSA", Some(&known))[..3], ["w:åsa", "t:<unk>", "c:allcaps"]);
//! ```

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

/// The version of these rules; the model's config names the version it was trained with.
pub const PREPROCESS_VERSION: &str = "lantero-ner-preprocess/2";
/// Number of feature ids (rows of the embedding table); id 0 is padding.
pub const BUCKETS: u64 = 1 << 16;
/// Feature ids per token, padded with 0.
pub const MAX_FEATURES: usize = 32;
const MAX_NGRAMS: usize = 20;
const MAX_SHAPE: usize = 12;

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// Inclusive ranges of characters that are tokens of their own.
const SYMBOL_RANGES: &[(u32, u32)] = &[
    (0x21, 0x2F),
    (0x3A, 0x40),
    (0x5B, 0x60),
    (0x7B, 0x7E),
    (0xA1, 0xA9),
    (0xAB, 0xAC),
    (0xAE, 0xB4),
    (0xB6, 0xB9),
    (0xBB, 0xBF),
    (0xD7, 0xD7),
    (0xF7, 0xF7),
    (0x2010, 0x2027),
    (0x2030, 0x205E),
    (0x20A0, 0x20CF),
    (0x2190, 0x2BFF),
    (0x3001, 0x303F),
    (0xFFFD, 0xFFFD),
    (0x1F000, 0x1FAFF),
];

/// A token: its text and its offsets in characters (not bytes) in the tokenised text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token<'a> {
    /// Character offset of the first character.
    pub start: usize,
    /// Character offset one past the last character.
    pub end: usize,
    /// The token as written.
    pub text: &'a str,
}

/// Whether `c` separates tokens (White_Space or a control character).
pub fn is_separator(c: char) -> bool {
    let o = u32::from(c);
    matches!(o, 0x09..=0x0D | 0x20 | 0x85 | 0xA0 | 0x1680 | 0x2000..=0x200A | 0x2028 | 0x2029 | 0x202F | 0x205F | 0x3000)
        || o < 0x20
        || (0x7F..=0x9F).contains(&o)
}

/// Whether `c` is ignored inside words (soft hyphen, zero-width characters, variation selectors).
pub fn is_ignorable(c: char) -> bool {
    matches!(u32::from(c), 0xAD | 0x200B..=0x200D | 0x2060 | 0xFEFF | 0xFE00..=0xFE0F)
}

/// Whether `c` is a token of its own.
pub fn is_symbol(c: char) -> bool {
    let o = u32::from(c);
    SYMBOL_RANGES.iter().any(|&(lo, hi)| (lo..=hi).contains(&o))
}

/// Whether `c` is a word character.
pub fn is_word(c: char) -> bool {
    !(is_separator(c) || is_ignorable(c) || is_symbol(c))
}

fn joins(prev: char, c: char, next: char) -> bool {
    if !(is_word(prev) && is_word(next)) {
        return false;
    }
    matches!(c, '-' | '\'' | '\u{2019}' | ':')
        || (matches!(c, '.' | ',') && prev.is_ascii_digit() && next.is_ascii_digit())
}

/// Splits `text` into tokens with character offsets.
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let byte_at = |i: usize| chars.get(i).map_or(text.len(), |&(b, _)| b);
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].1;
        if is_separator(c) {
            i += 1;
            continue;
        }
        if is_symbol(c) {
            tokens.push(Token {
                start: i,
                end: i + 1,
                text: &text[byte_at(i)..byte_at(i + 1)],
            });
            i += 1;
            continue;
        }
        let start = i;
        let mut has_word = false;
        while i < chars.len() {
            let c = chars[i].1;
            if is_word(c) {
                has_word = true;
            } else if !is_ignorable(c) {
                let joined =
                    has_word && i + 1 < chars.len() && joins(chars[i - 1].1, c, chars[i + 1].1);
                if !joined {
                    break;
                }
            }
            i += 1;
        }
        if has_word {
            tokens.push(Token {
                start,
                end: i,
                text: &text[byte_at(start)..byte_at(i)],
            });
        }
    }
    tokens
}

/// Lowercases one character the way the model was trained: per character, only below U+0530
/// and in U+1E00..=U+1FFF.
pub fn lower_char(c: char, out: &mut String) {
    let o = u32::from(c);
    if o < 0x530 || (0x1E00..=0x1FFF).contains(&o) {
        out.extend(c.to_lowercase());
    } else {
        out.push(c);
    }
}

fn is_upper(c: char) -> bool {
    let mut s = String::new();
    lower_char(c, &mut s);
    s.chars().ne(std::iter::once(c))
}

/// The token without ignorables.
pub fn normalise(token: &str) -> String {
    token.chars().filter(|&c| !is_ignorable(c)).collect()
}

/// The token without ignorables, lowercased.
pub fn normalised_lower(token: &str) -> String {
    let mut out = String::with_capacity(token.len());
    for c in token.chars().filter(|&c| !is_ignorable(c)) {
        lower_char(c, &mut out);
    }
    out
}

fn shape(norm: &str) -> String {
    let mut out: Vec<char> = Vec::new();
    for c in norm.chars() {
        let k = if c.is_ascii_digit() {
            'd'
        } else if !is_word(c) {
            c
        } else if is_upper(c) {
            'X'
        } else {
            'x'
        };
        if out.last() != Some(&k) {
            out.push(k);
        }
    }
    out.into_iter().take(MAX_SHAPE).collect()
}

fn case_class(norm: &str) -> &'static str {
    let uppers: Vec<bool> = norm
        .chars()
        .filter(|&c| is_word(c) && !c.is_ascii_digit())
        .map(is_upper)
        .collect();
    match uppers.as_slice() {
        [] => "none",
        [_] if uppers[0] => "upper1",
        _ if uppers.iter().all(|&u| u) => "allcaps",
        _ if !uppers.iter().any(|&u| u) => "lower",
        [first, rest @ ..] if *first && !rest.iter().any(|&u| u) => "title",
        _ => "mixed",
    }
}

fn zero_digits(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_ascii_digit() { '0' } else { c })
        .collect()
}

/// The whole-word features a model was trained with (its `known-features.txt`, one a line).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KnownFeatures(HashSet<String>);

impl KnownFeatures {
    /// Reads one feature a line; blank lines are skipped.
    pub fn from_lines(text: &str) -> Self {
        Self(
            text.lines()
                .filter(|l| !l.is_empty())
                .map(str::to_owned)
                .collect(),
        )
    }

    /// Whether `feature` is known.
    pub fn contains(&self, feature: &str) -> bool {
        self.0.contains(feature)
    }

    /// How many features are known.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether none is.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// The feature strings of one token, in the model's order: word, word as written, case class,
/// shape, length, prefixes 1–3, suffixes 1–4, then up to 20 character trigrams of `<word>`.
/// With `known`, unknown whole-word features become `w:<unk>` / `t:<unk>`.
pub fn token_features(token: &str, known: Option<&KnownFeatures>) -> Vec<String> {
    let norm = normalise(token);
    let low = normalised_lower(token);
    let chars: Vec<char> = low.chars().collect();
    let n = chars.len();
    let mut word = format!("w:{}", zero_digits(&low));
    let mut written = format!("t:{}", zero_digits(&norm));
    if let Some(known) = known {
        if !known.contains(&word) {
            word = "w:<unk>".to_owned();
        }
        if !known.contains(&written) {
            written = "t:<unk>".to_owned();
        }
    }
    let mut feats = vec![
        word,
        written,
        format!("c:{}", case_class(&norm)),
        format!("s:{}", shape(&norm)),
        format!("n:{}", n.min(12)),
    ];
    for k in 1..=3 {
        if n >= k {
            feats.push(format!("p{k}:{}", chars[..k].iter().collect::<String>()));
        }
    }
    for k in 1..=4 {
        if n >= k {
            feats.push(format!(
                "x{k}:{}",
                chars[n - k..].iter().collect::<String>()
            ));
        }
    }
    let mut marked = Vec::with_capacity(n + 2);
    marked.push('<');
    marked.extend_from_slice(&chars);
    marked.push('>');
    for window in marked.windows(3).take(MAX_NGRAMS) {
        feats.push(format!("g:{}", window.iter().collect::<String>()));
    }
    feats
}

/// FNV-1a, 64 bits, over `bytes`.
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    bytes.iter().fold(FNV_OFFSET, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(FNV_PRIME)
    })
}

/// The embedding row of a feature string: `1 + fnv1a64 % (BUCKETS - 1)`.
pub fn feature_id(feature: &str) -> i64 {
    // BUCKETS is 2^16, so the id always fits.
    (1 + fnv1a64(feature.as_bytes()) % (BUCKETS - 1)) as i64
}

/// The feature ids of one token, padded with 0 to [`MAX_FEATURES`].
pub fn token_ids(token: &str, known: &KnownFeatures) -> [i64; MAX_FEATURES] {
    let mut ids = [0; MAX_FEATURES];
    for (slot, feature) in ids.iter_mut().zip(token_features(token, Some(known))) {
        *slot = feature_id(&feature);
    }
    ids
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn words_join_across_hyphens_and_colons_but_emails_split() {
        let texts: Vec<&str> = tokenize("SVT:s O'Brien 1.500 a.b x-")
            .iter()
            .map(|t| t.text)
            .collect();
        assert_eq!(
            texts,
            ["SVT:s", "O'Brien", "1.500", "a", ".", "b", "x", "-"]
        );
    }

    #[test]
    fn soft_hyphen_stays_in_the_token_but_not_in_features() {
        let tokens = tokenize("i \u{ad}världen");
        assert_eq!((tokens[1].start, tokens[1].end), (2, 10));
        assert_eq!(token_features(tokens[1].text, None)[0], "w:världen");
        assert!(tokenize("\u{ad}\u{ad}").is_empty());
    }

    #[test]
    fn case_classes() {
        assert_eq!(case_class("ANNA"), "allcaps");
        assert_eq!(case_class("A"), "upper1");
        assert_eq!(case_class("Anna"), "title");
        assert_eq!(case_class("anna"), "lower");
        assert_eq!(case_class("McDonald"), "mixed");
        assert_eq!(case_class("123"), "none");
    }

    proptest! {
        #[test]
        fn tokens_are_ordered_and_non_empty(text in "\\PC{0,60}") {
            let chars: Vec<char> = text.chars().collect();
            let mut last = 0;
            for token in tokenize(&text) {
                prop_assert!(token.start >= last && token.end > token.start);
                prop_assert_eq!(chars[token.start..token.end].iter().collect::<String>(), token.text);
                prop_assert!(token.text.chars().any(|c| !is_ignorable(c)));
                last = token.end;
            }
        }

        #[test]
        fn ids_are_in_range(token in "\\PC{1,40}") {
            for id in token_ids(&token, &KnownFeatures::default()) {
                prop_assert!((0..BUCKETS as i64).contains(&id));
            }
        }
    }
}
