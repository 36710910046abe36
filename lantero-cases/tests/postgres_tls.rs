//! TLS to PostgreSQL, against the server named by `LANTERO_PG_URL` (started with
//! `scripts/postgres.sh start`, which serves TLS with a throwaway CA). The CA is read from
//! `LANTERO_PG_CA`, or asked of `scripts/postgres.sh ca`.
//!
//! Without `LANTERO_PG_URL` the tests are skipped with a loud message, unless
//! `LANTERO_REQUIRE_PG=1` (as in `make test`), which turns a missing server or CA into a failure.

use std::io::Write;
use std::path::PathBuf;

use lantero_cases::Error;
use lantero_cases::crypto::random_bytes;
use lantero_cases::store::PostgresStore;

/// A CA certificate that did not sign the test server's (its key was thrown away).
const WRONG_CA: &str = "-----BEGIN CERTIFICATE-----
MIIBqjCCAVGgAwIBAgIUJiMRZ5tP/rWp5cFcc40a79228r0wCgYIKoZIzj0EAwIw
IjEgMB4GA1UEAwwXbm90IHRoZSBsYW50ZXJvIHRlc3QgQ0EwIBcNMjYxMjA0MDQw
MzI5WhgPMjEyNjExMTAwNDAzMjlaMCIxIDAeBgNVBAMMF25vdCB0aGUgbGFudGVy
byB0ZXN0IENBMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEiMNFQc7GijDXidVk
1zGMw47hqEpaT/Ju8KdlQgHpxVTuiFnXFrHn+/2bHsL2qXgfBYJr402DEuDKREnK
3486aKNjMGEwHQYDVR0OBBYEFFrM6R/t1kbQ4zYWxzOMnuobzEKoMB8GA1UdIwQY
MBaAFFrM6R/t1kbQ4zYWxzOMnuobzEKoMA8GA1UdEwEB/wQFMAMBAf8wDgYDVR0P
AQH/BAQDAgEGMAoGCCqGSM49BAMCA0cAMEQCIFabsVVf2T4slQXcYFdAwmCHwhxg
lVc8FFfJLP+cwDwFAiBWuBVaXv6VZWV7bmuCBAX8V2ff6Q2IOg0JDFHQhTsPfw==
-----END CERTIFICATE-----
";

/// The server's URL and its CA certificate's path, or `None` (skip) when no server is named.
fn server() -> Option<(String, String)> {
    let required = std::env::var("LANTERO_REQUIRE_PG").is_ok_and(|v| v == "1");
    let Ok(url) = std::env::var("LANTERO_PG_URL") else {
        assert!(
            !required,
            "LANTERO_REQUIRE_PG=1 but LANTERO_PG_URL is not set: run scripts/postgres.sh start"
        );
        static WARNED: std::sync::Once = std::sync::Once::new();
        WARNED.call_once(|| {
            let _ = std::io::stderr().write_all(
                b"\n*** SKIPPED: PostgreSQL TLS tests: LANTERO_PG_URL is not set.\n\
                  *** Run: export LANTERO_PG_URL=$(scripts/postgres.sh start)\n\n",
            );
        });
        return None;
    };
    let ca = std::env::var("LANTERO_PG_CA").ok().or_else(|| {
        let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../scripts/postgres.sh");
        let out = std::process::Command::new(script).arg("ca").output().ok()?;
        out.status
            .success()
            .then(|| String::from_utf8_lossy(&out.stdout).trim().to_owned())
    });
    match ca.filter(|p| std::path::Path::new(p).is_file()) {
        Some(ca) => Some((url, ca)),
        None => {
            assert!(
                !required,
                "LANTERO_REQUIRE_PG=1 but the test server has no CA: set LANTERO_PG_CA, or \
                 restart it with TLS (scripts/postgres.sh stop; scripts/postgres.sh start)"
            );
            let _ = std::io::stderr().write_all(
                b"\n*** SKIPPED: PostgreSQL TLS tests: no CA (LANTERO_PG_CA, scripts/postgres.sh ca).\n\n",
            );
            None
        }
    }
}

fn with(url: &str, options: &str) -> String {
    let sep = if url.contains('?') { '&' } else { '?' };
    format!("{url}{sep}{options}")
}

fn schema() -> String {
    format!("tls_{}", hex::encode(random_bytes::<8>().unwrap()))
}

fn refused(url: &str) -> Error {
    match PostgresStore::connect(url, Some(&schema())) {
        Ok(_) => panic!("connected: {url}"),
        Err(e) => e,
    }
}

/// Whether the sessions named `app` are encrypted, asked over a separate connection.
fn ssl_of(url: &str, app: &str) -> Vec<bool> {
    let mut c = postgres::Client::connect(url, postgres::NoTls).unwrap();
    c.query(
        "SELECT s.ssl FROM pg_stat_ssl s JOIN pg_stat_activity a USING (pid) \
         WHERE a.application_name = $1",
        &[&app],
    )
    .unwrap()
    .iter()
    .map(|r| r.get(0))
    .collect()
}

#[test]
fn verify_full_with_the_servers_ca_gives_an_encrypted_session() {
    let Some((url, ca)) = server() else { return };
    let app = schema();
    let tls = with(
        &url,
        &format!("sslmode=verify-full&sslrootcert={ca}&application_name={app}"),
    );
    let store = PostgresStore::connect(&tls, Some(&schema()))
        .unwrap_or_else(|e| panic!("verify-full with the server's CA: {e}"));
    assert_eq!(ssl_of(&url, &app), [true]);
    drop(store);

    // The same question tells an unencrypted session apart, so the answer above means something.
    let app = schema();
    let plain = with(&url, &format!("sslmode=disable&application_name={app}"));
    let store = PostgresStore::connect(&plain, Some(&schema())).unwrap();
    assert_eq!(ssl_of(&url, &app), [false]);
    drop(store);
}

#[test]
fn the_default_on_loopback_is_encrypted_when_the_server_offers_it() {
    let Some((url, _)) = server() else { return };
    let app = schema();
    let store = PostgresStore::connect(
        &with(&url, &format!("application_name={app}")),
        Some(&schema()),
    )
    .unwrap();
    assert_eq!(ssl_of(&url, &app), [true]);
    drop(store);
}

#[test]
fn the_certificate_names_localhost_too() {
    let Some((url, ca)) = server() else { return };
    let url = url.replace("@127.0.0.1:", "@localhost:");
    PostgresStore::connect(
        &with(&url, &format!("sslmode=verify-full&sslrootcert={ca}")),
        Some(&schema()),
    )
    .unwrap_or_else(|e| panic!("verify-full to localhost: {e}"));
}

#[test]
fn a_wrong_ca_is_refused_with_a_clear_error() {
    let Some((url, _)) = server() else { return };
    let dir = tempfile::tempdir().unwrap();
    let wrong = dir.path().join("wrong-ca.pem");
    std::fs::write(&wrong, WRONG_CA).unwrap();
    let wrong = wrong.to_str().unwrap();
    // `require` with a root certificate checks the chain, as libpq does.
    for mode in ["verify-full", "verify-ca", "require"] {
        let e = refused(&with(&url, &format!("sslmode={mode}&sslrootcert={wrong}")));
        let msg = e.to_string();
        assert!(
            matches!(
                e,
                Error::Store {
                    backend: "postgres",
                    ..
                }
            ),
            "{mode}: {msg}"
        );
        assert!(
            msg.contains("TLS handshake") && msg.contains("UnknownIssuer"),
            "{mode}: {msg}"
        );
        assert!(!msg.contains('\n'), "one line: {msg}");
    }
}

#[test]
fn an_unencrypted_mode_to_a_network_name_is_refused() {
    let Some((url, _)) = server() else { return };
    // Same server, but named as if across a network: the rule is about the name, and it
    // refuses before any packet is sent.
    let url = url.replace("@127.0.0.1:", "@db.invalid:");
    for mode in ["disable", "prefer"] {
        let e = refused(&with(&url, &format!("sslmode={mode}")));
        assert!(
            matches!(
                e,
                Error::InvalidValue {
                    field: "sslmode",
                    ..
                }
            ),
            "{mode}: {e}"
        );
    }
}
