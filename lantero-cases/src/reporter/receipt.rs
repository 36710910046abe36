//! The 16-digit receipt that lets an anonymous reporter come back.
//!
//! The receipt is shown once, when the report is submitted, and stored only as an Argon2id
//! hash. The salt is per tenant rather than per report: a reporter presents nothing but the
//! receipt, so the store must find the report by the hash itself (as GlobaLeaks does). The
//! 53 bits of the receipt, Argon2id's cost and the [`Throttle`](super::Throttle) together make
//! guessing impractical.

use std::fmt;

use argon2::{Algorithm, Argon2, Params, Version};
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use crate::crypto::random_bytes;
use crate::{Error, Result};

const DIGITS: usize = 16;

/// A reporter's receipt: 16 decimal digits, wiped from memory when dropped, never printed by
/// `Debug`.
///
/// ```
/// use lantero_cases::reporter::Receipt;
///
/// let r = Receipt::generate()?;
/// assert_eq!(r.digits().len(), 16);
/// // Reporters may type it with spaces, as it is shown.
/// let typed = Receipt::parse(&r.grouped())?;
/// assert_eq!(typed.digits(), r.digits());
/// assert_eq!(format!("{r:?}"), "Receipt(****************)");
/// # Ok::<(), lantero_cases::Error>(())
/// ```
#[derive(Clone)]
pub struct Receipt(Zeroizing<String>);

impl Receipt {
    /// A fresh receipt of 16 uniformly random digits.
    pub fn generate() -> Result<Self> {
        let mut digits = Zeroizing::new(String::with_capacity(DIGITS));
        while digits.len() < DIGITS {
            let bytes = Zeroizing::new(random_bytes::<32>()?);
            // Rejection sampling: 250 is the largest multiple of 10 below 256, so each digit
            // is uniform.
            for b in bytes.iter().filter(|b| **b < 250) {
                if digits.len() == DIGITS {
                    break;
                }
                digits.push(char::from(b'0' + b % 10));
            }
        }
        Ok(Self(digits))
    }

    /// A receipt as typed by a reporter: 16 digits, spaces and dashes ignored.
    pub fn parse(input: &str) -> Result<Self> {
        let digits: Zeroizing<String> = Zeroizing::new(
            input
                .chars()
                .filter(|c| !c.is_whitespace() && *c != '-')
                .collect(),
        );
        if digits.len() != DIGITS || !digits.chars().all(|c| c.is_ascii_digit()) {
            // The input is not echoed: it may be a real receipt with a typo.
            return Err(Error::UnknownReceipt);
        }
        Ok(Self(digits))
    }

    /// The 16 digits.
    pub fn digits(&self) -> &str {
        &self.0
    }

    /// The digits in groups of four, as shown to the reporter.
    pub fn grouped(&self) -> String {
        let mut out = String::with_capacity(DIGITS + 3);
        for (i, c) in self.0.chars().enumerate() {
            if i > 0 && i % 4 == 0 {
                out.push(' ');
            }
            out.push(c);
        }
        out
    }
}

impl fmt::Debug for Receipt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Receipt(****************)")
    }
}

/// Argon2id cost parameters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Argon2Params {
    /// Memory in KiB.
    pub memory_kib: u32,
    /// Passes over memory.
    pub iterations: u32,
    /// Lanes.
    pub parallelism: u32,
}

impl Argon2Params {
    /// Production cost: 64 MiB, 3 passes, 1 lane.
    ///
    /// Why this cost: a receipt is 16 random digits (about 53 bits), and its hash with the
    /// tenant's salt sits in the database next to the case, so whoever steals a copy can
    /// guess offline; only the hash's cost stands in the way. The earlier 19 MiB, 2 passes
    /// (OWASP's minimum) left a GPU farm much room; GlobaLeaks, guarding the same kind of
    /// 16-digit receipt, uses 128 MiB and 16 passes. We take RFC 9106's second recommended
    /// setting (64 MiB, t = 3), memory-hard enough that GPUs gain little, at a cost a reporter
    /// waits out once per visit (`cargo bench -p lantero-benches --bench cases -- receipt_hash`
    /// measures it) and that lets a server check receipts of many reporters at once (each check
    /// holds its 64 MiB; GlobaLeaks' setting would take twice that for about ten times the
    /// time). Online guessing is bounded by the throttle, not by this cost.
    ///
    /// The parameters are not stored with the hash: a deployment that issued receipts under
    /// the earlier default must keep `memory_kib: 19_456, iterations: 2` in its
    /// [`ServiceConfig`](crate::ServiceConfig) or its reporters' receipts stop matching.
    pub const fn production() -> Self {
        Self {
            memory_kib: 64 * 1024,
            iterations: 3,
            parallelism: 1,
        }
    }

    /// A cheap cost for tests and examples only (64 KiB, 1 pass): the hash is the same
    /// function, so behaviour is identical, but it protects nothing.
    pub const fn insecure_for_tests() -> Self {
        Self {
            memory_kib: 64,
            iterations: 1,
            parallelism: 1,
        }
    }
}

impl Default for Argon2Params {
    fn default() -> Self {
        Self::production()
    }
}

/// The Argon2id hash of `receipt` under the tenant's salt (hex), as 64 hex digits.
pub fn hash_receipt(receipt: &Receipt, salt_hex: &str, params: Argon2Params) -> Result<String> {
    let salt = hex::decode(salt_hex)
        .map_err(|_| Error::Crypto("tenant receipt salt is not hex".into()))?;
    let p = Params::new(
        params.memory_kib,
        params.iterations,
        params.parallelism,
        Some(32),
    )
    .map_err(|e| Error::Crypto(format!("Argon2 parameters: {e}")))?;
    let mut out = Zeroizing::new([0u8; 32]);
    Argon2::new(Algorithm::Argon2id, Version::V0x13, p)
        .hash_password_into(receipt.digits().as_bytes(), &salt, &mut out[..])
        .map_err(|e| Error::Crypto(format!("Argon2 hashing: {e}")))?;
    Ok(hex::encode(&out[..]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const SALT: &str = "00112233445566778899aabbccddeeff";

    #[test]
    fn the_default_cost_is_at_least_64_mib_and_3_passes_and_tests_stay_cheap() {
        let p = Argon2Params::default();
        assert!(p.memory_kib >= 64 * 1024 && p.iterations >= 3, "{p:?}");
        let cheap = crate::ServiceConfig::insecure_for_tests().argon2;
        assert!(
            cheap.memory_kib <= 1024 && cheap.iterations == 1,
            "{cheap:?}"
        );
        assert_eq!(crate::ServiceConfig::default().argon2, p);
    }

    #[test]
    fn hash_is_deterministic_per_salt_and_differs_across_salts() {
        let r = Receipt::parse("1234 5678 9012 3456").unwrap();
        let p = Argon2Params::insecure_for_tests();
        let a = hash_receipt(&r, SALT, p).unwrap();
        assert_eq!(a, hash_receipt(&r, SALT, p).unwrap());
        assert_ne!(
            a,
            hash_receipt(&r, "ffeeddccbbaa99887766554433221100", p).unwrap()
        );
        assert!(!a.contains("1234567890123456"));
        assert_eq!(a.len(), 64);
    }

    #[test]
    fn generated_receipts_differ() {
        let a = Receipt::generate().unwrap();
        let b = Receipt::generate().unwrap();
        assert_ne!(a.digits(), b.digits());
    }

    proptest! {
        #[test]
        fn parse_accepts_exactly_sixteen_digits(s in "[0-9 -]{0,40}") {
            let digits: String = s.chars().filter(|c| c.is_ascii_digit()).collect();
            prop_assert_eq!(Receipt::parse(&s).is_ok(), digits.len() == 16);
        }

        #[test]
        fn parse_never_panics(s in ".{0,40}") {
            let _ = Receipt::parse(&s);
        }
    }
}
