//! The pipeline's stages as a caseworker meets them: a review analyses the document once, and
//! applying the reviewed session renders, writes and verifies with no second analysis.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use lantero_redact::Result;
use lantero_redact::detect::{Candidate, Detector, Entity, Recognizer};
use lantero_redact::document::{Document, OcrReason};
use lantero_redact::pipeline::{PendingPolicy, Redactor};

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../examples/data")
        .join(name)
}

/// The built-in personnummer rule, counting how often it is asked to look.
struct Counting {
    calls: Arc<AtomicUsize>,
}

impl Recognizer for Counting {
    fn name(&self) -> &str {
        "counting"
    }

    fn entities(&self) -> &[Entity] {
        &[Entity::Personnummer]
    }

    fn recognize(&self, text: &str) -> Result<Vec<Candidate>> {
        self.calls.fetch_add(1, Ordering::SeqCst);
        Ok(text
            .match_indices("19121212-1212")
            .map(|(start, s)| Candidate {
                entity: Entity::Personnummer,
                start,
                end: start + s.len(),
                score: 0.99,
                reason: "test".into(),
            })
            .collect())
    }
}

#[test]
fn applying_a_review_runs_no_detection() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("brev.txt");
    std::fs::write(&input, "Beslut för 19121212-1212, Storgatan 1.\n").unwrap();
    let calls = Arc::new(AtomicUsize::new(0));
    let mut detector = Detector::builtin();
    detector.add_recognizer(Arc::new(Counting {
        calls: Arc::clone(&calls),
    }));
    let redactor = Redactor::new().with_detector(detector).with_ocr(None);

    let mut session = redactor.review(&input).unwrap();
    let after_review = calls.load(Ordering::SeqCst);
    assert!(after_review >= 1, "the review ran the recognizer");
    let id = session.proposals[0].id.clone();
    session
        .accept(&id, "handläggare", Some("OSL 21:1"))
        .unwrap();

    let out = dir.path().join("utlamnas.pdf");
    let report = redactor
        .redact(&input, &out, Some(&session), PendingPolicy::Mask)
        .unwrap();
    assert_eq!(
        calls.load(Ordering::SeqCst),
        after_review,
        "no second analysis"
    );
    assert!(report.write.verification.passed());
    assert!(out.exists());
}

#[test]
fn a_session_applies_only_to_the_file_it_was_made_for() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("brev.txt");
    std::fs::write(&input, "Beslut för 19121212-1212.\n").unwrap();
    let redactor = Redactor::new().with_ocr(None);
    let session = redactor.review(&input).unwrap();
    std::fs::write(&input, "Beslut för 19121212-1212!\n").unwrap();
    let out = dir.path().join("utlamnas.pdf");
    let err = redactor
        .redact(&input, &out, Some(&session), PendingPolicy::Mask)
        .unwrap_err();
    assert!(
        err.to_string().contains("made for a different document"),
        "{err}"
    );
    assert!(!out.exists());
}

#[test]
fn documents_are_hashed_once_when_opened() {
    let path = sample("beslut-ekonomiskt-bistand.pdf");
    let document = Document::open(&path).unwrap();
    let bytes = std::fs::read(&path).unwrap();
    let session = lantero_redact::review::ReviewSession::new("x", &bytes, 1, &[]);
    assert_eq!(document.sha256(), session.document_sha256);
}

#[test]
fn text_in_standard_fonts_needs_no_ocr() {
    for name in [
        "beslut-ekonomiskt-bistand.pdf",
        "protokoll-socialnamnden.pdf",
        "epost-tips.pdf",
    ] {
        let document = Document::open(sample(name)).unwrap();
        for page in document.pages() {
            assert!(
                page.ocr_regions()
                    .iter()
                    .all(|r| r.reason == OcrReason::Image),
                "{name} page {}: {:?}",
                page.number(),
                page.ocr_regions()
            );
        }
    }
}

/// An OCR engine that reads nothing and counts how often it is asked.
struct CountingOcr {
    calls: Arc<AtomicUsize>,
}

impl lantero_redact::ocr::OcrEngine for CountingOcr {
    fn name(&self) -> &str {
        "counting"
    }

    fn recognize(
        &self,
        _image: &image::GrayImage,
        _dpi: f32,
    ) -> Result<Vec<lantero_redact::ocr::OcrWord>> {
        self.calls.fetch_add(1, Ordering::SeqCst);
        Ok(Vec::new())
    }
}

#[test]
fn pictures_on_text_pages_are_read_once_per_picture() {
    let letter =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/realistic/beslut-ekonomiskt-bistand.pdf");
    let document = Document::open(&letter).unwrap();
    let regions: usize = document.pages().iter().map(|p| p.ocr_regions().len()).sum();
    assert!(
        document
            .pages()
            .iter()
            .flat_map(|p| p.ocr_regions())
            .all(|r| r.reason == OcrReason::Image),
        "LibreOffice's fonts are read from the text layer: {:?}",
        document
            .pages()
            .iter()
            .map(|p| p.ocr_regions())
            .collect::<Vec<_>>()
    );
    let calls = Arc::new(AtomicUsize::new(0));
    let redactor = Redactor::new().with_ocr(Some(Arc::new(CountingOcr {
        calls: Arc::clone(&calls),
    })));
    redactor.analyze(&letter).unwrap();
    let first = calls.load(Ordering::SeqCst);
    // The crest heads every page: it is read once, the pasted receipt once.
    assert!(
        first >= 1 && first < regions,
        "{first} reads for {regions} pictures"
    );
    redactor.analyze(&letter).unwrap();
    assert_eq!(
        calls.load(Ordering::SeqCst),
        first,
        "a batch reads a picture once"
    );
}
