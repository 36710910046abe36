//! Encryption at rest.
//!
//! Every case has its own data key; the reporter's identity has another, so that reading a case
//! never decrypts who reported it. Data keys are wrapped by the tenant's key through a
//! [`KeyProvider`] (a local root key, or an HSM/KMS plugin) and only the wrapped form is stored.
//! Plain keys live in [`zeroize::Zeroizing`] buffers, are wiped when dropped and have no `Debug`
//! output, so they cannot end up in logs.

mod keys;
mod provider;

pub use keys::{DataKey, Sealed, WrappedKey, random_bytes};
pub use provider::{AuditOnlyKeyProvider, KeyProvider, LocalKeyProvider, LockedKeyProvider};
