//! The two engines as an attacker sees them: a store to use, raw SQL to tamper with, and the
//! files on disk to scan.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use lantero_cases::crypto::random_bytes;
use lantero_cases::store::{CaseStore, PostgresStore, SqliteStore};

/// A database on one engine, reopened at will (a restart, or another process).
pub enum Engine {
    /// A SQLite file in a temporary folder.
    Sqlite { dir: PathBuf },
    /// A schema of its own in the test server's database.
    Postgres { url: String, schema: String },
}

impl Engine {
    pub fn sqlite() -> Option<Self> {
        // Leaked on purpose: stores opened from it outlive this function.
        let dir = tempfile::tempdir().unwrap().keep();
        Some(Self::Sqlite { dir })
    }

    /// The test server, or `None` (skipped loudly) without `LANTERO_PG_URL`.
    pub fn postgres() -> Option<Self> {
        let required = std::env::var("LANTERO_REQUIRE_PG").is_ok_and(|v| v == "1");
        let Ok(url) = std::env::var("LANTERO_PG_URL") else {
            assert!(
                !required,
                "LANTERO_REQUIRE_PG=1 but LANTERO_PG_URL is not set: run scripts/postgres.sh start"
            );
            let _ = std::io::stderr().write_all(
                b"\n*** SKIPPED: PostgreSQL security tests: LANTERO_PG_URL is not set.\n",
            );
            return None;
        };
        let schema = format!("s_{}", hex::encode(random_bytes::<8>().unwrap()));
        Some(Self::Postgres { url, schema })
    }

    /// A new store on the database: a fresh connection, as after a restart.
    pub fn open(&self) -> Arc<dyn CaseStore> {
        match self {
            Self::Sqlite { dir } => Arc::new(SqliteStore::open(dir.join("cases.db")).unwrap()),
            Self::Postgres { url, schema } => {
                Arc::new(PostgresStore::connect(url, Some(schema)).unwrap())
            }
        }
    }

    /// Runs statements behind the store's back, as someone with access to the database.
    pub fn raw(&self, sql: &str) {
        match self {
            Self::Sqlite { dir } => {
                let conn = rusqlite::Connection::open(dir.join("cases.db")).unwrap();
                conn.execute_batch(sql).unwrap();
            }
            Self::Postgres { url, schema } => {
                let mut client = postgres::Client::connect(url, postgres::NoTls).unwrap();
                client
                    .batch_execute(&format!("SET search_path TO {schema}; {sql}"))
                    .unwrap();
            }
        }
    }

    /// Every file the engine keeps the database in: the SQLite file with its journal, or the
    /// PostgreSQL server's data directory (heap files, WAL, everything).
    pub fn files(&self) -> Vec<PathBuf> {
        match self {
            Self::Sqlite { dir } => ["cases.db", "cases.db-wal", "cases.db-shm"]
                .iter()
                .map(|f| dir.join(f))
                .filter(|p| p.exists())
                .collect(),
            Self::Postgres { url, .. } => {
                let mut client = postgres::Client::connect(url, postgres::NoTls).unwrap();
                let recycle: String = client.query_one("SHOW wal_recycle", &[]).unwrap().get(0);
                assert_eq!(
                    recycle, "off",
                    "the test server recycles WAL segments: restart it with scripts/postgres.sh"
                );
                let data: String = client.query_one("SHOW data_directory", &[]).unwrap().get(0);
                let mut out = Vec::new();
                walk(Path::new(&data), &mut out);
                assert!(!out.is_empty(), "cannot read the server's files in {data}");
                out
            }
        }
    }
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        match entry.file_type() {
            Ok(t) if t.is_dir() => walk(&path, out),
            Ok(t) if t.is_file() => out.push(path),
            _ => {}
        }
    }
}

/// The needles found in any of `files`, each with the first file it is in.
pub fn scan(files: &[PathBuf], needles: &[String]) -> Vec<(String, PathBuf)> {
    let finders: Vec<_> = needles
        .iter()
        .map(|n| memchr::memmem::Finder::new(n.as_bytes()).into_owned())
        .collect();
    let mut found = Vec::new();
    let mut seen = vec![false; needles.len()];
    for file in files {
        // Files can vanish while the server works (removed WAL segments): skip those.
        let Ok(bytes) = std::fs::read(file) else {
            continue;
        };
        for (i, f) in finders.iter().enumerate() {
            if !seen[i] && f.find(&bytes).is_some() {
                seen[i] = true;
                found.push((needles[i].clone(), file.clone()));
            }
        }
    }
    found
}
