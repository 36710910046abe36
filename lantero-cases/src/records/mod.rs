//! Requests for public documents (begäran om allmän handling): the request, its decision
//! document in Swedish, and the neither-confirm-nor-deny answer for the whistleblowing register.

mod decision;
mod ncnd;
mod request;

pub use decision::{
    DECISION_SCHEMA, DecisionDocument, MaskGround, Outcome, RecordsDecision, appeal_notice,
    cite_provision, render_decision,
};
pub use ncnd::{NCND_DOCUMENT, QuerySubject, RegisterQuery, answer_register_query};
pub use request::{RecordsRequest, RequestedDocument};
