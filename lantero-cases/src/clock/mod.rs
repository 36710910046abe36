//! Statutory clocks: Swedish working days and holidays, local time, and the deadlines of each
//! kind of case.

mod calendar;
mod deadline;
mod holidays;

use std::sync::Mutex;

use chrono::{DateTime, Utc};

pub use calendar::{
    add_working_days, end_of_local_day, is_weekend, local_date, roll_to_working_day,
    stockholm_offset,
};
pub use deadline::{ClockKind, Deadline, DeadlineRules, DeadlineState, deadlines_for};
pub use holidays::{Holiday, HolidayKind, easter_sunday, holiday_on, holidays, is_working_day};

/// Where "now" comes from, so that deadlines and retention can be tested at any date.
pub trait Clock: Send + Sync {
    /// The current instant.
    fn now(&self) -> DateTime<Utc>;
}

/// The system clock.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// A clock that stands still until moved; for tests and simulations.
///
/// ```
/// use chrono::{TimeDelta, TimeZone, Utc};
/// use lantero_cases::clock::{Clock, ManualClock};
///
/// let c = ManualClock::new(Utc.with_ymd_and_hms(2025, 1, 1, 9, 0, 0).unwrap());
/// c.advance(TimeDelta::days(7));
/// assert_eq!(c.now(), Utc.with_ymd_and_hms(2025, 1, 8, 9, 0, 0).unwrap());
/// ```
#[derive(Debug)]
pub struct ManualClock(Mutex<DateTime<Utc>>);

impl ManualClock {
    /// A clock showing `at`.
    pub fn new(at: DateTime<Utc>) -> Self {
        Self(Mutex::new(at))
    }

    /// Sets the time.
    pub fn set(&self, at: DateTime<Utc>) {
        *self.0.lock().unwrap_or_else(|p| p.into_inner()) = at;
    }

    /// Moves the time forward (or back, with a negative delta).
    pub fn advance(&self, by: chrono::TimeDelta) {
        let mut t = self.0.lock().unwrap_or_else(|p| p.into_inner());
        *t += by;
    }
}

impl Clock for ManualClock {
    fn now(&self) -> DateTime<Utc> {
        *self.0.lock().unwrap_or_else(|p| p.into_inner())
    }
}
