//! `lantero`: the command line over the Lantero crates (contract: `contracts/cli.md`).
//!
//! Exit codes: 0 success, 1 processing failure, 2 bad usage or bad input, always with a one-line
//! message on stderr that names the input and the problem.

mod commands;
mod failure;

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
        Command::Cases(cmd) => commands::cases::run(cmd),
        Command::Eval(command) => commands::eval::run(command),
        Command::Pseudonymize(args) => commands::pseudonymize::run(args),
        Command::Doctor => commands::doctor::run(),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            eprintln!("lantero: {}", failure.message);
            ExitCode::from(failure.code)
        }
    }
}
