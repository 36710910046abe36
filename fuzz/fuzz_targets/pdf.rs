#![no_main]
//! Any bytes given as a PDF open to a document or a typed error, never a panic.
use lantero_redact::document::Document;
use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|bytes: &[u8]| {
    let Some(path) = common::as_file(bytes, "input.pdf") else {
        return;
    };
    if let Ok(document) = Document::open(&path) {
        for page in document.pages() {
            let _ = page.boxes_for(0, page.text().chars().count());
        }
    }
});
