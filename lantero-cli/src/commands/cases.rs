//! `lantero cases …`: operator commands over a case database (SQLite file or PostgreSQL URL).
//!
//! - `lantero cases deadlines --db DB [--tenant T] [--state open|due-soon|overdue|all]`
//! - `lantero cases purge --db DB --key-file KEY [--tenant T] [--dry-run]`
//!
//! Both work on case metadata only and can open no content. `deadlines` holds no keys
//! ([`LockedKeyProvider`]) and opens a SQLite file read-only, refusing files that are not case
//! stores. `purge` writes the tenant's signed audit log, so it needs the root key (`--key-file`
//! or `LANTERO_KEY_FILE`), of which it uses only the audit keys ([`AuditOnlyKeyProvider`]).
//! They act as the system account `system:lantero-cli` with the administrator role, so every
//! purge is in the tenant's audit log under that name.

use std::path::PathBuf;
use std::sync::Arc;

use clap::{Subcommand, ValueEnum};
use lantero_cases::crypto::{
    AuditOnlyKeyProvider, DataKey, KeyProvider, LocalKeyProvider, LockedKeyProvider,
};
use lantero_cases::policy::{Actor, Role};
use lantero_cases::retention::PurgeReport;
use lantero_cases::service::DeadlineQuery;
use lantero_cases::store::{CaseStore, PostgresStore, SqliteStore};
use lantero_cases::{CaseService, Error, ServiceConfig, TenantId};
use serde::Serialize;

use crate::failure::{CommandResult, Failure};

/// The `lantero cases` subcommands.
#[derive(Debug, Subcommand)]
pub enum CasesCommand {
    /// List statutory deadlines (acknowledgement, feedback, records handling).
    Deadlines {
        /// The case database: a SQLite file or a postgres:// URL.
        #[arg(long)]
        db: PathBuf,
        /// Only this tenant (default: every tenant).
        #[arg(long)]
        tenant: Option<String>,
        /// Which deadlines.
        #[arg(long, value_enum, default_value_t = StateFilter::Open)]
        state: StateFilter,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Run the retention routine: purge personal data whose retention has run out.
    Purge {
        /// The case database: a SQLite file or a postgres:// URL.
        #[arg(long)]
        db: PathBuf,
        /// Only this tenant (default: every tenant).
        #[arg(long)]
        tenant: Option<String>,
        /// Report what would be purged without changing anything.
        #[arg(long)]
        dry_run: bool,
        /// The tenant root key (64 hex digits in a file), for signing the audit log; only its
        /// audit keys are used. Default: the file named by LANTERO_KEY_FILE.
        #[arg(long)]
        key_file: Option<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
}

/// Which deadlines to list.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum StateFilter {
    /// Not yet met.
    Open,
    /// Open and due within 48 hours.
    DueSoon,
    /// Open and past due.
    Overdue,
    /// All, met ones included.
    All,
}

/// Output formats.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Format {
    /// A readable table.
    Text,
    /// One JSON object.
    Json,
}

#[derive(Serialize)]
struct DeadlineRow {
    tenant: String,
    reference: String,
    kind: String,
    clock: String,
    due: String,
    state: String,
}

#[derive(Serialize)]
struct DeadlinesOutput {
    schema: &'static str,
    deadlines: Vec<DeadlineRow>,
}

#[derive(Serialize)]
struct PurgeOutput {
    schema: &'static str,
    dry_run: bool,
    tenants: Vec<PurgeReport>,
}

/// Runs a `lantero cases` subcommand, printing its output.
pub fn run(cmd: CasesCommand) -> CommandResult {
    let out = execute(cmd)?;
    crate::stdout::print(&out)
}

/// Runs a subcommand and returns what it prints.
fn execute(cmd: CasesCommand) -> Result<String, Failure> {
    match cmd {
        CasesCommand::Deadlines {
            db,
            tenant,
            state,
            format,
        } => {
            let keys: Arc<dyn KeyProvider> = Arc::new(LockedKeyProvider);
            let (service, tenants) = open(&db, tenant.as_deref(), keys, Access::ReadOnly)?;
            let query = match state {
                StateFilter::Open => DeadlineQuery::Open,
                StateFilter::DueSoon => DeadlineQuery::DueSoon,
                StateFilter::Overdue => DeadlineQuery::Overdue,
                StateFilter::All => DeadlineQuery::All,
            };
            let mut rows = Vec::new();
            for t in tenants {
                let deadlines = service
                    .deadlines(&operator(t.clone()), query)
                    .map_err(|e| processing(&db, e))?;
                rows.extend(deadlines.into_iter().map(|d| DeadlineRow {
                    tenant: t.to_string(),
                    reference: d.reference.to_string(),
                    kind: d.kind.to_string(),
                    clock: d.clock.as_str().to_owned(),
                    due: d.due.to_rfc3339(),
                    state: d.state.as_str().to_owned(),
                }));
            }
            let output = DeadlinesOutput {
                schema: "lantero.case-deadlines/v1",
                deadlines: rows,
            };
            match format {
                Format::Json => json(&output),
                Format::Text => Ok(deadline_table(&output.deadlines)),
            }
        }
        CasesCommand::Purge {
            db,
            tenant,
            dry_run,
            key_file,
            format,
        } => {
            let keys = audit_keys(key_file)?;
            let (service, tenants) = open(&db, tenant.as_deref(), keys, Access::Write)?;
            let mut reports = Vec::new();
            for t in tenants {
                reports.push(
                    service
                        .purge(&operator(t), dry_run)
                        .map_err(|e| processing(&db, e))?,
                );
            }
            let output = PurgeOutput {
                schema: "lantero.purge-run/v1",
                dry_run,
                tenants: reports,
            };
            match format {
                Format::Json => json(&output),
                Format::Text => Ok(purge_text(&output)),
            }
        }
    }
}

/// The system account the operator tool acts as.
fn operator(tenant: TenantId) -> Actor {
    Actor::new("system:lantero-cli", tenant, [Role::Administrator])
}

fn processing(db: &std::path::Path, e: Error) -> Failure {
    Failure::processing(format!("{}: {e}", db.display()))
}

/// The audit-only key provider of `purge`, from `--key-file` or `LANTERO_KEY_FILE`.
fn audit_keys(key_file: Option<PathBuf>) -> Result<Arc<dyn KeyProvider>, Failure> {
    let path = key_file
        .or_else(|| std::env::var_os("LANTERO_KEY_FILE").map(PathBuf::from))
        .ok_or_else(|| {
            Failure::input(
                "purge writes the signed audit log: give the tenant root key with --key-file \
                 FILE or LANTERO_KEY_FILE",
            )
        })?;
    let text = std::fs::read_to_string(&path).map_err(|e| {
        Failure::input(format!("{}: cannot read the key file: {e}", path.display()))
    })?;
    let root = DataKey::from_hex(&text).map_err(|_| {
        Failure::input(format!(
            "{}: not a key file (expected 64 hex digits)",
            path.display()
        ))
    })?;
    Ok(Arc::new(AuditOnlyKeyProvider::new(LocalKeyProvider::new(
        root,
    ))))
}

/// Whether the command may write.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Access {
    ReadOnly,
    Write,
}

/// Opens the database (never creating one) and resolves the tenants to work on.
fn open(
    db: &std::path::Path,
    tenant: Option<&str>,
    keys: Arc<dyn KeyProvider>,
    access: Access,
) -> Result<(CaseService, Vec<TenantId>), Failure> {
    let location = db.to_string_lossy();
    let store: Arc<dyn CaseStore> = if location.starts_with("postgres://")
        || location.starts_with("postgresql://")
    {
        // The URL may hold a password: name the server kind, not the URL.
        Arc::new(
            PostgresStore::connect(&location, None)
                .map_err(|e| Failure::input(format!("PostgreSQL database: {e}")))?,
        )
    } else {
        let opened = match access {
            Access::ReadOnly => SqliteStore::open_read_only(db),
            Access::Write => SqliteStore::open_existing(db),
        };
        Arc::new(opened.map_err(|e| match e {
            Error::NotFound { .. } => Failure::input(format!("{location}: no such database file")),
            other => Failure::input(format!(
                "{location}: not a readable Lantero case database: {other}"
            )),
        })?)
    };
    let tenants = match tenant {
        Some(t) => {
            let id: TenantId = t
                .parse()
                .map_err(|e| Failure::input(format!("--tenant: {e}")))?;
            if store.tenant(&id).map_err(|e| processing(db, e))?.is_none() {
                return Err(Failure::input(format!("{location}: no tenant {id:?}")));
            }
            vec![id]
        }
        None => store
            .tenants()
            .map_err(|e| processing(db, e))?
            .into_iter()
            .map(|t| t.id)
            .collect(),
    };
    let service = CaseService::new(store, keys, ServiceConfig::default());
    Ok((service, tenants))
}

fn json<T: Serialize>(value: &T) -> Result<String, Failure> {
    serde_json::to_string_pretty(value)
        .map(|s| s + "\n")
        .map_err(|e| Failure::processing(format!("cannot write JSON: {e}")))
}

fn deadline_table(rows: &[DeadlineRow]) -> String {
    if rows.is_empty() {
        return "no deadlines\n".to_owned();
    }
    let header = ["TENANT", "REFERENCE", "KIND", "CLOCK", "DUE (UTC)", "STATE"];
    let cells: Vec<[&str; 6]> = rows
        .iter()
        .map(|r| {
            [
                r.tenant.as_str(),
                &r.reference,
                &r.kind,
                &r.clock,
                &r.due,
                &r.state,
            ]
        })
        .collect();
    let mut widths = header.map(str::len);
    for row in &cells {
        for (w, c) in widths.iter_mut().zip(row) {
            *w = (*w).max(c.chars().count());
        }
    }
    let line = |row: [&str; 6]| {
        let mut s = String::new();
        for (i, (c, w)) in row.iter().zip(widths).enumerate() {
            if i + 1 == row.len() {
                s.push_str(c);
            } else {
                s.push_str(&format!("{c:<w$}  "));
            }
        }
        s + "\n"
    };
    let mut out = line(header);
    for row in cells {
        out.push_str(&line(row));
    }
    out
}

fn purge_text(output: &PurgeOutput) -> String {
    let verb = if output.dry_run {
        "would purge"
    } else {
        "purged"
    };
    let mut out = String::new();
    for r in &output.tenants {
        out.push_str(&format!(
            "{}: {verb} {} case(s), {} kept by legal hold\n",
            r.tenant,
            r.purged.len(),
            r.held.len()
        ));
        for p in &r.purged {
            out.push_str(&format!(
                "  {verb} {} ({}), due {}\n",
                p.reference,
                p.kind,
                p.due.to_rfc3339()
            ));
        }
        for p in &r.held {
            out.push_str(&format!(
                "  held {} ({}), due {}\n",
                p.reference,
                p.kind,
                p.due.to_rfc3339()
            ));
        }
    }
    if output.tenants.is_empty() {
        out.push_str("no tenants\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use lantero_cases::case::{CaseKind, Channel, ClosureReason};
    use lantero_cases::crypto::{DataKey, LocalKeyProvider};
    use lantero_cases::service::NewReport;

    const ROOT: &str = "7e7e7e7e7e7e7e7e7e7e7e7e7e7e7e7e7e7e7e7e7e7e7e7e7e7e7e7e7e7e7e7e";

    /// The root key of [`database`], as a key file beside it.
    fn key_file(dir: &std::path::Path) -> Option<PathBuf> {
        let path = dir.join("root.key");
        std::fs::write(&path, format!("{ROOT}\n")).unwrap();
        Some(path)
    }

    /// A database with one open whistleblower report and one closed tip without legal basis.
    fn database(dir: &std::path::Path) -> PathBuf {
        let path = dir.join("cases.db");
        let store = Arc::new(SqliteStore::open(&path).unwrap());
        let keys = Arc::new(LocalKeyProvider::new(DataKey::from_hex(ROOT).unwrap()));
        let svc = CaseService::new(store, keys, ServiceConfig::insecure_for_tests());
        let t: TenantId = "ange".parse().unwrap();
        svc.create_tenant(t.clone(), "Ånge kommun").unwrap();
        let report = |kind| {
            svc.submit_report(
                &t,
                NewReport {
                    kind,
                    channel: Channel::Web,
                    text: "Text".into(),
                    identity: None,
                },
            )
            .unwrap()
        };
        report(CaseKind::Whistleblowing);
        let tip = report(CaseKind::Tip);
        let admin = Actor::new("admin", t.clone(), [Role::Administrator]);
        let h = Actor::new("h", t.clone(), [Role::Handler]);
        svc.assign(&admin, &tip.case_id, &h.id).unwrap();
        svc.close(&h, &tip.case_id, ClosureReason::NoLegalBasis)
            .unwrap();
        path
    }

    #[test]
    fn deadlines_as_table_and_json() {
        let dir = tempfile::tempdir().unwrap();
        let db = database(dir.path());
        let text = execute(CasesCommand::Deadlines {
            db: db.clone(),
            tenant: None,
            state: StateFilter::Open,
            format: Format::Text,
        })
        .unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines[0].starts_with("TENANT"));
        assert_eq!(lines.len(), 3, "{text}");
        assert!(lines[1].contains("VB-") && lines[1].contains("acknowledgement"));
        let json = execute(CasesCommand::Deadlines {
            db,
            tenant: Some("ange".into()),
            state: StateFilter::All,
            format: Format::Json,
        })
        .unwrap();
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["schema"], "lantero.case-deadlines/v1");
        assert_eq!(v["deadlines"].as_array().unwrap().len(), 2);
    }

    #[test]
    fn purge_dry_run_then_for_real() {
        let dir = tempfile::tempdir().unwrap();
        let db = database(dir.path());
        let without_key = execute(CasesCommand::Purge {
            db: db.clone(),
            tenant: None,
            dry_run: true,
            key_file: None,
            format: Format::Text,
        });
        if std::env::var_os("LANTERO_KEY_FILE").is_none() {
            let err = without_key.unwrap_err();
            assert_eq!(err.code, 2);
            assert!(err.message.contains("--key-file"), "{}", err.message);
        }
        let dry = execute(CasesCommand::Purge {
            db: db.clone(),
            tenant: None,
            dry_run: true,
            key_file: key_file(dir.path()),
            format: Format::Text,
        })
        .unwrap();
        assert!(dry.starts_with("ange: would purge 1 case(s)"), "{dry}");
        let run = execute(CasesCommand::Purge {
            db: db.clone(),
            tenant: None,
            dry_run: false,
            key_file: key_file(dir.path()),
            format: Format::Json,
        })
        .unwrap();
        let v: serde_json::Value = serde_json::from_str(&run).unwrap();
        assert_eq!(v["tenants"][0]["purged"].as_array().unwrap().len(), 1);
        let again = execute(CasesCommand::Purge {
            db,
            tenant: None,
            dry_run: false,
            key_file: key_file(dir.path()),
            format: Format::Text,
        })
        .unwrap();
        assert!(again.starts_with("ange: purged 0 case(s)"), "{again}");
    }

    #[test]
    fn bad_databases_are_input_errors() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("missing.db");
        let err = execute(CasesCommand::Purge {
            db: missing.clone(),
            tenant: None,
            dry_run: true,
            key_file: key_file(dir.path()),
            format: Format::Text,
        })
        .unwrap_err();
        assert_eq!(err.code, 2);
        assert!(err.message.contains("no such database file"));
        assert!(!missing.exists(), "a typo must not create a database");
        let junk = dir.path().join("junk.db");
        std::fs::write(
            &junk,
            b"this is not sqlite at all, just text padding padding padding",
        )
        .unwrap();
        let err = execute(CasesCommand::Deadlines {
            db: junk,
            tenant: None,
            state: StateFilter::Open,
            format: Format::Text,
        })
        .unwrap_err();
        assert_eq!(err.code, 2, "{}", err.message);
        // An existing empty file is refused and stays empty: listing never creates a store.
        let empty = dir.path().join("empty.db");
        std::fs::write(&empty, b"").unwrap();
        let err = execute(CasesCommand::Deadlines {
            db: empty.clone(),
            tenant: None,
            state: StateFilter::Open,
            format: Format::Text,
        })
        .unwrap_err();
        assert_eq!(err.code, 2, "{}", err.message);
        assert!(
            err.message.contains("not a Lantero case database"),
            "{}",
            err.message
        );
        assert_eq!(std::fs::metadata(&empty).unwrap().len(), 0);
        let db = database(dir.path());
        let err = execute(CasesCommand::Deadlines {
            db,
            tenant: Some("nowhere".into()),
            state: StateFilter::Open,
            format: Format::Text,
        })
        .unwrap_err();
        assert_eq!(err.code, 2);
    }
}
