//! The redaction pipeline end to end: document → OCR where needed → detection → resolver →
//! review session → masks → image-only PDF → verification → decision record.
//!
//! [`Redactor`] holds the configured stages and is cheap to share between threads.
//!
//! ```no_run
//! use lantero_redact::pipeline::{PendingPolicy, Redactor};
//!
//! let redactor = Redactor::new();
//! // A caseworker reviews the proposals …
//! let mut session = redactor.review("beslut.pdf".as_ref())?;
//! let first = session.proposals[0].id.clone();
//! session.accept(&first, "anna.handlaggare", Some("OSL 26:1"))?;
//! // … and the decisions are applied; the output is verified before it is kept.
//! let report = redactor.redact("beslut.pdf".as_ref(), "utlamnas.pdf".as_ref(), Some(&session), PendingPolicy::Mask)?;
//! println!("{}", report.record.to_markdown());
//! # Ok::<(), lantero_redact::Error>(())
//! ```

use std::path::Path;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

mod batch;
mod ocr;

pub use batch::BatchItem;
pub use ocr::OCR_DPI;

use crate::detect::{Detector, Finding, number_findings};
use crate::document::{Document, Limits};
use crate::ocr::{OcrEngine, Tesseract};
use crate::record::DecisionRecord;
use crate::render::{Mask, RenderOptions};
use crate::resolve::{PageLayout, PublicRules, RequestDocument, Resolver, propagate_across};
use crate::review::{Request, ReviewSession};
use crate::write::{WriteReport, write_redacted, write_searchable};
use crate::{Error, Result};

/// What happens to proposals nobody decided on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PendingPolicy {
    /// Mask them: an undecided proposal is treated as accepted, since a leak costs more than
    /// an extra mask.
    #[default]
    Mask,
    /// Release them, as if rejected.
    Release,
}

/// A document read, OCR'd where its text layer cannot be trusted, and searched: the findings
/// carry boxes. It is what a review session is made from ([`Analysis::session`]).
pub struct Analysis {
    /// The opened document (pages with text and char boxes, OCR text added).
    pub document: Document,
    /// Resolved findings, numbered in page and reading order, with boxes on PDF and image pages.
    pub findings: Vec<Finding>,
}

impl Analysis {
    /// The document's file name without its folders: what a decision or a reason may name.
    pub fn file_name(&self) -> String {
        crate::record::file_name(&self.document.path().display().to_string())
    }

    /// Sets every finding's boxes from the char boxes of its page.
    fn locate_findings(&mut self) {
        for finding in &mut self.findings {
            if let Some(page) = self.document.page(finding.page) {
                finding.boxes = page.boxes_for(finding.start, finding.end);
            }
        }
    }

    /// The page texts the findings' offsets index.
    pub fn page_texts(&self) -> Vec<&str> {
        self.document.pages().iter().map(|p| p.text()).collect()
    }

    /// A review session with one proposal per finding, tied to the document's hash: pending, or
    /// released in advance where the finding is public ([`Finding::public`]).
    pub fn session(&self) -> ReviewSession {
        let pages = u32::try_from(self.document.pages().len()).unwrap_or(u32::MAX);
        ReviewSession::for_digest(
            &self.document.path().display().to_string(),
            self.document.sha256(),
            pages,
            &self.findings,
        )
    }
}

/// What [`Redactor::redact`] did.
#[derive(Debug, Clone, Serialize)]
pub struct RedactReport {
    /// The written, verified output.
    pub write: WriteReport,
    /// Which provisions were applied on which pages.
    pub record: DecisionRecord,
    /// Proposals that were still pending, and how they were treated.
    pub pending: usize,
    /// How pending proposals were treated.
    pub pending_policy: PendingPolicy,
    /// Annotations and form fields on the input that were left out of the output.
    pub hidden_annotations: u32,
}

/// The configured pipeline.
#[derive(Clone)]
pub struct Redactor {
    detector: Detector,
    resolver: Resolver<'static>,
    ocr: Option<Arc<dyn OcrEngine>>,
    ocr_cache: Arc<ocr::OcrCache>,
    options: RenderOptions,
    limits: Option<Limits>,
    searchable: bool,
    public: Arc<PublicRules>,
}

impl Default for Redactor {
    fn default() -> Self {
        Self::new()
    }
}

impl Redactor {
    /// The built-in recognizers, the built-in secrecy catalogue, Tesseract for pages without
    /// text, and default rendering (150 dpi, quantised masks with provision labels).
    pub fn new() -> Self {
        Self {
            detector: Detector::builtin(),
            resolver: Resolver::default(),
            ocr: Some(Arc::new(Tesseract::new())),
            ocr_cache: Arc::default(),
            options: RenderOptions::default(),
            limits: None,
            searchable: false,
            public: Arc::new(PublicRules::new()),
        }
    }

    /// Opens documents within `limits` instead of the process's ([`Limits::for_process`]).
    pub fn with_limits(mut self, limits: Limits) -> Self {
        self.limits = Some(limits);
        self
    }

    /// Uses `detector` instead of the built-in one.
    pub fn with_detector(mut self, detector: Detector) -> Self {
        self.detector = detector;
        self
    }

    /// Uses `ocr` for pages without a text layer; `None` leaves such pages without findings.
    pub fn with_ocr(mut self, ocr: Option<Arc<dyn OcrEngine>>) -> Self {
        self.ocr = ocr;
        // What another engine read is not what this one would.
        self.ocr_cache = Arc::default();
        self
    }

    /// Uses these rules for what is public (the organisation profile, officials in role, allow
    /// and deny lists) instead of the default ([`PublicRules::new`]: officials in role only).
    ///
    /// ```
    /// use lantero_redact::pipeline::Redactor;
    /// use lantero_redact::resolve::PublicRules;
    ///
    /// let redactor = Redactor::new().with_public(PublicRules::new().deny(["Tallbacken"]));
    /// assert_eq!(redactor.public_rules().denied(), ["Tallbacken"]);
    /// ```
    pub fn with_public(mut self, rules: PublicRules) -> Self {
        self.public = Arc::new(rules);
        self
    }

    /// The rules for what is public.
    pub fn public_rules(&self) -> &PublicRules {
        &self.public
    }

    /// Uses these rendering options.
    pub fn with_options(mut self, options: RenderOptions) -> Self {
        self.options = options;
        self
    }

    /// Writes searchable outputs: an invisible text layer, read by OCR off each redacted page
    /// image, lets screen readers and search find the page's visible text
    /// ([`write_searchable`]). Needs an OCR engine ([`Self::with_ocr`]).
    ///
    /// ```
    /// use lantero_redact::pipeline::Redactor;
    ///
    /// let redactor = Redactor::new().with_searchable(true);
    /// assert!(redactor.searchable());
    /// ```
    pub fn with_searchable(mut self, searchable: bool) -> Self {
        self.searchable = searchable;
        self
    }

    /// Whether outputs get an invisible text layer.
    pub fn searchable(&self) -> bool {
        self.searchable
    }

    /// The detector.
    pub fn detector(&self) -> &Detector {
        &self.detector
    }

    /// The rendering options.
    pub fn options(&self) -> &RenderOptions {
        &self.options
    }

    /// Opens `path`, OCRs what its text layer does not hold, and finds and resolves what to
    /// propose. A `.txt` file is one page of text as read, so findings index the file's text
    /// and have no boxes.
    pub fn analyze(&self, path: &Path) -> Result<Analysis> {
        self.analyze_document(Document::open_with_limits(path, &self.limits())?)
    }

    /// As [`Self::analyze`], on the pages the document is released on: a `.txt` file is first
    /// set on A4 pages ([`Document::typeset`]), so its findings carry boxes to mask.
    /// [`Self::review`] and [`Self::redact`] analyse documents this way.
    pub fn analyze_pages(&self, path: &Path) -> Result<Analysis> {
        self.analyze_document(self.open(path)?)
    }

    /// Opens `path` as it is released: PDFs and images as they are, plain text set on pages.
    /// The file is read and hashed once; nothing is detected.
    pub fn open(&self, path: &Path) -> Result<Document> {
        Document::open_with_limits(path, &self.limits())?.typeset()
    }

    fn limits(&self) -> Limits {
        self.limits.unwrap_or_else(Limits::for_process)
    }

    /// OCRs what `document`'s text layer does not hold (pages without text, images on text
    /// pages, text in untrusted fonts; on a pool of workers), then detects and resolves; deny-list
    /// strings are added and public findings marked by the [`PublicRules`].
    pub fn analyze_document(&self, mut document: Document) -> Result<Analysis> {
        if let Some(engine) = &self.ocr {
            ocr::read_pages(&mut document, engine, &self.ocr_cache)?;
        }
        let texts: Vec<&str> = document.pages().iter().map(|p| p.text()).collect();
        let mut findings = self.detector.detect_pages(&texts)?;
        findings.extend(self.public.deny_findings(&texts));
        let findings = self.resolver.resolve(&texts, findings);
        let mut analysis = Analysis { document, findings };
        analysis.locate_findings();
        self.mark_public(&mut analysis);
        Ok(analysis)
    }

    /// Marks what the public rules release (the authority's own details, officials in role,
    /// allowed strings); needs the findings' boxes, to see lines and table cells.
    fn mark_public(&self, analysis: &mut Analysis) {
        let layouts: Vec<PageLayout<'_>> = analysis
            .document
            .pages()
            .iter()
            .map(|p| PageLayout {
                text: p.text(),
                boxes: p.boxes(),
            })
            .collect();
        self.public.mark(&layouts, &mut analysis.findings);
    }

    /// A review session with one proposal per finding (public ones released in advance).
    pub fn review(&self, path: &Path) -> Result<ReviewSession> {
        Ok(self.analyze_pages(path)?.session())
    }

    /// Analyses the documents of one request as [`Self::analyze_pages`] does, then proposes
    /// every name and identifier found in one of them wherever it recurs in the others
    /// ([`propagate_across`]): released side by side, a value
    /// masked in one document and readable in another is not masked at all.
    pub fn analyze_request(&self, paths: &[&Path]) -> Result<Vec<Analysis>> {
        let analyses = paths
            .iter()
            .map(|path| self.analyze_pages(path))
            .collect::<Result<Vec<_>>>()?;
        let names: Vec<String> = analyses.iter().map(Analysis::file_name).collect();
        let documents = analyses
            .iter()
            .zip(&names)
            .map(|(analysis, name)| RequestDocument {
                name,
                pages: analysis.page_texts(),
                findings: analysis.findings.clone(),
            })
            .collect();
        let found = propagate_across(documents);
        Ok(analyses
            .into_iter()
            .zip(found)
            .map(|(analysis, findings)| {
                let mut findings = findings;
                let texts = analysis.page_texts();
                self.resolver.attach_provisions(&texts, &mut findings);
                number_findings(&mut findings);
                let mut analysis = Analysis {
                    findings,
                    ..analysis
                };
                analysis.locate_findings();
                analysis
            })
            .collect())
    }

    /// The review of a request: one session per document, with names and identifiers
    /// proposed across documents ([`Self::analyze_request`]).
    pub fn review_request(&self, paths: &[&Path]) -> Result<Request> {
        let analyses = self.analyze_request(paths)?;
        Ok(Request::new(
            analyses.iter().map(Analysis::session).collect(),
        ))
    }

    /// Applies `session`'s decisions (or, with `None`, every proposal) to `path` and writes a
    /// verified image-only PDF to `out`. Nothing is left at `out` unless every check passed.
    ///
    /// With a session, nothing is analysed again: the file is opened, checked to be the one
    /// the session was made for, and rendered with the session's masks ([`Self::apply`]).
    pub fn redact(
        &self,
        path: &Path,
        out: &Path,
        session: Option<&ReviewSession>,
        pending: PendingPolicy,
    ) -> Result<RedactReport> {
        match session {
            Some(session) => self.apply(&self.open(path)?, session, out, pending),
            None => {
                let analysis = self.analyze_pages(path)?;
                self.apply(&analysis.document, &analysis.session(), out, pending)
            }
        }
    }

    /// Renders `document` with `session`'s masks, writes it to `out` and verifies it. Runs no
    /// OCR and no detection: the session already says what to mask and where.
    pub fn apply(
        &self,
        document: &Document,
        session: &ReviewSession,
        out: &Path,
        pending: PendingPolicy,
    ) -> Result<RedactReport> {
        let source = document.path().display().to_string();
        session.validate(&source)?;
        session.check_digest(document.sha256(), &source)?;
        let mask_pending = pending == PendingPolicy::Mask || session.proposals.is_empty();
        let masks = masks_for(session, mask_pending, self.options.labels)?;
        let mut masked_strings: Vec<String> = session
            .proposals
            .iter()
            .filter(|p| p.is_masked(mask_pending) && !p.text.trim().is_empty())
            .map(|p| p.text.clone())
            .collect();
        masked_strings.sort();
        masked_strings.dedup();
        let write = match (self.searchable, &self.ocr) {
            (false, _) => write_redacted(document, &masks, out, &self.options, &masked_strings)?,
            (true, Some(engine)) => write_searchable(
                document,
                &masks,
                out,
                &self.options,
                &masked_strings,
                Arc::clone(engine),
            )?,
            (true, None) => {
                return Err(Error::Input {
                    path: document.path().into(),
                    reason: "a searchable output needs OCR, which is switched off".into(),
                });
            }
        };
        Ok(RedactReport {
            write,
            record: DecisionRecord::from_session(session, mask_pending),
            pending: session.pending(),
            pending_policy: pending,
            hidden_annotations: document
                .pages()
                .iter()
                .map(|p| p.hidden_annotations())
                .sum(),
        })
    }
}

/// The masks a session applies. A masked proposal with no position cannot be painted, and
/// releasing it unmasked would be a leak: that is an error.
fn masks_for(session: &ReviewSession, mask_pending: bool, labels: bool) -> Result<Vec<Mask>> {
    let mut masks = Vec::new();
    for p in session
        .proposals
        .iter()
        .filter(|p| p.is_masked(mask_pending))
    {
        if p.boxes.is_empty() {
            return Err(Error::Review {
                source_name: session.document.clone(),
                reason: format!(
                    "proposal {} ({:?} on page {}) has no position on the page and cannot be masked",
                    p.id, p.text, p.page
                ),
            });
        }
        let label = labels
            .then(|| {
                p.provision
                    .clone()
                    .or_else(|| p.provisions.first().cloned())
            })
            .flatten();
        masks.extend(p.boxes.iter().map(|&rect| Mask {
            page: p.page,
            rect,
            label: label.clone(),
        }));
    }
    Ok(masks)
}
