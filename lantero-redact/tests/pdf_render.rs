//! Rendering pages and painting masks.

use std::path::{Path, PathBuf};

use lantero_redact::document::Document;
use lantero_redact::render::{
    Mask, MaskWidth, Pixels, Raster, RenderOptions, painted_rects, rasterise, render_page,
};

fn pdf(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/pdf")
        .join(name)
}

fn mask_over(document: &Document, number: u32, needle: &str, label: Option<&str>) -> Vec<Mask> {
    let page = document.page(number).unwrap();
    let byte = page.text().find(needle).unwrap();
    let start = page.text()[..byte].chars().count();
    page.boxes_for(start, start + needle.chars().count())
        .into_iter()
        .map(|rect| Mask {
            page: number,
            rect,
            label: label.map(String::from),
        })
        .collect()
}

fn levels_in(raster: &Raster, [x0, y0, x1, y1]: [u32; 4]) -> Vec<u8> {
    (y0..y1)
        .flat_map(|y| (x0..x1).map(move |x| (x, y)))
        .map(|(x, y)| raster.level(x, y).unwrap())
        .collect()
}

#[test]
fn pages_render_at_the_requested_resolution() {
    let document = Document::open(pdf("text_multipage.pdf")).unwrap();
    let raster = rasterise(&document, 1, 150.0).unwrap();
    assert_eq!((raster.width(), raster.height()), (1240, 1754));
    let raster = rasterise(&document, 1, 72.0).unwrap();
    assert_eq!((raster.width(), raster.height()), (595, 842));
    assert!(
        rasterise(&document, 4, 150.0)
            .unwrap_err()
            .to_string()
            .contains("no page 4")
    );
    assert!(rasterise(&document, 1, 0.0).is_err());
}

#[test]
fn text_pages_become_grey_and_colour_pages_stay_colour() {
    let options = RenderOptions::default();
    let text = Document::open(pdf("text_multipage.pdf")).unwrap();
    assert!(!render_page(&text, 1, &[], &options).unwrap().is_colour());
    let colour = Document::open(pdf("colour.pdf")).unwrap();
    let raster = render_page(&colour, 1, &[], &options).unwrap();
    assert!(raster.is_colour());
    // The red rectangle: 72..272 × 500..600 pt from the bottom.
    let Pixels::Rgb(rgb) = raster.pixels() else {
        unreachable!()
    };
    let (x, y) = (
        (172.0 * 150.0 / 72.0) as usize,
        ((842.0 - 550.0) * 150.0 / 72.0) as usize,
    );
    let at = (y * raster.width() as usize + x) * 3;
    assert_eq!(&rgb[at..at + 3], &[255, 0, 0]);
}

#[test]
fn annotations_and_form_fields_are_not_rendered() {
    let document = Document::open(pdf("annotated.pdf")).unwrap();
    let raster = rasterise(&document, 1, 150.0).unwrap();
    // The note (72..372 × 600..640) and the filled-in field (72..372 × 500..530) show text in a
    // viewer; here both areas stay blank paper.
    for rect in [
        [72.0, 842.0 - 640.0, 372.0, 842.0 - 600.0],
        [72.0, 842.0 - 530.0, 372.0, 842.0 - 500.0],
    ] {
        assert!(
            levels_in(&raster, raster.pixel_rect(&rect))
                .iter()
                .all(|&l| l == 255),
            "{rect:?}"
        );
    }
    // The page text itself is rendered.
    let visible = [72.0, 842.0 - 775.0, 200.0, 842.0 - 760.0];
    assert!(
        levels_in(&raster, raster.pixel_rect(&visible))
            .iter()
            .any(|&l| l < 128)
    );
}

#[test]
fn masks_are_opaque_and_cover_every_glyph_pixel() {
    let document = Document::open(pdf("text_multipage.pdf")).unwrap();
    let masks = mask_over(&document, 1, "Anna Svensson", None);
    let options = RenderOptions {
        labels: false,
        ..RenderOptions::default()
    };
    let clean = render_page(&document, 1, &[], &options).unwrap();
    let masked = render_page(&document, 1, &masks, &options).unwrap();
    let word = clean.pixel_rect(&masks[0].rect);
    assert!(
        levels_in(&clean, word).iter().any(|&l| l < 64),
        "the name is visible before masking"
    );
    let page = document.page(1).unwrap();
    let painted = painted_rects(page, &masks, &options)[0];
    assert!(painted[0] <= masks[0].rect[0] && painted[2] >= masks[0].rect[2]);
    let area = masked.pixel_rect(&painted);
    assert!(levels_in(&masked, area).iter().all(|&l| l == 0));
    // Outside the painted area nothing changed.
    let below = clean.pixel_rect(&[72.0, 100.0, 500.0, 200.0]);
    assert_eq!(levels_in(&clean, below), levels_in(&masked, below));
    // Masks for another page are ignored.
    let elsewhere: Vec<Mask> = masks
        .iter()
        .map(|m| Mask {
            page: 2,
            ..m.clone()
        })
        .collect();
    assert_eq!(
        render_page(&document, 1, &elsewhere, &options).unwrap(),
        clean
    );
}

#[test]
fn labels_are_white_inside_the_black_mask() {
    let document = Document::open(pdf("text_multipage.pdf")).unwrap();
    let masks = mask_over(&document, 1, "Anna Svensson", Some("OSL 26:1"));
    let raster = render_page(&document, 1, &masks, &RenderOptions::default()).unwrap();
    let painted = painted_rects(document.page(1).unwrap(), &masks, &RenderOptions::default())[0];
    let levels = levels_in(&raster, raster.pixel_rect(&painted));
    let white = levels.iter().filter(|&&l| l == 255).count();
    assert!(white > 50, "{white} white pixels");
    assert!(
        levels.iter().all(|&l| l == 0 || l == 255),
        "only black and white inside a labelled mask"
    );
}

#[test]
fn mask_widths_hide_the_length_of_words() {
    let document = Document::open(pdf("text_multipage.pdf")).unwrap();
    let page = document.page(1).unwrap();
    let short = mask_over(&document, 1, "Anna", None)[0].rect;
    let long = mask_over(&document, 1, "Svensson", None)[0].rect;
    let size = (page.width(), page.height());
    let width = |r: [f32; 4]| r[2] - r[0];
    assert!(width(MaskWidth::Exact.apply(short, size)) < width(MaskWidth::Exact.apply(long, size)));
    let quantised = MaskWidth::Quantised(72.0);
    assert_eq!(
        width(quantised.apply(short, size)),
        width(quantised.apply(long, size))
    );
}
