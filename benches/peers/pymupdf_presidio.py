#!/usr/bin/env python3
"""The peer pipeline for `redact/realistic`: PyMuPDF + Presidio doing Lantero's job.

For each input PDF: open it with PyMuPDF, take each page's text (OCR with PyMuPDF's Tesseract
route when the page has no text layer and Tesseract's data is found), analyse it with Presidio
(spaCy engine on a blank Swedish pipeline, so no model download, plus pattern recognizers for
Swedish personnummer, phone numbers, e-mail, bank accounts and IBANs), add a redaction annotation
over every occurrence of each finding, apply them, and write the pages rasterised at 150 dpi
into a new image-only PDF in the output folder, as Lantero does.

    python pymupdf_presidio.py OUT_DIR INPUT.pdf [INPUT.pdf ...]

Prints one JSON line: {"files", "pages", "findings", "seconds", "setup_seconds", "ocr_pages"}.
`seconds` is the time in this process from before the imports of PyMuPDF and Presidio to the
last file written (so it includes building the analyser, which a user pays once per run);
`setup_seconds` is that start-up part alone. Python's own start-up is outside both.
"""

import time

STARTED = time.perf_counter()

import glob  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402

import pymupdf  # noqa: E402
import spacy  # noqa: E402
from presidio_analyzer import AnalyzerEngine, Pattern, PatternRecognizer  # noqa: E402
from presidio_analyzer.nlp_engine import NlpEngineProvider  # noqa: E402

DPI = 150
OCR_DPI = 300
LANG = "sv"


def recognizers():
    """Pattern recognizers for what a Swedish case file holds; Presidio's own are English."""

    def rec(entity, name, regex, score, context=()):
        return PatternRecognizer(
            supported_entity=entity,
            supported_language=LANG,
            patterns=[Pattern(name=name, regex=regex, score=score)],
            context=list(context),
        )

    return [
        # 12 or 10 digits, optional century, optional - or + separator.
        rec("SE_PERSONNUMMER", "personnummer",
            r"\b(?:19|20)?\d{6}[-+ ]?\d{4}\b", 0.6, ["personnummer", "pnr"]),
        # 07x-xxx xx xx, 08-xxx xx xx and +46 forms.
        rec("PHONE_NUMBER", "se_phone",
            r"(?:\+46\s?\(?0?\)?\s?|\b0)\d{1,3}[-\s]?\d{2,3}[\s-]?\d{2}[\s-]?\d{2,3}\b", 0.5,
            ["tel", "telefon", "mobil"]),
        rec("EMAIL_ADDRESS", "email",
            r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b", 0.8),
        rec("IBAN_CODE", "iban",
            r"\bSE\d{2}(?:\s?\d{4}){5}\b", 0.8),
        # Clearing number and account: 1234-5 678 901 234, 8327-9, 123 456 789-0 ...
        rec("SE_BANK_ACCOUNT", "account",
            r"\b\d{4}(?:-\d)?[\s,]\d{1,3}(?:\s?\d{3}){1,3}(?:-\d)?\b", 0.4,
            ["konto", "kontonummer", "clearing"]),
    ]


def analyser():
    model_dir = tempfile.mkdtemp(prefix="peer-spacy-sv-")
    spacy.blank(LANG).to_disk(model_dir)
    provider = NlpEngineProvider(nlp_configuration={
        "nlp_engine_name": "spacy",
        "models": [{"lang_code": LANG, "model_name": model_dir}],
    })
    engine = AnalyzerEngine(nlp_engine=provider.create_engine(), supported_languages=[LANG])
    # Presidio's own URL and e-mail recognizers look up the public suffix list on the network
    # (tldextract); the bench machine has none, and the e-mail pattern below does their job.
    for name in ("UrlRecognizer", "EmailRecognizer"):
        engine.registry.remove_recognizer(name)
    for r in recognizers():
        engine.registry.add_recognizer(r)
    return engine


def tessdata():
    """Tesseract's data folder with Swedish in it, or None (then scans go unread)."""
    candidates = [os.environ.get("TESSDATA_PREFIX", "")]
    candidates += sorted(glob.glob("/usr/share/tesseract-ocr/*/tessdata"), reverse=True)
    candidates += ["/usr/share/tessdata"]
    for folder in candidates:
        if folder and os.path.exists(os.path.join(folder, "swe.traineddata")):
            return folder
    return None


def redact_file(engine, path, out_dir, tess):
    stats = {"pages": 0, "findings": 0, "ocr_pages": 0}
    doc = pymupdf.open(path)
    for page in doc:
        textpage = None
        text = page.get_text()
        if not text.strip() and tess:
            textpage = page.get_textpage_ocr(language="swe", dpi=OCR_DPI, full=True,
                                             tessdata=tess)
            text = page.get_text(textpage=textpage)
            stats["ocr_pages"] += 1
        found = set()
        for result in engine.analyze(text=text, language=LANG):
            needle = text[result.start:result.end].strip()
            if needle:
                found.add(needle)
        for needle in found:
            # A finding may wrap over a line; search each line's part.
            for part in needle.splitlines():
                if not part.strip():
                    continue
                for quad in page.search_for(part.strip(), textpage=textpage):
                    page.add_redact_annot(quad, fill=(0, 0, 0))
                    stats["findings"] += 1
        page.apply_redactions()
        stats["pages"] += 1
    # Release as page images, like Lantero: every page rasterised into a new PDF.
    out = pymupdf.open()
    for page in doc:
        pix = page.get_pixmap(dpi=DPI)
        rect = page.rect
        image_page = out.new_page(width=rect.width, height=rect.height)
        image_page.insert_image(rect, pixmap=pix)
    name = os.path.splitext(os.path.basename(path))[0] + "-redacted.pdf"
    out.save(os.path.join(out_dir, name), garbage=3, deflate=True)
    out.close()
    doc.close()
    return stats


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    out_dir, inputs = argv[1], argv[2:]
    os.makedirs(out_dir, exist_ok=True)
    engine = analyser()
    tess = tessdata()
    setup = time.perf_counter() - STARTED
    total = {"files": 0, "pages": 0, "findings": 0, "ocr_pages": 0}
    for path in inputs:
        stats = redact_file(engine, path, out_dir, tess)
        total["files"] += 1
        for key in ("pages", "findings", "ocr_pages"):
            total[key] += stats[key]
    total["seconds"] = round(time.perf_counter() - STARTED, 4)
    total["setup_seconds"] = round(setup, 4)
    total["ocr"] = tess is not None
    print(json.dumps(total))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
