#![no_main]
//! Any bytes given as a PDF open to a document or a typed error, never a panic.
use lantero_redact::document::Document;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let dir = std::env::temp_dir().join(format!("lantero-fuzz-{}", std::process::id()));
    if std::fs::create_dir_all(&dir).is_err() {
        return;
    }
    let path = dir.join("input.pdf");
    if std::fs::write(&path, bytes).is_ok() {
        if let Ok(document) = Document::open(&path) {
            for page in document.pages() {
                let _ = page.boxes_for(0, page.text().chars().count());
            }
        }
    }
});
