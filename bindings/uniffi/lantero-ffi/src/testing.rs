//! Only with the `testing` feature: a function that panics on purpose, so that the Kotlin
//! tests can check that a panic reaches them as a typed `Internal` error.

use crate::guard::guard;
use crate::risk::RiskError;

/// Panics with `message` inside the panic fence; the caller gets `RiskError.Internal`.
#[uniffi::export]
#[allow(clippy::panic)] // the whole point of this function
pub fn panic_for_test(message: String) -> Result<(), RiskError> {
    guard(|| panic!("{message}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_panic_is_an_internal_error_with_its_message() {
        let err = panic_for_test("avsiktlig".into()).unwrap_err();
        assert!(
            matches!(&err, RiskError::Internal(m) if m.ends_with("avsiktlig")),
            "{err:?}"
        );
    }
}
