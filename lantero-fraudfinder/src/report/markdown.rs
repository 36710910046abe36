//! The report as Markdown, for wikis, e-mail and version control.

use std::fmt::Write;

use super::ManagementReport;
use super::format::{cell, percent, points, sek};
use crate::Result;

/// Risks and queue items shown in full; the rest are counted.
const TOP: usize = 10;

impl ManagementReport {
    /// The report as Markdown.
    pub fn to_markdown(&self) -> Result<String> {
        let mut md = format!(
            "# {}\n\n*{}*\n\n## Sammanfattning\n\n| Nyckeltal | Värde |\n|---|---|\n",
            self.title(),
            self.date
        );
        for (label, value) in self.key_figures()? {
            let _ = writeln!(md, "| {} | {} |", cell(&label), cell(&value));
        }
        if let Some(p) = &self.progress {
            let _ = write!(
                md,
                "\n## Mognad per område\n\nSjälvskattning {} (förändring sedan föregående: mognad {}, checklistor {}).\n\n\
                 | Område | Mognad | Checklistor | Aktiviteter klara | Förändring |\n|---|---|---|---|---|\n",
                p.date,
                points(p.change.as_ref().and_then(|c| c.maturity)),
                points(p.change.as_ref().and_then(|c| c.completion))
            );
            for a in &p.areas {
                let level = match (a.maturity_level, &a.maturity_label) {
                    (Some(l), Some(label)) => format!("{l} {label}"),
                    _ => "–".to_owned(),
                };
                let _ = writeln!(
                    md,
                    "| {} | {} | {} | {} | {} |",
                    cell(&a.title),
                    level,
                    percent(a.completion),
                    percent(a.progress),
                    points(a.change.as_ref().and_then(|c| c.maturity))
                );
            }
        }
        if let Some(ra) = &self.risk_analysis {
            let risks = ra.prioritised()?;
            let _ = write!(
                md,
                "\n## Riskbild\n\n{} ({}): {} risker i {} verksamheter.\n\n| # | Risk | Verksamhet | Riskvärde | Nivå | Ägare |\n|---|---|---|---|---|---|\n",
                cell(&ra.title),
                ra.date,
                risks.len(),
                ra.units().len()
            );
            for r in risks.iter().take(TOP) {
                let _ = writeln!(
                    md,
                    "| {} | {} | {} | {} ({}×{}) | {} | {} |",
                    r.rank,
                    cell(&r.description),
                    cell(&r.unit),
                    r.current.value,
                    r.current.probability,
                    r.current.consequence,
                    r.level,
                    cell(&r.owner)
                );
            }
        }
        if let (Some(plan), Some(ra)) = (&self.plan, &self.risk_analysis) {
            let counts = plan.status_counts(self.date);
            let outcome = plan.outcome();
            let _ = write!(
                md,
                "\n## Åtgärdsplan\n\n{} planerade, {} pågår, {} klara, {} avbrutna; {} försenade. \
                 Utfall hittills: minskat svinn {}, återkrävt {}, {} kontroller med {} fynd.\n\n\
                 ### Prioritering efter uppföljning\n\n| # | Aktivitet | Skäl |\n|---|---|---|\n",
                counts.planned,
                counts.in_progress,
                counts.done,
                counts.cancelled,
                counts.overdue,
                sek(outcome.reduced_loss_sek),
                sek(outcome.recovered_sek),
                outcome.controls_performed,
                outcome.findings
            );
            for p in plan.reprioritise(ra, self.date)? {
                let _ = writeln!(
                    md,
                    "| {} | {} | {} |",
                    p.rank,
                    cell(&p.title),
                    cell(&p.reason)
                );
            }
        }
        if let (Some(run), Some(queue)) = (&self.controls, self.queue()) {
            let _ = write!(
                md,
                "\n## Kontroller\n\nRegeluppsättning {} version {}: {} poster kontrollerade, {} flaggor. \
                 Granskning från {} poäng, eskalering från {} poäng.\n\n| Regel | Version | Flaggor |\n|---|---|---|\n",
                cell(&run.ruleset),
                cell(&run.ruleset_version),
                run.rows(),
                run.flags.len(),
                queue.thresholds.review,
                queue.thresholds.escalate
            );
            for r in &run.rules {
                let _ = writeln!(md, "| {} | v{} | {} |", cell(&r.rule), r.version, r.flags);
            }
            let _ = writeln!(md, "\n### Granskningskö\n");
            for item in queue.items.iter().take(TOP) {
                let _ = writeln!(
                    md,
                    "- **{} {}** ({} poäng, {}):",
                    cell(&item.dataset),
                    cell(&item.record),
                    item.score,
                    item.decision.label_sv()
                );
                for f in &item.flags {
                    let _ = writeln!(md, "  - {}", f.explain());
                }
            }
            if queue.items.len() > TOP {
                let _ = writeln!(md, "\n… och {} poster till.", queue.items.len() - TOP);
            }
        }
        if !self.responsibility.is_empty() {
            let _ = writeln!(md, "\n## Ansvarsmatris\n");
            for f in &self.responsibility {
                let _ = writeln!(md, "- {f}");
            }
        }
        if !self.bisyssla.is_empty() {
            let _ = writeln!(md, "\n## Bisysslor\n");
            for f in &self.bisyssla {
                let _ = writeln!(md, "- {f}");
            }
        }
        if !self.gaps.is_empty() {
            let _ = writeln!(md, "\n## Kvarstående brister\n");
            for g in self.gaps.iter().take(TOP * 2) {
                let _ = writeln!(
                    md,
                    "- {} / {}: {}",
                    cell(&g.area),
                    cell(&g.activity),
                    cell(&g.text)
                );
            }
            if self.gaps.len() > TOP * 2 {
                let _ = writeln!(md, "- … och {} till.", self.gaps.len() - TOP * 2);
            }
        }
        Ok(md)
    }
}
