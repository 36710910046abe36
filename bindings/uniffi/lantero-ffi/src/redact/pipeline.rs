//! The redaction pipeline on documents (`lantero_redact::pipeline::Redactor`): PDF, image or
//! text in; findings with boxes, a review session, and a verified image-only PDF out.

use std::path::Path;
use std::sync::Arc;

use lantero_redact::pipeline::{self, PendingPolicy};
use lantero_redact::profile::OrganisationProfile;
use lantero_redact::resolve::PublicRules;

use super::RedactError;
use super::findings::Finding;
use super::review::{DecisionRecord, ReviewSession};
use crate::guard::guard;

/// What happens to proposals nobody decided on.
#[uniffi::remote(Enum)]
pub enum PendingPolicy {
    /// Mask them: a leak costs more than an extra mask.
    Mask,
    /// Release them, as if rejected.
    Release,
}

/// A document read (OCR'd where it had no text layer) and searched.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Analysis {
    /// The text of each page; findings' offsets index these.
    pub page_texts: Vec<String>,
    /// Resolved findings in reading order, with boxes on PDF and image pages.
    pub findings: Vec<Finding>,
}

/// What `Redactor.redact` wrote.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct RedactReport {
    /// The written, verified output file.
    pub output: String,
    /// Its size in bytes.
    pub output_bytes: u64,
    /// Pages written.
    pub pages: u32,
    /// Names of the verification checks the output passed (e.g. `no_fonts`).
    pub checks_passed: Vec<String>,
    /// Which provisions were applied on which pages.
    pub record: DecisionRecord,
    /// Proposals that were still pending.
    pub pending: u64,
    /// How they were treated.
    pub pending_policy: PendingPolicy,
    /// Annotations and form fields of the input left out of the output.
    pub hidden_annotations: u32,
    /// The full report as JSON (write, verification and decision record).
    pub json: String,
}

/// The configured pipeline: built-in recognizers, the built-in secrecy catalogue, Tesseract
/// for pages without text, default rendering. Safe to share between threads.
#[derive(uniffi::Object)]
pub struct Redactor {
    inner: pipeline::Redactor,
}

#[uniffi::export]
impl Redactor {
    /// The default pipeline.
    #[uniffi::constructor]
    pub fn new() -> Result<Arc<Self>, RedactError> {
        guard(|| {
            Ok(Arc::new(Self {
                inner: pipeline::Redactor::new(),
            }))
        })
    }

    /// The default pipeline with rules for what is public: an organisation profile (TOML file,
    /// `profilePath`) whose own details, bodies and officials are released in advance, strings
    /// always released (`allow`) and always masked wherever they occur (`deny`), and whether
    /// officials named in their role are released (`officials`). A profile that cannot be read
    /// is an `Input` error naming the file and line.
    #[uniffi::constructor]
    pub fn with_public_rules(
        profile_path: Option<String>,
        allow: Vec<String>,
        deny: Vec<String>,
        officials: bool,
    ) -> Result<Arc<Self>, RedactError> {
        guard(|| {
            let mut rules = PublicRules::new()
                .with_officials(officials)
                .allow(allow)
                .deny(deny);
            if let Some(path) = profile_path {
                rules = rules.with_profile(OrganisationProfile::from_path(&path)?);
            }
            Ok(Arc::new(Self {
                inner: pipeline::Redactor::new().with_public(rules),
            }))
        })
    }

    /// Opens `path`, OCRs pages without text, and finds and resolves what to propose.
    pub fn analyze(&self, path: String) -> Result<Analysis, RedactError> {
        guard(|| {
            let analysis = self.inner.analyze(Path::new(&path))?;
            Ok(Analysis {
                page_texts: analysis
                    .page_texts()
                    .into_iter()
                    .map(str::to_owned)
                    .collect(),
                findings: analysis.findings.into_iter().map(Finding::from).collect(),
            })
        })
    }

    /// A review session for `path` with one pending proposal per finding.
    pub fn review(&self, path: String) -> Result<Arc<ReviewSession>, RedactError> {
        guard(|| Ok(ReviewSession::wrap(self.inner.review(Path::new(&path))?)))
    }

    /// Applies `session`'s decisions (or, with none, every proposal) to `path` and writes a
    /// verified image-only PDF to `output`. Nothing is left at `output` unless every check
    /// passed (`Verification` error otherwise).
    pub fn redact(
        &self,
        path: String,
        output: String,
        session: Option<Arc<ReviewSession>>,
        pending: PendingPolicy,
    ) -> Result<RedactReport, RedactError> {
        guard(|| {
            let (path, out) = (Path::new(&path), Path::new(&output));
            let report = match &session {
                Some(s) => self.inner.redact(path, out, Some(&*s.lock()?), pending)?,
                None => self.inner.redact(path, out, None, pending)?,
            };
            let json = serde_json::to_string_pretty(&report)
                .map_err(|err| RedactError::Internal(format!("redaction report: {err}")))?;
            Ok(RedactReport {
                output: report.write.path.display().to_string(),
                output_bytes: report.write.bytes,
                pages: report.write.verification.pages,
                checks_passed: report
                    .write
                    .verification
                    .checks
                    .iter()
                    .filter(|c| c.passed)
                    .map(|c| c.name.clone())
                    .collect(),
                record: report.record.try_into()?,
                pending: report.pending as u64,
                pending_policy: report.pending_policy,
                hidden_annotations: report.hidden_annotations,
                json,
            })
        })
    }
}
