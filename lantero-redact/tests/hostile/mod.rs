//! Hostile outputs: a valid writer output, mutated so that it hides something from the
//! verifier's first reading, or hands a reader data the verifier never looked at. Each fixture
//! is made here from the writer's own bytes, so it tracks the writer, and names the checks
//! that must fail on it.

mod layer;
mod parts;

pub use layer::{layer_fixtures, searchable_written};
pub use parts::Parts;
use parts::{flate_bomb, stream, with_segment, zlib};

use lantero_redact::render::{
    EncodedImage, Encoding, GreyLevels, Pixels, Raster, RenderOptions, encode,
};
use lantero_redact::verify::Profile;
use lantero_redact::write::ImagePdfWriter;

/// One hostile file and the checks that must fail on it.
pub struct Fixture {
    pub name: &'static str,
    pub bytes: Vec<u8>,
    pub masked: Vec<String>,
    pub fails: Vec<&'static str>,
    /// The profile the file is checked against.
    pub profile: Profile,
}

/// Pixels inflate to 100 bytes of white: a 10×10 page image in 8-bit grey.
pub fn white_image() -> EncodedImage {
    EncodedImage {
        width: 10,
        height: 10,
        encoding: Encoding::Grey8Flate,
        data: zlib(&[255u8; 100]),
    }
}

/// A photograph-like colour page (a gradient with noise), which the encoder stores as JPEG.
pub fn jpeg_image() -> EncodedImage {
    let (width, height) = (64u32, 48u32);
    let mut state = 7u32;
    let noise = (0..width * height * 3)
        .map(|i| {
            state = state.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
            ((i / 3 % width) * 3 + (state >> 27)) as u8
        })
        .collect();
    let raster = Raster::new(width, height, (595.0, 842.0), Pixels::Rgb(noise)).unwrap();
    let options = RenderOptions {
        grey_levels: GreyLevels::Full,
        ..RenderOptions::default()
    };
    let image = encode(&raster, &options).unwrap();
    assert_eq!(image.encoding, Encoding::RgbJpeg, "noise is stored as JPEG");
    image
}

/// The writer's output for one page of `image`, 595×842 points.
pub fn written(image: &EncodedImage) -> Vec<u8> {
    let mut pdf = ImagePdfWriter::new(Vec::new(), 1).unwrap();
    pdf.add_page((595.0, 842.0), image).unwrap();
    pdf.finish().unwrap()
}

/// Every hostile fixture.
pub fn fixtures() -> Vec<Fixture> {
    let secret = "Anna Svensson";
    let base = || Parts::of(&written(&white_image()));
    let page = b"q 595 0 0 842 0 0 cm /Im0 Do Q";
    let mut list = Vec::new();
    let mut add = |name, parts: Parts, masked: &[&str], fails: &[&'static str]| {
        list.push(Fixture {
            name,
            bytes: parts.assemble(),
            masked: masked.iter().map(|s| s.to_string()).collect(),
            fails: fails.to_vec(),
            profile: Profile::ImageOnly,
        });
    };
    let unreachable = [
        (
            "a stray page tree",
            b"7 0 obj\n<< /Type /Pages /Kids [4 0 R] /Count 1 >>\nendobj\n".to_vec(),
        ),
        ("a stray stream", stream(7, "", b"BT (Anna Svensson) Tj ET")),
        ("a stray full-page image", {
            let image = written(&white_image());
            let image = Parts::of(&image).object(6).clone();
            [b"7".as_slice(), &image[1..]].concat()
        }),
    ];
    for (name, object) in unreachable {
        let mut parts = base();
        parts.parts.push(object);
        add(name, parts, &[], &["all_objects_reachable"]);
    }

    let mut parts = base();
    let hidden = b"% 1 0 obj << /Type /Catalog /Pages 2 0 R /OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >> >> endobj\n";
    parts.parts.insert(0, hidden.to_vec());
    let header = Parts::of(&written(&white_image())).header.len();
    list.push(Fixture {
        name: "an xref entry pointing into a comment that holds a catalog with /OpenAction",
        bytes: parts.assemble_with(|id, at| if id == 1 { header + 2 } else { at }),
        masked: vec![],
        fails: vec!["xref_exact", "no_comments"],
        profile: Profile::ImageOnly,
    });

    let mut add = |name, parts: Parts, masked: &[&str], fails: &[&'static str]| {
        list.push(Fixture {
            name,
            bytes: parts.assemble(),
            masked: masked.iter().map(|s| s.to_string()).collect(),
            fails: fails.to_vec(),
            profile: Profile::ImageOnly,
        });
    };
    let mut parts = base();
    parts.parts.insert(2, b"% Anna Svensson\n".to_vec());
    add(
        "a comment between objects",
        parts,
        &[secret],
        &["no_comments", "masked_strings_absent"],
    );
    let mut parts = base();
    parts.replace(4, "/Type /Page", b"/Type /Page % Anna Svensson\n");
    add(
        "a comment in a dictionary",
        parts,
        &[secret],
        &["no_comments", "masked_strings_absent"],
    );

    let mut parts = base();
    let mut data = zlib(page);
    data.extend_from_slice(secret.as_bytes());
    *parts.object(5) = stream(5, "/Filter /FlateDecode", &data);
    add(
        "bytes after the end of a content stream's zlib data",
        parts,
        &[],
        &["streams_exact"],
    );
    let mut parts = base();
    let mut data = white_image().data;
    data.extend_from_slice(secret.as_bytes());
    *parts.object(6) = stream(
        6,
        "/Type /XObject /Subtype /Image /Width 10 /Height 10 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode",
        &data,
    );
    add(
        "bytes after the end of an image's zlib data",
        parts,
        &[],
        &["streams_exact", "image_data_only"],
    );
    let mut parts = base();
    parts.replace(5, "/Length 30", b"/Length 35");
    add(
        "a /Length longer than the data",
        parts,
        &[],
        &["streams_exact"],
    );

    let jpeg = jpeg_image();
    let jpeg_stream = |data: &[u8]| {
        let entries = format!(
            "/Type /XObject /Subtype /Image /Width {} /Height {} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode",
            jpeg.width, jpeg.height
        );
        stream(6, &entries, data)
    };
    let mut parts = Parts::of(&written(&jpeg));
    *parts.object(6) = jpeg_stream(&with_segment(&jpeg.data, 0xE1, b"Exif\0\0Anna Svensson"));
    add(
        "a JPEG with text in an EXIF segment",
        parts,
        &[],
        &["jpeg_plain"],
    );
    let mut parts = Parts::of(&written(&jpeg));
    *parts.object(6) = jpeg_stream(&with_segment(&jpeg.data, 0xFE, secret.as_bytes()));
    add("a JPEG with a comment segment", parts, &[], &["jpeg_plain"]);

    let mut parts = base();
    parts.replace(6, "/Filter /FlateDecode", b"/Filter [/FlateDecode]");
    add("a /Filter array", parts, &[], &["filters_plain"]);
    let mut parts = base();
    let hex: String = page.iter().map(|b| format!("{b:02x}")).collect();
    *parts.object(5) = stream(5, "/Filter /ASCIIHexDecode", hex.as_bytes());
    add(
        "a filter the writer does not use",
        parts,
        &[],
        &["filters_plain"],
    );

    let operands: [(&str, &[u8], &[&'static str]); 4] = [
        (
            "a string operand",
            b"q (Anna Svensson) 595 0 0 842 0 0 cm /Im0 Do Q",
            &["content_operands_plain", "masked_strings_absent"],
        ),
        (
            "an array of strings as operand",
            b"q [(Anna) (Svensson)] 595 0 0 842 0 0 cm /Im0 Do Q",
            &["content_operands_plain"],
        ),
        (
            "an inline image",
            b"q 595 0 0 842 0 0 cm /Im0 Do Q BI /W 1 /H 1 /CS /G /BPC 8 ID \x80 EI",
            &["content_operands_plain", "no_text_objects"],
        ),
        (
            "digits in the image's placement",
            b"q 1912 0 0 1212 0 0 cm /Im0 Do Q",
            &["content_operands_plain"],
        ),
    ];
    for (name, content, fails) in operands {
        let mut parts = base();
        *parts.object(5) = stream(5, "", content);
        add(name, parts, &[secret], fails);
    }

    let mut parts = base();
    *parts.object(6) = stream(
        6,
        "/Type /XObject /Subtype /Image /Width 10 /Height 10 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode",
        &flate_bomb(200),
    );
    add(
        "a Flate bomb of 200 MiB as the page image",
        parts,
        &[],
        &["streams_exact", "image_data_only"],
    );
    let mut parts = base();
    *parts.object(5) = stream(5, "/Filter /FlateDecode", &flate_bomb(200));
    add(
        "a Flate bomb of 200 MiB as the page content",
        parts,
        &[],
        &["streams_exact"],
    );
    list.extend(layer_fixtures());
    list
}
