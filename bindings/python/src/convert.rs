//! Plain data across the boundary: the crates' serde shapes become Python dicts, lists, strings
//! and numbers, and back.
//!
//! Every public data type in the library crates is `Serialize`/`Deserialize` and its JSON shape
//! is the documented contract, so the bindings pass records as dicts of exactly that shape
//! instead of mirroring each struct field by field. The `.pyi` stubs describe them as
//! `TypedDict`s.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Number, Value};

/// A Rust value as Python data of its serde shape.
pub fn to_py<'py, T: Serialize + ?Sized>(
    py: Python<'py>,
    value: &T,
) -> PyResult<Bound<'py, PyAny>> {
    let json = serde_json::to_value(value)
        .map_err(|err| PyValueError::new_err(format!("cannot convert to Python: {err}")))?;
    value_to_py(py, &json)
}

/// Python data read as the Rust type `T`; `what` names the argument in the error.
pub fn from_py<T: DeserializeOwned>(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<T> {
    let json = py_to_value(obj, what)?;
    serde_json::from_value(json)
        .map_err(|err| PyValueError::new_err(format!("invalid {what}: {err}")))
}

/// A fieldless enum's serde name, e.g. `Treatment::Reduce` → `"reduce"`.
pub fn name_of<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(Value::String(name)) => name,
        Ok(other) => other.to_string(),
        Err(err) => err.to_string(),
    }
}

/// A fieldless enum from its serde name; `what` names the argument in the error.
pub fn parse_name<T: DeserializeOwned>(name: &str, what: &str) -> PyResult<T> {
    serde_json::from_value(Value::String(name.to_owned()))
        .map_err(|err| PyValueError::new_err(format!("invalid {what} {name:?}: {err}")))
}

/// A JSON value as the Python value `json.loads` would give.
pub fn value_to_py<'py>(py: Python<'py>, value: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(match value {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => PyBool::new(py, *b).to_owned().into_any(),
        Value::Number(n) => number_to_py(py, n)?,
        Value::String(s) => PyString::new(py, s).into_any(),
        Value::Array(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(value_to_py(py, item)?)?;
            }
            list.into_any()
        }
        Value::Object(map) => {
            let dict = PyDict::new(py);
            for (key, item) in map {
                dict.set_item(key, value_to_py(py, item)?)?;
            }
            dict.into_any()
        }
    })
}

fn number_to_py<'py>(py: Python<'py>, n: &Number) -> PyResult<Bound<'py, PyAny>> {
    if let Some(i) = n.as_i64() {
        Ok(i.into_pyobject(py)?.into_any())
    } else if let Some(u) = n.as_u64() {
        Ok(u.into_pyobject(py)?.into_any())
    } else {
        Ok(PyFloat::new(py, n.as_f64().unwrap_or(f64::NAN)).into_any())
    }
}

/// A Python value (dicts, lists, tuples, strings, numbers, bools, None, dates) as JSON.
pub fn py_to_value(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<Value> {
    if obj.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(b) = obj.cast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if obj.is_instance_of::<PyInt>() {
        if let Ok(i) = obj.extract::<i64>() {
            return Ok(Value::from(i));
        }
        return Ok(Value::from(obj.extract::<u64>()?));
    }
    if let Ok(f) = obj.cast::<PyFloat>() {
        let value = f.value();
        return Number::from_f64(value).map(Value::Number).ok_or_else(|| {
            PyValueError::new_err(format!("invalid {what}: {value} is not a finite number"))
        });
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(Value::String(s.to_str()?.to_owned()));
    }
    if let Ok(dict) = obj.cast::<PyDict>() {
        let mut map = Map::with_capacity(dict.len());
        for (key, item) in dict.iter() {
            let key = key.str()?.to_str()?.to_owned();
            map.insert(key, py_to_value(&item, what)?);
        }
        return Ok(Value::Object(map));
    }
    if obj.is_instance_of::<PyList>() || obj.is_instance_of::<PyTuple>() {
        let items = obj
            .try_iter()?
            .map(|item| py_to_value(&item?, what))
            .collect::<PyResult<Vec<_>>>()?;
        return Ok(Value::Array(items));
    }
    // Dates, datetimes and enums travel as their ISO text / value, as in the JSON formats.
    if obj.hasattr("isoformat")? {
        return Ok(Value::String(obj.call_method0("isoformat")?.extract()?));
    }
    Err(PyValueError::new_err(format!(
        "invalid {what}: cannot read a {} as data",
        obj.get_type().name()?
    )))
}
