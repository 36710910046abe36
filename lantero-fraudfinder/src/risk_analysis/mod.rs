//! Operative risk analysis per business unit (verksamhet): the seed's question set asked
//! of every unit with money flows or authority, risks valued probability × consequence on
//! the core matrices (`lantero_core::risk`), prioritised and revised regularly.

mod analysis;
mod question;
mod unit;

pub use analysis::{
    IdentifiedRisk, PrioritisedRisk, QuestionAnswer, RISK_ANALYSIS_SCHEMA, RiskAnalysis,
    UnitAnalysis,
};
pub use question::RiskQuestion;
pub use unit::{Authority, BusinessUnit};
