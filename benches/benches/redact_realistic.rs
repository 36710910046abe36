//! What a user runs, end to end, on realistic input (`lantero-redact/tests/realistic/*.pdf`:
//! office-made case files exported by LibreOffice, and scans of some of them), beside the
//! physical floor and a peer, in one run. Group `redact/realistic`, pages per second, split into
//! `text_pdfs` (files with a text layer) and `scanned_pdfs` (files whose pages have none, by
//! [`Page::needs_ocr`](lantero_redact::document::Page::needs_ocr)):
//!
//! - `lantero`: `Redactor::new()` then `redact(input, out, None, PendingPolicy::Mask)` on each
//!   file: open, OCR where needed (whole scanned pages; pictures and untrusted fonts on text
//!   pages), detect, resolve, render at 150 dpi, write, verify. The `Redactor` is built once per
//!   iteration, as a batch run of the CLI builds it once;
//! - `pdfium_floor`: PDFium rendering every page of the same files at 150 dpi and encoding it,
//!   nothing else ([`lantero_benches::pdfium_floor`], the same code as `redact`'s floor); the
//!   documents are opened beforehand, so the floor leaves out reading the files;
//! - `peer_pymupdf_presidio`: `benches/peers/pymupdf_presidio.py` (PyMuPDF + Presidio, OCR of
//!   pages without text through PyMuPDF's Tesseract route, rasterised 150 dpi output) as one
//!   process over the same files per iteration. The time is the process's wall time, Python's
//!   start-up and the analyser's set-up included (a user pays them); the script's own
//!   in-process time, and its set-up part, are printed beside it. On scanned PDFs one peer run
//!   takes minutes (OCR at 300 dpi) and criterion needs ten, so it runs once, printed, not as a
//!   criterion benchmark.
//!
//! The peer's Python comes from `LANTERO_PEER_PYTHON` or `benches/peers/.venv` (`make
//! bench-peers` makes it; `make bench` calls that). Missing, it is an error under `cargo bench`
//! and a printed note in test mode (`cargo test --benches`), which also runs only the smallest
//! file of each kind and leaves the slow scanned peer out.
//!
//! `cargo bench -p lantero-benches --bench redact_realistic`

use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use criterion::{Criterion, SamplingMode, Throughput, criterion_group, criterion_main};
use lantero_benches::pdfium_floor;
use lantero_redact::document::Document;
use lantero_redact::pipeline::{PendingPolicy, Redactor};
use lantero_redact::render::RenderOptions;

fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn corpus_dir() -> PathBuf {
    manifest_dir().join("../lantero-redact/tests/realistic")
}

fn peer_script() -> PathBuf {
    manifest_dir().join("peers/pymupdf_presidio.py")
}

/// The peer's Python: `LANTERO_PEER_PYTHON`, else the venv `make bench-peers` makes.
fn peer_python() -> Option<PathBuf> {
    let path = std::env::var_os("LANTERO_PEER_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| manifest_dir().join("peers/.venv/bin/python"));
    path.exists().then_some(path)
}

/// `cargo bench` passes `--bench`; `cargo test --benches` does not (criterion's test mode).
fn measuring() -> bool {
    std::env::args().any(|arg| arg == "--bench")
}

/// The files of one kind, opened (for the floor and the page count).
struct Kind {
    name: &'static str,
    files: Vec<PathBuf>,
    documents: Vec<Document>,
}

impl Kind {
    fn new(name: &'static str) -> Self {
        Self {
            name,
            files: Vec::new(),
            documents: Vec::new(),
        }
    }

    fn pages(&self) -> u64 {
        self.documents.iter().map(|d| d.pages().len() as u64).sum()
    }

    /// Only the document with the fewest pages (test mode).
    fn keep_smallest(&mut self) {
        let Some(smallest) = (0..self.documents.len()).min_by_key(|&i| {
            (
                self.documents[i].pages().len(),
                self.files[i].file_name().map(|n| n.to_owned()),
            )
        }) else {
            return;
        };
        self.files = vec![self.files.swap_remove(smallest)];
        self.documents = vec![self.documents.swap_remove(smallest)];
    }
}

/// The corpus, split into text PDFs and scanned PDFs (every page without a text layer).
fn corpus() -> std::io::Result<(Kind, Kind)> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(corpus_dir())?
        .filter_map(|entry| Some(entry.ok()?.path()))
        .filter(|path| {
            path.extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("pdf"))
        })
        .collect();
    paths.sort();
    let (mut text, mut scanned) = (Kind::new("text_pdfs"), Kind::new("scanned_pdfs"));
    for path in paths {
        let document = match Document::open(&path) {
            Ok(document) => document,
            Err(err) => {
                eprintln!("redact/realistic: leaving out {}: {err}", path.display());
                continue;
            }
        };
        let kind = if document.pages().iter().all(|p| p.needs_ocr()) {
            &mut scanned
        } else {
            &mut text
        };
        kind.files.push(path);
        kind.documents.push(document);
    }
    Ok((text, scanned))
}

/// Redacts every file of `kind` into `out` with a fresh `Redactor`; the findings masked.
fn lantero(kind: &Kind, out: &Path) -> usize {
    let redactor = Redactor::new();
    let mut masks = 0;
    for (i, file) in kind.files.iter().enumerate() {
        let target = out.join(format!("{i}.pdf"));
        match redactor.redact(file, &target, None, PendingPolicy::Mask) {
            Ok(report) => masks += report.record.masks,
            Err(err) => panic!("redact/realistic: {}: {err}", file.display()),
        }
    }
    masks
}

/// Where the time of [`lantero`] goes, from one run with a timer per stage: building the
/// `Redactor`, opening, OCR (analysis with OCR less analysis without), detection and resolution,
/// and rendering, writing and verifying (`Redactor::apply`).
fn phases(kind: &Kind, out: &Path) -> lantero_redact::Result<()> {
    let started = Instant::now();
    let redactor = Redactor::new();
    let without_ocr = Redactor::new().with_ocr(None);
    let new = started.elapsed();
    let (mut open, mut analyse, mut detect, mut apply) = (Duration::ZERO, 0.0, 0.0, 0.0);
    let mut regions = 0;
    for (i, file) in kind.files.iter().enumerate() {
        let t = Instant::now();
        let document = redactor.open(file)?;
        open += t.elapsed();
        regions += document
            .pages()
            .iter()
            .map(|p| {
                if p.needs_ocr() {
                    1
                } else {
                    p.ocr_regions().len()
                }
            })
            .sum::<usize>();
        let t = Instant::now();
        without_ocr.analyze_document(redactor.open(file)?)?;
        detect += t.elapsed().as_secs_f64();
        let t = Instant::now();
        let analysis = redactor.analyze_document(document)?;
        analyse += t.elapsed().as_secs_f64();
        let t = Instant::now();
        let target = out.join(format!("phases-{i}.pdf"));
        redactor.apply(
            &analysis.document,
            &analysis.session(),
            &target,
            PendingPolicy::Mask,
        )?;
        apply += t.elapsed().as_secs_f64();
    }
    let detect = (detect - open.as_secs_f64()).max(0.0);
    println!(
        "redact/realistic/{}: stages: Redactor::new {:.3} s, open {:.3} s, OCR {:.3} s ({regions} \
         regions or whole pages), detect+resolve {detect:.3} s, render+write+verify {apply:.3} s",
        kind.name,
        new.as_secs_f64(),
        open.as_secs_f64(),
        (analyse - detect).max(0.0),
    );
    Ok(())
}

/// What one run of the peer said about itself.
#[derive(Default, Clone, Copy)]
struct PeerRun {
    wall: Duration,
    seconds: f64,
    setup_seconds: f64,
    pages: u64,
    findings: u64,
    ocr_pages: u64,
}

fn json_number(line: &str, key: &str) -> Option<f64> {
    let rest = &line[line.find(&format!("\"{key}\":"))? + key.len() + 3..];
    let end = rest.find([',', '}']).unwrap_or(rest.len());
    rest[..end].trim().parse().ok()
}

/// Runs the peer once over `kind`'s files into `out`.
fn peer(python: &Path, kind: &Kind, out: &Path) -> Result<PeerRun, String> {
    let start = Instant::now();
    let output = Command::new(python)
        .arg(peer_script())
        .arg(out)
        .args(&kind.files)
        .output()
        .map_err(|err| format!("cannot run {}: {err}", python.display()))?;
    let wall = start.elapsed();
    let stdout = String::from_utf8_lossy(&output.stdout);
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        let tail: Vec<&str> = stderr.lines().rev().take(5).collect();
        return Err(format!(
            "peer failed ({}): {}",
            output.status,
            tail.join(" | ")
        ));
    }
    let line = stdout.lines().last().unwrap_or_default();
    let number = |key| json_number(line, key).ok_or_else(|| format!("no {key} in {line:?}"));
    Ok(PeerRun {
        wall,
        seconds: number("seconds")?,
        setup_seconds: number("setup_seconds")?,
        pages: number("pages")? as u64,
        findings: number("findings")? as u64,
        ocr_pages: number("ocr_pages")? as u64,
    })
}

fn print_peer(kind: &Kind, runs: &[PeerRun]) {
    if runs.is_empty() {
        return;
    }
    let n = runs.len() as f64;
    let wall = runs.iter().map(|r| r.wall.as_secs_f64()).sum::<f64>() / n;
    let inside = runs.iter().map(|r| r.seconds).sum::<f64>() / n;
    let setup = runs.iter().map(|r| r.setup_seconds).sum::<f64>() / n;
    let last = runs[runs.len() - 1];
    let pages = last.pages as f64;
    println!(
        "redact/realistic/{}: peer over {} runs: wall {wall:.2} s ({:.2} pages/s, Python start-up \
         included); in-process {inside:.2} s ({:.2} pages/s), of which set-up {setup:.2} s; \
         {:.2} pages/s without set-up; {} redactions, {} pages OCR'd",
        kind.name,
        runs.len(),
        pages / wall,
        pages / inside,
        pages / (inside - setup).max(f64::EPSILON),
        last.findings,
        last.ocr_pages,
    );
}

fn realistic(c: &mut Criterion) {
    let measuring = measuring();
    let (mut text, mut scanned) = match corpus() {
        Ok(kinds) => kinds,
        Err(err) => {
            return eprintln!(
                "redact/realistic: skipped, cannot read {}: {err}",
                corpus_dir().display()
            );
        }
    };
    if !measuring {
        text.keep_smallest();
        scanned.keep_smallest();
    }
    let python = peer_python();
    if python.is_none() {
        let note = "redact/realistic: no peer Python (LANTERO_PEER_PYTHON or \
                    benches/peers/.venv); run `make bench-peers`";
        assert!(!measuring, "{note}");
        println!("{note}; peer skipped in test mode");
    }
    let Ok(dir) = tempfile::tempdir() else {
        return eprintln!("redact/realistic: skipped, no temporary folder");
    };
    let options = RenderOptions::default();

    let mut group = c.benchmark_group("redact/realistic");
    group.sampling_mode(SamplingMode::Flat);
    group.sample_size(10);
    for kind in [&text, &scanned] {
        if kind.files.is_empty() {
            println!("redact/realistic/{}: no files, skipped", kind.name);
            continue;
        }
        let pages = kind.pages();
        println!(
            "redact/realistic/{}: {} files, {pages} pages: {}",
            kind.name,
            kind.files.len(),
            kind.files
                .iter()
                .filter_map(|f| f.file_name()?.to_str())
                .collect::<Vec<_>>()
                .join(", ")
        );
        group.throughput(Throughput::Elements(pages));
        let out = dir.path().join(kind.name);
        if let Err(err) = std::fs::create_dir_all(&out) {
            return eprintln!("redact/realistic: skipped, {err}");
        }
        if measuring {
            if let Err(err) = phases(kind, &out) {
                eprintln!("redact/realistic/{}: no stage timings: {err}", kind.name);
            }
            let started = Instant::now();
            let masks = lantero(kind, &out);
            println!(
                "redact/realistic/{}: lantero masked {masks} findings (first run {:.2} s)",
                kind.name,
                started.elapsed().as_secs_f64()
            );
        }
        group.bench_function(format!("{}/lantero", kind.name), |b| {
            b.iter(|| lantero(kind, &out))
        });
        group.bench_function(format!("{}/pdfium_floor", kind.name), |b| {
            b.iter(|| {
                kind.documents
                    .iter()
                    .map(|d| pdfium_floor(d, &options))
                    .sum::<usize>()
            })
        });
        let Some(python) = &python else { continue };
        let peer_out = dir.path().join(format!("{}-peer", kind.name));
        if kind.name == "scanned_pdfs" {
            // OCR at 300 dpi makes one run of the peer take a minute or more on two cores, and
            // criterion wants at least ten: the scanned peer runs once, timed the same way.
            if !measuring {
                println!("redact/realistic/scanned_pdfs: peer runs only under `cargo bench`");
                continue;
            }
            match peer(python, kind, &peer_out) {
                Ok(run) => print_peer(kind, &[run]),
                Err(err) => panic!("redact/realistic/{}: {err}", kind.name),
            }
            continue;
        }
        let runs = RefCell::new(Vec::new());
        group.bench_function(format!("{}/peer_pymupdf_presidio", kind.name), |b| {
            b.iter_custom(|iterations| {
                let mut total = Duration::ZERO;
                for _ in 0..iterations {
                    match peer(python, kind, &peer_out) {
                        Ok(run) => {
                            eprintln!(
                                "redact/realistic/{}: peer run {:.2} s wall, {:.2} s in-process",
                                kind.name,
                                run.wall.as_secs_f64(),
                                run.seconds
                            );
                            total += run.wall;
                            runs.borrow_mut().push(run);
                        }
                        Err(err) => panic!("redact/realistic/{}: {err}", kind.name),
                    }
                }
                total
            })
        });
        print_peer(kind, &runs.borrow());
    }
    group.finish();
}

criterion_group!(benches, realistic);
criterion_main!(benches);
