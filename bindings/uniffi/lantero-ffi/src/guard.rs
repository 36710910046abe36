//! The panic fence: every exported function runs inside [`guard`], so that a panic in Rust
//! reaches Kotlin or Swift as the area's `Internal` error instead of unwinding into the
//! foreign runtime (or, without UniFFI's own catch, aborting the host application).

use std::any::Any;
use std::panic::{self, AssertUnwindSafe};
use std::sync::{Mutex, MutexGuard};

/// An error enum that can report a caught panic.
pub(crate) trait FromPanic {
    /// The area's `Internal` variant with `message`.
    fn from_panic(message: String) -> Self;
}

/// Runs `f`; a panic becomes `E::from_panic` with the panic's message.
///
/// `AssertUnwindSafe` is sound here because state that a panic may leave half-changed lives
/// behind a [`Mutex`], whose poisoning [`lock`] reports as an error on every later call.
pub(crate) fn guard<T, E: FromPanic>(f: impl FnOnce() -> Result<T, E>) -> Result<T, E> {
    panic::catch_unwind(AssertUnwindSafe(f)).unwrap_or_else(|payload| {
        Err(E::from_panic(format!(
            "internal error (a bug in Lantero, please report it): {}",
            panic_message(payload.as_ref())
        )))
    })
}

/// Locks the state of an exported object; a lock poisoned by an earlier panic is an error,
/// since the state may be half-changed.
pub(crate) fn lock<'m, T, E: FromPanic>(
    mutex: &'m Mutex<T>,
    what: &str,
) -> Result<MutexGuard<'m, T>, E> {
    mutex.lock().map_err(|_| {
        E::from_panic(format!(
            "the {what} is unusable after an earlier internal error; create a new one"
        ))
    })
}

/// The text of a panic payload (`panic!("…")` gives a `&str` or a `String`).
fn panic_message(payload: &(dyn Any + Send)) -> &str {
    payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("a panic without a message")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq)]
    struct Internal(String);

    impl FromPanic for Internal {
        fn from_panic(message: String) -> Self {
            Self(message)
        }
    }

    #[test]
    fn a_panic_becomes_an_error_with_its_message() {
        let result: Result<(), Internal> = guard(|| panic!("boom {}", 42));
        let Err(Internal(message)) = result else {
            panic!("expected an error")
        };
        assert!(message.ends_with("boom 42"), "{message}");
    }

    #[test]
    fn results_pass_through_unchanged() {
        assert_eq!(guard::<_, Internal>(|| Ok(7)), Ok(7));
        assert_eq!(
            guard::<(), _>(|| Err(Internal("plain".into()))),
            Err(Internal("plain".into()))
        );
    }

    #[test]
    fn a_poisoned_lock_is_an_error() {
        let mutex = Mutex::new(1);
        let _ = std::thread::scope(|s| {
            s.spawn(|| {
                let _held = mutex.lock();
                panic!("poison");
            })
            .join()
        });
        let result: Result<_, Internal> = lock(&mutex, "register");
        assert!(result.is_err());
    }
}
