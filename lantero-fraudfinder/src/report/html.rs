//! The report as one self-contained HTML file with inline CSS and SVG charts.

use std::fmt::Write;

use super::ManagementReport;
use super::format::{escape, percent, points, sek};
use super::svg::{self, Bar, Segment};
use crate::Result;

const TOP: usize = 10;

const STYLE: &str = "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;max-width:960px;margin:2em auto;padding:0 1em;color:#222;line-height:1.45}\
h1{font-size:1.6em;border-bottom:3px solid #2b5c8a;padding-bottom:.3em}h2{margin-top:2em;color:#2b5c8a}\
table{border-collapse:collapse;width:100%;margin:1em 0}th,td{border-bottom:1px solid #ddd;padding:.35em .5em;text-align:left;vertical-align:top}\
th{background:#f2f5f8}.figures{display:flex;flex-wrap:wrap;gap:.8em}.figure{background:#f2f5f8;border-radius:6px;padding:.6em .9em;min-width:10em}\
.figure b{display:block;font-size:1.4em}.muted{color:#666}.escalate{color:#b3261e;font-weight:bold}li{margin:.2em 0}svg{max-width:100%;height:auto}";

impl ManagementReport {
    /// The report as a self-contained HTML document.
    pub fn to_html(&self) -> Result<String> {
        let title = escape(&self.title());
        let mut h = format!(
            "<!DOCTYPE html>\n<html lang=\"sv\"><head><meta charset=\"utf-8\"><title>{title}</title><style>{STYLE}</style></head><body>\
             <h1>{title}</h1><p class=\"muted\">{}</p><h2>Sammanfattning</h2><div class=\"figures\">",
            self.date
        );
        for (label, value) in self.key_figures()? {
            let _ = write!(
                h,
                "<div class=\"figure\">{}<b>{}</b></div>",
                escape(&label),
                escape(&value)
            );
        }
        h.push_str("</div>");
        self.maturity(&mut h);
        self.risk_picture(&mut h)?;
        self.action_plan(&mut h)?;
        self.control_outcomes(&mut h);
        let lists: [(&str, Vec<String>); 3] = [
            (
                "Ansvarsmatris",
                self.responsibility
                    .iter()
                    .map(ToString::to_string)
                    .collect(),
            ),
            (
                "Bisysslor",
                self.bisyssla.iter().map(ToString::to_string).collect(),
            ),
            (
                "Kvarstående brister",
                self.gaps
                    .iter()
                    .take(TOP * 2)
                    .map(|g| format!("{} / {}: {}", g.area, g.activity, g.text))
                    .collect(),
            ),
        ];
        for (heading, items) in lists {
            if items.is_empty() {
                continue;
            }
            let _ = write!(h, "<h2>{heading}</h2><ul>");
            for item in items {
                let _ = write!(h, "<li>{}</li>", escape(&item));
            }
            h.push_str("</ul>");
        }
        h.push_str("<p class=\"muted\">Skapad med Lantero FraudFinder.</p></body></html>\n");
        Ok(h)
    }

    fn maturity(&self, h: &mut String) {
        let Some(p) = &self.progress else {
            return;
        };
        let bars: Vec<Bar> = p
            .areas
            .iter()
            .map(|a| Bar {
                label: a.title.clone(),
                value: a.completion.unwrap_or(0.0),
                text: match (a.maturity_level, &a.maturity_label) {
                    (Some(l), Some(label)) => {
                        format!("{} · nivå {l} {label}", percent(a.completion))
                    }
                    _ => percent(a.completion),
                },
            })
            .collect();
        let _ = write!(
            h,
            "<h2>Mognad per område</h2><p>Självskattning {}. Förändring sedan föregående: mognad {}, checklistor {}.</p>{}",
            p.date,
            points(p.change.as_ref().and_then(|c| c.maturity)),
            points(p.change.as_ref().and_then(|c| c.completion)),
            svg::bars(
                "Checklistor på plats och mognadsnivå",
                &bars,
                1.0,
                "#2b5c8a"
            )
        );
    }

    fn risk_picture(&self, h: &mut String) -> Result<()> {
        let Some(ra) = &self.risk_analysis else {
            return Ok(());
        };
        let risks = ra.prioritised()?;
        let _ = write!(
            h,
            "<h2>Riskbild</h2><p>{} ({}): {} risker i {} verksamheter.</p>{}\
             <table><tr><th>#</th><th>Risk</th><th>Verksamhet</th><th>Riskvärde</th><th>Nivå</th><th>Ägare</th></tr>",
            escape(&ra.title),
            ra.date,
            risks.len(),
            ra.units().len(),
            svg::heat_map(ra.matrix(), &ra.heat_map()?)
        );
        for r in risks.iter().take(TOP) {
            let _ = write!(
                h,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{} ({}×{})</td><td>{}</td><td>{}</td></tr>",
                r.rank,
                escape(&r.description),
                escape(&r.unit),
                r.current.value,
                r.current.probability,
                r.current.consequence,
                escape(&r.level),
                escape(&r.owner)
            );
        }
        h.push_str("</table>");
        Ok(())
    }

    fn action_plan(&self, h: &mut String) -> Result<()> {
        let (Some(plan), Some(ra)) = (&self.plan, &self.risk_analysis) else {
            return Ok(());
        };
        let counts = plan.status_counts(self.date);
        let outcome = plan.outcome();
        let segments = [
            Segment {
                label: "Klara".into(),
                count: counts.done,
                colour: "#4c9a5b",
            },
            Segment {
                label: "Pågår".into(),
                count: counts.in_progress,
                colour: "#f0b429",
            },
            Segment {
                label: "Planerade".into(),
                count: counts.planned,
                colour: "#9fb3c8",
            },
            Segment {
                label: "Avbrutna".into(),
                count: counts.cancelled,
                colour: "#c4c4c4",
            },
        ];
        let _ = write!(
            h,
            "<h2>Åtgärdsplan</h2>{}<p>{} försenade aktiviteter. Utfall hittills: minskat svinn {}, återkrävt {}, \
             {} kontroller med {} fynd.</p><h3>Prioritering efter uppföljning</h3><table><tr><th>#</th><th>Aktivitet</th><th>Skäl</th></tr>",
            svg::stacked("Aktiviteter per status", &segments),
            counts.overdue,
            sek(outcome.reduced_loss_sek),
            sek(outcome.recovered_sek),
            outcome.controls_performed,
            outcome.findings
        );
        for p in plan.reprioritise(ra, self.date)? {
            let _ = write!(
                h,
                "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
                p.rank,
                escape(&p.title),
                escape(&p.reason)
            );
        }
        h.push_str("</table>");
        Ok(())
    }

    fn control_outcomes(&self, h: &mut String) {
        let (Some(run), Some(queue)) = (&self.controls, self.queue()) else {
            return;
        };
        let max = run.rules.iter().map(|r| r.flags).max().unwrap_or(0) as f64;
        let bars: Vec<Bar> = run
            .rules
            .iter()
            .map(|r| Bar {
                label: format!("{} v{}", r.rule, r.version),
                value: r.flags as f64,
                text: format!(
                    "{} {}",
                    r.flags,
                    if r.flags == 1 { "flagga" } else { "flaggor" }
                ),
            })
            .collect();
        let _ = write!(
            h,
            "<h2>Kontroller</h2><p>Regeluppsättning {} version {}: {} poster kontrollerade. Granskning från {} poäng, eskalering från {} poäng.</p>{}\
             <h3>Granskningskö</h3><ul>",
            escape(&run.ruleset),
            escape(&run.ruleset_version),
            run.rows(),
            queue.thresholds.review,
            queue.thresholds.escalate,
            svg::bars("Flaggor per regel", &bars, max, "#b3261e")
        );
        for item in queue.items.iter().take(TOP) {
            let class = match item.decision {
                crate::controls::Decision::Escalate => "escalate",
                crate::controls::Decision::Review => "",
            };
            let _ = write!(
                h,
                "<li><span class=\"{class}\">{} {} – {} poäng, {}</span><ul>",
                escape(&item.dataset),
                escape(&item.record),
                item.score,
                item.decision.label_sv()
            );
            for f in &item.flags {
                let _ = write!(h, "<li>{}</li>", escape(&f.explain()));
            }
            h.push_str("</ul></li>");
        }
        h.push_str("</ul>");
        if queue.items.len() > TOP {
            let _ = write!(h, "<p>… och {} poster till.</p>", queue.items.len() - TOP);
        }
    }
}
