//! `lantero redact IN -o OUT.pdf (--accept-all | --review REVIEW.json) [--dpi N] [--searchable]`,
//! and the batch form `lantero redact (DIR | A.pdf B.pdf …) -o OUTDIR --accept-all [--json]
//! [--searchable]`.

use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};
use lantero_redact::pipeline::RedactReport;
use lantero_redact::pipeline::{PendingPolicy, Redactor};
use lantero_redact::render::{MaskWidth, RenderOptions};
use lantero_redact::review::Request;

use super::batch;
use super::limits::LimitArgs;
use super::output::{check_output, write_atomically};
use crate::failure::{CommandResult, Failure};
use crate::stdout::note;

/// Arguments of `lantero redact`.
#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("decisions").required(true).args(["accept_all", "review"])))]
pub struct RedactArgs {
    /// The document: .pdf, an image, or .txt (set on A4 pages first). Several documents, or a
    /// folder of them, are redacted in parallel into the folder given with -o (batch; needs
    /// --accept-all).
    #[arg(value_name = "IN", required = true)]
    files: Vec<PathBuf>,
    /// Where to write the redacted PDF (pages are images only; verified before it is kept); in a
    /// batch, the folder to write `<stem>.pdf` for each document in.
    #[arg(short = 'o', long = "output")]
    output: PathBuf,
    /// Apply every proposal: mask all of them except those released in advance as public
    /// (the profile's details, officials in role, --allow).
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
    /// Add an invisible text layer, read by OCR off the redacted pages, so that search and
    /// screen readers find the visible text; the verifier checks it holds no masked string.
    #[arg(long)]
    searchable: bool,
    /// Also write the decision record (which provisions were applied where) as JSON here.
    #[arg(long, value_name = "FILE.json")]
    record_json: Option<PathBuf>,
    /// Also write the decision record as Swedish Markdown here.
    #[arg(long, value_name = "FILE.md")]
    record_md: Option<PathBuf>,
    /// Print one JSON line per document on stdout: input, output, pages, masks, status
    /// ("ok", "failed", "bad_input") and error.
    #[arg(long)]
    json: bool,
    /// Documents redacted at the same time in a batch [default: the number of cores].
    #[arg(long, value_name = "N")]
    jobs: Option<usize>,
    #[command(flatten)]
    limits: LimitArgs,
    #[command(flatten)]
    public: super::public::PublicArgs,
}

/// What to do with undecided proposals.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub(super) enum Pending {
    Mask,
    Release,
}

/// Runs `lantero redact`: one document, or a batch.
pub fn run(args: RedactArgs) -> CommandResult {
    args.limits.install()?;
    let redactor = Redactor::new()
        .with_options(render_options(&args)?)
        .with_searchable(args.searchable)
        .with_public(args.public.rules()?);
    let pending = match args.pending {
        Pending::Mask => PendingPolicy::Mask,
        Pending::Release => PendingPolicy::Release,
    };
    let batch_mode = args.files.len() > 1 || args.files.iter().any(|f| f.is_dir());
    if batch_mode {
        if args.review.is_some() {
            return Err(Failure::input(
                "--review applies to one document; redact several with --accept-all",
            ));
        }
        if args.record_json.is_some() || args.record_md.is_some() {
            return Err(Failure::input(
                "--record-json and --record-md apply to one document, not a batch",
            ));
        }
        if args.jobs == Some(0) {
            return Err(Failure::input("--jobs 0: must be at least 1"));
        }
        return batch::run(&batch::Batch {
            inputs: &args.files,
            out_dir: &args.output,
            redactor: &redactor,
            pending,
            json: args.json,
            jobs: args.jobs,
        });
    }
    let file = &args.files[0];
    check_output(&args.output, Some("pdf"))?;
    if args.review.is_some() && args.public.given() {
        note!(
            "note: --profile, --allow, --deny and --mask-officials shape the proposals (lantero review); \
             the decisions in --review are applied as they are"
        );
    }
    let request = match &args.review {
        Some(path) => {
            let json = std::fs::read_to_string(path)
                .map_err(|err| Failure::input(format!("{}: {err}", path.display())))?;
            Some(Request::from_json(&json, &path.display().to_string())?)
        }
        None => None,
    };
    // Every failure names the input, also those about the output.
    let result = match (&request, &args.review) {
        (Some(request), Some(path)) => {
            redact_reviewed(&redactor, file, &args.output, request, path, pending)
        }
        _ => redactor.redact(file, &args.output, None, pending),
    }
    .map_err(|err| Failure::from(err).naming(file));
    if args.json {
        let summary = match &result {
            Ok(report) => batch::Summary::done(file, &args.output, report),
            Err(failure) => batch::Summary::failed(file, failure),
        };
        crate::stdout::print(&summary.line())?;
    }
    let report = result?;
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
        note!(
            "note: {} undecided proposals were {treated}",
            report.pending
        );
    }
    if report.hidden_annotations > 0 {
        note!(
            "note: {} annotations or form fields were left out of the output",
            report.hidden_annotations
        );
    }
    note!("{}", done_line(file, &args.output, &report));
    Ok(())
}

/// Redacts `file` with its session in `request` (a review file holds one, a request file one
/// per document): the file is opened once and its hash picks the session.
fn redact_reviewed(
    redactor: &Redactor,
    file: &Path,
    output: &Path,
    request: &Request,
    review: &Path,
    pending: PendingPolicy,
) -> lantero_redact::Result<RedactReport> {
    let document = redactor.open(file)?;
    let session =
        match request.documents.as_slice() {
            // One session: applying it checks the hash and says what was expected.
            [only] => only,
            _ => request.session_for(document.sha256()).ok_or_else(|| {
                lantero_redact::Error::Review {
                    source_name: review.display().to_string(),
                    reason: format!(
                        "{} is not one of the {} documents of this request",
                        file.display(),
                        request.documents.len()
                    ),
                }
            })?,
        };
    redactor.apply(&document, session, output, pending)
}

/// The line printed for a redacted document.
pub(super) fn done_line(
    file: &Path,
    output: &Path,
    report: &lantero_redact::pipeline::RedactReport,
) -> String {
    format!(
        "{}: {} masks on {} pages -> {} ({} bytes, verified)",
        file.display(),
        report.record.masks,
        report.write.pages.len(),
        output.display(),
        report.write.bytes
    )
}

/// The rendering options the flags ask for.
fn render_options(args: &RedactArgs) -> Result<RenderOptions, Failure> {
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
    Ok(RenderOptions {
        dpi: args.dpi as f32,
        mask_width: if args.mask_step > 0.0 {
            MaskWidth::Quantised(args.mask_step)
        } else {
            MaskWidth::Exact
        },
        labels: !args.no_labels,
        ..RenderOptions::default()
    })
}
