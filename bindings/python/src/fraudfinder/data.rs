//! Data sets for control rules, from DataFrame columns (see `lantero._frames`) or CSV files.

use std::sync::Mutex;

use lantero_fraudfinder::controls::data::{
    Column, ColumnType, DataSets as CoreDataSets, Field, NULL_BOOL, NULL_DATE, NULL_TEXT,
    OwnedBatch, Schema, Table, parse_date,
};
use pyo3::buffer::PyBuffer;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyString};

use crate::errors::IntoPyResult;
use crate::sync::locked;

/// The data sets a rule set runs over, by name. ``add`` takes a pandas or polars DataFrame, a
/// pyarrow Table, a dict of columns or a list of row dicts (see ``lantero.fraudfinder``);
/// ``load_csv`` reads a file. Safe to share between threads.
#[pyclass(frozen, module = "lantero.fraudfinder")]
pub struct DataSets(pub Mutex<CoreDataSets>);

#[pymethods]
impl DataSets {
    #[new]
    fn new() -> Self {
        Self(Mutex::new(CoreDataSets::new()))
    }

    /// Adds a data set from a pandas or polars DataFrame, a pyarrow Table or RecordBatch, a
    /// dict of columns or a list of row dicts; ``schema`` as in ``add_columns``. Missing values
    /// (``None``, ``NaN``, ``pd.NA``, nulls) stay missing.
    #[pyo3(signature = (name, table, schema=None))]
    fn add(
        &self,
        py: Python<'_>,
        name: &str,
        table: &Bound<'_, PyAny>,
        schema: Option<&str>,
    ) -> PyResult<()> {
        let columns = py
            .import("lantero._frames")?
            .call_method1("table_columns", (table,))?;
        self.add_columns(py, name, columns.cast()?, schema)
    }

    /// Adds a data set from ``{column: [values]}`` (what ``add`` passes after reading a
    /// DataFrame). ``schema`` (``"id:text, amount:number, paid:date"``) gives the types and
    /// the column order; without it each column's type comes from its first present value.
    #[pyo3(signature = (name, columns, schema=None))]
    fn add_columns(
        &self,
        py: Python<'_>,
        name: &str,
        columns: &Bound<'_, PyDict>,
        schema: Option<&str>,
    ) -> PyResult<()> {
        let schema = match schema {
            Some(text) => text.parse::<Schema>().py()?,
            None => infer_schema(columns)?,
        };
        let mut data = locked(py, &self.0);
        let mut built = Vec::with_capacity(schema.len());
        for field in schema.fields() {
            let values = columns.get_item(&field.name)?.ok_or_else(|| {
                PyValueError::new_err(format!("data set {name:?} has no column {:?}", field.name))
            })?;
            built.push(build_column(name, field, &values, &mut data)?);
        }
        let mut table = Table::new(name, schema);
        table
            .append(OwnedBatch {
                first_row: 0,
                columns: built,
            })
            .py()?;
        data.insert(table);
        Ok(())
    }

    /// Reads a CSV file (header row; ``schema`` as in ``add_columns``).
    fn load_csv(
        &self,
        py: Python<'_>,
        name: &str,
        path: std::path::PathBuf,
        schema: &str,
    ) -> PyResult<()> {
        let schema = schema.parse::<Schema>().py()?;
        let file = std::fs::File::open(&path).map_err(|err| {
            pyo3::exceptions::PyOSError::new_err(format!("{}: {err}", path.display()))
        })?;
        py.detach(|| {
            let mut data = self
                .0
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            data.load_csv(name, std::io::BufReader::new(file), schema)
        })
        .py()
    }

    /// The data set names.
    #[getter]
    fn names(&self, py: Python<'_>) -> Vec<String> {
        locked(py, &self.0).names().map(str::to_owned).collect()
    }

    /// Rows in a data set.
    fn rows(&self, py: Python<'_>, name: &str) -> PyResult<usize> {
        Ok(locked(py, &self.0).table(name).py()?.rows())
    }
}

/// Types from the first present value of each column: bool, number, date (anything with
/// ``toordinal``) or text.
fn infer_schema(columns: &Bound<'_, PyDict>) -> PyResult<Schema> {
    let mut fields = Vec::with_capacity(columns.len());
    for (name, values) in columns.iter() {
        let first = values
            .try_iter()?
            .find_map(|v| v.ok().filter(|v| !is_missing(v).unwrap_or(true)));
        let column_type = match first {
            Some(v) if v.is_instance_of::<PyBool>() => ColumnType::Bool,
            Some(v) if v.is_instance_of::<PyInt>() || v.is_instance_of::<PyFloat>() => {
                ColumnType::Number
            }
            Some(v) if v.hasattr("toordinal")? => ColumnType::Date,
            _ => ColumnType::Text,
        };
        fields.push(Field {
            name: name.extract()?,
            column_type,
        });
    }
    Schema::new(fields).py()
}

fn build_column(
    dataset: &str,
    field: &Field,
    values: &Bound<'_, PyAny>,
    data: &mut CoreDataSets,
) -> PyResult<Column> {
    let bad = |row: usize, what: &str| {
        PyValueError::new_err(format!(
            "data set {dataset:?}, row {}, column {:?}: {what}",
            row + 1,
            field.name
        ))
    };
    // A numeric column that arrives as a float64 buffer (numpy, see `lantero._frames`) is
    // copied in one go: NaN is already the column's missing value.
    if field.column_type == ColumnType::Number {
        if let Ok(buffer) = PyBuffer::<f64>::get(values) {
            return Ok(Column::Number(buffer.to_vec(values.py())?));
        }
    }
    let mut column = Column::with_capacity(field.column_type, values.len().unwrap_or(0));
    for (row, value) in values.try_iter()?.enumerate() {
        let value = value?;
        match &mut column {
            Column::Text(v) => v.push(if let Ok(text) = value.cast::<PyString>() {
                data.interner_mut().intern(text.to_str()?)
            } else if is_missing(&value)? {
                NULL_TEXT
            } else {
                data.interner_mut().intern(value.str()?.to_str()?)
            }),
            Column::Number(v) => v.push(match value.extract::<f64>() {
                Ok(number) => number,
                Err(_) if is_missing(&value)? => f64::NAN,
                Err(_) => return Err(bad(row, "not a number")),
            }),
            Column::Date(v) => v.push(if is_missing(&value)? {
                NULL_DATE
            } else if let Ok(text) = value.cast::<PyString>() {
                parse_date(text.to_str()?).ok_or_else(|| bad(row, "not a date YYYY-MM-DD"))?
            } else {
                // Python's ordinal and chrono's day number both count 0001-01-01 as day 1.
                value
                    .call_method0("toordinal")
                    .and_then(|d| d.extract())
                    .map_err(|_| bad(row, "not a date"))?
            }),
            Column::Bool(v) => v.push(if is_missing(&value)? {
                NULL_BOOL
            } else {
                u8::from(value.is_truthy()?)
            }),
        }
    }
    Ok(column)
}

/// `None`, a float NaN, or the missing-value markers of pandas (`pd.NA`, `pd.NaT`).
fn is_missing(value: &Bound<'_, PyAny>) -> PyResult<bool> {
    if value.is_none() {
        return Ok(true);
    }
    if let Ok(f) = value.cast::<PyFloat>() {
        return Ok(f.value().is_nan());
    }
    let name = value.get_type().name()?;
    Ok(name == "NAType" || name == "NaTType")
}
