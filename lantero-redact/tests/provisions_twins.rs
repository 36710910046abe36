//! The same content gives the same provisions as a PDF or as text: every sample letter under
//! `examples/data/` has a `.txt` twin, and each value found in both is proposed with the same
//! candidate provisions (the PDF's letterhead and received-stamp add values, not provisions).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use lantero_redact::pipeline::Redactor;

fn samples() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/data");
    let mut pdfs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("examples/data exists")
        .filter_map(|e| Some(e.ok()?.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "pdf") && p.with_extension("txt").exists())
        .collect();
    pdfs.sort();
    pdfs
}

/// (entity, text with whitespace collapsed) → provisions, for every finding in `path`.
fn provisions(redactor: &Redactor, path: &Path) -> BTreeMap<(String, String), Vec<String>> {
    let analysis = redactor.analyze(path).expect("sample analyses");
    analysis
        .findings
        .into_iter()
        .map(|f| {
            let text = f.text.split_whitespace().collect::<Vec<_>>().join(" ");
            ((f.entity.to_string(), text), f.provisions)
        })
        .collect()
}

#[test]
fn pdf_and_text_twins_get_the_same_provisions() {
    let redactor = Redactor::new().with_ocr(None);
    let pdfs = samples();
    assert!(pdfs.len() >= 4, "sample twins: {pdfs:?}");
    let mut compared = 0;
    for pdf in pdfs {
        let from_pdf = provisions(&redactor, &pdf);
        let from_text = provisions(&redactor, &pdf.with_extension("txt"));
        for (key, text_provisions) in &from_text {
            let Some(pdf_provisions) = from_pdf.get(key) else {
                continue;
            };
            assert_eq!(pdf_provisions, text_provisions, "{} {key:?}", pdf.display());
            compared += 1;
        }
    }
    assert!(compared >= 40, "only {compared} values found in both twins");
}
