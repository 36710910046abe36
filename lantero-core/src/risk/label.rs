//! Texts shown to people, in Swedish and English.

use serde::{Deserialize, Serialize};

/// A short text in Swedish and English, e.g. a scale step or a risk level.
///
/// Both languages are stored because the same matrix is shown to Swedish caseworkers and put in
/// English reports to vendors and auditors.
///
/// ```
/// use lantero_core::risk::Label;
///
/// let label = Label::new("Mycket sannolik", "Very likely");
/// assert_eq!(label.sv, "Mycket sannolik");
/// assert_eq!(label.en, "Very likely");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Label {
    /// Swedish text.
    pub sv: String,
    /// English text.
    pub en: String,
}

impl Label {
    /// A label from its Swedish and English texts.
    pub fn new(sv: impl Into<String>, en: impl Into<String>) -> Self {
        Self {
            sv: sv.into(),
            en: en.into(),
        }
    }

    /// Whether either language is missing (empty or only whitespace).
    pub fn is_incomplete(&self) -> bool {
        self.sv.trim().is_empty() || self.en.trim().is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn incomplete_when_a_language_is_blank() {
        assert!(!Label::new("Låg", "Low").is_incomplete());
        assert!(Label::new(" ", "Low").is_incomplete());
        assert!(Label::new("Låg", "").is_incomplete());
    }
}
