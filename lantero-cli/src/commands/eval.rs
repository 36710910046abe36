//! `lantero eval ner FILE.conll [--detector] [--format text|json]`: the named-entity model's
//! (or, with `--detector`, the built-in detector's) exact-span precision, recall, F1 and F2 and
//! coverage recall, per entity type.

use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};
use lantero_redact::detect::Detector;
use lantero_redact::ner::NerModel;
use lantero_redact::ner::eval::{EvalReport, Predictor, evaluate_conll, evaluate_conll_detector};

use crate::failure::{CommandResult, Failure};

/// What `lantero eval` measures.
#[derive(Debug, Subcommand)]
pub enum EvalCommand {
    /// The shipped named-entity model on an annotated CoNLL file (token and tag a line,
    /// blank line between sentences; tags PER/LOC/ORG/MISC or PERSON/LOCATION/ORGANIZATION,
    /// with or without B-/I-, `O` or `0` outside).
    Ner(NerEvalArgs),
}

/// Arguments of `lantero eval ner`.
#[derive(Debug, Args)]
pub struct NerEvalArgs {
    /// The annotated file.
    file: PathBuf,
    /// Evaluate what the redaction proposes instead of the model alone: the built-in detector
    /// (the model with the name lists) and the resolver's propagation, each sentence a document;
    /// only PERSON is scored, as the built-in detector proposes no places or organisations.
    #[arg(long)]
    detector: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

/// Output formats.
#[derive(Debug, Clone, Copy, ValueEnum)]
enum Format {
    Json,
    Text,
}

/// Runs `lantero eval`.
pub fn run(command: EvalCommand) -> CommandResult {
    match command {
        EvalCommand::Ner(args) => ner(args),
    }
}

fn ner(args: NerEvalArgs) -> CommandResult {
    let report = if args.detector {
        evaluate_conll_detector(&args.file, &Detector::builtin())?
    } else {
        evaluate_conll(&args.file, NerModel::shipped()?)?
    };
    match args.format {
        Format::Json => {
            let json = serde_json::to_string_pretty(&report)
                .map_err(|err| Failure::processing(format!("writing JSON: {err}")))?;
            crate::stdout::print(&format!("{json}\n"))?;
        }
        Format::Text => crate::stdout::print(&table(&report))?,
    }
    Ok(())
}

/// The report as an aligned text table.
fn table(report: &EvalReport) -> String {
    let what = match report.predictor {
        Predictor::Model => "the named-entity model",
        Predictor::Detector => "the built-in detector and resolver",
    };
    let mut out = format!(
        "{} ({} sentences, {what})\n{:<14}{:>6}{:>6}{:>11}{:>8}{:>8}{:>8}{:>10}\n",
        report.file,
        report.sentences,
        "entity",
        "gold",
        "pred",
        "precision",
        "recall",
        "F1",
        "F2",
        "coverage"
    );
    let order = ["PER", "LOC", "ORG", "MISC", "ALL"];
    let names = ["PERSON", "LOCATION", "ORGANIZATION", "MISC", "ALL"];
    for (key, name) in order.iter().zip(names) {
        if let Some(s) = report.entities.get(*key) {
            out.push_str(&format!(
                "{name:<14}{:>6}{:>6}{:>11.3}{:>8.3}{:>8.3}{:>8.3}{:>10.3}\n",
                s.gold, s.predicted, s.precision, s.recall, s.f1, s.f2, s.coverage
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use lantero_redact::ner::eval::{parse_conll, score};

    #[test]
    fn table_lists_entities_in_contract_names() {
        let docs = parse_conll("Karin PER\nbor 0\ni 0\nLillby LOC\n", "t.conll").unwrap();
        let d = &docs[0];
        let entities = score(&[(d.text.as_str(), d.spans.as_slice(), d.spans.as_slice())]);
        let report = EvalReport {
            schema: "lantero-ner-eval/1".into(),
            file: "t.conll".into(),
            predictor: Predictor::Detector,
            sentences: 1,
            entities,
        };
        let text = table(&report);
        assert!(text.starts_with("t.conll (1 sentences, the built-in detector and resolver)"));
        assert!(text.contains("PERSON"));
        assert!(text.contains("LOCATION"));
        assert!(!text.contains("ORGANIZATION"));
        assert!(
            text.lines()
                .any(|l| l.starts_with("ALL") && l.contains("1.000"))
        );
    }
}
