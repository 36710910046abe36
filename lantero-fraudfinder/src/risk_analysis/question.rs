//! The questions of an operative risk analysis, as the seed texts pose them.

use serde::{Deserialize, Serialize};

/// A question asked of every business unit in an operative risk analysis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RiskQuestion {
    /// Has the process been exploited by criminals before?
    KnownExploitation,
    /// Does the process contain decisions that criminals have incentives to influence?
    DecisionIncentives,
    /// May those who work in the process have incentives to exploit it for personal gain?
    InsiderIncentives,
    /// How are the people involved identified?
    Identification,
    /// How is it ensured that documents are genuine and correct?
    DocumentVerification,
    /// How is data handled?
    DataHandling,
}

impl RiskQuestion {
    /// Every question, in the order asked.
    pub const ALL: [Self; 6] = [
        Self::KnownExploitation,
        Self::DecisionIncentives,
        Self::InsiderIncentives,
        Self::Identification,
        Self::DocumentVerification,
        Self::DataHandling,
    ];

    /// The question in Swedish.
    pub fn text_sv(self) -> &'static str {
        match self {
            Self::KnownExploitation => {
                "Finns det tidigare kända situationer då processen har utnyttjats av kriminella?"
            }
            Self::DecisionIncentives => {
                "Innehåller processen beslut där kriminella har incitament att försöka påverka?"
            }
            Self::InsiderIncentives => {
                "Kan de som arbetar med processen ha incitament att utnyttja systemet för personlig vinning?"
            }
            Self::Identification => "Hur identifieras de personer som är inblandade i processen?",
            Self::DocumentVerification => {
                "Vilka metoder används för att säkerställa att dokument är korrekta?"
            }
            Self::DataHandling => "Hur hanteras data i processen?",
        }
    }

    /// What to look for when answering, in Swedish.
    pub fn guidance_sv(self) -> &'static str {
        match self {
            Self::KnownExploitation => {
                "Gå igenom tidigare ärenden, polisanmälningar och återkrav, och rapporter från grannkommuner och myndigheter."
            }
            Self::DecisionIncentives => {
                "Beslut med ett tydligt ekonomiskt värde – utbetalningar, tillstånd, bygglov, upphandlingar – lockar till påverkan."
            }
            Self::InsiderIncentives => {
                "Kan en handläggare ensam besluta och betala? Finns bisysslor eller närstående som berörs?"
            }
            Self::Identification => {
                "Kontrolleras identitet mot id-handling och folkbokföring, och görs det vid varje ansökan?"
            }
            Self::DocumentVerification => {
                "Intyget är en dörröppnare: kontrolleras intyg och underlag mot utfärdaren i tveksamma fall?"
            }
            Self::DataHandling => {
                "Vem kan ändra uppgifter som bankkonto och adress, loggas ändringarna och samkörs uppgifterna med andra register?"
            }
        }
    }
}
