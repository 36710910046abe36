//! `lantero detect FILE [--format json|text] [--entities A,B,..] [--min-score X]`.

use std::path::PathBuf;

use clap::{Args, ValueEnum};
use lantero_redact::detect::{Detector, Entity, Finding};
use lantero_redact::pipeline::Redactor;
use serde::Serialize;

use crate::failure::{CommandResult, Failure};

/// Arguments of `lantero detect`.
#[derive(Debug, Args)]
pub struct DetectArgs {
    /// The document: .pdf, .txt (UTF-8) or an image (.png, .jpg, .jpeg, .tif, .tiff).
    file: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Only these entities, comma-separated (e.g. PERSONNUMMER,PHONE).
    #[arg(long, value_delimiter = ',')]
    entities: Vec<String>,
    /// Drop findings scoring below this (0.0–1.0).
    #[arg(long, default_value_t = 0.0)]
    min_score: f32,
    #[command(flatten)]
    limits: super::limits::LimitArgs,
    #[command(flatten)]
    public: super::public::PublicArgs,
}

/// Output formats.
#[derive(Debug, Clone, Copy, ValueEnum)]
enum Format {
    Json,
    Text,
}

/// The contract's JSON document.
#[derive(Serialize)]
struct Report<'a> {
    schema: &'static str,
    document: &'a str,
    pages: usize,
    findings: &'a [Finding],
}

/// Runs `lantero detect`.
pub fn run(args: DetectArgs) -> CommandResult {
    args.limits.install()?;
    let detector = configured_detector(&args.entities, args.min_score)?;
    let analysis = Redactor::new()
        .with_detector(detector)
        .with_public(args.public.rules()?)
        .analyze(&args.file)?;
    let findings = &analysis.findings;
    let pages = analysis.document.pages().len();
    let document = args.file.to_string_lossy();
    match args.format {
        Format::Json => {
            let report = Report {
                schema: "lantero.detect/v1",
                document: &document,
                pages,
                findings,
            };
            let json = serde_json::to_string_pretty(&report)
                .map_err(|err| Failure::processing(format!("writing JSON: {err}")))?;
            crate::stdout::print(&format!("{json}\n"))?;
        }
        Format::Text => {
            for f in findings {
                let public = f
                    .public
                    .as_ref()
                    .map(|why| format!("\tpublic: {why}"))
                    .unwrap_or_default();
                crate::stdout::outln!(
                    "{}\tpage {}\t{}..{}\t{}\t{:.2}\t{}\t{}{public}",
                    f.id,
                    f.page,
                    f.start,
                    f.end,
                    f.entity,
                    f.score,
                    f.text,
                    f.reason
                );
            }
            crate::stdout::note!("{document}: {} findings on {pages} pages", findings.len());
        }
    }
    Ok(())
}

/// The built-in detector limited to `entities` (all when empty) and `min_score`.
pub fn configured_detector(entities: &[String], min_score: f32) -> Result<Detector, Failure> {
    if !(0.0..=1.0).contains(&min_score) {
        return Err(Failure::input(format!(
            "--min-score {min_score} is outside 0.0–1.0"
        )));
    }
    let mut detector = Detector::builtin().with_min_score(min_score);
    if !entities.is_empty() {
        let entities = entities
            .iter()
            .map(|name| name.parse::<Entity>())
            .collect::<Result<Vec<_>, _>>()
            .map_err(|err| Failure::input(format!("--entities: {err}")))?;
        detector = detector.with_entities(entities);
    }
    Ok(detector)
}
