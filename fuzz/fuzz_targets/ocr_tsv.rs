#![no_main]
//! Tesseract's TSV output is parsed without panicking.
use lantero_redact::ocr::parse_tsv;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|tsv: &str| {
    let _ = parse_tsv(tsv, 150.0);
});
