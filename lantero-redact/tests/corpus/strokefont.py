"""A Type3 "cipher" font: its glyphs *look* like the digits 0-9 and '-', but the character codes
are other letters and the glyph names are yet other letters, and there is no ToUnicode map.

A text layer extracted from a page set in this font reads as letters (``QMRV...``); the raw
content stream holds different letters; only the rendered pixels show the personnummer. A
redaction tool that trusts the text layer misses it, one that OCRs the raster does not.
"""

from __future__ import annotations

from pdfsyntax import Name, PdfFile, Ref, Stream

SYMBOLS = "0123456789-"
KAPPA = 0.5523  # control-point distance that makes four cubic Béziers a circle


def _ellipse(cx: float, cy: float, rx: float, ry: float) -> str:
    kx, ky = rx * KAPPA, ry * KAPPA
    return (
        f"{cx + rx} {cy} m "
        f"{cx + rx} {cy + ky} {cx + kx} {cy + ry} {cx} {cy + ry} c "
        f"{cx - kx} {cy + ry} {cx - rx} {cy + ky} {cx - rx} {cy} c "
        f"{cx - rx} {cy - ky} {cx - kx} {cy - ry} {cx} {cy - ry} c "
        f"{cx + kx} {cy - ry} {cx + rx} {cy - ky} {cx + rx} {cy} c"
    )


# Stroke outlines in a 1000-unit em: digits are 700 units tall and about 400 wide.
PATHS = {
    "0": _ellipse(250, 350, 190, 340),
    "1": "150 580 m 260 700 l 260 0 l 140 0 m 380 0 l",
    "2": "70 540 m 70 700 430 700 430 540 c 430 380 70 260 70 0 c 440 0 l",
    "3": "70 620 m 150 720 430 710 420 540 c 410 400 260 380 200 380 c "
         "460 380 460 0 250 0 c 150 0 80 30 60 90 c",
    "4": "340 0 m 340 700 l 50 200 l 460 200 l",
    "5": "430 700 m 100 700 l 80 400 l 200 460 440 440 440 220 c 440 0 120 -20 60 100 c",
    "6": "400 650 m 300 720 80 700 70 350 c 60 0 430 0 430 220 c 430 420 130 430 75 250 c",
    "7": "60 700 m 440 700 l 180 0 l",
    "8": _ellipse(250, 530, 160, 170) + " " + _ellipse(250, 180, 200, 180),
    "9": "100 50 m 200 -20 420 0 430 350 c 440 700 70 700 70 480 c 70 280 370 270 425 450 c",
    "-": "90 300 m 410 300 l",
}


def _code(index: int) -> str:
    """The character code (a capital letter A-K) used in content streams for ``SYMBOLS[index]``."""
    return chr(ord("A") + (index * 7 + 3) % len(SYMBOLS))


def _glyph_name(index: int) -> str:
    """The decoy glyph name (a capital letter M-W) text extractors map the code to."""
    return chr(ord("M") + (index * 5 + 2) % len(SYMBOLS))


def encode(value: str) -> bytes:
    """The content-stream bytes that draw ``value`` (digits and '-') in this font."""
    return "".join(_code(SYMBOLS.index(char)) for char in value).encode("ascii")


def extracted(value: str) -> str:
    """What a glyph-name based text extractor reads for ``value`` drawn in this font."""
    return "".join(_glyph_name(SYMBOLS.index(char)) for char in value)


def add_font(pdf: PdfFile) -> Ref:
    """Adds the font and its glyph procedures; returns the font dictionary's reference."""
    procs: dict[str, Ref] = {}
    by_code: dict[int, tuple[str, int]] = {}
    for index, symbol in enumerate(SYMBOLS):
        width = 500 if symbol == "-" else 560
        glyph = f"{width} 0 d0 0 G 70 w 1 J 1 j {PATHS[symbol]} S".encode("ascii")
        name = _glyph_name(index)
        procs[name] = pdf.add(Stream({}, glyph))
        by_code[ord(_code(index))] = (name, width)
    first, last = min(by_code), max(by_code)
    differences: list[object] = [first]
    differences += [Name(by_code[code][0]) for code in range(first, last + 1)]
    return pdf.add({
        "Type": Name("Font"),
        "Subtype": Name("Type3"),
        "FontBBox": [-50, -50, 550, 750],
        "FontMatrix": [0.001, 0, 0, 0.001, 0, 0],
        "CharProcs": {Name(name): ref for name, ref in procs.items()},
        "Encoding": {"Type": Name("Encoding"), "Differences": differences},
        "FirstChar": first,
        "LastChar": last,
        "Widths": [by_code[code][1] for code in range(first, last + 1)],
        "Resources": {},
    })
