//! Rule sets and their runs: rules in the rule language and Python control rules over the
//! data sets, run reports and review queues.

use std::sync::Mutex;

use lantero_core::registry::Registry;
use lantero_fraudfinder::controls::{
    self as core, ControlRule as CoreRule, Dialect, ExpectedFlag, Thresholds,
};
use pyo3::prelude::*;

use super::data::DataSets;
use super::rule::ControlRule;
use crate::convert::{parse_name, to_py};
use crate::errors::IntoPyResult;
use crate::sync::locked;

/// A rule set: rules in the rule language and Python control rules side by side, with review
/// and escalation thresholds. Safe to share between threads.
#[pyclass(frozen, module = "lantero.fraudfinder")]
pub struct RuleSet(Mutex<core::RuleSet>);

#[pymethods]
impl RuleSet {
    /// Parses rules in the rule language; raises ``ControlRuleError`` with the line and column.
    #[staticmethod]
    fn parse(id: &str, version: &str, source: &str) -> PyResult<Self> {
        core::RuleSet::parse(id, version, source)
            .py()
            .map(|r| Self(Mutex::new(r)))
    }

    /// The standard rules shipped with FraudFinder.
    #[staticmethod]
    fn standard() -> PyResult<Self> {
        core::standard_rules().py().map(|r| Self(Mutex::new(r)))
    }

    /// Reads a rule set from JSON; its custom rules are looked up by name in ``rules``.
    #[staticmethod]
    #[pyo3(signature = (json, rules=Vec::new()))]
    fn from_json(json: &str, rules: Vec<Bound<'_, ControlRule>>) -> PyResult<Self> {
        let mut registry: Registry<dyn CoreRule> = Registry::new("control rule");
        for rule in &rules {
            let rule = rule.get().0.clone();
            registry.register(rule.name.clone(), rule).py()?;
        }
        core::RuleSet::from_json(json, &registry)
            .py()
            .map(|r| Self(Mutex::new(r)))
    }

    /// The rule set as JSON (language rules as text, custom rules by name).
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        locked(py, &self.0).to_json().py()
    }

    /// Adds rules in the rule language.
    fn add_source(&self, py: Python<'_>, source: &str) -> PyResult<()> {
        locked(py, &self.0).add_source(source).py()
    }

    /// Adds a Python control rule.
    fn add_rule(&self, py: Python<'_>, rule: &ControlRule) -> PyResult<()> {
        locked(py, &self.0).add_custom(rule.0.clone()).py()
    }

    /// The id.
    #[getter]
    fn id(&self, py: Python<'_>) -> String {
        locked(py, &self.0).id.clone()
    }

    /// The version.
    #[getter]
    fn version(&self, py: Python<'_>) -> String {
        locked(py, &self.0).version.clone()
    }

    /// The rule names, in order.
    #[getter]
    fn rules(&self, py: Python<'_>) -> Vec<String> {
        locked(py, &self.0)
            .rules()
            .iter()
            .map(|r| r.name().to_owned())
            .collect()
    }

    /// ``(review, escalate)`` points.
    #[getter]
    fn thresholds(&self, py: Python<'_>) -> (u32, u32) {
        let t = locked(py, &self.0).thresholds;
        (t.review, t.escalate)
    }

    #[setter]
    fn set_thresholds(&self, py: Python<'_>, value: (u32, u32)) -> PyResult<()> {
        locked(py, &self.0).thresholds = Thresholds::new(value.0, value.1).py()?;
        Ok(())
    }

    /// The language rules as source text.
    fn source(&self, py: Python<'_>) -> String {
        locked(py, &self.0).source()
    }

    /// The language rules as SQL for ``dialect``: ``"sqlite"``, ``"postgres"``, ``"spark"``,
    /// ``"trino"`` or ``"duckdb"``; ``ControlRuleError`` for a string no engine can carry (NUL).
    fn to_sql(&self, py: Python<'_>, dialect: &str) -> PyResult<String> {
        let dialect = parse_name::<Dialect>(dialect, "SQL dialect")?;
        locked(py, &self.0).to_sql(dialect).py()
    }

    /// Each rule with a SQL form as ``(name, statement)`` for ``dialect``, to run one at a
    /// time (e.g. with ``spark.sql``) without splitting the text of :meth:`to_sql`.
    fn to_sql_statements(&self, py: Python<'_>, dialect: &str) -> PyResult<Vec<(String, String)>> {
        let dialect = parse_name::<Dialect>(dialect, "SQL dialect")?;
        locked(py, &self.0).sql_statements(dialect).py()
    }

    /// Runs every rule over ``data`` without the GIL (Python rules take it per record).
    fn run(&self, py: Python<'_>, data: &DataSets) -> PyResult<RunReport> {
        let rules = locked(py, &self.0).clone();
        let report = py
            .detach(|| {
                let mut data = data
                    .0
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner);
                rules.run(&mut data)
            })
            .py()?;
        Ok(RunReport {
            report,
            thresholds: rules.thresholds,
        })
    }

    /// Runs and compares with the expected ``(rule, record)`` flags: ``{"matched",
    /// "missing", "unexpected", "report"}``.
    fn test_run<'py>(
        &self,
        py: Python<'py>,
        data: &DataSets,
        expected: Vec<(String, String)>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let rules = locked(py, &self.0).clone();
        let expected: Vec<ExpectedFlag> = expected
            .into_iter()
            .map(|(r, id)| ExpectedFlag::new(r, id))
            .collect();
        let run = py
            .detach(|| {
                let mut data = data
                    .0
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner);
                rules.test_run(&mut data, &expected)
            })
            .py()?;
        to_py(py, &run)
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        let r = locked(py, &self.0);
        format!(
            "RuleSet('{}', '{}', {} rules)",
            r.id,
            r.version,
            r.rules().len()
        )
    }
}

/// What a run found: every flag, flags per rule, rows per data set, and the review queue.
#[pyclass(frozen, module = "lantero.fraudfinder")]
pub struct RunReport {
    report: core::RunReport,
    thresholds: Thresholds,
}

#[pymethods]
impl RunReport {
    /// Every flag: ``{"rule", "version", "dataset", "row", "record_id", "score",
    /// "condition", "reason", "evidence", "explanation"}``, ``explanation`` one Swedish line.
    #[getter]
    fn flags<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let flags: Vec<serde_json::Value> = self
            .report
            .flags
            .iter()
            .map(|f| {
                let mut value = serde_json::to_value(f).unwrap_or_default();
                if let Some(map) = value.as_object_mut() {
                    map.insert("explanation".into(), f.explain().into());
                }
                value
            })
            .collect();
        to_py(py, &flags)
    }

    /// Flags per rule: ``{"rule", "version", "dataset", "flags"}``.
    #[getter]
    fn rules<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.report.rules)
    }

    /// Rows read over all data sets.
    #[getter]
    fn rows(&self) -> usize {
        self.report.rows()
    }

    /// Flagged records scored into the review queue (``thresholds`` default to the rule
    /// set's): ``{"thresholds", "items": [{"dataset", "row", "record", "score", "decision":
    /// "review" | "escalate", "flags"}], "below_threshold"}``.
    #[pyo3(signature = (thresholds=None))]
    fn queue<'py>(
        &self,
        py: Python<'py>,
        thresholds: Option<(u32, u32)>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let thresholds = match thresholds {
            Some((review, escalate)) => Thresholds::new(review, escalate).py()?,
            None => self.thresholds,
        };
        to_py(py, &self.report.queue(thresholds))
    }

    /// The whole report as a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.report)
    }

    fn __len__(&self) -> usize {
        self.report.flags.len()
    }

    fn __repr__(&self) -> String {
        format!(
            "RunReport({} rows, {} flags)",
            self.report.rows(),
            self.report.flags.len()
        )
    }
}

/// Adds the control classes to `m`.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<ControlRule>()?;
    m.add_class::<DataSets>()?;
    m.add_class::<RuleSet>()?;
    m.add_class::<RunReport>()?;
    Ok(())
}
