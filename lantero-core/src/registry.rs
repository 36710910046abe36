//! A registry of named plugin implementations.
//!
//! Behaviour that users swap (recognizers, OCR engines, stores, key providers, control rules)
//! is a trait in the crate that owns it; implementations are registered here by name so that a
//! configuration file or a command-line flag can pick them.
//!
//! ```
//! use std::sync::Arc;
//! use lantero_core::registry::Registry;
//!
//! trait Greeter: Send + Sync {
//!     fn greet(&self) -> String;
//! }
//! struct Swedish;
//! impl Greeter for Swedish {
//!     fn greet(&self) -> String { "Hej".into() }
//! }
//!
//! let mut greeters: Registry<dyn Greeter> = Registry::new("greeter");
//! greeters.register("sv", Arc::new(Swedish))?;
//! assert_eq!(greeters.get("sv")?.greet(), "Hej");
//! assert!(greeters.get("fi").is_err());
//! # Ok::<(), lantero_core::Error>(())
//! ```

use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;

use crate::{Error, Result};

/// Named implementations of one plugin kind, kept in name order.
pub struct Registry<T: ?Sized> {
    kind: String,
    entries: BTreeMap<String, Arc<T>>,
}

impl<T: ?Sized> Registry<T> {
    /// An empty registry for plugins of `kind` (used in error messages, e.g. `"recognizer"`).
    pub fn new(kind: impl Into<String>) -> Self {
        Self {
            kind: kind.into(),
            entries: BTreeMap::new(),
        }
    }

    /// The plugin kind this registry holds.
    pub fn kind(&self) -> &str {
        &self.kind
    }

    /// Registers `item` under `name`; a name already taken is an error, so that a plugin is
    /// never replaced by accident. Use [`Registry::replace`] to replace on purpose.
    pub fn register(&mut self, name: impl Into<String>, item: Arc<T>) -> Result<()> {
        let name = name.into();
        if self.entries.contains_key(&name) {
            return Err(Error::AlreadyRegistered {
                kind: self.kind.clone(),
                name,
            });
        }
        self.entries.insert(name, item);
        Ok(())
    }

    /// Registers `item` under `name`, returning the implementation it replaced, if any.
    pub fn replace(&mut self, name: impl Into<String>, item: Arc<T>) -> Option<Arc<T>> {
        self.entries.insert(name.into(), item)
    }

    /// Removes and returns the implementation registered under `name`.
    pub fn remove(&mut self, name: &str) -> Option<Arc<T>> {
        self.entries.remove(name)
    }

    /// The implementation registered under `name`, or an error listing the known names.
    pub fn get(&self, name: &str) -> Result<Arc<T>> {
        self.entries
            .get(name)
            .cloned()
            .ok_or_else(|| Error::NotRegistered {
                kind: self.kind.clone(),
                name: name.to_owned(),
                known: self.names().collect::<Vec<_>>().join(", "),
            })
    }

    /// Whether `name` is registered.
    pub fn contains(&self, name: &str) -> bool {
        self.entries.contains_key(name)
    }

    /// The registered names, in order.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.entries.keys().map(String::as_str)
    }

    /// The registered implementations with their names, in name order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Arc<T>)> {
        self.entries.iter().map(|(k, v)| (k.as_str(), v))
    }

    /// How many implementations are registered.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether nothing is registered.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

impl<T: ?Sized> Clone for Registry<T> {
    fn clone(&self) -> Self {
        Self {
            kind: self.kind.clone(),
            entries: self.entries.clone(),
        }
    }
}

impl<T: ?Sized> fmt::Debug for Registry<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Registry")
            .field("kind", &self.kind)
            .field("names", &self.entries.keys().collect::<Vec<_>>())
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duplicate_names_are_refused_and_replace_is_explicit() {
        let mut r: Registry<str> = Registry::new("word");
        r.register("a", Arc::from("alpha")).unwrap();
        let err = r.register("a", Arc::from("other")).unwrap_err();
        assert_eq!(err.to_string(), "a word named \"a\" is already registered");
        assert_eq!(&*r.get("a").unwrap(), "alpha");
        let old = r.replace("a", Arc::from("beta")).unwrap();
        assert_eq!(&*old, "alpha");
        assert_eq!(&*r.get("a").unwrap(), "beta");
    }

    #[test]
    fn unknown_name_lists_known_ones() {
        let mut r: Registry<str> = Registry::new("word");
        r.register("b", Arc::from("x")).unwrap();
        r.register("a", Arc::from("y")).unwrap();
        let err = r.get("c").unwrap_err();
        assert_eq!(
            err.to_string(),
            "no word named \"c\" is registered (known: a, b)"
        );
        assert_eq!(r.names().collect::<Vec<_>>(), ["a", "b"]);
        assert_eq!(r.remove("a").map(|s| s.to_string()), Some("y".into()));
        assert_eq!(r.len(), 1);
    }
}
