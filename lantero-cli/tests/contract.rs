//! The command line as `contracts/cli.md` writes it: exit codes, one-line messages naming the
//! input, the JSON shapes, and no output file left behind when something fails.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

mod common;

use common::{arg, data, lantero, stderr};

/// `lantero review INPUT -o REVIEW`, which must succeed; the session it wrote.
fn review(input: &Path, review: &Path) -> serde_json::Value {
    let output = lantero(&["review", arg(input), "-o", arg(review)]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    serde_json::from_str(&std::fs::read_to_string(review).unwrap()).unwrap()
}

/// `lantero redact INPUT -o OUT --review REVIEW`, with `extra` arguments after it.
fn redact_reviewed(input: &Path, out: &Path, review: &Path, extra: &[&str]) -> Output {
    let mut args = vec![
        "redact",
        arg(input),
        "-o",
        arg(out),
        "--review",
        arg(review),
    ];
    args.extend_from_slice(extra);
    lantero(&args)
}

#[test]
fn detect_json_has_the_contract_shape() {
    let file = data("examples/data/beslut-ekonomiskt-bistand.txt");
    let output = lantero(&["detect", file.to_str().unwrap(), "--format", "json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["schema"], "lantero.detect/v1");
    assert_eq!(json["pages"], 1);
    let text = std::fs::read_to_string(&file).unwrap();
    let chars: Vec<char> = text.chars().collect();
    let findings = json["findings"].as_array().unwrap();
    assert!(findings.iter().any(|f| f["entity"] == "PERSONNUMMER"));
    for f in findings {
        for key in [
            "id",
            "entity",
            "text",
            "page",
            "start",
            "end",
            "boxes",
            "score",
            "recognizer",
            "provisions",
        ] {
            assert!(f.get(key).is_some(), "finding lacks {key}: {f}");
        }
        let (start, end) = (
            f["start"].as_u64().unwrap() as usize,
            f["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            chars[start..end].iter().collect::<String>(),
            f["text"].as_str().unwrap()
        );
        assert!(
            f["boxes"].as_array().unwrap().is_empty(),
            "text input has no boxes"
        );
    }
}

#[test]
fn bad_input_exits_2_with_one_line_naming_the_file() {
    for (file, needle) in [
        ("no/such/file.pdf", "no/such/file.pdf"),
        ("lantero-redact/tests/data/pdf/damaged.pdf", "damaged.pdf"),
        (
            "lantero-redact/tests/data/pdf/not_a_pdf.pdf",
            "not_a_pdf.pdf",
        ),
        (
            "lantero-redact/tests/data/pdf/encrypted.pdf",
            "encrypted.pdf",
        ),
        ("Cargo.toml", "Cargo.toml"),
    ] {
        let path = if file.starts_with("no/") {
            PathBuf::from(file)
        } else {
            data(file)
        };
        let output = lantero(&["detect", path.to_str().unwrap()]);
        let message = stderr(&output);
        assert_eq!(output.status.code(), Some(2), "{file}: {message}");
        assert_eq!(message.trim_end().lines().count(), 1, "{file}: {message}");
        assert!(message.contains(needle), "{file}: {message}");
        assert!(!message.contains("panicked"), "{file}: {message}");
    }
    let output = lantero(&["detect", "x.txt", "--min-score", "7"]);
    assert_eq!(output.status.code(), Some(2));
    let output = lantero(&["detect", "x.txt", "--entities", "SHOE_SIZE"]);
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn review_then_redact_writes_a_verified_pdf_and_a_record() {
    let dir = tempfile::tempdir().unwrap();
    let input = data("examples/data/epost-tips.pdf");
    let review_path = dir.path().join("r.json");
    let out = dir.path().join("out.pdf");
    let record = dir.path().join("beslut.md");
    let session = review(&input, &review_path);
    assert_eq!(session["schema"], "lantero.review/v1");
    assert!(
        session["proposals"]
            .as_array()
            .unwrap()
            .iter()
            .all(|p| p["decision"] == "pending")
    );
    let output = redact_reviewed(&input, &out, &review_path, &["--record-md", arg(&record)]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(std::fs::read(&out).unwrap().starts_with(b"%PDF-"));
    assert!(
        std::fs::read_to_string(&record)
            .unwrap()
            .contains("kammarrätten")
    );
}

#[test]
fn redact_needs_decisions_and_leaves_nothing_on_failure() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.pdf");
    let input = data("examples/data/epost-tips.pdf");
    let output = lantero(&[
        "redact",
        input.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(
        output.status.code(),
        Some(2),
        "neither --accept-all nor --review"
    );
    let damaged = data("lantero-redact/tests/data/pdf/damaged.pdf");
    let output = lantero(&[
        "redact",
        damaged.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--accept-all",
    ]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    // A review made for another document must not be applied to this one.
    let review_path = dir.path().join("r.json");
    review(&data("examples/data/tjansteanteckning.pdf"), &review_path);
    let output = redact_reviewed(&input, &out, &review_path, &[]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(stderr(&output).contains("different document"));
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "only the review file remains"
    );
}

#[test]
fn a_missing_native_library_is_reported_with_the_fix() {
    let output = Command::new(env!("CARGO_BIN_EXE_lantero"))
        .arg("doctor")
        .env("LANTERO_PDFIUM_LIB", "/nonexistent/libpdfium.so")
        .output()
        .unwrap();
    let message = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{message}");
    assert!(message.contains("/nonexistent/libpdfium.so"), "{message}");
    assert!(message.contains("make setup"), "{message}");
}

#[test]
fn plain_text_is_set_on_pages_and_every_finding_is_masked() {
    let dir = tempfile::tempdir().unwrap();
    let input = data("examples/data/epost-tips.txt");
    let review_path = dir.path().join("r.json");
    let out = dir.path().join("out.pdf");
    let output = lantero(&["detect", arg(&input), "--format", "json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let detected: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let mut found: Vec<&str> = detected["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["text"].as_str().unwrap())
        .collect();
    let session = review(&input, &review_path);
    let proposals = session["proposals"].as_array().unwrap();
    assert!(
        proposals
            .iter()
            .all(|p| !p["boxes"].as_array().unwrap().is_empty()),
        "every proposal has a place on a page"
    );
    // The set text is searched as the file reads: the same findings as `detect`.
    let mut proposed: Vec<&str> = proposals
        .iter()
        .map(|p| p["text"].as_str().unwrap())
        .collect();
    found.sort_unstable();
    proposed.sort_unstable();
    assert_eq!(proposed, found);
    let output = redact_reviewed(&input, &out, &review_path, &[]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stderr(&output).contains("verified"), "{}", stderr(&output));
    assert!(std::fs::read(&out).unwrap().starts_with(b"%PDF-"));

    let greek = dir.path().join("grekiska.txt");
    std::fs::write(&greek, "Hej\nΑθήνα\n").unwrap();
    let output = lantero(&["redact", arg(&greek), "-o", arg(&out), "--accept-all"]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("grekiska.txt: line 2: 'Α' (U+0391) cannot be set"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn searchable_output_is_found_by_pdftotext_without_its_masked_strings() {
    let dir = tempfile::tempdir().unwrap();
    let input = data("examples/data/epost-tips.pdf");
    let review_path = dir.path().join("r.json");
    let session = review(&input, &review_path);
    let out = dir.path().join("sokbar.pdf");
    let output = redact_reviewed(&input, &out, &review_path, &["--searchable"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = Command::new("pdftotext")
        .args([arg(&out), "-"])
        .output()
        .expect("pdftotext runs")
        .stdout;
    let text = String::from_utf8(text).unwrap();
    let words = text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    assert!(words.len() > 200, "pdftotext finds little: {words}");
    for proposal in session["proposals"].as_array().unwrap() {
        let masked = proposal["text"].as_str().unwrap();
        let masked = masked
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        let bounded = words.match_indices(&masked).any(|(at, _)| {
            let before = words[..at].chars().next_back();
            let after = words[at + masked.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        });
        assert!(
            !bounded,
            "pdftotext finds a masked string of {} chars",
            masked.len()
        );
    }
    // Without the flag the same decisions give a file with no text at all.
    let plain = dir.path().join("bild.pdf");
    let output = redact_reviewed(&input, &plain, &review_path, &[]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = Command::new("pdftotext")
        .args([arg(&plain), "-"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&text.stdout).trim().is_empty());
}
