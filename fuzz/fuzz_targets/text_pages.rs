#![no_main]
//! Any bytes given as a `.txt` file open to a document or a typed error, and a text document
//! sets on pages or fails with a typed error: never a panic, and the pages' texts are the
//! file's text, char for char, with one box entry per char.
use lantero_redact::document::Document;
use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|bytes: &[u8]| {
    let Some(path) = common::as_file(bytes, "input.txt") else {
        return;
    };
    let Ok(document) = Document::open(&path) else {
        return;
    };
    let text = document.pages()[0].text().to_string();
    if let Ok(set) = document.typeset() {
        let mut joined = String::new();
        for page in set.pages() {
            assert_eq!(page.text().chars().count(), page.boxes().len());
            joined.push_str(page.text());
        }
        assert_eq!(joined, text);
    }
});
