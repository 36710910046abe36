//! Tagging text: tokens → windows → one batched session run → averaged probabilities →
//! constrained Viterbi → spans with calibrated scores and byte offsets.

use serde::{Deserialize, Serialize};

use super::NerModel;
use super::decode::{decode, joinable};
use super::preprocess::{MAX_FEATURES, token_ids, tokenize};
use super::window::{average, windows};
use crate::Result;

/// Windows sent to the session in one run at most (bounds memory on very long texts).
const MAX_BATCH: usize = 64;

/// An entity the model found in a text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NerSpan {
    /// The model's entity type: `PER`, `LOC`, `ORG` or `MISC`.
    pub entity: String,
    /// Byte offset of the first byte in the text.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// Character offset of the first character.
    pub char_start: usize,
    /// Character offset one past the last character.
    pub char_end: usize,
    /// The model's uncalibrated span score.
    pub raw_score: f32,
    /// The calibrated probability that the span is exactly right.
    pub score: f32,
}

impl NerModel {
    /// Finds entities in one text.
    pub fn tag(&self, text: &str) -> Result<Vec<NerSpan>> {
        Ok(self.tag_many(&[text])?.pop().unwrap_or_default())
    }

    /// Finds entities in several texts, batching all their windows together.
    pub fn tag_many(&self, texts: &[&str]) -> Result<Vec<Vec<NerSpan>>> {
        let (window, overlap) = (self.config.window, self.config.overlap);
        let labels = self.config.labels.len();
        let tokenised: Vec<_> = texts.iter().map(|t| tokenize(t)).collect();
        let ids: Vec<Vec<[i64; MAX_FEATURES]>> = tokenised
            .iter()
            .map(|tokens| {
                tokens
                    .iter()
                    .map(|t| token_ids(t.text, &self.known))
                    .collect()
            })
            .collect();
        let ranges: Vec<Vec<(usize, usize)>> = ids
            .iter()
            .map(|ids| windows(ids.len(), window, overlap))
            .collect();

        let mut pieces: Vec<&[[i64; MAX_FEATURES]]> = Vec::new();
        for (ids, ranges) in ids.iter().zip(&ranges) {
            pieces.extend(ranges.iter().map(|&(s, e)| &ids[s..e]));
        }
        let mut outputs = Vec::with_capacity(pieces.len());
        for batch in pieces.chunks(MAX_BATCH) {
            outputs.extend(self.run(batch)?);
        }

        let mut outputs = outputs.into_iter();
        let mut result = Vec::with_capacity(texts.len());
        for ((text, tokens), ranges) in texts.iter().zip(&tokenised).zip(&ranges) {
            let window_probs: Vec<Vec<f32>> = outputs.by_ref().take(ranges.len()).collect();
            let probs = average(tokens.len(), labels, ranges, &window_probs);
            let bytes: Vec<usize> = text
                .char_indices()
                .map(|(b, _)| b)
                .chain(std::iter::once(text.len()))
                .collect();
            let chars: Vec<char> = text.chars().collect();
            let offsets: Vec<(usize, usize)> = tokens.iter().map(|t| (t.start, t.end)).collect();
            let spans = decode(&probs, &self.config.labels, &joinable(&chars, &offsets))
                .into_iter()
                .map(|span| {
                    let char_start = tokens[span.first].start;
                    let char_end = tokens[span.end - 1].end;
                    let score = self
                        .config
                        .calibration
                        .get(&span.entity)
                        .map_or(span.raw_score, |platt| platt.apply(span.raw_score));
                    NerSpan {
                        start: bytes[char_start],
                        end: bytes[char_end],
                        char_start,
                        char_end,
                        entity: span.entity,
                        raw_score: span.raw_score,
                        score,
                    }
                })
                .collect();
            result.push(spans);
        }
        Ok(result)
    }
}
