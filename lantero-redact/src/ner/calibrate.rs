//! Calibration: turning a span's raw score into the probability that the span is exactly right.
//!
//! The trainer fits Platt scaling per entity type on the dev split (spans the model predicts,
//! labelled by whether they match a gold span exactly): `p = 1 / (1 + e^-(a·logit(raw) + b))`.
//! So `--min-score 0.8` keeps spans that were exactly right about 80 % of the time or more.
//!
//! ```
//! use lantero_redact::ner::calibrate::Platt;
//!
//! let identity = Platt { a: 1.0, b: 0.0 };
//! assert!((identity.apply(0.7) - 0.7).abs() < 1e-6);
//! let sharper = Platt { a: 2.0, b: 0.5 };
//! assert!(sharper.apply(0.9) > 0.9);
//! ```

use serde::{Deserialize, Serialize};

/// Platt scaling parameters for one entity type.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Platt {
    /// Slope on the raw score's logit.
    pub a: f64,
    /// Intercept.
    pub b: f64,
}

impl Platt {
    /// The calibrated probability of a raw score in `0..=1` (clamped away from 0 and 1).
    pub fn apply(&self, raw: f32) -> f32 {
        let p = f64::from(raw).clamp(1e-6, 1.0 - 1e-6);
        let z = self.a * (p / (1.0 - p)).ln() + self.b;
        (1.0 / (1.0 + (-z).exp())) as f32
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn calibrated_scores_are_probabilities_and_monotone(a in 0.01f64..10.0, b in -5.0f64..5.0, x in 0.0f32..1.0, y in 0.0f32..1.0) {
            let platt = Platt { a, b };
            let (px, py) = (platt.apply(x), platt.apply(y));
            prop_assert!((0.0..=1.0).contains(&px));
            if x < y { prop_assert!(px <= py); }
        }
    }
}
