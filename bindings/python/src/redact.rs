//! `lantero.redact`: the redaction pipeline end to end (document → OCR where needed →
//! detection → review session → image-only PDF → verification → decision record) and
//! pseudonymised export.

use std::path::PathBuf;
use std::sync::Arc;

use lantero_redact::native::{self, NativeLibrary};
use lantero_redact::pipeline::{self as core, PendingPolicy};
use lantero_redact::profile::OrganisationProfile;
use lantero_redact::pseudonymize as pseudo;
use lantero_redact::render::RenderOptions;
use lantero_redact::resolve::{PublicRules, Resolver};
use pyo3::prelude::*;

use crate::convert::{from_py, parse_name, to_py};
use crate::detect::{Detector, findings_to_py, page_texts};
use crate::errors::IntoPyResult;
use crate::review::{DecisionRecord, ReviewSession};

/// The configured pipeline. Cheap to share between threads; every call runs without the GIL.
///
/// ``Redactor(detector=None, *, ocr=True, options=None, searchable=False, profile=None,
/// allow=(), deny=(), officials=True)``: ``detector`` replaces the built-in one (e.g. with
/// Python recognizers added), ``ocr=False`` leaves pages without a text layer unread,
/// ``options`` is a dict of rendering options (``dpi``, ``mask_padding``, ``labels``,
/// ``jpeg_quality``, …), ``searchable=True`` gives every output an invisible text layer read by
/// OCR off the redacted pages (the verifier checks the layer holds no masked string).
/// ``profile`` is an organisation profile (TOML file): the authority's own details, bodies and
/// officials are released in advance, with the reason. ``allow`` strings are always released,
/// ``deny`` strings always masked wherever they occur; ``officials=False`` proposes officials
/// named in their role for masking like anyone else.
#[pyclass(frozen, module = "lantero.redact")]
pub struct Redactor(core::Redactor);

#[pymethods]
impl Redactor {
    #[new]
    #[pyo3(signature = (detector=None, *, ocr=true, options=None, searchable=false, profile=None, allow=Vec::new(), deny=Vec::new(), officials=true))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        detector: Option<&Detector>,
        ocr: bool,
        options: Option<&Bound<'_, PyAny>>,
        searchable: bool,
        profile: Option<PathBuf>,
        allow: Vec<String>,
        deny: Vec<String>,
        officials: bool,
    ) -> PyResult<Self> {
        let mut rules = PublicRules::new()
            .with_officials(officials)
            .allow(allow)
            .deny(deny);
        if let Some(path) = profile {
            rules = rules.with_profile(OrganisationProfile::from_path(&path).py()?);
        }
        let mut redactor = core::Redactor::new()
            .with_searchable(searchable)
            .with_public(rules);
        if let Some(detector) = detector {
            redactor = redactor.with_detector(detector.snapshot(py));
        }
        if !ocr {
            redactor = redactor.with_ocr(None);
        }
        if let Some(options) = options {
            redactor = redactor.with_options(from_py::<RenderOptions>(options, "render options")?);
        }
        Ok(Self(redactor))
    }

    /// The rendering options as a dict.
    #[getter]
    fn options<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, self.0.options())
    }

    /// Whether outputs get an invisible OCR text layer (``searchable=True``).
    #[getter]
    fn searchable(&self) -> bool {
        self.0.searchable()
    }

    /// Opens a PDF, image or text file, OCRs pages without text and finds what to propose:
    /// ``{"pages": [page texts], "findings": [...]}``, findings with boxes in PDF points; a
    /// public finding has ``"public"``: why it is released.
    fn analyze<'py>(&self, py: Python<'py>, path: PathBuf) -> PyResult<Bound<'py, PyAny>> {
        let (pages, findings) = py
            .detach(|| {
                self.0.analyze(&path).map(|analysis| {
                    let texts: Vec<String> = analysis
                        .page_texts()
                        .into_iter()
                        .map(str::to_owned)
                        .collect();
                    (texts, analysis.findings)
                })
            })
            .py()?;
        let out = pyo3::types::PyDict::new(py);
        out.set_item("pages", pages)?;
        out.set_item("findings", findings_to_py(py, &findings)?)?;
        Ok(out.into_any())
    }

    /// A review session with one proposal per finding: pending, or released in advance
    /// (``decision == "rejected"``, ``"public"`` says why) where the finding is public.
    fn review(&self, py: Python<'_>, path: PathBuf) -> PyResult<ReviewSession> {
        py.detach(|| self.0.review(&path))
            .py()
            .map(ReviewSession::wrap)
    }

    /// Reviews the documents of one request: one session per document, and every name and
    /// identifier found in one document is also proposed wherever it recurs in the others.
    fn review_request(&self, py: Python<'_>, paths: Vec<PathBuf>) -> PyResult<Vec<ReviewSession>> {
        let request = py
            .detach(|| {
                let paths: Vec<&std::path::Path> = paths.iter().map(PathBuf::as_path).collect();
                self.0.review_request(&paths)
            })
            .py()?;
        Ok(request
            .documents
            .into_iter()
            .map(ReviewSession::wrap)
            .collect())
    }

    /// Applies ``session``'s decisions (or, with ``None``, every proposal) to ``path`` and
    /// writes a verified image-only PDF to ``out``. ``pending``: ``"mask"`` (default) or
    /// ``"release"`` undecided proposals. ``searchable``: add the invisible OCR text layer
    /// (default: as the redactor was made). Nothing is left at ``out`` unless every check
    /// passed (``VerificationFailed`` otherwise).
    #[pyo3(signature = (path, out, session=None, *, pending="mask", searchable=None))]
    fn redact(
        &self,
        py: Python<'_>,
        path: PathBuf,
        out: PathBuf,
        session: Option<&ReviewSession>,
        pending: &str,
        searchable: Option<bool>,
    ) -> PyResult<RedactReport> {
        let pending = parse_name::<PendingPolicy>(pending, "pending policy")?;
        let session = session.map(|s| s.snapshot(py));
        let redactor = match searchable {
            Some(searchable) if searchable != self.0.searchable() => {
                std::borrow::Cow::Owned(self.0.clone().with_searchable(searchable))
            }
            _ => std::borrow::Cow::Borrowed(&self.0),
        };
        py.detach(|| redactor.redact(&path, &out, session.as_ref(), pending))
            .py()
            .map(|report| RedactReport(Arc::new(report)))
    }

    /// Redacts many documents, ``workers`` at a time (default: one per core), every proposal
    /// treated by ``pending`` (no review). ``items`` are ``(input, output)`` pairs.
    /// ``progress(index, input, error)`` is called as each document finishes (``error`` is
    /// ``None`` on success, else the one-line message). Returns one entry per item, in order:
    /// its ``RedactReport``, or the ``LanteroError`` it failed with (not raised, so one bad
    /// file does not hide the others' results). An exception raised by ``progress`` is raised
    /// once every document is done.
    #[pyo3(signature = (items, *, pending="mask", workers=None, progress=None))]
    fn redact_many(
        &self,
        py: Python<'_>,
        items: Vec<(PathBuf, PathBuf)>,
        pending: &str,
        workers: Option<usize>,
        progress: Option<Py<PyAny>>,
    ) -> PyResult<Vec<Py<PyAny>>> {
        let pending = parse_name::<PendingPolicy>(pending, "pending policy")?;
        let items: Vec<core::BatchItem> = items
            .into_iter()
            .map(|(input, output)| core::BatchItem { input, output })
            .collect();
        let workers =
            workers.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
        let mut callback_error = None;
        let outcomes = py.detach(|| {
            self.0
                .redact_many(&items, pending, workers, |index, outcome| {
                    let (Some(callback), None) = (&progress, &callback_error) else {
                        return;
                    };
                    let error = outcome.as_ref().err().map(ToString::to_string);
                    let input = items[index].input.clone();
                    if let Err(err) =
                        Python::attach(|py| callback.call1(py, (index, input, error)).map(drop))
                    {
                        callback_error = Some(err);
                    }
                })
        });
        if let Some(err) = callback_error {
            return Err(err);
        }
        outcomes
            .into_iter()
            .map(|outcome| match outcome {
                Ok(report) => Ok(Py::new(py, RedactReport(Arc::new(report)))?.into_any()),
                Err(err) => Ok(crate::errors::redact_error(err).into_value(py).into_any()),
            })
            .collect()
    }

    fn __repr__(&self) -> String {
        format!(
            "Redactor({} recognizers)",
            self.0.detector().recognizers().len()
        )
    }
}

/// What ``Redactor.redact`` did: the written, verified output and the decision record.
#[pyclass(frozen, module = "lantero.redact")]
pub struct RedactReport(Arc<core::RedactReport>);

#[pymethods]
impl RedactReport {
    /// The output file.
    #[getter]
    fn output(&self) -> PathBuf {
        self.0.write.path.clone()
    }

    /// Size of the output in bytes.
    #[getter]
    fn bytes(&self) -> u64 {
        self.0.write.bytes
    }

    /// Proposals that were still pending.
    #[getter]
    fn pending(&self) -> usize {
        self.0.pending
    }

    /// Which provisions were applied on which pages.
    #[getter]
    fn record(&self) -> DecisionRecord {
        DecisionRecord(self.0.record.clone())
    }

    /// The whole report as a dict: ``write`` (pages, verification checks), ``record``,
    /// ``pending``, ``pending_policy``, ``hidden_annotations``.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, self.0.as_ref())
    }

    fn __repr__(&self) -> String {
        format!(
            "RedactReport('{}', {} masks, {} bytes)",
            self.0.write.path.display(),
            self.0.record.masks,
            self.0.write.bytes
        )
    }
}

/// A pseudonymised text: every finding replaced by a consistent code (``[PERSON_1]`` …).
#[pyclass(frozen, module = "lantero.redact")]
pub struct Pseudonymized(pseudo::Pseudonymized);

#[pymethods]
impl Pseudonymized {
    /// The pages with codes in place of personal data.
    #[getter]
    fn pages(&self) -> Vec<String> {
        self.0.pages.clone()
    }

    /// Every replacement: ``{"code", "entity", "page", "start", "end"}`` (character offsets in
    /// the pseudonymised page).
    #[getter]
    fn replacements<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.0.replacements)
    }

    /// As a dict with its schema.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.0)
    }

    /// One JSON line per page, ``{"text", "spans": [{"start", "end", "label"}]}``: the
    /// annotation format of the training pipeline.
    fn to_jsonl(&self) -> String {
        self.0.to_jsonl()
    }

    fn __repr__(&self) -> String {
        format!(
            "Pseudonymized({} pages, {} codes)",
            self.0.pages.len(),
            self.0.replacements.len()
        )
    }
}

/// Detects (with ``detector``, default the built-in one), resolves and pseudonymises ``pages``
/// (one text or a list of page texts).
#[pyfunction]
#[pyo3(signature = (pages, detector=None))]
fn pseudonymize(
    py: Python<'_>,
    pages: &Bound<'_, PyAny>,
    detector: Option<&Detector>,
) -> PyResult<Pseudonymized> {
    let pages = page_texts(pages)?;
    let detector = detector.map_or_else(lantero_redact::detect::Detector::builtin, |d| {
        d.snapshot(py)
    });
    py.detach(|| pseudo::pseudonymize(&detector, &Resolver::default(), &pages))
        .py()
        .map(Pseudonymized)
}

/// Replaces the given findings (character offsets into ``pages``) by consistent codes.
#[pyfunction]
fn pseudonymize_findings(
    pages: &Bound<'_, PyAny>,
    findings: &Bound<'_, PyAny>,
) -> PyResult<Pseudonymized> {
    let pages = page_texts(pages)?;
    let findings: Vec<lantero_redact::detect::Finding> = from_py(findings, "findings")?;
    Ok(Pseudonymized(pseudo::pseudonymize_findings(
        &pages, &findings,
    )))
}

/// Where the native runtime ``"pdfium"`` or ``"onnxruntime"`` is found; raises
/// ``NativeLibraryError`` naming every place searched.
#[pyfunction]
fn locate_native(library: &str) -> PyResult<PathBuf> {
    let library = match library {
        "pdfium" => NativeLibrary::Pdfium,
        "onnxruntime" => NativeLibrary::OnnxRuntime,
        other => {
            return Err(pyo3::exceptions::PyValueError::new_err(format!(
                "unknown native library {other:?}: expected \"pdfium\" or \"onnxruntime\""
            )));
        }
    };
    native::locate(library).py()
}

/// Builds the `lantero.redact` module.
pub fn module(py: Python<'_>) -> PyResult<Bound<'_, PyModule>> {
    let m = PyModule::new(py, "lantero.redact")?;
    m.add_class::<Redactor>()?;
    m.add_class::<RedactReport>()?;
    m.add_class::<Pseudonymized>()?;
    m.add_function(wrap_pyfunction!(pseudonymize, &m)?)?;
    m.add_function(wrap_pyfunction!(pseudonymize_findings, &m)?)?;
    m.add_function(wrap_pyfunction!(locate_native, &m)?)?;
    Ok(m)
}
