#!/usr/bin/env python3
"""Turns the fictional municipal documents in this folder (*.txt) into letter-style A4 PDFs.

    python3 examples/data/make_samples.py     # rewrites the PDFs next to their .txt sources

The PDFs are what `make demo` redacts: a real text layer in Helvetica (WinAnsiEncoding, so
å ä ö é print), a letterhead with an optional coloured logo, a registration stamp on the
incoming e-mail, headings in bold, page numbers, and the caseworker as the PDF's Author (as
office software would leave it). Python 3.11 standard library only; the PDF syntax is written
by hand so the output is small and byte-for-byte reproducible.
"""

from __future__ import annotations

import re
import sys
import zlib
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
PAGE_W, PAGE_H = 595.0, 842.0
LEFT, RIGHT, TOP, BOTTOM = 70.0, 70.0, 715.0, 90.0
SIZE, LEADING = 10.5, 14.5
SECOND_COLUMN = 330.0

# Advance widths (1/1000 em) of Helvetica and Helvetica-Bold for ASCII 32..126, from the AFMs.
_REGULAR = ("278 278 355 556 556 889 667 191 333 333 389 584 278 333 278 278 " + "556 " * 10
            + "278 278 584 584 584 556 1015 667 667 722 722 667 611 778 722 278 500 667 556 833 "
              "722 778 667 778 722 667 611 722 667 944 667 667 611 278 278 278 469 556 333 556 "
              "556 500 556 556 278 556 556 222 222 500 222 833 556 556 556 556 333 500 278 556 "
              "500 722 500 500 500 334 260 334 584")
_BOLD = ("278 333 474 556 556 889 722 238 333 333 389 584 278 333 278 278 " + "556 " * 10
         + "333 333 584 584 584 611 975 722 722 722 722 667 611 778 722 278 556 722 611 833 722 "
           "778 667 778 722 667 611 722 667 944 667 667 611 333 278 333 584 556 333 556 611 556 "
           "611 556 333 611 611 278 278 556 278 889 611 611 611 611 389 556 333 611 556 778 556 "
           "556 500 389 280 389 584")
WIDTHS = {
    font: {chr(32 + i): int(w) for i, w in enumerate(table.split())}
    for font, table in (("F1", _REGULAR), ("F2", _BOLD))
}
# Accented letters are as wide as their base letter in Helvetica.
ACCENTS = {"å": "a", "ä": "a", "à": "a", "á": "a", "ö": "o", "ó": "o", "é": "e", "è": "e",
           "ü": "u", "Å": "A", "Ä": "A", "Ö": "O", "É": "E", "Ü": "U"}


def width(value: str, font: str = "F1", size: float = SIZE) -> float:
    table = WIDTHS[font]
    return sum(table.get(ACCENTS.get(c, c), 556) for c in value) * size / 1000


def pdf_string(value: str) -> bytes:
    out = bytearray(b"(")
    for byte in value.encode("cp1252"):
        if byte in b"()\\":
            out += b"\\" + bytes([byte])
        elif 32 <= byte < 127:
            out.append(byte)
        else:
            out += b"\\%03o" % byte
    return bytes(out + b")")


def info_string(value: str) -> bytes:
    if value.isascii():
        return pdf_string(value)
    return b"<FEFF" + value.encode("utf-16-be").hex().upper().encode() + b">"


@dataclass
class Sample:
    """One document: its source text and how it is laid out."""

    source: str
    title: str
    author: str
    department: str
    headings: set[str] = field(default_factory=set)
    logo: bool = False
    stamp: list[str] = field(default_factory=list)


SAMPLES = [
    Sample("beslut-ekonomiskt-bistand.txt", "Beslut om ekonomiskt bistånd", "Johan Bergström",
           "Individ- och familjeomsorgen",
           {"BESLUT", "Beslut", "Motivering", "Handläggare"}),
    Sample("epost-tips.txt", "Tips om misstänkt felaktig utbetalning", "Registrator",
           "Inkommen handling, tipskanalen", stamp=["LILLBY KOMMUN", "Socialnämnden",
                                                   "Inkom 2026-11-02", "Dnr SN 2026/1250"]),
    Sample("tjansteanteckning.txt", "Journalanteckning", "Sara Ek", "LSS-handläggning"),
    Sample("protokoll-socialnamnden.txt", "Protokoll socialnämndens individutskott",
           "Kristina Wallin", "Socialnämnden",
           {"PROTOKOLL", "Beslutande", "Övriga närvarande", "Justerare", "Vid protokollet"}),
    Sample("beslut-parkeringstillstand.txt", "Beslut om parkeringstillstånd", "Emma Karlsson",
           "Miljö- och byggnämnden",
           {"BESLUT", "Beslut", "Motivering", "Hur man överklagar", "Handläggare"}, logo=True),
]


def paragraphs(source: str) -> list[str]:
    """Joins hard-wrapped prose lines; keeps short lines (addresses, headers) as they are."""
    lines = source.splitlines()
    out: list[str] = []
    joining = False
    for i, line in enumerate(lines):
        if joining:
            out[-1] += " " + line.strip()
        else:
            out.append(line.rstrip())
        following = lines[i + 1] if i + 1 < len(lines) else ""
        joining = (len(line) >= 60 and not line.rstrip().endswith((".", ":", "!", "?"))
                   and bool(following.strip()))
    return out


def _glued(previous: str, word: str) -> bool:
    """Whether ``word`` must stay on the line of ``previous``: digit groups ('8 450',
    '070-987 65 43', '123 45') and plates ('ABC 123') are never split."""
    return word[:1].isdigit() and (previous[-1:].isdigit() or previous.isupper()
                                   or previous.startswith("+"))


def wrap(line: str, font: str, limit: float) -> list[str]:
    """Greedy wrap at spaces, over unbreakable groups of words (see :func:`_glued`)."""
    groups: list[str] = []
    for word in line.split(" "):
        if groups and _glued(groups[-1].rsplit(" ", 1)[-1], word):
            groups[-1] += " " + word
        else:
            groups.append(word)
    rows, current = [], ""
    for group in groups:
        candidate = f"{current} {group}" if current else group
        if current and width(candidate, font) > limit:
            rows.append(current)
            current = group
        else:
            current = candidate
    return rows + [current]


@dataclass
class Row:
    """One laid-out line: text (or two columns), font, vertical gap before it."""

    cells: list[str]
    font: str = "F1"


def layout(sample: Sample, text: str) -> list[list[Row]]:
    """Rows grouped into pages. Blocks (runs of lines between blank lines, e.g. one § of a
    protocol) are kept on one page when they fit on one, so no name or number is split across
    a page break."""
    blocks: list[list[Row]] = [[]]
    for para in paragraphs(text):
        if not para.strip():
            blocks.append([])
        elif re.search(r"\S {3,}\S", para):
            blocks[-1].append(Row(re.split(r" {3,}", para.strip())))
        else:
            font = "F2" if para.strip() in sample.headings or para.startswith("§") else "F1"
            blocks[-1] += [Row([r], font) for r in wrap(para, font, PAGE_W - LEFT - RIGHT)]
    per_page = int((TOP - BOTTOM) / LEADING)
    pages: list[list[Row]] = [[]]
    for block in filter(None, blocks):
        gap = [Row([])] if pages[-1] else []
        if len(pages[-1]) + len(gap) + len(block) > per_page and len(block) <= per_page:
            pages.append([])
            gap = []
        for row in gap + block:
            if len(pages[-1]) >= per_page:
                pages.append([])
            pages[-1].append(row)
    return pages


def letterhead(sample: Sample) -> bytes:
    ops = []
    x = LEFT
    if sample.logo:
        # A blue shield with a yellow sun over three white waves: the fictional Lillby emblem.
        ops.append(b"0.12 0.37 0.60 rg 70 760 46 52 re f")
        ops.append(b"0.98 0.78 0.15 rg 93 797 m 101 797 101 785 93 785 c 85 785 85 797 93 797 c f")
        ops.append(b"1 1 1 RG 2.5 w")
        for y in (776, 769, 762):
            ops.append(b"75 %d m 81 %d 87 %d 93 %d c 99 %d 105 %d 111 %d c S"
                       % (y, y + 3, y - 3, y, y + 3, y - 3, y))
        x = LEFT + 58
    ops.append(b"0 g BT /F2 18 Tf %.1f 790 Td " % x + pdf_string("Lillby kommun") + b" Tj ET")
    ops.append(b"BT /F1 10 Tf %.1f 775 Td " % x + pdf_string(sample.department) + b" Tj ET")
    if sample.stamp:
        ops.append(b"0.75 0.1 0.1 RG 0.75 0.1 0.1 rg 1.2 w 400 742 125 62 re S")
        for i, line in enumerate(sample.stamp):
            font = "F2" if i == 0 else "F1"
            x = 462.5 - width(line, font, 9) / 2  # centred in the stamp
            ops.append(b"BT /%s 9 Tf %.1f %d Td " % (font.encode(), x, 790 - 14 * i)
                       + pdf_string(line) + b" Tj ET")
        ops.append(b"0 g 0 G")
    ops.append(b"0.6 G 0.8 w 70 748 m 525 748 l S 0 G")
    return b"\n".join(ops) + b"\n"


def footer(number: int, total: int) -> bytes:
    address = ("Lillby kommun · Stadshuset, Storgatan 1, 123 80 Lillby · 0480-45 00 00 · "
               "www.lillby.se")
    page = f"Sida {number} av {total}"
    return (b"0.6 G 0.8 w 70 62 m 525 62 l S 0.35 g "
            + b"BT /F1 8 Tf 70 50 Td " + pdf_string(address) + b" Tj ET "
            + b"BT /F1 8 Tf %.1f 50 Td " % (PAGE_W - RIGHT - width(page, "F1", 8))
            + pdf_string(page) + b" Tj ET 0 g\n")


def page_content(sample: Sample, rows: list[Row], number: int, total: int) -> bytes:
    ops = [letterhead(sample)]
    y = TOP
    for row in rows:
        for column, cell in enumerate(row.cells):
            x = LEFT if column == 0 else SECOND_COLUMN
            ops.append(b"BT /%s %.1f Tf %.1f %.1f Td " % (row.font.encode(), SIZE, x, y)
                       + pdf_string(cell) + b" Tj ET\n")
        y -= LEADING
    ops.append(footer(number, total))
    return b"".join(ops)


def write_pdf(sample: Sample, pages: list[list[Row]]) -> bytes:
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    def stream(data: bytes) -> int:
        packed = zlib.compress(data, 9)
        return add(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed)
                   + packed + b"\nendstream")

    catalog, tree = add(b""), add(b"")
    fonts = b" ".join(
        b"/%s %d 0 R" % (name, add(b"<< /Type /Font /Subtype /Type1 /BaseFont /%s "
                                   b"/Encoding /WinAnsiEncoding >>" % base))
        for name, base in ((b"F1", b"Helvetica"), (b"F2", b"Helvetica-Bold")))
    kids = []
    for number, rows in enumerate(pages, start=1):
        content = stream(page_content(sample, rows, number, len(pages)))
        kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] "
                        b"/Resources << /Font << %s >> >> /Contents %d 0 R >>"
                        % (tree, fonts, content)))
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % tree
    objects[tree - 1] = (b"<< /Type /Pages /Kids [%s] /Count %d >>"
                         % (b" ".join(b"%d 0 R" % k for k in kids), len(kids)))
    info = add(b"<< /Title %s /Author %s /Creator (Lantero make_samples.py) >>"
               % (info_string(sample.title), info_string(sample.author)))

    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for num, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (num, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f\r\n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n\r\n" % offset for offset in offsets)
    out += (b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n"
            % (len(objects) + 1, catalog, info, xref))
    return bytes(out)


def main() -> int:
    for sample in SAMPLES:
        text = (HERE / sample.source).read_text("utf-8")
        pages = layout(sample, text)
        target = HERE / sample.source.replace(".txt", ".pdf")
        target.write_bytes(write_pdf(sample, pages))
        print(f"wrote {target.name}: {len(pages)} page(s), {target.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
