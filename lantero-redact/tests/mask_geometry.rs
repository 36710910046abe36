//! Mask geometry on real documents: every demo letter (`examples/data/`) and every file of the
//! realistic corpus (`tests/realistic/`, scanned copies included) is analysed by the pipeline,
//! every proposal is masked (as `lantero redact --accept-all` does), and the rectangles the
//! renderer paints ([`painted_rects`], the function it uses) must cover every glyph of the
//! masked findings and no other glyph: a mask may not grow over a label, a neighbouring word or
//! the lines above and below.
//!
//! One page is also rendered and compared pixel by pixel: the label next to a masked value
//! looks exactly as it does on the unredacted page.

use std::path::{Path, PathBuf};

use lantero_redact::document::{Page, Rect};
use lantero_redact::pipeline::Redactor;
use lantero_redact::render::{Mask, RenderOptions, painted_rects, render_page};
use lantero_redact::review::{Proposal, ReviewSession};

fn documents() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths = Vec::new();
    for dir in [root.join("../examples/data"), root.join("tests/realistic")] {
        let mut pdfs: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap_or_else(|err| panic!("{}: {err}", dir.display()))
            .map(|entry| entry.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
            .collect();
        pdfs.sort();
        assert!(!pdfs.is_empty(), "no PDFs in {}", dir.display());
        paths.extend(pdfs);
    }
    paths
}

/// The proposals `--accept-all` masks on `page`, and their masks.
fn masked_on<'a>(session: &'a ReviewSession, page: &Page) -> (Vec<&'a Proposal>, Vec<Mask>) {
    let proposals: Vec<&Proposal> = session
        .proposals
        .iter()
        .filter(|p| p.page == page.number() && p.is_masked(true))
        .collect();
    let masks = proposals
        .iter()
        .flat_map(|p| {
            p.boxes.iter().map(|&rect| Mask {
                page: p.page,
                rect,
                label: None,
            })
        })
        .collect();
    (proposals, masks)
}

fn intersects(a: &Rect, b: &Rect) -> bool {
    a[0].max(b[0]) < a[2].min(b[2]) && a[1].max(b[1]) < a[3].min(b[3])
}

fn covers(outer: &Rect, inner: &Rect) -> bool {
    outer[0] <= inner[0] && outer[1] <= inner[1] && outer[2] >= inner[2] && outer[3] >= inner[3]
}

/// Whether at least half of `glyph` lies inside `rect`: the same glyph read a second time (a
/// text layer and OCR of the same words) is masked when either reading is.
fn mostly_inside(glyph: &Rect, rect: &Rect) -> bool {
    let w = (glyph[2].min(rect[2]) - glyph[0].max(rect[0])).max(0.0);
    let h = (glyph[3].min(rect[3]) - glyph[1].max(rect[1])).max(0.0);
    w * h >= 0.5 * (glyph[2] - glyph[0]) * (glyph[3] - glyph[1])
}

/// A few chars either side of char `i`, for messages.
fn context(text: &str, i: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    let from = i.saturating_sub(12);
    let to = (i + 12).min(chars.len());
    format!(
        "{:?} in {:?}",
        chars[i],
        chars[from..to].iter().collect::<String>()
    )
}

#[test]
fn masks_cover_their_findings_and_no_other_glyph() {
    let redactor = Redactor::new();
    let options = RenderOptions::default();
    let (mut masks_total, mut glyphs_total, mut touching) = (0, 0, 0);
    let mut failures = Vec::new();
    for path in documents() {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let analysis = redactor.analyze_pages(&path).expect("the sample analyses");
        let session = analysis.session();
        for page in analysis.document.pages() {
            let (proposals, masks) = masked_on(&session, page);
            let painted = painted_rects(page, &masks, &options);
            masks_total += masks.len();
            let len = page.boxes().len();
            let mut in_finding = vec![false; len];
            for p in &proposals {
                if let Some([start, end]) = p.span {
                    in_finding[start.min(len)..end.min(len)].fill(true);
                }
            }
            let chars = page.text().chars().zip(page.boxes()).enumerate();
            for (i, (c, glyph)) in chars {
                let Some(glyph) = glyph.filter(|_| !c.is_whitespace()) else {
                    continue;
                };
                glyphs_total += 1;
                let where_ = || format!("{name} p{} {}", page.number(), context(page.text(), i));
                if in_finding[i] {
                    // Every glyph of a masked finding is covered by what is painted.
                    if !painted.iter().any(|p| covers(p, &glyph)) {
                        failures.push(format!("{}: masked glyph not covered", where_()));
                    }
                    continue;
                }
                if masks.iter().any(|m| mostly_inside(&glyph, &m.rect)) {
                    continue;
                }
                for (mask, rect) in masks.iter().zip(&painted) {
                    if !intersects(&glyph, rect) {
                        continue;
                    }
                    if intersects(&glyph, &mask.rect) {
                        touching += 1; // reaches into the finding's own box: unavoidable
                    } else {
                        failures.push(format!("{}: under the mask {rect:?}", where_()));
                    }
                }
            }
        }
    }
    println!(
        "{masks_total} masks, {glyphs_total} glyphs, {touching} glyphs reaching into a \
         finding's own box"
    );
    assert!(
        masks_total > 100,
        "only {masks_total} masks: nothing was tested"
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_label_next_to_a_masked_personnummer_is_untouched() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../examples/data/beslut-ekonomiskt-bistand.pdf");
    let analysis = Redactor::new().analyze_pages(&path).unwrap();
    let page = analysis.document.page(1).unwrap();
    let session = analysis.session();
    let (proposals, masks) = masked_on(&session, page);
    assert!(
        proposals.iter().any(|p| p.text.contains("811218-9876")),
        "the personnummer is masked"
    );
    let options = RenderOptions::default();
    let clean = render_page(&analysis.document, 1, &[], &options).unwrap();
    let masked = render_page(&analysis.document, 1, &masks, &options).unwrap();
    let byte = page.text().find("Personnummer:").unwrap();
    let start = page.text()[..byte].chars().count();
    let label = &page.boxes()[start..start + "Personnummer:".len()];
    let level = |raster: &lantero_redact::render::Raster, rect: &Rect| {
        let [x0, y0, x1, y1] = raster.pixel_rect(rect);
        (y0..y1)
            .flat_map(|y| (x0..x1).map(move |x| (x, y)))
            .map(|(x, y)| raster.level(x, y).unwrap())
            .collect::<Vec<u8>>()
    };
    for glyph in label.iter().flatten() {
        assert!(
            level(&clean, glyph).iter().any(|&l| l < 128),
            "ink at {glyph:?}"
        );
        assert_eq!(level(&clean, glyph), level(&masked, glyph), "{glyph:?}");
    }
    // The value itself is black.
    let value = proposals
        .iter()
        .find(|p| p.text.contains("811218-9876"))
        .unwrap();
    for rect in &value.boxes {
        assert!(level(&masked, rect).iter().all(|&l| l == 0), "{rect:?}");
    }
}
