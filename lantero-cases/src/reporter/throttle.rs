//! Brute-force throttling of receipt attempts: the rule. The counts live in the store (see
//! [`CaseStore::reserve_attempt`](crate::store::CaseStore::reserve_attempt)), so they survive
//! restarts and every process on the same store shares them.
//!
//! No IP address is ever logged or kept (reporters must stay anonymous), so attempts are
//! counted per caller-chosen `source` key (e.g. a hash of a session cookie), stored only as
//! its hash, and per tenant.
//!
//! An attempt is *reserved* before the receipt is hashed, in the same transaction that counts
//! the earlier ones, so concurrent guesses cannot all pass the check before any is counted.
//! A source over its limit is refused until its oldest attempt leaves the window. The tenant
//! ceiling does not refuse: it slows every attempt down, because a refusal there would let an
//! attacker who spreads guesses over many sources lock the real reporter out.

use std::time::Duration;

use chrono::{DateTime, TimeDelta, Utc};
use serde::{Deserialize, Serialize};

use crate::{Error, Result};

/// Limits on receipt attempts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThrottleConfig {
    /// Attempts evaluated per source within `window_secs`; more are refused.
    pub per_source: u32,
    /// Attempts per tenant within `window_secs`, over all sources, before every further
    /// attempt is slowed down by `slowdown_ms`.
    pub per_tenant: u32,
    /// The sliding window, in seconds.
    pub window_secs: u32,
    /// The wait before each attempt while the tenant is over `per_tenant`, in milliseconds.
    #[serde(default = "default_slowdown_ms")]
    pub slowdown_ms: u32,
}

const fn default_slowdown_ms() -> u32 {
    2_000
}

impl Default for ThrottleConfig {
    /// 5 attempts per source and 200 per tenant per 15 minutes, then 2 s per attempt.
    fn default() -> Self {
        Self {
            per_source: 5,
            per_tenant: 200,
            window_secs: 900,
            slowdown_ms: default_slowdown_ms(),
        }
    }
}

/// What the earlier attempts in the window say about a new one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Evaluate it after waiting this long (zero unless the tenant is over its ceiling).
    Proceed(Duration),
    /// Refuse it; the source may try again after this many seconds.
    Refuse {
        /// Seconds until the source's oldest attempt leaves the window.
        retry_after_secs: u64,
    },
}

impl ThrottleConfig {
    /// The window as a duration.
    pub fn window(&self) -> TimeDelta {
        TimeDelta::seconds(i64::from(self.window_secs))
    }

    /// The verdict on a new attempt at `now`, given the source's attempts in the window
    /// (`source_count`, the oldest at `source_oldest`) and the tenant's (`tenant_count`).
    ///
    /// ```
    /// use std::time::Duration;
    /// use chrono::Utc;
    /// use lantero_cases::reporter::{ThrottleConfig, Verdict};
    ///
    /// let c = ThrottleConfig { per_source: 5, per_tenant: 200, window_secs: 900, slowdown_ms: 2000 };
    /// let now = Utc::now();
    /// assert_eq!(c.verdict(4, Some(now), 4, now), Verdict::Proceed(Duration::ZERO));
    /// assert!(matches!(c.verdict(5, Some(now), 5, now), Verdict::Refuse { retry_after_secs: 900 }));
    /// // Many sources over the tenant's ceiling: slower, never locked out.
    /// assert_eq!(c.verdict(0, None, 500, now), Verdict::Proceed(Duration::from_secs(2)));
    /// ```
    pub fn verdict(
        &self,
        source_count: u64,
        source_oldest: Option<DateTime<Utc>>,
        tenant_count: u64,
        now: DateTime<Utc>,
    ) -> Verdict {
        if source_count >= u64::from(self.per_source) {
            let oldest = source_oldest.unwrap_or(now);
            let wait = (oldest + self.window() - now).num_seconds().max(1);
            return Verdict::Refuse {
                retry_after_secs: u64::try_from(wait).unwrap_or(1),
            };
        }
        if tenant_count >= u64::from(self.per_tenant) {
            Verdict::Proceed(Duration::from_millis(u64::from(self.slowdown_ms)))
        } else {
            Verdict::Proceed(Duration::ZERO)
        }
    }
}

impl Verdict {
    /// The wait before evaluating, or [`Error::Throttled`].
    pub fn into_result(self) -> Result<Duration> {
        match self {
            Self::Proceed(wait) => Ok(wait),
            Self::Refuse { retry_after_secs } => Err(Error::Throttled { retry_after_secs }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn a_source_under_its_limit_is_never_refused(
            per_source in 1u32..50, per_tenant in 1u32..500, count in 0u64..100,
            tenant in 0u64..1000, age in 0i64..900,
        ) {
            let c = ThrottleConfig { per_source, per_tenant, window_secs: 900, slowdown_ms: 10 };
            let now = Utc::now();
            let v = c.verdict(count, Some(now - TimeDelta::seconds(age)), tenant, now);
            if count < u64::from(per_source) {
                prop_assert!(matches!(v, Verdict::Proceed(_)));
            } else {
                // Refused until the oldest attempt leaves the window, never longer.
                let Verdict::Refuse { retry_after_secs } = v else { panic!("{v:?}") };
                prop_assert!((1..=900).contains(&retry_after_secs));
                prop_assert!(retry_after_secs as i64 >= 900 - age);
            }
        }
    }
}
