//! Data keys, sealed values and wrapped keys.

use std::fmt;

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use crate::{Error, Result};

/// Version tag of the sealed format, so that a later algorithm change can read old values.
const SEALED_V1: &str = "x1:";
const NONCE_LEN: usize = 24;

/// `N` bytes from the operating system's random source.
pub fn random_bytes<const N: usize>() -> Result<[u8; N]> {
    let mut buf = [0u8; N];
    getrandom::fill(&mut buf).map_err(|e| Error::Crypto(format!("no random source: {e}")))?;
    Ok(buf)
}

/// A 256-bit symmetric key (XChaCha20-Poly1305), wiped from memory when dropped.
///
/// ```
/// use lantero_cases::crypto::DataKey;
///
/// let key = DataKey::generate()?;
/// let sealed = key.seal(b"hemligt", b"case-1/summary")?;
/// assert_eq!(&*key.open(&sealed, b"case-1/summary")?, b"hemligt");
/// // Bound to its context: the same ciphertext does not open as another field.
/// assert!(key.open(&sealed, b"case-2/summary").is_err());
/// assert_eq!(format!("{key:?}"), "DataKey(..)");
/// # Ok::<(), lantero_cases::Error>(())
/// ```
pub struct DataKey(Zeroizing<[u8; 32]>);

impl DataKey {
    /// A fresh random key.
    pub fn generate() -> Result<Self> {
        Ok(Self(Zeroizing::new(random_bytes::<32>()?)))
    }

    /// A key from raw bytes (the caller should wipe its copy).
    pub fn from_bytes(bytes: [u8; 32]) -> Self {
        Self(Zeroizing::new(bytes))
    }

    /// A key from 64 hex digits.
    pub fn from_hex(hex_key: &str) -> Result<Self> {
        let mut bytes = Zeroizing::new([0u8; 32]);
        hex::decode_to_slice(hex_key.trim(), &mut bytes[..])
            .map_err(|_| Error::Crypto("a key must be 64 hex digits".into()))?;
        Ok(Self(bytes))
    }

    /// The raw key bytes, for wrapping.
    pub fn expose(&self) -> &[u8; 32] {
        &self.0
    }

    /// Encrypts `plaintext`, binding it to `context` (authenticated, not stored) so that a sealed
    /// value cannot be moved to another case or field.
    pub fn seal(&self, plaintext: &[u8], context: &[u8]) -> Result<Sealed> {
        let cipher = XChaCha20Poly1305::new(self.0.as_ref().into());
        let nonce = random_bytes::<NONCE_LEN>()?;
        let ciphertext = cipher
            .encrypt(
                XNonce::from_slice(&nonce),
                Payload {
                    msg: plaintext,
                    aad: context,
                },
            )
            .map_err(|_| Error::Crypto("encryption failed".into()))?;
        let mut out = String::with_capacity(SEALED_V1.len() + 2 * (NONCE_LEN + ciphertext.len()));
        out.push_str(SEALED_V1);
        out.push_str(&hex::encode(nonce));
        out.push_str(&hex::encode(ciphertext));
        Ok(Sealed(out))
    }

    /// Decrypts a value sealed with this key and `context`.
    pub fn open(&self, sealed: &Sealed, context: &[u8]) -> Result<Zeroizing<Vec<u8>>> {
        let body = sealed
            .0
            .strip_prefix(SEALED_V1)
            .ok_or_else(|| Error::Crypto("unknown sealed format".into()))?;
        let bytes =
            hex::decode(body).map_err(|_| Error::Crypto("sealed value is not hex".into()))?;
        if bytes.len() < NONCE_LEN {
            return Err(Error::Crypto("sealed value is truncated".into()));
        }
        let (nonce, ciphertext) = bytes.split_at(NONCE_LEN);
        let cipher = XChaCha20Poly1305::new(self.0.as_ref().into());
        cipher
            .decrypt(
                XNonce::from_slice(nonce),
                Payload {
                    msg: ciphertext,
                    aad: context,
                },
            )
            .map(Zeroizing::new)
            .map_err(|_| {
                Error::Crypto("decryption failed: wrong key, context or tampered data".into())
            })
    }

    /// Decrypts to UTF-8 text.
    pub fn open_text(&self, sealed: &Sealed, context: &[u8]) -> Result<Zeroizing<String>> {
        let bytes = self.open(sealed, context)?;
        String::from_utf8(bytes.to_vec())
            .map(Zeroizing::new)
            .map_err(|_| Error::Crypto("decrypted text is not UTF-8".into()))
    }
}

impl fmt::Debug for DataKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("DataKey(..)")
    }
}

/// An encrypted value as stored: `x1:` + hex(nonce ‖ ciphertext ‖ tag).
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Sealed(String);

impl Sealed {
    /// The stored form.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// A sealed value read back from storage.
    pub fn from_stored(s: String) -> Self {
        Self(s)
    }
}

impl fmt::Debug for Sealed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Sealed({} bytes)", self.0.len())
    }
}

/// A data key encrypted by a [`KeyProvider`](super::KeyProvider); only the provider can
/// unwrap it. The format belongs to the provider, tagged with its name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WrappedKey {
    /// The name of the provider that wrapped the key.
    pub provider: String,
    /// The provider's wrapped form.
    pub wrapped: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tampering_is_detected() {
        let key = DataKey::generate().unwrap();
        let sealed = key.seal(b"abc", b"ctx").unwrap();
        let mut s = sealed.as_str().to_owned();
        let last = s.pop().unwrap();
        s.push(if last == '0' { '1' } else { '0' });
        assert!(key.open(&Sealed::from_stored(s), b"ctx").is_err());
        let other = DataKey::generate().unwrap();
        assert!(other.open(&sealed, b"ctx").is_err());
        assert!(
            key.open(&Sealed::from_stored("x1:zz".into()), b"ctx")
                .is_err()
        );
        assert!(
            key.open(&Sealed::from_stored("v0:00".into()), b"ctx")
                .is_err()
        );
    }

    #[test]
    fn nonces_differ_and_plaintext_does_not_show() {
        let key = DataKey::generate().unwrap();
        let a = key.seal(b"Anna Svensson", b"c").unwrap();
        let b = key.seal(b"Anna Svensson", b"c").unwrap();
        assert_ne!(a, b);
        assert!(!a.as_str().contains(&hex::encode("Anna")));
        assert!(!format!("{a:?}").contains("Anna"));
    }

    #[test]
    fn hex_keys() {
        let k = DataKey::from_hex(&"ab".repeat(32)).unwrap();
        assert_eq!(k.expose()[0], 0xab);
        assert!(DataKey::from_hex("abc").is_err());
    }
}
