//! Action plan (åtgärdsplan) and follow-up: activities linked to the risks they treat,
//! with owner, phase, deadline and status; follow-ups that measure outcomes (reduced loss
//! and recovered amounts in SEK, controls performed) and value risks anew; and the plan
//! re-prioritised from the follow-up.

mod activity;
mod follow_up;
mod plan;

pub use activity::{Phase, PlanActivity, Status};
pub use follow_up::{FollowUp, Outcome};
pub use plan::{ActionPlan, PlanPriority, StatusCounts};
