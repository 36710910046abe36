//! Reading documents: PDFs through PDFium, plain text, and images, and every way a file can be
//! unreadable. The PDFs are made by `tests/data/pdf/make.py`.

use std::io::Cursor;
use std::path::{Path, PathBuf};

use image::{GrayImage, ImageFormat, Luma};
use lantero_redact::Error;
use lantero_redact::document::{ASSUMED_DPI, Document, Rotation, SourceKind, Word};
use lantero_redact::render::rasterise;

fn pdf(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/pdf")
        .join(name)
}

/// The char range of the first `needle` on a page.
fn span(text: &str, needle: &str) -> (usize, usize) {
    let byte = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in {text:?}"));
    let start = text[..byte].chars().count();
    (start, start + needle.chars().count())
}

#[test]
fn multi_page_text_keeps_swedish_letters_and_reading_order() {
    let document = Document::open(pdf("text_multipage.pdf")).unwrap();
    assert_eq!(document.kind(), SourceKind::Pdf);
    let numbers: Vec<u32> = document.pages().iter().map(|p| p.number()).collect();
    assert_eq!(numbers, [1, 2, 3]);
    let first = &document.pages()[0];
    assert_eq!(
        (first.width(), first.height(), first.rotation()),
        (595.0, 842.0, Rotation::None)
    );
    let lines: Vec<&str> = first.text().lines().collect();
    assert_eq!(
        lines[1],
        "Sökande: Anna Svensson, personnummer 19121212-1212"
    );
    assert_eq!(lines[3], "Handläggare: Åsa Öberg, telefon 070-123 45 67");
    assert_eq!(lines[4], "Ärendet gäller Ängelholms kommun och Café Élise.");
    assert!(document.pages()[1].text().contains("ÅÄÖ åäö é"));
    assert_eq!(first.boxes().len(), first.text().chars().count());
    assert!(!first.needs_ocr());
}

#[test]
fn a_name_gets_one_box_on_its_line() {
    let document = Document::open(pdf("text_multipage.pdf")).unwrap();
    let page = &document.pages()[0];
    let (start, end) = span(page.text(), "Anna Svensson");
    let boxes = page.boxes_for(start, end);
    assert_eq!(boxes.len(), 1);
    let [x0, y0, x1, y1] = boxes[0];
    // Second line: baseline 755 pt from the bottom, 11 pt Helvetica, after "Sökande: ".
    assert!(x0 > 100.0 && x1 < 220.0 && x1 - x0 > 60.0, "{:?}", boxes[0]);
    assert!(y0 > 842.0 - 770.0 && y1 < 842.0 - 750.0, "{:?}", boxes[0]);
    // Generated line breaks have no box; real glyphs do.
    let newline = page.text().chars().position(|c| c == '\n').unwrap();
    assert_eq!(page.boxes()[newline], None);
    assert!(page.boxes()[start].is_some());
}

#[test]
fn a_span_over_two_lines_gets_a_box_per_line() {
    let document = Document::open(pdf("text_multipage.pdf")).unwrap();
    let page = &document.pages()[0];
    let (start, _) = span(page.text(), "19121212-1212");
    let (_, end) = span(page.text(), "Adress");
    assert_eq!(page.boxes_for(start, end).len(), 2);
}

/// Dark pixels inside the box of `needle` in the rendered page, and none in a box of the same
/// size moved well away: boxes and pixels agree after rotation and cropping.
fn boxes_match_pixels(number: u32, document: &Document) {
    let page = document.page(number).unwrap();
    let raster = rasterise(document, number, 150.0).unwrap();
    assert_eq!(raster.width(), (page.width() * 150.0 / 72.0).round() as u32);
    assert_eq!(
        raster.height(),
        (page.height() * 150.0 / 72.0).round() as u32
    );
    let (start, end) = span(page.text(), "Svensson");
    let boxes = page.boxes_for(start, end);
    assert_eq!(boxes.len(), 1, "page {number}");
    let dark_in = |rect: [f32; 4]| {
        let [x0, y0, x1, y1] = raster.pixel_rect(&rect);
        (y0..y1)
            .flat_map(|y| (x0..x1).map(move |x| (x, y)))
            .filter(|&(x, y)| raster.level(x, y).unwrap() < 128)
            .count()
    };
    let [x0, y0, x1, y1] = boxes[0];
    let inside = dark_in(boxes[0]);
    let area = ((x1 - x0) * (y1 - y0) * (150.0f32 / 72.0).powi(2)) as usize;
    assert!(
        inside * 5 > area,
        "page {number}: only {inside} of {area} pixels in {:?} are dark",
        boxes[0]
    );
    // The same box reflected through the page centre lands on empty paper.
    let mirrored = [
        page.width() - x1,
        page.height() - y1,
        page.width() - x0,
        page.height() - y0,
    ];
    assert_eq!(dark_in(mirrored), 0, "page {number}: {mirrored:?}");
}

#[test]
fn boxes_follow_rotation_and_crop_boxes() {
    let document = Document::open(pdf("geometry.pdf")).unwrap();
    let rotations: Vec<Rotation> = document.pages().iter().map(|p| p.rotation()).collect();
    assert_eq!(
        rotations,
        [
            Rotation::Clockwise90,
            Rotation::Clockwise180,
            Rotation::Clockwise270,
            Rotation::None
        ]
    );
    assert_eq!(
        (document.pages()[0].width(), document.pages()[0].height()),
        (842.0, 595.0)
    );
    assert_eq!(
        (document.pages()[3].width(), document.pages()[3].height()),
        (495.0, 742.0)
    );
    for number in 1..=4 {
        boxes_match_pixels(number, &document);
    }
}

#[test]
fn annotation_text_is_not_page_text() {
    let document = Document::open(pdf("annotated.pdf")).unwrap();
    let page = &document.pages()[0];
    assert_eq!(page.text().trim(), "Synlig text på sidan.");
    assert_eq!(page.hidden_annotations(), 2);
}

fn assert_one_line_naming(err: &Error, file: &str) {
    let message = err.to_string();
    assert!(message.contains(file), "{message}");
    assert!(!message.contains('\n'), "{message}");
}

#[test]
fn unreadable_pdfs_are_typed_errors() {
    let err = Document::open(pdf("encrypted.pdf")).unwrap_err();
    assert!(matches!(err, Error::Encrypted { .. }), "{err}");
    assert_one_line_naming(&err, "encrypted.pdf");
    for name in ["damaged.pdf", "not_a_pdf.pdf"] {
        let err = Document::open(pdf(name)).unwrap_err();
        assert!(matches!(err, Error::Pdf { .. }), "{err}");
        assert_one_line_naming(&err, name);
    }
    for (name, reason) in [("empty.pdf", "empty"), ("missing.pdf", "not found")] {
        let err = Document::open(pdf(name)).unwrap_err();
        assert!(
            matches!(err, Error::Input { .. }) && err.to_string().contains(reason),
            "{err}"
        );
        assert_one_line_naming(&err, name);
    }
    let err = Document::open(pdf("make.py")).unwrap_err();
    assert!(err.to_string().contains("unsupported file type"), "{err}");
}

#[test]
fn plain_text_is_one_page_exactly_as_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("brev.txt");
    std::fs::write(&path, "Anna Svensson\r\nÅsa Öberg\n").unwrap();
    let document = Document::open(&path).unwrap();
    assert_eq!(document.kind(), SourceKind::Text);
    let page = &document.pages()[0];
    assert_eq!(page.text(), "Anna Svensson\r\nÅsa Öberg\n");
    assert!(page.boxes().iter().all(Option::is_none));
    assert!(!page.needs_ocr());
    assert!(rasterise(&document, 1, 150.0).is_err());

    // Set on pages it has boxes and page images, and a blank page is not sent to OCR.
    std::fs::write(&path, "Anna Svensson\n\u{0C}\n\n").unwrap();
    let set = Document::open(&path).unwrap().typeset().unwrap();
    assert_eq!(set.pages().len(), 2);
    assert!(!set.pages()[0].boxes_for(0, 13).is_empty());
    assert!(set.pages().iter().all(|p| !p.needs_ocr()));
    assert!(rasterise(&set, 2, 150.0).is_ok());

    std::fs::write(&path, b"Anna \xff").unwrap();
    let err = Document::open(&path).unwrap_err();
    assert!(
        err.to_string().contains("not valid UTF-8 (at byte 5)"),
        "{err}"
    );
}

#[test]
fn images_are_one_page_waiting_for_ocr() {
    let dir = tempfile::tempdir().unwrap();
    let mut image = GrayImage::from_pixel(600, 300, Luma([255]));
    for y in 100..130 {
        for x in 50..250 {
            image.put_pixel(x, y, Luma([0]));
        }
    }
    for (name, format) in [
        ("scan.png", ImageFormat::Png),
        ("scan.jpg", ImageFormat::Jpeg),
        ("scan.tif", ImageFormat::Tiff),
    ] {
        let mut bytes = Vec::new();
        image
            .write_to(&mut Cursor::new(&mut bytes), format)
            .unwrap();
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let mut document = Document::open(&path).unwrap();
        assert_eq!(document.kind(), SourceKind::Image, "{name}");
        let page = &document.pages()[0];
        assert!(page.needs_ocr());
        // No resolution recorded: 600 pixels at the assumed 300 dpi are 144 pt.
        let expected = 600.0 * 72.0 / ASSUMED_DPI;
        assert!(
            (page.width() - expected).abs() < 0.01,
            "{name}: {}",
            page.width()
        );
        let raster = rasterise(&document, 1, 150.0).unwrap();
        assert!(!raster.is_colour());
        assert!(
            raster
                .level(150 * raster.width() / 600, 115 * raster.height() / 300)
                .unwrap()
                < 64
        );

        document.pages_mut()[0].set_words(&[Word {
            text: "Anna".into(),
            rect: [12.0, 24.0, 60.0, 31.0],
        }]);
        assert_eq!(document.pages()[0].text(), "Anna");
        assert!(!document.pages()[0].needs_ocr());
    }
    std::fs::write(dir.path().join("broken.png"), b"\x89PNG\r\n\x1a\nbroken").unwrap();
    let err = Document::open(dir.path().join("broken.png")).unwrap_err();
    assert_one_line_naming(&err, "broken.png");
}
