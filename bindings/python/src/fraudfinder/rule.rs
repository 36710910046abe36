//! Python callables as control rules, beside the rules in the rule language.

use std::sync::Arc;

use lantero_fraudfinder::controls::data::Value;
use lantero_fraudfinder::controls::{ControlRule as CoreRule, Evidence, Hit, Record};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyString, PyTuple};

/// A Python callable used as a control rule over one data set.
///
/// ``ControlRule(name, version, dataset, func)``: ``func(record)`` gets one record as a dict
/// (column → value; texts, floats, dates, bools, ``None``) and returns ``None``/``False`` for no
/// hit, or a hit: an int score, ``(score, reason)``, or ``{"score", "reason", "evidence":
/// {name: value}}``. An exception becomes ``ControlRuleError``.
#[pyclass(frozen, module = "lantero.fraudfinder")]
pub struct ControlRule(pub Arc<PyControlRule>);

/// The `ControlRule` implementation behind [`ControlRule`].
pub struct PyControlRule {
    pub(super) name: String,
    version: u32,
    dataset: String,
    func: Py<PyAny>,
}

#[pymethods]
impl ControlRule {
    #[new]
    fn new(name: String, version: u32, dataset: String, func: Py<PyAny>) -> Self {
        Self(Arc::new(PyControlRule {
            name,
            version,
            dataset,
            func,
        }))
    }

    /// The rule's name.
    #[getter]
    fn name(&self) -> &str {
        &self.0.name
    }

    /// The data set it checks.
    #[getter]
    fn dataset(&self) -> &str {
        &self.0.dataset
    }

    fn __repr__(&self) -> String {
        format!(
            "ControlRule('{}' v{} on {})",
            self.0.name, self.0.version, self.0.dataset
        )
    }
}

impl CoreRule for PyControlRule {
    fn name(&self) -> &str {
        &self.name
    }

    fn version(&self) -> u32 {
        self.version
    }

    fn dataset(&self) -> &str {
        &self.dataset
    }

    /// Calls the Python function with the GIL taken for this record only.
    fn check(&self, record: &Record<'_>) -> lantero_fraudfinder::Result<Option<Hit>> {
        Python::attach(|py| self.call(py, record)).map_err(|err| {
            lantero_fraudfinder::Error::RuleFailed {
                rule: self.name.clone(),
                reason: Python::attach(|py| format!("{}", err.value(py))),
            }
        })
    }
}

impl PyControlRule {
    fn call(&self, py: Python<'_>, record: &Record<'_>) -> PyResult<Option<Hit>> {
        let row = PyDict::new(py);
        for (name, value) in record.fields() {
            row.set_item(name, value_to_py(py, &value)?)?;
        }
        let result = self.func.bind(py).call1((row,))?;
        self.read_hit(&result)
    }

    fn read_hit(&self, result: &Bound<'_, PyAny>) -> PyResult<Option<Hit>> {
        if result.is_none() || result.cast::<PyBool>().is_ok_and(|b| !b.is_true()) {
            return Ok(None);
        }
        let default_reason = || format!("python rule {}", self.name);
        if let Ok(score) = result.extract::<u32>() {
            return Ok(Some(Hit {
                score,
                reason: default_reason(),
                evidence: Vec::new(),
            }));
        }
        if let Ok(tuple) = result.cast::<PyTuple>() {
            let (score, reason): (u32, String) = tuple.extract()?;
            return Ok(Some(Hit {
                score,
                reason,
                evidence: Vec::new(),
            }));
        }
        if let Ok(dict) = result.cast::<PyDict>() {
            let score: u32 = dict
                .get_item("score")?
                .ok_or_else(|| PyValueError::new_err("a hit needs \"score\""))?
                .extract()?;
            let reason = match dict.get_item("reason")? {
                Some(r) => r.extract()?,
                None => default_reason(),
            };
            let mut evidence = Vec::new();
            if let Some(items) = dict.get_item("evidence")? {
                for (name, value) in items.cast::<PyDict>()?.iter() {
                    evidence.push(Evidence::new(
                        name.extract::<String>()?,
                        py_to_value(&value)?,
                    ));
                }
            }
            return Ok(Some(Hit {
                score,
                reason,
                evidence,
            }));
        }
        Err(PyTypeError::new_err(format!(
            "a control rule returns None, a score, (score, reason) or a dict, not {}",
            result.get_type().name()?
        )))
    }
}

fn value_to_py<'py>(py: Python<'py>, value: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(match value {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => PyBool::new(py, *b).to_owned().into_any(),
        Value::Number(n) => PyFloat::new(py, *n).into_any(),
        Value::Date(d) => d.into_pyobject(py)?.into_any(),
        Value::Text(t) => PyString::new(py, t).into_any(),
    })
}

fn py_to_value(obj: &Bound<'_, PyAny>) -> PyResult<Value> {
    if obj.is_none() {
        Ok(Value::Null)
    } else if let Ok(b) = obj.cast::<PyBool>() {
        Ok(Value::Bool(b.is_true()))
    } else if obj.is_instance_of::<PyInt>() || obj.is_instance_of::<PyFloat>() {
        Ok(Value::Number(obj.extract()?))
    } else if let Ok(date) = obj.extract::<chrono::NaiveDate>() {
        Ok(Value::Date(date))
    } else {
        Ok(Value::Text(obj.str()?.to_str()?.to_owned()))
    }
}
