//! Findings in a responsibility matrix: roles nobody holds, and one person in roles that
//! must be kept apart.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::matrix::same_person;
use super::{ResponsibilityMatrix, Role};

/// Two roles one person must not hold in the same payment area, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConflictRule {
    /// The first role.
    pub first: Role,
    /// The second role.
    pub second: Role,
    /// Why they must be apart, in Swedish.
    pub reason: String,
}

impl ConflictRule {
    /// The rules applied unless a municipality sets its own: deciding and paying, and
    /// checking or following up one's own decisions or payments.
    pub fn defaults() -> Vec<Self> {
        let rule = |first, second, reason: &str| Self {
            first,
            second,
            reason: reason.to_owned(),
        };
        vec![
            rule(
                Role::PaymentDecision,
                Role::PaymentExecution,
                "beslutar om och genomför samma utbetalningar",
            ),
            rule(
                Role::PaymentDecision,
                Role::OngoingControl,
                "kontrollerar sina egna beslut",
            ),
            rule(
                Role::PaymentExecution,
                Role::OngoingControl,
                "kontrollerar sina egna betalningar",
            ),
            rule(
                Role::PaymentDecision,
                Role::FollowUp,
                "följer upp sina egna beslut",
            ),
        ]
    }
}

/// Something in the matrix to fix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "finding", rename_all = "snake_case")]
pub enum Finding {
    /// Nobody holds the role.
    MissingRole {
        /// The payment area.
        area: String,
        /// The role.
        role: Role,
    },
    /// One person holds two roles that must be kept apart.
    ConflictingRoles {
        /// The payment area.
        area: String,
        /// The person.
        person: String,
        /// The roles.
        roles: [Role; 2],
        /// Why it is a conflict.
        reason: String,
    },
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::MissingRole { area, role } => {
                write!(
                    f,
                    "{area}: ingen har rollen {}.",
                    role.label_sv().to_lowercase()
                )
            }
            Self::ConflictingRoles {
                area,
                person,
                roles,
                reason,
            } => write!(
                f,
                "{area}: {person} har både {} och {} och {reason}.",
                roles[0].label_sv().to_lowercase(),
                roles[1].label_sv().to_lowercase()
            ),
        }
    }
}

impl ResponsibilityMatrix {
    /// Findings under the [default rules](ConflictRule::defaults).
    ///
    /// ```
    /// use lantero_fraudfinder::responsibility::{Finding, PaymentArea, ResponsibilityMatrix, Role};
    ///
    /// let mut matrix = ResponsibilityMatrix::new();
    /// matrix.add(PaymentArea::new("fb", "Föreningsbidrag")
    ///     .with(Role::BudgetOwner, "Kultur- och fritidschef")
    ///     .with(Role::PaymentDecision, "Anna Handläggare")
    ///     .with(Role::PaymentExecution, "anna handläggare")
    ///     .with(Role::OngoingControl, "Controller"))?;
    /// let findings = matrix.findings();
    /// assert!(findings.contains(&Finding::MissingRole { area: "Föreningsbidrag".into(), role: Role::FollowUp }));
    /// assert!(findings.iter().any(|f| matches!(f, Finding::ConflictingRoles { roles: [Role::PaymentDecision, Role::PaymentExecution], .. })));
    /// assert_eq!(findings.len(), 2);
    /// # Ok::<(), lantero_fraudfinder::Error>(())
    /// ```
    pub fn findings(&self) -> Vec<Finding> {
        self.findings_with(&ConflictRule::defaults())
    }

    /// Findings under `rules`: for each area, every role without a holder, then every
    /// person holding both roles of a rule.
    pub fn findings_with(&self, rules: &[ConflictRule]) -> Vec<Finding> {
        let mut out = Vec::new();
        for area in self.areas() {
            for role in Role::ALL {
                if area.holders(role).next().is_none() {
                    out.push(Finding::MissingRole {
                        area: area.name.clone(),
                        role,
                    });
                }
            }
            for rule in rules {
                for person in area.holders(rule.first) {
                    if area.holders(rule.second).any(|p| same_person(p, person)) {
                        out.push(Finding::ConflictingRoles {
                            area: area.name.clone(),
                            person: person.to_owned(),
                            roles: [rule.first, rule.second],
                            reason: rule.reason.clone(),
                        });
                    }
                }
            }
        }
        out
    }
}
