//! The register of employees' secondary occupations (bisysslor).

use chrono::NaiveDate;
use lantero_core::identifiers::Organisationsnummer;
use serde::{Deserialize, Serialize};

use crate::{Error, Result};

/// An employee as the register needs them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Employee {
    /// Stable id (employee number).
    pub id: String,
    /// Name.
    pub name: String,
    /// Role, e.g. `"Bygglovshandläggare"`.
    pub role: String,
    /// Unit.
    #[serde(default)]
    pub unit: String,
    /// When bisysslor were last asked about or checked (hiring, appraisal talk, sample).
    #[serde(default)]
    pub last_checked: Option<NaiveDate>,
}

/// A role whose decisions have a clear economic value: permits, building permits,
/// procurement, payments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SensitiveRole {
    /// The role title, compared without regard to case.
    pub role: String,
    /// Which decisions make it sensitive.
    pub reason: String,
}

/// The decision on a reported bisyssla.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    /// Not decided yet.
    #[default]
    Pending,
    /// Allowed.
    Approved,
    /// Not allowed (förtroendeskadlig, or hinders the work).
    Denied,
}

/// A reported or discovered bisyssla.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bisyssla {
    /// Stable id.
    pub id: String,
    /// The employee's id.
    pub employee: String,
    /// What it is, e.g. `"Styrelseledamot"`.
    pub description: String,
    /// The company or association, if any.
    #[serde(default)]
    pub organisation: Option<String>,
    /// Its organisationsnummer, if known.
    #[serde(default)]
    pub organisationsnummer: Option<Organisationsnummer>,
    /// When it was reported.
    pub reported: NaiveDate,
    /// The decision.
    #[serde(default)]
    pub decision: Decision,
}

/// A supplier in the supplier register (leverantörsregistret).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Supplier {
    /// Name.
    pub name: String,
    /// Organisationsnummer, if known.
    #[serde(default)]
    pub organisationsnummer: Option<Organisationsnummer>,
}

/// Employees, sensitive roles and bisysslor.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BisysslaRegister {
    employees: Vec<Employee>,
    sensitive_roles: Vec<SensitiveRole>,
    bisysslor: Vec<Bisyssla>,
}

impl BisysslaRegister {
    /// An empty register.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds an employee; ids are unique.
    pub fn add_employee(&mut self, employee: Employee) -> Result<()> {
        if self.employee(&employee.id).is_some() {
            return Err(Error::Duplicate {
                what: "employee",
                id: employee.id,
            });
        }
        self.employees.push(employee);
        Ok(())
    }

    /// Declares a role sensitive.
    pub fn add_sensitive_role(&mut self, role: impl Into<String>, reason: impl Into<String>) {
        self.sensitive_roles.push(SensitiveRole {
            role: role.into(),
            reason: reason.into(),
        });
    }

    /// Records a bisyssla of a known employee; ids are unique.
    pub fn add(&mut self, bisyssla: Bisyssla) -> Result<()> {
        if self.employee(&bisyssla.employee).is_none() {
            return Err(Error::NotFound {
                what: "employee",
                id: bisyssla.employee,
            });
        }
        if self.bisysslor.iter().any(|b| b.id == bisyssla.id) {
            return Err(Error::Duplicate {
                what: "bisyssla",
                id: bisyssla.id,
            });
        }
        self.bisysslor.push(bisyssla);
        Ok(())
    }

    /// Records the decision on bisyssla `id`.
    pub fn decide(&mut self, id: &str, decision: Decision) -> Result<()> {
        let b = self
            .bisysslor
            .iter_mut()
            .find(|b| b.id == id)
            .ok_or_else(|| Error::NotFound {
                what: "bisyssla",
                id: id.to_owned(),
            })?;
        b.decision = decision;
        Ok(())
    }

    /// Records that an employee's bisysslor were checked on `date`.
    pub fn checked(&mut self, employee: &str, date: NaiveDate) -> Result<()> {
        let e = self
            .employees
            .iter_mut()
            .find(|e| e.id == employee)
            .ok_or_else(|| Error::NotFound {
                what: "employee",
                id: employee.to_owned(),
            })?;
        e.last_checked = Some(date);
        Ok(())
    }

    /// The employee with `id`.
    pub fn employee(&self, id: &str) -> Option<&Employee> {
        self.employees.iter().find(|e| e.id == id)
    }

    /// The employees.
    pub fn employees(&self) -> &[Employee] {
        &self.employees
    }

    /// The bisysslor.
    pub fn bisysslor(&self) -> &[Bisyssla] {
        &self.bisysslor
    }

    /// The sensitive role an employee holds, if any.
    pub fn sensitive_role(&self, employee: &Employee) -> Option<&SensitiveRole> {
        let role = employee.role.trim().to_lowercase();
        self.sensitive_roles
            .iter()
            .find(|s| s.role.trim().to_lowercase() == role)
    }
}
