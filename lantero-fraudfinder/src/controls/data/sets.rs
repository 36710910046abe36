//! The data sets of one control run and their shared interner.

use std::collections::BTreeMap;
use std::io::Read;

use super::{BatchSource, CsvSource, Interner, Schema, Table};
use crate::{Error, Result};

/// The data sets a rule set runs over, held in memory, with the one [`Interner`] they
/// share. A data set too large to hold can instead be streamed through
/// [`RuleSet::run_stream`](crate::controls::RuleSet::run_stream); the data sets it joins
/// against are held here.
///
/// ```
/// use lantero_fraudfinder::controls::data::DataSets;
///
/// let mut data = DataSets::new();
/// let csv = "person_id,month,amount\np1,2025-03,12000\n";
/// data.load_csv("income", csv.as_bytes(), "person_id:text, month:text, amount:number".parse()?)?;
/// assert_eq!(data.table("income")?.rows(), 1);
/// assert!(data.table("payments").is_err());
/// # Ok::<(), lantero_fraudfinder::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct DataSets {
    interner: Interner,
    tables: BTreeMap<String, Table>,
}

impl DataSets {
    /// No data sets yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Reads a whole source into memory under its name, replacing one of the same name.
    pub fn load(&mut self, source: &mut dyn BatchSource) -> Result<()> {
        let table = Table::from_source(source, &mut self.interner)?;
        self.tables.insert(table.name().to_owned(), table);
        Ok(())
    }

    /// Reads a CSV file with a header row into memory as data set `name`.
    pub fn load_csv(&mut self, name: &str, reader: impl Read, schema: Schema) -> Result<()> {
        let mut source = CsvSource::new(name, reader, schema)?;
        self.load(&mut source)
    }

    /// Adds a table built elsewhere; its texts must come from [`DataSets::interner_mut`].
    pub fn insert(&mut self, table: Table) {
        self.tables.insert(table.name().to_owned(), table);
    }

    /// The data set `name`.
    pub fn table(&self, name: &str) -> Result<&Table> {
        self.tables.get(name).ok_or_else(|| Error::NotFound {
            what: "data set",
            id: name.to_owned(),
        })
    }

    /// The names of the data sets held.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.tables.keys().map(String::as_str)
    }

    /// The shared interner.
    pub fn interner(&self) -> &Interner {
        &self.interner
    }

    /// The shared interner, to build tables or stream sources with.
    pub fn interner_mut(&mut self) -> &mut Interner {
        &mut self.interner
    }
}
