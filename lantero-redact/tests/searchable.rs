//! Searchable outputs (`--searchable`): a demo letter and a realistic case file are redacted
//! with an invisible OCR text layer. `pdftotext` (Poppler, a reader other than the PDFium the
//! verifier uses) must return the page's visible text and none of the masked strings, and the
//! layer must change no pixel of the page.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use lantero_redact::document::Document;
use lantero_redact::pipeline::{PendingPolicy, Redactor};
use lantero_redact::render::rasterise;
use lantero_redact::verify::{self, Profile};
use serde::Deserialize;

use common::{ocr_pages, squash};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

/// What `pdftotext` extracts from `pdf`, in reading order.
fn pdftotext(pdf: &Path) -> String {
    let output = Command::new("pdftotext")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) runs");
    assert!(output.status.success(), "pdftotext fails on {pdf:?}");
    String::from_utf8(output.stdout).expect("pdftotext writes UTF-8")
}

/// Lower-cased words (letters, digits and the marks inside them), joined by single spaces.
fn words(text: &str) -> String {
    text.split_whitespace()
        .map(|w| w.to_lowercase())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether `needle` is in `hay` (both through [`words`]) with no letter or digit either side.
fn holds(hay: &str, needle: &str) -> bool {
    let (hay, needle) = (words(hay), words(needle));
    if needle.is_empty() {
        return false;
    }
    hay.match_indices(&needle).any(|(at, _)| {
        let before = hay[..at].chars().next_back();
        let after = hay[at + needle.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Distinct words of 4 or more letters in `text`.
fn long_words(text: &str) -> Vec<&str> {
    let mut found: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 4 && w.chars().all(char::is_alphabetic))
        .collect();
    found.sort_unstable();
    found.dedup();
    found
}

/// What one redaction showed.
struct Outcome {
    /// Words Tesseract reads off the output's pages (at 300 dpi, independently of the layer)
    /// and how many `pdftotext` returned.
    visible: (usize, usize),
    /// Words of the source's own text outside masked strings, and how many `pdftotext`
    /// returned (masks also cover parts of their neighbours, so not all are visible).
    source: (usize, usize),
    /// Masked strings and public strings found in `pdftotext`'s text.
    leaked: Vec<String>,
    text: String,
}

/// Redacts `input` searchable, every proposal masked, checks the verifier's report and the
/// pixels, and measures what `pdftotext` reads.
fn redact_searchable(input: &Path, secrets: &[String], dir: &Path) -> Outcome {
    let redactor = Redactor::new().with_searchable(true);
    let analysis = redactor.analyze_pages(input).expect("input analyses");
    let session = analysis.session();
    let masked: Vec<String> = session
        .proposals
        .iter()
        .filter(|p| p.is_masked(true))
        .map(|p| p.text.clone())
        .collect();
    assert!(masked.len() >= 5, "{input:?}: only {} masks", masked.len());
    let out = dir.join("searchable.pdf");
    let report = redactor
        .apply(&analysis.document, &session, &out, PendingPolicy::Mask)
        .expect("the searchable output is written and verified");
    assert_eq!(report.write.verification.profile, Profile::Searchable);
    assert!(report.write.verification.passed());
    let layer_words: usize = report.write.pages.iter().map(|p| p.layer_words).sum();
    assert!(layer_words >= 40, "{input:?}: {layer_words} layer words");

    // The layer draws nothing: every pixel is the image-only output's.
    let plain = dir.join("plain.pdf");
    Redactor::new()
        .apply(&analysis.document, &session, &plain, PendingPolicy::Mask)
        .expect("the image-only output is written");
    let (a, b) = (
        Document::open(&out).unwrap(),
        Document::open(&plain).unwrap(),
    );
    for page in 1..=a.pages().len() as u32 {
        let (a, b) = (
            rasterise(&a, page, 100.0).unwrap(),
            rasterise(&b, page, 100.0).unwrap(),
        );
        assert!(
            a.pixels() == b.pixels(),
            "{input:?} page {page}: the layer shows"
        );
    }
    // The image-only profile refuses the layer; the searchable one passes.
    let as_image_only = verify::inspect(&out, &masked).unwrap();
    assert!(!as_image_only.check("no_fonts").unwrap().passed);
    assert!(
        verify::inspect_as(&out, &masked, Profile::Searchable)
            .unwrap()
            .passed()
    );

    let text = pdftotext(&out);
    // Identifiers are also looked for without their spaces and dashes.
    let identifier = |m: &str| m.chars().any(|c| c.is_ascii_digit()) && squash(m).len() >= 6;
    let leaked = masked
        .iter()
        .chain(secrets)
        .filter(|m| holds(&text, m) || (identifier(m) && squash(&text).contains(&squash(m))))
        .cloned()
        .collect();
    let seen = ocr_pages(&out, 300.0);
    let visible = long_words(&seen);
    // A word cut by a mask's edge reads a letter longer or shorter from one image to the other.
    let text_words = long_words(&text);
    let near = |w: &str| {
        let w = w.to_lowercase();
        text_words.iter().any(|t| {
            let t = t.to_lowercase();
            t.len().abs_diff(w.len()) <= 2 && (t.contains(&w) || w.contains(&t))
        })
    };
    let missing: Vec<&&str> = visible.iter().filter(|w| !near(w)).collect();
    println!("{input:?}: OCR reads, pdftotext lacks: {missing:?}");
    let found = visible.len() - missing.len();
    let source_text = analysis.page_texts().join("\n");
    let source: Vec<&str> = long_words(&source_text)
        .into_iter()
        .filter(|w| !masked.iter().any(|m| m.contains(w)))
        .collect();
    let in_source = source.iter().filter(|w| holds(&text, w)).count();
    Outcome {
        visible: (visible.len(), found),
        source: (source.len(), in_source),
        leaked,
        text,
    }
}

#[derive(Deserialize)]
struct Manifest {
    files: Vec<Entry>,
}

#[derive(Deserialize)]
struct Entry {
    name: String,
    secrets: Vec<Secret>,
    public: Vec<String>,
}

#[derive(Deserialize)]
struct Secret {
    text: String,
}

#[test]
fn a_demo_letter_is_searchable_without_its_masked_strings() {
    let dir = tempfile::tempdir().unwrap();
    let input = root().join("../examples/data/beslut-ekonomiskt-bistand.pdf");
    let outcome = redact_searchable(&input, &[], dir.path());
    let ((expected, found), (source, in_source)) = (outcome.visible, outcome.source);
    println!(
        "demo letter: pdftotext finds {found} of {expected} words OCR reads on the page, \
         {in_source} of {source} unmasked words of the source"
    );
    assert!(outcome.leaked.is_empty(), "pdftotext reads masked strings");
    assert!(
        found * 100 >= expected * 85 && in_source * 100 >= source * 70,
        "pdftotext finds too few words:\n{}",
        outcome.text
    );
    for public in ["Beslut", "ekonomiskt bistånd", "Socialnämnden"] {
        assert!(holds(&outcome.text, public), "{public:?} not searchable");
    }
}

#[test]
fn a_realistic_case_file_is_searchable_without_its_secrets() {
    let corpus = root().join("tests/realistic");
    let manifest: Manifest =
        serde_json::from_str(&std::fs::read_to_string(corpus.join("manifest.json")).unwrap())
            .unwrap();
    let entry = manifest
        .files
        .iter()
        .find(|e| e.name == "beslut-ekonomiskt-bistand.pdf")
        .expect("the corpus has the letter");
    let secrets: Vec<String> = entry.secrets.iter().map(|s| s.text.clone()).collect();
    let dir = tempfile::tempdir().unwrap();
    let outcome = redact_searchable(&corpus.join(&entry.name), &secrets, dir.path());
    let ((expected, found), (source, in_source)) = (outcome.visible, outcome.source);
    let public = entry
        .public
        .iter()
        .filter(|p| holds(&outcome.text, p))
        .count();
    println!(
        "{}: pdftotext finds {found} of {expected} words OCR reads on the pages, {in_source} of \
         {source} unmasked words of the source, {public} of {} public strings",
        entry.name,
        entry.public.len()
    );
    assert!(
        outcome.leaked.is_empty(),
        "pdftotext reads masked or secret strings (synthetic test data): {:?}\n{}",
        outcome.leaked,
        outcome.text
    );
    assert!(
        found * 100 >= expected * 90 && in_source * 100 >= source * 70,
        "pdftotext finds too few words:\n{}",
        outcome.text
    );
}

/// An engine that reads the same words on every page, or fails.
struct Scripted(Option<Vec<&'static str>>);

impl lantero_redact::ocr::OcrEngine for Scripted {
    fn name(&self) -> &str {
        "scripted"
    }

    fn recognize(
        &self,
        _image: &image::GrayImage,
        _dpi: f32,
    ) -> lantero_redact::Result<Vec<lantero_redact::ocr::OcrWord>> {
        let words = self
            .0
            .as_ref()
            .ok_or_else(|| lantero_redact::Error::Internal {
                path: "scripted".into(),
                reason: "the engine broke".into(),
            })?;
        Ok(words
            .iter()
            .enumerate()
            .map(|(i, text)| lantero_redact::ocr::OcrWord {
                text: (*text).into(),
                rect: [
                    72.0 + 70.0 * i as f32,
                    100.0,
                    130.0 + 70.0 * i as f32,
                    112.0,
                ],
                confidence: 0.9,
                block: 1,
                paragraph: 1,
                line: 1,
            })
            .collect())
    }
}

#[test]
fn a_masked_string_read_on_the_page_is_withheld_and_a_failing_engine_leaves_no_file() {
    use lantero_redact::render::RenderOptions;
    use lantero_redact::write::write_searchable;
    use std::sync::Arc;

    let dir = tempfile::tempdir().unwrap();
    let document = Document::open(root().join("../examples/data/epost-tips.pdf")).unwrap();
    let out = dir.path().join("out.pdf");
    let masked = vec!["Anna Svensson".to_string()];
    let engine = Arc::new(Scripted(Some(vec!["Beslut", "ANNA", "Svensson.", "Annas"])));
    let report = write_searchable(
        &document,
        &[],
        &out,
        &RenderOptions::default(),
        &masked,
        engine,
    )
    .expect("written and verified");
    let pages = document.pages().len();
    assert_eq!(report.pages.len(), pages);
    assert!(
        report
            .pages
            .iter()
            .all(|p| p.layer_words == 2 && p.withheld_words == 2)
    );
    let text = pdftotext(&out);
    assert!(holds(&text, "Beslut") && holds(&text, "Annas"));
    assert!(!holds(&text, "Anna Svensson") && !holds(&text, "Svensson"));

    std::fs::write(&out, b"an older file").unwrap();
    let failed = write_searchable(
        &document,
        &[],
        &out,
        &RenderOptions::default(),
        &masked,
        Arc::new(Scripted(None)),
    );
    assert!(failed.unwrap_err().to_string().contains("the engine broke"));
    assert!(!out.exists(), "a failed write leaves nothing at the output");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}
