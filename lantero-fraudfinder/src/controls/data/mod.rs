//! Data the control rules run over: typed columns, batches, streaming sources.
//!
//! Every data set has a [`Schema`] of typed columns (number, text, date, yes/no). Sources
//! read files batch by batch ([`CsvSource`], and [`ParquetSource`] for Parquet), interning
//! texts into one [`Interner`] per run, so that the engine compares small ids instead of
//! strings. Data sets that rules join against are held in memory as [`Table`]s.

mod column;
mod csv;
mod hash;
mod interner;
mod parquet;
mod schema;
mod sets;
mod table;

pub use column::{
    Column, ColumnRef, NULL_BOOL, NULL_DATE, NULL_TEXT, Scalar, Value, day_number, parse_date,
};
pub use csv::{CsvOptions, CsvSource};
pub use hash::{FastHash, FastHasher};
pub use interner::Interner;
pub use parquet::ParquetSource;
pub use schema::{ColumnType, Field, Schema};
pub use sets::DataSets;
pub use table::{BATCH_ROWS, Batch, BatchSource, OwnedBatch, Table, TableSummary};
