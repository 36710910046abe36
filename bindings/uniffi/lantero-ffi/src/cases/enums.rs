//! The case area's enums, shared with `lantero_cases` as they are (UniFFI remote types: no
//! copies, no conversions).

use lantero_cases::case::{CaseKind, Channel, ClosureReason, Status, Visibility};
use lantero_cases::clock::{ClockKind, DeadlineState};
use lantero_cases::policy::Role;
use lantero_cases::service::DeadlineQuery;

/// What a case is about.
#[uniffi::remote(Enum)]
pub enum CaseKind {
    /// A report under the whistleblower act (lag 2021:890).
    Whistleblowing,
    /// A tip from the public about suspected welfare fraud.
    Tip,
    /// A request for public documents (begäran om allmän handling).
    RecordsRequest,
}

/// How a case reached the organisation.
#[uniffi::remote(Enum)]
pub enum Channel {
    /// The web form.
    Web,
    /// Telephone or voicemail.
    Phone,
    /// A physical meeting.
    Meeting,
    /// Letter post.
    Post,
    /// E-mail.
    Email,
    /// In person at the registry desk.
    InPerson,
}

/// Where a case is in its life.
#[uniffi::remote(Enum)]
pub enum Status {
    /// Received, nothing done yet.
    Received,
    /// Receipt confirmed to the reporter.
    Acknowledged,
    /// Being investigated or handled.
    InProgress,
    /// Feedback given to the reporter.
    FeedbackGiven,
    /// A records request has a decision.
    Decided,
    /// Closed; the retention clock runs from here.
    Closed,
}

/// Why a case was closed; retention depends on it.
#[uniffi::remote(Enum)]
pub enum ClosureReason {
    /// Handled to the end.
    Completed,
    /// Outside the whistleblower act after triage.
    OutOfScope,
    /// A tip with no legal basis for processing.
    NoLegalBasis,
    /// Withdrawn by the reporter or requester.
    Withdrawn,
}

/// A role in the case tool.
#[uniffi::remote(Enum)]
pub enum Role {
    /// Investigates the cases assigned to them.
    Handler,
    /// Approves or denies revealing a reporter's identity.
    Custodian,
    /// Registers and decides requests for public documents.
    Registrar,
    /// Manages the tenant: assignment, legal holds, retention, audit log.
    Administrator,
    /// Reads anonymous statistics only.
    StatisticsReader,
}

/// Who may read a message.
#[uniffi::remote(Enum)]
pub enum Visibility {
    /// Staff with access to the case only.
    Internal,
    /// Part of the dialogue with the reporter.
    Shared,
}

/// Which clock a deadline belongs to.
#[uniffi::remote(Enum)]
pub enum ClockKind {
    /// Whistleblowing: confirm receipt within 7 days.
    Acknowledgement,
    /// Whistleblowing: feedback within 3 months.
    Feedback,
    /// Records request: decide promptly.
    RecordsHandling,
}

/// Where a deadline stands.
#[uniffi::remote(Enum)]
pub enum DeadlineState {
    /// Open and not yet close.
    Pending,
    /// Open and due soon.
    DueSoon,
    /// Open and past due.
    Overdue,
    /// Met on time.
    Met,
    /// Met, but late.
    MetLate,
}

/// Which deadlines to list.
#[uniffi::remote(Enum)]
pub enum DeadlineQuery {
    /// Every deadline not yet met.
    Open,
    /// Open and due soon.
    DueSoon,
    /// Open and past due.
    Overdue,
    /// All, met ones included.
    All,
}
