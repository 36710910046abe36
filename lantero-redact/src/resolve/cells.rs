//! A page's text cut into cells: runs of text on one line with no wide gap inside. A letterhead
//! sets the official ("Handläggare") and the addressee ("Johanna Lindgren") side by side on the
//! same line; read as one line, the role would seem to name the addressee. Cells keep them
//! apart, and say which cell stands directly above or below another in the same column.

use crate::document::Rect;

/// One cell: chars `start..end` of the page text (trimmed), and where it stands.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Cell {
    /// First char (offset into the page text).
    pub start: usize,
    /// One past the last char.
    pub end: usize,
    /// Left, top, right, bottom: in points where the page has boxes; in columns and lines
    /// (one unit a line) for plain text.
    pub rect: Rect,
}

/// A horizontal gap wider than this many line heights separates two cells.
const GAP_LINE_HEIGHTS: f32 = 1.5;
/// In plain text, this many spaces (or a tab) separate two cells.
const GAP_SPACES: usize = 3;

/// The cells of a page. `boxes` holds one entry per char of `text` (as
/// [`Page::boxes`](crate::document::Page::boxes)); where every box is missing (plain text), cells
/// are cut at runs of spaces and laid out in columns and lines.
pub(crate) fn cells(text: &str, boxes: &[Option<Rect>]) -> Vec<Cell> {
    let chars: Vec<char> = text.chars().collect();
    let boxed = chars.len() == boxes.len() && boxes.iter().any(Option::is_some);
    let mut cells = Vec::new();
    let (mut line, mut column) = (0usize, 0usize);
    let mut current: Option<(usize, usize, Rect)> = None; // start, end, rect
    let mut spaces = 0usize;
    let mut last_box: Option<Rect> = None;
    for (i, &c) in chars.iter().enumerate() {
        if c == '\n' {
            flush(&mut cells, &mut current);
            (line, column, spaces, last_box) = (line + 1, 0, 0, None);
            continue;
        }
        let here = if boxed {
            boxes[i]
        } else {
            let (x, y) = (column as f32, line as f32);
            Some([x, y, x + 1.0, y + 1.0])
        };
        column += 1;
        if c.is_whitespace() {
            spaces += if c == '\t' { GAP_SPACES } else { 1 };
            continue;
        }
        let wide_gap = if boxed {
            match (last_box, here) {
                (Some(prev), Some(rect)) => is_wide_gap(prev, rect),
                _ => false,
            }
        } else {
            spaces >= GAP_SPACES
        };
        if wide_gap {
            flush(&mut cells, &mut current);
        }
        spaces = 0;
        if let Some(rect) = here {
            last_box = Some(rect);
        }
        current = Some(match (current, here) {
            (Some((start, _, acc)), Some(rect)) => (start, i + 1, union(acc, rect)),
            (Some((start, _, acc)), None) => (start, i + 1, acc),
            (None, rect) => (i, i + 1, rect.unwrap_or([f32::NAN; 4])),
        });
    }
    flush(&mut cells, &mut current);
    cells
}

fn flush(cells: &mut Vec<Cell>, current: &mut Option<(usize, usize, Rect)>) {
    if let Some((start, end, rect)) = current.take() {
        cells.push(Cell { start, end, rect });
    }
}

/// Whether `next` starts a new cell after `prev`: a wide gap to the right, a step back to the
/// left, or a different line.
fn is_wide_gap(prev: Rect, next: Rect) -> bool {
    let height = (prev[3] - prev[1]).max(next[3] - next[1]).max(1.0);
    // Punctuation has a small box near the baseline: compare the centre, not the overlap.
    let centre = (next[1] + next[3]) / 2.0;
    let same_row = prev[1] - 0.5 * height <= centre && centre <= prev[3] + 0.5 * height;
    !same_row || next[0] - prev[2] > GAP_LINE_HEIGHTS * height || next[2] < prev[0]
}

fn union(a: Rect, b: Rect) -> Rect {
    if a[0].is_nan() {
        return b;
    }
    [
        a[0].min(b[0]),
        a[1].min(b[1]),
        a[2].max(b[2]),
        a[3].max(b[3]),
    ]
}

fn overlap(a0: f32, a1: f32, b0: f32, b1: f32) -> f32 {
    (a1.min(b1) - a0.max(b0)).max(0.0)
}

/// The index of the cell that holds char `offset`.
pub(crate) fn cell_at(cells: &[Cell], offset: usize) -> Option<usize> {
    cells
        .iter()
        .position(|c| c.start <= offset && offset < c.end)
}

/// The cell directly above (`below == false`) or below cell `index`: in the same column (their
/// spans overlap horizontally) and no further than a line's spacing away.
pub(crate) fn neighbour(cells: &[Cell], index: usize, below: bool) -> Option<usize> {
    let me = cells.get(index)?.rect;
    if me.iter().any(|v| v.is_nan()) {
        return None;
    }
    let height = (me[3] - me[1]).max(0.1);
    cells
        .iter()
        .enumerate()
        .filter(|&(i, c)| i != index && !c.rect.iter().any(|v| v.is_nan()))
        .filter(|(_, c)| overlap(me[0], me[2], c.rect[0], c.rect[2]) > 0.0)
        .filter_map(|(i, c)| {
            let distance = if below {
                c.rect[1] - me[3]
            } else {
                me[1] - c.rect[3]
            };
            // Plain-text lines touch (distance 0); typeset lines have leading between them.
            (distance > -0.3 * height && distance < 0.8 * height).then_some((i, distance))
        })
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str, cells: &[Cell]) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        cells
            .iter()
            .map(|c| chars[c.start..c.end].iter().collect())
            .collect()
    }

    #[test]
    fn plain_text_cells_split_at_wide_spaces() {
        let text =
            "Ordförande      Justerare\nMargareta Holm   Ali Rezaei\nKarin Lindqvist  Eva\n\tX";
        let cells = cells(text, &vec![None; text.chars().count()]);
        assert_eq!(
            texts(text, &cells),
            [
                "Ordförande",
                "Justerare",
                "Margareta Holm",
                "Ali Rezaei",
                "Karin Lindqvist  Eva",
                "X"
            ]
        );
        assert_eq!(neighbour(&cells, 2, false), Some(0));
        assert_eq!(neighbour(&cells, 3, false), Some(1));
        assert_eq!(neighbour(&cells, 1, true), Some(3));
        assert_eq!(neighbour(&cells, 0, false), None);
        assert_eq!(neighbour(&cells, 5, false), Some(4));
        assert_eq!(neighbour(&cells, 4, true), Some(5));
    }

    #[test]
    fn boxed_cells_split_at_wide_gaps_and_find_their_column() {
        // "Hand Anna" with a column gap between, then "Dahl" below "Hand".
        let text = "Hand Anna\nDahl";
        let b = |x: f32, y: f32| Some([x, y, x + 5.0, y + 10.0]);
        let boxes = vec![
            b(10.0, 0.0),
            b(15.0, 0.0),
            b(20.0, 0.0),
            b(25.0, 0.0),
            None,
            b(200.0, 0.0),
            b(205.0, 0.0),
            b(210.0, 0.0),
            b(215.0, 0.0),
            None,
            b(10.0, 12.0),
            b(15.0, 12.0),
            b(20.0, 12.0),
            b(25.0, 12.0),
        ];
        let cells = cells(text, &boxes);
        assert_eq!(texts(text, &cells), ["Hand", "Anna", "Dahl"]);
        assert_eq!(neighbour(&cells, 0, true), Some(2));
        assert_eq!(neighbour(&cells, 1, true), None);
        assert_eq!(cell_at(&cells, 6), Some(1));
    }
}
