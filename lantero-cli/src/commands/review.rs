//! `lantero review IN -o REVIEW.json`: the proposals for a caseworker to decide.

use std::path::PathBuf;

use clap::Args;
use lantero_redact::pipeline::Redactor;

use super::detect::configured_detector;
use super::output::write_atomically;
use crate::failure::{CommandResult, Failure};

/// Arguments of `lantero review`.
#[derive(Debug, Args)]
pub struct ReviewArgs {
    /// The document: .pdf, .txt or an image.
    file: PathBuf,
    /// Where to write the review session (JSON, schema `lantero.review/v1`).
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
    let detector = configured_detector(&args.entities, args.min_score)?;
    let session = Redactor::new()
        .with_detector(detector)
        .with_public(args.public.rules()?)
        .review(&args.file)
        .map_err(|err| Failure::from(err).naming(&args.file))?;
    let json = session.to_json()?;
    write_atomically(&args.output, json.as_bytes()).map_err(|f| f.naming(&args.file))?;
    let released = session
        .proposals
        .iter()
        .filter(|p| p.public.is_some())
        .count();
    crate::stdout::note!(
        "{}: {} proposals on {} pages ({released} public, released in advance) -> {}",
        args.file.display(),
        session.proposals.len(),
        session.pages,
        args.output.display()
    );
    Ok(())
}
