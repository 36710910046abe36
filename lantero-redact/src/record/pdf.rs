//! A decision's Markdown set as an A4 PDF, with text a reader can search and read aloud.
//!
//! Only the Markdown a decision template needs is understood: `#`, `##` and `###` headings,
//! paragraphs (lines joined; a line ending in two spaces or `\` breaks), `- ` bullet items and
//! `**bold**`. Anything else is set as the text it is. The text is set in Helvetica, a PDF
//! standard font (no font file needed), which encodes Windows-1252: Swedish letters, `§`, `–`
//! are there; a char outside it is refused with its line, not silently dropped.

use pdfium_render::prelude::{
    PdfDocument, PdfFontToken, PdfPage, PdfPageContentRegenerationStrategy, PdfPageObjectCommon,
    PdfPageObjectsCommon, PdfPagePaperSize, PdfPageTextObject, PdfPoints, PdfiumError,
};

use crate::document::settable;
use crate::pdfium::{pdf_error, pdfium};
use crate::{Error, Result};

const MARGIN_X: f32 = 70.0;
const MARGIN_TOP: f32 = 64.0;
const MARGIN_BOTTOM: f32 = 72.0;
const BODY: f32 = 10.5;
const FOOTER: f32 = 8.5;

/// One block of the Markdown.
#[derive(Debug, Clone, PartialEq)]
enum Block {
    Heading(u8, String),
    /// Lines (hard breaks between them) of one paragraph.
    Paragraph(Vec<String>),
    Bullet(String),
}

/// A word to set: its text, whether bold, and the space before it.
struct Word {
    text: String,
    bold: bool,
    space_before: bool,
}

/// Sets `markdown` on A4 pages and returns the PDF's bytes; `title` names the document in
/// errors.
///
/// ```no_run
/// let pdf = lantero_redact::record::markdown_to_pdf("# Beslut\n\nHandlingen lämnas ut.", "beslut")?;
/// assert!(pdf.starts_with(b"%PDF-"));
/// # Ok::<(), lantero_redact::Error>(())
/// ```
pub fn markdown_to_pdf(markdown: &str, title: &str) -> Result<Vec<u8>> {
    if let Some((line, c)) = markdown
        .lines()
        .enumerate()
        .find_map(|(n, l)| l.chars().find(|&c| !settable(c)).map(|c| (n + 1, c)))
    {
        return Err(Error::Input {
            path: title.into(),
            reason: format!(
                "line {line}: {c:?} (U+{:04X}) cannot be set in the PDF standard font \
                 (Windows-1252 only); write it in Latin letters or use the Markdown",
                u32::from(c)
            ),
        });
    }
    let mut document = pdfium()?
        .create_new_pdf()
        .map_err(|err| pdf_error(title, err))?;
    set(&mut document, &blocks(markdown)).map_err(|err| pdf_error(title, err))?;
    document
        .save_to_bytes()
        .map_err(|err| pdf_error(title, err))
}

/// The Markdown as blocks.
fn blocks(markdown: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut paragraph: Vec<String> = Vec::new();
    let mut joined = String::new();
    let flush = |paragraph: &mut Vec<String>, joined: &mut String, out: &mut Vec<Block>| {
        if !joined.is_empty() {
            paragraph.push(std::mem::take(joined));
        }
        if !paragraph.is_empty() {
            out.push(Block::Paragraph(std::mem::take(paragraph)));
        }
    };
    for line in markdown.lines() {
        let trimmed = line.trim();
        let heading = trimmed.split_once(' ').filter(|(hashes, _)| {
            (1..=3).contains(&hashes.len()) && hashes.chars().all(|c| c == '#')
        });
        if trimmed.is_empty() {
            flush(&mut paragraph, &mut joined, &mut out);
        } else if let Some((hashes, text)) = heading {
            flush(&mut paragraph, &mut joined, &mut out);
            out.push(Block::Heading(hashes.len() as u8, text.trim().to_owned()));
        } else if let Some(item) = trimmed
            .strip_prefix("- ")
            .or_else(|| trimmed.strip_prefix("* "))
        {
            flush(&mut paragraph, &mut joined, &mut out);
            out.push(Block::Bullet(item.trim().to_owned()));
        } else if let (Some(Block::Bullet(item)), true) = (
            out.last_mut(),
            joined.is_empty() && paragraph.is_empty() && line.starts_with(' '),
        ) {
            // An indented line continues the bullet item above it.
            item.push(' ');
            item.push_str(trimmed);
        } else {
            let hard_break = line.ends_with("  ") || trimmed.ends_with('\\');
            if !joined.is_empty() {
                joined.push(' ');
            }
            joined.push_str(trimmed.trim_end_matches('\\').trim_end());
            if hard_break {
                paragraph.push(std::mem::take(&mut joined));
            }
        }
    }
    flush(&mut paragraph, &mut joined, &mut out);
    out
}

/// The words of a line, `**bold**` runs marked; a word knows whether a space precedes it, so
/// "**Dahl**," sets its comma close.
fn words(text: &str) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::new();
    let mut space = false;
    for (index, run) in text.split("**").enumerate() {
        for (n, piece) in run.split(' ').enumerate() {
            space |= n > 0;
            if piece.is_empty() {
                continue;
            }
            out.push(Word {
                text: piece.to_owned(),
                bold: index % 2 == 1,
                space_before: space && !out.is_empty(),
            });
            space = false;
        }
    }
    out
}

/// Fonts, measuring, and where the next line goes.
struct Setter<'a> {
    document: &'a PdfDocument<'static>,
    regular: PdfFontToken,
    bold: PdfFontToken,
    /// Lines placed so far: page index, x, baseline, text, bold, size.
    placed: Vec<(usize, f32, f32, String, bool, f32)>,
    page: usize,
    y: f32,
    height: f32,
    width: f32,
}

impl Setter<'_> {
    /// The advance width of `text`. PDFium gives a text object's ink box, which leaves out
    /// the side bearings of its first and last glyph, so the text is measured between two
    /// `x` and their own ink subtracted.
    fn measure(&self, text: &str, bold: bool, size: f32) -> Result<f32, PdfiumError> {
        let font = if bold { self.bold } else { self.regular };
        let ink = |text: &str| -> Result<f32, PdfiumError> {
            let object = PdfPageTextObject::new(self.document, text, font, PdfPoints::new(size))?;
            Ok(object.width()?.value)
        };
        Ok(ink(&format!("x{text}x"))? - ink("xx")?)
    }

    /// Moves down by `advance`, to a new page when the bottom margin is reached.
    fn advance(&mut self, advance: f32) {
        if self.y - advance < MARGIN_BOTTOM {
            self.page += 1;
            self.y = self.height - MARGIN_TOP;
        }
        self.y -= advance;
    }

    /// Sets `text` wrapped within `indent..width`, a first-line `marker` hanging before it.
    fn paragraph(
        &mut self,
        text: &str,
        size: f32,
        bold: bool,
        indent: f32,
        marker: Option<&str>,
    ) -> Result<(), PdfiumError> {
        let pitch = size * 1.38;
        let right = self.width - MARGIN_X;
        let space = self.measure(" ", false, size)?;
        let mut line: Vec<(f32, String, bool)> = Vec::new();
        let mut x = MARGIN_X + indent;
        let mut lines: Vec<Vec<(f32, String, bool)>> = Vec::new();
        for word in words(text) {
            let word_bold = bold || word.bold;
            let width = self.measure(&word.text, word_bold, size)?;
            let gap = if line.is_empty() || !word.space_before {
                0.0
            } else {
                space
            };
            if !line.is_empty() && x + gap + width > right {
                lines.push(std::mem::take(&mut line));
                x = MARGIN_X + indent;
            } else {
                x += gap;
            }
            line.push((x, word.text, word_bold));
            x += width;
        }
        lines.push(line);
        for (n, line) in lines.into_iter().enumerate() {
            self.advance(pitch);
            if n == 0 {
                if let Some(marker) = marker {
                    self.placed.push((
                        self.page,
                        MARGIN_X + indent - 11.0,
                        self.y,
                        marker.into(),
                        false,
                        size,
                    ));
                }
            }
            for (x, text, bold) in line {
                self.placed.push((self.page, x, self.y, text, bold, size));
            }
        }
        Ok(())
    }
}

fn set(document: &mut PdfDocument<'static>, blocks: &[Block]) -> Result<(), PdfiumError> {
    let size = PdfPagePaperSize::a4();
    let (width, height) = (size.width().value, size.height().value);
    let regular = document.fonts_mut().helvetica();
    let bold = document.fonts_mut().helvetica_bold();
    let mut setter = Setter {
        document,
        regular,
        bold,
        placed: Vec::new(),
        page: 0,
        y: height - MARGIN_TOP,
        height,
        width,
    };
    let mut first = true;
    for block in blocks {
        match block {
            Block::Heading(level, text) => {
                let (size, before) = match level {
                    1 => (16.0, 0.0),
                    2 => (12.5, 12.0),
                    _ => (BODY, 6.0),
                };
                if !first {
                    setter.advance(before);
                }
                setter.paragraph(text, size, true, 0.0, None)?;
                setter.advance(3.0);
            }
            Block::Paragraph(lines) => {
                for line in lines {
                    setter.paragraph(line, BODY, false, 0.0, None)?;
                }
                setter.advance(6.0);
            }
            Block::Bullet(text) => setter.paragraph(text, BODY, false, 14.0, Some("\u{2022}"))?,
        }
        first = false;
    }
    let pages = setter.page + 1;
    let placed = std::mem::take(&mut setter.placed);
    for index in 0..pages {
        let mut page: PdfPage = document.pages_mut().create_page_at_end(size)?;
        page.set_content_regeneration_strategy(PdfPageContentRegenerationStrategy::Manual);
        for (_, x, y, text, is_bold, font_size) in placed.iter().filter(|p| p.0 == index) {
            page.objects_mut().create_text_object(
                PdfPoints::new(*x),
                PdfPoints::new(*y),
                text,
                if *is_bold { bold } else { regular },
                PdfPoints::new(*font_size),
            )?;
        }
        let footer = format!("Sida {} ({pages})", index + 1);
        page.objects_mut().create_text_object(
            PdfPoints::new(width - MARGIN_X - 40.0),
            PdfPoints::new(MARGIN_BOTTOM / 2.0),
            footer,
            regular,
            PdfPoints::new(FOOTER),
        )?;
        page.regenerate_content()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_blocks_and_hard_breaks() {
        let md = "# Beslut\n\n**Kommunen**  \nDatum: 3 december\n\nEtt stycke\nsom fortsätter.\n\n- en\n- två\n  och mer\n## Skäl\n";
        assert_eq!(
            blocks(md),
            [
                Block::Heading(1, "Beslut".into()),
                Block::Paragraph(vec!["**Kommunen**".into(), "Datum: 3 december".into()]),
                Block::Paragraph(vec!["Ett stycke som fortsätter.".into()]),
                Block::Bullet("en".into()),
                Block::Bullet("två och mer".into()),
                Block::Heading(2, "Skäl".into()),
            ]
        );
    }

    #[test]
    fn bold_runs_keep_their_spaces() {
        let got: Vec<(String, bool, bool)> = words("Till **Anna Dahl**, Älvstrand")
            .into_iter()
            .map(|w| (w.text, w.bold, w.space_before))
            .collect();
        assert_eq!(
            got,
            [
                ("Till".into(), false, false),
                ("Anna".into(), true, true),
                ("Dahl".into(), true, true),
                (",".into(), false, false),
                ("Älvstrand".into(), false, true),
            ]
        );
    }
}
