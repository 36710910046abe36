//! Redacting a 50-page text PDF (`lantero-redact/tests/data/pdf/fifty_pages.pdf`, dense A4
//! pages with names and personnummer) at 150 dpi, in pages per second:
//!
//! - `full_redaction`: render, paint masks over every personnummer, encode, write, verify;
//! - `pdfium_floor`: only PDFium's rendering and the page encoding, one page after the other;
//! - `pdftoppm_png`: `pdftoppm -r 150 -png` on the first ten pages, as a process (the naive
//!   route, which still lacks the PNG-to-PDF step);
//! - `open_document`: reading the PDF with its text and char boxes, for scale.
//!
//! And, in `text_50_pages`, the same pages' text as a `.txt` file (pages separated by form
//! feeds): `typeset` opens it and sets it on A4 pages (`Document::typeset`, what review and
//! redaction do with plain text), against `open_pdf`, reading the PDF, in the same run.
//!
//! Before timing, it prints the output's bytes per page next to the naive baseline: the sum of
//! the PNG files `pdftoppm` writes for the first ten pages, a fair proxy for a PNG-to-PDF
//! conversion (which embeds the PNG data nearly unchanged).
//!
//! `cargo bench -p lantero-benches --bench redact`

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use lantero_benches::pdfium_floor;
use lantero_redact::document::Document;
use lantero_redact::render::{Mask, RenderOptions};
use lantero_redact::write::write_redacted;

const DPI: &str = "150";
const NAIVE_PAGES: u32 = 10;

fn input() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../lantero-redact/tests/data/pdf/fifty_pages.pdf")
}

/// A mask, labelled, over every personnummer in the document.
fn masks(document: &Document) -> (Vec<Mask>, Vec<String>) {
    let needle = "19121212-1212";
    let mut masks = Vec::new();
    for page in document.pages() {
        for (byte, _) in page.text().match_indices(needle) {
            let start = page.text()[..byte].chars().count();
            for rect in page.boxes_for(start, start + needle.len()) {
                masks.push(Mask {
                    page: page.number(),
                    rect,
                    label: Some("OSL 26:1".into()),
                });
            }
        }
    }
    (masks, vec![needle.to_string()])
}

/// Runs `pdftoppm` on the first pages into `dir`; `None` when it is not installed.
fn pdftoppm(dir: &Path) -> Option<Duration> {
    let start = Instant::now();
    let status = Command::new("pdftoppm")
        .args(["-r", DPI, "-png", "-f", "1", "-l", &NAIVE_PAGES.to_string()])
        .arg(input())
        .arg(dir.join("page"))
        .status()
        .ok()?;
    status.success().then(|| start.elapsed())
}

fn report_sizes(document: &Document, masks: &[Mask], masked: &[String], dir: &Path) {
    let out = dir.join("sizes.pdf");
    let report = match write_redacted(document, masks, &out, &RenderOptions::default(), masked) {
        Ok(report) => report,
        Err(err) => return eprintln!("redact: cannot measure sizes: {err}"),
    };
    let pages = report.pages.len() as u64;
    let overhead =
        (report.bytes - report.pages.iter().map(|p| p.bytes as u64).sum::<u64>()) / pages;
    let first: u64 = report
        .pages
        .iter()
        .take(NAIVE_PAGES as usize)
        .map(|p| p.bytes as u64 + overhead)
        .sum();
    println!(
        "redact: output {} B/page over {pages} pages ({} masks)",
        report.bytes / pages,
        masks.len()
    );
    let naive_dir = dir.join("naive");
    if std::fs::create_dir_all(&naive_dir).is_err() || pdftoppm(&naive_dir).is_none() {
        return println!("redact: pdftoppm not available, no naive baseline");
    }
    let naive: u64 = std::fs::read_dir(&naive_dir)
        .into_iter()
        .flatten()
        .filter_map(|entry| entry.ok()?.metadata().ok())
        .map(|meta| meta.len())
        .sum();
    println!(
        "redact: pages 1-{NAIVE_PAGES}: output {} B/page, naive pdftoppm PNG {} B/page, ratio {:.2}",
        first / u64::from(NAIVE_PAGES),
        naive / u64::from(NAIVE_PAGES),
        first as f64 / naive as f64
    );
}

fn redact(c: &mut Criterion) {
    let document = match Document::open(input()) {
        Ok(document) => document,
        Err(err) => return eprintln!("redact: skipped, {err}"),
    };
    let pages = document.pages().len() as u64;
    let (masks, masked) = masks(&document);
    let Ok(dir) = tempfile::tempdir() else {
        return eprintln!("redact: skipped, no temporary folder");
    };
    report_sizes(&document, &masks, &masked, dir.path());
    let options = RenderOptions::default();

    let mut group = c.benchmark_group("redact_50_pages_150dpi");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    group.throughput(Throughput::Elements(pages));
    let out = dir.path().join("out.pdf");
    group.bench_function("full_redaction", |b| {
        b.iter(|| write_redacted(&document, &masks, &out, &options, &masked).map(|r| r.bytes))
    });
    group.bench_function("pdfium_floor", |b| {
        b.iter(|| pdfium_floor(&document, &options))
    });
    group.bench_function("open_document", |b| {
        b.iter(|| Document::open(input()).map(|d| d.pages().len()))
    });
    group.throughput(Throughput::Elements(u64::from(NAIVE_PAGES)));
    let naive_dir = dir.path().join("timed");
    if std::fs::create_dir_all(&naive_dir).is_ok() && pdftoppm(&naive_dir).is_some() {
        group.bench_function("pdftoppm_png", |b| {
            b.iter_custom(|iterations| (0..iterations).filter_map(|_| pdftoppm(&naive_dir)).sum())
        });
    }
    group.finish();
}

fn typeset(c: &mut Criterion) {
    let text = match Document::open(input()) {
        Ok(document) => document
            .pages()
            .iter()
            .map(|page| page.text())
            .collect::<Vec<_>>()
            .join("\u{0C}"),
        Err(err) => return eprintln!("typeset: skipped, {err}"),
    };
    let Ok(dir) = tempfile::tempdir() else {
        return eprintln!("typeset: skipped, no temporary folder");
    };
    let path = dir.path().join("fifty_pages.txt");
    let set = |path: &Path| Document::open(path).and_then(Document::typeset);
    match std::fs::write(&path, &text).map(|()| set(&path)) {
        Ok(Ok(document)) => println!(
            "typeset: 50 PDF pages of text on {} A4 pages",
            document.pages().len()
        ),
        Ok(Err(err)) => return eprintln!("typeset: skipped, {err}"),
        Err(err) => return eprintln!("typeset: skipped, {err}"),
    };
    let mut group = c.benchmark_group("text_50_pages");
    // The same text either way, so bytes per second compare the two directly.
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("typeset", |b| {
        b.iter(|| set(&path).map(|d| d.pages().len()))
    });
    group.bench_function("open_pdf", |b| {
        b.iter(|| Document::open(input()).map(|d| d.pages().len()))
    });
    group.finish();
}

criterion_group!(benches, redact, typeset);
criterion_main!(benches);
