"""Building blocks shared by the corpus cases: a one-revision document with Helvetica, the
visible body text, people with valid personnummer, and small images."""

from __future__ import annotations

from dataclasses import dataclass, field

from pdfsyntax import Name, PdfFile, Ref, Stream, text

A4 = [0, 0, 595, 842]


def personnummer(birth: str, serial: str, century: bool = False) -> str:
    """``birth`` YYYYMMDD, ``serial`` three digits; the Luhn check digit is computed, so every
    planted number is valid and a detector has no excuse to skip it."""
    digits = birth[2:] + serial
    total = 0
    for i, char in enumerate(digits):
        value = int(char) * (2 if i % 2 == 0 else 1)
        total += value // 10 + value % 10
    check = (10 - total % 10) % 10
    prefix = birth if century else birth[2:]
    return f"{prefix}-{serial}{check}"


@dataclass(frozen=True)
class Person:
    """A fictional person planted in a document."""

    name: str
    pnr: str

    @property
    def secrets(self) -> list[str]:
        return [self.name, self.pnr]


def text_lines(x: float, y: float, lines: list[str], font: str = "F1", size: float = 11,
               leading: float = 15) -> bytes:
    """One BT..ET block drawing ``lines`` top-down from baseline ``(x, y)``."""
    ops = [b"BT /%s %s Tf %s TL %s %s Td" % (font.encode(), _n(size), _n(leading), _n(x), _n(y))]
    for i, line in enumerate(lines):
        ops.append((b"" if i == 0 else b"T* ") + text(line) + b" Tj")
    ops.append(b"ET")
    return b"\n".join(ops) + b"\n"


def _n(value: float) -> bytes:
    return (f"{value:.3f}".rstrip("0").rstrip(".")).encode()


def body(person: Person, heading: str, y: float = 780) -> bytes:
    """The normal, visible part of every corpus page: a letterhead and a Swedish paragraph that
    names the person and their personnummer."""
    return (
        text_lines(72, y, ["Lillby kommun"], font="F2", size=16)
        + text_lines(72, y - 18, ["Socialförvaltningen, individ- och familjeomsorgen"], size=10)
        + text_lines(72, y - 50, [heading], font="F2", size=12)
        + text_lines(
            72,
            y - 75,
            [
                f"Ärendet gäller {person.name}, personnummer {person.pnr}.",
                "Sökanden har ansökt om ekonomiskt bistånd för december 2026.",
                "Handläggaren har gått igenom underlagen och bokat ett uppföljningsmöte.",
            ],
        )
    )


@dataclass
class Doc:
    """A single-revision document with Helvetica (F1) and Helvetica-Bold (F2), WinAnsiEncoding."""

    ident: str
    pdf: PdfFile = field(init=False)
    catalog: dict = field(init=False)
    info: Ref | None = None
    page_refs: list[Ref] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.pdf = PdfFile(self.ident)
        self.catalog_ref = self.pdf.alloc()
        self.pages_ref = self.pdf.alloc()
        self.catalog = {"Type": Name("Catalog"), "Pages": self.pages_ref}
        self.fonts = {
            "F1": self.pdf.add(_helvetica("Helvetica")),
            "F2": self.pdf.add(_helvetica("Helvetica-Bold")),
        }

    def page(self, content: bytes, resources: dict | None = None, ref: Ref | None = None,
             compress: bool = True, **keys: object) -> Ref:
        """Adds a page drawing ``content``; ``keys`` go into the page dictionary."""
        res = {"Font": dict(self.fonts)}
        for key, value in (resources or {}).items():
            if key == "Font":
                res["Font"].update(value)
            else:
                res[key] = value
        contents = self.pdf.add(Stream({}, content, compress=compress))
        page = {"Type": Name("Page"), "Parent": self.pages_ref, "MediaBox": A4,
                "Resources": res, "Contents": contents, **keys}
        ref = self.pdf.put(ref or self.pdf.alloc(), page)
        self.page_refs.append(ref)
        return ref

    def build(self) -> tuple[bytes, int]:
        """Writes the page tree and catalog; returns the file and its xref offset."""
        self.pdf.put(self.pages_ref, {"Type": Name("Pages"), "Kids": list(self.page_refs),
                                      "Count": len(self.page_refs)})
        self.pdf.put(self.catalog_ref, self.catalog)
        return self.pdf.build(self.catalog_ref, self.info)


def _helvetica(base: str) -> dict:
    return {"Type": Name("Font"), "Subtype": Name("Type1"), "BaseFont": Name(base),
            "Encoding": Name("WinAnsiEncoding")}


def solid_image(pdf: PdfFile, rgb: tuple[int, int, int], width: int = 16,
                height: int = 4) -> Ref:
    """An opaque RGB image XObject of one colour with a darker border (looks like a picture)."""
    rows = bytearray()
    for y in range(height):
        for x in range(width):
            edge = x in (0, width - 1) or y in (0, height - 1)
            rows += bytes(c // 2 if edge else c for c in rgb)
    return pdf.add(Stream({"Type": Name("XObject"), "Subtype": Name("Image"), "Width": width,
                           "Height": height, "ColorSpace": Name("DeviceRGB"),
                           "BitsPerComponent": 8}, bytes(rows)))


def gray_image(pdf: PdfFile, width: int, height: int, samples: bytes) -> Ref:
    """A DeviceGray 8-bit image XObject (used for the scanned page)."""
    return pdf.add(Stream({"Type": Name("XObject"), "Subtype": Name("Image"), "Width": width,
                           "Height": height, "ColorSpace": Name("DeviceGray"),
                           "BitsPerComponent": 8}, samples))


def read_pgm(data: bytes) -> tuple[int, int, bytes]:
    """Width, height and samples of a binary PGM (P5, maxval 255) as written by pdftoppm."""
    fields: list[bytes] = []
    pos = 0
    while len(fields) < 4:
        while data[pos:pos + 1].isspace():
            pos += 1
        if data[pos:pos + 1] == b"#":
            pos = data.index(b"\n", pos) + 1
            continue
        end = pos
        while not data[end:end + 1].isspace():
            end += 1
        fields.append(data[pos:end])
        pos = end
    if fields[0] != b"P5" or fields[3] != b"255":
        raise ValueError("expected a P5 PGM with maxval 255")
    width, height = int(fields[1]), int(fields[2])
    start = pos + 1
    return width, height, data[start:start + width * height]

