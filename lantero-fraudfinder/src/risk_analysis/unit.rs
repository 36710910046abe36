//! Business units analysed: where money flows or authority is exercised.

use serde::{Deserialize, Serialize};

/// The kind of authority a unit exercises, which opens doors to other crime.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Authority {
    /// Tillstånd (permits).
    Permits,
    /// Tillsyn (supervision).
    Supervision,
    /// Intyg (certificates).
    Certificates,
}

impl Authority {
    /// Swedish label.
    pub fn label_sv(self) -> &'static str {
        match self {
            Self::Permits => "tillstånd",
            Self::Supervision => "tillsyn",
            Self::Certificates => "intyg",
        }
    }
}

/// A business unit (verksamhet) analysed on its own, e.g. *Försörjningsstöd* or
/// *Bygglov*; the units' analyses are put together into the municipality's overall
/// picture.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BusinessUnit {
    /// Stable id.
    pub id: String,
    /// Name.
    pub name: String,
    /// The administration it belongs to (förvaltning).
    #[serde(default)]
    pub administration: String,
    /// Who is responsible for the unit.
    #[serde(default)]
    pub manager: String,
    /// Whether money flows out of the unit (payments, grants).
    pub payments: bool,
    /// Authority the unit exercises.
    #[serde(default)]
    pub authority: Vec<Authority>,
}

impl BusinessUnit {
    /// A unit with payments and no authority.
    pub fn with_payments(id: impl Into<String>, name: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            name: name.into(),
            administration: String::new(),
            manager: String::new(),
            payments: true,
            authority: Vec::new(),
        }
    }

    /// Whether the unit needs an operative risk analysis: money flows or authority.
    pub fn in_scope(&self) -> bool {
        self.payments || !self.authority.is_empty()
    }
}
