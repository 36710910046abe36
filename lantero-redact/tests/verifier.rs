//! The verifier passes the writer's output and rejects hand-made files that keep what a
//! redaction must not: text, fonts, annotations, form fields, attachments, scripts, outlines,
//! metadata, incremental updates, stray images or data.

use std::io::Write;
use std::path::Path;

use lantero_redact::Error;
use lantero_redact::render::{EncodedImage, Encoding};
use lantero_redact::verify::{Report, inspect, verify};
use lantero_redact::write::{ImagePdfWriter, PdfBuilder};

fn white_image() -> EncodedImage {
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    z.write_all(&[255u8; 100]).unwrap();
    EncodedImage {
        width: 10,
        height: 10,
        encoding: Encoding::Grey8Flate,
        data: z.finish().unwrap(),
    }
}

/// What the writer makes: one white page.
fn good_pdf() -> Vec<u8> {
    let mut pdf = ImagePdfWriter::new(Vec::new(), 1).unwrap();
    pdf.add_page((595.0, 842.0), &white_image()).unwrap();
    pdf.finish().unwrap()
}

/// A one-page image PDF laid out like the writer's, with extra syntax where a broken writer
/// would put it. Objects: 1 catalog, 2 pages, 3 info, 4 page, 5 content, 6 image, 7.. `extra`.
#[derive(Default)]
struct Hostile {
    catalog: &'static str,
    info: &'static str,
    page: &'static str,
    resources: &'static str,
    content: &'static str,
    image_data: Option<Vec<u8>>,
    extra: Vec<(&'static str, Option<&'static [u8]>)>,
}

impl Hostile {
    fn build(&self) -> Vec<u8> {
        let mut pdf = PdfBuilder::new(Vec::new()).unwrap();
        for _ in 0..6 + self.extra.len() {
            pdf.reserve();
        }
        pdf.object(
            1,
            &format!("<< /Type /Catalog /Pages 2 0 R {} >>", self.catalog),
        )
        .unwrap();
        pdf.object(2, "<< /Type /Pages /Kids [4 0 R] /Count 1 >>")
            .unwrap();
        pdf.object(3, &format!("<< /Producer (Lantero) {} >>", self.info))
            .unwrap();
        pdf.object(
            4,
            &format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 6 0 R >> {} >> /Contents 5 0 R {} >>",
                self.resources, self.page
            ),
        )
        .unwrap();
        pdf.stream(
            5,
            "",
            format!("q 595 0 0 842 0 0 cm /Im0 Do Q {}", self.content).as_bytes(),
        )
        .unwrap();
        let image = white_image();
        let data = self.image_data.clone().unwrap_or(image.data);
        pdf.stream(6, "/Type /XObject /Subtype /Image /Width 10 /Height 10 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode", &data)
            .unwrap();
        for (index, (body, stream)) in self.extra.iter().enumerate() {
            let id = 7 + index as u32;
            match stream {
                Some(data) => pdf.stream(id, body, data).unwrap(),
                None => pdf.object(id, body).unwrap(),
            }
        }
        pdf.finish("/Root 1 0 R /Info 3 0 R").unwrap()
    }
}

fn inspect_bytes(bytes: &[u8], masked: &[&str]) -> Report {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("candidate.pdf");
    std::fs::write(&path, bytes).unwrap();
    let masked: Vec<String> = masked.iter().map(|s| s.to_string()).collect();
    let report = inspect(&path, &masked).unwrap();
    let verdict = verify(&path, &masked);
    assert_eq!(verdict.is_ok(), report.passed(), "verify and inspect agree");
    if let Err(err) = verdict {
        assert!(matches!(err, Error::Verification { .. }), "{err}");
    }
    report
}

fn failed(report: &Report) -> Vec<&str> {
    report
        .checks
        .iter()
        .filter(|c| !c.passed)
        .map(|c| c.name.as_str())
        .collect()
}

fn assert_rejected(hostile: Hostile, masked: &[&str], expected: &[&str]) {
    let report = inspect_bytes(&hostile.build(), masked);
    let failed = failed(&report);
    for name in expected {
        assert!(
            failed.contains(name),
            "{name} should fail; failed: {failed:?}; {report:#?}"
        );
    }
}

#[test]
fn the_writers_output_passes_every_check() {
    let report = inspect_bytes(&good_pdf(), &["Anna Svensson"]);
    assert!(report.passed(), "{report:#?}");
    assert_eq!(report.pages, 1);
    assert_eq!(report.schema, "lantero.verify/v1");
    let names: Vec<&str> = report.checks.iter().map(|c| c.name.as_str()).collect();
    for name in [
        "pdf_header",
        "syntax_readable",
        "pdfium_opens",
        "single_revision",
        "no_object_streams",
        "only_known_keys",
        "no_text_objects",
        "no_extractable_text",
        "no_fonts",
        "no_annotations",
        "no_form_fields",
        "no_attachments",
        "no_scripts_or_actions",
        "no_outlines",
        "no_xmp_metadata",
        "info_minimal",
        "one_image_per_page",
        "image_data_only",
        "masked_strings_absent",
        "no_comments",
        "xref_exact",
        "all_objects_reachable",
        "filters_plain",
        "streams_exact",
        "content_operands_plain",
        "jpeg_plain",
    ] {
        assert!(names.contains(&name), "{name} missing from {names:?}");
    }
    // The hand-made layout itself passes, so each rejection below is due to its addition.
    assert!(inspect_bytes(&Hostile::default().build(), &["Anna Svensson"]).passed());
}

#[test]
fn text_and_fonts_are_rejected() {
    assert_rejected(
        Hostile {
            resources: "/Font << /F1 7 0 R >>",
            content: "BT /F1 12 Tf 72 700 Td (Anna Svensson) Tj ET",
            extra: vec![(
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
                None,
            )],
            ..Hostile::default()
        },
        &["Anna Svensson"],
        &[
            "no_text_objects",
            "no_extractable_text",
            "no_fonts",
            "masked_strings_absent",
            "one_image_per_page",
        ],
    );
}

#[test]
fn invisible_text_is_rejected_too() {
    // Render mode 3 draws nothing, which is how OCR layers hide text under scans.
    assert_rejected(
        Hostile {
            resources: "/Font << /F1 7 0 R >>",
            content: "BT 3 Tr /F1 12 Tf 72 700 Td <416E6E61> Tj ET",
            extra: vec![(
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
                None,
            )],
            ..Hostile::default()
        },
        &["Anna"],
        &[
            "no_text_objects",
            "no_extractable_text",
            "masked_strings_absent",
        ],
    );
}

#[test]
fn annotations_are_rejected() {
    assert_rejected(
        Hostile {
            page: "/Annots [7 0 R]",
            extra: vec![(
                "<< /Type /Annot /Subtype /Text /Rect [72 700 100 720] /Contents (Anna Svensson) >>",
                None,
            )],
            ..Hostile::default()
        },
        &["Anna Svensson"],
        &["no_annotations", "masked_strings_absent", "only_known_keys"],
    );
}

#[test]
fn form_fields_are_rejected() {
    assert_rejected(
        Hostile {
            catalog: "/AcroForm << /Fields [7 0 R] >>",
            page: "/Annots [7 0 R]",
            extra: vec![(
                "<< /Type /Annot /Subtype /Widget /FT /Tx /T (namn) /V (Anna) /Rect [72 700 300 720] >>",
                None,
            )],
            ..Hostile::default()
        },
        &[],
        &["no_form_fields", "no_annotations"],
    );
}

#[test]
fn attachments_are_rejected() {
    assert_rejected(
        Hostile {
            catalog: "/Names << /EmbeddedFiles << /Names [(brev.txt) 7 0 R] >> >>",
            extra: vec![
                (
                    "<< /Type /Filespec /F (brev.txt) /EF << /F 8 0 R >> >>",
                    None,
                ),
                ("/Type /EmbeddedFile", Some(b"Anna Svensson, 19121212-1212")),
            ],
            ..Hostile::default()
        },
        &["19121212-1212"],
        &["no_attachments", "masked_strings_absent"],
    );
}

#[test]
fn scripts_and_actions_are_rejected() {
    assert_rejected(
        Hostile {
            catalog: "/OpenAction 7 0 R",
            extra: vec![(
                "<< /Type /Action /S /JavaScript /JS (app.alert\\('Anna'\\)) >>",
                None,
            )],
            ..Hostile::default()
        },
        &[],
        &["no_scripts_or_actions"],
    );
}

#[test]
fn outlines_are_rejected() {
    assert_rejected(
        Hostile {
            catalog: "/Outlines 7 0 R",
            extra: vec![
                (
                    "<< /Type /Outlines /First 8 0 R /Last 8 0 R /Count 1 >>",
                    None,
                ),
                (
                    "<< /Title (Anna Svensson) /Parent 7 0 R /Dest [4 0 R /Fit] >>",
                    None,
                ),
            ],
            ..Hostile::default()
        },
        &["Anna Svensson"],
        &["no_outlines", "masked_strings_absent"],
    );
}

#[test]
fn metadata_is_rejected() {
    assert_rejected(
        Hostile {
            catalog: "/Metadata 7 0 R",
            extra: vec![(
                "/Type /Metadata /Subtype /XML",
                Some(b"<x:xmpmeta><dc:creator>Anna Svensson</dc:creator></x:xmpmeta>"),
            )],
            ..Hostile::default()
        },
        &["Anna Svensson"],
        &["no_xmp_metadata", "masked_strings_absent"],
    );
    assert_rejected(
        Hostile {
            info: "/Title (Beslut Anna Svensson) /Author (handläggare)",
            ..Hostile::default()
        },
        &["Anna Svensson"],
        &["info_minimal", "masked_strings_absent"],
    );
}

#[test]
fn an_incremental_update_is_rejected() {
    let mut bytes = good_pdf();
    let at = bytes
        .windows(10)
        .rposition(|w| w == b"startxref\n")
        .unwrap();
    let previous: String = String::from_utf8_lossy(&bytes[at + 10..])
        .lines()
        .next()
        .unwrap()
        .to_string();
    let offset = bytes.len();
    bytes.extend_from_slice(b"3 0 obj\n<< /Producer (Lantero) /Title (Anna Svensson) >>\nendobj\n");
    let xref = bytes.len();
    bytes.extend_from_slice(
        format!("xref\n3 1\n{offset:010} 00000 n \ntrailer\n<< /Size 7 /Root 1 0 R /Info 3 0 R /Prev {previous} >>\nstartxref\n{xref}\n%%EOF\n")
            .as_bytes(),
    );
    let report = inspect_bytes(&bytes, &["Anna Svensson"]);
    let failed = failed(&report);
    assert!(failed.contains(&"single_revision"), "{failed:?}");
    assert!(failed.contains(&"masked_strings_absent"), "{failed:?}");
}

#[test]
fn stray_images_and_data_are_rejected() {
    assert_rejected(
        Hostile {
            resources: "",
            content: "q 10 0 0 10 0 0 cm /Im0 Do Q",
            ..Hostile::default()
        },
        &[],
        &["one_image_per_page"],
    );
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    z.write_all(&[255u8; 100]).unwrap();
    z.write_all(b"Anna Svensson").unwrap();
    assert_rejected(
        Hostile {
            image_data: Some(z.finish().unwrap()),
            ..Hostile::default()
        },
        &[],
        &["image_data_only"],
    );
    assert_rejected(
        Hostile {
            page: "/PieceInfo << >>",
            ..Hostile::default()
        },
        &[],
        &["only_known_keys"],
    );
}

#[test]
fn unreadable_files_fail_closed() {
    let good = good_pdf();
    for bytes in [
        &good[..good.len() / 2],
        b"not a pdf at all".as_slice(),
        b"".as_slice(),
    ] {
        let report = inspect_bytes(bytes, &[]);
        assert!(!report.passed());
        assert!(failed(&report).len() > 3, "{:?}", failed(&report));
    }
    let missing = Path::new("/nonexistent/lantero.pdf");
    assert!(matches!(inspect(missing, &[]), Err(Error::Input { .. })));
}
