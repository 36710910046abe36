//! `lantero review IN -o REVIEW.json`: the proposals for a caseworker to decide; with several
//! documents, `lantero review A.pdf B.pdf … -o REQUEST.json`: one request, each document's
//! names and identifiers proposed in the others too.

use std::path::{Path, PathBuf};

use clap::Args;
use lantero_redact::pipeline::Redactor;

use super::detect::configured_detector;
use super::output::write_atomically;
use crate::failure::{CommandResult, Failure};

/// Arguments of `lantero review`.
#[derive(Debug, Args)]
pub struct ReviewArgs {
    /// The document: .pdf, .txt or an image. Several documents released on one request are
    /// reviewed together into one request file (schema `lantero.request/v1`).
    #[arg(value_name = "IN", required = true)]
    files: Vec<PathBuf>,
    /// Where to write the review session (JSON, schema `lantero.review/v1`), or the request
    /// for several documents.
    #[arg(short = 'o', long = "output")]
    output: PathBuf,
    /// Only these entities, comma-separated.
    #[arg(long, value_delimiter = ',')]
    entities: Vec<String>,
    /// Leave out proposals scoring below this (0.0–1.0).
    #[arg(long, default_value_t = 0.0)]
    min_score: f32,
    #[command(flatten)]
    limits: super::limits::LimitArgs,
    #[command(flatten)]
    public: super::public::PublicArgs,
}

/// Runs `lantero review`.
pub fn run(args: ReviewArgs) -> CommandResult {
    args.limits.install()?;
    super::output::check_output(&args.output, None)?;
    if let Some(dir) = args.files.iter().find(|f| f.is_dir()) {
        return Err(Failure::input(format!(
            "{}: a folder; name the documents of the request",
            dir.display()
        )));
    }
    let detector = configured_detector(&args.entities, args.min_score)?;
    let redactor = Redactor::new()
        .with_detector(detector)
        .with_public(args.public.rules()?);
    if let [file] = args.files.as_slice() {
        let session = redactor
            .review(file)
            .map_err(|err| Failure::from(err).naming(file))?;
        write_atomically(&args.output, session.to_json()?.as_bytes())
            .map_err(|f| f.naming(file))?;
        crate::stdout::note!(
            "{}: {} proposals on {} pages ({} public, released in advance) -> {}",
            file.display(),
            session.proposals.len(),
            session.pages,
            released(&session),
            args.output.display()
        );
        return Ok(());
    }
    let paths: Vec<&Path> = args.files.iter().map(PathBuf::as_path).collect();
    let request = redactor.review_request(&paths)?;
    write_atomically(&args.output, request.to_json()?.as_bytes())?;
    for (file, session) in args.files.iter().zip(&request.documents) {
        crate::stdout::note!(
            "{}: {} proposals on {} pages ({} public, released in advance)",
            file.display(),
            session.proposals.len(),
            session.pages,
            released(session)
        );
    }
    crate::stdout::note!(
        "request of {} documents -> {}",
        request.documents.len(),
        args.output.display()
    );
    Ok(())
}

/// How many proposals the public rules released in advance.
fn released(session: &lantero_redact::review::ReviewSession) -> usize {
    session
        .proposals
        .iter()
        .filter(|p| p.public.is_some())
        .count()
}
