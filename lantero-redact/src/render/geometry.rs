//! Where a mask is painted: over the finding's glyphs, and beyond them only into the white
//! space of their own line. Why, and how: see [`painted_rects`].

use super::{Mask, MaskWidth, RenderOptions};
use crate::document::{Page, Rect, has_area, overlap};

/// Points kept clear between a lengthened or padded mask and the nearest visible glyph: about
/// two pixels at 150 dpi, so neither rounding the mask out to whole pixels nor the glyph's
/// anti-aliased edge lets the two touch.
pub const GLYPH_GAP: f32 = 1.0;

/// The rectangles [`paint`](super::paint) blackens for `masks` on `page`, one per mask in the
/// order given, in PDF points as displayed (the masks must all be on this page): each covers
/// its mask's rectangle (cut to the page), is lengthened and padded only into the white space
/// around it, and stays on the page.
///
/// A mask exactly as wide as a word tells a reader its length ([`MaskWidth`]), so masks are
/// lengthened. Lengthening them blindly, centred on the word, blackened the neighbours: the
/// label before a value ("Personnummer:" became "Personnumme"), the word after a name, and a
/// comma's one-point box became a bar through three lines. Every glyph blackened that way is
/// public text withheld without a decision, which a requester can appeal.
///
/// So a mask grows only where the page is blank. The *obstacles* are the page's visible glyphs
/// (every char of the text layer with a box, OCR'd text included, whitespace excluded) whose
/// centre is not under one of the page's masks. Along its line a mask grows toward the width
/// its [`MaskWidth`] asks for, plus [`RenderOptions::mask_padding`] on each side, but stops
/// [`GLYPH_GAP`] short of the nearest obstacle on either side; if the white space is shorter
/// than the width asked for, the mask fills the white space, and if it is longer, the mask is
/// centred on the word and slid along the line until it fits. Across its line it is padded by
/// `mask_padding`, stopping short of the glyphs of the lines above and below in the same way.
/// The finding's own boxes are always covered in full, even where a neighbour's box reaches
/// into them (kerning), since not covering them would be a leak.
///
/// The line's direction decides which way is "along": it is read from the page's text (how the
/// glyphs under the mask follow each other, else how most glyphs on the page do), not from the
/// mask's aspect ratio, so a lone digit or comma is lengthened along its line and a vertical
/// word on a page turned by `/Rotate` downwards.
///
/// ```
/// use lantero_redact::document::Page;
/// use lantero_redact::render::{painted_rects, Mask, RenderOptions};
///
/// // "Pnr: 123" with 6 pt wide glyphs on one line.
/// let mut page = Page::blank(1, 595.0, 842.0);
/// let text = "Pnr: 123";
/// let boxes = text.chars().enumerate().map(|(i, c)| {
///     let x = 72.0 + 6.0 * i as f32;
///     (!c.is_whitespace()).then_some([x, 100.0, x + 5.5, 110.0])
/// });
/// page.set_text_layer(text.into(), boxes.collect())?;
/// let value = page.boxes_for(5, 8);
/// let mask = Mask { page: 1, rect: value[0], label: None };
/// let painted = painted_rects(&page, [&mask], &RenderOptions::default());
/// // The mask is lengthened to the right, but never over the colon of the label.
/// assert!(painted[0][0] > 72.0 + 6.0 * 3.0 + 5.5);
/// assert!(painted[0][2] - painted[0][0] >= 36.0);
/// # Ok::<(), lantero_redact::Error>(())
/// ```
pub fn painted_rects<'a>(
    page: &Page,
    masks: impl IntoIterator<Item = &'a Mask>,
    options: &RenderOptions,
) -> Vec<Rect> {
    let masks: Vec<Rect> = masks.into_iter().map(|m| m.rect).collect();
    let glyphs = glyphs(page);
    let obstacles: Vec<Rect> = glyphs
        .iter()
        .map(|g| g.rect)
        .filter(|r| !masks.iter().any(|m| contains(m, centre(r))))
        .collect();
    let page_across = vote(glyphs.iter().filter_map(|g| g.across)).unwrap_or(true);
    let size = (page.width(), page.height());
    let padding = if options.mask_padding.is_finite() {
        options.mask_padding.max(0.0)
    } else {
        0.0
    };
    masks
        .iter()
        .map(|&mask| {
            let across = vote(
                glyphs
                    .iter()
                    .filter(|g| contains(&mask, centre(&g.rect)))
                    .filter_map(|g| g.across),
            )
            .unwrap_or(page_across);
            let core = on_page(mask, size);
            if !has_area(&core) {
                return core; // nothing of it is on the page, or nothing to lengthen
            }
            if across {
                grow(core, &obstacles, size, options.mask_width, padding)
            } else {
                let turned: Vec<Rect> = obstacles.iter().map(|&o| transpose(o)).collect();
                let size = (size.1, size.0);
                transpose(grow(
                    transpose(core),
                    &turned,
                    size,
                    options.mask_width,
                    padding,
                ))
            }
        })
        .collect()
}

/// A visible glyph and the direction of its line: `Some(true)` when the line runs across the
/// page, `Some(false)` when it runs down, `None` when the glyph is alone on its line.
struct Glyph {
    rect: Rect,
    across: Option<bool>,
}

/// The page's visible glyphs, with the direction of their lines: how far the glyph centres of
/// a line (the text between two newlines) spread across the page against down it. One pair of
/// glyphs would not do: a comma sits lower than the digit before it.
fn glyphs(page: &Page) -> Vec<Glyph> {
    let mut glyphs: Vec<Glyph> = Vec::new();
    let mut line_start = 0;
    let chars = page.text().chars().zip(page.boxes());
    for (c, rect) in chars.chain([('\n', &None)]) {
        if c == '\n' {
            let line = &mut glyphs[line_start..];
            let direction = (line.len() > 1).then(|| {
                let spread = |axis: usize| {
                    let values = line
                        .iter()
                        .map(|g| centre(&g.rect))
                        .map(|(x, y)| [x, y][axis]);
                    let (low, high) =
                        values.fold((f32::MAX, f32::MIN), |(l, h), v| (l.min(v), h.max(v)));
                    high - low
                };
                spread(0) >= spread(1)
            });
            line.iter_mut().for_each(|g| g.across = direction);
            line_start = glyphs.len();
            continue;
        }
        if let Some(rect) = rect.filter(|r| !c.is_whitespace() && has_area(r)) {
            glyphs.push(Glyph { rect, across: None });
        }
    }
    glyphs
}

/// The majority of the votes (`true` on a tie), or `None` without any.
fn vote(votes: impl Iterator<Item = bool>) -> Option<bool> {
    let (mut yes, mut no) = (0usize, 0usize);
    for v in votes {
        if v {
            yes += 1;
        } else {
            no += 1;
        }
    }
    (yes + no > 0).then_some(yes >= no)
}

/// `core` lengthened along x and padded along y, within the white space that `obstacles` and
/// the page of `width × height` points leave around it (see the module documentation).
fn grow(
    core: Rect,
    obstacles: &[Rect],
    (width, height): (f32, f32),
    mode: MaskWidth,
    padding: f32,
) -> Rect {
    let [cx0, cy0, cx1, cy1] = core;
    // Along the line: the white space between the nearest glyphs left and right of the core.
    let (mut left, mut right) = (0.0f32, width);
    for o in obstacles {
        if overlap(o[1], o[3], cy0, cy1) <= 0.0 || overlap(o[0], o[2], cx0, cx1) > 0.0 {
            continue; // on another line, or inside the finding and so unavoidable
        }
        if o[2] <= cx0 {
            left = left.max(o[2] + GLYPH_GAP);
        } else {
            right = right.min(o[0] - GLYPH_GAP);
        }
    }
    let (left, right) = (left.min(cx0), right.max(cx1));
    let [x0, x1] = fit(
        mode.target_length(cx1 - cx0) + 2.0 * padding,
        (cx0 + cx1) / 2.0,
        [left, right],
    );
    // Kept inside the room and around the core against rounding.
    let (x0, x1) = (x0.max(left).min(cx0), x1.min(right).max(cx1));
    // Across the line: padding, short of the glyphs above and below what is painted.
    let (mut top, mut bottom) = (0.0f32.max(cy0 - padding), height.min(cy1 + padding));
    for o in obstacles {
        if overlap(o[0], o[2], x0, x1) <= 0.0 || overlap(o[1], o[3], cy0, cy1) > 0.0 {
            continue;
        }
        if o[3] <= cy0 {
            top = top.max(o[3] + GLYPH_GAP);
        } else {
            bottom = bottom.min(o[1] - GLYPH_GAP);
        }
    }
    [x0, top.min(cy0), x1, bottom.max(cy1)]
}

/// An interval of `length` centred on `centre`, slid to lie within `room`, or all of `room`
/// when it is not longer.
fn fit(length: f32, centre: f32, [low, high]: [f32; 2]) -> [f32; 2] {
    if length.is_nan() || length >= high - low {
        return [low, high];
    }
    let (start, end) = (centre - length / 2.0, centre + length / 2.0);
    if start < low {
        [low, low + length]
    } else if end > high {
        [high - length, high]
    } else {
        [start, end]
    }
}

/// `rect` cut to a page of `width × height` points (pages without a size cut nothing).
fn on_page(rect: Rect, (width, height): (f32, f32)) -> Rect {
    if !(width > 0.0 && height > 0.0) {
        return rect;
    }
    let [x0, y0, x1, y1] = rect;
    [
        x0.max(0.0).min(width),
        y0.max(0.0).min(height),
        x1.min(width).max(0.0),
        y1.min(height).max(0.0),
    ]
}

fn transpose([x0, y0, x1, y1]: Rect) -> Rect {
    [y0, x0, y1, x1]
}

fn centre(r: &Rect) -> (f32, f32) {
    ((r[0] + r[2]) / 2.0, (r[1] + r[3]) / 2.0)
}

fn contains(r: &Rect, (x, y): (f32, f32)) -> bool {
    r[0] <= x && x <= r[2] && r[1] <= y && y <= r[3]
}

#[cfg(test)]
mod tests;
