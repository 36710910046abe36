//! Hostile searchable outputs: the writer's text layer, changed so that it shows text, uses
//! another font, puts text where the layer's shape has none, or holds a masked string. Each is
//! checked against the searchable profile, which must reject it.

use lantero_redact::ocr::OcrWord;
use lantero_redact::verify::Profile;
use lantero_redact::write::{ImagePdfWriter, TextLayer};

use super::parts::{Parts, stream};
use super::{Fixture, white_image};

const PLACE: &str = "q 595 0 0 842 0 0 cm /Im0 Do Q";
const WORD: &str = "/F1 12 Tf 100 Tz 1 0 0 1 72 700 Tm <426573" /* "Bes" */;

fn word(text: &str, x: f32) -> OcrWord {
    OcrWord {
        text: text.into(),
        rect: [x, 100.0, x + 6.0 * text.chars().count() as f32, 112.0],
        confidence: 0.9,
        block: 1,
        paragraph: 1,
        line: 1,
    }
}

/// The writer's searchable output for one white page whose layer holds `words`.
pub fn searchable_written(words: &[&str]) -> Vec<u8> {
    let words: Vec<OcrWord> = words
        .iter()
        .enumerate()
        .map(|(i, w)| word(w, 72.0 + 80.0 * i as f32))
        .collect();
    let layer = TextLayer::from_words(&words, (595.0, 842.0), &[]);
    let mut pdf = ImagePdfWriter::with_profile(Vec::new(), 1, Profile::Searchable).unwrap();
    pdf.add_page_with_layer((595.0, 842.0), &white_image(), &layer)
        .unwrap();
    pdf.finish().unwrap()
}

/// Every hostile searchable fixture.
pub fn layer_fixtures() -> Vec<Fixture> {
    let secret = "Anna Svensson";
    let base = || Parts::of(&searchable_written(&["Beslut", "om", "bistånd"]));
    let layer = |words: &str| format!("{PLACE}\nBT 3 Tr\n{words}\nET");
    let word = format!("{WORD}6C7574> Tj");
    let mut list = Vec::new();
    let mut add = |name, parts: Parts, masked: &[&str], fails: &[&'static str], profile| {
        list.push(Fixture {
            name,
            bytes: parts.assemble(),
            masked: masked.iter().map(|s| s.to_string()).collect(),
            fails: fails.to_vec(),
            profile,
        });
    };
    add(
        "a searchable output checked as image-only",
        base(),
        &[],
        &["no_fonts", "no_text_objects", "no_extractable_text"],
        Profile::ImageOnly,
    );
    let contents: [(&str, String, &[&'static str]); 7] = [
        (
            "layer text drawn visibly (render mode 0)",
            layer(&word).replace("3 Tr", "0 Tr"),
            &["text_layer_exact", "extractable_text_is_layer"],
        ),
        (
            "text before the image placement",
            format!("BT 3 Tr {word} ET\n{PLACE}"),
            &["content_operands_plain", "text_layer_exact"],
        ),
        (
            "a second text object after the layer",
            format!("{}\nBT 3 Tr {word} ET", layer(&word)),
            &["text_layer_exact"],
        ),
        (
            "a layer word shown with TJ and a kerning array",
            layer(
                &word
                    .replace("<426573", "[<426573")
                    .replace("> Tj", "> 0] TJ"),
            ),
            &["text_layer_exact"],
        ),
        (
            "a layer word set in another font resource",
            layer(&word.replace("/F1", "/F2")),
            &["text_layer_exact"],
        ),
        (
            "a layer word placed off the page",
            layer(&word.replace("72 700", "72 9000")),
            &["text_layer_exact"],
        ),
        (
            "a masked name spread over two layer words",
            layer(&format!(
                "{WORD}> Tj\n/F1 12 Tf 100 Tz 1 0 0 1 72 680 Tm (Anna) Tj\n\
                 /F1 12 Tf 100 Tz 1 0 0 1 110 680 Tm (Svensson) Tj"
            )),
            &["masked_strings_absent"],
        ),
    ];
    for (name, content, fails) in contents {
        let mut parts = base();
        *parts.object(5) = stream(5, "", content.as_bytes());
        add(name, parts, &[secret], fails, Profile::Searchable);
    }

    let mut parts = base();
    parts
        .parts
        .push(b"8 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>\nendobj\n".to_vec());
    parts.replace(4, "/F1 7 0 R", b"/F1 7 0 R /F2 8 0 R");
    *parts.object(5) = stream(5, "", layer(&word.replace("/F1", "/F2")).as_bytes());
    add(
        "a second font, used by a layer word",
        parts,
        &[],
        &["only_layer_font", "text_layer_exact"],
        Profile::Searchable,
    );
    let mut parts = base();
    parts.replace(
        7,
        "/Encoding /WinAnsiEncoding",
        b"/Encoding /WinAnsiEncoding /ToUnicode 8 0 R",
    );
    parts
        .parts
        .push(stream(8, "", b"beginbfchar <42> <0041> endbfchar"));
    add(
        "a ToUnicode map that makes the layer read differently",
        parts,
        &[],
        &["only_layer_font", "only_known_keys"],
        Profile::Searchable,
    );
    let mut parts = base();
    parts.replace(7, "/Helvetica", b"/Helvetica-Bold");
    add(
        "another base font",
        parts,
        &[],
        &["only_layer_font"],
        Profile::Searchable,
    );
    let mut parts = base();
    parts.replace(4, "/Contents 5 0 R", b"/Contents [5 0 R 8 0 R]");
    parts
        .parts
        .push(stream(8, "", format!("BT 3 Tr {word} ET").as_bytes()));
    add(
        "a second content stream with text",
        parts,
        &[],
        &["text_layer_exact"],
        Profile::Searchable,
    );
    let mut parts = base();
    *parts.object(5) = stream(
        5,
        "",
        layer(&word.replace("<426573", "<0A426573")).as_bytes(),
    );
    add(
        "a control byte in a layer word",
        parts,
        &[],
        &["text_layer_exact"],
        Profile::Searchable,
    );
    list
}
