//! `lantero redact (DIR | A.pdf B.pdf …) -o OUTDIR --accept-all [--json] [--jobs N]`: many
//! documents, redacted in parallel, each to `OUTDIR/<stem>.pdf`.
//!
//! Each document goes through the library's [`Redactor::redact`] on a small pool of threads
//! (one per core unless `--jobs` says otherwise). On a terminal, stderr shows a progress bar;
//! every document gets one line on stderr (and, with `--json`, one JSON line on stdout) in the
//! order the inputs were given. The exit code is the worst outcome: 2 if any input was bad,
//! else 1 if any document failed, else 0.

use std::collections::{HashMap, HashSet};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use lantero_redact::pipeline::{BatchItem, PendingPolicy, RedactReport, Redactor};
use serde::Serialize;

use super::output::check_output;
use crate::failure::{CommandResult, Failure};
use crate::stdout::note;

/// File types a folder is searched for.
const DOCUMENT_EXTENSIONS: [&str; 7] = ["pdf", "txt", "png", "jpg", "jpeg", "tif", "tiff"];

/// What a batch is asked to do.
pub struct Batch<'a> {
    /// Documents and folders of documents, as given.
    pub inputs: &'a [PathBuf],
    /// The folder the redacted PDFs are written to (created if missing).
    pub out_dir: &'a Path,
    /// The configured pipeline, shared by the worker threads.
    pub redactor: &'a Redactor,
    /// What to do with undecided proposals.
    pub pending: PendingPolicy,
    /// Print one JSON line per document on stdout.
    pub json: bool,
    /// Documents redacted at the same time (default: the number of cores).
    pub jobs: Option<usize>,
}

/// The JSON line printed for each document with `--json`.
#[derive(Debug, Serialize)]
pub struct Summary {
    /// The document as given (or as found in a folder).
    input: String,
    /// The redacted PDF written, or `null` when none was.
    output: Option<String>,
    /// Pages written.
    pages: Option<usize>,
    /// Masks painted.
    masks: Option<usize>,
    /// `"ok"`, `"failed"` (processing failure, exit 1) or `"bad_input"` (exit 2).
    status: &'static str,
    /// The one-line message when not ok.
    error: Option<String>,
    #[serde(skip)]
    code: u8,
    #[serde(skip)]
    human: String,
}

impl Summary {
    /// A document redacted to `output`.
    pub fn done(input: &Path, output: &Path, report: &RedactReport) -> Self {
        let mut human = super::redact::done_line(input, output, report);
        if report.hidden_annotations > 0 {
            human.push_str(&format!(
                "; {} annotations or form fields left out",
                report.hidden_annotations
            ));
        }
        Self {
            input: input.display().to_string(),
            output: Some(output.display().to_string()),
            pages: Some(report.write.pages.len()),
            masks: Some(report.record.masks),
            status: "ok",
            error: None,
            code: 0,
            human,
        }
    }

    /// A document that was not redacted.
    pub fn failed(input: &Path, failure: &Failure) -> Self {
        let message = Failure {
            code: failure.code,
            message: failure.message.clone(),
        }
        .naming(input)
        .message;
        Self {
            input: input.display().to_string(),
            output: None,
            pages: None,
            masks: None,
            status: if failure.code == 2 {
                "bad_input"
            } else {
                "failed"
            },
            error: Some(message.clone()),
            code: failure.code,
            human: format!("lantero: {message}"),
        }
    }

    /// The JSON line, newline included.
    pub fn line(&self) -> String {
        // A struct of strings and numbers always serialises.
        serde_json::to_string(self).unwrap_or_default() + "\n"
    }
}

/// One document of the batch: to redact, or refused before starting.
enum Job {
    Redact { input: PathBuf, output: PathBuf },
    Refused { input: PathBuf, failure: Failure },
}

/// Runs the batch; the exit code is the worst outcome.
pub fn run(batch: &Batch) -> CommandResult {
    prepare_out_dir(batch.out_dir)?;
    let jobs = plan(batch.inputs, batch.out_dir);
    if jobs.is_empty() {
        return Err(Failure::input("no documents to redact"));
    }
    let workers = batch
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(2, |n| n.get()))
        .clamp(1, jobs.len());
    let progress = progress_bar(jobs.len() as u64);
    // Outputs are checked before starting; refused documents never reach the pool.
    let mut summaries: Vec<Option<Summary>> = jobs.iter().map(refused).collect();
    let mut items = Vec::new();
    let mut positions = Vec::new();
    for (index, job) in jobs.iter().enumerate() {
        if let Job::Redact { input, output } = job {
            items.push(BatchItem {
                input: input.clone(),
                output: output.clone(),
            });
            positions.push(index);
        }
    }
    let mut stdout_open = batch.json;
    let mut shown = 0;
    // Lines come out in input order, each as soon as the ones before it are done.
    let mut show_ready = |summaries: &mut Vec<Option<Summary>>| {
        while let Some(Some(summary)) = summaries.get(shown) {
            progress.suspend(|| note!("{}", summary.human));
            if stdout_open && crate::stdout::print(&summary.line()).is_err() {
                // The reader went away; the documents are still written.
                stdout_open = false;
            }
            shown += 1;
        }
    };
    progress.inc(summaries.iter().flatten().count() as u64);
    show_ready(&mut summaries);
    batch
        .redactor
        .redact_many(&items, batch.pending, workers, |index, outcome| {
            progress.inc(1);
            let item = &items[index];
            summaries[positions[index]] = Some(match outcome {
                Ok(report) => Summary::done(&item.input, &item.output, report),
                Err(err) => Summary::failed(&item.input, &Failure::from(err)),
            });
            show_ready(&mut summaries);
        });
    progress.finish_and_clear();
    let summaries: Vec<Summary> = summaries.into_iter().flatten().collect();
    let not_done = summaries.iter().filter(|s| s.code != 0).count();
    let worst = summaries.iter().map(|s| s.code).max().unwrap_or(0);
    match worst {
        0 => Ok(()),
        code => Err(Failure {
            code,
            message: format!(
                "{not_done} of {} documents were not redacted",
                summaries.len()
            ),
        }),
    }
}

/// The summary of a document refused before starting, `None` for one to redact.
fn refused(job: &Job) -> Option<Summary> {
    match job {
        Job::Refused { input, failure } => Some(Summary::failed(input, failure)),
        Job::Redact { input, output } => check_output(output, Some("pdf"))
            .err()
            .map(|failure| Summary::failed(input, &failure)),
    }
}

/// Checks the output folder, creating it if missing.
fn prepare_out_dir(out_dir: &Path) -> Result<(), Failure> {
    let shown = out_dir.display();
    if out_dir.as_os_str() == "-" {
        return Err(Failure::input(
            "-o -: a batch writes into a folder; give the folder to write to",
        ));
    }
    match std::fs::metadata(out_dir) {
        Ok(metadata) if metadata.is_dir() => Ok(()),
        Ok(_) => Err(Failure::input(format!(
            "{shown}: not a folder; with several documents, -o names the folder to write to"
        ))),
        Err(_) => std::fs::create_dir_all(out_dir).map_err(|err| {
            Failure::processing(format!("{shown}: cannot create the folder: {err}"))
        }),
    }
}

/// The documents of the batch with their outputs, in order: folders expanded (sorted by name,
/// hidden files and other file types left out), and every document whose output would be
/// another's, or would replace an input, refused.
fn plan(inputs: &[PathBuf], out_dir: &Path) -> Vec<Job> {
    let mut documents: Vec<Result<PathBuf, (PathBuf, Failure)>> = Vec::new();
    for input in inputs {
        if input.is_dir() {
            match documents_in(input) {
                Ok(found) if found.is_empty() => documents.push(Err((
                    input.clone(),
                    Failure::input(format!(
                        "{}: no documents (.{}) in the folder",
                        input.display(),
                        DOCUMENT_EXTENSIONS.join(", .")
                    )),
                ))),
                Ok(found) => documents.extend(found.into_iter().map(Ok)),
                Err(err) => documents.push(Err((
                    input.clone(),
                    Failure::input(format!(
                        "{}: cannot list the folder: {err}",
                        input.display()
                    )),
                ))),
            }
        } else {
            documents.push(Ok(input.clone()));
        }
    }
    let canonical_inputs: HashSet<PathBuf> = documents
        .iter()
        .filter_map(|d| d.as_ref().ok())
        .filter_map(|p| p.canonicalize().ok())
        .collect();
    let mut taken: HashMap<PathBuf, PathBuf> = HashMap::new();
    documents
        .into_iter()
        .map(|document| {
            let input = match document {
                Ok(input) => input,
                Err((input, failure)) => return Job::Refused { input, failure },
            };
            let refuse = |reason: String| Job::Refused {
                failure: Failure::input(format!("{}: {reason}", input.display())),
                input: input.clone(),
            };
            let Some(stem) = input.file_stem().filter(|s| !s.is_empty()) else {
                return refuse("has no file name to name the output after".into());
            };
            let mut name = stem.to_os_string();
            name.push(".pdf");
            let mut output = out_dir.join(&name);
            if taken.contains_key(&output) {
                // beslut.pdf and beslut.txt side by side: the later one keeps its extension
                // in its output's name (beslut.txt.pdf) rather than being refused.
                let mut full = input.file_name().unwrap_or(stem).to_os_string();
                full.push(".pdf");
                output = out_dir.join(full);
            }
            if output
                .canonicalize()
                .is_ok_and(|out| canonical_inputs.contains(&out))
            {
                return refuse(format!(
                    "the output {} would replace an input document",
                    output.display()
                ));
            }
            if let Some(first) = taken.get(&output) {
                return refuse(format!(
                    "the output {} is already that of {}",
                    output.display(),
                    first.display()
                ));
            }
            taken.insert(output.clone(), input.clone());
            Job::Redact { input, output }
        })
        .collect()
}

/// The documents in `folder`, sorted by name.
fn documents_in(folder: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(folder)? {
        let path = entry?.path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let extension = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .unwrap_or_default();
        if !name.starts_with('.')
            && DOCUMENT_EXTENSIONS.contains(&extension.as_str())
            && path.is_file()
        {
            found.push(path);
        }
    }
    found.sort();
    Ok(found)
}

/// A progress bar on stderr when it is a terminal; hidden otherwise.
fn progress_bar(len: u64) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template(
        "[{elapsed_precise}] {bar:40} {pos}/{len} documents ({eta} left)",
    ) {
        bar.set_style(style);
    }
    bar
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outputs_that_collide_or_replace_inputs_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        for name in [
            "a.pdf",
            "a.txt",
            "a.txt.txt",
            "b.txt",
            ".hidden.pdf",
            "notes.md",
        ] {
            std::fs::write(dir.path().join(name), b"x").unwrap();
        }
        let out = dir.path().join("out");
        let jobs = plan(&[dir.path().to_path_buf()], &out);
        let summary: Vec<(String, bool)> = jobs
            .iter()
            .map(|job| match job {
                Job::Redact { input, .. } => (input.display().to_string(), true),
                Job::Refused { input, .. } => (input.display().to_string(), false),
            })
            .collect();
        // a.pdf takes a.pdf, so a.txt keeps its extension (a.txt.pdf), which in turn moves
        // a.txt.txt to a.txt.txt.pdf.
        assert_eq!(summary.len(), 4, "{summary:?}");
        assert!(summary[0].0.ends_with("a.pdf") && summary[0].1);
        assert!(summary[1].0.ends_with("a.txt") && summary[1].1);
        assert!(summary[2].0.ends_with("a.txt.txt") && summary[2].1);
        assert!(summary[3].0.ends_with("b.txt") && summary[3].1);
        let outputs: Vec<String> = jobs
            .iter()
            .filter_map(|job| match job {
                Job::Redact { output, .. } => {
                    Some(output.file_name()?.to_string_lossy().into_owned())
                }
                Job::Refused { .. } => None,
            })
            .collect();
        assert_eq!(outputs, ["a.pdf", "a.txt.pdf", "a.txt.txt.pdf", "b.pdf"]);
        // Writing into the folder the documents are in would replace a.pdf.
        let jobs = plan(&[dir.path().join("a.pdf")], dir.path());
        assert!(
            matches!(&jobs[0], Job::Refused { failure, .. } if failure.message.contains("replace"))
        );
    }
}
