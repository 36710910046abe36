//! `lantero decide REVIEW.json --by NAME (--accept ID… | --reject ID… | --accept-pending |
//! --reject-pending) [--provision P]`: records decisions in a review or request file, each with
//! who decided and when, so that the decision document can say so.

use std::path::PathBuf;

use clap::Args;
use lantero_redact::review::{Decision, Request};

use super::output::write_atomically;
use crate::failure::{CommandResult, Failure};
use crate::stdout::note;

/// Arguments of `lantero decide`.
#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("what").required(true).multiple(true)
    .args(["accept", "reject", "accept_pending", "reject_pending"])))]
pub struct DecideArgs {
    /// The review or request file (`lantero review`); rewritten in place.
    #[arg(value_name = "REVIEW.json")]
    file: PathBuf,
    /// Who decides (name or user id), recorded with every decision.
    #[arg(long)]
    by: String,
    /// Mask these proposals (ids, comma-separated or repeated).
    #[arg(long, value_delimiter = ',', value_name = "ID")]
    accept: Vec<String>,
    /// Release these proposals.
    #[arg(long, value_delimiter = ',', value_name = "ID")]
    reject: Vec<String>,
    /// Mask every proposal still pending.
    #[arg(long)]
    accept_pending: bool,
    /// Release every proposal still pending.
    #[arg(long, conflicts_with = "accept_pending")]
    reject_pending: bool,
    /// The provision the masks rely on (e.g. "OSL 26:1"); without it, each proposal's first
    /// candidate.
    #[arg(long)]
    provision: Option<String>,
}

/// Runs `lantero decide`.
pub fn run(args: DecideArgs) -> CommandResult {
    let by = args.by.trim();
    if by.is_empty() {
        return Err(Failure::input("--by: say who decides"));
    }
    let source = args.file.display().to_string();
    let json = std::fs::read_to_string(&args.file)
        .map_err(|err| Failure::input(format!("{source}: {err}")))?;
    let mut request = Request::from_json(&json, &source)?;
    if let Some(provision) = &args.provision {
        lantero_core::secrecy::Catalogue::builtin()
            .get(provision)
            .map_err(|err| Failure::input(format!("--provision {provision}: {err}")))?;
    }
    let (mut accepted, mut rejected) = (0, 0);
    for id in &args.accept {
        let provision = args
            .provision
            .clone()
            .or_else(|| first_candidate(&request, id));
        request
            .accept(id, by, provision.as_deref())
            .map_err(|err| Failure::input(format!("{source}: {err}")))?;
        accepted += 1;
    }
    for id in &args.reject {
        request
            .reject(id, by)
            .map_err(|err| Failure::input(format!("{source}: {err}")))?;
        rejected += 1;
    }
    if args.accept_pending || args.reject_pending {
        let pending: Vec<String> = request
            .proposals()
            .filter(|p| p.decision == Decision::Pending)
            .map(|p| p.id.clone())
            .collect();
        for id in pending {
            if args.accept_pending {
                let provision = args
                    .provision
                    .clone()
                    .or_else(|| first_candidate(&request, &id));
                request.accept(&id, by, provision.as_deref())?;
                accepted += 1;
            } else {
                request.reject(&id, by)?;
                rejected += 1;
            }
        }
    }
    write_atomically(&args.file, request.to_json()?.as_bytes())?;
    let pending = request
        .proposals()
        .filter(|p| p.decision == Decision::Pending)
        .count();
    note!("{source}: {accepted} masked, {rejected} released by {by}; {pending} still pending");
    Ok(())
}

fn first_candidate(request: &Request, id: &str) -> Option<String> {
    request
        .proposals()
        .find(|p| p.id == id)
        .and_then(|p| p.provisions.first().cloned())
}
