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
mod layout;
mod lexer;
mod object;
mod reopen;
mod search;
mod streams;
mod structure;
mod syntax;

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::{Error, Result};

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

/// Runs every check on `path`, looking also for `masked_strings`. Returns the full report,
/// passed or not; fails only when the file cannot be read or PDFium cannot be loaded.
pub fn inspect(path: impl AsRef<Path>, masked_strings: &[String]) -> Result<Report> {
    let path = path.as_ref();
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
        reopen::reopen(path)?
    };
    add("pdfium_opens", seen.opens.clone());
    add("single_revision", run(structure::single_revision));
    add("xref_exact", run(layout::xref_exact));
    add("all_objects_reachable", run(layout::all_objects_reachable));
    add("no_object_streams", run(structure::no_object_streams));
    add("only_known_keys", run(structure::only_known_keys));
    add("filters_plain", run(streams::filters_plain));
    add("streams_exact", unread(exact));
    let (mut text, mut images) = (Findings::new(), seen.images.clone());
    content::page_content(&file, &bytes, &mut text, &mut images);
    add("no_text_objects", unread(text));
    let mut operands = Findings::new();
    content::content_operands_plain(&file, &bytes, &mut operands);
    add("content_operands_plain", unread(operands));
    add("no_extractable_text", seen.extractable_text.clone());
    for (name, family) in structure::FORBIDDEN {
        let mut found = Findings::new();
        structure::forbidden(&file, family, &mut found);
        found.extend(match *name {
            "no_annotations" => seen.annotations.clone(),
            "no_form_fields" => seen.forms.clone(),
            "no_attachments" => seen.attachments.clone(),
            "no_outlines" => seen.outlines.clone(),
            _ => Vec::new(),
        });
        add(name, unread(found));
    }
    let mut info = seen.info.clone();
    structure::info_minimal(&file, &mut info);
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
            masked_strings,
        )),
    );
    Ok(Report {
        schema: "lantero.verify/v1".into(),
        path: path.into(),
        pages: seen.pages,
        bytes: bytes.len() as u64,
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
    let report = inspect(path.as_ref(), masked_strings)?;
    if report.passed() {
        Ok(report)
    } else {
        Err(Error::Verification {
            path: path.as_ref().into(),
            problems: report.problems(),
        })
    }
}
