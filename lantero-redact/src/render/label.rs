//! White labels inside masks ("OSL 26:1"), drawn with a built-in 5×7 pixel font.
//!
//! The font is a table in this file, so no font file is loaded or shipped. It has capitals,
//! digits, Å Ä Ö É and the punctuation of legal references (`: . , - § / ( ) + &`); lower-case
//! letters are drawn as capitals and anything else as `?`. Glyphs are scaled by whole pixels,
//! so they stay sharp; a label that does not fit its mask at the smallest size is left out
//! rather than cut, since half a reference would mislead.

use super::raster::Raster;

/// Glyph cell: 5×7 pixels of ink plus one column and one row of spacing.
const GLYPH_WIDTH: u32 = 5;
const GLYPH_HEIGHT: u32 = 7;
const ADVANCE: u32 = GLYPH_WIDTH + 1;

/// Rows of a glyph, top first; bit 4 is the leftmost column.
fn glyph(c: char) -> [u8; 7] {
    match c {
        ' ' => [0; 7],
        '0' => [0x0E, 0x11, 0x13, 0x15, 0x19, 0x11, 0x0E],
        '1' => [0x04, 0x0C, 0x04, 0x04, 0x04, 0x04, 0x0E],
        '2' => [0x0E, 0x11, 0x01, 0x02, 0x04, 0x08, 0x1F],
        '3' => [0x1F, 0x02, 0x04, 0x02, 0x01, 0x11, 0x0E],
        '4' => [0x02, 0x06, 0x0A, 0x12, 0x1F, 0x02, 0x02],
        '5' => [0x1F, 0x10, 0x1E, 0x01, 0x01, 0x11, 0x0E],
        '6' => [0x06, 0x08, 0x10, 0x1E, 0x11, 0x11, 0x0E],
        '7' => [0x1F, 0x01, 0x02, 0x04, 0x08, 0x08, 0x08],
        '8' => [0x0E, 0x11, 0x11, 0x0E, 0x11, 0x11, 0x0E],
        '9' => [0x0E, 0x11, 0x11, 0x0F, 0x01, 0x02, 0x0C],
        'A' => [0x0E, 0x11, 0x11, 0x1F, 0x11, 0x11, 0x11],
        'B' => [0x1E, 0x11, 0x11, 0x1E, 0x11, 0x11, 0x1E],
        'C' => [0x0E, 0x11, 0x10, 0x10, 0x10, 0x11, 0x0E],
        'D' => [0x1C, 0x12, 0x11, 0x11, 0x11, 0x12, 0x1C],
        'E' => [0x1F, 0x10, 0x10, 0x1E, 0x10, 0x10, 0x1F],
        'F' => [0x1F, 0x10, 0x10, 0x1E, 0x10, 0x10, 0x10],
        'G' => [0x0E, 0x11, 0x10, 0x17, 0x11, 0x11, 0x0F],
        'H' => [0x11, 0x11, 0x11, 0x1F, 0x11, 0x11, 0x11],
        'I' => [0x0E, 0x04, 0x04, 0x04, 0x04, 0x04, 0x0E],
        'J' => [0x07, 0x02, 0x02, 0x02, 0x02, 0x12, 0x0C],
        'K' => [0x11, 0x12, 0x14, 0x18, 0x14, 0x12, 0x11],
        'L' => [0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x1F],
        'M' => [0x11, 0x1B, 0x15, 0x15, 0x11, 0x11, 0x11],
        'N' => [0x11, 0x11, 0x19, 0x15, 0x13, 0x11, 0x11],
        'O' => [0x0E, 0x11, 0x11, 0x11, 0x11, 0x11, 0x0E],
        'P' => [0x1E, 0x11, 0x11, 0x1E, 0x10, 0x10, 0x10],
        'Q' => [0x0E, 0x11, 0x11, 0x11, 0x15, 0x12, 0x0D],
        'R' => [0x1E, 0x11, 0x11, 0x1E, 0x14, 0x12, 0x11],
        'S' => [0x0F, 0x10, 0x10, 0x0E, 0x01, 0x01, 0x1E],
        'T' => [0x1F, 0x04, 0x04, 0x04, 0x04, 0x04, 0x04],
        'U' => [0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x0E],
        'V' => [0x11, 0x11, 0x11, 0x11, 0x11, 0x0A, 0x04],
        'W' => [0x11, 0x11, 0x11, 0x15, 0x15, 0x15, 0x0A],
        'X' => [0x11, 0x11, 0x0A, 0x04, 0x0A, 0x11, 0x11],
        'Y' => [0x11, 0x11, 0x11, 0x0A, 0x04, 0x04, 0x04],
        'Z' => [0x1F, 0x01, 0x02, 0x04, 0x08, 0x10, 0x1F],
        'Å' => [0x04, 0x0A, 0x0E, 0x11, 0x1F, 0x11, 0x11],
        'Ä' => [0x0A, 0x00, 0x0E, 0x11, 0x1F, 0x11, 0x11],
        'Ö' => [0x0A, 0x00, 0x0E, 0x11, 0x11, 0x11, 0x0E],
        'É' => [0x02, 0x04, 0x1F, 0x10, 0x1E, 0x10, 0x1F],
        ':' => [0x00, 0x0C, 0x0C, 0x00, 0x0C, 0x0C, 0x00],
        '.' => [0x00, 0x00, 0x00, 0x00, 0x00, 0x0C, 0x0C],
        ',' => [0x00, 0x00, 0x00, 0x00, 0x0C, 0x04, 0x08],
        '-' => [0x00, 0x00, 0x00, 0x1F, 0x00, 0x00, 0x00],
        '§' => [0x0E, 0x10, 0x0E, 0x11, 0x0E, 0x01, 0x0E],
        '/' => [0x00, 0x01, 0x02, 0x04, 0x08, 0x10, 0x00],
        '(' => [0x02, 0x04, 0x08, 0x08, 0x08, 0x04, 0x02],
        ')' => [0x08, 0x04, 0x02, 0x02, 0x02, 0x04, 0x08],
        '+' => [0x00, 0x04, 0x04, 0x1F, 0x04, 0x04, 0x00],
        '&' => [0x0C, 0x12, 0x14, 0x08, 0x15, 0x12, 0x0D],
        _ => [0x0E, 0x11, 0x01, 0x02, 0x04, 0x00, 0x04],
    }
}

/// Draws `label` in white, centred in the pixel rectangle `[x0, y0, x1, y1)` of a black mask,
/// at the largest whole-pixel scale that fits with a pixel of margin, up to `max_height` pixels
/// of glyph height. Returns whether the label was drawn.
pub(crate) fn draw(
    raster: &mut Raster,
    [x0, y0, x1, y1]: [u32; 4],
    label: &str,
    max_height: u32,
) -> bool {
    let chars: Vec<char> = label.trim().chars().flat_map(char::to_uppercase).collect();
    let count = chars.len() as u32;
    if count == 0 {
        return false;
    }
    let (room_x, room_y) = (x1.saturating_sub(x0 + 2), y1.saturating_sub(y0 + 2));
    let text_width = count * ADVANCE - 1;
    let scale = (room_x / text_width)
        .min(room_y / GLYPH_HEIGHT)
        .min(max_height / GLYPH_HEIGHT);
    if scale == 0 {
        return false;
    }
    let left = x0 + (x1 - x0 - text_width * scale) / 2;
    let top = y0 + (y1 - y0 - GLYPH_HEIGHT * scale) / 2;
    for (i, c) in chars.into_iter().enumerate() {
        let rows = glyph(c);
        let origin = left + i as u32 * ADVANCE * scale;
        for (row, bits) in rows.iter().enumerate() {
            for col in 0..GLYPH_WIDTH {
                if bits & (0x10 >> col) == 0 {
                    continue;
                }
                let (px, py) = (origin + col * scale, top + row as u32 * scale);
                for dy in 0..scale {
                    for dx in 0..scale {
                        raster.set(px + dx, py + dy, 255);
                    }
                }
            }
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::raster::Pixels;

    fn black(width: u32, height: u32) -> Raster {
        let pixels = Pixels::Grey(vec![0; (width * height) as usize]);
        Raster::new(width, height, (width as f32, height as f32), pixels).unwrap()
    }

    fn white_pixels(raster: &Raster) -> Vec<(u32, u32)> {
        (0..raster.height())
            .flat_map(|y| (0..raster.width()).map(move |x| (x, y)))
            .filter(|&(x, y)| raster.level(x, y) == Some(255))
            .collect()
    }

    #[test]
    fn every_glyph_fits_its_five_columns() {
        let chars = " 0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖÉ:.,-§/()+&~";
        for c in chars.chars() {
            assert!(glyph(c).iter().all(|row| row >> GLYPH_WIDTH == 0), "{c}");
        }
        assert_eq!(glyph('~'), glyph('?'));
    }

    #[test]
    fn a_label_is_drawn_inside_its_mask_only() {
        let mut raster = black(200, 40);
        assert!(draw(&mut raster, [20, 10, 180, 30], "OSL 26:1", 100));
        let white = white_pixels(&raster);
        assert!(!white.is_empty());
        assert!(
            white
                .iter()
                .all(|&(x, y)| (21..179).contains(&x) && (11..29).contains(&y))
        );
    }

    #[test]
    fn the_scale_grows_with_the_mask_and_stops_at_the_maximum() {
        let mut small = black(100, 12);
        draw(&mut small, [0, 0, 100, 12], "1", 100);
        let mut large = black(100, 40);
        draw(&mut large, [0, 0, 100, 40], "1", 100);
        assert!(white_pixels(&large).len() > white_pixels(&small).len());
        let mut capped = black(100, 40);
        draw(&mut capped, [0, 0, 100, 40], "1", 7);
        assert_eq!(white_pixels(&capped).len(), white_pixels(&small).len());
    }

    #[test]
    fn labels_that_do_not_fit_are_left_out() {
        let mut raster = black(30, 20);
        assert!(!draw(&mut raster, [0, 0, 30, 20], "OSL 26:1", 100));
        assert!(!draw(&mut raster, [0, 0, 30, 5], "1", 100));
        assert!(!draw(&mut raster, [0, 0, 30, 20], "   ", 100));
        assert!(white_pixels(&raster).is_empty());
    }
}
