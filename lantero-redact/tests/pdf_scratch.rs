use lantero_redact::document::Document;
use lantero_redact::render::{render_page, encode, RenderOptions};
use lantero_redact::write::write_redacted;
use std::time::Instant;

#[test]
fn scratch() {
    let doc = Document::open("tests/data/pdf/fifty_pages.pdf").unwrap();
    let o = RenderOptions::default();
    for _ in 0..2 {
        let t = Instant::now();
        for n in 1..=50 { let r = render_page(&doc, n, &[], &o).unwrap(); encode(&r, &o).unwrap(); }
        let floor = t.elapsed();
        let t = Instant::now();
        write_redacted(&doc, &[], "/tmp/fifty.pdf".as_ref(), &o, &[]).unwrap();
        let full = t.elapsed();
        println!("floor {:.1} pages/s, full {:.1} pages/s", 50.0/floor.as_secs_f64(), 50.0/full.as_secs_f64());
    }
}
