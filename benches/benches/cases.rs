//! Case handling throughput on SQLite (a temporary file, WAL, synchronous = FULL) and on
//! PostgreSQL (the server named by `LANTERO_PG_URL`, a fresh schema; skipped with a note when
//! unset): registering a case, appending a message, and a reporter's submission with the
//! production Argon2id cost. Each iteration is one committed, audited transaction.
//! `cases/receipt_hash_argon2id_default` is the cost of one receipt hash alone at
//! [`Argon2Params::default`], paid at every submission and every reporter visit.

use std::hint::black_box;
use std::sync::Arc;
use std::time::Duration;

use criterion::{
    BenchmarkGroup, Criterion, Throughput, criterion_group, criterion_main, measurement::WallTime,
};
use lantero_cases::case::{CaseKind, Channel};
use lantero_cases::crypto::{DataKey, LocalKeyProvider, random_bytes};
use lantero_cases::policy::{Actor, Role};
use lantero_cases::records::RequestedDocument;
use lantero_cases::reporter::{Argon2Params, Receipt, hash_receipt};
use lantero_cases::service::{NewRecordsRequest, NewReport};
use lantero_cases::store::{CaseStore, PostgresStore, SqliteStore};
use lantero_cases::{CaseService, ServiceConfig, TenantId};

const TEXT: &str = "Begäran om kopia av protokoll från socialnämndens sammanträde 2025-03-12, \
                    inklusive bilagor och eventuella delegationsbeslut.";

fn service(store: Arc<dyn CaseStore>) -> (CaseService, TenantId) {
    let keys = Arc::new(LocalKeyProvider::new(
        DataKey::generate().expect("random key"),
    ));
    // Production settings: Argon2id at its real cost.
    let svc = CaseService::new(store, keys, ServiceConfig::default());
    let tenant: TenantId = "bench".parse().expect("valid tenant id");
    svc.create_tenant(tenant.clone(), "Benchby kommun")
        .expect("tenant");
    (svc, tenant)
}

fn bench_store(group: &mut BenchmarkGroup<'_, WallTime>, store: Arc<dyn CaseStore>) {
    let backend = store.backend();
    let (svc, tenant) = service(store);
    let registrar = Actor::new("reg", tenant.clone(), [Role::Registrar]);
    let request = || NewRecordsRequest {
        channel: Channel::Email,
        text: TEXT.into(),
        documents: vec![RequestedDocument {
            description: "Protokoll".into(),
            registry_ref: Some("SN 2025/14".into()),
        }],
        requester: None,
    };
    group.throughput(Throughput::Elements(1));
    group.bench_function(format!("{backend}/create_case"), |b| {
        b.iter(|| {
            black_box(
                svc.register_records_request(&registrar, request())
                    .expect("registered"),
            )
        });
    });
    let case = svc
        .register_records_request(&registrar, request())
        .expect("registered");
    group.bench_function(format!("{backend}/append_message"), |b| {
        b.iter(|| black_box(svc.add_note(&registrar, &case.id, TEXT).expect("note")));
    });
    group.bench_function(format!("{backend}/submit_report_argon2id"), |b| {
        b.iter(|| {
            let report = NewReport {
                kind: CaseKind::Whistleblowing,
                channel: Channel::Web,
                text: TEXT.into(),
                identity: None,
            };
            black_box(svc.submit_report(&tenant, report).expect("submitted"))
        });
    });
}

fn cases(c: &mut Criterion) {
    let mut group = c.benchmark_group("cases");
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(4))
        .warm_up_time(Duration::from_secs(1));

    let receipt = Receipt::parse("1234 5678 9012 3456").expect("receipt");
    let salt = "00112233445566778899aabbccddeeff";
    group.bench_function("receipt_hash_argon2id_default", |b| {
        b.iter(|| {
            black_box(hash_receipt(&receipt, salt, Argon2Params::default()).expect("hashed"))
        });
    });

    let tag: String = random_bytes::<6>()
        .expect("random")
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let dir = std::env::temp_dir().join(format!("lantero-cases-bench-{tag}"));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let sqlite = SqliteStore::open(dir.join("bench.db")).expect("sqlite store");
    bench_store(&mut group, Arc::new(sqlite));

    match std::env::var("LANTERO_PG_URL") {
        Ok(url) => {
            let schema = format!("bench_{tag}");
            let pg = PostgresStore::connect(&url, Some(&schema)).expect("PostgreSQL store");
            bench_store(&mut group, Arc::new(pg));
        }
        Err(_) => eprintln!(
            "cases: LANTERO_PG_URL is not set; PostgreSQL benchmarks skipped (scripts/postgres.sh start)"
        ),
    }
    group.finish();
    let _ = std::fs::remove_dir_all(&dir);
}

criterion_group!(benches, cases);
criterion_main!(benches);
