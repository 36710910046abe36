#![no_main]
//! Every recognizer and the resolver accept any text; spans stay inside it.
use lantero_redact::detect::Detector;
use lantero_redact::resolve::Resolver;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let pages = [text];
    if let Ok(findings) = Detector::builtin().detect_pages(&pages) {
        let chars = text.chars().count();
        for f in Resolver::default().resolve(&pages, findings) {
            assert!(f.start < f.end && f.end <= chars);
        }
    }
});
