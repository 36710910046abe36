//! `lantero decision REVIEW.json --authority A --decision-maker N -o BESLUT.pdf`: the decision
//! on the request as the requester receives it, from the built-in or the authority's template.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::Args;
use lantero_redact::record::{Decision, DecisionDetails};
use lantero_redact::review::Request;

use super::output::{check_output, write_atomically};
use super::redact::Pending;
use crate::failure::{CommandResult, Failure};
use crate::stdout::note;

/// Arguments of `lantero decision`.
#[derive(Debug, Args)]
pub struct DecisionArgs {
    /// Print the built-in template (to start an authority's own from) and stop.
    #[arg(long, exclusive = true)]
    print_template: bool,
    /// The review or request file the decisions were recorded in.
    #[arg(value_name = "REVIEW.json", required_unless_present = "print_template")]
    file: Option<PathBuf>,
    /// Where to write the decision as PDF.
    #[arg(
        short = 'o',
        long = "output",
        value_name = "BESLUT.pdf",
        required_unless_present = "print_template"
    )]
    output: Option<PathBuf>,
    /// Also write it as Markdown here.
    #[arg(long, value_name = "BESLUT.md")]
    markdown: Option<PathBuf>,
    /// Also write what the template was given (JSON, schema `lantero.decision/v1`) here.
    #[arg(long, value_name = "BESLUT.json")]
    json: Option<PathBuf>,
    /// The deciding authority, e.g. "Älvstrands kommun, socialnämnden".
    #[arg(long, required_unless_present = "print_template")]
    authority: Option<String>,
    /// Who decides, by name.
    #[arg(long, required_unless_present = "print_template")]
    decision_maker: Option<String>,
    /// The decision-maker's title, e.g. "enhetschef".
    #[arg(long)]
    title: Option<String>,
    /// The request's diary number.
    #[arg(long)]
    diary_number: Option<String>,
    /// Who asked (leave out for an anonymous requester).
    #[arg(long)]
    requester: Option<String>,
    /// When the request came in (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    received: Option<NaiveDate>,
    /// The decision's date (YYYY-MM-DD) [default: today].
    #[arg(long, value_parser = parse_date)]
    date: Option<NaiveDate>,
    /// The authority's own template (minijinja); see the built-in one with
    /// `lantero decision --print-template`.
    #[arg(long, value_name = "FILE.md.j2")]
    template: Option<PathBuf>,
    /// What was done with proposals still pending when the documents were redacted.
    #[arg(long, value_enum, default_value_t = Pending::Mask)]
    pending: Pending,
}

fn parse_date(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| format!("{text:?} is not YYYY-MM-DD"))
}

/// Runs `lantero decision`.
pub fn run(args: DecisionArgs) -> CommandResult {
    let (Some(file), Some(output), Some(authority), Some(decision_maker)) = (
        &args.file,
        &args.output,
        &args.authority,
        &args.decision_maker,
    ) else {
        crate::stdout::print(lantero_redact::record::template::BUILTIN)?;
        return Ok(());
    };
    check_output(output, Some("pdf"))?;
    let source = file.display().to_string();
    let json =
        std::fs::read_to_string(file).map_err(|err| Failure::input(format!("{source}: {err}")))?;
    let request = Request::from_json(&json, &source)?;
    let template = match &args.template {
        Some(path) => Some(
            std::fs::read_to_string(path)
                .map_err(|err| Failure::input(format!("{}: {err}", path.display())))?,
        ),
        None => None,
    };
    let named = |err: lantero_redact::Error| match &args.template {
        Some(path) => Failure::input(format!("{}: {err}", path.display())),
        None => Failure::from(err),
    };
    for (flag, value) in [
        ("--authority", authority),
        ("--decision-maker", decision_maker),
    ] {
        if value.trim().is_empty() {
            return Err(Failure::input(format!("{flag} is empty")));
        }
    }
    let details = DecisionDetails {
        authority: authority.trim().to_owned(),
        date: args
            .date
            .unwrap_or_else(|| chrono::Local::now().date_naive()),
        diary_number: args.diary_number.clone(),
        decision_maker: decision_maker.trim().to_owned(),
        decision_maker_title: args.title.clone(),
        requester: args.requester.clone(),
        received: args.received,
    };
    let decision = Decision::from_request(&request, details, matches!(args.pending, Pending::Mask));
    let markdown = decision.to_markdown(template.as_deref()).map_err(named)?;
    let pdf = lantero_redact::record::markdown_to_pdf(&markdown, &output.display().to_string())?;
    write_atomically(output, &pdf)?;
    if let Some(path) = &args.markdown {
        write_atomically(path, markdown.as_bytes())?;
    }
    if let Some(path) = &args.json {
        let json = serde_json::to_string_pretty(&decision)
            .map_err(|err| Failure::processing(format!("decision: {err}")))?;
        write_atomically(path, json.as_bytes())?;
    }
    if decision.pending > 0 {
        note!(
            "warning: {} proposals are still undecided; the decision describes them as {}",
            decision.pending,
            if matches!(args.pending, Pending::Mask) {
                "masked"
            } else {
                "released"
            }
        );
    }
    if let Some(ground) = decision.grounds.iter().find(|g| g.subject.is_none()) {
        note!(
            "warning: {} masks rely on no secrecy provision ({}); a decision to withhold needs one",
            ground.masks,
            ground.what
        );
    }
    if !decision.unrecorded.is_empty() {
        note!(
            "warning: {} decisions in {source} have no record of who made them or when (edited by hand?): {}; record them with `lantero decide`",
            decision.unrecorded.len(),
            decision.unrecorded.join(", ")
        );
    }
    note!(
        "{source}: decision on {} documents, {} masks -> {}",
        decision.documents.len(),
        decision.masks,
        output.display()
    );
    Ok(())
}
