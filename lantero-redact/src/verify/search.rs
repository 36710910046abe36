//! Searching the output for the masked strings themselves.
//!
//! A masked string is looked for only where text can live: string literals and hex strings
//! (decoded), names (with `#xx` decoded), stray comments, the text PDFium extracts, and every
//! stream that is not an image, after inflating it. Numbers, keywords and the writer's own
//! vocabulary of names are not text: searching the raw syntax made a masked "12" match any
//! `/Count 12` or offset, failing clean outputs. Image samples are pixels, checked to be exactly
//! the declared size, and compressed pixels match short strings by chance.
//!
//! Each place's bytes are read as Latin-1 (simple fonts, PDFDocEncoding), UTF-8, and UTF-16 in
//! both byte orders and both alignments (text strings, CID fonts). A match ignores case and
//! must stand on token boundaries: no letter or digit directly before or after it in the
//! decoded text, so "Ab" is not found inside "Abel".

use super::layout::stray_comments;
use super::lexer::Lexer;
use super::profile::{LAYER_NAMES, LAYER_OPERATORS, Profile};
use super::streams::{MAX_STREAM, decoded};
use super::syntax::{File, Object, content};

/// Names the writer itself writes: PDF vocabulary, never text from the document.
const VOCABULARY: &[&str] = &[
    "Type",
    "Subtype",
    "Catalog",
    "Pages",
    "Page",
    "Kids",
    "Count",
    "Parent",
    "MediaBox",
    "Resources",
    "XObject",
    "Image",
    "Im0",
    "Contents",
    "Length",
    "Filter",
    "FlateDecode",
    "DCTDecode",
    "Width",
    "Height",
    "ColorSpace",
    "DeviceGray",
    "DeviceRGB",
    "BitsPerComponent",
    "Producer",
    "Size",
    "Root",
    "Info",
];

/// Lower-cases one char to one char, so positions in folded text match the original.
fn fold(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

/// Whether `needle` (folded) occurs in `hay` (folded) with no letter or digit on either side.
pub(crate) fn find_bounded(hay: &[char], needle: &[char]) -> Option<usize> {
    let first = *needle.first()?;
    let bounded = |c: Option<&char>| !c.is_some_and(|c| c.is_alphanumeric());
    (0..(hay.len() + 1).saturating_sub(needle.len())).find(|&at| {
        hay[at] == first
            && hay[at..at + needle.len()] == *needle
            && bounded(at.checked_sub(1).and_then(|b| hay.get(b)))
            && bounded(hay.get(at + needle.len()))
    })
}

/// `text` as folded chars.
pub(crate) fn folded(text: &str) -> Vec<char> {
    text.chars().map(fold).collect()
}

/// Masked strings as searched in a text layer: folded, whitespace runs as single spaces (the
/// layer's words are joined by one space), empty ones dropped.
pub(crate) fn layer_needles(masked: &[String]) -> Vec<Vec<char>> {
    masked
        .iter()
        .map(|m| m.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|m| !m.is_empty())
        .map(|m| folded(&m))
        .collect()
}

/// The first place in `text` (a layer's words joined by spaces) where one of `needles`
/// stands on token boundaries: its start and length in chars.
pub(crate) fn first_in_layer(text: &str, needles: &[Vec<char>]) -> Option<(usize, usize)> {
    let hay = folded(text);
    needles
        .iter()
        .filter_map(|needle| find_bounded(&hay, needle).map(|at| (at, needle.len())))
        .min()
}

/// The texts `bytes` can be read as, folded.
fn readings(bytes: &[u8]) -> Vec<Vec<char>> {
    let mut found = vec![bytes.iter().map(|&b| fold(char::from(b))).collect()];
    if !bytes.is_ascii()
        && let Ok(text) = std::str::from_utf8(bytes)
    {
        found.push(folded(text));
    }
    for skip in 0..2 {
        let Some(rest) = bytes.get(skip..).filter(|r| r.len() >= 2) else {
            continue;
        };
        for big_endian in [true, false] {
            let units = rest.chunks_exact(2).map(|p| {
                if big_endian {
                    u16::from_be_bytes([p[0], p[1]])
                } else {
                    u16::from_le_bytes([p[0], p[1]])
                }
            });
            found.push(
                char::decode_utf16(units)
                    .map(|c| fold(c.unwrap_or(char::REPLACEMENT_CHARACTER)))
                    .collect(),
            );
        }
    }
    found
}

/// Strings and names in `object`, nested ones included, except the writer's vocabulary (and
/// in the searchable profile the layer's).
fn texts_of(object: &Object, profile: Profile, out: &mut Vec<Vec<u8>>) {
    let layer: &[&str] = match profile {
        Profile::ImageOnly => &[],
        Profile::Searchable => LAYER_NAMES,
    };
    let vocabulary = |name: &[u8]| VOCABULARY.iter().chain(layer).any(|v| v.as_bytes() == name);
    match object {
        Object::String(bytes) => out.push(bytes.clone()),
        Object::Name(name) if !vocabulary(name) => out.push(name.clone()),
        Object::Array(items) => items.iter().for_each(|item| texts_of(item, profile, out)),
        Object::Dict(dict) => {
            for (key, value) in &dict.0 {
                texts_of(&Object::Name(key.clone()), profile, out);
                texts_of(value, profile, out);
            }
        }
        _ => {}
    }
}

/// Where text can lie in a decoded stream. A stream that reads as page content gives its
/// strings, names, operator words and comments; any other is searched whole, together with
/// every string and name a lenient scan finds in it.
fn stream_texts(data: &[u8], profile: Profile) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    if let Ok(read) = content(data)
        && !read.operators().any(|op| op == "BI")
    {
        let layer: &[&str] = match profile {
            Profile::ImageOnly => &[],
            Profile::Searchable => LAYER_OPERATORS,
        };
        let mut words = Vec::new();
        for op in &read.ops {
            op.operands
                .iter()
                .for_each(|o| texts_of(o, profile, &mut out));
            let operator = op.operator.as_str();
            if !matches!(operator, "q" | "Q" | "cm" | "Do") && !layer.contains(&operator) {
                words.push(op.operator.as_str());
            }
        }
        out.push(words.join(" ").into_bytes());
        out.extend(read.comments.iter().map(|c| data[c.clone()].to_vec()));
        return out;
    }
    out.push(data.to_vec());
    let mut lexer = Lexer::new(data);
    while let Some(&c) = data.get(lexer.pos) {
        let token = match c {
            b'(' => lexer.literal_string().map_err(|_| data.len()),
            b'<' if data.get(lexer.pos + 1) != Some(&b'<') => {
                lexer.hex_string().map_err(|_| lexer.pos)
            }
            b'/' => {
                lexer.pos += 1;
                Ok(lexer.name())
            }
            _ => Err(lexer.pos + 1),
        };
        match token {
            Ok(text) => out.push(text),
            Err(next) => lexer.pos = next.max(lexer.pos),
        }
    }
    out
}

/// The masked strings found, each as "a masked string (N chars) in the PLACE". `layer` holds
/// the words of each page's text layer (searchable profile), searched as joined by spaces.
pub(crate) fn masked_strings(
    file: &File,
    bytes: &[u8],
    extracted_text: &str,
    layer: &[Vec<String>],
    profile: Profile,
    masked: &[String],
) -> Vec<String> {
    let masked_raw = masked;
    let masked: Vec<(usize, Vec<char>)> = masked
        .iter()
        .map(|m| m.trim())
        .filter(|m| !m.is_empty())
        .map(|m| (m.chars().count(), folded(m)))
        .collect();
    if masked.is_empty() {
        return Vec::new();
    }
    let mut places: Vec<(String, Vec<Vec<char>>)> =
        vec![("extracted text".into(), vec![folded(extracted_text)])];
    let mut syntax = Vec::new();
    for object in &file.objects {
        texts_of(&object.value, profile, &mut syntax);
    }
    for trailer in &file.trailers {
        texts_of(&Object::Dict(trailer.clone()), profile, &mut syntax);
    }
    syntax.extend(
        stray_comments(file, bytes)
            .into_iter()
            .map(|c| bytes[c].to_vec()),
    );
    places.push((
        "strings, names and comments of the file".into(),
        syntax.iter().flat_map(|text| readings(text)).collect(),
    ));
    for object in &file.objects {
        let (Some(dict), Some(range)) = (object.dict(), object.stream.clone()) else {
            continue;
        };
        if dict.name("Subtype") == Some(b"Image") {
            continue;
        }
        let data = decoded(dict, &bytes[range], MAX_STREAM);
        let texts = stream_texts(&data, profile);
        places.push((
            format!("stream of object {}", object.id),
            texts.iter().flat_map(|text| readings(text)).collect(),
        ));
    }
    let mut found = Vec::new();
    let needles = layer_needles(masked_raw);
    for (number, words) in layer.iter().enumerate() {
        if first_in_layer(&words.join(" "), &needles).is_some() {
            found.push(format!(
                "a masked string in the text layer of page {}",
                number + 1
            ));
        }
    }
    for (place, texts) in &places {
        for (chars, needle) in &masked {
            if texts
                .iter()
                .any(|text| find_bounded(text, needle).is_some())
            {
                // Never echo the secret itself into a message that may be logged.
                found.push(format!("a masked string ({chars} chars) in the {place}"));
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::verify::syntax::parse;

    fn found(hay: &str, needle: &str) -> bool {
        find_bounded(&folded(hay), &folded(needle)).is_some()
    }

    #[test]
    fn matches_stand_on_token_boundaries_in_any_case() {
        assert!(found("Beslut om ANNA SVENSSON.", "Anna Svensson"));
        assert!(found("(ab)", "Ab"));
        assert!(!found("Abel", "Ab"));
        assert!(!found("0000000012 00000 n", "12"));
        assert!(found("id 12", "12"));
        assert!(!found("Åsa", "sa"));
        assert!(found("ÅSA", "åsa"));
        assert!(!found("", "a"));
    }

    #[test]
    fn readings_cover_the_encodings_of_pdf_text() {
        let has = |bytes: &[u8], text: &str| {
            readings(bytes)
                .iter()
                .any(|r| find_bounded(r, &folded(text)).is_some())
        };
        assert!(has(
            &[0xFE, 0xFF, 0x00, 0xC5, 0x00, b's', 0x00, b'a'],
            "Åsa"
        )); // UTF-16BE
        assert!(has(&[b'x', 0xC5, 0x00, b's', 0x00, b'a', 0x00], "åsa")); // UTF-16LE, odd
        assert!(has(&[0xC5, b's', b'a'], "Åsa")); // Latin-1
        assert!(has("Åsa".as_bytes(), "ÅSA")); // UTF-8
        assert!(!has(b"Abel", "ab"));
    }

    #[test]
    fn finds_strings_in_syntax_and_inflated_streams_but_not_in_images() {
        use std::io::Write;
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        z.write_all(b"BT (Anna Svensson) Tj ET").unwrap();
        let content = z.finish().unwrap();
        let mut pdf = format!(
            "1 0 obj << /Filter /FlateDecode /Length {} >> stream\n",
            content.len()
        )
        .into_bytes();
        pdf.extend_from_slice(&content);
        pdf.extend_from_slice(b"\nendstream endobj\n2 0 obj << /Subtype /Image /Length 13 >> stream\nEva Eriksson!\nendstream endobj\n");
        pdf.extend_from_slice(b"3 0 obj << /Title <0041006E006E0061> /K /Ev#61 >> endobj\n");
        pdf.extend_from_slice(b"4 0 obj << /Length 30 >> stream\n<x:a>12</x:a> <4142> (Ab\\051 %c\nendstream endobj\n");
        let file = parse(&pdf).unwrap();
        let masked =
            |s: &str| masked_strings(&file, &pdf, "", &[], Profile::ImageOnly, &[s.to_string()]);
        assert_eq!(
            masked("anna svensson"),
            vec!["a masked string (13 chars) in the stream of object 1"]
        );
        assert!(masked("Eva Eriksson").is_empty());
        assert_eq!(masked("Anna").len(), 2); // the content stream and the UTF-16 title
        assert_eq!(masked("Eva").len(), 1); // the name /Ev#61
        assert_eq!(masked("12").len(), 1); // the XML-like stream, searched whole
        assert_eq!(masked("AB").len(), 1); // its hex string and its unterminated literal
        assert!(masked("Length").is_empty()); // vocabulary, not text
        assert!(masked("   ").is_empty());
    }

    #[test]
    fn page_content_is_searched_in_its_strings_words_and_comments_not_its_numbers() {
        let texts = stream_texts(
            b"q 612 0 0 792 0 0 cm /Im0 Do Q Anna Svensson % Ab\n[(I) 12 (D)] TJ",
            Profile::ImageOnly,
        );
        let has = |text: &str| {
            texts
                .iter()
                .flat_map(|t| readings(t))
                .any(|r| find_bounded(&r, &folded(text)).is_some())
        };
        assert!(has("anna svensson") && has("ab") && has("I") && has("D"));
        assert!(!has("612") && !has("12") && !has("Im0") && !has("Do"));
    }
}
