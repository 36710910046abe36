//! Long pages in overlapping windows: the model sees at most `window` tokens at a time, and a
//! token near a window's edge also sits well inside its neighbour, whose view is averaged in.
//!
//! ```
//! use lantero_redact::ner::window::windows;
//!
//! assert_eq!(windows(300, 128, 32), [(0, 128), (96, 224), (192, 300)]);
//! assert_eq!(windows(50, 128, 32), [(0, 50)]);
//! assert!(windows(0, 128, 32).is_empty());
//! ```

/// Token ranges `(start, end)` covering `len` tokens with windows of `window` tokens that
/// overlap by `overlap`. The last window ends at `len`. `overlap < window` (the config checks it).
pub fn windows(len: usize, window: usize, overlap: usize) -> Vec<(usize, usize)> {
    let stride = window.saturating_sub(overlap).max(1);
    let mut out = Vec::new();
    let mut start = 0;
    while start < len {
        let end = (start + window).min(len);
        out.push((start, end));
        if end == len {
            break;
        }
        start += stride;
    }
    out
}

/// Averages window outputs into one row of `labels` probabilities per token.
///
/// `probs[i]` holds `labels` values per token of `ranges[i]`.
pub fn average(
    len: usize,
    labels: usize,
    ranges: &[(usize, usize)],
    probs: &[Vec<f32>],
) -> Vec<f32> {
    let mut sum = vec![0_f32; len * labels];
    let mut count = vec![0_u32; len];
    for (&(start, end), window) in ranges.iter().zip(probs) {
        for (offset, row) in window.chunks_exact(labels).take(end - start).enumerate() {
            let t = start + offset;
            count[t] += 1;
            for (acc, p) in sum[t * labels..(t + 1) * labels].iter_mut().zip(row) {
                *acc += p;
            }
        }
    }
    for (t, &n) in count.iter().enumerate() {
        if n > 1 {
            for v in &mut sum[t * labels..(t + 1) * labels] {
                *v /= n as f32;
            }
        }
    }
    sum
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn overlapping_rows_are_averaged() {
        let ranges = windows(3, 2, 1);
        assert_eq!(ranges, [(0, 2), (1, 3)]);
        let probs = vec![vec![1.0, 0.0, 0.2, 0.8], vec![0.6, 0.4, 0.5, 0.5]];
        let avg = average(3, 2, &ranges, &probs);
        assert_eq!(avg, [1.0, 0.0, 0.4, 0.6, 0.5, 0.5]);
    }

    proptest! {
        #[test]
        fn windows_cover_every_token_in_order(len in 0usize..2000, window in 1usize..300, overlap in 0usize..300) {
            prop_assume!(overlap < window);
            let ranges = windows(len, window, overlap);
            let mut covered = vec![false; len];
            for (i, &(s, e)) in ranges.iter().enumerate() {
                prop_assert!(s < e && e - s <= window && e <= len);
                if i > 0 { prop_assert!(s > ranges[i - 1].0 && s <= ranges[i - 1].1); }
                covered[s..e].iter_mut().for_each(|c| *c = true);
            }
            prop_assert!(covered.iter().all(|&c| c));
        }
    }
}
