//! Searching the output for the masked strings themselves.
//!
//! Each string is looked for in the encodings PDF text can take — UTF-8, UTF-16 (both byte
//! orders, as in text strings and CID fonts), Latin-1 (as in simple fonts), and hexadecimal
//! forms of those — ignoring ASCII case, in three places: the text PDFium extracts, the file's
//! syntax outside stream data, and every non-image stream after inflating it. Image samples
//! are not searched: they are pixels, checked to be exactly the declared size, and compressed
//! pixels match short strings by chance often enough to make a search there meaningless.

use super::structure::decoded;
use super::syntax::File;

/// Byte patterns of `masked` as PDF content could hold it, in any letter case, as lower-case
/// ASCII (the haystacks are lowered the same way).
fn needles(masked: &str) -> Vec<Vec<u8>> {
    let mut found: Vec<Vec<u8>> = Vec::new();
    let hex = |bytes: &[u8]| {
        bytes
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>()
            .into_bytes()
    };
    for form in [
        masked.to_string(),
        masked.to_lowercase(),
        masked.to_uppercase(),
    ] {
        let utf8 = form.as_bytes().to_vec();
        let utf16_be: Vec<u8> = form.encode_utf16().flat_map(u16::to_be_bytes).collect();
        let utf16_le: Vec<u8> = form.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let latin1: Option<Vec<u8>> = form
            .chars()
            .map(|c| u8::try_from(u32::from(c)).ok())
            .collect();
        for bytes in [Some(utf8), Some(utf16_be), Some(utf16_le), latin1]
            .into_iter()
            .flatten()
        {
            let encoded = hex(&bytes);
            found.push(bytes);
            found.push(encoded);
        }
    }
    for needle in &mut found {
        needle.make_ascii_lowercase();
    }
    found.sort();
    found.dedup();
    found
}

/// The masked strings (and where) found in the text, the syntax and the non-image streams.
pub(crate) fn masked_strings(
    file: &File,
    bytes: &[u8],
    extracted_text: &str,
    masked: &[String],
) -> Vec<String> {
    let masked: Vec<&str> = masked
        .iter()
        .map(|m| m.trim())
        .filter(|m| !m.is_empty())
        .collect();
    if masked.is_empty() {
        return Vec::new();
    }
    let mut places: Vec<(String, Vec<u8>)> =
        vec![("extracted text".into(), extracted_text.as_bytes().to_vec())];
    for range in &file.syntax {
        places.push((
            format!("file syntax at byte {}", range.start),
            bytes[range.clone()].to_vec(),
        ));
    }
    for object in &file.objects {
        let (Some(dict), Some(range)) = (object.dict(), object.stream.clone()) else {
            continue;
        };
        if dict.name("Subtype") == Some(b"Image") {
            continue;
        }
        let data = decoded(dict, &bytes[range.clone()], 64 << 20)
            .unwrap_or_else(|_| bytes[range].to_vec());
        places.push((format!("stream of object {}", object.id), data));
    }
    let mut found = Vec::new();
    for (place, mut haystack) in places {
        haystack.make_ascii_lowercase();
        for text in &masked {
            let hit = needles(text).iter().any(|needle| {
                haystack
                    .windows(needle.len())
                    .any(|window| window == needle.as_slice())
            });
            if hit {
                // Never echo the secret itself into a message that may be logged.
                found.push(format!(
                    "a masked string ({} chars) in the {place}",
                    text.chars().count()
                ));
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::verify::syntax::parse;

    #[test]
    fn needles_cover_the_encodings_of_pdf_text() {
        let needles = needles("Åsa");
        assert!(needles.contains(&"åsa".as_bytes().to_vec()));
        assert!(needles.contains(&vec![0x00, 0xC5, 0x00, b's', 0x00, b'a']));
        assert!(needles.contains(&vec![0xC5, b's', b'a'])); // Latin-1; 0xC5 has no ASCII case
        assert!(needles.contains(&b"00c500730061".to_vec()));
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
        pdf.extend_from_slice(b"3 0 obj << /Title <0041006E006E0061> >> endobj\n");
        let file = parse(&pdf).unwrap();
        let masked = |s: &str| masked_strings(&file, &pdf, "", &[s.to_string()]);
        assert_eq!(
            masked("anna svensson"),
            vec!["a masked string (13 chars) in the stream of object 1"]
        );
        assert!(masked("Eva Eriksson").is_empty());
        assert_eq!(masked("Anna").len(), 2); // the content stream and the UTF-16 title
        assert!(masked("   ").is_empty());
    }
}
