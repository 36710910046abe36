//! `lantero`: the command line over the Lantero crates (contract: `contracts/cli.md`).
//!
//! Exit codes: 0 success, 1 processing failure, 2 bad usage or bad input, always with a one-line
//! message on stderr that names the input and the problem.

mod commands;
mod failure;
mod stdout;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Lantero: find and mask personal data in documents released to the public.
#[derive(Debug, Parser)]
#[command(name = "lantero", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Find personal and other sensitive data in a document.
    Detect(commands::detect::DetectArgs),
    /// Write a review session: the proposals for a caseworker to decide.
    Review(commands::review::ReviewArgs),
    /// Write a redacted, verified, image-only PDF.
    Redact(commands::redact::RedactArgs),
    /// Record decisions (mask or release) in a review or request file, with who and when.
    Decide(commands::decide::DecideArgs),
    /// Write the decision on a request (Swedish "beslut") as PDF and Markdown.
    Decision(commands::decision::DecisionArgs),
    /// Operator commands over a case database: deadlines and retention.
    #[command(subcommand)]
    Cases(commands::cases::CasesCommand),
    /// Evaluate the named-entity model on annotated data.
    #[command(subcommand)]
    Eval(commands::eval::EvalCommand),
    /// Replace every finding with a consistent code (`[PERSON_1]` …) so material can leave the
    /// customer's environment without personal data.
    Pseudonymize(commands::pseudonymize::PseudonymizeArgs),
    /// Show where the native runtimes (PDFium, ONNX Runtime) are found.
    Doctor,
}

fn main() -> ExitCode {
    one_line_panics();
    remove_partial_output_on_signals();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            // Help and version are not failures; every other parse error is bad usage (2).
            let code = if err.use_stderr() { 2 } else { 0 };
            let _ = err.print();
            return ExitCode::from(code);
        }
    };
    let result = match cli.command {
        Command::Detect(args) => commands::detect::run(args),
        Command::Review(args) => commands::review::run(args),
        Command::Redact(args) => commands::redact::run(args),
        Command::Decide(args) => commands::decide::run(args),
        Command::Decision(args) => commands::decision::run(args),
        Command::Cases(cmd) => commands::cases::run(cmd),
        Command::Eval(command) => commands::eval::run(command),
        Command::Pseudonymize(args) => commands::pseudonymize::run(args),
        Command::Doctor => commands::doctor::run(),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            if !failure.message.is_empty() {
                stdout::note!("lantero: {}", failure.message);
            }
            ExitCode::from(failure.code)
        }
    }
}

/// On SIGINT, SIGTERM or SIGHUP: remove the temporary files of outputs being written (so a
/// stopped run leaves no `.part` file) and exit with 128 + the signal's number, as a shell does.
fn remove_partial_output_on_signals() {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) else {
        return;
    };
    let spawned = std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            if let Some(signal) = signals.forever().next() {
                lantero_redact::write::remove_live_parts();
                let name = signal_hook::low_level::signal_name(signal).unwrap_or("a signal");
                stdout::note!("lantero: stopped by {name}; unfinished output removed");
                std::process::exit(128 + signal);
            }
        });
    drop(spawned);
}

/// A panic (a bug) is reported on one line, like every other failure, without a backtrace.
fn one_line_panics() {
    std::panic::set_hook(Box::new(|info| {
        let payload = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        let place = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let message = format!("lantero: internal error{place}: {payload}");
        stdout::note!(
            "{}",
            message.split_whitespace().collect::<Vec<_>>().join(" ")
        );
    }));
}
