//! Where tenant keys come from: the [`KeyProvider`] plugin.

use sha2::{Digest, Sha256};

use super::{DataKey, Sealed, WrappedKey};
use crate::{Error, Result, TenantId};

/// Wraps and unwraps per-case data keys with a tenant's key.
///
/// The tenant key itself never leaves the provider, so an implementation can keep it in an HSM
/// or a cloud KMS. Implementations are registered by name in a
/// [`lantero_core::registry::Registry<dyn KeyProvider>`](lantero_core::registry::Registry).
///
/// ```
/// use std::sync::Arc;
/// use lantero_core::registry::Registry;
/// use lantero_cases::TenantId;
/// use lantero_cases::crypto::{DataKey, KeyProvider, LocalKeyProvider};
///
/// let mut providers: Registry<dyn KeyProvider> = Registry::new("key provider");
/// providers.register("local", Arc::new(LocalKeyProvider::new(DataKey::generate()?)))?;
/// let keys = providers.get("local")?;
///
/// let tenant: TenantId = "ange".parse()?;
/// let case_key = DataKey::generate()?;
/// let wrapped = keys.wrap(&tenant, &case_key)?;
/// assert_eq!(keys.unwrap_key(&tenant, &wrapped)?.expose(), case_key.expose());
/// // Another tenant's key does not open it.
/// assert!(keys.unwrap_key(&"timra".parse()?, &wrapped).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub trait KeyProvider: Send + Sync {
    /// The provider's name, stored with every key it wraps.
    fn name(&self) -> &str;

    /// Encrypts `key` under the tenant's key.
    fn wrap(&self, tenant: &TenantId, key: &DataKey) -> Result<WrappedKey>;

    /// Decrypts a key wrapped by [`KeyProvider::wrap`] for the same tenant.
    fn unwrap_key(&self, tenant: &TenantId, wrapped: &WrappedKey) -> Result<DataKey>;

    /// The key that signs the head of the tenant's audit log
    /// ([`KeyAnchor`](crate::store::KeyAnchor)). It opens nothing: a tool holding only this
    /// key can write audit events but read no case.
    fn audit_key(&self, tenant: &TenantId) -> Result<DataKey>;
}

/// Tenant keys derived from one local root key: `SHA-256("lantero.tenant-key/v1" ‖ root ‖
/// tenant)`. Suitable for the embedded deployment where the root key sits in a file readable
/// only by the service; hosted deployments should plug in their KMS instead.
pub struct LocalKeyProvider {
    root: DataKey,
}

impl LocalKeyProvider {
    /// A provider with this root key.
    pub fn new(root: DataKey) -> Self {
        Self { root }
    }

    fn tenant_key(&self, tenant: &TenantId) -> DataKey {
        self.derive(b"lantero.tenant-key/v1\0", tenant)
    }

    fn derive(&self, purpose: &[u8], tenant: &TenantId) -> DataKey {
        let mut h = Sha256::new();
        h.update(purpose);
        h.update(self.root.expose());
        h.update(tenant.as_str().as_bytes());
        DataKey::from_bytes(h.finalize().into())
    }

    fn context(tenant: &TenantId) -> Vec<u8> {
        format!("lantero.wrap/v1/{tenant}").into_bytes()
    }
}

impl KeyProvider for LocalKeyProvider {
    fn name(&self) -> &str {
        "local"
    }

    fn wrap(&self, tenant: &TenantId, key: &DataKey) -> Result<WrappedKey> {
        let sealed = self
            .tenant_key(tenant)
            .seal(key.expose(), &Self::context(tenant))?;
        Ok(WrappedKey {
            provider: self.name().to_owned(),
            wrapped: sealed.as_str().to_owned(),
        })
    }

    fn unwrap_key(&self, tenant: &TenantId, wrapped: &WrappedKey) -> Result<DataKey> {
        if wrapped.provider != self.name() {
            return Err(Error::Crypto(format!(
                "key was wrapped by provider {:?}, not {:?}",
                wrapped.provider,
                self.name()
            )));
        }
        let bytes = self.tenant_key(tenant).open(
            &Sealed::from_stored(wrapped.wrapped.clone()),
            &Self::context(tenant),
        )?;
        let array: [u8; 32] = bytes
            .as_slice()
            .try_into()
            .map_err(|_| Error::Crypto("wrapped key has the wrong length".into()))?;
        Ok(DataKey::from_bytes(array))
    }

    fn audit_key(&self, tenant: &TenantId) -> Result<DataKey> {
        Ok(self.derive(b"lantero.audit-key/v1\0", tenant))
    }
}

/// A provider for operator tools that write the audit log but must never decrypt case
/// content (purge): it signs audit heads with `inner`'s audit keys and refuses every wrap and
/// unwrap.
///
/// ```
/// use lantero_cases::crypto::{AuditOnlyKeyProvider, DataKey, KeyProvider, LocalKeyProvider};
///
/// let root = LocalKeyProvider::new(DataKey::generate()?);
/// let tenant = "ange".parse()?;
/// let wrapped = root.wrap(&tenant, &DataKey::generate()?)?;
/// let tool = AuditOnlyKeyProvider::new(root);
/// assert!(tool.unwrap_key(&tenant, &wrapped).is_err());
/// assert!(tool.audit_key(&tenant).is_ok());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct AuditOnlyKeyProvider<P> {
    inner: P,
}

impl<P: KeyProvider> AuditOnlyKeyProvider<P> {
    /// Audit keys from `inner`, nothing else.
    pub fn new(inner: P) -> Self {
        Self { inner }
    }
}

impl<P: KeyProvider> KeyProvider for AuditOnlyKeyProvider<P> {
    fn name(&self) -> &str {
        "audit-only"
    }

    fn wrap(&self, _tenant: &TenantId, _key: &DataKey) -> Result<WrappedKey> {
        Err(no_content_keys())
    }

    fn unwrap_key(&self, _tenant: &TenantId, _wrapped: &WrappedKey) -> Result<DataKey> {
        Err(no_content_keys())
    }

    fn audit_key(&self, tenant: &TenantId) -> Result<DataKey> {
        self.inner.audit_key(tenant)
    }
}

fn no_content_keys() -> Error {
    Error::Crypto("this tool has no access to tenant keys".into())
}

/// A provider that refuses everything: for operator tools that only list metadata
/// (deadlines) and must never decrypt case content nor write the audit log.
#[derive(Debug, Default, Clone, Copy)]
pub struct LockedKeyProvider;

impl KeyProvider for LockedKeyProvider {
    fn name(&self) -> &str {
        "locked"
    }

    fn wrap(&self, _tenant: &TenantId, _key: &DataKey) -> Result<WrappedKey> {
        Err(no_content_keys())
    }

    fn unwrap_key(&self, _tenant: &TenantId, _wrapped: &WrappedKey) -> Result<DataKey> {
        Err(no_content_keys())
    }

    fn audit_key(&self, _tenant: &TenantId) -> Result<DataKey> {
        Err(Error::Crypto(
            "this tool has no audit key, so it cannot write the signed audit log: \
             give it the tenant root key (AuditOnlyKeyProvider)"
                .into(),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn different_roots_do_not_open_each_other() {
        let t: TenantId = "a".parse().unwrap();
        let p1 = LocalKeyProvider::new(DataKey::generate().unwrap());
        let p2 = LocalKeyProvider::new(DataKey::generate().unwrap());
        let k = DataKey::generate().unwrap();
        let w = p1.wrap(&t, &k).unwrap();
        assert!(p2.unwrap_key(&t, &w).is_err());
        assert!(LockedKeyProvider.unwrap_key(&t, &w).is_err());
        let foreign = WrappedKey {
            provider: "kms".into(),
            wrapped: w.wrapped.clone(),
        };
        assert!(p1.unwrap_key(&t, &foreign).is_err());
    }
}
