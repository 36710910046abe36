//! Checks through PDFium: the output opens, and a real PDF reader sees only images in it.

use std::path::Path;

use pdfium_render::prelude::{PdfDocumentMetadataTagType, PdfPageObjectType, PdfPageObjectsCommon};

use super::Findings;
use super::PRODUCER;
use crate::Result;
use crate::pdfium::{pdf_error, pdfium};

/// What PDFium saw, sorted by the check each finding belongs to.
#[derive(Debug, Default)]
pub(crate) struct Seen {
    pub(crate) pages: u32,
    pub(crate) text: String,
    pub(crate) opens: Findings,
    pub(crate) extractable_text: Findings,
    pub(crate) images: Findings,
    pub(crate) annotations: Findings,
    pub(crate) forms: Findings,
    pub(crate) attachments: Findings,
    pub(crate) outlines: Findings,
    pub(crate) info: Findings,
}

/// Opens `path` with PDFium and looks at every page. Only a missing PDFium is an error; a file
/// PDFium cannot open is a finding.
pub(crate) fn reopen(path: &Path) -> Result<Seen> {
    let pdfium = pdfium()?;
    let mut seen = Seen::default();
    let document = match pdfium.load_pdf_from_file(path, None) {
        Ok(document) => document,
        Err(err) => {
            seen.opens.push(pdf_error(path, err).to_string());
            return Ok(seen);
        }
    };
    for (index, page) in document.pages().iter().enumerate() {
        let number = index + 1;
        seen.pages += 1;
        let objects = page.objects();
        let kinds: Vec<PdfPageObjectType> = objects.iter().map(|o| o.object_type()).collect();
        if kinds != [PdfPageObjectType::Image] {
            seen.images
                .push(format!("page {number} holds {kinds:?}, not one image"));
        }
        match page.text() {
            Ok(text) => {
                let chars = text.chars().len();
                if chars > 0 {
                    seen.extractable_text
                        .push(format!("page {number} has {chars} extractable chars"));
                    seen.text.push_str(&text.all());
                }
            }
            Err(err) => seen
                .extractable_text
                .push(format!("page {number}: text unreadable: {err:?}")),
        }
        let annotations = page.annotations().len();
        if annotations > 0 {
            seen.annotations
                .push(format!("page {number} has {annotations} annotations"));
        }
    }
    if seen.pages == 0 {
        seen.opens.push("the output has no pages".into());
    }
    if let Some(form) = document.form() {
        seen.forms
            .push(format!("the output has a {:?} form", form.form_type()));
    }
    let attachments = document.attachments().len();
    if attachments > 0 {
        seen.attachments.push(format!("{attachments} attachments"));
    }
    if document.bookmarks().root().is_some() {
        seen.outlines.push("the output has bookmarks".into());
    }
    for tag in document.metadata().iter() {
        let producer =
            tag.tag_type() == PdfDocumentMetadataTagType::Producer && tag.value() == PRODUCER;
        if !producer && !tag.value().is_empty() {
            seen.info
                .push(format!("PDFium reads metadata {:?}", tag.tag_type()));
        }
    }
    Ok(seen)
}
