//! The objects of a PDF file as the verifier reads them.

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

/// Everything read from a file.
#[derive(Debug, Default)]
pub(crate) struct File {
    pub(crate) objects: Vec<Indirect>,
    pub(crate) trailers: Vec<Dict>,
    pub(crate) xref_tables: usize,
    pub(crate) startxrefs: usize,
    pub(crate) eof_markers: usize,
    /// Byte ranges outside stream data: the file's own syntax.
    pub(crate) syntax: Vec<Range<usize>>,
}

impl File {
    pub(crate) fn object(&self, id: u32) -> Option<&Indirect> {
        self.objects.iter().find(|o| o.id == id)
    }

    /// The object behind a reference, or the object itself when it is direct.
    pub(crate) fn resolve<'a>(&'a self, object: &'a Object) -> Option<&'a Object> {
        match object {
            Object::Ref(id, _) => self.object(*id).map(|o| &o.value),
            other => Some(other),
        }
    }
}
