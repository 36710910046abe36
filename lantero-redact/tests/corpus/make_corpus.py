#!/usr/bin/env python3
"""Writes Lantero's adversarial PDF corpus and its manifest, and checks them.

    python3 make_corpus.py            # (re)write every PDF and manifest.json here
    python3 make_corpus.py --check    # verify the committed files (poppler-utils)
    python3 make_corpus.py --check --ocr   # also OCR every page (tesseract-ocr-swe)

Each PDF holds a visible Swedish paragraph with a name and a valid personnummer, plus one
attack that hides more personal data where a naive redaction would leave it. manifest.json
(schema ``lantero.adversarial-corpus/v1``) lists per file:

* ``secrets``: every planted string; none may be recoverable from a redacted output;
* ``visible_secrets``: the subset drawn visibly on a page, which detection must find;
* ``ocr_only_secrets``: visible strings that no text layer holds (only the pixels do).

The check proves the corpus means what the manifest says: every file opens and renders
without a poppler complaint, every hidden secret really is in the file's bytes, every visible
secret is in the text layer unless it is OCR-only, and OCR-only ones are in no text layer. With
``--ocr`` it also renders the pages, reports which visible secrets Tesseract reads, and fails
if it reads a hidden one (then it was not hidden).

Python 3.11 standard library only; output is byte-for-byte reproducible.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import cases  # noqa: E402  (needs the path above)

SCHEMA = "lantero.adversarial-corpus/v1"
MANIFEST = HERE / "manifest.json"


def generate() -> None:
    entries = []
    for make in cases.ALL:
        case = make()
        (HERE / case.name).write_bytes(case.data)
        entries.append(case.manifest())
        print(f"wrote {case.name} ({len(case.data)} bytes)")
    manifest = {
        "schema": SCHEMA,
        "description": "Adversarial PDFs for Lantero's redaction: each hides personal data where "
                       "a naive redaction leaves it. All people and numbers are fictional.",
        "generator": "lantero-redact/tests/corpus/make_corpus.py",
        "files": entries,
    }
    MANIFEST.write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", "utf-8")
    print(f"wrote {MANIFEST.name} ({len(entries)} files)")


def _squash(value: str) -> str:
    return re.sub(r"\s+", "", value)


def _unescape_literals(data: bytes) -> list[bytes]:
    """Every literal string in ``data``, with escapes resolved (enough for our own writer)."""
    out = []
    for match in re.finditer(rb"\((?:\\.|[^\\()])*\)", data, re.S):
        raw = match.group()[1:-1]
        out.append(re.sub(rb"\\([0-7]{1,3}|.)",
                          lambda m: bytes([int(m.group(1), 8) & 0xFF])
                          if m.group(1)[:1].isdigit() else m.group(1), raw, flags=re.S))
    return out


def byte_haystack(path: Path) -> str:
    """Everything a forensic reader gets from the bytes: raw, inflated streams, decoded strings."""
    raw = path.read_bytes()
    parts = [raw]
    for match in re.finditer(rb"stream\r?\n", raw):
        end = raw.find(b"endstream", match.end())
        try:
            parts.append(zlib.decompressobj().decompress(raw[match.end():end]))
        except zlib.error:
            pass
    pieces = []
    for part in parts:
        strings = _unescape_literals(part)
        for hexed in re.findall(rb"<FEFF([0-9A-Fa-f]+)>", part):
            strings.append(b"\xfe\xff" + bytes.fromhex(hexed.decode()))
        for blob in [part, *strings]:
            if blob.startswith(b"\xfe\xff"):
                pieces.append(blob[2:].decode("utf-16-be", "replace"))
            else:
                pieces += [blob.decode("utf-8", "replace"), blob.decode("cp1252", "replace")]
    return "\n".join(pieces)


def _run(args: list[str], problems: list[str], label: str) -> str:
    result = subprocess.run(args, capture_output=True)
    if result.returncode != 0 or result.stderr.strip():
        problems.append(f"{label}: {args[0]} exit {result.returncode}: "
                        f"{result.stderr.decode(errors='replace').strip()}")
    return result.stdout.decode("utf-8", "replace")


def ocr_text(path: Path, pages: int, problems: list[str]) -> str:
    texts = []
    with tempfile.TemporaryDirectory() as tmp:
        # -cropbox: show what viewers show (poppler renders the whole MediaBox by default).
        _run(["pdftoppm", "-cropbox", "-r", "300", "-gray", "-png", str(path), f"{tmp}/p"],
             problems, path.name)
        for image in sorted(Path(tmp).glob("p*.png"))[:pages]:
            # psm 1 adds orientation detection, so sideways pages are read too.
            for psm in ("3", "1"):
                result = subprocess.run(["tesseract", str(image), "stdout", "-l", "swe", "--psm",
                                         psm], capture_output=True)
                texts.append(result.stdout.decode("utf-8", "replace"))
    return "\n".join(texts)


def check(with_ocr: bool) -> int:
    manifest = json.loads(MANIFEST.read_text("utf-8"))
    problems: list[str] = []
    if manifest.get("schema") != SCHEMA:
        problems.append(f"manifest.json: schema is {manifest.get('schema')!r}, not {SCHEMA!r}")
    for entry in manifest["files"]:
        path, label = HERE / entry["name"], entry["name"]
        secrets, visible = entry["secrets"], entry["visible_secrets"]
        ocr_only = entry["ocr_only_secrets"]
        if not set(visible) <= set(secrets) or not set(ocr_only) <= set(visible):
            problems.append(f"{label}: ocr_only ⊆ visible_secrets ⊆ secrets does not hold")
        info = _run(["pdfinfo", str(path)], problems, label)
        if not re.search(rf"^Pages:\s+{entry['pages']}$", info, re.M):
            problems.append(f"{label}: pdfinfo does not report {entry['pages']} pages")
        layer = _squash(_run(["pdftotext", "-layout", str(path), "-"], problems, label))
        with tempfile.TemporaryDirectory() as tmp:
            _run(["pdftoppm", "-r", "20", "-png", str(path), f"{tmp}/p"], problems, label)
        haystack = byte_haystack(path)
        squashed_bytes = _squash(haystack)
        for secret in secrets:
            found = secret in haystack or _squash(secret) in layer
            if secret in ocr_only:
                if found or _squash(secret) in squashed_bytes:
                    problems.append(f"{label}: OCR-only {secret!r} is in a text layer")
            elif secret not in visible and not found:
                problems.append(f"{label}: hidden {secret!r} is not planted in the file")
            elif secret in visible and _squash(secret) not in layer + squashed_bytes:
                problems.append(f"{label}: visible {secret!r} is in no text layer")
        if with_ocr:
            read = _squash(ocr_text(path, entry["pages"], problems))
            seen = [s for s in visible if _squash(s) in read]
            print(f"{label}: OCR reads {len(seen)}/{len(visible)} visible secrets"
                  + (f"; misses {[s for s in visible if s not in seen]}" if len(seen) < len(visible)
                     else ""))
            for secret in secrets:
                if secret not in visible and _squash(secret) in read:
                    problems.append(f"{label}: hidden {secret!r} is readable on the rendered page")
    for problem in problems:
        print(f"FAIL {problem}")
    if not problems:
        print(f"ok: {len(manifest['files'])} files open, render and plant what the manifest says")
    return 1 if problems else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="verify instead of writing")
    parser.add_argument("--ocr", action="store_true", help="with --check: OCR the pages too")
    args = parser.parse_args()
    if args.check:
        return check(args.ocr)
    generate()
    return check(with_ocr=False)


if __name__ == "__main__":
    sys.exit(main())
