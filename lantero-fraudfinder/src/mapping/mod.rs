//! Mapping (kartläggning) and self-assessment: questionnaires per area for interviews and
//! surveys, consolidated into self-assessments on the framework engine of `lantero-core`,
//! with maturity, progress per area and overall, history over time and the gaps that
//! remain.

mod progress;
mod questionnaire;

pub use progress::{AreaProgress, Gap, Mapping, ProgressReport};
pub use questionnaire::{Question, Questionnaire, Response};
