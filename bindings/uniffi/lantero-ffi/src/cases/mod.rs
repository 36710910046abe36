//! Case handling (`lantero_cases`): whistleblower reports and tips with the anonymous
//! reporter's receipt dialogue, handling by staff under the access policy, and the statutory
//! deadlines, on an embedded SQLite store with encryption at rest.

mod enums;
mod error;
mod service;
mod types;

pub use error::CaseError;
pub use service::{CaseService, generate_root_key_hex, service_config_json};
pub use types::{
    Actor, CaseDetails, CaseInfo, Deadline, MessageAuthor, MessageView, NewReport,
    ReporterIdentity, ReporterView, ServiceConfigPreset, Submission, TenantInfo,
};
