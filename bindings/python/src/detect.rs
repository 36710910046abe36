//! `lantero.detect`: recognizers find personal data in text; the detector runs them and the
//! resolver merges overlaps, propagates names and attaches candidate provisions.
//!
//! Findings cross as dicts of the CLI contract's shape: ``{"id", "entity", "text", "page",
//! "start", "end", "boxes", "score", "recognizer", "reason", "provisions"}`` with ``start`` and
//! ``end`` counted in characters (Python string indices).

use std::sync::{Arc, RwLock};

use lantero_redact::detect::{self as core, Candidate, CharOffsets, Entity, Finding};
use lantero_redact::resolve::Resolver;
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::sync::RwLockExt;
use pyo3::types::{PyDict, PyList, PyTuple};

use crate::convert::{from_py, to_py};
use crate::errors::IntoPyResult;

/// A Python callable used as a recognizer.
///
/// ``Recognizer(name, entities, func)``: ``func(text)`` returns an iterable of spans, each a
/// tuple ``(start, end)`` / ``(start, end, entity, score, reason)`` or a dict with those keys,
/// with ``start``/``end`` as Python string indices (characters). ``entity`` may be left out when
/// the recognizer declares exactly one entity; ``score`` defaults to 1.0 and ``reason`` to
/// ``"python recognizer <name>"``. An exception in ``func`` becomes ``RecognizerError``.
#[pyclass(frozen, module = "lantero.detect")]
#[derive(Clone)]
pub struct Recognizer(Arc<PyRecognizer>);

/// The `lantero_redact::detect::Recognizer` implementation behind [`Recognizer`].
pub struct PyRecognizer {
    name: String,
    entities: Vec<Entity>,
    func: Py<PyAny>,
}

#[pymethods]
impl Recognizer {
    #[new]
    fn new(name: String, entities: Vec<String>, func: Py<PyAny>) -> PyResult<Self> {
        let entities = entities
            .iter()
            .map(|e| e.parse::<Entity>())
            .collect::<Result<Vec<_>, _>>()
            .py()?;
        Ok(Self(Arc::new(PyRecognizer {
            name,
            entities,
            func,
        })))
    }

    /// The name findings carry in their ``recognizer`` field.
    #[getter]
    fn name(&self) -> &str {
        &self.0.name
    }

    /// The entities it can produce.
    #[getter]
    fn entities(&self) -> Vec<&'static str> {
        self.0.entities.iter().map(|e| e.as_str()).collect()
    }

    fn __repr__(&self) -> String {
        format!("Recognizer('{}', {:?})", self.0.name, self.entities())
    }
}

impl core::Recognizer for PyRecognizer {
    fn name(&self) -> &str {
        &self.name
    }

    fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// Calls the Python function (taking the GIL for the call only) and turns its character
    /// offsets into the byte offsets the detector expects.
    fn recognize(&self, text: &str) -> lantero_redact::Result<Vec<Candidate>> {
        Python::attach(|py| self.call(py, text)).map_err(|err| lantero_redact::Error::Recognizer {
            name: self.name.clone(),
            reason: Python::attach(|py| describe(py, &err)),
        })
    }
}

impl PyRecognizer {
    fn call(&self, py: Python<'_>, text: &str) -> PyResult<Vec<Candidate>> {
        let spans = self.func.bind(py).call1((text,))?;
        let offsets = CharOffsets::new(text);
        let chars = text.chars().count();
        let mut candidates = Vec::new();
        for span in spans.try_iter()? {
            let (start, end, entity, score, reason) = self.read_span(&span?)?;
            if start >= end || end > chars {
                return Err(pyo3::exceptions::PyValueError::new_err(format!(
                    "span {start}..{end} is not inside the text of {chars} characters"
                )));
            }
            candidates.push(Candidate {
                entity,
                start: offsets.byte_at(start),
                end: offsets.byte_at(end),
                score,
                reason,
            });
        }
        Ok(candidates)
    }

    /// One span as (start, end, entity, score, reason), filling in the documented defaults.
    fn read_span(&self, span: &Bound<'_, PyAny>) -> PyResult<(usize, usize, Entity, f32, String)> {
        let (start, end, entity, score, reason): (
            usize,
            usize,
            Option<String>,
            Option<f32>,
            Option<String>,
        ) = if let Ok(dict) = span.cast::<PyDict>() {
            let get = |key: &str| dict.get_item(key);
            (
                required(get("start")?, "start")?,
                required(get("end")?, "end")?,
                get("entity")?.map(|v| v.extract()).transpose()?,
                get("score")?.map(|v| v.extract()).transpose()?,
                get("reason")?.map(|v| v.extract()).transpose()?,
            )
        } else {
            let tuple = span.cast::<PyTuple>()?;
            let at = |i: usize| tuple.get_item(i).ok();
            (
                required(at(0), "start")?,
                required(at(1), "end")?,
                at(2).map(|v| v.extract()).transpose()?,
                at(3).map(|v| v.extract()).transpose()?,
                at(4).map(|v| v.extract()).transpose()?,
            )
        };
        let entity = match (entity, self.entities.as_slice()) {
            (Some(name), _) => name.parse::<Entity>().py()?,
            (None, [only]) => *only,
            (None, _) => {
                return Err(pyo3::exceptions::PyValueError::new_err(
                    "a span must name its entity when the recognizer declares several",
                ));
            }
        };
        let reason = reason.unwrap_or_else(|| format!("python recognizer {}", self.name));
        Ok((start, end, entity, score.unwrap_or(1.0), reason))
    }
}

fn required(value: Option<Bound<'_, PyAny>>, key: &str) -> PyResult<usize> {
    let value = value
        .ok_or_else(|| pyo3::exceptions::PyValueError::new_err(format!("a span needs {key:?}")))?;
    value.extract()
}

/// `TypeName: message`, the one line a Python traceback ends with.
fn describe(py: Python<'_>, err: &PyErr) -> String {
    let kind = err
        .get_type(py)
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "Exception".into());
    format!("{kind}: {}", err.value(py))
}

/// Runs recognizers over texts. ``Detector()`` has every built-in recognizer; add Python ones
/// with ``add_recognizer``. Safe to share between threads; detection runs without the GIL.
#[pyclass(frozen, module = "lantero.detect")]
pub struct Detector(pub RwLock<core::Detector>);

impl Detector {
    /// A copy of the configured detector, for pipelines that own one.
    pub fn snapshot(&self, py: Python<'_>) -> core::Detector {
        self.0
            .read_py_attached(py)
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }

    fn run<T: Send>(&self, py: Python<'_>, f: impl FnOnce(&core::Detector) -> T + Send) -> T {
        py.detach(|| {
            let detector = self
                .0
                .read()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            f(&detector)
        })
    }
}

#[pymethods]
impl Detector {
    /// ``min_score`` drops weaker findings; ``entities`` (names such as ``"PERSONNUMMER"``)
    /// keeps only those kinds.
    #[new]
    #[pyo3(signature = (*, min_score=0.0, entities=None))]
    fn new(min_score: f32, entities: Option<Vec<String>>) -> PyResult<Self> {
        let mut detector = core::Detector::builtin().with_min_score(min_score);
        if let Some(names) = entities {
            let entities = names
                .iter()
                .map(|e| e.parse::<Entity>())
                .collect::<Result<Vec<_>, _>>()
                .py()?;
            detector = detector.with_entities(entities);
        }
        Ok(Self(RwLock::new(detector)))
    }

    /// Adds (or replaces, by name) a recognizer.
    fn add_recognizer(&self, py: Python<'_>, recognizer: &Recognizer) {
        self.0
            .write_py_attached(py)
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .add_recognizer(recognizer.0.clone());
    }

    /// The names of the recognizers it runs.
    #[getter]
    fn recognizers(&self, py: Python<'_>) -> Vec<String> {
        self.snapshot(py)
            .recognizers()
            .names()
            .map(str::to_owned)
            .collect()
    }

    /// Findings in ``pages`` (one text, or a list of page texts): page numbers from 1, ids
    /// ``f-000001`` … in reading order. Raw recognizer output; see ``resolve``.
    fn detect<'py>(
        &self,
        py: Python<'py>,
        pages: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyList>> {
        let pages = page_texts(pages)?;
        let findings = self.run(py, |d| d.detect_pages(&pages)).py()?;
        findings_to_py(py, &findings)
    }

    /// Findings per text for many independent texts (e.g. a DataFrame column), in one call
    /// without the GIL: ``result[i]`` are the findings of ``texts[i]``; ``None`` gives ``[]``.
    fn detect_many<'py>(
        &self,
        py: Python<'py>,
        texts: Vec<Option<String>>,
    ) -> PyResult<Bound<'py, PyList>> {
        let all = self
            .run(py, |d| {
                texts
                    .iter()
                    .map(|t| match t {
                        Some(text) => d.detect_pages(&[text]),
                        None => Ok(Vec::new()),
                    })
                    .collect::<lantero_redact::Result<Vec<_>>>()
            })
            .py()?;
        let out = PyList::empty(py);
        for findings in &all {
            out.append(findings_to_py(py, findings)?)?;
        }
        Ok(out)
    }

    /// Detects and resolves: overlaps merged, names propagated to their other occurrences,
    /// candidate provisions attached from the built-in secrecy catalogue.
    fn analyze<'py>(
        &self,
        py: Python<'py>,
        pages: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyList>> {
        let pages = page_texts(pages)?;
        let findings = self
            .run(py, |d| {
                d.detect_pages(&pages)
                    .map(|found| Resolver::default().resolve(&pages, found))
            })
            .py()?;
        findings_to_py(py, &findings)
    }

    /// Seconds per ``detect(pages)`` call timed inside Rust over ``repeat`` calls, with no
    /// Python in the loop: the baseline ``bench/overhead.py`` compares the Python call with.
    fn _time_detect(&self, py: Python<'_>, pages: &Bound<'_, PyAny>, repeat: u32) -> PyResult<f64> {
        let pages = page_texts(pages)?;
        let repeat = repeat.max(1);
        let elapsed = self
            .run(py, |d| {
                let start = std::time::Instant::now();
                for _ in 0..repeat {
                    std::hint::black_box(d.detect_pages(std::hint::black_box(&pages))?);
                }
                Ok::<_, lantero_redact::Error>(start.elapsed())
            })
            .py()?;
        Ok(elapsed.as_secs_f64() / f64::from(repeat))
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Detector({} recognizers)",
            self.snapshot(py).recognizers().len()
        )
    }
}

/// One text or a list of page texts.
pub fn page_texts(pages: &Bound<'_, PyAny>) -> PyResult<Vec<String>> {
    match pages.extract::<String>() {
        Ok(text) => Ok(vec![text]),
        Err(_) => pages.extract(),
    }
}

/// Findings as a list of dicts of the contract's shape.
///
/// Built field by field rather than through `convert::to_py`: findings are the hot path of
/// detection from Python, and going through `serde_json::Value` made the Python call up to
/// 1.7× slower than the Rust call (bench/overhead.py). A test checks both give the same dict.
pub fn findings_to_py<'py>(py: Python<'py>, findings: &[Finding]) -> PyResult<Bound<'py, PyList>> {
    let out = PyList::empty(py);
    for f in findings {
        let dict = PyDict::new(py);
        dict.set_item(intern!(py, "id"), &f.id)?;
        dict.set_item(intern!(py, "entity"), f.entity.as_str())?;
        dict.set_item(intern!(py, "text"), &f.text)?;
        dict.set_item(intern!(py, "page"), f.page)?;
        dict.set_item(intern!(py, "start"), f.start)?;
        dict.set_item(intern!(py, "end"), f.end)?;
        let boxes = PyList::empty(py);
        for rect in &f.boxes {
            boxes.append(PyList::new(py, rect.iter().map(|&v| f64::from(v)))?)?;
        }
        dict.set_item(intern!(py, "boxes"), boxes)?;
        dict.set_item(intern!(py, "score"), f64::from(f.score))?;
        dict.set_item(intern!(py, "recognizer"), &f.recognizer)?;
        dict.set_item(intern!(py, "reason"), &f.reason)?;
        dict.set_item(intern!(py, "provisions"), &f.provisions)?;
        // As serde writes it: present only for what the public rules released.
        if let Some(public) = &f.public {
            dict.set_item(intern!(py, "public"), public)?;
        }
        out.append(dict)?;
    }
    Ok(out)
}

/// The findings through the generic serde conversion, to check `findings_to_py` against.
#[pyfunction]
fn _findings_via_serde<'py>(
    py: Python<'py>,
    findings: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let findings: Vec<Finding> = from_py(findings, "findings")?;
    to_py(py, &findings)
}

/// Merges overlapping findings, propagates names and attaches candidate provisions, then
/// renumbers: the resolver on its own, for findings from elsewhere.
#[pyfunction]
fn resolve<'py>(
    py: Python<'py>,
    pages: &Bound<'py, PyAny>,
    findings: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyList>> {
    let pages = page_texts(pages)?;
    let findings: Vec<Finding> = from_py(findings, "findings")?;
    let resolved = py.detach(|| Resolver::default().resolve(&pages, findings));
    findings_to_py(py, &resolved)
}

/// Every entity name, in contract order (``"PERSON"``, ``"PERSONNUMMER"``, …).
#[pyfunction]
fn entities() -> Vec<&'static str> {
    Entity::ALL.iter().map(|e| e.as_str()).collect()
}

/// Builds the `lantero.detect` module.
pub fn module(py: Python<'_>) -> PyResult<Bound<'_, PyModule>> {
    let m = PyModule::new(py, "lantero.detect")?;
    m.add_class::<Detector>()?;
    m.add_class::<Recognizer>()?;
    m.add_function(wrap_pyfunction!(resolve, &m)?)?;
    m.add_function(wrap_pyfunction!(entities, &m)?)?;
    m.add_function(wrap_pyfunction!(_findings_via_serde, &m)?)?;
    Ok(m)
}
