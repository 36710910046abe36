//! The responsibility matrix (ansvarsmatris): who holds which role in each payment area.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::{Error, Result};

/// A role in a payment area.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Budgetansvarig.
    BudgetOwner,
    /// Beslut om utbetalning.
    PaymentDecision,
    /// Utförande av betalning.
    PaymentExecution,
    /// Löpande kontroll.
    OngoingControl,
    /// Uppföljning.
    FollowUp,
}

impl Role {
    /// Every role, in the matrix's column order.
    pub const ALL: [Self; 5] = [
        Self::BudgetOwner,
        Self::PaymentDecision,
        Self::PaymentExecution,
        Self::OngoingControl,
        Self::FollowUp,
    ];

    /// Swedish label.
    pub fn label_sv(self) -> &'static str {
        match self {
            Self::BudgetOwner => "Budgetansvar",
            Self::PaymentDecision => "Beslut om utbetalning",
            Self::PaymentExecution => "Utförande av betalning",
            Self::OngoingControl => "Löpande kontroll",
            Self::FollowUp => "Uppföljning",
        }
    }
}

/// A payment area, e.g. *Försörjningsstöd* or *Föreningsbidrag*, with the people in each
/// role (names or role titles).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaymentArea {
    /// Stable id.
    pub id: String,
    /// Name.
    pub name: String,
    /// The business unit or administration it belongs to.
    #[serde(default)]
    pub unit: String,
    /// Who holds each role.
    #[serde(default)]
    pub roles: BTreeMap<Role, Vec<String>>,
}

impl PaymentArea {
    /// An area with no roles filled.
    pub fn new(id: impl Into<String>, name: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            name: name.into(),
            unit: String::new(),
            roles: BTreeMap::new(),
        }
    }

    /// The same area with `person` in `role`.
    pub fn with(mut self, role: Role, person: impl Into<String>) -> Self {
        self.assign(role, person);
        self
    }

    /// Puts `person` in `role` (once).
    pub fn assign(&mut self, role: Role, person: impl Into<String>) {
        let person = person.into();
        let holders = self.roles.entry(role).or_default();
        if !holders.iter().any(|p| same_person(p, &person)) {
            holders.push(person);
        }
    }

    /// Who holds `role`; blank names do not count.
    pub fn holders(&self, role: Role) -> impl Iterator<Item = &str> {
        self.roles
            .get(&role)
            .into_iter()
            .flatten()
            .map(String::as_str)
            .filter(|p| !p.trim().is_empty())
    }
}

/// Names compare without regard to case and surrounding space.
pub(crate) fn same_person(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

/// The matrix: every payment area of the municipality.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResponsibilityMatrix {
    areas: Vec<PaymentArea>,
}

impl ResponsibilityMatrix {
    /// An empty matrix.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a payment area; ids are unique.
    pub fn add(&mut self, area: PaymentArea) -> Result<()> {
        if self.areas.iter().any(|a| a.id == area.id) {
            return Err(Error::Duplicate {
                what: "payment area",
                id: area.id,
            });
        }
        self.areas.push(area);
        Ok(())
    }

    /// The areas.
    pub fn areas(&self) -> &[PaymentArea] {
        &self.areas
    }

    /// The area with `id`, for editing.
    pub fn area_mut(&mut self, id: &str) -> Option<&mut PaymentArea> {
        self.areas.iter_mut().find(|a| a.id == id)
    }
}
