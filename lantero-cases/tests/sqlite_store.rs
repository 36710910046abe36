//! The conformance suite on the SQLite store (a fresh temporary file per test).

mod conformance;

use std::sync::Arc;

use lantero_cases::store::{CaseStore, SqliteStore};

fn open() -> Option<Arc<dyn CaseStore>> {
    // The directory is leaked on purpose: the store outlives this function.
    let dir = tempfile::tempdir().unwrap().keep();
    Some(Arc::new(SqliteStore::open(dir.join("cases.db")).unwrap()))
}

conformance_suite!(open);
