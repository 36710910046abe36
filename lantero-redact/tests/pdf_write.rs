//! Writing redacted PDFs end to end: render, mask, encode, write, verify, rename — or nothing.

use std::path::{Path, PathBuf};

use lantero_redact::Error;
use lantero_redact::document::Document;
use lantero_redact::render::{Encoding, GreyLevels, Mask, RenderOptions};
use lantero_redact::write::write_redacted;

fn pdf(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/pdf")
        .join(name)
}

/// Masks over every occurrence of each needle, on every page.
fn masks_for(document: &Document, needles: &[&str]) -> Vec<Mask> {
    let mut masks = Vec::new();
    for page in document.pages() {
        for needle in needles {
            for (byte, _) in page.text().match_indices(needle) {
                let start = page.text()[..byte].chars().count();
                for rect in page.boxes_for(start, start + needle.chars().count()) {
                    masks.push(Mask {
                        page: page.number(),
                        rect,
                        label: Some("OSL 26:1".into()),
                    });
                }
            }
        }
    }
    masks
}

fn strings(needles: &[&str]) -> Vec<String> {
    needles.iter().map(|s| s.to_string()).collect()
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_redacted_pdf_has_only_images_of_the_same_pages() {
    let dir = tempfile::tempdir().unwrap();
    let input = pdf("text_multipage.pdf");
    let before = std::fs::read(&input).unwrap();
    let document = Document::open(&input).unwrap();
    let secrets = ["Anna Svensson", "19121212-1212", "Åsa Öberg"];
    let masks = masks_for(&document, &secrets);
    assert_eq!(masks.len(), 4);
    let out = dir.path().join("utlämnande.pdf");
    let report = write_redacted(
        &document,
        &masks,
        &out,
        &RenderOptions::default(),
        &strings(&secrets),
    )
    .unwrap();

    assert_eq!(
        files_in(dir.path()),
        ["utlämnande.pdf"],
        "no temporary file is left"
    );
    assert_eq!(
        std::fs::read(&input).unwrap(),
        before,
        "the input is never modified"
    );
    assert!(report.verification.passed());
    assert_eq!(report.bytes, std::fs::metadata(&out).unwrap().len());
    let masks_per_page: Vec<usize> = report.pages.iter().map(|p| p.masks).collect();
    assert_eq!(masks_per_page, [3, 1, 0]);
    assert!(
        report
            .pages
            .iter()
            .all(|p| p.encoding == Encoding::Grey4Flate)
    );

    let output = Document::open(&out).unwrap();
    assert_eq!(output.pages().len(), 3);
    for (page, original) in output.pages().iter().zip(document.pages()) {
        assert_eq!(
            (page.width(), page.height()),
            (original.width(), original.height())
        );
        assert!(
            page.text().trim().is_empty(),
            "page {} has text",
            page.number()
        );
    }
}

#[test]
fn rotation_is_baked_into_the_page_images() {
    let dir = tempfile::tempdir().unwrap();
    let document = Document::open(pdf("geometry.pdf")).unwrap();
    let out = dir.path().join("out.pdf");
    let report = write_redacted(
        &document,
        &masks_for(&document, &["Svensson"]),
        &out,
        &RenderOptions::default(),
        &[],
    )
    .unwrap();
    assert_eq!(
        (report.pages[0].width_px, report.pages[0].height_px),
        (1754, 1240)
    );
    let output = Document::open(&out).unwrap();
    for (page, original) in output.pages().iter().zip(document.pages()) {
        assert_eq!(page.rotation().degrees(), 0);
        assert_eq!(
            (page.width(), page.height()),
            (original.width(), original.height())
        );
    }
}

#[test]
fn colour_is_kept_only_where_the_page_has_colour() {
    let dir = tempfile::tempdir().unwrap();
    for (name, expected) in [
        ("colour.pdf", Encoding::Rgb4Flate),
        ("annotated.pdf", Encoding::Grey4Flate),
    ] {
        let document = Document::open(pdf(name)).unwrap();
        let out = dir.path().join(name);
        let report = write_redacted(&document, &[], &out, &RenderOptions::default(), &[]).unwrap();
        assert_eq!(report.pages[0].encoding, expected, "{name}");
    }
    let lossless = RenderOptions {
        grey_levels: GreyLevels::Full,
        ..RenderOptions::default()
    };
    let document = Document::open(pdf("text_multipage.pdf")).unwrap();
    let report =
        write_redacted(&document, &[], &dir.path().join("full.pdf"), &lossless, &[]).unwrap();
    assert_eq!(report.pages[0].encoding, Encoding::Grey8Flate);
}

#[test]
fn a_failed_verification_leaves_no_file_behind() {
    let dir = tempfile::tempdir().unwrap();
    let document = Document::open(pdf("text_multipage.pdf")).unwrap();
    let out = dir.path().join("out.pdf");
    std::fs::write(&out, b"an older result").unwrap();
    // "Lantero" is in every output (the producer), so claiming it was masked must fail.
    let err = write_redacted(
        &document,
        &[],
        &out,
        &RenderOptions::default(),
        &strings(&["Lantero"]),
    )
    .unwrap_err();
    match &err {
        Error::Verification { problems, .. } => {
            assert!(
                problems
                    .iter()
                    .any(|p| p.starts_with("masked_strings_absent")),
                "{problems:?}"
            );
        }
        other => panic!("expected a verification error, got {other}"),
    }
    assert!(err.to_string().starts_with(&out.display().to_string()));
    assert!(
        files_in(dir.path()).is_empty(),
        "{:?}",
        files_in(dir.path())
    );
}

#[test]
fn bad_requests_are_refused_before_writing() {
    let dir = tempfile::tempdir().unwrap();
    let document = Document::open(pdf("text_multipage.pdf")).unwrap();
    let options = RenderOptions::default();
    let stray = [Mask {
        page: 9,
        rect: [0.0, 0.0, 1.0, 1.0],
        label: None,
    }];
    let err =
        write_redacted(&document, &stray, &dir.path().join("a.pdf"), &options, &[]).unwrap_err();
    assert!(err.to_string().contains("page 9"), "{err}");
    let inverted = [Mask {
        page: 1,
        rect: [10.0, 10.0, 0.0, 0.0],
        label: None,
    }];
    assert!(
        write_redacted(
            &document,
            &inverted,
            &dir.path().join("a.pdf"),
            &options,
            &[]
        )
        .is_err()
    );
    let nowhere = dir.path().join("missing-folder").join("a.pdf");
    let err = write_redacted(&document, &[], &nowhere, &options, &[]).unwrap_err();
    assert!(matches!(err, Error::Output { .. }), "{err}");
    assert!(files_in(dir.path()).is_empty());

    let copy = dir.path().join("in.pdf");
    std::fs::copy(pdf("text_multipage.pdf"), &copy).unwrap();
    let original = Document::open(&copy).unwrap();
    let err = write_redacted(
        &original,
        &[],
        &dir.path().join(".").join("in.pdf"),
        &options,
        &[],
    )
    .unwrap_err();
    assert!(err.to_string().contains("would replace the input"), "{err}");
    assert_eq!(
        std::fs::read(&copy).unwrap(),
        std::fs::read(pdf("text_multipage.pdf")).unwrap()
    );
    std::fs::remove_file(&copy).unwrap();

    let text = dir.path().join("brev.txt");
    std::fs::write(&text, "Anna").unwrap();
    let document = Document::open(&text).unwrap();
    assert!(write_redacted(&document, &[], &dir.path().join("b.pdf"), &options, &[]).is_err());
}

/// Short masked strings are searched where text can live and on token boundaries, not as raw
/// bytes of the file's syntax: "12", "ID" or "Ab" no longer match an object number, an offset
/// or a page size by chance and fail a clean output of many pages.
#[test]
fn short_masked_strings_do_not_fail_a_clean_output_but_are_found_in_a_string() {
    let dir = tempfile::tempdir().unwrap();
    let document = Document::open(pdf("fifty_pages.pdf")).unwrap();
    assert!(document.pages().len() >= 50);
    let out = dir.path().join("out.pdf");
    let options = RenderOptions {
        dpi: 20.0,
        ..RenderOptions::default()
    };
    let short = [
        "Ab", "ID", "12", "10", "0 R", "Do", "n", "59", "842", "Im0", "PDF", "obj",
    ];
    let report = write_redacted(&document, &[], &out, &options, &strings(&short))
        .expect("a clean output passes with short masked strings");
    assert!(report.verification.passed());

    // The same output with the producer string changed to hold two of them, length kept.
    let mut bytes = std::fs::read(&out).unwrap();
    let at = bytes.windows(9).position(|w| w == b"(Lantero)").unwrap();
    bytes[at..at + 9].copy_from_slice(b"(ab 12 x)");
    let changed = dir.path().join("changed.pdf");
    std::fs::write(&changed, &bytes).unwrap();
    let check = |masked: &str| {
        let report = lantero_redact::verify::inspect(&changed, &strings(&[masked])).unwrap();
        report.check("masked_strings_absent").unwrap().passed
    };
    assert!(!check("Ab"), "found in a string, in another letter case");
    assert!(!check("12"));
    assert!(
        check("ID") && check("b 1"),
        "not found where it is absent or not on a boundary"
    );
}
