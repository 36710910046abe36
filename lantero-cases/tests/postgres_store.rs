//! The conformance suite on the PostgreSQL store, against the server named by `LANTERO_PG_URL`
//! (start one with `scripts/postgres.sh start`). Every test gets its own schema, so tests run
//! in parallel and re-runs start clean.
//!
//! Without `LANTERO_PG_URL` the tests are skipped with a loud message, unless
//! `LANTERO_REQUIRE_PG=1` (as in `make test`), which turns a missing server into a failure.

mod conformance;

use std::io::Write;
use std::sync::Arc;

use lantero_cases::crypto::random_bytes;
use lantero_cases::store::{CaseStore, PostgresStore};

fn open() -> Option<Arc<dyn CaseStore>> {
    let required = std::env::var("LANTERO_REQUIRE_PG").is_ok_and(|v| v == "1");
    let Ok(url) = std::env::var("LANTERO_PG_URL") else {
        assert!(
            !required,
            "LANTERO_REQUIRE_PG=1 but LANTERO_PG_URL is not set: run scripts/postgres.sh start"
        );
        // Written to the real stderr (the test harness captures only `eprintln!`), once.
        static WARNED: std::sync::Once = std::sync::Once::new();
        WARNED.call_once(|| {
            let _ = std::io::stderr().write_all(
                b"\n*** SKIPPED: PostgreSQL conformance tests: LANTERO_PG_URL is not set.\n\
                  *** Run: export LANTERO_PG_URL=$(scripts/postgres.sh start)\n\n",
            );
        });
        return None;
    };
    let schema = format!("t_{}", hex::encode(random_bytes::<8>().unwrap()));
    match PostgresStore::connect(&url, Some(&schema)) {
        Ok(store) => Some(Arc::new(store)),
        Err(e) => panic!("cannot open PostgreSQL at {url}: {e}"),
    }
}

conformance_suite!(open);
