"""The pipeline on the sample PDFs (and one as plain text); PDFium comes from the pypdfium2 wheel."""

import json
import re
import subprocess

import pytest

import lantero
from lantero.detect import Detector, Recognizer
from lantero.redact import Redactor, locate_native, pseudonymize, pseudonymize_findings

PDF = "beslut-ekonomiskt-bistand.pdf"


@pytest.fixture(scope="module")
def redactor():
    return Redactor(ocr=False)


def test_native_libraries_are_found_from_the_wheels():
    assert locate_native("pdfium").name == "libpdfium.so"
    assert locate_native("onnxruntime").name.startswith("libonnxruntime.so")
    with pytest.raises(ValueError):
        locate_native("tesseract")


def test_analyze_finds_people_with_boxes(redactor, samples):
    analysis = redactor.analyze(samples / PDF)
    assert len(analysis["pages"]) >= 1
    people = [f for f in analysis["findings"] if f["entity"] == "PERSONNUMMER"]
    assert people and all(f["boxes"] for f in people)
    page = analysis["pages"][people[0]["page"] - 1]
    assert page[people[0]["start"] : people[0]["end"]] == people[0]["text"]


def test_review_then_redact_writes_a_verified_image_pdf(redactor, samples, tmp_path):
    session = redactor.review(samples / PDF)
    first = session.proposals[0]["id"]
    session.accept(first, "anna.handlaggare", "OSL 26:1")
    for p in session.proposals[1:]:
        session.reject(p["id"], "anna.handlaggare")
    out = tmp_path / "utlamnas.pdf"
    report = redactor.redact(samples / PDF, out, session)
    assert out.is_file() and report.output == out
    assert report.bytes == out.stat().st_size
    assert report.record.masks == 1
    checks = report.to_dict()["write"]["verification"]["checks"]
    assert checks and all(c["passed"] for c in checks)
    # The masked text is not in the output file.
    assert session.proposals[0]["text"].encode() not in out.read_bytes()


def test_searchable_output_has_an_invisible_text_layer_without_masked_strings(redactor, samples, tmp_path):
    searchable = Redactor(searchable=True)
    assert searchable.searchable and not redactor.searchable
    session = searchable.review(samples / PDF)
    # What the public rules released in advance (an official in role) is readable by design.
    masked = [p["text"] for p in session.proposals if p["decision"] != "rejected"]
    out = tmp_path / "sokbar.pdf"
    report = searchable.redact(samples / PDF, out, session)
    write = report.to_dict()["write"]
    assert write["verification"]["profile"] == "searchable"
    assert all(c["passed"] for c in write["verification"]["checks"])
    assert sum(p["layer_words"] for p in write["pages"]) >= 20
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    words = " ".join(text.split()).lower()
    assert "ekonomiskt bistånd" in words
    for secret in masked:
        assert not re.search(r"(?<!\w)" + re.escape(" ".join(secret.split()).lower()) + r"(?!\w)", words), secret
    # searchable=False on the call gives the image-only output.
    plain = searchable.redact(samples / PDF, tmp_path / "bild.pdf", session, searchable=False)
    assert plain.to_dict()["write"]["verification"]["profile"] == "image_only"
    # The layer is read by OCR: a redactor without OCR cannot make one.
    with pytest.raises(lantero.LanteroError, match="needs OCR"):
        redactor.redact(samples / PDF, tmp_path / "x.pdf", session, searchable=True)


def test_redact_without_session_masks_everything(redactor, samples, tmp_path):
    report = redactor.redact(samples / PDF, tmp_path / "alla.pdf")
    findings = redactor.analyze(samples / PDF)["findings"]
    # Everything but what the public rules release in advance (the authority, officials in role).
    assert report.record.masks == len([f for f in findings if "public" not in f])


def test_a_session_for_another_document_is_refused(redactor, samples, tmp_path):
    other = sorted(p for p in samples.glob("*.pdf") if p.name != PDF)[0]
    session = redactor.review(other)
    with pytest.raises(lantero.ReviewError, match="different document"):
        redactor.redact(samples / PDF, tmp_path / "x.pdf", session)
    assert not (tmp_path / "x.pdf").exists()


def test_plain_text_is_set_on_pages_and_redacted(redactor, samples, tmp_path):
    text = samples / PDF.replace(".pdf", ".txt")
    analysis = redactor.analyze(text)  # the file as it reads: offsets into its text, no boxes
    assert analysis["pages"] == [text.read_text(encoding="utf-8")]
    session = redactor.review(text)  # set on A4 pages: every proposal has a place to mask
    assert session.proposals and all(p["boxes"] for p in session.proposals)
    assert sorted(p["text"] for p in session.proposals) == sorted(f["text"] for f in analysis["findings"])
    out = tmp_path / "utlamnas.pdf"
    report = redactor.redact(text, out, session)
    masked = [p for p in session.proposals if p["decision"] != "rejected"]  # not released in advance
    assert out.is_file() and report.record.masks == len(masked)
    greek = tmp_path / "grekiska.txt"
    greek.write_text("Hej\nΑθήνα\n", encoding="utf-8")
    with pytest.raises(lantero.InputError, match="line 2"):
        redactor.review(greek)


def test_bad_input_is_a_typed_error(redactor, tmp_path):
    broken = tmp_path / "trasig.pdf"
    broken.write_bytes(b"%PDF-1.7 inte en pdf")
    with pytest.raises((lantero.PdfError, lantero.InputError)):
        redactor.analyze(broken)
    with pytest.raises(lantero.InputError):
        redactor.analyze(tmp_path / "finns-inte.pdf")


def test_python_recognizer_in_the_pipeline(samples, tmp_path):
    detector = Detector()
    detector.add_recognizer(
        Recognizer("beslut", ["HEALTH"], lambda text: [(m, m + 6) for m in _find_all(text, "Beslut")])
    )
    analysis = Redactor(detector, ocr=False).analyze(samples / PDF)
    assert any(f["recognizer"] == "beslut" for f in analysis["findings"])


def _find_all(text, word):
    at = text.find(word)
    while at >= 0:
        yield at
        at = text.find(word, at + 1)


def test_pseudonymize():
    text = "Karin Lindqvist, 19121212-1212. Lindqvists ansökan."
    out = pseudonymize(text)
    assert "19121212-1212" not in out.pages[0]
    assert "[PERSONNUMMER_1]" in out.pages[0]
    lines = out.to_jsonl().splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["spans"]
    findings = [
        {"id": "", "entity": "PERSON", "text": "Karin Lindqvist", "page": 1, "start": 0, "end": 15,
         "boxes": [], "score": 1.0, "recognizer": "test", "reason": "", "provisions": []},
    ]
    assert pseudonymize_findings(text, findings).pages[0].startswith("[PERSON_1], 19121212-1212")


def test_redact_many_reports_progress_and_keeps_going_past_a_bad_file(redactor, samples, tmp_path):
    bad = tmp_path / "trasig.pdf"
    bad.write_bytes(b"not a pdf at all")
    items = [
        (samples / "beslut-ekonomiskt-bistand.pdf", tmp_path / "a.pdf"),
        (bad, tmp_path / "b.pdf"),
        (samples / "epost-tips.txt", tmp_path / "c.pdf"),
    ]
    seen = []
    results = redactor.redact_many(items, workers=2, progress=lambda i, path, error: seen.append((i, error)))
    assert sorted(i for i, _ in seen) == [0, 1, 2]
    assert dict(seen)[0] is None and "trasig.pdf" in dict(seen)[1]
    assert results[0].output == tmp_path / "a.pdf" and (tmp_path / "a.pdf").exists()
    assert isinstance(results[1], lantero.errors.LanteroError)
    assert not (tmp_path / "b.pdf").exists()
    assert results[2].output.exists()


def test_a_profile_releases_the_authoritys_details_and_officials(samples, tmp_path):
    profile = samples.parent / "profile" / "lillby.toml"
    redactor = Redactor(ocr=False, profile=profile, deny=["Swedbank"])
    findings = redactor.analyze(samples / PDF)["findings"]
    public = {f["text"]: f for f in findings if "public" in f}
    assert public["Johan Bergström"]["entity"] == "PUBLIC_ROLE"
    assert "socialsekreterare" in public["Johan Bergström"]["public"]
    assert "johan.bergstrom@lillby.se" in public and "212000-1124" in public
    masked = {f["text"] for f in findings if "public" not in f}
    assert {"Karin Lindqvist", "811218-9876", "150916-0006"} <= masked
    assert "Swedbank" in masked
    session = redactor.review(samples / PDF)
    released = [p for p in session.proposals if "public" in p]
    assert released and all(p["decision"] == "rejected" for p in released)
    assert all(p["history"][0]["by"] == "lantero" for p in released)
    out = tmp_path / "utlamnas.pdf"
    report = redactor.redact(samples / PDF, out)
    assert report.record.masks == len(findings) - len(public)


def test_a_bad_profile_names_the_file_and_line(tmp_path):
    bad = tmp_path / "kommun.toml"
    bad.write_text('[organisation]\nname = "X kommun"\nphone = ["1"]\n')
    with pytest.raises(lantero.InputError, match=r"kommun\.toml:3: "):
        Redactor(profile=bad)
