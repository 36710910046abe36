//! The objects of a PDF file as the verifier reads them.

use std::collections::HashMap;
use std::ops::Range;

/// A PDF object.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Object {
    Null,
    Bool(bool),
    Number(f64),
    String(Vec<u8>),
    Name(Vec<u8>),
    Array(Vec<Object>),
    Dict(Dict),
    Ref(u32, u16),
}

/// A dictionary, keys in the order written.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Dict(pub(crate) Vec<(Vec<u8>, Object)>);

impl Dict {
    pub(crate) fn get(&self, key: &str) -> Option<&Object> {
        self.0
            .iter()
            .find(|(k, _)| k == key.as_bytes())
            .map(|(_, v)| v)
    }

    pub(crate) fn name(&self, key: &str) -> Option<&[u8]> {
        match self.get(key) {
            Some(Object::Name(name)) => Some(name),
            _ => None,
        }
    }

    pub(crate) fn number(&self, key: &str) -> Option<f64> {
        match self.get(key) {
            Some(Object::Number(n)) => Some(*n),
            _ => None,
        }
    }
}

/// `N G obj … endobj`, with the byte range of its stream data if it is a stream.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Indirect {
    pub(crate) id: u32,
    pub(crate) generation: u16,
    /// Byte offset of `N G obj`, where the cross-reference table must point.
    pub(crate) at: usize,
    pub(crate) value: Object,
    pub(crate) stream: Option<Range<usize>>,
}

impl Indirect {
    pub(crate) fn dict(&self) -> Option<&Dict> {
        match &self.value {
            Object::Dict(dict) => Some(dict),
            _ => None,
        }
    }
}

/// One line of a cross-reference table.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct XrefEntry {
    pub(crate) id: u32,
    pub(crate) offset: u64,
    pub(crate) generation: u64,
    pub(crate) in_use: bool,
}

/// Everything read from a file.
#[derive(Debug, Default)]
pub(crate) struct File {
    pub(crate) objects: Vec<Indirect>,
    pub(crate) trailers: Vec<Dict>,
    /// Byte offset of each `xref` keyword.
    pub(crate) xref_at: Vec<usize>,
    /// The entries of every cross-reference table, in order.
    pub(crate) xref: Vec<XrefEntry>,
    /// The offset each `startxref` names.
    pub(crate) startxref: Vec<u64>,
    pub(crate) eof_markers: usize,
    /// Every comment outside stream data, `%` to the end of its line.
    pub(crate) comments: Vec<Range<usize>>,
    /// Byte ranges outside stream data: the file's own syntax.
    pub(crate) syntax: Vec<Range<usize>>,
    /// Where in `objects` each object number is first defined, so that a file of many objects
    /// costs no quadratic time.
    pub(crate) index: HashMap<u32, usize>,
}

impl File {
    pub(crate) fn object(&self, id: u32) -> Option<&Indirect> {
        self.index.get(&id).map(|&at| &self.objects[at])
    }

    /// The object behind a reference, or the object itself when it is direct.
    pub(crate) fn resolve<'a>(&'a self, object: &'a Object) -> Option<&'a Object> {
        match object {
            Object::Ref(id, _) => self.object(*id).map(|o| &o.value),
            other => Some(other),
        }
    }
}
