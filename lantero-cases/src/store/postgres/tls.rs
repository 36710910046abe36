//! TLS (rustls, ring provider) for the PostgreSQL store.
//!
//! The connection string takes libpq's `sslmode` and `sslrootcert`, which the `postgres` crate
//! does not fully understand (it knows `disable`, `prefer` and `require`, and no root
//! certificate): both are taken out of the string here and applied to the rustls configuration.
//!
//! | `sslmode`     | TLS                         | certificate checked                          |
//! |---------------|-----------------------------|----------------------------------------------|
//! | `disable`     | never                       | –                                            |
//! | `allow`, `prefer` | if the server offers it | only with `sslrootcert` (chain, as `verify-ca`) |
//! | `require`     | always                      | only with `sslrootcert` (chain, as `verify-ca`) |
//! | `verify-ca`   | always                      | chain to a trusted root                      |
//! | `verify-full` | always                      | chain, and the host name or IP address       |
//!
//! Trusted roots are the PEM certificates in `sslrootcert=PATH`, or the system's roots when it
//! is absent or `system` (as in libpq 16).
//!
//! **Defaults differ from libpq**, because case content travels over this connection: without
//! `sslmode`, a loopback host (`localhost`, `127.0.0.0/8`, `::1`, a Unix socket) gets `prefer`,
//! and any other host gets `verify-full`. A connection that could go unencrypted (`disable`,
//! `allow`, `prefer`) to a host that is not loopback is refused outright: a network path is
//! never trusted to carry case content in the clear, and `prefer` is stripped by anyone on it.

use std::net::IpAddr;
use std::str::FromStr;
use std::sync::Arc;

use ::postgres::config::{Host, SslMode};
use ::postgres::{Client, Config};
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::client::{WebPkiServerVerifier, verify_server_cert_signed_by_trust_anchor};
use rustls::crypto::{CryptoProvider, WebPkiSupportedAlgorithms};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::server::ParsedCertificate;
use rustls::{ClientConfig, DigitallySignedStruct, RootCertStore, SignatureScheme};
use tokio_postgres_rustls::MakeRustlsConnect;

use crate::{Error, Result};

/// libpq's `sslmode`, all of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Disable,
    Allow,
    Prefer,
    Require,
    VerifyCa,
    VerifyFull,
}

impl Mode {
    fn parse(value: &str) -> Result<Self> {
        Ok(match value {
            "disable" => Self::Disable,
            "allow" => Self::Allow,
            "prefer" => Self::Prefer,
            "require" => Self::Require,
            "verify-ca" => Self::VerifyCa,
            "verify-full" => Self::VerifyFull,
            _ => {
                return Err(Error::invalid(
                    "sslmode",
                    value,
                    "expected disable, allow, prefer, require, verify-ca or verify-full",
                ));
            }
        })
    }

    fn name(self) -> &'static str {
        match self {
            Self::Disable => "disable",
            Self::Allow => "allow",
            Self::Prefer => "prefer",
            Self::Require => "require",
            Self::VerifyCa => "verify-ca",
            Self::VerifyFull => "verify-full",
        }
    }

    /// Whether the session may end up unencrypted.
    fn may_be_clear(self) -> bool {
        matches!(self, Self::Disable | Self::Allow | Self::Prefer)
    }
}

/// A connection string with the TLS options taken out.
#[derive(Debug)]
struct Parsed {
    /// What is left, for the `postgres` crate.
    rest: String,
    mode: Option<Mode>,
    root_cert: Option<String>,
}

/// Connects to `url` (a `postgres://` URL or a `key=value` string) with TLS as the module
/// documentation describes.
pub(super) fn connect(url: &str) -> Result<Client> {
    let parsed = if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        split_url(url)?
    } else {
        split_key_values(url)?
    };
    let mut config = Config::from_str(&parsed.rest).map_err(|e| Error::Store {
        backend: "postgres",
        reason: format!("invalid connection string: {}", chain(&e)),
    })?;
    let loopback = is_loopback(&config);
    let mode = parsed.mode.unwrap_or(if loopback {
        Mode::Prefer
    } else {
        Mode::VerifyFull
    });
    if mode.may_be_clear() && !loopback {
        return Err(Error::invalid(
            "sslmode",
            mode.name(),
            "refused for a host that is not loopback: case content would cross the network \
             unencrypted (use verify-full)",
        ));
    }
    config.ssl_mode(match mode {
        Mode::Disable => SslMode::Disable,
        Mode::Allow | Mode::Prefer => SslMode::Prefer,
        Mode::Require | Mode::VerifyCa | Mode::VerifyFull => SslMode::Require,
    });
    // As libpq: `disable` ignores `sslrootcert` (the file need not exist).
    let root_cert = parsed.root_cert.filter(|_| mode != Mode::Disable);
    let tls = MakeRustlsConnect::new(client_config(mode, root_cert.as_deref())?);
    config.connect(tls).map_err(|e| Error::Store {
        backend: "postgres",
        reason: match e.as_db_error() {
            Some(d) => d.message().to_owned(),
            None => format!("cannot connect (sslmode={}): {}", mode.name(), chain(&e)),
        },
    })
}

/// An error and its sources on one line: the `postgres` crate's own message for a failed
/// handshake is just "error performing TLS handshake", the reason is in the source.
fn chain(e: &dyn std::error::Error) -> String {
    let mut out = e.to_string();
    let mut link = e.source();
    while let Some(s) = link {
        let s_text = s.to_string();
        // Some wrappers repeat their source's message: say it once.
        if !out.ends_with(&s_text) {
            out.push_str(": ");
            out.push_str(&s_text);
        }
        link = s.source();
    }
    out
}

fn is_loopback(config: &Config) -> bool {
    let addrs = config.get_hostaddrs();
    if !addrs.is_empty() {
        // `hostaddr` is where the connection actually goes; `host` is then only a name.
        return addrs.iter().all(IpAddr::is_loopback);
    }
    let hosts = config.get_hosts();
    !hosts.is_empty()
        && hosts.iter().all(|h| match h {
            Host::Tcp(name) => {
                let name = name.trim_start_matches('[').trim_end_matches(']');
                name.eq_ignore_ascii_case("localhost")
                    || IpAddr::from_str(name).is_ok_and(|ip| ip.is_loopback())
            }
            #[cfg(unix)]
            Host::Unix(_) => true,
        })
}

fn split_url(url: &str) -> Result<Parsed> {
    let Some((base, query)) = url.split_once('?') else {
        return Ok(Parsed {
            rest: url.to_owned(),
            mode: None,
            root_cert: None,
        });
    };
    let mut mode = None;
    let mut root_cert = None;
    let mut kept = Vec::new();
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        match key {
            "sslmode" => mode = Some(Mode::parse(&percent_decode(value)?)?),
            "sslrootcert" => root_cert = Some(percent_decode(value)?),
            _ => kept.push(pair),
        }
    }
    let rest = if kept.is_empty() {
        base.to_owned()
    } else {
        format!("{base}?{}", kept.join("&"))
    };
    Ok(Parsed {
        rest,
        mode,
        root_cert,
    })
}

fn percent_decode(s: &str) -> Result<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
                .ok_or_else(|| {
                    Error::invalid(
                        "connection string",
                        s,
                        "a '%' not followed by two hex digits",
                    )
                })?;
            out.push(hex);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out)
        .map_err(|_| Error::invalid("connection string", s, "percent-decodes to invalid UTF-8"))
}

/// Splits a libpq `key=value` string (values optionally single-quoted, `\` escaping) and takes
/// the TLS options out; the rest is passed on as written.
fn split_key_values(s: &str) -> Result<Parsed> {
    let mut mode = None;
    let mut root_cert = None;
    let mut kept: Vec<&str> = Vec::new();
    let mut chars = s.char_indices().peekable();
    let malformed = |why: &str| Error::invalid("connection string", "(key=value form)", why);
    loop {
        while chars.next_if(|(_, c)| c.is_whitespace()).is_some() {}
        let Some(&(start, _)) = chars.peek() else {
            break;
        };
        let mut key = String::new();
        while let Some((_, c)) = chars.next_if(|(_, c)| *c != '=' && !c.is_whitespace()) {
            key.push(c);
        }
        while chars.next_if(|(_, c)| c.is_whitespace()).is_some() {}
        if chars.next_if(|(_, c)| *c == '=').is_none() {
            return Err(malformed("expected key=value"));
        }
        while chars.next_if(|(_, c)| c.is_whitespace()).is_some() {}
        let mut value = String::new();
        if chars.next_if(|(_, c)| *c == '\'').is_some() {
            loop {
                match chars.next() {
                    Some((_, '\\')) => {
                        value.push(chars.next().ok_or_else(|| malformed("a trailing '\\'"))?.1)
                    }
                    Some((_, '\'')) => break,
                    Some((_, c)) => value.push(c),
                    None => return Err(malformed("an unterminated quote")),
                }
            }
        } else {
            while let Some((_, c)) = chars.next_if(|(_, c)| !c.is_whitespace()) {
                if c == '\\' {
                    value.push(chars.next().ok_or_else(|| malformed("a trailing '\\'"))?.1);
                } else {
                    value.push(c);
                }
            }
        }
        let end = chars.peek().map_or(s.len(), |&(i, _)| i);
        match key.as_str() {
            "sslmode" => mode = Some(Mode::parse(&value)?),
            "sslrootcert" => root_cert = Some(value),
            _ => kept.push(&s[start..end]),
        }
    }
    Ok(Parsed {
        rest: kept
            .iter()
            .map(|k| k.trim_end())
            .collect::<Vec<_>>()
            .join(" "),
        mode,
        root_cert,
    })
}

fn provider() -> Arc<CryptoProvider> {
    Arc::new(rustls::crypto::ring::default_provider())
}

/// The rustls configuration for `mode`; with `disable` it is never used.
fn client_config(mode: Mode, root_cert: Option<&str>) -> Result<ClientConfig> {
    let provider = provider();
    let builder = ClientConfig::builder_with_provider(provider.clone())
        .with_safe_default_protocol_versions()
        .map_err(|e| Error::Crypto(format!("TLS setup: {e}")))?;
    let verifier: Arc<dyn ServerCertVerifier> = match (mode, root_cert) {
        (Mode::VerifyFull, _) => {
            WebPkiServerVerifier::builder_with_provider(Arc::new(roots(root_cert)?), provider)
                .build()
                .map_err(|e| Error::Crypto(format!("TLS setup: {e}")))?
        }
        // libpq: with a root certificate, `prefer` and `require` check the chain as `verify-ca`.
        (Mode::VerifyCa, _) | (_, Some(_)) => Arc::new(ChainOnly {
            roots: Some(Arc::new(roots(root_cert)?)),
            algorithms: provider.signature_verification_algorithms,
        }),
        _ => Arc::new(ChainOnly {
            roots: None,
            algorithms: provider.signature_verification_algorithms,
        }),
    };
    Ok(builder
        .dangerous()
        .with_custom_certificate_verifier(verifier)
        .with_no_client_auth())
}

/// The trusted roots: the PEM file named by `sslrootcert`, or the system's.
fn roots(root_cert: Option<&str>) -> Result<RootCertStore> {
    let mut store = RootCertStore::empty();
    match root_cert {
        Some(path) if path != "system" => {
            let bad = |reason: String| Error::invalid("sslrootcert", path, reason);
            let certs = CertificateDer::pem_file_iter(path)
                .map_err(|e| bad(format!("cannot read it: {e}")))?
                .collect::<std::result::Result<Vec<_>, _>>()
                .map_err(|e| bad(format!("not a PEM certificate file: {e}")))?;
            if certs.is_empty() {
                return Err(bad("holds no PEM certificate".into()));
            }
            for cert in certs {
                store
                    .add(cert)
                    .map_err(|e| bad(format!("not a usable CA certificate: {e}")))?;
            }
        }
        _ => {
            let found = rustls_native_certs::load_native_certs();
            store.add_parsable_certificates(found.certs);
            if store.is_empty() {
                return Err(Error::invalid(
                    "sslrootcert",
                    "system",
                    "no system root certificates found: name a CA file with sslrootcert=PATH",
                ));
            }
        }
    }
    Ok(store)
}

/// libpq's `verify-ca` (and `prefer`/`require` without a root certificate, with `roots` None):
/// the chain is checked against the roots, the name is not. The handshake signature is always
/// checked, so the server must hold the key of the certificate it shows.
#[derive(Debug)]
struct ChainOnly {
    roots: Option<Arc<RootCertStore>>,
    algorithms: WebPkiSupportedAlgorithms,
}

impl ServerCertVerifier for ChainOnly {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        now: UnixTime,
    ) -> std::result::Result<ServerCertVerified, rustls::Error> {
        if let Some(roots) = &self.roots {
            let cert = ParsedCertificate::try_from(end_entity)?;
            verify_server_cert_signed_by_trust_anchor(
                &cert,
                roots,
                intermediates,
                now,
                self.algorithms.all,
            )?;
        }
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(message, cert, dss, &self.algorithms)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(message, cert, dss, &self.algorithms)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.algorithms.supported_schemes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(url: &str) -> Error {
        match connect(url) {
            Ok(_) => panic!("{url} connected"),
            Err(e) => e,
        }
    }

    #[test]
    fn url_options_are_taken_out_and_decoded() {
        let p = split_url(
            "postgres://u@db.example:5432/x?application_name=a&sslmode=verify-ca&sslrootcert=%2Ftmp%2Fca%20x.pem",
        )
        .unwrap();
        assert_eq!(p.rest, "postgres://u@db.example:5432/x?application_name=a");
        assert_eq!(p.mode, Some(Mode::VerifyCa));
        assert_eq!(p.root_cert.as_deref(), Some("/tmp/ca x.pem"));
        let p = split_url("postgres://u@h/x?sslmode=require").unwrap();
        assert_eq!(p.rest, "postgres://u@h/x");
    }

    #[test]
    fn key_value_options_are_taken_out() {
        let p = split_key_values(
            "host=db.example user='o\\'neil' sslrootcert = '/tmp/my ca.pem' sslmode=verify-full dbname=x",
        )
        .unwrap();
        assert_eq!(p.rest, "host=db.example user='o\\'neil' dbname=x");
        assert_eq!(p.mode, Some(Mode::VerifyFull));
        assert_eq!(p.root_cert.as_deref(), Some("/tmp/my ca.pem"));
        assert!(split_key_values("host=x user='unterminated").is_err());
        assert!(split_key_values("host").is_err());
    }

    #[test]
    fn unknown_sslmode_is_a_typed_error() {
        let e = refused("postgres://u@127.0.0.1:1/x?sslmode=maybe");
        assert!(
            matches!(
                e,
                Error::InvalidValue {
                    field: "sslmode",
                    ..
                }
            ),
            "{e}"
        );
        assert!(e.to_string().contains("verify-full"), "{e}");
    }

    #[test]
    fn loopback_is_recognised() {
        for (url, expected) in [
            ("postgres://u@127.0.0.1/x", true),
            ("postgres://u@127.8.9.1/x", true),
            ("postgres://u@localhost/x", true),
            ("postgres://u@[::1]/x", true),
            ("host=/run/postgresql user=u", true),
            ("postgres://u@10.0.0.1/x", false),
            ("postgres://u@db.example/x", false),
            ("postgres://u@localhost,db.example/x", false),
            ("host=localhost hostaddr=10.0.0.1 user=u", false),
        ] {
            assert_eq!(
                is_loopback(&Config::from_str(url).unwrap()),
                expected,
                "{url}"
            );
        }
    }

    #[test]
    fn unencrypted_modes_to_a_network_host_are_refused_before_connecting() {
        // `.invalid` never resolves: a refusal here is the rule, not a network failure.
        for mode in ["disable", "allow", "prefer"] {
            let e = refused(&format!("postgres://u@db.invalid/x?sslmode={mode}"));
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
            assert!(e.to_string().contains("not loopback"), "{e}");
        }
        // The default for such a host verifies: it gets as far as resolving the name.
        let e = refused("postgres://u@db.invalid/x");
        assert!(matches!(e, Error::Store { .. }), "{e}");
        assert!(e.to_string().contains("sslmode=verify-full"), "{e}");
    }

    #[test]
    fn a_bad_root_certificate_file_is_a_typed_error() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("missing.pem");
        let e = roots(Some(missing.to_str().unwrap())).unwrap_err();
        assert!(e.to_string().contains("cannot read it"), "{e}");
        let empty = dir.path().join("empty.pem");
        std::fs::write(&empty, "not a certificate\n").unwrap();
        let e = roots(Some(empty.to_str().unwrap())).unwrap_err();
        assert!(e.to_string().contains("holds no PEM certificate"), "{e}");
        let garbage = dir.path().join("garbage.pem");
        std::fs::write(
            &garbage,
            "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n",
        )
        .unwrap();
        assert!(roots(Some(garbage.to_str().unwrap())).is_err());
    }
}
