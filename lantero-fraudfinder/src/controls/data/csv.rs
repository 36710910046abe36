//! Streaming CSV reader with typed columns.

use std::collections::HashMap;
use std::io::Read;

use super::column::{NULL_BOOL, NULL_DATE, NULL_TEXT, parse_date};
use super::table::BATCH_ROWS;
use super::{BatchSource, Column, FastHash, Interner, OwnedBatch, Schema};

/// Distinct texts remembered per column before the column is taken to be high-cardinality
/// (ids, accounts) and looked up in the shared interner only.
const COLUMN_CACHE: usize = 4096;

/// A small per-column map from raw text to interner id. Columns such as `kind`, `month` or
/// `caseworker` repeat a few values; looking them up in a map that stays in the CPU cache
/// is several times faster than in the run-wide interner.
#[derive(Default)]
struct ColumnCache {
    ids: HashMap<Box<str>, u32, FastHash>,
    /// Set once the column has shown more distinct texts than the cache holds.
    bypass: bool,
}

impl ColumnCache {
    #[inline]
    fn intern(&mut self, raw: &str, interner: &mut Interner) -> u32 {
        if self.bypass {
            return interner.intern(raw);
        }
        if let Some(id) = self.ids.get(raw) {
            return *id;
        }
        let id = interner.intern(raw);
        if self.ids.len() < COLUMN_CACHE {
            self.ids.insert(raw.into(), id);
        } else {
            self.bypass = true;
            self.ids = HashMap::default();
        }
        id
    }
}
use crate::{Error, Result};

/// How a CSV file is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CsvOptions {
    /// Field separator: `,` by default; Swedish Excel writes `;`.
    pub delimiter: u8,
    /// Rows per batch.
    pub batch_rows: usize,
}

impl Default for CsvOptions {
    fn default() -> Self {
        Self {
            delimiter: b',',
            batch_rows: BATCH_ROWS,
        }
    }
}

/// Reads a CSV file with a header row batch by batch, parsing each schema column to its
/// type. Columns in the file but not in the schema are skipped; a schema column missing
/// from the header is an error. Empty fields are missing values. Numbers may use a
/// decimal comma and spaces between thousands (`30 000,50`).
///
/// ```
/// use lantero_fraudfinder::controls::data::{BatchSource, CsvSource, Interner};
///
/// let csv = "id,amount,extra\np1,\"30 000,50\",x\np2,,y\n";
/// let mut source = CsvSource::new("payments", csv.as_bytes(), "id:text, amount:number".parse()?)?;
/// let mut interner = Interner::default();
/// let batch = source.next_batch(&mut interner)?.unwrap();
/// assert_eq!(batch.len(), 2);
/// assert!(source.next_batch(&mut interner)?.is_none());
///
/// let bad = "id,amount\np1,mycket\n";
/// let mut source = CsvSource::new("payments", bad.as_bytes(), "id:text, amount:number".parse()?)?;
/// let err = source.next_batch(&mut interner).unwrap_err();
/// assert!(err.to_string().contains("row 1, column \"amount\""));
/// # Ok::<(), lantero_fraudfinder::Error>(())
/// ```
pub struct CsvSource<R: Read> {
    name: String,
    schema: Schema,
    reader: csv::Reader<R>,
    /// File position of each schema column.
    positions: Vec<usize>,
    record: csv::ByteRecord,
    caches: Vec<ColumnCache>,
    rows_read: u64,
    batch_rows: usize,
    done: bool,
}

impl<R: Read> CsvSource<R> {
    /// A source over `reader` with default options.
    pub fn new(name: impl Into<String>, reader: R, schema: Schema) -> Result<Self> {
        Self::with_options(name, reader, schema, CsvOptions::default())
    }

    /// A source over `reader`.
    pub fn with_options(
        name: impl Into<String>,
        reader: R,
        schema: Schema,
        options: CsvOptions,
    ) -> Result<Self> {
        let name = name.into();
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(options.delimiter)
            .has_headers(true)
            .flexible(false)
            .from_reader(reader);
        let header = reader
            .byte_headers()
            .map_err(|e| Error::data(&name, format!("cannot read the header: {e}")))?
            .clone();
        let header: Vec<String> = header
            .iter()
            .map(|h| {
                String::from_utf8_lossy(h)
                    .trim()
                    .trim_start_matches('\u{feff}')
                    .to_owned()
            })
            .collect();
        let positions = schema
            .fields()
            .iter()
            .map(|field| {
                header
                    .iter()
                    .position(|h| *h == field.name)
                    .ok_or_else(|| Error::Data {
                        source_name: name.clone(),
                        row: 0,
                        column: field.name.clone(),
                        reason: format!(
                            "the header lacks this column (it has: {})",
                            header.join(", ")
                        ),
                    })
            })
            .collect::<Result<Vec<_>>>()?;
        let positions_len = positions.len();
        Ok(Self {
            name,
            schema,
            reader,
            positions,
            record: csv::ByteRecord::new(),
            caches: (0..positions_len).map(|_| ColumnCache::default()).collect(),
            rows_read: 0,
            batch_rows: options.batch_rows.max(1),
            done: false,
        })
    }

    fn field_error(&self, column: usize, reason: String) -> Error {
        Error::Data {
            source_name: self.name.clone(),
            row: self.rows_read,
            column: self
                .schema
                .fields()
                .get(column)
                .map(|f| f.name.clone())
                .unwrap_or_default(),
            reason,
        }
    }
}

impl<R: Read> BatchSource for CsvSource<R> {
    fn name(&self) -> &str {
        &self.name
    }

    fn schema(&self) -> &Schema {
        &self.schema
    }

    fn next_batch(&mut self, interner: &mut Interner) -> Result<Option<OwnedBatch>> {
        if self.done {
            return Ok(None);
        }
        let first_row = self.rows_read;
        let mut columns: Vec<Column> = self
            .schema
            .fields()
            .iter()
            .map(|f| Column::with_capacity(f.column_type, self.batch_rows))
            .collect();
        let mut rows = 0;
        while rows < self.batch_rows {
            let more = self
                .reader
                .read_byte_record(&mut self.record)
                .map_err(|e| Error::Data {
                    source_name: self.name.clone(),
                    row: self.rows_read + 1,
                    column: String::new(),
                    reason: e.to_string(),
                })?;
            if !more {
                self.done = true;
                break;
            }
            self.rows_read += 1;
            for (index, column) in columns.iter_mut().enumerate() {
                let raw = self.record.get(self.positions[index]).unwrap_or_default();
                let Some(cache) = self.caches.get_mut(index) else {
                    continue;
                };
                if let Err(reason) = push_field(column, raw, cache, interner) {
                    return Err(self.field_error(index, reason));
                }
            }
            rows += 1;
        }
        if rows == 0 {
            return Ok(None);
        }
        Ok(Some(OwnedBatch { first_row, columns }))
    }
}

/// Parses one field onto its column; the error is the reason, without position.
#[inline]
fn push_field(
    column: &mut Column,
    raw: &[u8],
    cache: &mut ColumnCache,
    interner: &mut Interner,
) -> Result<(), String> {
    let text = std::str::from_utf8(raw).map_err(|_| "not valid UTF-8".to_owned())?;
    let text = text.trim();
    match column {
        Column::Text(values) => values.push(if text.is_empty() {
            NULL_TEXT
        } else {
            cache.intern(text, interner)
        }),
        Column::Number(values) => values.push(if text.is_empty() {
            f64::NAN
        } else {
            parse_number(text).ok_or_else(|| format!("{text:?} is not a number"))?
        }),
        Column::Date(values) => values.push(if text.is_empty() {
            NULL_DATE
        } else {
            parse_date(text).ok_or_else(|| format!("{text:?} is not a date YYYY-MM-DD"))?
        }),
        Column::Bool(values) => values.push(match text.to_ascii_lowercase().as_str() {
            "" => NULL_BOOL,
            "true" | "ja" | "1" | "yes" => 1,
            "false" | "nej" | "0" | "no" => 0,
            _ => return Err(format!("{text:?} is not yes/no (true/false, ja/nej, 1/0)")),
        }),
    }
    Ok(())
}

/// Reads a number, also with a decimal comma and spaces between thousands.
fn parse_number(text: &str) -> Option<f64> {
    if let Ok(n) = text.parse::<f64>() {
        return n.is_finite().then_some(n);
    }
    let cleaned: String = text
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
        .map(|c| if c == ',' { '.' } else { c })
        .collect();
    cleaned.parse::<f64>().ok().filter(|n| n.is_finite())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::controls::data::Scalar;

    #[test]
    fn numbers_accept_swedish_forms() {
        assert_eq!(parse_number("1200"), Some(1200.0));
        assert_eq!(parse_number("30 000,50"), Some(30000.5));
        assert_eq!(parse_number("-5,5"), Some(-5.5));
        assert_eq!(parse_number("inf"), None);
        assert_eq!(parse_number("tio"), None);
    }

    #[test]
    fn semicolon_files_and_batches() {
        let csv = "id;date;ok\na;2025-01-31;ja\nb;;nej\nc;2025-02-01;\n";
        let options = CsvOptions {
            delimiter: b';',
            batch_rows: 2,
        };
        let schema: Schema = "id:text, date:date, ok:bool".parse().unwrap();
        let mut source = CsvSource::with_options("x", csv.as_bytes(), schema, options).unwrap();
        let mut interner = Interner::default();
        let first = source.next_batch(&mut interner).unwrap().unwrap();
        let second = source.next_batch(&mut interner).unwrap().unwrap();
        assert_eq!((first.len(), second.len(), second.first_row), (2, 1, 2));
        assert!(source.next_batch(&mut interner).unwrap().is_none());
        assert_eq!(first.view().columns[1].get(1), Scalar::Null);
        assert_eq!(second.view().columns[2].get(0), Scalar::Null);
    }

    #[test]
    fn missing_header_column_is_named() {
        let schema: Schema = "id:text, amount:number".parse().unwrap();
        let err = CsvSource::new("p.csv", "id\n1\n".as_bytes(), schema)
            .err()
            .unwrap();
        assert!(err.to_string().contains("\"amount\""), "{err}");
    }
}
