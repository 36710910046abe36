//! Plain text set on A4 pages, so that a `.txt` document can be reviewed and released as an
//! image-only PDF like any other document.
//!
//! The text is set in Courier, a PDF standard font that PDFium carries itself (no font file is
//! needed), at 10 pt on a 12 pt line: 80 columns and 60 lines within 20 mm margins. A line longer
//! than 80 columns wraps at its last space that fits (a word longer than a line is cut), tabs
//! stop every 8 columns, and a form feed starts a new page. A line of the text (a paragraph,
//! once wrapped) that fits on a page is not split across two. Lines end with `\n`, `\r\n` or
//! a lone `\r`.
//!
//! Each page's text is the original text that is set on it, char for char, with the box of the
//! cell each char is drawn in: wrapping only moves chars, so a name or an address that wraps
//! is still one run of text for the detectors, and its mask covers both lines. (Reading the
//! text back from the PDF instead would put a line break inside it.)
//!
//! Courier encodes Windows-1252 only. A char outside it would be drawn as nothing and the
//! released document would silently differ from the original, so such text is refused with the
//! line and char named.

use std::path::Path;

use pdfium_render::prelude::{
    PdfDocument, PdfPageContentRegenerationStrategy, PdfPageObjectsCommon, PdfPagePaperSize,
    PdfPoints, PdfiumError,
};

use super::Rect;
use crate::pdfium::{pdf_error, pdfium};
use crate::{Error, Result};

/// Columns on a line: Courier's advance is 0.6 em, so 80 × 6 pt = 480 pt of text width.
pub(crate) const COLUMNS: usize = 80;
/// Lines on a page.
pub(crate) const LINES: usize = 60;
/// Margin on every side, in points (20 mm).
const MARGIN: f32 = 56.7;
const FONT_SIZE: f32 = 10.0;
const ADVANCE: f32 = 6.0;
/// Line pitch, and the baseline's depth below the top of its line: room for the ring of an Å
/// above and a descender below, so every glyph lies inside its char's box.
const LINE_PITCH: f32 = 12.0;
const BASELINE: f32 = 9.5;
/// A char's box leaves this much of the top of its line free, so that a mask does not touch
/// the descenders of the line above.
const LEADING: f32 = 1.0;
const TAB: usize = 8;

/// A page of set text: the original text on it, one box per char of it (whitespace has none),
/// and the lines as drawn.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Sheet {
    pub(crate) text: String,
    pub(crate) boxes: Vec<Option<Rect>>,
    pub(crate) lines: Vec<String>,
}

/// A char Courier cannot show, and its 1-based line in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Unsupported {
    pub(crate) line: usize,
    pub(crate) char: char,
}

/// A drawn line: where it starts in the text, and its cells (the char index each comes from,
/// and what is drawn there: a tab is drawn as spaces).
struct Line {
    start: usize,
    cells: Vec<(usize, char)>,
}

/// A page being filled: where it starts in the text, and its lines.
struct Pages {
    pages: Vec<(usize, Vec<Line>)>,
}

impl Pages {
    fn add(&mut self, line: Line) {
        let full = self
            .pages
            .last()
            .is_none_or(|(_, lines)| lines.len() == LINES);
        if full {
            self.pages.push((line.start, Vec::new()));
        }
        if let Some((_, lines)) = self.pages.last_mut() {
            lines.push(line);
        }
    }

    /// Wraps one run of cells (a source line, or the part of one between form feeds) and adds
    /// its lines. A paragraph that fits on a page is not split across two: the detectors search
    /// a page at a time, and a name cut by a page break would be two words on two pages.
    fn add_wrapped(&mut self, start: usize, cells: Vec<(usize, char)>) {
        let lines = wrap(start, cells);
        let used = self.pages.last().map_or(0, |(_, lines)| lines.len());
        if used > 0 && used + lines.len() > LINES && lines.len() <= LINES {
            self.pages.push((lines[0].start, Vec::new()));
        }
        for line in lines {
            self.add(line);
        }
    }
}

/// One run of cells as lines of at most [`COLUMNS`] cells, broken after the last space that
/// fits (a run without one is cut); `start` is where an empty run starts in the text.
fn wrap(start: usize, mut cells: Vec<(usize, char)>) -> Vec<Line> {
    let mut lines = Vec::new();
    loop {
        let rest = if cells.len() <= COLUMNS {
            None
        } else {
            Some(
                match cells[..=COLUMNS].iter().rposition(|&(_, c)| c == ' ') {
                    Some(at) if at > 0 => {
                        let rest = cells.split_off(at + 1);
                        // The space at the break is not drawn: the line end stands for it.
                        cells.pop();
                        rest
                    }
                    _ => cells.split_off(COLUMNS),
                },
            )
        };
        lines.push(Line {
            start: cells.first().map_or(start, |&(i, _)| i),
            cells,
        });
        match rest {
            Some(rest) => cells = rest,
            None => return lines,
        }
    }
}

/// The pages `text` is set on, by the rules in the module docs.
pub(crate) fn layout(text: &str) -> std::result::Result<Vec<Sheet>, Unsupported> {
    let chars: Vec<char> = text.chars().collect();
    let mut pages = Pages {
        pages: vec![(0, Vec::new())],
    };
    let mut start = 0;
    let mut line_number = 1;
    loop {
        let end = chars[start..]
            .iter()
            .position(|&c| c == '\n')
            .map_or(chars.len(), |at| start + at);
        let mut cells = Vec::new();
        let mut piece_start = start;
        for (i, &c) in chars.iter().enumerate().take(end).skip(start) {
            match c {
                '\t' => {
                    let spaces = TAB - cells.len() % TAB;
                    cells.extend(std::iter::repeat_n((i, ' '), spaces));
                }
                '\r' if i + 1 == end => {}
                // A carriage return alone ends a line, as in old Mac text.
                '\r' => {
                    pages.add_wrapped(piece_start, std::mem::take(&mut cells));
                    piece_start = i + 1;
                    line_number += 1;
                }
                '\u{FEFF}' if i == 0 => {}
                '\u{0C}' => {
                    if !cells.is_empty() {
                        pages.add_wrapped(piece_start, std::mem::take(&mut cells));
                    }
                    pages.pages.push((i + 1, Vec::new()));
                    piece_start = i + 1;
                }
                c if settable(c) => cells.push((i, c)),
                c => {
                    return Err(Unsupported {
                        line: line_number,
                        char: c,
                    });
                }
            }
        }
        // After a form feed (or a lone carriage return) at a line's end, the next line is next.
        let after_break = piece_start > start && cells.is_empty();
        if !after_break {
            pages.add_wrapped(piece_start, cells);
        }
        // A trailing newline ends the last line; it does not open another.
        if end + 1 >= chars.len() {
            break;
        }
        start = end + 1;
        line_number += 1;
    }
    let mut sheets = pages.pages;
    // A trailing form feed ends the last page; it does not open another.
    while sheets.len() > 1 && sheets.last().is_some_and(|(_, lines)| lines.is_empty()) {
        sheets.pop();
    }
    let starts: Vec<usize> = sheets.iter().map(|(start, _)| *start).collect();
    Ok(sheets
        .into_iter()
        .enumerate()
        .map(|(k, (start, lines))| {
            let end = starts.get(k + 1).copied().unwrap_or(chars.len());
            sheet(&chars, start..end, &lines)
        })
        .collect())
}

fn sheet(chars: &[char], range: std::ops::Range<usize>, lines: &[Line]) -> Sheet {
    let mut boxes = vec![None; range.len()];
    for (row, line) in lines.iter().enumerate() {
        let top = MARGIN + row as f32 * LINE_PITCH;
        for (column, &(i, c)) in line.cells.iter().enumerate() {
            if c != ' ' && range.contains(&i) {
                let left = MARGIN + column as f32 * ADVANCE;
                boxes[i - range.start] =
                    Some([left, top + LEADING, left + ADVANCE, top + LINE_PITCH]);
            }
        }
    }
    Sheet {
        text: chars[range].iter().collect(),
        boxes,
        lines: lines
            .iter()
            .map(|line| line.cells.iter().map(|&(_, c)| c).collect())
            .collect(),
    }
}

/// Whether the PDF standard fonts (WinAnsiEncoding) have a glyph for `c`.
pub(crate) fn settable(c: char) -> bool {
    const WINDOWS_1252_EXTRA: &str = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ";
    matches!(c, ' '..='~' | '\u{A0}'..='\u{FF}') || WINDOWS_1252_EXTRA.contains(c)
}

/// The text of `path` set on A4 pages: the PDF, and each page's text and boxes.
pub(crate) fn typeset(
    path: &Path,
    text: &str,
) -> Result<(PdfDocument<'static>, Vec<Sheet>, (f32, f32))> {
    let size = PdfPagePaperSize::a4();
    let (width, height) = (size.width().value, size.height().value);
    let sheets = layout(text).map_err(|Unsupported { line, char }| Error::Input {
        path: path.into(),
        reason: format!(
            "line {line}: {char:?} (U+{:04X}) cannot be set in the PDF standard font \
             (Windows-1252 text only); save the text as PDF first",
            u32::from(char)
        ),
    })?;
    let mut document = pdfium()?
        .create_new_pdf()
        .map_err(|err| pdf_error(path, err))?;
    draw(&mut document, &sheets, size).map_err(|err| pdf_error(path, err))?;
    Ok((document, sheets, (width, height)))
}

fn draw(
    document: &mut PdfDocument<'static>,
    sheets: &[Sheet],
    size: PdfPagePaperSize,
) -> Result<(), PdfiumError> {
    let font = document.fonts_mut().courier();
    for sheet in sheets {
        let mut page = document.pages_mut().create_page_at_end(size)?;
        // Regenerating the content stream after every line costs time quadratic in the lines.
        page.set_content_regeneration_strategy(PdfPageContentRegenerationStrategy::Manual);
        for (row, line) in sheet.lines.iter().enumerate() {
            // PDFium misbehaves on empty text objects, and a blank line needs none.
            if line.trim().is_empty() {
                continue;
            }
            let baseline = size.height().value - MARGIN - row as f32 * LINE_PITCH - BASELINE;
            page.objects_mut().create_text_object(
                PdfPoints::new(MARGIN),
                PdfPoints::new(baseline),
                line,
                font,
                PdfPoints::new(FONT_SIZE),
            )?;
        }
        page.regenerate_content()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn lines(text: &str) -> Vec<Vec<String>> {
        layout(text).unwrap().into_iter().map(|s| s.lines).collect()
    }

    fn texts(text: &str) -> Vec<String> {
        layout(text).unwrap().into_iter().map(|s| s.text).collect()
    }

    #[test]
    fn short_lines_are_drawn_as_written() {
        assert_eq!(
            lines("Beslut\n\nAnna Svensson\n"),
            vec![vec![
                "Beslut".to_string(),
                String::new(),
                "Anna Svensson".into()
            ]]
        );
        assert_eq!(
            lines("\u{FEFF}a\r\nb"),
            vec![vec!["a".to_string(), "b".into()]]
        );
        assert_eq!(
            lines("a\rb\r\rc\r"),
            vec![vec!["a".to_string(), "b".into(), String::new(), "c".into()]]
        );
        assert_eq!(lines(""), vec![vec![String::new()]]);
    }

    #[test]
    fn long_lines_wrap_at_the_last_space_that_fits() {
        let text = format!("{} {}", "a".repeat(70), "b".repeat(20));
        assert_eq!(lines(&text), vec![vec!["a".repeat(70), "b".repeat(20)]]);
        let exact = format!("{} {}", "a".repeat(80), "b");
        assert_eq!(lines(&exact), vec![vec!["a".repeat(80), "b".into()]]);
        let word = "x".repeat(170);
        assert_eq!(
            lines(&word),
            vec![vec!["x".repeat(80), "x".repeat(80), "x".repeat(10)]]
        );
    }

    #[test]
    fn a_wrapped_name_stays_one_run_of_text_with_a_box_on_each_line() {
        let text = format!("{} Anna Svensson", "a".repeat(75));
        let sheet = &layout(&text).unwrap()[0];
        assert_eq!(sheet.text, text);
        assert_eq!(sheet.lines[1], "Svensson");
        let start = text.find("Anna").unwrap();
        let anna = sheet.boxes[start].unwrap();
        let svensson = sheet.boxes[start + 5].unwrap();
        assert_eq!(
            anna[1] + LINE_PITCH,
            svensson[1],
            "Svensson is on the next line"
        );
        assert_eq!(svensson[0], MARGIN, "at its start");
        assert_eq!(
            sheet.boxes[start + 4],
            None,
            "the space at the break is not drawn"
        );
    }

    #[test]
    fn tabs_stop_every_eight_columns_and_form_feeds_start_pages() {
        assert_eq!(lines("ab\tc")[0][0], "ab      c");
        assert_eq!(
            texts("sida 1\u{0C}\nsida 2\u{0C}"),
            vec!["sida 1\u{0C}".to_string(), "\nsida 2\u{0C}".into()]
        );
        assert_eq!(
            lines("a\u{0C}\u{0C}b"),
            vec![vec!["a".to_string()], vec![], vec!["b".to_string()]]
        );
        let long = "rad\n".repeat(LINES + 1);
        let pages = lines(&long);
        assert_eq!((pages.len(), pages[0].len(), pages[1].len()), (2, LINES, 1));
        assert_eq!(texts(&long)[1], "rad\n");
    }

    #[test]
    fn a_paragraph_that_fits_on_a_page_is_not_split_across_two() {
        let paragraph = "ord ".repeat(50); // 200 columns: three lines
        let text = format!("{}{paragraph}\nslut", "rad\n".repeat(LINES - 2));
        let sheets = layout(&text).unwrap();
        assert_eq!(sheets[0].lines.len(), LINES - 2, "two lines left empty");
        assert_eq!(sheets[1].lines.len(), 4);
        assert!(sheets[1].text.starts_with("ord ord"));
        let long = "ord ".repeat(20 * (LINES + 5)); // longer than a page: split where it must be
        let text = format!("rad\n{long}");
        let sheets = layout(&text).unwrap();
        assert_eq!(sheets[0].lines.len(), LINES);
    }

    #[test]
    fn chars_courier_lacks_are_refused_with_their_line() {
        assert_eq!(
            layout("åäö é € “citat” – ½\rtvå\nett Ω").unwrap_err(),
            Unsupported {
                line: 3, char: 'Ω'
            }
        );
        assert_eq!(layout("a\u{1}").unwrap_err().char, '\u{1}');
    }

    #[test]
    fn pdfium_draws_every_char_inside_its_box() {
        let text =
            "Beslut\n\tAnna Svensson, 19121212-1212, Storgatan 1, 123 45 Stockholm. Ärendet \
                    gäller försörjningsstöd för Åsa Öberg-Ündén (|[]{}jgqyÅÄÖ_ÿ¸).\n"
                .repeat(40);
        let (document, sheets, _) = typeset(Path::new("t.txt"), &text).unwrap();
        let bytes = document.save_to_bytes().unwrap();
        let (_, pages) =
            super::super::pdf::open(Path::new("t.pdf"), bytes, &super::super::Limits::default())
                .unwrap();
        assert_eq!(pages.len(), sheets.len());
        assert!(sheets.len() > 1);
        for (page, sheet) in pages.iter().zip(&sheets) {
            let ours: Vec<(char, Rect)> = sheet
                .text
                .chars()
                .zip(&sheet.boxes)
                .filter_map(|(c, b)| b.map(|b| (c, b)))
                .collect();
            let drawn: Vec<(char, Rect)> = page
                .text()
                .chars()
                .zip(page.boxes())
                .filter(|(c, _)| !c.is_whitespace())
                .filter_map(|(c, b)| b.map(|b| (c, b)))
                .collect();
            assert_eq!(
                ours.iter().map(|(c, _)| c).collect::<String>(),
                drawn.iter().map(|(c, _)| c).collect::<String>()
            );
            for ((c, cell), (_, glyph)) in ours.iter().zip(&drawn) {
                let inside = glyph[0] >= cell[0] - 0.01
                    && glyph[1] >= cell[1] - 0.01
                    && glyph[2] <= cell[2] + 0.01
                    && glyph[3] <= cell[3] + 0.01;
                assert!(inside, "{c:?}: glyph {glyph:?} outside its cell {cell:?}");
            }
        }
    }

    proptest! {
        /// The pages' texts are the text, cut in order; no drawn line is longer than a line and
        /// no page longer than a page; every char that is not whitespace has a box, and no two
        /// share one.
        #[test]
        fn every_char_is_on_exactly_one_page(
            text in "[a-zåäö \t]{0,300}([\n\r\u{0C}][a-zåäö \t]{0,200}){0,80}"
        ) {
            let sheets = layout(&text).unwrap();
            prop_assert_eq!(sheets.iter().map(|s| s.text.as_str()).collect::<String>(), text);
            let mut cells = std::collections::HashSet::new();
            for (k, sheet) in sheets.iter().enumerate() {
                prop_assert!(sheet.lines.len() <= LINES);
                for line in &sheet.lines {
                    prop_assert!(line.chars().count() <= COLUMNS);
                }
                prop_assert_eq!(sheet.text.chars().count(), sheet.boxes.len());
                for (c, b) in sheet.text.chars().zip(&sheet.boxes) {
                    prop_assert_eq!(b.is_some(), !c.is_whitespace(), "{:?}", c);
                    if let Some(b) = b {
                        prop_assert!(cells.insert((k, b[0].to_bits(), b[1].to_bits())));
                    }
                }
            }
        }
    }
}
