//! `lantero detect FILE [--format json|text] [--entities A,B,..] [--min-score X]`.

use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};
use lantero_redact::detect::{Detector, Entity, Finding};
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
    if !(0.0..=1.0).contains(&args.min_score) {
        return Err(Failure::input(format!(
            "--min-score {} is outside 0.0–1.0",
            args.min_score
        )));
    }
    let mut detector = Detector::builtin().with_min_score(args.min_score);
    if !args.entities.is_empty() {
        let entities = args
            .entities
            .iter()
            .map(|name| name.parse::<Entity>())
            .collect::<Result<Vec<_>, _>>()
            .map_err(|err| Failure::input(format!("--entities: {err}")))?;
        detector = detector.with_entities(entities);
    }

    let pages = read_pages(&args.file)?;
    let findings = detector
        .detect_pages(&pages)
        .map_err(|err| Failure::processing(format!("{}: {err}", args.file.display())))?;

    let document = args.file.to_string_lossy();
    match args.format {
        Format::Json => {
            let report = Report {
                schema: "lantero.detect/v1",
                document: &document,
                pages: pages.len(),
                findings: &findings,
            };
            let json = serde_json::to_string_pretty(&report)
                .map_err(|err| Failure::processing(format!("writing JSON: {err}")))?;
            println!("{json}");
        }
        Format::Text => {
            for f in &findings {
                println!(
                    "{}\tpage {}\t{}..{}\t{}\t{:.2}\t{}\t{}",
                    f.id, f.page, f.start, f.end, f.entity, f.score, f.text, f.reason
                );
            }
            eprintln!("{document}: {} findings on {} pages", findings.len(), pages.len());
        }
    }
    Ok(())
}

/// The document's pages as text.
fn read_pages(path: &Path) -> Result<Vec<String>, Failure> {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    match extension.as_str() {
        "txt" => {
            let bytes = std::fs::read(path)
                .map_err(|err| Failure::input(format!("{}: {err}", path.display())))?;
            let text = String::from_utf8(bytes).map_err(|err| {
                Failure::input(format!(
                    "{}: not UTF-8 text (invalid byte at offset {})",
                    path.display(),
                    err.utf8_error().valid_up_to()
                ))
            })?;
            Ok(vec![text])
        }
        "pdf" | "png" | "jpg" | "jpeg" | "tif" | "tiff" => Err(Failure::input(format!(
            "{}: PDF and image input is not supported by this build yet (only .txt)",
            path.display()
        ))),
        _ => Err(Failure::input(format!(
            "{}: unsupported file type (expected .pdf, .txt, .png, .jpg, .jpeg, .tif or .tiff)",
            path.display()
        ))),
    }
}
