//! Tesseract on real page images: the sample documents and the adversarial corpus, rendered by
//! poppler's `pdftoppm` (both installed by `make setup`).
//!
//! Where OCR boxes should be is taken from an independent source, poppler's `pdftotext -bbox`
//! word boxes of the same PDF, not from numbers written into the test.

use std::path::{Path, PathBuf};
use std::process::Command;

use lantero_redact::Error;
use lantero_redact::detect::Rect;
use lantero_redact::ocr::{OcrEngine, OcrError, OcrText, OcrWord, Tesseract};

const DPI: f32 = 300.0;

fn repo_file(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(relative)
}

/// Renders one page of `pdf` to a greyscale image at [`DPI`].
fn render(pdf: &Path, page: u32) -> image::GrayImage {
    let dir = tempfile::tempdir().unwrap();
    let prefix = dir.path().join("page");
    let status = Command::new("pdftoppm")
        .args([
            "-gray",
            "-png",
            "-singlefile",
            "-r",
            &DPI.to_string(),
            "-f",
            &page.to_string(),
        ])
        .args(["-l", &page.to_string()])
        .arg(pdf)
        .arg(&prefix)
        .status()
        .expect("pdftoppm (poppler-utils) is installed by `make setup`");
    assert!(status.success(), "pdftoppm failed on {}", pdf.display());
    image::open(prefix.with_extension("png"))
        .unwrap()
        .to_luma8()
}

/// Poppler's word boxes for page 1 of `pdf`, in points from the top-left corner.
fn poppler_words(pdf: &Path) -> Vec<(String, Rect)> {
    let output = Command::new("pdftotext")
        .args(["-bbox", "-f", "1", "-l", "1"])
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    let html = String::from_utf8(output.stdout).unwrap();
    html.lines()
        .filter_map(|line| {
            let line = line.trim().strip_prefix("<word ")?;
            let (attributes, rest) = line.split_once('>')?;
            let text = rest.strip_suffix("</word>")?;
            let value = |name: &str| -> Option<f32> {
                let start = attributes.find(&format!("{name}=\""))? + name.len() + 2;
                attributes[start..].split('"').next()?.parse().ok()
            };
            let rect = [
                value("xMin")?,
                value("yMin")?,
                value("xMax")?,
                value("yMax")?,
            ];
            Some((text.to_owned(), rect))
        })
        .collect()
}

/// Whether the OCR box lies where poppler says the word is (within `slack` points): OCR boxes
/// hug the ink, poppler's span the font's full height, so the OCR box must fit inside.
fn fits(ocr: Rect, expected: Rect, slack: f32) -> bool {
    ocr[0] >= expected[0] - slack
        && ocr[2] <= expected[2] + slack
        && ocr[1] >= expected[1] - slack
        && ocr[3] <= expected[3] + slack
        && (ocr[2] - ocr[0]) >= 0.8 * (expected[2] - expected[0])
}

fn find<'w>(words: &'w [OcrWord], text: &str) -> &'w OcrWord {
    words.iter().find(|w| w.text == text).unwrap_or_else(|| {
        panic!(
            "OCR did not read {text:?}; it read {:?}",
            words.iter().map(|w| &w.text).collect::<Vec<_>>()
        )
    })
}

#[test]
fn tesseract_reads_a_decision_with_its_personnummer_and_name_where_they_stand() {
    let pdf = repo_file("examples/data/beslut-ekonomiskt-bistand.pdf");
    let words = Tesseract::new().recognize(&render(&pdf, 1), DPI).unwrap();
    let expected = poppler_words(&pdf);
    let expected_box = |text: &str| {
        expected
            .iter()
            .find(|(t, _)| t == text)
            .map(|(_, r)| *r)
            .unwrap()
    };

    for text in ["811218-9876", "Karin", "Lindqvist", "Storgatan"] {
        let word = find(&words, text);
        assert!(
            fits(word.rect, expected_box(text), 1.5),
            "{text}: OCR box {:?}, poppler box {:?}",
            word.rect,
            expected_box(text)
        );
        assert!(
            word.confidence > 0.5,
            "{text}: confidence {}",
            word.confidence
        );
    }

    let page = OcrText::from_words(&words);
    assert!(
        page.text
            .contains("Sökande: Karin Lindqvist\nPersonnummer: 811218-9876\n"),
        "{}",
        page.text
    );
    let start = page
        .text
        .find("811218-9876")
        .map(|b| page.text[..b].chars().count())
        .unwrap();
    let number_boxes: Vec<Rect> = page.boxes[start..start + 11]
        .iter()
        .map(|b| b.unwrap())
        .collect();
    let pnr = find(&words, "811218-9876").rect;
    assert_eq!(number_boxes[0][0], pnr[0]);
    assert!((number_boxes[10][2] - pnr[2]).abs() < 1e-3);
}

#[test]
fn tesseract_reads_swedish_letters_on_the_second_page_of_the_minutes() {
    let pdf = repo_file("examples/data/protokoll-socialnamnden.pdf");
    let page = OcrText::from_words(&Tesseract::new().recognize(&render(&pdf, 2), DPI).unwrap());
    for text in [
        "920574-4569",
        "Ängsvägen 7",
        "Wikström",
        "Förteckningen",
        "förvaltningsrätten",
        "överklagandet",
    ] {
        assert!(
            page.text.contains(text),
            "missing {text:?} in:\n{}",
            page.text
        );
    }
}

#[test]
fn tesseract_reads_what_only_the_pixels_of_the_adversarial_corpus_show() {
    let corpus = repo_file("lantero-redact/tests/corpus");
    let manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(corpus.join("manifest.json")).unwrap())
            .unwrap();
    assert_eq!(manifest["schema"], "lantero.adversarial-corpus/v1");
    let mut checked = 0;
    for file in manifest["files"].as_array().unwrap() {
        let secrets = file["ocr_only_secrets"].as_array().unwrap();
        if secrets.is_empty() {
            continue;
        }
        let pdf = corpus.join(file["name"].as_str().unwrap());
        let text =
            OcrText::from_words(&Tesseract::new().recognize(&render(&pdf, 1), DPI).unwrap()).text;
        for secret in secrets {
            assert!(
                text.contains(secret.as_str().unwrap()),
                "{}: OCR missed {secret} in:\n{text}",
                pdf.display()
            );
            checked += 1;
        }
    }
    assert!(
        checked >= 3,
        "the corpus should hold OCR-only secrets, found {checked}"
    );
}

#[test]
fn a_missing_program_says_to_run_make_setup() {
    let engine = Tesseract::new().with_program("/nonexistent/bin/tesseract");
    let err = engine
        .recognize(&image::GrayImage::new(20, 20), DPI)
        .unwrap_err();
    assert!(
        matches!(err, Error::Ocr(OcrError::EngineMissing { .. })),
        "{err:?}"
    );
    assert!(err.to_string().contains("run `make setup`"), "{err}");
    assert!(matches!(
        engine.check(),
        Err(Error::Ocr(OcrError::EngineMissing { .. }))
    ));
}

#[test]
fn missing_language_data_is_named_with_what_is_installed() {
    let engine = Tesseract::new().with_language("swe+xyz");
    let err = engine.check().unwrap_err();
    let Error::Ocr(OcrError::LanguageMissing {
        language,
        available,
        ..
    }) = &err
    else {
        panic!("expected a missing language, got {err:?}");
    };
    assert_eq!(language, "xyz");
    assert!(available.iter().any(|l| l == "swe"), "{available:?}");
    assert!(err.to_string().contains("tesseract-ocr-xyz"), "{err}");

    let err = engine
        .recognize(
            &image::GrayImage::from_pixel(40, 40, image::Luma([255])),
            DPI,
        )
        .unwrap_err();
    assert!(
        matches!(err, Error::Ocr(OcrError::LanguageMissing { ref language, .. }) if language == "xyz"),
        "{err:?}"
    );
}

#[test]
fn the_installed_tesseract_has_swedish() {
    Tesseract::new().check().unwrap();
}

#[test]
fn a_blank_page_has_no_words() {
    let blank = image::GrayImage::from_pixel(400, 300, image::Luma([255]));
    assert!(Tesseract::new().recognize(&blank, DPI).unwrap().is_empty());
}
