//! Reading Tesseract's TSV output (`tesseract IMAGE stdout tsv`) into words.
//!
//! The output is outside input: a different Tesseract version, a truncated pipe or a damaged
//! install can change it, so every row is checked and a bad one is an error naming its line,
//! never a panic and never a silently dropped word.

use super::{OcrError, OcrWord};
use crate::Result;

/// The columns Tesseract 4 and 5 write, in order.
const COLUMNS: [&str; 12] = [
    "level",
    "page_num",
    "block_num",
    "par_num",
    "line_num",
    "word_num",
    "left",
    "top",
    "width",
    "height",
    "conf",
    "text",
];

/// The `level` of a word row; levels 1–4 are page, block, paragraph and line rows.
const WORD_LEVEL: u8 = 5;

const ENGINE: &str = "tesseract";

/// Parses Tesseract TSV into the words it holds, in the order given (Tesseract's reading
/// order). Pixel boxes become PDF points through `dpi`, the image's resolution.
///
/// Rows of levels 1–4 (page, block, paragraph, line) carry no text and are checked but
/// skipped; word rows with blank text are skipped. Confidences become `0.0..=1.0`.
///
/// ```
/// use lantero_redact::ocr::parse_tsv;
///
/// let tsv = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n\
///            5\t1\t1\t1\t1\t1\t300\t150\t600\t50\t91.5\t811218-9876\n";
/// let words = parse_tsv(tsv, 300.0)?;
/// assert_eq!(words[0].text, "811218-9876");
/// assert_eq!(words[0].rect, [72.0, 36.0, 216.0, 48.0]); // 300 dpi: 25 px = 6 pt
/// assert_eq!(words[0].confidence, 0.915);
/// # Ok::<(), lantero_redact::Error>(())
/// ```
pub fn parse_tsv(tsv: &str, dpi: f32) -> Result<Vec<OcrWord>> {
    if !(dpi.is_finite() && dpi > 0.0) {
        return Err(OcrError::Input(format!("a resolution of {dpi} dpi is not positive")).into());
    }
    let mut lines = tsv.lines().enumerate();
    match lines.next() {
        Some((_, header)) if header.split('\t').map(str::trim).eq(COLUMNS) => {}
        Some((_, header)) => {
            return Err(bad(
                1,
                format!(
                    "expected the TSV header {:?}, found {header:?}",
                    COLUMNS.join("\t")
                ),
            ));
        }
        None => return Err(bad(0, "empty output, expected the TSV header".into())),
    }
    let points_per_pixel = 72.0 / f64::from(dpi);
    let mut words = Vec::new();
    for (index, line) in lines {
        if line.trim().is_empty() {
            continue;
        }
        if let Some(word) =
            parse_row(line, points_per_pixel).map_err(|reason| bad(index + 1, reason))?
        {
            words.push(word);
        }
    }
    Ok(words)
}

/// One row: `Ok(None)` for structure rows and blank words.
fn parse_row(line: &str, points_per_pixel: f64) -> Result<Option<OcrWord>, String> {
    let fields: Vec<&str> = line.splitn(COLUMNS.len(), '\t').collect();
    if fields.len() != COLUMNS.len() {
        return Err(format!(
            "{} tab-separated fields, expected {}",
            fields.len(),
            COLUMNS.len()
        ));
    }
    let level: u8 = number(&fields, 0)?;
    if !(1..=WORD_LEVEL).contains(&level) {
        return Err(format!("level {level} is not 1–5"));
    }
    let mut ints = [0u32; 9];
    for (slot, index) in ints.iter_mut().zip(1..) {
        *slot = number(&fields, index)?;
    }
    let [
        _page,
        block,
        paragraph,
        line,
        _word,
        left,
        top,
        width,
        height,
    ] = ints;
    let conf: f32 = number(&fields, 10)?;
    if !(-1.0..=100.0).contains(&conf) {
        return Err(format!("conf {conf} is outside -1–100"));
    }
    let text = fields[11].trim();
    if level != WORD_LEVEL || text.is_empty() {
        return Ok(None);
    }
    let points = |pixels: f64| (pixels * points_per_pixel) as f32;
    let (left, top) = (f64::from(left), f64::from(top));
    Ok(Some(OcrWord {
        text: text.to_owned(),
        rect: [
            points(left),
            points(top),
            points(left + f64::from(width)),
            points(top + f64::from(height)),
        ],
        // Tesseract writes -1 where it has no confidence; that is no confidence at all.
        confidence: conf.max(0.0) / 100.0,
        block,
        paragraph,
        line,
    }))
}

fn number<T: std::str::FromStr>(fields: &[&str], index: usize) -> Result<T, String> {
    let value = fields[index].trim();
    value
        .parse()
        .map_err(|_| format!("{} {value:?} is not a valid number", COLUMNS[index]))
}

fn bad(line: usize, reason: String) -> crate::Error {
    OcrError::Output {
        engine: ENGINE.into(),
        line,
        reason,
    }
    .into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const HEADER: &str = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext";

    fn tsv(rows: &[&str]) -> String {
        std::iter::once(HEADER)
            .chain(rows.iter().copied())
            .collect::<Vec<_>>()
            .join("\n")
    }

    fn output_error(result: Result<Vec<OcrWord>>) -> (usize, String) {
        match result {
            Err(crate::Error::Ocr(OcrError::Output { line, reason, .. })) => (line, reason),
            other => panic!("expected an output error, got {other:?}"),
        }
    }

    #[test]
    fn reads_words_and_skips_structure_rows() {
        let input = tsv(&[
            "1\t1\t0\t0\t0\t0\t0\t0\t2480\t3508\t-1\t",
            "2\t1\t1\t0\t0\t0\t295\t280\t1200\t100\t-1\t",
            "4\t1\t1\t1\t1\t0\t295\t280\t1200\t43\t-1\t",
            "5\t1\t1\t1\t1\t1\t295\t280\t275\t43\t96.42\tLillby",
            "5\t1\t1\t1\t1\t2\t590\t280\t300\t43\t95\tkommun",
            "5\t1\t1\t1\t1\t3\t900\t280\t10\t43\t-1\t ",
            "5\t1\t2\t1\t1\t1\t295\t400\t200\t40\t88\tÅsa",
        ]);
        let words = parse_tsv(&input, 144.0).unwrap();
        let texts: Vec<&str> = words.iter().map(|w| w.text.as_str()).collect();
        assert_eq!(texts, ["Lillby", "kommun", "Åsa"]);
        assert_eq!(words[0].rect, [147.5, 140.0, 285.0, 161.5]);
        assert!((words[0].confidence - 0.9642).abs() < 1e-6);
        assert_eq!(words[2].line_id(), (2, 1, 1));
    }

    #[test]
    fn windows_line_endings_and_a_trailing_newline_are_fine() {
        let input = format!("{HEADER}\r\n5\t1\t1\t1\t1\t1\t0\t0\t10\t10\t50\tord\r\n");
        assert_eq!(
            parse_tsv(&input, 72.0).unwrap()[0].rect,
            [0.0, 0.0, 10.0, 10.0]
        );
    }

    #[test]
    fn output_without_words_is_no_words() {
        assert!(parse_tsv(HEADER, 300.0).unwrap().is_empty());
    }

    #[test]
    fn empty_output_and_a_wrong_header_are_errors() {
        assert_eq!(output_error(parse_tsv("", 300.0)).0, 0);
        let (line, reason) = output_error(parse_tsv("Lillby kommun\n811218-9876\n", 300.0));
        assert_eq!(line, 1);
        assert!(reason.contains("expected the TSV header"), "{reason}");
    }

    #[test]
    fn a_bad_row_is_an_error_naming_its_line() {
        let cases = [
            (
                "5\t1\t1\t1\t1\t1\t0\t0\t10\t10\t50",
                "11 tab-separated fields",
            ),
            ("5\t1\t1\t1\t1\t1\t-3\t0\t10\t10\t50\tx", "left \"-3\""),
            ("5\t1\t1\t1\t1\t1\t0\t0\t10\t10\tNaN\tx", "outside -1–100"),
            ("5\t1\t1\t1\t1\t1\t0\t0\t10\t10\t101\tx", "outside -1–100"),
            ("9\t1\t1\t1\t1\t1\t0\t0\t10\t10\t50\tx", "level 9"),
            (
                "5\tone\t1\t1\t1\t1\t0\t0\t10\t10\t50\tx",
                "page_num \"one\"",
            ),
        ];
        for (row, expected) in cases {
            let input = tsv(&["5\t1\t1\t1\t1\t1\t0\t0\t10\t10\t50\tok", row]);
            let (line, reason) = output_error(parse_tsv(&input, 300.0));
            assert_eq!(line, 3, "{row}");
            assert!(reason.contains(expected), "{row}: {reason}");
        }
    }

    #[test]
    fn a_resolution_must_be_positive() {
        for dpi in [0.0, -72.0, f32::NAN, f32::INFINITY] {
            let err = parse_tsv(HEADER, dpi).unwrap_err();
            assert!(
                matches!(err, crate::Error::Ocr(OcrError::Input(_))),
                "{dpi}: {err}"
            );
        }
    }

    proptest! {
        #[test]
        fn never_panics_on_any_input(input in any::<String>(), dpi in any::<f32>()) {
            let _ = parse_tsv(&input, dpi);
        }

        #[test]
        fn never_panics_on_rows_after_a_valid_header(
            rows in prop::collection::vec("[0-9.\\-\\ta-zå]{0,60}", 0..8),
        ) {
            let refs: Vec<&str> = rows.iter().map(String::as_str).collect();
            let _ = parse_tsv(&tsv(&refs), 300.0);
        }

        #[test]
        fn written_words_read_back(
            words in prop::collection::vec(
                ("[A-Za-zÅÄÖåäö0-9@.\\-]{1,20}", 0u32..5000, 0u32..7000, 1u32..900, 1u32..200, 0u32..=100),
                0..20,
            ),
            dpi in 50u32..1200,
        ) {
            let rows: Vec<String> = words
                .iter()
                .enumerate()
                .map(|(i, (text, x, y, w, h, conf))| format!("5\t1\t1\t1\t1\t{}\t{x}\t{y}\t{w}\t{h}\t{conf}\t{text}", i + 1))
                .collect();
            let refs: Vec<&str> = rows.iter().map(String::as_str).collect();
            let parsed = parse_tsv(&tsv(&refs), dpi as f32).unwrap();
            prop_assert_eq!(parsed.len(), words.len());
            let scale = 72.0 / dpi as f32;
            for (word, (text, x, y, w, h, conf)) in parsed.iter().zip(&words) {
                prop_assert_eq!(&word.text, text);
                let expected = [*x as f32 * scale, *y as f32 * scale, (x + w) as f32 * scale, (y + h) as f32 * scale];
                for (got, want) in word.rect.iter().zip(expected) {
                    prop_assert!((got - want).abs() <= want.abs() * 1e-5 + 1e-4, "{:?} vs {:?}", word.rect, expected);
                }
                prop_assert!((word.confidence - *conf as f32 / 100.0).abs() < 1e-6);
            }
        }
    }
}
