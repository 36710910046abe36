//! Frameworks of concrete activities, self-assessments and progress over time.
//!
//! One engine serves FraudFinder's method packs against welfare crime and the cyber-hygiene
//! baseline: a [`Framework`] has areas, an area has activities, and an activity has a
//! checklist, guidance and [`Template`]s. An [`Assessment`] answers the checklist, rates each
//! area on a [`MaturityScale`] and tracks activity status; [`Assessment::score`] turns it into
//! completion, maturity and progress, and [`Comparison`] / [`History`] show the change between
//! assessments, which is what a coordinator reports upward.
//!
//! Scoring rules: *completion* counts yes 1, partly 0.5, no 0 and unanswered 0, over the items
//! not answered not-applicable; *maturity* maps the area's level onto 0–1; *progress* is the
//! share of activities done. The overall score pools items and activities over all areas and
//! averages maturity over the areas that have a level.
//!
//! Frameworks are JSON with schema `lantero.framework/v1`, assessments
//! `lantero.assessment/v1`; both read back exactly what they write. The Swedish content packs
//! live in `lantero-fraudfinder`.

mod assessment;
mod history;
mod maturity;
mod model;
mod score;
mod validate;

pub use assessment::{ASSESSMENT_SCHEMA, ActivityStatus, Answer, Assessment, ItemAnswer};
pub use history::{AreaDelta, Comparison, History, ScoreDelta};
pub use maturity::{MaturityLevel, MaturityScale};
pub use model::{Activity, Area, ChecklistItem, Framework, SCHEMA, Template};
pub use score::{AreaScore, AssessmentScore, Score};
