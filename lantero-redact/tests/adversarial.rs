//! The adversarial corpus (`tests/corpus/`, made by `make_corpus.py`): every file is redacted with
//! every proposal accepted, and none of the secrets planted in it may be recoverable from the
//! output — not from its bytes (raw or inflated), not from extractable text, and not from what
//! Tesseract reads off the page images. A file whose redaction fails verification counts as a
//! failure too: nothing was released, but nothing was redacted either.
//!
//! The hostile outputs (`hostile/`): writer outputs mutated to hide something from the
//! verifier or to exhaust its memory; each must be rejected by the checks it names, quickly.

mod common;

use std::path::{Path, PathBuf};

use lantero_redact::pipeline::{PendingPolicy, Redactor};
use lantero_redact::verify::{self, Profile};
use serde::Deserialize;

use common::{ocr_pages, squash};

mod hostile;

#[derive(Deserialize)]
struct Manifest {
    files: Vec<Entry>,
}

#[derive(Deserialize)]
struct Entry {
    name: String,
    attack: String,
    secrets: Vec<String>,
}

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus")
}

#[test]
fn every_corpus_file_redacts_to_zero_leaks() {
    let manifest: Manifest = serde_json::from_str(
        &std::fs::read_to_string(corpus().join("manifest.json")).expect("manifest"),
    )
    .expect("manifest parses");
    assert!(manifest.files.len() >= 15, "the corpus lost files");
    let out_dir = tempfile::tempdir().expect("temp dir");
    let redactor = Redactor::new();
    let mut leaks = Vec::new();
    for entry in &manifest.files {
        let input = corpus().join(&entry.name);
        let out = out_dir.path().join(&entry.name);
        if let Err(err) = redactor.redact(&input, &out, None, PendingPolicy::Mask) {
            leaks.push(format!(
                "{} ({}): not redacted: {err}",
                entry.name, entry.attack
            ));
            continue;
        }
        let report = verify::inspect(&out, &entry.secrets).expect("output inspects");
        for problem in report.problems() {
            leaks.push(format!("{} ({}): {problem}", entry.name, entry.attack));
        }
        let seen = squash(&ocr_pages(&out, 300.0));
        for secret in &entry.secrets {
            if seen.contains(&squash(secret)) {
                leaks.push(format!(
                    "{} ({}): OCR of the output reads {secret:?}",
                    entry.name, entry.attack
                ));
            }
        }
    }
    assert!(leaks.is_empty(), "leaks:\n{}", leaks.join("\n"));
}

/// The realistic sample documents (`examples/data/`): every structured identifier detected in
/// them and not public (released in advance: an official's name, the authority's own details)
/// is masked, and Tesseract reading the redacted pages finds none of them.
#[test]
fn structured_identifiers_are_unreadable_in_redacted_samples() {
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/data");
    let mut pdfs: Vec<PathBuf> = std::fs::read_dir(&samples)
        .expect("examples/data")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "pdf"))
        .collect();
    pdfs.sort();
    assert!(pdfs.len() >= 3, "the sample documents are missing");
    let out_dir = tempfile::tempdir().expect("temp dir");
    let redactor = Redactor::new();
    let mut leaks = Vec::new();
    let mut checked = 0;
    for pdf in &pdfs {
        let analysis = redactor.analyze(pdf).expect("sample opens");
        let structured: Vec<String> = analysis
            .findings
            .iter()
            .filter(|f| {
                f.public.is_none()
                    && !matches!(
                        f.entity.as_str(),
                        "PERSON" | "LOCATION" | "ORGANIZATION" | "HEALTH"
                    )
            })
            .map(|f| f.text.clone())
            .filter(|t| squash(t).len() >= 6)
            .collect();
        let out = out_dir.path().join(pdf.file_name().expect("name"));
        redactor
            .redact(pdf, &out, None, PendingPolicy::Mask)
            .expect("sample redacts and verifies");
        let seen = squash(&ocr_pages(&out, 300.0));
        for identifier in &structured {
            checked += 1;
            if seen.contains(&squash(identifier)) {
                leaks.push(format!("{}: OCR reads {identifier:?}", pdf.display()));
            }
        }
    }
    assert!(checked >= 40, "only {checked} identifiers were checked");
    assert!(leaks.is_empty(), "leaks:\n{}", leaks.join("\n"));
}

/// The peak resident memory of this test process so far, in bytes (Linux).
fn peak_memory() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib * 1024)
}

#[test]
fn hostile_outputs_are_rejected_quickly_and_in_bounded_memory() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("hostile.pdf");
    let white = hostile::written(&hostile::white_image());
    let searchable = hostile::searchable_written(&["Beslut", "om", "bistånd"]);
    for (clean, profile) in [
        (white.clone(), Profile::ImageOnly),
        (hostile::Parts::of(&white).assemble(), Profile::ImageOnly),
        (hostile::written(&hostile::jpeg_image()), Profile::ImageOnly),
        (searchable.clone(), Profile::Searchable),
        (
            hostile::Parts::of(&searchable).assemble(),
            Profile::Searchable,
        ),
    ] {
        std::fs::write(&path, &clean).expect("write");
        let report =
            verify::inspect_as(&path, &["Anna Svensson".into()], profile).expect("inspects");
        assert!(
            report.passed(),
            "the unmutated output fails: {:?}",
            report.problems()
        );
    }
    let mut missed = Vec::new();
    for fixture in hostile::fixtures() {
        std::fs::write(&path, &fixture.bytes).expect("write");
        let started = std::time::Instant::now();
        let report = verify::inspect_as(&path, &fixture.masked, fixture.profile).expect("inspects");
        let took = started.elapsed();
        let failed: Vec<&str> = report
            .checks
            .iter()
            .filter(|c| !c.passed)
            .map(|c| c.name.as_str())
            .collect();
        for name in &fixture.fails {
            assert!(report.check(name).is_some(), "no check named {name}");
            if !failed.contains(name) {
                missed.push(format!(
                    "{}: {name} passed; failed: {failed:?}",
                    fixture.name
                ));
            }
        }
        assert!(took.as_secs() < 10, "{} took {took:?}", fixture.name);
        for problem in report.problems() {
            assert!(
                !problem.contains("Anna") && !problem.contains("Svensson"),
                "{problem}"
            );
        }
        println!("{:80} {took:?} {failed:?}", fixture.name);
    }
    assert!(
        missed.is_empty(),
        "hostile outputs passed checks:\n{}",
        missed.join("\n")
    );
    if let Some(peak) = peak_memory() {
        println!("peak memory {} MiB", peak >> 20);
        assert!(peak < 1 << 30, "peak memory {} MiB", peak >> 20);
    }
}
