//! Batches of rows, sources that stream them, and tables held in memory.

use serde::Serialize;

use super::{Column, ColumnRef, Interner, Scalar, Schema, Value};
use crate::{Error, Result};

/// Rows per batch: large enough to amortise dispatch, small enough to stay in cache.
pub const BATCH_ROWS: usize = 8192;

/// A borrowed batch of rows: one slice per schema column.
#[derive(Debug, Clone)]
pub struct Batch<'a> {
    /// 0-based number of the first row in its data set.
    pub first_row: u64,
    /// Rows in the batch.
    pub len: usize,
    /// One slice per column of the schema, in schema order.
    pub columns: Vec<ColumnRef<'a>>,
}

/// A batch that owns its columns, as a streaming source produces it.
#[derive(Debug, Clone, PartialEq)]
pub struct OwnedBatch {
    /// 0-based number of the first row in its data set.
    pub first_row: u64,
    /// One column per schema column, all of equal length.
    pub columns: Vec<Column>,
}

impl OwnedBatch {
    /// Rows in the batch.
    pub fn len(&self) -> usize {
        self.columns.first().map_or(0, Column::len)
    }

    /// Whether the batch has no rows.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// A borrowed view.
    pub fn view(&self) -> Batch<'_> {
        let len = self.len();
        Batch {
            first_row: self.first_row,
            len,
            columns: self.columns.iter().map(|c| c.slice(0, len)).collect(),
        }
    }
}

/// A data set read in batches: CSV or Parquet files, or anything a caller adapts. Texts
/// are interned into the run's interner as they are read.
pub trait BatchSource {
    /// The data set's name, as rules refer to it.
    fn name(&self) -> &str;
    /// Its columns.
    fn schema(&self) -> &Schema;
    /// The next batch, or `None` at the end.
    fn next_batch(&mut self, interner: &mut Interner) -> Result<Option<OwnedBatch>>;
}

/// A data set held in memory, column by column. Joined data sets are held as tables (the
/// engine looks rows up in them); the data set being controlled may be a table or a stream.
///
/// ```
/// use lantero_fraudfinder::controls::data::{Interner, Scalar, Table, Value};
///
/// let mut interner = Interner::default();
/// let mut table = Table::new("income", "person_id:text, amount:number".parse()?);
/// let person = Scalar::Text(interner.intern("p1"));
/// table.push_row(&[person, Scalar::Number(12000.0)])?;
/// assert_eq!(table.rows(), 1);
/// assert_eq!(table.value(0, "amount", &interner), Some(Value::Number(12000.0)));
/// # Ok::<(), lantero_fraudfinder::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    name: String,
    schema: Schema,
    columns: Vec<Column>,
}

/// Row count and columns of a table, for reports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TableSummary {
    /// Data set name.
    pub name: String,
    /// Rows held.
    pub rows: usize,
}

impl Table {
    /// An empty table.
    pub fn new(name: impl Into<String>, schema: Schema) -> Self {
        let columns = schema
            .fields()
            .iter()
            .map(|f| Column::with_capacity(f.column_type, 0))
            .collect();
        Self {
            name: name.into(),
            schema,
            columns,
        }
    }

    /// Reads a whole source into memory.
    pub fn from_source(source: &mut dyn BatchSource, interner: &mut Interner) -> Result<Self> {
        let mut table = Self::new(source.name(), source.schema().clone());
        while let Some(batch) = source.next_batch(interner)? {
            table.append(batch)?;
        }
        Ok(table)
    }

    /// Appends a batch with this table's columns.
    pub fn append(&mut self, batch: OwnedBatch) -> Result<()> {
        if batch.columns.len() != self.columns.len() {
            return Err(Error::data(
                &self.name,
                "batch does not have the table's columns",
            ));
        }
        for (column, new) in self.columns.iter_mut().zip(batch.columns) {
            match (column, new) {
                (Column::Number(a), Column::Number(b)) => a.extend(b),
                (Column::Text(a), Column::Text(b)) => a.extend(b),
                (Column::Date(a), Column::Date(b)) => a.extend(b),
                (Column::Bool(a), Column::Bool(b)) => a.extend(b),
                _ => return Err(Error::data(&self.name, "batch column types differ")),
            }
        }
        Ok(())
    }

    /// Appends one row of scalars in schema order.
    pub fn push_row(&mut self, row: &[Scalar]) -> Result<()> {
        if row.len() != self.columns.len() {
            return Err(Error::data(
                &self.name,
                format!(
                    "row has {} values, schema {}",
                    row.len(),
                    self.columns.len()
                ),
            ));
        }
        for (column, value) in self.columns.iter_mut().zip(row) {
            column.push(*value);
        }
        Ok(())
    }

    /// The data set name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The schema.
    pub fn schema(&self) -> &Schema {
        &self.schema
    }

    /// Number of rows.
    pub fn rows(&self) -> usize {
        self.columns.first().map_or(0, Column::len)
    }

    /// The column at `index`.
    pub fn column(&self, index: usize) -> Option<&Column> {
        self.columns.get(index)
    }

    /// The value in `row` of column `name`, readable.
    pub fn value(&self, row: usize, name: &str, interner: &Interner) -> Option<Value> {
        let index = self.schema.index_of(name)?;
        let column = self.columns.get(index)?;
        (row < column.len()).then(|| column.as_ref().get(row).to_value(interner))
    }

    /// The rows as borrowed batches of at most `size` rows.
    pub fn batches(&self, size: usize) -> impl Iterator<Item = Batch<'_>> {
        let rows = self.rows();
        let size = size.max(1);
        (0..rows.div_ceil(size)).map(move |i| {
            let start = i * size;
            let end = (start + size).min(rows);
            Batch {
                first_row: start as u64,
                len: end - start,
                columns: self.columns.iter().map(|c| c.slice(start, end)).collect(),
            }
        })
    }

    /// Name and row count.
    pub fn summary(&self) -> TableSummary {
        TableSummary {
            name: self.name.clone(),
            rows: self.rows(),
        }
    }
}
