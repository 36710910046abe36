//! Cases and controls probed as an attacker and an auditor would, on both engines: purge must
//! leave nothing in the files, the audit log must not be trimmable, receipt throttling must
//! hold under concurrency and restarts, and an approved identity reveal must work once.
//!
//! PostgreSQL runs need `LANTERO_PG_URL` (see `tests/postgres_store.rs`) and read the server's
//! data directory, so they run as a user who may (root, or the server's owner).

mod audit;
mod engine;
mod purge;
mod reveal;
mod throttle;

use std::sync::Arc;

use chrono::{DateTime, TimeZone, Utc};
use lantero_cases::case::{CaseKind, Channel};
use lantero_cases::clock::ManualClock;
use lantero_cases::crypto::{DataKey, LocalKeyProvider};
use lantero_cases::policy::{Actor, Role};
use lantero_cases::reporter::{ReporterIdentity, ThrottleConfig};
use lantero_cases::service::{NewReport, Submission};
use lantero_cases::store::{CaseStore, KeyAnchor};
use lantero_cases::{CaseService, ServiceConfig, TenantId};

/// One `#[test]` per engine for each check.
macro_rules! on_both_engines {
    ($($module:ident :: $name:ident),* $(,)?) => {
        mod sqlite {
            $(#[test]
            fn $name() {
                if let Some(engine) = crate::engine::Engine::sqlite() {
                    crate::$module::$name(&engine);
                }
            })*
        }
        mod postgres {
            $(#[test]
            fn $name() {
                if let Some(engine) = crate::engine::Engine::postgres() {
                    crate::$module::$name(&engine);
                }
            })*
        }
    };
}

on_both_engines!(
    purge::purge_leaves_no_byte_of_the_case_in_the_files,
    audit::trimming_rewriting_and_reordering_are_detected,
    audit::an_event_moved_to_another_tenant_does_not_verify,
    throttle::concurrent_guesses_are_counted_before_they_are_evaluated,
    reveal::one_approval_reveals_once_under_concurrency,
);

/// A Monday morning in Stockholm.
pub fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 2, 3, 8, 0, 0).unwrap()
}

/// The same root key for every service of a test, as after a restart.
pub fn keys() -> Arc<LocalKeyProvider> {
    Arc::new(LocalKeyProvider::new(
        DataKey::from_hex(&"9b".repeat(32)).unwrap(),
    ))
}

/// The audit anchor over [`keys`].
pub fn anchor() -> KeyAnchor {
    KeyAnchor::new(keys())
}

/// A service over `store` at [`t0`] with cheap Argon2 and these throttle limits.
pub fn service(
    store: Arc<dyn CaseStore>,
    throttle: ThrottleConfig,
) -> (CaseService, Arc<ManualClock>) {
    let clock = Arc::new(ManualClock::new(t0()));
    let config = ServiceConfig {
        throttle,
        ..ServiceConfig::insecure_for_tests()
    };
    let svc = CaseService::new(store, keys(), config).with_clock(clock.clone());
    (svc, clock)
}

/// The tenant of every test.
pub fn tenant() -> TenantId {
    "kommun".parse().unwrap()
}

/// An actor of [`tenant`] with one role.
pub fn actor(id: &str, role: Role) -> Actor {
    Actor::new(id, tenant(), [role])
}

/// Creates [`tenant`] and files a whistleblower report, with the reporter's name when given.
pub fn report(svc: &CaseService, name: Option<&str>) -> Submission {
    svc.create_tenant(tenant(), "Testby kommun").unwrap();
    svc.submit_report(
        &tenant(),
        NewReport {
            kind: CaseKind::Whistleblowing,
            channel: Channel::Web,
            text: "Rapport".into(),
            identity: name.map(|n| ReporterIdentity {
                name: Some(n.into()),
                email: None,
                phone: None,
                other: None,
            }),
        },
    )
    .unwrap()
}
