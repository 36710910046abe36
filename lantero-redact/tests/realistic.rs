//! The realistic corpus (`tests/realistic/`, made by `make_realistic.py`): Swedish municipal case
//! files written in a word processor and exported by LibreOffice (subset TrueType fonts,
//! letterheads, tables, pasted photos, identifiers that wrap across lines), three of them also as
//! scanned image-only copies. Every file is redacted with undecided proposals masked, and no
//! secret listed in `manifest.json` may be readable afterwards: not in the output's bytes or text
//! (the verifier's check) and not in what Tesseract reads off its page images.
//!
//! Leaks are collected over the whole corpus and reported together, each with its kind and
//! whether the secret sat in a picture, wrapped over a line break or was on a scanned page.

mod common;

use std::path::{Path, PathBuf};

use lantero_redact::document::Document;
use lantero_redact::pipeline::{PendingPolicy, Redactor};
use lantero_redact::verify;
use serde::Deserialize;

use common::{ocr_pages, squash};

/// Page images are read at this resolution: enough for Tesseract to read 9-point text, and half
/// the pixels of 300 dpi (the test runs unoptimised under `cargo test`).
const DPI: f32 = 150.0;

#[derive(Deserialize)]
struct Manifest {
    schema: String,
    files: Vec<Entry>,
}

#[derive(Deserialize)]
struct Entry {
    name: String,
    pages: u32,
    scanned: bool,
    secrets: Vec<Secret>,
}

#[derive(Deserialize)]
struct Secret {
    text: String,
    kind: String,
    in_image: bool,
    wraps: bool,
    scanned: bool,
    /// Where the line broke inside the secret (`pdftotext -layout` at generation).
    #[serde(default)]
    wrap_parts: Vec<String>,
}

impl Secret {
    /// Whether `seen` (squashed OCR text) reads this secret: contiguously, or, where OCR cannot
    /// give a contiguous read, piece by piece. A line break in a table cell puts the
    /// neighbouring columns' text between the halves, and Tesseract reads '@' as 'Q' or '(2';
    /// so the pieces are the wrap parts, each split at '@'. Pieces under 3 characters are not
    /// looked for, and one piece must have 6 or more (the same rule as `check_leaks.py`).
    fn readable_in(&self, seen: &str) -> bool {
        if seen.contains(&squash(&self.text)) {
            return true;
        }
        if self.wrap_parts.is_empty() && !self.text.contains('@') {
            return false;
        }
        let parts = if self.wrap_parts.is_empty() {
            std::slice::from_ref(&self.text)
        } else {
            &self.wrap_parts[..]
        };
        let pieces: Vec<String> = parts
            .iter()
            .flat_map(|p| p.split('@'))
            .map(squash)
            .filter(|p| p.chars().count() >= 3)
            .collect();
        pieces.iter().any(|p| p.chars().count() >= 6) && pieces.iter().all(|p| seen.contains(p))
    }

    fn describe(&self) -> String {
        let flags: Vec<&str> = [
            (self.in_image, "in a picture"),
            (self.wraps, "wraps"),
            (self.scanned, "scanned"),
        ]
        .iter()
        .filter(|(on, _)| *on)
        .map(|(_, name)| *name)
        .collect();
        if flags.is_empty() {
            format!("{} {:?}", self.kind, self.text)
        } else {
            format!("{} {:?} ({})", self.kind, self.text, flags.join(", "))
        }
    }
}

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/realistic")
}

fn manifest() -> Manifest {
    let text = std::fs::read_to_string(corpus().join("manifest.json")).expect("manifest");
    serde_json::from_str(&text).expect("manifest parses")
}

#[test]
fn the_realistic_corpus_is_what_the_manifest_says() {
    let manifest = manifest();
    assert_eq!(manifest.schema, "lantero.realistic-corpus/v1");
    assert!(manifest.files.len() >= 10, "the corpus lost files");
    let secrets = || manifest.files.iter().flat_map(|f| &f.secrets);
    assert!(manifest.files.iter().filter(|f| f.scanned).count() >= 3);
    assert!(
        secrets().filter(|s| s.wraps).count() >= 8,
        "too few wrapped secrets"
    );
    assert!(
        secrets().filter(|s| s.in_image).count() >= 8,
        "too few secrets in pictures"
    );
    for kind in [
        "name",
        "personnummer",
        "account",
        "iban",
        "phone",
        "address",
        "email",
        "regnr",
    ] {
        assert!(
            secrets().any(|s| s.kind == kind),
            "no secret of kind {kind}"
        );
    }
    for entry in &manifest.files {
        let document = Document::open(corpus().join(&entry.name)).expect("corpus file opens");
        assert_eq!(document.pages().len() as u32, entry.pages, "{}", entry.name);
    }
}

// Unoptimised, the pipeline and the OCR of every output page take half an hour here;
// `make test` runs this test in a release build (`cargo test --release … -- --ignored`).
#[test]
#[ignore = "slow in a debug build: make test runs it with --release"]
fn every_realistic_case_file_redacts_to_zero_readable_secrets() {
    let manifest = manifest();
    let out_dir = tempfile::tempdir().expect("temp dir");
    let redactor = Redactor::new();
    let mut leaks = Vec::new();
    let mut checked = 0;
    for entry in &manifest.files {
        let input = corpus().join(&entry.name);
        let out = out_dir.path().join(&entry.name);
        if let Err(err) = redactor.redact(&input, &out, None, PendingPolicy::Mask) {
            leaks.push(format!("{}: not redacted: {err}", entry.name));
            continue;
        }
        let texts: Vec<String> = entry.secrets.iter().map(|s| s.text.clone()).collect();
        let report = verify::inspect(&out, &texts).expect("output inspects");
        for problem in report.problems() {
            leaks.push(format!("{}: verifier: {problem}", entry.name));
        }
        let seen = squash(&ocr_pages(&out, DPI));
        for secret in &entry.secrets {
            checked += 1;
            if secret.readable_in(&seen) {
                leaks.push(format!(
                    "{}: OCR of the output reads {}",
                    entry.name,
                    secret.describe()
                ));
            }
        }
    }
    assert!(checked >= 80, "only {checked} secrets were checked");
    assert!(
        leaks.is_empty(),
        "{} leaks of {checked} secrets:\n{}",
        leaks.len(),
        leaks.join("\n")
    );
}
