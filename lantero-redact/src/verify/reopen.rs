//! Checks through PDFium: the output opens, and a real PDF reader sees only images in it.

use std::path::Path;

use pdfium_render::prelude::{
    PdfDocumentMetadataTagType, PdfPageObject, PdfPageObjectType, PdfPageObjectsCommon,
    PdfPageTextRenderMode,
};

use super::Findings;
use super::PRODUCER;
use super::profile::Profile;
use crate::Result;
use crate::pdfium::{pdf_error, pdfium};

/// What PDFium saw, sorted by the check each finding belongs to.
#[derive(Debug, Default)]
pub(crate) struct Seen {
    pub(crate) pages: u32,
    pub(crate) text: String,
    /// The text of each page (searchable profile).
    pub(crate) page_texts: Vec<String>,
    /// Per page: text objects, and how many of them are not invisible (searchable profile).
    pub(crate) text_objects: Vec<(usize, usize)>,
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
/// PDFium cannot open is a finding. In the searchable profile a page holds its image and then
/// text objects, and its text is kept to be compared with the layer.
pub(crate) fn reopen(path: &Path, profile: Profile) -> Result<Seen> {
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
        let text_objects = kinds
            .iter()
            .skip(1)
            .filter(|k| **k == PdfPageObjectType::Text);
        let layer = match profile {
            Profile::ImageOnly => 0,
            Profile::Searchable => text_objects.count(),
        };
        if kinds.first() != Some(&PdfPageObjectType::Image) || kinds.len() != 1 + layer {
            seen.images.push(format!(
                "page {number} holds {kinds:?}, not one image{}",
                if layer > 0 { " and the text layer" } else { "" }
            ));
        }
        if profile == Profile::Searchable {
            let visible = objects
                .iter()
                .filter(|o| match o {
                    PdfPageObject::Text(text) => {
                        text.render_mode() != PdfPageTextRenderMode::Invisible
                    }
                    _ => false,
                })
                .count();
            seen.text_objects.push((layer, visible));
        }
        match page.text() {
            Ok(text) if profile == Profile::Searchable => {
                let all = text.all();
                seen.text.push_str(&all);
                seen.text.push('\n');
                seen.page_texts.push(all);
            }
            Ok(text) => {
                let chars = text.chars().len();
                if chars > 0 {
                    seen.extractable_text
                        .push(format!("page {number} has {chars} extractable chars"));
                    seen.text.push_str(&text.all());
                }
            }
            Err(err) => {
                seen.page_texts.push(String::new());
                seen.extractable_text
                    .push(format!("page {number}: text unreadable: {err:?}"))
            }
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
