//! One secrecy provision as catalogue data, and its damage test.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::ProvisionId;
use super::context::GENERAL_CONTEXT;

/// The damage test (skaderekvisit) of a provision: who carries the burden of showing harm.
///
/// Serialised as `"rakt"`, `"omvänt"` (also read as `"omvant"`) and `"absolut"`.
///
/// The *kvalificerat rakt* test (`"av särskild anledning kan antas"`, e.g. OSL 22:1) is
/// [`DamageTest::Rakt`] with [`Provision::qualified_damage_test`] set, so that code matching on
/// the three tests the law names keeps working and the qualification stays visible as data.
///
/// ```
/// use lantero_core::secrecy::DamageTest;
///
/// let test: DamageTest = serde_json::from_str("\"omvänt\"")?;
/// assert_eq!(test, DamageTest::Omvant);
/// assert_eq!(test.to_string(), "omvänt");
/// assert!(DamageTest::Absolut.strength() > DamageTest::Rakt.strength());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DamageTest {
    /// Rakt skaderekvisit: secret only if harm "kan antas"; the presumption is openness.
    #[serde(rename = "rakt")]
    Rakt,
    /// Omvänt skaderekvisit: secret unless it "står klart" that no harm follows; the
    /// presumption is secrecy.
    #[serde(rename = "omvänt", alias = "omvant")]
    Omvant,
    /// Absolut sekretess: no damage test at all.
    #[serde(rename = "absolut")]
    Absolut,
}

impl DamageTest {
    /// The Swedish term as used in decisions, e.g. `"omvänt skaderekvisit"`.
    pub fn label(self) -> &'static str {
        match self {
            Self::Rakt => "rakt skaderekvisit",
            Self::Omvant => "omvänt skaderekvisit",
            Self::Absolut => "absolut sekretess",
        }
    }

    /// How strongly the provision presumes secrecy: absolut 3, omvänt 2, rakt 1. Used to put
    /// the most protective candidates first, since a missed mask leaks and an extra one only
    /// costs the caseworker a click.
    pub fn strength(self) -> u8 {
        match self {
            Self::Rakt => 1,
            Self::Omvant => 2,
            Self::Absolut => 3,
        }
    }
}

impl fmt::Display for DamageTest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Rakt => "rakt",
            Self::Omvant => "omvänt",
            Self::Absolut => "absolut",
        })
    }
}

/// A secrecy provision as catalogue data that a lawyer can read and correct.
///
/// Nothing here is legal logic: the catalogue proposes candidates, and the caseworker decides.
/// Entries with [`Provision::verify`] set are known to be uncertain and must be checked by a
/// lawyer before they are relied on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Provision {
    /// Where the provision sits in the law, e.g. `OSL 26:1`.
    pub id: ProvisionId,
    /// Short Swedish title, e.g. `"Socialtjänst"`.
    pub title: String,
    /// What the provision protects and under which condition, in Swedish.
    pub subject: String,
    /// The damage test.
    pub damage_test: DamageTest,
    /// The rakt test is qualified ("av särskild anledning", "måste antas ... betydande men"):
    /// the presumption of openness is stronger than under a plain rakt test.
    #[serde(default)]
    pub qualified_damage_test: bool,
    /// The longest time, in years, that the secrecy lasts for a public document; `None` where
    /// the catalogue states no number of years (see [`Provision::note`]).
    pub duration_years: Option<u16>,
    /// Ids of the contexts where the provision typically applies; the context `allman` means
    /// every activity.
    pub contexts: Vec<String>,
    /// The entity types (CLI entity names such as `PERSON`, `HEALTH`) it typically protects.
    pub entities: Vec<String>,
    /// Where this entry was taken from, e.g. `"SFS 2009:400 26 kap. 1 §; DOMAIN.md"`.
    pub source: String,
    /// A lawyer must check this entry before it is relied on.
    #[serde(default)]
    pub verify: bool,
    /// Remarks for the lawyer or the caseworker, in Swedish.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Provision {
    /// Whether the provision applies in every activity (it lists the context `allman`).
    pub fn applies_everywhere(&self) -> bool {
        self.contexts.iter().any(|c| c == GENERAL_CONTEXT)
    }

    /// Whether the provision lists the context `context_id`.
    pub fn applies_in(&self, context_id: &str) -> bool {
        self.contexts.iter().any(|c| c == context_id)
    }

    /// Whether the provision typically protects `entity` (compared ignoring ASCII case).
    pub fn protects(&self, entity: &str) -> bool {
        self.entities.iter().any(|e| e.eq_ignore_ascii_case(entity))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn damage_tests_serialise_with_swedish_names() {
        for (test, json) in [
            (DamageTest::Rakt, "\"rakt\""),
            (DamageTest::Omvant, "\"omvänt\""),
            (DamageTest::Absolut, "\"absolut\""),
        ] {
            assert_eq!(serde_json::to_string(&test).unwrap(), json);
            assert_eq!(serde_json::from_str::<DamageTest>(json).unwrap(), test);
        }
        assert_eq!(
            serde_json::from_str::<DamageTest>("\"omvant\"").unwrap(),
            DamageTest::Omvant
        );
        assert!(serde_json::from_str::<DamageTest>("\"kvalificerat\"").is_err());
    }

    #[test]
    fn unknown_fields_are_rejected_so_typos_do_not_pass_silently() {
        let json = r#"{"id":"OSL 26:1","title":"t","subject":"s","damage_test":"rakt",
            "duration_years":70,"contexts":[],"entities":[],"source":"x","verfy":true}"#;
        let err = serde_json::from_str::<Provision>(json).unwrap_err();
        assert!(err.to_string().contains("verfy"), "{err}");
    }
}
