"""Redact every PDF in a folder: detection proposes masks, and (in this unattended example)
every proposal is masked; each output is an image-only PDF verified before it is kept, with
a Swedish decision record beside it.

    .venv/bin/python examples/python/redact_folder.py [IN_FOLDER] [OUT_FOLDER]

In a real workflow a caseworker reviews ``redactor.review(pdf)`` first and the session is
passed to ``redact``. Files are done in parallel threads: the pipeline releases the GIL.
"""

from __future__ import annotations

import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import lantero
from lantero.redact import Redactor

REPO = Path(__file__).resolve().parents[2]


def redact_one(redactor: Redactor, pdf: Path, out_dir: Path) -> str:
    out = out_dir / f"{pdf.stem}-utlamnas.pdf"
    try:
        report = redactor.redact(pdf, out)
    except lantero.LanteroError as err:  # e.g. VerificationFailed: no file is written
        return f"{pdf.name}: NOT written: {err}"
    (out_dir / f"{pdf.stem}-beslutsunderlag.md").write_text(report.record.to_markdown(), encoding="utf-8")
    return f"{pdf.name}: {report.record.masks} masks -> {out.name} ({report.bytes} bytes)"


def main() -> None:
    in_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "examples" / "data"
    out_dir = Path(sys.argv[2]) if len(sys.argv) > 2 else REPO / "out" / "python"
    out_dir.mkdir(parents=True, exist_ok=True)
    redactor = Redactor()
    pdfs = sorted(in_dir.glob("*.pdf"))
    with ThreadPoolExecutor(max_workers=4) as pool:
        for line in pool.map(lambda pdf: redact_one(redactor, pdf, out_dir), pdfs):
            print(line)


if __name__ == "__main__":
    main()
