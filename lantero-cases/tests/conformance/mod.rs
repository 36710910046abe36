//! The conformance suite every `CaseStore` must pass. Each check takes a fresh, empty store;
//! `conformance_suite!` turns the list into `#[test]` functions for one backend.

#![allow(dead_code)]

pub mod flows;
pub mod lifecycle;
pub mod store;

use std::sync::Arc;

use chrono::{DateTime, TimeZone, Utc};
use lantero_cases::case::{Case, CaseId, CaseKind, Channel, Reference};
use lantero_cases::clock::ManualClock;
use lantero_cases::crypto::{DataKey, LocalKeyProvider};
use lantero_cases::store::{AuditDraft, CaseStore, KeyAnchor};
use lantero_cases::{CaseService, ServiceConfig, Tenant, TenantId};

/// Generates one `#[test]` per conformance check for a backend. `$open` is an expression of
/// type `fn() -> Option<Arc<dyn CaseStore>>`; `None` skips (the opener says why).
#[macro_export]
macro_rules! conformance_suite {
    ($open:expr) => {
        $crate::conformance_suite!(@each $open;
            store::tenants_round_trip_and_duplicates_are_refused,
            store::unknown_tenant_cannot_transact,
            store::references_are_gap_free_per_tenant_kind_and_year,
            store::failed_work_writes_nothing,
            store::audit_chain_is_per_tenant_and_verifies,
            store::tenants_are_isolated,
            store::messages_attachments_links_and_reveals_round_trip,
            store::receipt_hashes_are_unique_within_a_tenant_only,
            store::deleting_content_keeps_case_and_links,
            store::concurrent_writers_keep_chain_and_numbers_consistent,
            flows::receipt_only_reporter_dialogue,
            flows::wrong_receipts_are_throttled,
            flows::identity_reveal_needs_a_custodian,
            flows::ncnd_answer_is_identical_with_and_without_a_match,
            flows::records_request_is_decided_with_provisions,
            flows::triage_routes_out_of_scope_welfare_crime,
            lifecycle::access_is_denied_by_default_and_denials_are_audited,
            lifecycle::illegal_transitions_are_refused,
            lifecycle::deadline_queries_follow_the_clock,
            lifecycle::purge_respects_retention_and_legal_hold,
            lifecycle::content_is_encrypted_at_rest,
            lifecycle::statistics_carry_no_identities
        );
    };
    (@each $open:expr; $($module:ident :: $name:ident),* $(,)?) => {
        $(
            #[test]
            fn $name() {
                let open: fn() -> Option<std::sync::Arc<dyn lantero_cases::store::CaseStore>> = $open;
                if let Some(store) = open() {
                    conformance::$module::$name(store);
                }
            }
        )*
    };
}

pub fn t0() -> DateTime<Utc> {
    // A Monday morning in Stockholm (winter time).
    Utc.with_ymd_and_hms(2025, 2, 3, 8, 0, 0).unwrap()
}

pub fn tenant(store: &dyn CaseStore, id: &str) -> TenantId {
    let id: TenantId = id.parse().unwrap();
    store
        .insert_tenant(&Tenant {
            id: id.clone(),
            name: format!("{id} kommun"),
            receipt_salt: "00112233445566778899aabbccddeeff".into(),
            created_at: t0(),
        })
        .unwrap();
    id
}

pub fn draft(action: &str, object: &str) -> AuditDraft {
    AuditDraft {
        time: t0(),
        actor: "test".into(),
        action: action.into(),
        object: object.into(),
        detail: None,
    }
}

/// Inserts a bare case and returns it.
pub fn insert_case(store: &dyn CaseStore, tenant: &TenantId, kind: CaseKind) -> Case {
    let mut out = None;
    store
        .transact(tenant, &anchor(), &mut |tx| {
            let reference = tx.next_reference(kind, 2025)?;
            let case = Case::new(
                CaseId::generate()?,
                tenant.clone(),
                kind,
                Channel::Web,
                reference,
                t0(),
            );
            tx.insert_case(&case)?;
            out = Some(case);
            Ok(draft("case.create", "c"))
        })
        .unwrap();
    out.unwrap()
}

pub fn reference(kind: CaseKind, n: u32) -> Reference {
    Reference::new(kind, 2025, n)
}

/// The root key of every test: store-level writes and the service sign the same audit heads.
pub fn keys() -> Arc<LocalKeyProvider> {
    Arc::new(LocalKeyProvider::new(
        DataKey::from_hex(&"5a".repeat(32)).unwrap(),
    ))
}

/// The audit anchor over [`keys`].
pub fn anchor() -> KeyAnchor {
    KeyAnchor::new(keys())
}

/// A service over `store` with a manual clock at [`t0`] and cheap Argon2.
pub fn service(store: Arc<dyn CaseStore>) -> (CaseService, Arc<ManualClock>) {
    let clock = Arc::new(ManualClock::new(t0()));
    let keys = keys();
    let svc = CaseService::new(store, keys, ServiceConfig::insecure_for_tests())
        .with_clock(clock.clone());
    (svc, clock)
}
