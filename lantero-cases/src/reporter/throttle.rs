//! Brute-force throttling of receipt attempts.
//!
//! No IP address is ever logged or kept (reporters must stay anonymous), so attempts are
//! counted per caller-chosen `source` key (e.g. a hash of a session cookie) and, as a ceiling
//! no source can dodge, per tenant.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;

use chrono::{DateTime, TimeDelta, Utc};
use serde::{Deserialize, Serialize};

use crate::{Error, Result, TenantId};

/// Limits on failed receipt attempts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThrottleConfig {
    /// Failures allowed per source within `window_secs`.
    pub per_source: u32,
    /// Failures allowed per tenant within `window_secs`, over all sources.
    pub per_tenant: u32,
    /// The sliding window, in seconds.
    pub window_secs: u32,
}

impl Default for ThrottleConfig {
    /// 5 failures per source and 200 per tenant per 15 minutes: over a year that is at most
    /// ~7 million guesses per tenant against a space of 10^16 receipts.
    fn default() -> Self {
        Self {
            per_source: 5,
            per_tenant: 200,
            window_secs: 900,
        }
    }
}

/// A tenant and a source, or (`None`) the tenant as a whole.
type ThrottleKey = (TenantId, Option<String>);

/// Counts failed attempts in memory.
///
/// ```
/// use chrono::Utc;
/// use lantero_cases::reporter::{Throttle, ThrottleConfig};
///
/// let t = Throttle::new(ThrottleConfig { per_source: 2, per_tenant: 100, window_secs: 60 });
/// let tenant = "ange".parse()?;
/// let now = Utc::now();
/// t.check(&tenant, "s1", now)?;
/// t.record_failure(&tenant, "s1", now);
/// t.record_failure(&tenant, "s1", now);
/// assert!(t.check(&tenant, "s1", now).is_err());
/// assert!(t.check(&tenant, "s2", now).is_ok());
/// assert!(t.check(&tenant, "s1", now + chrono::TimeDelta::seconds(61)).is_ok());
/// # Ok::<(), lantero_cases::Error>(())
/// ```
#[derive(Debug)]
pub struct Throttle {
    config: ThrottleConfig,
    failures: Mutex<HashMap<ThrottleKey, VecDeque<DateTime<Utc>>>>,
}

impl Throttle {
    /// A throttle with these limits.
    pub fn new(config: ThrottleConfig) -> Self {
        Self {
            config,
            failures: Mutex::new(HashMap::new()),
        }
    }

    fn window(&self) -> TimeDelta {
        TimeDelta::seconds(i64::from(self.config.window_secs))
    }

    /// Refuses with [`Error::Throttled`] while the source or the tenant is over its limit.
    pub fn check(&self, tenant: &TenantId, source: &str, now: DateTime<Utc>) -> Result<()> {
        let mut map = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        let window = self.window();
        let keys = [
            (
                (tenant.clone(), Some(source.to_owned())),
                self.config.per_source,
            ),
            ((tenant.clone(), None), self.config.per_tenant),
        ];
        for (key, limit) in keys {
            if let Some(times) = map.get_mut(&key) {
                while times.front().is_some_and(|t| *t + window <= now) {
                    times.pop_front();
                }
                if times.len() >= limit as usize {
                    let oldest = times.front().copied().unwrap_or(now);
                    let wait = (oldest + window - now).num_seconds().max(1);
                    return Err(Error::Throttled {
                        retry_after_secs: u64::try_from(wait).unwrap_or(1),
                    });
                }
            }
        }
        Ok(())
    }

    /// Counts a failed attempt. Successes are not counted and reset nothing, so a reporter
    /// with a valid receipt cannot clear the tenant's counter for an attacker.
    pub fn record_failure(&self, tenant: &TenantId, source: &str, now: DateTime<Utc>) {
        let mut map = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        // Bound memory under a flood of one-off sources: forget those with no recent failure.
        if map.len() > 10_000 {
            let window = self.window();
            map.retain(|_, times| times.back().is_some_and(|t| *t + window > now));
        }
        for key in [
            (tenant.clone(), Some(source.to_owned())),
            (tenant.clone(), None),
        ] {
            map.entry(key).or_default().push_back(now);
        }
    }
}

impl Default for Throttle {
    fn default() -> Self {
        Self::new(ThrottleConfig::default())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tenant_ceiling_applies_to_every_source() {
        let t = Throttle::new(ThrottleConfig {
            per_source: 100,
            per_tenant: 3,
            window_secs: 60,
        });
        let tenant: TenantId = "a".parse().unwrap();
        let other: TenantId = "b".parse().unwrap();
        let now = Utc::now();
        for s in ["x", "y", "z"] {
            t.record_failure(&tenant, s, now);
        }
        let err = t.check(&tenant, "fresh", now).unwrap_err();
        assert!(matches!(
            err,
            Error::Throttled {
                retry_after_secs: 60
            }
        ));
        assert!(t.check(&other, "fresh", now).is_ok());
    }
}
