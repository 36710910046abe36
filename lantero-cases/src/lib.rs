//! # lantero-cases
//!
//! Case handling for whistleblower reports, public tips about welfare fraud and requests for
//! public documents: statutory clocks, the anonymous reporter's dialogue by receipt,
//! custodian-approved identity reveal, scope triage, decisions that cite secrecy provisions,
//! neither-confirm-nor-deny answers, encryption at rest, retention with legal holds, anonymous
//! statistics, and two stores (SQLite embedded, PostgreSQL hosted) behind one trait.
//!
//! ```
//! use std::sync::Arc;
//! use lantero_cases::{CaseService, ServiceConfig, TenantId};
//! use lantero_cases::case::{CaseKind, Channel};
//! use lantero_cases::crypto::{DataKey, LocalKeyProvider};
//! use lantero_cases::policy::{Actor, Role};
//! use lantero_cases::reporter::Receipt;
//! use lantero_cases::service::{DeadlineQuery, NewReport};
//! use lantero_cases::store::SqliteStore;
//!
//! let dir = tempfile::tempdir()?;
//! let store = Arc::new(SqliteStore::open(dir.path().join("cases.db"))?);
//! let keys = Arc::new(LocalKeyProvider::new(DataKey::generate()?));
//! // Tests and examples use cheap Argon2 parameters; production uses ServiceConfig::default().
//! let service = CaseService::new(store, keys, ServiceConfig::insecure_for_tests());
//!
//! let tenant: TenantId = "ange".parse()?;
//! service.create_tenant(tenant.clone(), "Ånge kommun")?;
//!
//! // An anonymous employee reports; the receipt is shown to them once.
//! let submission = service.submit_report(&tenant, NewReport {
//!     kind: CaseKind::Whistleblowing,
//!     channel: Channel::Web,
//!     text: "Fakturor godkänns utan leverans.".into(),
//!     identity: None,
//! })?;
//! let shown = submission.receipt.grouped();
//!
//! // Later, with nothing but the receipt, they read their case.
//! let view = service.reporter_view(&tenant, &Receipt::parse(&shown)?, "session-1")?;
//! assert_eq!(*view.text, "Fakturor godkänns utan leverans.");
//!
//! // The administrator sees the acknowledgement and feedback clocks running.
//! let admin = Actor::new("admin-1", tenant.clone(), [Role::Administrator]);
//! let deadlines = service.deadlines(&admin, DeadlineQuery::Open)?;
//! assert_eq!(deadlines.len(), 2);
//! assert_eq!(deadlines[0].reference, submission.reference);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! | module | what it holds |
//! |---|---|
//! | [`case`] | kinds, channels, references, the status machine, messages, attachments, links |
//! | [`clock`] | Swedish holidays and working days, Stockholm time, statutory deadlines |
//! | [`reporter`] | the 16-digit receipt (Argon2id), throttling, identity and its reveal |
//! | [`triage`] | scope of the whistleblower act and routing to welfare-crime work |
//! | [`records`] | records requests, Swedish decisions with appeal notice, NCND answers |
//! | [`policy`] | roles, assignment and the one access decision, denied by default |
//! | [`crypto`] | per-case data keys (XChaCha20-Poly1305) and the `KeyProvider` plugin |
//! | [`retention`] | retention rules, legal holds, purge reports |
//! | [`stats`] | counts and deadline compliance without identities |
//! | [`store`] | the `CaseStore` plugin: SQLite and PostgreSQL |
//! | [`service`] | `CaseService`, the façade that enforces policy, encryption and audit |
#![cfg_attr(
    not(test),
    warn(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

pub mod case;
pub mod clock;
pub mod crypto;
mod error;
pub mod policy;
pub mod records;
mod redacted;
pub mod reporter;
pub mod retention;
pub mod service;
pub mod stats;
pub mod store;
mod tenant;
pub mod triage;

pub use error::{Error, Result};
pub use service::{CaseService, ServiceConfig};
pub use tenant::{Tenant, TenantId};
