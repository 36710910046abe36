//! Reports for management and politicians, in Swedish: Markdown, and self-contained HTML
//! with SVG charts (risk heat map, maturity per area, action-plan progress, control
//! outcomes). No script and no external assets, so the HTML file can be mailed, archived
//! and opened in a closed network.

mod format;
mod html;
mod markdown;
pub mod svg;

use chrono::NaiveDate;
use serde::Serialize;

use crate::action_plan::ActionPlan;
use crate::controls::{ReviewQueue, RunReport, Thresholds};
use crate::mapping::{Gap, ProgressReport};
use crate::risk_analysis::{PrioritisedRisk, RiskAnalysis};
use crate::{Result, bisyssla, responsibility};

use format::{percent, sek};

/// Everything a management report draws on; leave out what the municipality does not
/// have yet and the section is skipped.
///
/// ```
/// use chrono::NaiveDate;
/// use lantero_fraudfinder::report::ManagementReport;
///
/// let report = ManagementReport::new("Exempelby kommun", NaiveDate::from_ymd_opt(2025, 10, 1).unwrap());
/// let html = report.to_html()?;
/// assert!(html.starts_with("<!DOCTYPE html>") && html.contains("Exempelby kommun"));
/// assert!(!html.contains("<script") && !html.contains("<link") && !html.contains("src="));
/// assert!(report.to_markdown()?.starts_with("# Lägesrapport"));
/// # Ok::<(), lantero_fraudfinder::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ManagementReport {
    /// The municipality.
    pub municipality: String,
    /// Date of the report.
    pub date: NaiveDate,
    /// Progress of the self-assessment.
    pub progress: Option<ProgressReport>,
    /// What is still missing (checklist items not in place).
    pub gaps: Vec<Gap>,
    /// The operative risk analysis.
    pub risk_analysis: Option<RiskAnalysis>,
    /// The action plan.
    pub plan: Option<ActionPlan>,
    /// The latest control run.
    pub controls: Option<RunReport>,
    /// Queue thresholds of the control rules.
    pub thresholds: Thresholds,
    /// Findings in the responsibility matrix.
    pub responsibility: Vec<responsibility::Finding>,
    /// Findings in the bisyssla register.
    pub bisyssla: Vec<bisyssla::Finding>,
}

impl ManagementReport {
    /// An empty report for `municipality` on `date`.
    pub fn new(municipality: impl Into<String>, date: NaiveDate) -> Self {
        Self {
            municipality: municipality.into(),
            date,
            progress: None,
            gaps: Vec::new(),
            risk_analysis: None,
            plan: None,
            controls: None,
            thresholds: Thresholds::default(),
            responsibility: Vec::new(),
            bisyssla: Vec::new(),
        }
    }

    /// The report's title.
    pub fn title(&self) -> String {
        format!(
            "Lägesrapport: arbetet mot välfärdsbrott i {}",
            self.municipality
        )
    }

    /// Key figures for the summary, as (label, value).
    pub fn key_figures(&self) -> Result<Vec<(String, String)>> {
        let mut out = Vec::new();
        if let Some(p) = &self.progress {
            out.push(("Mognad (genomsnitt)".to_owned(), percent(p.maturity)));
            out.push(("Checklistor på plats".to_owned(), percent(p.completion)));
        }
        if let Some(ra) = &self.risk_analysis {
            let ranked = ra.prioritised()?;
            let top = ra.matrix().levels().len().saturating_sub(2) as u8;
            let high = ranked.iter().filter(|r| r.current.level >= top).count();
            out.push(("Analyserade risker".to_owned(), ranked.len().to_string()));
            out.push(("Höga och mycket höga risker".to_owned(), high.to_string()));
        }
        if let Some(plan) = &self.plan {
            let counts = plan.status_counts(self.date);
            let outcome = plan.outcome();
            out.push(("Åtgärdsplanen klar".to_owned(), percent(counts.progress())));
            out.push((
                "Försenade aktiviteter".to_owned(),
                counts.overdue.to_string(),
            ));
            out.push(("Minskat svinn".to_owned(), sek(outcome.reduced_loss_sek)));
            out.push(("Återkrävt".to_owned(), sek(outcome.recovered_sek)));
            out.push((
                "Genomförda kontroller".to_owned(),
                outcome.controls_performed.to_string(),
            ));
        }
        if let Some(run) = &self.controls {
            let queue = self.queue().unwrap_or_else(|| run.queue(self.thresholds));
            out.push((
                "Kontrollerade poster".to_owned(),
                format::thousands(run.rows() as i64),
            ));
            out.push((
                "Flaggade poster att granska".to_owned(),
                queue.items.len().to_string(),
            ));
            out.push((
                "Varav eskalerade".to_owned(),
                queue
                    .with(crate::controls::Decision::Escalate)
                    .count()
                    .to_string(),
            ));
        }
        if !self.responsibility.is_empty() || !self.bisyssla.is_empty() {
            out.push((
                "Brister i ansvar och bisysslor".to_owned(),
                (self.responsibility.len() + self.bisyssla.len()).to_string(),
            ));
        }
        Ok(out)
    }

    /// The review queue of the control run.
    pub fn queue(&self) -> Option<ReviewQueue> {
        self.controls.as_ref().map(|r| r.queue(self.thresholds))
    }

    /// The risks, most urgent first.
    pub fn risks(&self) -> Result<Vec<PrioritisedRisk>> {
        match &self.risk_analysis {
            Some(ra) => ra.prioritised(),
            None => Ok(Vec::new()),
        }
    }
}
