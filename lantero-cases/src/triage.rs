//! Scope triage of whistleblower reports.
//!
//! A reporter is protected by the whistleblower act (lag 2021:890) only if the report really
//! falls within it: a work-related context, a person in a protected relation to the
//! organisation, and a matter of public interest (or a breach of EU law within the directive's
//! scope). The labour court has held that a report outside the act gives no protection
//! (seed 001), so handlers record this assessment explicitly. A report outside scope that
//! points to welfare crime is not dropped: it is routed to that work (seed 002).
//!
//! The rules follow 1 kap. 1–2 §§ and 11 § of the act *(verify with counsel)*; they are a table
//! of plain conditions so that a lawyer can read and correct them.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::policy::ActorId;

/// The reporter's relation to the organisation (1 kap. 11 § lag 2021:890).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReporterRelation {
    /// Arbetstagare, also inhyrd personal.
    Employee,
    /// Volontär or praktikant.
    VolunteerOrTrainee,
    /// Someone applying for work, or whose work has not begun.
    JobApplicant,
    /// Egenföretagare working for the organisation (uppdragstagare).
    SelfEmployed,
    /// Aktieägare active in a company.
    Shareholder,
    /// Member of a board, management or supervisory body.
    Management,
    /// Someone who belonged to one of the groups above and whose relation has ended.
    Former,
    /// A member of the public with no work relation (their place is the tip channel).
    Public,
    /// Not known (anonymous report that does not say).
    Unknown,
}

impl ReporterRelation {
    /// Whether the act protects a reporter in this relation. An unknown relation is given the
    /// benefit of the doubt: anonymous reporters rarely say who they are.
    pub fn is_protected(self) -> bool {
        !matches!(self, Self::Public)
    }
}

/// The handler's assessment of a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScopeAssessment {
    /// The information was obtained in a work-related context.
    pub work_related: bool,
    /// There is a public interest in the wrongdoing coming to light.
    pub public_interest: bool,
    /// The report concerns a breach of EU law within the directive's scope (then public
    /// interest need not be shown).
    pub eu_law_breach: bool,
    /// Who is reporting.
    pub relation: ReporterRelation,
    /// The report points to welfare crime (benefit fraud, false invoices, sham employment,
    /// insiders enabling fraud).
    pub welfare_crime_indicated: bool,
}

/// Why a report falls outside the act.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OutOfScopeReason {
    /// Not obtained in a work-related context.
    NotWorkRelated,
    /// Neither public interest nor a breach of EU law.
    NoPublicInterest,
    /// The reporter is not in a protected relation.
    ReporterNotProtected,
}

/// The outcome of triage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum ScopeOutcome {
    /// Within the act: the reporter is protected and the report is investigated as such.
    InScope,
    /// Outside the act.
    OutOfScope {
        /// Every reason that applies.
        reasons: Vec<OutOfScopeReason>,
        /// Whether the report is to be routed to welfare-crime work.
        route_to_welfare_crime: bool,
    },
}

impl ScopeOutcome {
    /// Whether the report is within the act.
    pub fn is_in_scope(&self) -> bool {
        matches!(self, Self::InScope)
    }
}

/// Applies the scope rules to an assessment.
///
/// ```
/// use lantero_cases::triage::{assess, ReporterRelation, ScopeAssessment, ScopeOutcome};
///
/// // An employee reporting that a colleague approves false invoices for friends' companies.
/// let a = ScopeAssessment {
///     work_related: true,
///     public_interest: true,
///     eu_law_breach: false,
///     relation: ReporterRelation::Employee,
///     welfare_crime_indicated: true,
/// };
/// assert_eq!(assess(&a), ScopeOutcome::InScope);
///
/// // A neighbour reporting benefit fraud: not whistleblowing, but welfare-crime work.
/// let b = ScopeAssessment { work_related: false, relation: ReporterRelation::Public, ..a };
/// assert!(matches!(assess(&b), ScopeOutcome::OutOfScope { route_to_welfare_crime: true, .. }));
/// ```
pub fn assess(a: &ScopeAssessment) -> ScopeOutcome {
    let mut reasons = Vec::new();
    if !a.work_related {
        reasons.push(OutOfScopeReason::NotWorkRelated);
    }
    if !a.public_interest && !a.eu_law_breach {
        reasons.push(OutOfScopeReason::NoPublicInterest);
    }
    if !a.relation.is_protected() {
        reasons.push(OutOfScopeReason::ReporterNotProtected);
    }
    if reasons.is_empty() {
        ScopeOutcome::InScope
    } else {
        ScopeOutcome::OutOfScope {
            reasons,
            route_to_welfare_crime: a.welfare_crime_indicated,
        }
    }
}

/// A triage as recorded on the case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TriageRecord {
    /// The assessment.
    pub assessment: ScopeAssessment,
    /// The outcome computed from it.
    pub outcome: ScopeOutcome,
    /// Who assessed.
    pub assessed_by: ActorId,
    /// When.
    pub assessed_at: DateTime<Utc>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const RELATIONS: [ReporterRelation; 9] = [
        ReporterRelation::Employee,
        ReporterRelation::VolunteerOrTrainee,
        ReporterRelation::JobApplicant,
        ReporterRelation::SelfEmployed,
        ReporterRelation::Shareholder,
        ReporterRelation::Management,
        ReporterRelation::Former,
        ReporterRelation::Public,
        ReporterRelation::Unknown,
    ];

    proptest! {
        #[test]
        fn in_scope_exactly_when_all_conditions_hold(
            work in any::<bool>(), pi in any::<bool>(), eu in any::<bool>(),
            r in 0usize..9, wc in any::<bool>()
        ) {
            let a = ScopeAssessment {
                work_related: work, public_interest: pi, eu_law_breach: eu,
                relation: RELATIONS[r], welfare_crime_indicated: wc,
            };
            let expect_in = work && (pi || eu) && RELATIONS[r] != ReporterRelation::Public;
            let out = assess(&a);
            prop_assert_eq!(out.is_in_scope(), expect_in);
            if let ScopeOutcome::OutOfScope { reasons, route_to_welfare_crime } = out {
                prop_assert!(!reasons.is_empty());
                prop_assert_eq!(route_to_welfare_crime, wc);
            }
        }
    }

    #[test]
    fn no_public_interest_is_out_of_scope_even_for_an_employee() {
        // The labour-court case of seed 001: deviations of no public interest.
        let a = ScopeAssessment {
            work_related: true,
            public_interest: false,
            eu_law_breach: false,
            relation: ReporterRelation::Employee,
            welfare_crime_indicated: false,
        };
        assert_eq!(
            assess(&a),
            ScopeOutcome::OutOfScope {
                reasons: vec![OutOfScopeReason::NoPublicInterest],
                route_to_welfare_crime: false
            }
        );
    }
}
