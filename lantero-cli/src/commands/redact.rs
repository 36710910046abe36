//! `lantero redact IN -o OUT.pdf (--accept-all | --review REVIEW.json) [--dpi N]`.

use std::path::PathBuf;

use clap::{Args, ValueEnum};
use lantero_redact::pipeline::{PendingPolicy, Redactor};
use lantero_redact::render::{MaskWidth, RenderOptions};
use lantero_redact::review::ReviewSession;

use super::output::write_atomically;
use crate::failure::{CommandResult, Failure};

/// Arguments of `lantero redact`.
#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("decisions").required(true).args(["accept_all", "review"])))]
pub struct RedactArgs {
    /// The document: .pdf, an image, or .txt (set on A4 pages first).
    file: PathBuf,
    /// Where to write the redacted PDF (pages are images only; verified before it is kept).
    #[arg(short = 'o', long = "output")]
    output: PathBuf,
    /// Apply every proposal.
    #[arg(long)]
    accept_all: bool,
    /// Apply the decisions in this review session (see `lantero review`).
    #[arg(long, value_name = "REVIEW.json")]
    review: Option<PathBuf>,
    /// Resolution of the page images.
    #[arg(long, default_value_t = 150)]
    dpi: u32,
    /// What to do with proposals still pending in the review: mask them (default) or release them.
    #[arg(long, value_enum, default_value_t = Pending::Mask)]
    pending: Pending,
    /// Mask width: a multiple of this many points, so masks do not reveal word lengths (0 = exact).
    #[arg(long, default_value_t = 36.0)]
    mask_step: f32,
    /// Do not print the provision (e.g. "OSL 26:1") inside masks.
    #[arg(long)]
    no_labels: bool,
    /// Also write the decision record (which provisions were applied where) as JSON here.
    #[arg(long, value_name = "FILE.json")]
    record_json: Option<PathBuf>,
    /// Also write the decision record as Swedish Markdown here.
    #[arg(long, value_name = "FILE.md")]
    record_md: Option<PathBuf>,
}

/// What to do with undecided proposals.
#[derive(Debug, Clone, Copy, ValueEnum)]
enum Pending {
    Mask,
    Release,
}

/// Runs `lantero redact`.
pub fn run(args: RedactArgs) -> CommandResult {
    if !(36..=600).contains(&args.dpi) {
        return Err(Failure::input(format!(
            "--dpi {} is outside 36–600",
            args.dpi
        )));
    }
    if !(args.mask_step.is_finite() && (0.0..=288.0).contains(&args.mask_step)) {
        return Err(Failure::input(format!(
            "--mask-step {} is outside 0–288 points",
            args.mask_step
        )));
    }
    let session = match &args.review {
        Some(path) => {
            let json = std::fs::read_to_string(path)
                .map_err(|err| Failure::input(format!("{}: {err}", path.display())))?;
            Some(ReviewSession::from_json(
                &json,
                &path.display().to_string(),
            )?)
        }
        None => None,
    };
    let options = RenderOptions {
        dpi: args.dpi as f32,
        mask_width: if args.mask_step > 0.0 {
            MaskWidth::Quantised(args.mask_step)
        } else {
            MaskWidth::Exact
        },
        labels: !args.no_labels,
        ..RenderOptions::default()
    };
    let pending = match args.pending {
        Pending::Mask => PendingPolicy::Mask,
        Pending::Release => PendingPolicy::Release,
    };
    let report = Redactor::new().with_options(options).redact(
        &args.file,
        &args.output,
        session.as_ref(),
        pending,
    )?;
    if let Some(path) = &args.record_json {
        let json = serde_json::to_string_pretty(&report.record)
            .map_err(|err| Failure::processing(format!("decision record: {err}")))?;
        write_atomically(path, json.as_bytes())?;
    }
    if let Some(path) = &args.record_md {
        write_atomically(path, report.record.to_markdown().as_bytes())?;
    }
    if report.pending > 0 {
        let treated = match pending {
            PendingPolicy::Mask => "masked",
            PendingPolicy::Release => "released",
        };
        eprintln!(
            "note: {} undecided proposals were {treated}",
            report.pending
        );
    }
    if report.hidden_annotations > 0 {
        eprintln!(
            "note: {} annotations or form fields were left out of the output",
            report.hidden_annotations
        );
    }
    eprintln!(
        "{}: {} masks on {} pages -> {} ({} bytes, verified)",
        args.file.display(),
        report.record.masks,
        report.write.pages.len(),
        args.output.display(),
        report.write.bytes
    );
    Ok(())
}
