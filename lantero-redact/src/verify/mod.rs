//! The verifier: re-reads a redacted PDF twice — through PDFium, as a reader would, and byte by
//! byte with its own strict reader of PDF syntax — and checks that nothing but page images is
//! left. It always runs after writing; redaction fails closed when any check fails.
//!
//! | check                   | what it demands                                                  |
//! |-------------------------|------------------------------------------------------------------|
//! | `pdf_header`            | the file starts with `%PDF-`                                     |
//! | `syntax_readable`       | every byte is plain PDF objects the verifier can read            |
//! | `no_comments`           | no comment but `%PDF-x.y`, the binary line after it, and the final `%%EOF` |
//! | `pdfium_opens`          | PDFium opens the file and finds pages                            |
//! | `single_revision`       | one xref table, trailer, `startxref`, `%%EOF`; no `/Prev`        |
//! | `xref_exact`            | each xref entry points exactly at `N G obj` of its object; `/Size` and `startxref` agree |
//! | `all_objects_reachable` | every object is reachable from the trailer (`/Root`, `/Info`), no dangling reference |
//! | `no_object_streams`     | no object or cross-reference streams that could hide objects     |
//! | `only_known_keys`       | no dictionary key outside the few an image-only PDF needs        |
//! | `filters_plain`         | `/Filter` is one name: `/FlateDecode`, or `/DCTDecode` on an image |
//! | `streams_exact`         | `/Length` is the data's length; Flate data ends at its last byte, inflates within a bound |
//! | `no_text_objects`       | content streams only place an image; no form XObjects            |
//! | `content_operands_plain`| page content is `q w 0 0 h 0 0 cm /Im Do Q`: numbers and one name, no strings, inline images or comments |
//! | `no_extractable_text`   | PDFium extracts no chars from any page                           |
//! | `no_fonts` … `no_xmp_metadata` | no fonts, annotations, form fields, attachments, scripts or actions, outlines, XMP |
//! | `info_minimal`          | document information is `/Producer (Lantero)` only               |
//! | `one_image_per_page`    | each page has one image resource, drawn once, and nothing else   |
//! | `image_data_only`       | image streams hold exactly the declared pixels                   |
//! | `jpeg_plain`            | JPEG images: one fixed JFIF header, tables, one frame and scan; no APPn, comments or trailing data |
//! | `masked_strings_absent` | no masked string, on token boundaries, where text can live: strings, names, non-image streams, extracted text |
//!
//! With [`Profile::Searchable`] (see [`profile`] for the layer's one shape) the output may
//! also hold an invisible OCR text layer, and four checks change:
//!
//! | check                   | what it demands                                                  |
//! |-------------------------|------------------------------------------------------------------|
//! | `no_text_outside_layer` | replaces `no_text_objects`: after the image placement, only the layer; no form XObjects |
//! | `text_layer_exact`      | each page's one content stream ends in nothing or one `BT 3 Tr (/F1 S Tf Z Tz 1 0 0 1 X Y Tm <…> Tj)+ ET` within the page, WinAnsi words of the layer's chars |
//! | `extractable_text_is_layer` | replaces `no_extractable_text`: PDFium reads exactly the layer's chars, one invisible text object per word |
//! | `only_layer_font`       | replaces `no_fonts`: one font, the profile's unembedded Helvetica, named `/F1` on every page; no font files, descriptors, ToUnicode or Type 3 |
//!
//! and `masked_strings_absent` also searches each page's layer, its words joined by spaces.
//!
//! Every inflation is bounded (an image by its declared pixels, any other stream by a few MB),
//! so a Flate bomb is a finding, never an allocation. No finding repeats a masked string.
//!
//! ```no_run
//! use lantero_redact::verify::{inspect, verify};
//!
//! let report = inspect("utlämnande.pdf", &["Anna Svensson".to_string()])?;
//! for check in &report.checks {
//!     println!("{:24} {}", check.name, if check.passed { "ok" } else { &check.detail });
//! }
//! verify("utlämnande.pdf", &["Anna Svensson".to_string()])?; // an error unless all passed
//! # Ok::<(), lantero_redact::Error>(())
//! ```

mod content;
mod images;
mod jpeg;
mod layer;
mod layout;
mod lexer;
mod object;
pub mod profile;
mod reopen;
pub(crate) mod search;
mod streams;
mod structure;
mod syntax;

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::{Error, Result};
pub use profile::Profile;

/// The producer named in the document information of every output, the one entry the
/// verifier allows there. The verifier owns the output profile; the writer follows it.
pub const PRODUCER: &str = "Lantero";

/// What one check found wrong; empty when it passed.
pub(crate) type Findings = Vec<String>;

/// The outcome of one check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Check {
    /// The check's name, e.g. `no_fonts`.
    pub name: String,
    /// Whether it passed.
    pub passed: bool,
    /// What it found when it failed; empty when it passed.
    pub detail: String,
}

/// Every check run on one file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// Format version of this report, `lantero.verify/v1`.
    pub schema: String,
    /// The file checked.
    pub path: PathBuf,
    /// Pages PDFium found.
    pub pages: u32,
    /// Size of the file in bytes.
    pub bytes: u64,
    /// The output profile the file was checked against.
    #[serde(default)]
    pub profile: Profile,
    /// Every check, in a fixed order.
    pub checks: Vec<Check>,
}

impl Report {
    /// Whether every check passed.
    pub fn passed(&self) -> bool {
        self.checks.iter().all(|c| c.passed)
    }

    /// The check with this name.
    pub fn check(&self, name: &str) -> Option<&Check> {
        self.checks.iter().find(|c| c.name == name)
    }

    /// `"name: detail"` for every failed check.
    pub fn problems(&self) -> Vec<String> {
        self.checks
            .iter()
            .filter(|c| !c.passed)
            .map(|c| format!("{}: {}", c.name, c.detail))
            .collect()
    }
}

/// Runs every check of the image-only profile on `path`, looking also for `masked_strings`.
/// Returns the full report, passed or not; fails only when the file cannot be read or PDFium
/// cannot be loaded.
pub fn inspect(path: impl AsRef<Path>, masked_strings: &[String]) -> Result<Report> {
    inspect_as(path, masked_strings, Profile::ImageOnly)
}

/// As [`inspect`], against `profile`: a searchable output passes only with
/// [`Profile::Searchable`], and any text layer but the one that profile allows fails.
///
/// ```no_run
/// use lantero_redact::verify::{Profile, inspect_as};
///
/// let report = inspect_as("sökbar.pdf", &["Anna Svensson".to_string()], Profile::Searchable)?;
/// assert!(report.check("text_layer_exact").is_some());
/// # Ok::<(), lantero_redact::Error>(())
/// ```
pub fn inspect_as(
    path: impl AsRef<Path>,
    masked_strings: &[String],
    profile: Profile,
) -> Result<Report> {
    let path = path.as_ref();
    let searchable = profile == Profile::Searchable;
    let bytes = std::fs::read(path).map_err(|err| Error::Input {
        path: path.into(),
        reason: format!("cannot read the file to verify: {err}"),
    })?;
    let mut checks = Vec::new();
    let mut add = |name: &str, findings: Findings| {
        checks.push(Check {
            name: name.into(),
            passed: findings.is_empty(),
            detail: scrub(&findings.join("; "), masked_strings),
        });
    };
    let header = if bytes.starts_with(b"%PDF-") {
        vec![]
    } else {
        vec!["no %PDF- header at the start".into()]
    };
    add("pdf_header", header);
    let parsed = syntax::parse(&bytes);
    let file = match parsed {
        Ok(file) => {
            add("syntax_readable", vec![]);
            file
        }
        Err(err) => {
            add("syntax_readable", vec![err]);
            // Nothing below can be trusted on a file that could not be read: fail them all.
            syntax::File::default()
        }
    };
    let unread = |findings: Findings| -> Findings {
        if file.objects.is_empty() {
            vec!["the file could not be read".into()]
        } else {
            findings
        }
    };
    let run = |check: fn(&syntax::File, &mut Findings)| {
        let mut found = Findings::new();
        check(&file, &mut found);
        unread(found)
    };
    let mut comments = Findings::new();
    layout::no_comments(&file, &bytes, &mut comments);
    add("no_comments", unread(comments));
    let mut exact = Findings::new();
    let inflated = streams::streams_exact(&file, &bytes, &mut exact);
    // PDFium inflates streams without a bound: a file this reader cannot read, or whose
    // streams are not exactly what they declare (a Flate bomb), is never handed to it.
    let seen = if file.objects.is_empty() || !exact.is_empty() {
        reopen::Seen {
            opens: vec![
                "not opened with PDFium: the file's syntax or streams are not plain".into(),
            ],
            ..reopen::Seen::default()
        }
    } else {
        reopen::reopen(path, profile)?
    };
    add("pdfium_opens", seen.opens.clone());
    add("single_revision", run(structure::single_revision));
    add("xref_exact", run(layout::xref_exact));
    add("all_objects_reachable", run(layout::all_objects_reachable));
    add("no_object_streams", run(structure::no_object_streams));
    let mut keys = Findings::new();
    structure::only_known_keys(&file, profile, &mut keys);
    add("only_known_keys", unread(keys));
    add("filters_plain", run(streams::filters_plain));
    add("streams_exact", unread(exact));
    let (mut text, mut images) = (Findings::new(), seen.images.clone());
    content::page_content(&file, &bytes, profile, &mut text, &mut images);
    let mut layers = layer::Layers::new();
    if searchable {
        add("no_text_outside_layer", unread(text));
        let mut shape = Findings::new();
        layers = layer::text_layer_exact(&file, &bytes, &mut shape);
        add("text_layer_exact", unread(shape));
    } else {
        add("no_text_objects", unread(text));
    }
    let mut operands = Findings::new();
    content::content_operands_plain(&file, &bytes, profile, &mut operands);
    add("content_operands_plain", unread(operands));
    if searchable {
        let mut extracted = seen.extractable_text.clone();
        if seen.opens.is_empty() {
            layer::extractable_text_is_layer(
                &layers,
                &seen.page_texts,
                &seen.text_objects,
                &mut extracted,
            );
        }
        add("extractable_text_is_layer", unread(extracted));
    } else {
        add("no_extractable_text", seen.extractable_text.clone());
    }
    for (name, family) in structure::FORBIDDEN {
        let mut found = Findings::new();
        let name = match (*name, searchable) {
            ("no_fonts", true) => {
                layer::only_layer_font(&file, &mut found);
                let family: Vec<&str> = family.iter().copied().filter(|f| *f != "Font").collect();
                structure::forbidden(&file, profile, &family, &mut found);
                "only_layer_font"
            }
            _ => {
                structure::forbidden(&file, profile, family, &mut found);
                name
            }
        };
        found.extend(match name {
            "no_annotations" => seen.annotations.clone(),
            "no_form_fields" => seen.forms.clone(),
            "no_attachments" => seen.attachments.clone(),
            "no_outlines" => seen.outlines.clone(),
            _ => Vec::new(),
        });
        add(name, unread(found));
    }
    let mut info = seen.info.clone();
    structure::info_minimal(&file, profile, &mut info);
    add("info_minimal", unread(info));
    add("one_image_per_page", unread(images));
    let mut image_data = Findings::new();
    images::image_data(&file, &inflated, &mut image_data);
    add("image_data_only", unread(image_data));
    let mut jpegs = Findings::new();
    jpeg::jpeg_plain(&file, &bytes, &mut jpegs);
    add("jpeg_plain", unread(jpegs));
    add(
        "masked_strings_absent",
        unread(search::masked_strings(
            &file,
            &bytes,
            &seen.text,
            &layers,
            profile,
            masked_strings,
        )),
    );
    Ok(Report {
        schema: "lantero.verify/v1".into(),
        path: path.into(),
        pages: seen.pages,
        bytes: bytes.len() as u64,
        profile,
        checks,
    })
}

/// `detail` with every occurrence of a masked string, or of one of its words, replaced: a
/// finding may quote what a hostile file wrote (a key, an error from PDFium), and that may be
/// the secret itself.
fn scrub(detail: &str, masked: &[String]) -> String {
    let mut chars: Vec<char> = detail.chars().collect();
    let needles = masked
        .iter()
        .flat_map(|m| std::iter::once(m.trim()).chain(m.split_whitespace()))
        .filter(|m| !m.is_empty());
    for needle in needles {
        let needle = search::folded(needle);
        let mut from = 0;
        while let Some(at) = search::find_bounded(
            &search::folded(&chars[from..].iter().collect::<String>()),
            &needle,
        ) {
            let at = from + at;
            chars.splice(at..at + needle.len(), "[…]".chars());
            from = at + 3;
        }
    }
    chars.into_iter().collect()
}

/// Like [`inspect`], but any failed check is an [`Error::Verification`] listing them all.
pub fn verify(path: impl AsRef<Path>, masked_strings: &[String]) -> Result<Report> {
    verify_as(path, masked_strings, Profile::ImageOnly)
}

/// Like [`inspect_as`], but any failed check is an [`Error::Verification`] listing them all.
pub fn verify_as(
    path: impl AsRef<Path>,
    masked_strings: &[String],
    profile: Profile,
) -> Result<Report> {
    let report = inspect_as(path.as_ref(), masked_strings, profile)?;
    if report.passed() {
        Ok(report)
    } else {
        Err(Error::Verification {
            path: path.as_ref().into(),
            problems: report.problems(),
        })
    }
}
