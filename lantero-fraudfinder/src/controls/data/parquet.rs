//! Streaming Parquet reader with typed columns.
//!
//! Built on the `parquet` crate without Arrow (only Snappy compression is enabled, which is
//! what pandas and pyarrow write by default); rows are read through the crate's record API,
//! restricted to the schema's columns, and converted to the engine's typed batches.

use std::fs::File;
use std::path::Path;

use parquet::file::reader::{FileReader, SerializedFileReader};
use parquet::record::reader::RowIter;
use parquet::record::{Field, Row};
use parquet::schema::types::Type;

use super::column::{NULL_BOOL, NULL_DATE, NULL_TEXT, parse_date};
use super::table::BATCH_ROWS;
use super::{BatchSource, Column, Interner, OwnedBatch, Schema};
use crate::{Error, Result};

/// Days from 0001-01-01 to 1970-01-01: Parquet dates count from the Unix epoch.
const EPOCH_DAY: i32 = 719_163;

/// Reads a Parquet file batch by batch, converting each schema column to its type:
/// integers and floats to numbers, strings to texts, `DATE` (or `YYYY-MM-DD` strings) to
/// dates, booleans to yes/no. Columns in the file but not in the schema are not read.
pub struct ParquetSource {
    name: String,
    schema: Schema,
    rows: RowIter<'static>,
    /// Position of each schema column in the projected row.
    positions: Vec<usize>,
    rows_read: u64,
    batch_rows: usize,
}

impl ParquetSource {
    /// Opens `path` as data set `name`.
    pub fn open(name: impl Into<String>, path: &Path, schema: Schema) -> Result<Self> {
        let name = name.into();
        let file = File::open(path)
            .map_err(|e| Error::data(&name, format!("cannot open {}: {e}", path.display())))?;
        let reader = SerializedFileReader::new(file)
            .map_err(|e| Error::data(&name, format!("not a readable Parquet file: {e}")))?;
        let root = reader
            .metadata()
            .file_metadata()
            .schema_descr()
            .root_schema()
            .clone();
        let available: Vec<&str> = root.get_fields().iter().map(|f| f.name()).collect();
        let mut selected = Vec::new();
        for field in schema.fields() {
            let Some(found) = root.get_fields().iter().find(|f| f.name() == field.name) else {
                return Err(Error::Data {
                    source_name: name,
                    row: 0,
                    column: field.name.clone(),
                    reason: format!(
                        "the file lacks this column (it has: {})",
                        available.join(", ")
                    ),
                });
            };
            selected.push(found.clone());
        }
        // The projection keeps the file's column order; map schema columns onto it.
        let mut projected: Vec<_> = root
            .get_fields()
            .iter()
            .filter(|f| selected.iter().any(|s| s.name() == f.name()))
            .cloned()
            .collect();
        let positions = schema
            .fields()
            .iter()
            .filter_map(|f| projected.iter().position(|p| p.name() == f.name))
            .collect();
        let projection = Type::group_type_builder(root.name())
            .with_fields(std::mem::take(&mut projected))
            .build()
            .map_err(|e| Error::data(&name, e.to_string()))?;
        let rows = RowIter::from_file_into(Box::new(reader))
            .project(Some(projection))
            .map_err(|e| Error::data(&name, e.to_string()))?;
        Ok(Self {
            name,
            schema,
            rows,
            positions,
            rows_read: 0,
            batch_rows: BATCH_ROWS,
        })
    }

    fn push_row(&self, row: &Row, columns: &mut [Column], interner: &mut Interner) -> Result<()> {
        let fields: Vec<&Field> = row.get_column_iter().map(|(_, f)| f).collect();
        for (index, column) in columns.iter_mut().enumerate() {
            let field = self
                .positions
                .get(index)
                .and_then(|p| fields.get(*p))
                .copied()
                .unwrap_or(&Field::Null);
            if let Err(reason) = push_field(column, field, interner) {
                return Err(Error::Data {
                    source_name: self.name.clone(),
                    row: self.rows_read,
                    column: self
                        .schema
                        .fields()
                        .get(index)
                        .map(|f| f.name.clone())
                        .unwrap_or_default(),
                    reason,
                });
            }
        }
        Ok(())
    }
}

impl BatchSource for ParquetSource {
    fn name(&self) -> &str {
        &self.name
    }

    fn schema(&self) -> &Schema {
        &self.schema
    }

    fn next_batch(&mut self, interner: &mut Interner) -> Result<Option<OwnedBatch>> {
        let first_row = self.rows_read;
        let mut columns: Vec<Column> = self
            .schema
            .fields()
            .iter()
            .map(|f| Column::with_capacity(f.column_type, self.batch_rows))
            .collect();
        let mut count = 0;
        while count < self.batch_rows {
            let Some(row) = self.rows.next() else {
                break;
            };
            let row = row.map_err(|e| Error::Data {
                source_name: self.name.clone(),
                row: self.rows_read + 1,
                column: String::new(),
                reason: e.to_string(),
            })?;
            self.rows_read += 1;
            self.push_row(&row, &mut columns, interner)?;
            count += 1;
        }
        Ok((count > 0).then_some(OwnedBatch { first_row, columns }))
    }
}

/// Converts one Parquet value onto its column; the error is the reason, without position.
fn push_field(column: &mut Column, field: &Field, interner: &mut Interner) -> Result<(), String> {
    let unsupported = || format!("the Parquet value {field} cannot be read as this column's type");
    match column {
        Column::Number(values) => values.push(match field {
            Field::Null => f64::NAN,
            Field::Byte(n) => f64::from(*n),
            Field::Short(n) => f64::from(*n),
            Field::Int(n) => f64::from(*n),
            Field::Long(n) => *n as f64,
            Field::UByte(n) => f64::from(*n),
            Field::UShort(n) => f64::from(*n),
            Field::UInt(n) => f64::from(*n),
            Field::ULong(n) => *n as f64,
            Field::Float(n) => f64::from(*n),
            Field::Double(n) => *n,
            _ => return Err(unsupported()),
        }),
        Column::Text(values) => values.push(match field {
            Field::Null => NULL_TEXT,
            Field::Str(s) if s.trim().is_empty() => NULL_TEXT,
            Field::Str(s) => interner.intern(s.trim()),
            Field::Bytes(b) => {
                let text =
                    std::str::from_utf8(b.data()).map_err(|_| "not valid UTF-8".to_owned())?;
                interner.intern(text.trim())
            }
            Field::Int(_) | Field::Long(_) => interner.intern(&field.to_string()),
            _ => return Err(unsupported()),
        }),
        Column::Date(values) => values.push(match field {
            Field::Null => NULL_DATE,
            Field::Date(days) => days.saturating_add(EPOCH_DAY),
            Field::TimestampMillis(ms) => {
                (ms.div_euclid(86_400_000) as i32).saturating_add(EPOCH_DAY)
            }
            Field::TimestampMicros(us) => {
                (us.div_euclid(86_400_000_000) as i32).saturating_add(EPOCH_DAY)
            }
            Field::Str(s) => {
                parse_date(s.trim()).ok_or_else(|| format!("{s:?} is not a date YYYY-MM-DD"))?
            }
            _ => return Err(unsupported()),
        }),
        Column::Bool(values) => values.push(match field {
            Field::Null => NULL_BOOL,
            Field::Bool(b) => u8::from(*b),
            _ => return Err(unsupported()),
        }),
    }
    Ok(())
}
