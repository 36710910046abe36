//! Links between cases: a tip that becomes a control case, a whistleblower report routed to
//! welfare-crime work.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::CaseId;
use crate::policy::ActorId;

/// How two cases relate; read as "`from` … `to`".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LinkRelation {
    /// `from` (a tip) led to the control case `to`.
    BecameControlCase,
    /// `from` (an out-of-scope whistleblower report) was routed to welfare-crime work as `to`.
    RoutedToWelfareCrime,
    /// The cases concern the same matter.
    Related,
}

/// A link as stored. Links carry no personal data and survive purge.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseLink {
    /// The source case.
    pub from: CaseId,
    /// The target case.
    pub to: CaseId,
    /// The relation.
    pub relation: LinkRelation,
    /// Who linked them (`None` when the system did, e.g. triage routing).
    pub created_by: Option<ActorId>,
    /// When.
    pub created_at: DateTime<Utc>,
}
