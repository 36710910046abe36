//! The status machine: which steps are legal for which kind of case.
//!
//! The transitions are a table rather than scattered checks, so that a reader (or a lawyer)
//! can see the whole life of a case in one place.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::CaseKind;
use crate::{Error, Result};

/// Where a case is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Received, nothing done yet.
    Received,
    /// Receipt confirmed to the reporter (whistleblowing: within 7 days).
    Acknowledged,
    /// Being investigated or handled.
    InProgress,
    /// Feedback given to the reporter (whistleblowing: within 3 months); follow-up may go on.
    FeedbackGiven,
    /// A records request has a decision (release, partial release or refusal).
    Decided,
    /// Closed; the retention clock runs from here.
    Closed,
}

impl Status {
    /// Every status, in life order.
    pub const ALL: [Status; 6] = [
        Self::Received,
        Self::Acknowledged,
        Self::InProgress,
        Self::FeedbackGiven,
        Self::Decided,
        Self::Closed,
    ];

    /// The stable machine name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Received => "received",
            Self::Acknowledged => "acknowledged",
            Self::InProgress => "in_progress",
            Self::FeedbackGiven => "feedback_given",
            Self::Decided => "decided",
            Self::Closed => "closed",
        }
    }

    /// Whether `self → to` is a legal step for a case of `kind`.
    ///
    /// ```
    /// use lantero_cases::case::{CaseKind, Status};
    ///
    /// assert!(Status::Received.can_become(CaseKind::Whistleblowing, Status::Acknowledged));
    /// // A whistleblower report must be acknowledged before it is investigated.
    /// assert!(!Status::Received.can_become(CaseKind::Whistleblowing, Status::InProgress));
    /// // Nothing leaves Closed.
    /// assert!(!Status::Closed.can_become(CaseKind::Tip, Status::InProgress));
    /// ```
    pub fn can_become(self, kind: CaseKind, to: Status) -> bool {
        use Status::*;
        let allowed: &[(Status, Status)] = match kind {
            CaseKind::Whistleblowing => &[
                (Received, Acknowledged),
                (Acknowledged, InProgress),
                // Out of scope after triage: closed (and possibly routed elsewhere).
                (Acknowledged, Closed),
                (InProgress, FeedbackGiven),
                // Follow-up may continue after feedback, and feedback may be given again.
                (FeedbackGiven, InProgress),
                (FeedbackGiven, Closed),
                (InProgress, Closed),
            ],
            CaseKind::Tip => &[
                (Received, InProgress),
                // A tip without legal basis for processing is closed at once (and purged by routine).
                (Received, Closed),
                (InProgress, FeedbackGiven),
                (InProgress, Closed),
                (FeedbackGiven, Closed),
            ],
            CaseKind::RecordsRequest => &[
                (Received, InProgress),
                (Received, Decided),
                (InProgress, Decided),
                (Decided, Closed),
            ],
        };
        allowed.contains(&(self, to))
    }

    /// The step `self → to`, or [`Error::InvalidTransition`].
    pub fn become_(self, kind: CaseKind, to: Status) -> Result<Status> {
        if self.can_become(kind, to) {
            Ok(to)
        } else {
            Err(Error::InvalidTransition {
                kind: kind.to_string(),
                from: self.to_string(),
                to: to.to_string(),
            })
        }
    }

    /// The statuses a case of `kind` may go to next.
    pub fn next(self, kind: CaseKind) -> Vec<Status> {
        Self::ALL
            .into_iter()
            .filter(|to| self.can_become(kind, *to))
            .collect()
    }

    /// Whether the case is finished.
    pub fn is_closed(self) -> bool {
        self == Self::Closed
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Status {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        Self::ALL
            .into_iter()
            .find(|x| x.as_str() == s)
            .ok_or_else(|| Error::invalid("status", s, "unknown status"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn reachable(kind: CaseKind) -> Vec<Status> {
        let mut seen = vec![Status::Received];
        let mut i = 0;
        while i < seen.len() {
            for n in seen[i].next(kind) {
                if !seen.contains(&n) {
                    seen.push(n);
                }
            }
            i += 1;
        }
        seen
    }

    #[test]
    fn every_kind_can_reach_closed_and_closed_is_terminal() {
        for kind in CaseKind::ALL {
            assert!(reachable(kind).contains(&Status::Closed), "{kind}");
            assert!(Status::Closed.next(kind).is_empty());
        }
    }

    #[test]
    fn decided_is_only_for_records_requests() {
        assert!(!reachable(CaseKind::Whistleblowing).contains(&Status::Decided));
        assert!(!reachable(CaseKind::Tip).contains(&Status::Decided));
        assert!(reachable(CaseKind::RecordsRequest).contains(&Status::Decided));
    }

    #[test]
    fn illegal_step_names_both_ends() {
        let err = Status::Received
            .become_(CaseKind::RecordsRequest, Status::Closed)
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "a records_request case cannot go from received to closed"
        );
    }

    proptest! {
        #[test]
        fn nothing_returns_to_received(k in 0usize..3, s in 0usize..6) {
            let kind = CaseKind::ALL[k];
            prop_assert!(!Status::ALL[s].can_become(kind, Status::Received));
        }

        #[test]
        fn names_round_trip(s in 0usize..6) {
            let st = Status::ALL[s];
            prop_assert_eq!(st.as_str().parse::<Status>().unwrap(), st);
        }
    }
}
