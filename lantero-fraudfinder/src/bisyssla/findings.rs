//! Conflict findings: bisysslor checked against sensitive roles and the supplier register.

use std::fmt;

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::{BisysslaRegister, Decision, Supplier};

/// Months between checks of an employee in a sensitive role.
pub const CHECK_INTERVAL_MONTHS: u32 = 12;

/// Something in the register to act on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "finding", rename_all = "snake_case")]
pub enum Finding {
    /// The bisyssla is with a company in the supplier register: a conflict of interest,
    /// serious when the employee's role is sensitive.
    SupplierConflict {
        /// Employee id.
        employee: String,
        /// Bisyssla id.
        bisyssla: String,
        /// The supplier's name.
        supplier: String,
        /// Whether the employee holds a sensitive role.
        sensitive_role: bool,
    },
    /// An employee in a sensitive role has a bisyssla nobody has decided on.
    UndecidedInSensitiveRole {
        /// Employee id.
        employee: String,
        /// Bisyssla id.
        bisyssla: String,
        /// The role.
        role: String,
    },
    /// An employee in a sensitive role has not been checked within the interval.
    CheckOverdue {
        /// Employee id.
        employee: String,
        /// The role.
        role: String,
        /// Last check, if any.
        last_checked: Option<NaiveDate>,
    },
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::SupplierConflict {
                employee,
                supplier,
                sensitive_role,
                ..
            } => {
                write!(
                    f,
                    "Anställd {employee} har en bisyssla hos leverantören {supplier}"
                )?;
                if *sensitive_role {
                    f.write_str(" och har en känslig roll")?;
                }
                f.write_str(".")
            }
            Self::UndecidedInSensitiveRole {
                employee,
                bisyssla,
                role,
            } => write!(
                f,
                "Anställd {employee} ({role}) har bisysslan {bisyssla} utan beslut."
            ),
            Self::CheckOverdue {
                employee,
                role,
                last_checked: Some(d),
            } => write!(
                f,
                "Anställd {employee} ({role}) kontrollerades senast {d}; kontroll ska göras årligen."
            ),
            Self::CheckOverdue {
                employee,
                role,
                last_checked: None,
            } => {
                write!(f, "Anställd {employee} ({role}) har aldrig kontrollerats.")
            }
        }
    }
}

/// A company name without company form and punctuation, for matching.
fn normalise(name: &str) -> String {
    let lower = name.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| {
            !w.is_empty()
                && !matches!(
                    *w,
                    "ab" | "aktiebolag"
                        | "hb"
                        | "kb"
                        | "ek"
                        | "för"
                        | "ekonomisk"
                        | "förening"
                        | "publ"
                )
        })
        .collect();
    words.join(" ")
}

impl BisysslaRegister {
    /// Checks every bisyssla against `suppliers` and the sensitive roles, and every
    /// employee in a sensitive role for an overdue check as of `today`. Denied bisysslor
    /// are not supplier conflicts (the employee has been told to end them).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use lantero_fraudfinder::bisyssla::*;
    ///
    /// let day = NaiveDate::from_ymd_opt(2025, 8, 27).unwrap();
    /// let mut register = BisysslaRegister::new();
    /// register.add_sensitive_role("Upphandlare", "Beslutar om upphandlingar");
    /// register.add_employee(Employee { id: "e1".into(), name: "Kim".into(), role: "Upphandlare".into(),
    ///     unit: "Inköp".into(), last_checked: Some(day) })?;
    /// register.add(Bisyssla { id: "b1".into(), employee: "e1".into(), description: "Styrelseledamot".into(),
    ///     organisation: Some("Byggservice i Norr AB".into()), organisationsnummer: None, reported: day,
    ///     decision: Decision::Approved })?;
    /// let suppliers = [Supplier { name: "BYGGSERVICE I NORR".into(), organisationsnummer: None }];
    /// let findings = register.findings(&suppliers, day);
    /// assert!(matches!(&findings[0], Finding::SupplierConflict { sensitive_role: true, .. }));
    /// # Ok::<(), lantero_fraudfinder::Error>(())
    /// ```
    pub fn findings(&self, suppliers: &[Supplier], today: NaiveDate) -> Vec<Finding> {
        let mut out = Vec::new();
        for b in self.bisysslor() {
            let Some(employee) = self.employee(&b.employee) else {
                continue;
            };
            let sensitive = self.sensitive_role(employee);
            if b.decision != Decision::Denied {
                let supplier = suppliers.iter().find(|s| {
                    let by_number = matches!((&s.organisationsnummer, &b.organisationsnummer), (Some(a), Some(c)) if a == c);
                    let by_name = b
                        .organisation
                        .as_deref()
                        .is_some_and(|o| !normalise(o).is_empty() && normalise(o) == normalise(&s.name));
                    by_number || by_name
                });
                if let Some(supplier) = supplier {
                    out.push(Finding::SupplierConflict {
                        employee: employee.id.clone(),
                        bisyssla: b.id.clone(),
                        supplier: supplier.name.clone(),
                        sensitive_role: sensitive.is_some(),
                    });
                }
            }
            if let (Some(role), Decision::Pending) = (sensitive, b.decision) {
                out.push(Finding::UndecidedInSensitiveRole {
                    employee: employee.id.clone(),
                    bisyssla: b.id.clone(),
                    role: role.role.clone(),
                });
            }
        }
        for employee in self.employees() {
            let Some(role) = self.sensitive_role(employee) else {
                continue;
            };
            let due = employee
                .last_checked
                .and_then(|d| d.checked_add_months(Months::new(CHECK_INTERVAL_MONTHS)));
            if due.is_none_or(|due| due < today) {
                out.push(Finding::CheckOverdue {
                    employee: employee.id.clone(),
                    role: role.role.clone(),
                    last_checked: employee.last_checked,
                });
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn company_forms_and_punctuation_do_not_matter() {
        assert_eq!(
            normalise("Byggservice i Norr AB"),
            normalise("BYGGSERVICE I NORR")
        );
        assert_eq!(normalise("Bygg & Måleri, Aktiebolag"), "bygg måleri");
        assert_ne!(normalise("Bygg Nord AB"), normalise("Bygg Syd AB"));
    }
}
