//! Texts as small ids, shared by every data set of a run.

use std::collections::HashMap;
use std::sync::Arc;

use super::FastHash;

/// Maps each distinct text to a `u32` id. One interner serves every data set of a run, so
/// that a text in `payments` and the same text in `income` have the same id and joins and
/// group-bys compare ids, not strings.
///
/// ```
/// use lantero_fraudfinder::controls::data::Interner;
///
/// let mut interner = Interner::default();
/// let a = interner.intern("SE-1234");
/// assert_eq!(interner.intern("SE-1234"), a);
/// assert_eq!(interner.resolve(a), Some("SE-1234"));
/// assert_eq!(interner.get("okänd"), None);
/// ```
#[derive(Debug, Clone, Default)]
pub struct Interner {
    ids: HashMap<Arc<str>, u32, FastHash>,
    texts: Vec<Arc<str>>,
}

impl Interner {
    /// The id of `text`, adding it if new.
    #[inline]
    pub fn intern(&mut self, text: &str) -> u32 {
        if let Some(id) = self.ids.get(text) {
            return *id;
        }
        // Ids stop short of NULL_TEXT; a run with four billion distinct texts would be
        // beyond this engine anyway, so the last id is reused rather than panicking.
        let id = u32::try_from(self.texts.len())
            .unwrap_or(u32::MAX - 1)
            .min(u32::MAX - 1);
        let text: Arc<str> = Arc::from(text);
        self.texts.push(Arc::clone(&text));
        self.ids.insert(text, id);
        id
    }

    /// The id of `text` if it has been seen.
    pub fn get(&self, text: &str) -> Option<u32> {
        self.ids.get(text).copied()
    }

    /// The text of `id`.
    pub fn resolve(&self, id: u32) -> Option<&str> {
        self.texts.get(id as usize).map(|t| &**t)
    }

    /// Number of distinct texts.
    pub fn len(&self) -> usize {
        self.texts.len()
    }

    /// Whether no text has been interned.
    pub fn is_empty(&self) -> bool {
        self.texts.is_empty()
    }
}
