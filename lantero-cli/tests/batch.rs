//! `lantero redact` over many documents: a folder or a list into an output folder, in
//! parallel, one JSON line per document, and the exit code of the worst outcome.

use std::path::Path;
use std::process::Output;

mod common;

use common::{arg, data, lantero, lantero_with_closed_stdout, stderr};

/// The JSON lines on stdout.
fn lines(output: &Output) -> Vec<serde_json::Value> {
    String::from_utf8(output.stdout.clone())
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).expect("each line is one JSON object"))
        .collect()
}

#[test]
fn a_folder_is_redacted_with_one_json_line_per_document() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("ut"); // created by lantero
    let folder = data("examples/data");
    let output = lantero(&[
        "redact",
        arg(&folder),
        "-o",
        arg(&out),
        "--accept-all",
        "--json",
    ]);
    let message = stderr(&output);
    let summaries = lines(&output);
    // Five PDFs and their five .txt twins (written to <name>.txt.pdf, since <stem>.pdf is the
    // PDF's). README.md and make_samples.py are not documents.
    assert_eq!(summaries.len(), 10, "{message}");
    assert_eq!(output.status.code(), Some(0), "{message}");
    for summary in &summaries {
        for key in ["input", "output", "pages", "masks", "status", "error"] {
            assert!(summary.get(key).is_some(), "{key} missing: {summary}");
        }
        let input = Path::new(summary["input"].as_str().unwrap());
        assert_eq!(summary["status"], "ok", "{summary}");
        assert!(summary["pages"].as_u64().unwrap() >= 1);
        assert!(summary["masks"].as_u64().unwrap() >= 1);
        let written = Path::new(summary["output"].as_str().unwrap());
        assert_eq!(written.parent().unwrap(), out);
        let expected = if input.extension().unwrap() == "pdf" {
            input.file_name().unwrap().to_os_string()
        } else {
            let mut name = input.file_name().unwrap().to_os_string();
            name.push(".pdf");
            name
        };
        assert_eq!(written.file_name().unwrap(), expected);
        assert!(std::fs::read(written).unwrap().starts_with(b"%PDF-"));
    }
    // In input order, and each failure named on its own stderr line.
    let inputs: Vec<&str> = summaries
        .iter()
        .map(|s| s["input"].as_str().unwrap())
        .collect();
    let mut sorted = inputs.clone();
    sorted.sort_unstable();
    assert_eq!(inputs, sorted);
    assert!(!message.contains("panicked"), "{message}");
    assert_eq!(
        std::fs::read_dir(&out).unwrap().count(),
        10,
        "one PDF per input, no part files"
    );
}

#[test]
fn a_bad_document_gives_exit_2_and_the_good_ones_are_still_written() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("ut");
    let good_pdf = data("examples/data/tjansteanteckning.pdf");
    let good_txt = data("examples/data/epost-tips.txt");
    let damaged = data("lantero-redact/tests/data/pdf/damaged.pdf");
    let output = lantero(&[
        "redact",
        arg(&good_pdf),
        arg(&damaged),
        arg(&good_txt),
        "-o",
        arg(&out),
        "--accept-all",
        "--json",
        "--jobs",
        "2",
    ]);
    let message = stderr(&output);
    assert_eq!(output.status.code(), Some(2), "{message}");
    let statuses: Vec<String> = lines(&output)
        .iter()
        .map(|s| s["status"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(statuses, ["ok", "bad_input", "ok"], "{message}");
    assert!(out.join("tjansteanteckning.pdf").is_file());
    assert!(out.join("epost-tips.pdf").is_file());
    assert!(!out.join("damaged.pdf").exists());
    let damaged_lines: Vec<&str> = message
        .lines()
        .filter(|l| l.contains("damaged.pdf"))
        .collect();
    assert_eq!(damaged_lines.len(), 1, "{message}");

    // All good: exit 0, and without --json nothing on stdout.
    let all_good = dir.path().join("ut2");
    let output = lantero(&[
        "redact",
        arg(&good_pdf),
        arg(&good_txt),
        "-o",
        arg(&all_good),
        "--accept-all",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(output.stdout.is_empty());
    assert_eq!(std::fs::read_dir(&all_good).unwrap().count(), 2);
}

#[test]
fn a_batch_needs_accept_all_and_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    let a = data("examples/data/tjansteanteckning.pdf");
    let b = data("examples/data/epost-tips.pdf");
    let review = dir.path().join("r.json");
    std::fs::write(&review, "{}").unwrap();
    let output = lantero(&[
        "redact",
        arg(&a),
        arg(&b),
        "-o",
        arg(dir.path()),
        "--review",
        arg(&review),
    ]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(stderr(&output).contains("--review"));
    let file = dir.path().join("fil.pdf");
    std::fs::write(&file, b"x").unwrap();
    let output = lantero(&["redact", arg(&a), arg(&b), "-o", arg(&file), "--accept-all"]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(stderr(&output).contains("not a folder"));
    let output = lantero(&["redact", arg(&a), arg(&b), "-o", "-", "--accept-all"]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
}

#[test]
fn a_closed_stdout_does_not_stop_a_batch() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("ut");
    let output = lantero_with_closed_stdout(&[
        "redact",
        arg(&data("examples/data/tjansteanteckning.pdf")),
        arg(&data("examples/data/epost-tips.pdf")),
        "-o",
        arg(&out),
        "--accept-all",
        "--json",
    ]);
    let message = stderr(&output);
    assert_eq!(output.status.code(), Some(0), "{message}");
    assert!(!message.contains("panicked"), "{message}");
    assert_eq!(std::fs::read_dir(&out).unwrap().count(), 2);
}
