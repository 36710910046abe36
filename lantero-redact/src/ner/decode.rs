//! From tag probabilities to entity spans: a Viterbi path in which `I-X` may only follow `B-X`
//! or `I-X` (so every span starts with `B-`), then spans with a raw score.
//!
//! ```
//! use lantero_redact::ner::decode::{decode, viterbi};
//!
//! let labels: Vec<String> = ["O", "B-PER", "I-PER"].map(String::from).to_vec();
//! // Token 1 alone prefers I-PER, which cannot start a span: the path picks B-PER.
//! let probs = [0.9, 0.05, 0.05, 0.1, 0.4, 0.5];
//! assert_eq!(viterbi(&probs, &labels), [0, 1]);
//! let spans = decode(&probs, &labels, &[]);
//! assert_eq!((spans[0].first, spans[0].end, spans[0].entity.as_str()), (1, 2, "PER"));
//! assert!((spans[0].raw_score - 0.9).abs() < 1e-6);
//! ```

/// A span of tokens the model tags as one entity.
#[derive(Debug, Clone, PartialEq)]
pub struct TokenSpan {
    /// Index of the first token.
    pub first: usize,
    /// Index one past the last token.
    pub end: usize,
    /// The entity type, e.g. `"PER"`.
    pub entity: String,
    /// Mean over the span's tokens of the probability that the token belongs to an entity of
    /// this type (`B-` plus `I-`); uncalibrated.
    pub raw_score: f32,
}

fn allowed(labels: &[String], prev: Option<usize>, cur: usize) -> bool {
    let Some(kind) = labels[cur].strip_prefix("I-") else {
        return true;
    };
    prev.is_some_and(|p| labels[p] != "O" && labels[p].get(2..) == Some(kind))
}

/// Whether each token may continue a span of the token before it when the path says `B-`
/// again: at most one character between them and no line break. `tokens` are `(start, end)`
/// character offsets into `chars`.
pub fn joinable(chars: &[char], tokens: &[(usize, usize)]) -> Vec<bool> {
    let mut out = Vec::with_capacity(tokens.len());
    for (i, &(start, _)) in tokens.iter().enumerate() {
        out.push(
            i > 0 && {
                let gap = &chars[tokens[i - 1].1..start];
                gap.len() <= 1 && !gap.contains(&'\n') && !gap.contains(&'\r')
            },
        );
    }
    out
}

/// The most probable tag path under the `B-`/`I-` constraint. `probs` holds `labels.len()`
/// values per token, row-major.
pub fn viterbi(probs: &[f32], labels: &[String]) -> Vec<usize> {
    let c = labels.len();
    if c == 0 || probs.len() < c {
        return Vec::new();
    }
    let t_len = probs.len() / c;
    let logp = |t: usize, j: usize| (f64::from(probs[t * c + j]) + 1e-12).ln();
    const NEG: f64 = -1e30;
    let permitted: Vec<bool> = (0..c * c)
        .map(|k| allowed(labels, Some(k / c), k % c))
        .collect();
    let mut score: Vec<f64> = (0..c)
        .map(|j| {
            if allowed(labels, None, j) {
                logp(0, j)
            } else {
                NEG
            }
        })
        .collect();
    let mut back = vec![0_usize; t_len * c];
    let mut next = vec![0_f64; c];
    for t in 1..t_len {
        for (j, slot) in next.iter_mut().enumerate() {
            let (mut best, mut arg) = (NEG, 0);
            for (i, &s) in score.iter().enumerate() {
                if permitted[i * c + j] && s > best {
                    (best, arg) = (s, i);
                }
            }
            *slot = best + logp(t, j);
            back[t * c + j] = arg;
        }
        std::mem::swap(&mut score, &mut next);
    }
    // The first maximum, as numpy's argmax picks it.
    let mut last = 0;
    for (j, &s) in score.iter().enumerate() {
        if s > score[last] {
            last = j;
        }
    }
    let mut path = vec![last; t_len];
    for t in (1..t_len).rev() {
        last = back[t * c + last];
        path[t - 1] = last;
    }
    path
}

/// Spans along the Viterbi path, each with its raw score. Adjacent tokens of one type form one
/// span even where the path says `B-` again, if `joinable[t]` allows it (token `t` one space
/// from `t - 1` on one line; an empty slice joins nothing): the news corpus cannot mark two
/// adjacent entities of one type, so neither can the model.
pub fn decode(probs: &[f32], labels: &[String], joinable: &[bool]) -> Vec<TokenSpan> {
    let c = labels.len();
    let path = viterbi(probs, labels);
    let mut spans = Vec::new();
    let mut i = 0;
    while i < path.len() {
        let Some(kind) = labels[path[i]].strip_prefix("B-") else {
            i += 1;
            continue;
        };
        let inside = format!("I-{kind}");
        let begin = &labels[path[i]];
        let mut j = i + 1;
        while j < path.len()
            && (labels[path[j]] == inside
                || (&labels[path[j]] == begin && joinable.get(j).copied().unwrap_or(false)))
        {
            j += 1;
        }
        let b = labels.iter().position(|l| l == &labels[path[i]]);
        let n = labels.iter().position(|l| *l == inside);
        let total: f32 = (i..j)
            .map(|t| b.map_or(0.0, |b| probs[t * c + b]) + n.map_or(0.0, |n| probs[t * c + n]))
            .sum();
        spans.push(TokenSpan {
            first: i,
            end: j,
            entity: kind.to_owned(),
            raw_score: total / (j - i) as f32,
        });
        i = j;
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn labels() -> Vec<String> {
        ["O", "B-PER", "I-PER", "B-LOC", "I-LOC"]
            .map(String::from)
            .to_vec()
    }

    #[test]
    fn adjacent_tokens_of_one_type_are_one_span() {
        // B-PER B-PER O B-LOC: one person span, one place.
        let probs = [
            0.0, 1.0, 0.0, 0.0, 0.0, //
            0.0, 0.9, 0.1, 0.0, 0.0, //
            1.0, 0.0, 0.0, 0.0, 0.0, //
            0.0, 0.0, 0.0, 1.0, 0.0,
        ];
        let spans = decode(&probs, &labels(), &[false, true, true, true]);
        let got: Vec<(usize, usize, &str)> = spans
            .iter()
            .map(|s| (s.first, s.end, s.entity.as_str()))
            .collect();
        assert_eq!(got, [(0, 2, "PER"), (3, 4, "LOC")]);
    }

    #[test]
    fn inside_tags_never_follow_another_type() {
        // Token 1 prefers I-PER but follows B-LOC: the path must not join them.
        let probs = [
            0.0, 0.0, 0.0, 1.0, 0.0, //
            0.0, 0.0, 0.6, 0.0, 0.4,
        ];
        let path = viterbi(&probs, &labels());
        assert_eq!(path, [3, 4]);
    }

    proptest! {
        #[test]
        fn every_path_is_well_formed(raw in proptest::collection::vec(0.0f32..1.0, 0..60)) {
            let labels = labels();
            let probs: Vec<f32> = raw.iter().copied().take(raw.len() / 5 * 5).collect();
            let path = viterbi(&probs, &labels);
            prop_assert_eq!(path.len(), probs.len() / 5);
            for (t, &tag) in path.iter().enumerate() {
                let prev = t.checked_sub(1).map(|p| path[p]);
                prop_assert!(allowed(&labels, prev, tag));
            }
            for span in decode(&probs, &labels, &[]) {
                prop_assert!(span.first < span.end && span.raw_score >= 0.0);
            }
        }
    }
}
