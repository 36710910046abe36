use super::*;
use proptest::prelude::*;

const A4: (f32, f32) = (595.0, 842.0);

/// Lines of text set in glyphs 5.5 pt wide and 10 pt tall on a 6 pt pitch from x = 72, lines
/// `leading` points apart from y = 100.
fn page_of(lines: &[&str], leading: f32) -> Page {
    let mut text = String::new();
    let mut boxes = Vec::new();
    for (row, line) in lines.iter().enumerate() {
        if row > 0 {
            text.push('\n');
            boxes.push(None);
        }
        for (i, c) in line.chars().enumerate() {
            let (x, y) = (72.0 + 6.0 * i as f32, 100.0 + leading * row as f32);
            text.push(c);
            boxes.push((!c.is_whitespace()).then_some([x, y, x + 5.5, y + 10.0]));
        }
    }
    let mut page = Page::blank(1, A4.0, A4.1);
    page.set_text_layer(text, boxes).unwrap();
    page
}

/// Masks over the first occurrence of `needle` (ASCII text only).
fn masks_over(page: &Page, needle: &str) -> Vec<Mask> {
    let start = page.text().find(needle).unwrap();
    page.boxes_for(start, start + needle.len())
        .into_iter()
        .map(|rect| Mask {
            page: 1,
            rect,
            label: None,
        })
        .collect()
}

fn intersects(a: &Rect, b: &Rect) -> bool {
    overlap(a[0], a[2], b[0], b[2]) > 0.0 && overlap(a[1], a[3], b[1], b[3]) > 0.0
}

fn covers(outer: &Rect, inner: &Rect) -> bool {
    outer[0] <= inner[0] && outer[1] <= inner[1] && outer[2] >= inner[2] && outer[3] >= inner[3]
}

/// The boxes of the glyphs of `page` whose chars lie outside `start..end`.
fn others(page: &Page, start: usize, end: usize) -> Vec<Rect> {
    let chars = page.text().chars().zip(page.boxes()).enumerate();
    chars
        .filter(|(i, (c, _))| !(start..end).contains(i) && !c.is_whitespace())
        .filter_map(|(_, (_, b))| *b)
        .collect()
}

#[test]
fn the_label_before_a_value_and_the_word_after_stay_clear() {
    let page = page_of(&["Personnummer: 850312-1234 Kalle"], 14.0);
    let masks = masks_over(&page, "850312-1234");
    let painted = painted_rects(&page, &masks, &RenderOptions::default())[0];
    assert!(covers(&painted, &masks[0].rect));
    for glyph in others(&page, 14, 25) {
        assert!(!intersects(&painted, &glyph), "{painted:?} over {glyph:?}");
    }
    // 65.5 pt of digits ask for 72 pt plus a point of padding each side; there is room.
    assert!((painted[2] - painted[0] - 74.0).abs() < 1e-3, "{painted:?}");
    assert_eq!([painted[1], painted[3]], [99.0, 111.0]);
}

#[test]
fn a_mask_fills_the_white_space_when_it_is_shorter_than_the_width_asked_for() {
    let page = page_of(&["ab 1234 cd"], 14.0);
    let masks = masks_over(&page, "1234");
    let painted = painted_rects(&page, &masks, &RenderOptions::default())[0];
    // 'b' ends at 83.5 and 'c' starts at 120: the gap is kept on both sides.
    assert_eq!(painted, [84.5, 99.0, 119.0, 111.0]);
}

#[test]
fn a_mask_slides_away_from_a_close_label() {
    let page = page_of(&["Tel: 1234"], 14.0);
    let masks = masks_over(&page, "1234");
    let painted = painted_rects(&page, &masks, &RenderOptions::default())[0];
    let colon_end = 72.0 + 6.0 * 3.0 + 5.5;
    assert_eq!(painted[0], colon_end + GLYPH_GAP);
    assert!((painted[2] - painted[0] - 38.0).abs() < 1e-3, "{painted:?}");
}

#[test]
fn padding_stops_short_of_the_lines_above_and_below() {
    // 10.5 pt leading leaves half a point between lines: less than the gap, so no padding.
    let page = page_of(&["aaaaaaaaaa", "xx 1234 xx", "aaaaaaaaaa"], 10.5);
    let masks = masks_over(&page, "1234");
    let painted = painted_rects(&page, &masks, &RenderOptions::default())[0];
    assert_eq!([painted[1], painted[3]], [110.5, 120.5]);
    // With room between lines, the padding is added in full.
    let page = page_of(&["aaaaaaaaaa", "xx 1234 xx", "aaaaaaaaaa"], 14.0);
    let masks = masks_over(&page, "1234");
    let painted = painted_rects(&page, &masks, &RenderOptions::default())[0];
    assert_eq!([painted[1], painted[3]], [113.0, 125.0]);
}

#[test]
fn neighbouring_masks_may_grow_into_each_other() {
    let page = page_of(&["Anna Svensson, 850312-1234"], 14.0);
    let mut masks = masks_over(&page, "Anna");
    masks.extend(masks_over(&page, "Svensson"));
    let painted = painted_rects(&page, &masks, &RenderOptions::default());
    // "Anna" asks for 36 pt: it grows over the masked "Svensson", not over the comma.
    assert!((painted[0][2] - painted[0][0] - 38.0).abs() < 1e-3);
    let comma = page.boxes()[13].unwrap();
    assert!(painted.iter().all(|p| !intersects(p, &comma)));
}

#[test]
fn a_comma_is_lengthened_along_its_line_not_across_it() {
    // A comma box lower than the digits and narrower than it is tall, alone in its mask.
    let mut page = Page::blank(1, A4.0, A4.1);
    let boxes = vec![
        Some([72.0, 100.0, 77.5, 110.0]),
        Some([78.5, 108.0, 79.5, 112.0]),
        None,
        Some([84.0, 100.0, 89.5, 110.0]),
    ];
    page.set_text_layer("8, 3".into(), boxes).unwrap();
    let mask = Mask {
        page: 1,
        rect: [78.5, 108.0, 79.5, 112.0],
        label: None,
    };
    let painted = painted_rects(&page, [&mask], &RenderOptions::default())[0];
    assert_eq!(painted, [78.5, 107.0, 83.0, 113.0]);
}

#[test]
fn vertical_words_are_lengthened_downwards() {
    // A word down a column, as on a page turned by /Rotate, with a word above and below it.
    let mut page = Page::blank(1, 842.0, 595.0);
    let word = |y: f32, n: usize| {
        (0..n).map(move |i| Some([770.0, y + 6.0 * i as f32, 780.0, y + 6.0 * i as f32 + 5.5]))
    };
    let boxes: Vec<Option<Rect>> = word(100.0, 4)
        .chain([None])
        .chain(word(130.0, 5))
        .chain([None])
        .chain(word(200.0, 4))
        .collect();
    page.set_text_layer("abcd efghi jklm".into(), boxes)
        .unwrap();
    let masks: Vec<Mask> = page
        .boxes_for(5, 10)
        .into_iter()
        .map(|rect| Mask {
            page: 1,
            rect,
            label: None,
        })
        .collect();
    assert_eq!(masks.len(), 1);
    let painted = painted_rects(&page, &masks, &RenderOptions::default())[0];
    // 29.5 pt of letters ask for 36 pt plus padding, centred: clear of the words around.
    assert_eq!(painted, [769.0, 125.75, 781.0, 163.75]);
}

#[test]
fn masks_stay_on_the_page_and_off_nothing_else() {
    let page = page_of(&["1"], 14.0);
    let wide = Mask {
        page: 1,
        rect: [-20.0, 100.0, 700.0, 110.0],
        label: None,
    };
    let painted = painted_rects(&page, [&wide], &RenderOptions::default())[0];
    assert_eq!(painted, [0.0, 99.0, 595.0, 111.0]);
    let off = Mask {
        page: 1,
        rect: [700.0, 100.0, 710.0, 110.0],
        label: None,
    };
    let painted = painted_rects(&page, [&off], &RenderOptions::default())[0];
    assert_eq!([painted[0], painted[2]], [595.0, 595.0]);
}

fn mode() -> impl Strategy<Value = MaskWidth> {
    prop_oneof![
        Just(MaskWidth::Exact),
        (1.0f32..100.0).prop_map(MaskWidth::Quantised),
        (0.0f32..100.0).prop_map(MaskWidth::Padded),
    ]
}

fn rect() -> impl Strategy<Value = Rect> {
    (-10.0f32..600.0, -10.0f32..850.0, 0.3f32..40.0, 0.3f32..20.0)
        .prop_map(|(x, y, w, h)| [x, y, x + w, y + h])
}

proptest! {
    #[test]
    fn a_mask_covers_its_finding_and_no_glyph_it_does_not_touch(
        glyphs in proptest::collection::vec((rect(), any::<bool>()), 1..60),
        extra in proptest::collection::vec(rect(), 0..3),
        mode in mode(),
        padding in 0.0f32..4.0,
    ) {
        let mut text = String::new();
        let mut boxes = Vec::new();
        for (glyph, newline) in &glyphs {
            text.push('x');
            boxes.push(Some(*glyph));
            if *newline {
                text.push('\n');
                boxes.push(None);
            }
        }
        let mut page = Page::blank(1, A4.0, A4.1);
        page.set_text_layer(text, boxes).unwrap();
        // Masks over some glyphs, and a few anywhere.
        let mut masks: Vec<Mask> = glyphs.iter().step_by(7).map(|(g, _)| *g).chain(extra)
            .map(|rect| Mask { page: 1, rect, label: None }).collect();
        masks.truncate(6);
        let options = RenderOptions { mask_width: mode, mask_padding: padding, ..RenderOptions::default() };
        let painted = painted_rects(&page, &masks, &options);
        prop_assert_eq!(painted.len(), masks.len());
        for (mask, p) in masks.iter().zip(&painted) {
            let core = on_page(mask.rect, A4);
            prop_assert!(covers(p, &core), "{:?} does not cover {:?}", p, core);
            prop_assert!(p[0] >= 0.0 && p[1] >= 0.0 && p[2] <= A4.0 && p[3] <= A4.1);
            for (glyph, _) in &glyphs {
                let masked = masks.iter().any(|m| contains(&m.rect, centre(glyph)));
                if !masked && !intersects(glyph, &core) {
                    prop_assert!(!intersects(p, glyph), "{:?} over {:?}", p, glyph);
                }
            }
        }
    }
}
