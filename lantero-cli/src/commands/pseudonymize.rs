//! `lantero pseudonymize FILE [--format text|json|jsonl] [--output PATH]`: every finding
//! replaced by a consistent code (`[PERSON_1]`, `[PERSONNUMMER_2]` …), so annotated material can
//! leave the customer's environment without personal data.

use std::path::PathBuf;
use std::sync::Arc;

use clap::{Args, ValueEnum};
use lantero_redact::ner::NerRecognizer;
use lantero_redact::pipeline::Redactor;
use lantero_redact::pseudonymize::pseudonymize_findings;

use crate::commands::detect::configured_detector;
use crate::failure::{CommandResult, Failure};

/// Arguments of `lantero pseudonymize`.
#[derive(Debug, Args)]
pub struct PseudonymizeArgs {
    /// The document: .pdf, .txt (UTF-8) or an image.
    file: PathBuf,
    /// `text`: the pseudonymised pages (separated by form feeds); `json`: pages and where each
    /// code sits; `jsonl`: one `{"text", "spans"}` line per page, the training pipeline's format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Write here instead of standard output.
    #[arg(long, short)]
    output: Option<PathBuf>,
    /// Only replace these entities, comma-separated.
    #[arg(long, value_delimiter = ',')]
    entities: Vec<String>,
    /// Ignore findings scoring below this (0.0–1.0).
    #[arg(long, default_value_t = 0.0)]
    min_score: f32,
}

/// Output formats.
#[derive(Debug, Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
    Jsonl,
}

/// Runs `lantero pseudonymize`.
pub fn run(args: PseudonymizeArgs) -> CommandResult {
    let mut detector = configured_detector(&args.entities, args.min_score)?;
    detector.add_recognizer(Arc::new(NerRecognizer::shipped()));
    let analysis = Redactor::new()
        .with_detector(detector)
        .analyze(&args.file)?;
    let pages = analysis.page_texts();
    let result = pseudonymize_findings(&pages, &analysis.findings);
    let body = match args.format {
        Format::Text => result.pages.join("\u{c}") + "\n",
        Format::Json => {
            serde_json::to_string_pretty(&result)
                .map_err(|err| Failure::processing(format!("writing JSON: {err}")))?
                + "\n"
        }
        Format::Jsonl => result.to_jsonl(),
    };
    match &args.output {
        Some(path) => super::output::write_atomically(path, body.as_bytes())?,
        None => crate::stdout::print(&body)?,
    }
    crate::stdout::note!(
        "{}: {} values replaced by {} codes",
        args.file.display(),
        result.replacements.len(),
        result
            .replacements
            .iter()
            .map(|r| r.code.as_str())
            .collect::<std::collections::BTreeSet<_>>()
            .len()
    );
    Ok(())
}
