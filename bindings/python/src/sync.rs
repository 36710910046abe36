//! Locks that are safe beside the GIL.

use std::sync::{Mutex, MutexGuard};

use pyo3::Python;
use pyo3::sync::MutexExt;

/// Locks `mutex`, letting other Python threads run while waiting, so that a thread holding the
/// lock with the GIL released can always finish. A poisoned lock (a panic in another thread)
/// still holds consistent data for every operation here, so it is used as is.
pub fn locked<'a, T>(py: Python<'_>, mutex: &'a Mutex<T>) -> MutexGuard<'a, T> {
    mutex
        .lock_py_attached(py)
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}
