//! The person or topic of a neither-confirm-nor-deny register query is sealed: not a byte of
//! it reaches the SQLite files in the clear (the database and its write-ahead log).

use std::path::Path;
use std::sync::Arc;

use lantero_cases::case::Channel;
use lantero_cases::crypto::{DataKey, LocalKeyProvider};
use lantero_cases::policy::{Actor, Role};
use lantero_cases::records::{NCND_DOCUMENT, QuerySubject, RegisterQuery};
use lantero_cases::store::SqliteStore;
use lantero_cases::{CaseService, ServiceConfig, TenantId};

/// The forms a string could take in the files: as is, and hex-encoded (the sealed format and
/// SQLite's blobs are hex-friendly, so a careless `hex::encode` must not slip through either).
fn forms(s: &str) -> Vec<Vec<u8>> {
    vec![
        s.as_bytes().to_vec(),
        hex::encode(s).into_bytes(),
        hex::encode_upper(s).into_bytes(),
    ]
}

fn files(db: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for suffix in ["", "-wal"] {
        let path = format!("{}{suffix}", db.display());
        if let Ok(bytes) = std::fs::read(&path) {
            out.push((path, bytes));
        }
    }
    out
}

fn found_in(files: &[(String, Vec<u8>)], s: &str) -> Vec<String> {
    let mut hits = Vec::new();
    for (path, bytes) in files {
        for form in forms(s) {
            if bytes.windows(form.len()).any(|w| w == form.as_slice()) {
                hits.push(format!("{path}: {}", String::from_utf8_lossy(&form)));
            }
        }
    }
    hits
}

fn query(store: Arc<SqliteStore>, subject: QuerySubject) {
    let keys = Arc::new(LocalKeyProvider::new(DataKey::generate().unwrap()));
    let svc = CaseService::new(store, keys, ServiceConfig::insecure_for_tests());
    let t: TenantId = "ange".parse().unwrap();
    svc.create_tenant(t.clone(), "Ånge kommun").unwrap();
    let registrar = Actor::new("registrator", t, [Role::Registrar]);
    let answer = svc
        .answer_register_query(
            &registrar,
            Channel::Email,
            RegisterQuery {
                subject,
                period: None,
            },
        )
        .unwrap();
    // The subject is still on the case, sealed: the registrar opening it reads what was asked.
    let view = svc.case(&registrar, &answer.case_id).unwrap();
    assert!(view.text.contains("Per Persson"), "{}", *view.text);
    let docs = &view.case.records.as_ref().unwrap().documents;
    assert_eq!(docs[0].description, NCND_DOCUMENT);
    assert!(!answer.document.text.contains("Per Persson"));
}

#[test]
fn the_subject_of_a_register_query_is_never_stored_in_the_clear() {
    for subject in [
        QuerySubject::Person("Per Persson".into()),
        QuerySubject::Topic("Per Persson".into()),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("cases.db");
        let store = Arc::new(SqliteStore::open(&db).unwrap());
        query(store.clone(), subject);

        // While the store is open the writes sit in the WAL; after closing, in the database.
        let open = files(&db);
        assert!(
            open.iter().any(|(p, _)| p.ends_with("-wal")),
            "expected a WAL while open: {:?}",
            open.iter().map(|(p, _)| p).collect::<Vec<_>>()
        );
        // The scan does see what is stored in the clear (the tenant's name), so an empty
        // result below means the subject is not there, not that the scan missed the data.
        assert!(!found_in(&open, "Ånge kommun").is_empty());
        assert!(!found_in(&open, NCND_DOCUMENT).is_empty());
        assert_eq!(found_in(&open, "Per Persson"), Vec::<String>::new());
        drop(store);
        let closed = files(&db);
        assert!(!found_in(&closed, "Ånge kommun").is_empty());
        assert_eq!(found_in(&closed, "Per Persson"), Vec::<String>::new());
    }
}
