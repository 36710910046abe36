#!/usr/bin/env python3
"""Writes the realistic corpus: office-made Swedish municipal case files, exported to PDF by
LibreOffice, three of them also as scanned (image-only) copies, and manifest.json.

    python3 -m venv /tmp/corpusvenv && /tmp/corpusvenv/bin/pip install python-docx pillow img2pdf
    apt-get install -y --no-install-recommends libreoffice-writer-nogui poppler-utils
    /tmp/corpusvenv/bin/python lantero-redact/tests/realistic/make_realistic.py

Every person, personnummer, account and address is invented; the municipality ("Älvstrands
kommun") does not exist. Personnummer carry valid Luhn check digits and birth dates in the past.
Phone numbers are taken from the range PTS reserves for fiction (070-174 06 05 .. 070-174 06 99).

The documents are built as .docx (python-docx) with Word font names (Times New Roman, Arial);
LibreOffice substitutes its metric-compatible Liberation fonts and embeds them as subset
TrueType, as a municipality's office suite would. Some identifiers are placed so that the line
wraps inside them (at a space, or, in a narrow table cell, inside the word); the script checks
each planned wrap with `pdftotext -layout` and records in the manifest only the wraps it saw.
"""

from __future__ import annotations

import io
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from PIL import Image, ImageDraw, ImageFilter, ImageFont

HERE = Path(__file__).resolve().parent
FONTS = Path("/usr/share/fonts/truetype")
SERIF = FONTS / "liberation/LiberationSerif-Regular.ttf"
SANS = FONTS / "liberation/LiberationSans-Regular.ttf"
SANS_BOLD = FONTS / "liberation/LiberationSans-Bold.ttf"
MONO = FONTS / "dejavu/DejaVuSansMono.ttf"

BODY_FONT, BODY_SIZE = "Times New Roman", 11
HEAD_FONT = "Arial"
PAGE_W_CM, LEFT_CM, RIGHT_CM = 21.0, 2.5, 2.0
TEXT_W_PT = (PAGE_W_CM - LEFT_CM - RIGHT_CM) / 2.54 * 72


# --------------------------------------------------------------------------------------------
# Identifiers
# --------------------------------------------------------------------------------------------

def luhn_digit(digits: str) -> int:
    total = 0
    for i, ch in enumerate(digits):
        d = int(ch) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return (10 - total % 10) % 10


def pnr(date: str, serial: str, century: bool = False) -> str:
    """`date` YYYYMMDD, `serial` three digits: '870412-2384' (or '19870412-2384')."""
    short = date[2:] + serial
    check = luhn_digit(short)
    head = date if century else date[2:]
    return f"{head}-{serial}{check}"


def orgnr(first9: str) -> str:
    return f"{first9[:6]}-{first9[6:]}{luhn_digit(first9)}"


KOMMUN = "Älvstrands kommun"
KOMMUN_CAPS = "ÄLVSTRANDS KOMMUN"
ORGNR = orgnr("212000243")
POSTADRESS = "Box 104, 861 22 Älvstrand"
BESOK = "Rådhustorget 1"
VAXEL = "0611-34 80 00"
WEBB = "www.alvstrand.se"
EPOST = "kommun@alvstrand.se"
BANKGIRO = "5431-7762"

LAWS = {
    "sol": "socialtjänstlagen (2001:453)",
    "lss": "lagen (1993:387) om stöd och service till vissa funktionshindrade",
    "fl": "förvaltningslagen (2017:900)",
    "osl": "offentlighets- och sekretesslagen (2009:400)",
    "las": "lagen (2022:836) om anställningsskydd",
    "vissel": "lagen (2021:890) om skydd för personer som rapporterar om missförhållanden",
    "bf": "bidragsbrottslagen (2007:612)",
}


# --------------------------------------------------------------------------------------------
# Manifest bookkeeping
# --------------------------------------------------------------------------------------------

@dataclass
class Secret:
    text: str
    kind: str
    in_image: bool = False
    wraps: bool = False
    wrap_planned: bool = False
    wrap_parts: list[str] | None = None

    def as_json(self, scanned: bool) -> dict:
        out = {"text": self.text, "kind": self.kind, "in_image": self.in_image,
               "wraps": self.wraps, "scanned": scanned}
        if self.wrap_parts:
            out["wrap_parts"] = self.wrap_parts
        return out


@dataclass
class Case:
    stem: str
    title: str
    doc: Document
    secrets: list[Secret] = field(default_factory=list)
    public: list[str] = field(default_factory=list)

    def secret(self, text: str, kind: str, **flags) -> str:
        for s in self.secrets:
            if s.text == text:
                for k, v in flags.items():
                    setattr(s, k, getattr(s, k) or v)
                return text
        self.secrets.append(Secret(text, kind, **flags))
        return text

    def pub(self, *texts: str) -> None:
        for t in texts:
            if t not in self.public:
                self.public.append(t)


# --------------------------------------------------------------------------------------------
# Pictures made with Pillow (pasted into the documents)
# --------------------------------------------------------------------------------------------

def font(path: Path, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(path), size)


def photo_finish(img: Image.Image, angle: float, seed: int) -> Image.Image:
    """A phone photo of a paper: slight rotation, blur, uneven light, JPEG-ish noise."""
    rnd = random.Random(seed)
    img = img.rotate(angle, resample=Image.BICUBIC, expand=True, fillcolor=(92, 88, 80))
    img = img.filter(ImageFilter.GaussianBlur(0.7))
    px = img.load()
    w, h = img.size
    for _ in range(w * h // 40):
        x, y = rnd.randrange(w), rnd.randrange(h)
        r, g, b = px[x, y]
        d = rnd.randint(-18, 18)
        px[x, y] = (max(0, min(255, r + d)), max(0, min(255, g + d)), max(0, min(255, b + d)))
    return img


def as_jpeg(img: Image.Image, quality: int = 82) -> io.BytesIO:
    buf = io.BytesIO()
    img.convert("RGB").save(buf, "JPEG", quality=quality)
    buf.seek(0)
    return buf


def pharmacy_receipt(patient: str, personnummer: str) -> io.BytesIO:
    img = Image.new("RGB", (560, 900), (246, 242, 228))
    d = ImageDraw.Draw(img)
    f, fb, small = font(MONO, 22), font(SANS_BOLD, 28), font(MONO, 18)
    y = 30
    d.text((150, y), "APOTEKET LINDAN", font=fb, fill=(30, 30, 30)); y += 44
    for line in ["Storgatan 21, Älvstrand", "Tel 0611-51 20 40", "", "RECEPTEXPEDITION",
                 f"Patient: {patient}", f"Pnr: {personnummer}", "Förskr: Dr L. Falk",
                 "-" * 34, "Sertralin 50 mg 98 st   142,00", "Ipren 400 mg 30 st      59,50",
                 "Omeprazol 20 mg 56 st    87,00", "-" * 34, "Att betala SEK          288,50",
                 "  varav högkostnad      -96,00", "Kort  ****  ****  4417", "",
                 "Kvitto 2024-03-11 14:52  Kassa 2", "Spara kvittot!"]:
        d.text((40, y), line, font=f if line else small, fill=(25, 25, 25)); y += 34
    return as_jpeg(photo_finish(img, 2.2, 1))


def id_card(surname: str, given: str, personnummer: str) -> io.BytesIO:
    img = Image.new("RGB", (856, 540), (214, 226, 236))
    d = ImageDraw.Draw(img)
    for i in range(0, 540, 6):  # guilloche-ish background lines
        d.line([(0, i), (856, (i * 3) % 540)], fill=(200, 214, 228), width=1)
    d.rectangle([0, 0, 856, 70], fill=(32, 70, 120))
    d.text((30, 16), "SVERIGE  ·  IDENTITETSKORT", font=font(SANS_BOLD, 34), fill=(255, 255, 255))
    d.rectangle([40, 110, 270, 410], fill=(168, 168, 160))
    d.ellipse([100, 150, 210, 270], fill=(120, 112, 104))
    d.ellipse([70, 270, 240, 440], fill=(120, 112, 104))
    d.rectangle([40, 410, 270, 440], fill=(214, 226, 236))
    lab, val = font(SANS, 20), font(SANS_BOLD, 32)
    y = 105
    for label, value in [("1. Efternamn", surname), ("2. Förnamn", given),
                         ("3. Personnummer", personnummer), ("4. Giltigt t.o.m.", "2027-05-30")]:
        d.text((310, y), label, font=lab, fill=(60, 60, 80)); y += 24
        d.text((310, y), value, font=val, fill=(10, 10, 20)); y += 52
    d.text((310, y + 8), "Utfärdat av Polismyndigheten", font=lab, fill=(60, 60, 80))
    return as_jpeg(photo_finish(img, -1.6, 2))


def bank_statement(holder: str, account: str, iban: str) -> io.BytesIO:
    img = Image.new("RGB", (980, 520), (250, 250, 252))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 0, 980, 64], fill=(0, 94, 124))
    d.text((24, 14), "Internetbanken  ›  Konton  ›  Kontoinformation", font=font(SANS, 26),
           fill=(255, 255, 255))
    f, fb = font(SANS, 24), font(SANS_BOLD, 24)
    rows = [("Kontohavare", holder), ("Kontonummer", account), ("IBAN", iban),
            ("BIC", "SWEDSESS"), ("Saldo", "1 284,17 kr"), ("Disponibelt", "984,17 kr")]
    y = 96
    for label, value in rows:
        d.text((40, y), label, font=f, fill=(90, 90, 90))
        d.text((300, y), value, font=fb, fill=(20, 20, 20))
        d.line([(40, y + 44), (940, y + 44)], fill=(220, 220, 225)); y += 62
    return as_jpeg(photo_finish(img, 0.0, 3), quality=88)


def car_photo(plate: str) -> io.BytesIO:
    img = Image.new("RGB", (760, 420), (120, 124, 118))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 260, 760, 420], fill=(70, 70, 72))          # asphalt
    d.rounded_rectangle([60, 90, 700, 330], 40, fill=(168, 24, 30))  # car rear
    d.rectangle([120, 110, 640, 190], fill=(60, 80, 100))        # rear window
    d.rectangle([90, 210, 200, 250], fill=(230, 180, 40))
    d.rectangle([560, 210, 670, 250], fill=(230, 180, 40))
    d.rectangle([250, 245, 510, 305], fill=(250, 250, 250), outline=(10, 10, 10), width=3)
    d.rectangle([250, 245, 276, 305], fill=(20, 60, 160))
    d.text((288, 248), plate, font=font(SANS_BOLD, 46), fill=(10, 10, 10))
    return as_jpeg(photo_finish(img, 1.1, 4))


def rent_notice(tenant: str, address: str) -> io.BytesIO:
    img = Image.new("RGB", (820, 560), (255, 253, 240))
    d = ImageDraw.Draw(img)
    d.text((30, 24), "AB Älvstrandshem", font=font(SANS_BOLD, 30), fill=(20, 60, 40))
    d.text((30, 64), "HYRESAVI  april 2024", font=font(SANS, 24), fill=(40, 40, 40))
    f = font(MONO, 22)
    y = 120
    for line in [f"Hyresgäst: {tenant}", f"Adress:    {address}", "Objekt:    1204-0312, 3 rok",
                 "Hyra                 7 842,00", "Garage                 650,00",
                 "Att betala          8 492,00", "Bankgiro 5170-2291  OCR 120403125"]:
        d.text((30, y), line, font=f, fill=(20, 20, 20)); y += 48
    return as_jpeg(photo_finish(img, -0.9, 5))


def crest() -> io.BytesIO:
    img = Image.new("RGB", (120, 140), (255, 255, 255))
    d = ImageDraw.Draw(img)
    d.polygon([(10, 8), (110, 8), (110, 80), (60, 132), (10, 80)], fill=(24, 72, 140))
    d.polygon([(10, 70), (110, 52), (110, 80), (60, 132), (10, 80)], fill=(70, 150, 210))
    d.ellipse([42, 22, 78, 58], fill=(240, 200, 60))
    buf = io.BytesIO()
    img.save(buf, "PNG")
    buf.seek(0)
    return buf


# --------------------------------------------------------------------------------------------
# Word document building blocks
# --------------------------------------------------------------------------------------------

def _field(paragraph, instr: str) -> None:
    def run_with(el):
        r = OxmlElement("w:r")
        r.append(el)
        paragraph._p.append(r)
    begin = OxmlElement("w:fldChar"); begin.set(qn("w:fldCharType"), "begin"); run_with(begin)
    it = OxmlElement("w:instrText"); it.set(qn("xml:space"), "preserve"); it.text = f" {instr} "
    run_with(it)
    sep = OxmlElement("w:fldChar"); sep.set(qn("w:fldCharType"), "separate"); run_with(sep)
    paragraph.add_run("1")
    end = OxmlElement("w:fldChar"); end.set(qn("w:fldCharType"), "end"); run_with(end)


def _no_borders(table) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    tbl_pr.append(borders)


def _shade(cell, hex_fill: str) -> None:
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear"); shd.set(qn("w:color"), "auto"); shd.set(qn("w:fill"), hex_fill)
    cell._tc.get_or_add_tcPr().append(shd)


def _set_cell(cell, text: str, size: float = 10, bold: bool = False, font_name: str = BODY_FONT):
    cell.text = ""
    p = cell.paragraphs[0]
    p.paragraph_format.space_after = Pt(0)
    r = p.add_run(text)
    r.font.size = Pt(size); r.bold = bold; r.font.name = font_name


class Letter:
    """A municipal letter: crest and name in the header, contact details and 'Sida X (Y)' in the
    footer, Word fonts that LibreOffice replaces with Liberation."""

    def __init__(self, kind: str, dnr: str, date: str, unit: str):
        self.doc = Document()
        st = self.doc.styles["Normal"]
        st.font.name, st.font.size = BODY_FONT, Pt(BODY_SIZE)
        st.element.rPr.rFonts.set(qn("w:eastAsia"), BODY_FONT)
        st.paragraph_format.space_after = Pt(6)
        sec = self.doc.sections[0]
        sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
        sec.left_margin, sec.right_margin = Cm(LEFT_CM), Cm(RIGHT_CM)
        sec.top_margin, sec.bottom_margin = Cm(2.2), Cm(2.4)
        sec.header_distance, sec.footer_distance = Cm(0.8), Cm(0.8)
        self._header(sec, kind, dnr, date, unit)
        self._footer(sec, unit)

    def _header(self, sec, kind, dnr, date, unit):
        header = sec.header
        t = header.add_table(1, 3, Cm(16.5))
        _no_borders(t)
        t.columns[0].width = Cm(1.4)
        c0, c1, c2 = t.rows[0].cells
        c0.width, c1.width, c2.width = Cm(1.4), Cm(8.6), Cm(6.5)
        c0.paragraphs[0].add_run().add_picture(crest(), width=Cm(1.1))
        p = c1.paragraphs[0]
        r = p.add_run(KOMMUN_CAPS); r.bold = True; r.font.size = Pt(13); r.font.name = HEAD_FONT
        r.font.color.rgb = RGBColor(0x18, 0x48, 0x8C)
        p2 = c1.add_paragraph()
        r = p2.add_run(unit); r.font.size = Pt(9); r.font.name = HEAD_FONT
        p = c2.paragraphs[0]; p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        r = p.add_run(kind); r.bold = True; r.font.size = Pt(11); r.font.name = HEAD_FONT
        for line in (f"Datum: {date}", f"Dnr: {dnr}"):
            q = c2.add_paragraph(); q.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            q.paragraph_format.space_after = Pt(0)
            r = q.add_run(line); r.font.size = Pt(9); r.font.name = HEAD_FONT
        for cell in (c0, c1, c2):
            for q in cell.paragraphs:
                q.paragraph_format.space_after = Pt(0)

    def _footer(self, sec, unit):
        footer = sec.footer
        p = footer.paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        pbdr = OxmlElement("w:pBdr"); top = OxmlElement("w:top")
        for k, v in (("val", "single"), ("sz", "4"), ("space", "4"), ("color", "18488C")):
            top.set(qn(f"w:{k}"), v)
        pbdr.append(top); p._p.get_or_add_pPr().append(pbdr)
        lines = [f"{KOMMUN} · {unit} · Postadress: {POSTADRESS} · Besöksadress: {BESOK}",
                 f"Växel: {VAXEL} · {WEBB} · {EPOST} · Org.nr: {ORGNR} · Bankgiro: {BANKGIRO}"]
        for i, line in enumerate(lines):
            r = p.add_run(line); r.font.size = Pt(7.5); r.font.name = HEAD_FONT
            r.add_break()
        r = p.add_run("Sida "); r.font.size = Pt(8); r.font.name = HEAD_FONT
        _field(p, "PAGE")
        r = p.add_run(" (") ; r.font.size = Pt(8)
        _field(p, "NUMPAGES")
        r = p.add_run(")"); r.font.size = Pt(8)

    # body -------------------------------------------------------------------------------
    def address_block(self, lines: list[str], left: list[str] | None = None):
        t = self.doc.add_table(1, 2)
        _no_borders(t)
        a, b = t.rows[0].cells
        a.width, b.width = Cm(8.5), Cm(8.0)
        _set_cell(a, "", 10)
        for i, line in enumerate(left or []):
            q = a.paragraphs[0] if i == 0 else a.add_paragraph()
            q.paragraph_format.space_after = Pt(0)
            r = q.add_run(line); r.font.size = Pt(9); r.font.name = HEAD_FONT
        for i, line in enumerate(lines):
            q = b.paragraphs[0] if i == 0 else b.add_paragraph()
            q.paragraph_format.space_after = Pt(0)
            q.add_run(line).font.size = Pt(11)
        self.doc.add_paragraph()

    def title(self, text: str):
        p = self.doc.add_paragraph()
        p.paragraph_format.space_before = Pt(12)
        r = p.add_run(text); r.bold = True; r.font.size = Pt(15); r.font.name = HEAD_FONT

    def heading(self, text: str):
        p = self.doc.add_paragraph()
        p.paragraph_format.space_before = Pt(10); p.paragraph_format.keep_with_next = True
        r = p.add_run(text); r.bold = True; r.font.size = Pt(12); r.font.name = HEAD_FONT

    def para(self, text: str, label: str | None = None):
        p = self.doc.add_paragraph()
        if label:
            r = p.add_run(label + " "); r.bold = True
        p.add_run(text)
        return p

    def lines(self, pairs: list[tuple[str, str]]):
        for label, value in pairs:
            p = self.doc.add_paragraph()
            p.paragraph_format.space_after = Pt(0)
            r = p.add_run(label); r.bold = True
            p.add_run(" " + value)
        self.doc.add_paragraph()

    def table(self, rows: list[list[str]], widths_cm: list[float], size: float = 9.5,
              header: bool = True):
        t = self.doc.add_table(len(rows), len(widths_cm))
        t.style = self.doc.styles["Table Grid"]
        t.alignment = WD_TABLE_ALIGNMENT.LEFT
        t.autofit = False
        for i, row in enumerate(rows):
            for j, value in enumerate(row):
                cell = t.rows[i].cells[j]
                cell.width = Cm(widths_cm[j])
                _set_cell(cell, value, size, bold=header and i == 0,
                          font_name=HEAD_FONT if header and i == 0 else BODY_FONT)
                if header and i == 0:
                    _shade(cell, "DCE6F0")
        # LibreOffice reads the grid widths
        grid = t._tbl.tblGrid
        for col, w in zip(grid.findall(qn("w:gridCol")), widths_cm):
            col.set(qn("w:w"), str(int(w / 2.54 * 1440)))
        self.doc.add_paragraph().paragraph_format.space_after = Pt(2)
        return t

    def picture(self, data: io.BytesIO, width_cm: float, caption: str):
        p = self.doc.add_paragraph()
        p.add_run().add_picture(data, width=Cm(width_cm))
        c = self.doc.add_paragraph()
        r = c.add_run(caption); r.italic = True; r.font.size = Pt(9)

    def signature(self, name: str, title: str, place_date: str | None = None):
        if place_date:
            self.para(place_date)
        p = self.doc.add_paragraph()
        p.paragraph_format.space_before = Pt(18); p.paragraph_format.space_after = Pt(0)
        p.add_run(name)
        q = self.doc.add_paragraph()
        q.add_run(title).italic = True

    def page_break(self):
        self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    # a paragraph whose line is meant to wrap inside `secret` ----------------------------
    def wrapping(self, case: Case, kind: str, secret: str, before: list[str], intro: str,
                 after: str) -> None:
        """Writes `[some of before] intro secret after`, choosing the leading sentences so that
        greedy line filling (LibreOffice's, with Liberation Serif's advance widths) breaks the
        line at a space inside `secret`, with a few points of slack either side."""
        measure = font(SERIF, BODY_SIZE * 100)

        def width(s: str) -> float:
            return measure.getlength(s) / 100

        best = None
        pieces = secret.split(" ")
        before = before + ["Se även bilaga 1.", "Uppgifterna har kontrollerats.", "Detta gäller "
                           "tills vidare."]
        for mask in range(1 << len(before)):
            lead = " ".join(s for i, s in enumerate(before) if mask >> i & 1)
            words = ((lead + " " if lead else "") + intro + " ").split() 
            line, start_secret = "", len(words)
            tokens = words + pieces
            lines_, cur = [], []
            for tok in tokens:
                trial = " ".join(cur + [tok])
                if cur and width(trial) > TEXT_W_PT:
                    lines_.append(cur); cur = [tok]
                else:
                    cur.append(tok)
            lines_.append(cur)
            # find the line holding the first secret token
            idx = 0
            for n, ln in enumerate(lines_):
                if idx <= start_secret < idx + len(ln):
                    end = idx + len(ln)  # tokens [idx, end) on this line
                    if start_secret < end < len(tokens):
                        kept = width(" ".join(ln))
                        with_next = width(" ".join(ln + [tokens[end]]))
                        slack = min(TEXT_W_PT - kept, with_next - TEXT_W_PT)
                        if slack > 4 and (best is None or slack > best[0]):
                            best = (slack, lead)
                    break
                idx += len(ln)
        if best is None:
            raise SystemExit(f"no wrap found for {secret!r}")
        lead = best[1]
        self.para(((lead + " ") if lead else "") + f"{intro} {secret}{after}")
        case.secret(secret, kind, wrap_planned=True)


# --------------------------------------------------------------------------------------------
# Boilerplate every decision carries
# --------------------------------------------------------------------------------------------

APPEAL = [
    "Om du inte är nöjd med beslutet kan du överklaga det hos förvaltningsrätten. Skriv i "
    "överklagandet vilket beslut du överklagar, till exempel genom att ange datum och "
    "diarienummer, och hur du vill att beslutet ska ändras. Berätta också varför du tycker att "
    "beslutet är fel. Du kan bifoga handlingar eller annat som du anser stöder din uppfattning.",
    "Skicka eller lämna överklagandet till förvaltningen, inte direkt till förvaltningsrätten. "
    "Överklagandet måste ha kommit in inom tre veckor från den dag då du fick del av beslutet. "
    "Om överklagandet har kommit in i rätt tid prövar förvaltningen först om beslutet ska ändras. "
    "Om förvaltningen inte ändrar beslutet på det sätt du begär skickas överklagandet och övriga "
    "handlingar vidare till förvaltningsrätten.",
    "Om du behöver hjälp med att överklaga kan du vända dig till din handläggare. Du har också "
    "rätt att ta del av de uppgifter som har legat till grund för beslutet, med de begränsningar "
    f"som följer av {LAWS['osl']}.",
]

GDPR = [
    f"{KOMMUN}, socialnämnden, är personuppgiftsansvarig för de uppgifter som behandlas i "
    "ärendet. Uppgifterna behandlas för att nämnden ska kunna handlägga och dokumentera ärendet "
    "enligt gällande lagstiftning, och den rättsliga grunden är myndighetsutövning och rättslig "
    "förpliktelse. Uppgifterna bevaras och gallras enligt nämndens dokumenthanteringsplan.",
    "Du har rätt att begära information om vilka uppgifter som behandlas om dig, att få felaktiga "
    "uppgifter rättade och att i vissa fall få behandlingen begränsad. Kontakta kommunens "
    f"dataskyddsombud via {EPOST} eller växeln {VAXEL}. Du har också rätt att lämna klagomål till "
    "Integritetsskyddsmyndigheten.",
]


def appeal_and_gdpr(letter: Letter) -> None:
    letter.heading("Hur man överklagar")
    for t in APPEAL:
        letter.para(t)
    letter.heading("Information om behandling av personuppgifter")
    for t in GDPR:
        letter.para(t)


def municipality_public(case: Case, *officials: str) -> None:
    case.pub(KOMMUN, KOMMUN_CAPS, ORGNR, POSTADRESS, BESOK, VAXEL, WEBB, EPOST,
             "Personnummer", *officials)


# --------------------------------------------------------------------------------------------
# The eight documents
# --------------------------------------------------------------------------------------------

def ekonomiskt_bistand() -> Case:
    L = Letter("BESLUT", "SN 2024/0412", "2024-03-18", "Socialförvaltningen, Försörjningsstöd")
    c = Case("beslut-ekonomiskt-bistand", "Beslut om ekonomiskt bistånd", L.doc)
    name = c.secret("Johanna Lindgren", "name")
    partner = c.secret("Mikael Lindgren", "name")
    p1 = c.secret(pnr("19870412", "238"), "personnummer")
    p2 = c.secret(pnr("19850923", "171"), "personnummer")
    street = c.secret("Granvägen 12 B", "address")
    handl, chef = "Annika Dahl", "Per Sandberg"
    municipality_public(c, handl, chef, LAWS["sol"], "4 kap. 1 § socialtjänstlagen")
    L.address_block([name + " och " + partner, street, "862 33 Älvstrand"],
                    left=["Handläggare", f"{handl}, socialsekreterare", "Tel 0611-34 82 17",
                          "annika.dahl@alvstrand.se"])
    c.pub("annika.dahl@alvstrand.se", "0611-34 82 17")
    L.title("Beslut om ekonomiskt bistånd")
    L.lines([("Sökande:", name), ("Personnummer:", p1), ("Medsökande:", partner),
             ("Personnummer:", p2), ("Ansökan inkom:", "2024-03-04"),
             ("Avser period:", "2024-04-01 – 2024-04-30")])
    L.heading("Beslut")
    L.para(f"Socialnämnden beviljar {name} och {partner} ekonomiskt bistånd i form av "
           f"försörjningsstöd med 9 412 kronor för april 2024 enligt 4 kap. 1 § {LAWS['sol']}. "
           "Ansökan om bistånd till tandvård avslås.")
    L.heading("Utbetalning")
    acct = "8125-8, 318 105 286-1"
    L.wrapping(c, "account", acct,
               ["Biståndet betalas ut i efterskott den 25 mars 2024.",
                "Beloppet avser hela hushållet.",
                "Om kontot har ändrats ska du meddela din handläggare innan utbetalningsdagen.",
                "Observera att utbetalningen inte kan ske till ett konto som tillhör någon annan."],
               "Pengarna sätts in på det konto som ni har uppgett i ansökan, Swedbank",
               ", som innehas av den sökande.")
    rows = [["Datum", "Mottagare", "Konto", "Avser", "Belopp"],
            ["2024-01-25", name, acct, "Försörjningsstöd jan", "9 104 kr"],
            ["2024-02-26", name, acct, "Försörjningsstöd feb", "9 104 kr"],
            ["2024-03-25", name, acct, "Försörjningsstöd mars", "9 412 kr"],
            ["2024-03-25", "AB Älvstrandshem", "BG 5170-2291", "Hyra april", "7 842 kr"]]
    L.heading("Tidigare utbetalningar")
    L.table(rows, [2.2, 3.8, 4.2, 3.8, 2.2])
    c.pub("AB Älvstrandshem")
    L.heading("Beräkning")
    L.table([["Post", "Norm/kostnad", "Inkomst"],
             ["Riksnorm, två vuxna", "6 820 kr", ""],
             ["Boendekostnad", "7 842 kr", ""],
             ["Hushållsel", "612 kr", ""],
             ["Bostadsbidrag", "", "2 163 kr"],
             ["Aktivitetsstöd", "", "3 699 kr"],
             ["Summa", "15 274 kr", "5 862 kr"]], [7.0, 4.5, 4.5])
    L.heading("Skäl för beslutet")
    L.para(f"{name} och {partner} har ansökt om försörjningsstöd för april 2024 samt om bistånd "
           "till tandvård enligt bifogad kostnadsberäkning. Hushållets inkomster understiger "
           "riksnormen och skäliga kostnader för boende och hushållsel. Ni har redovisat "
           "kontoutdrag, hyresavi och beslut om aktivitetsstöd. Ni bedöms därför ha rätt till "
           "försörjningsstöd för att tillförsäkras en skälig levnadsnivå.")
    L.para(f"När det gäller tandvården framgår av kostnadsförslaget att behandlingen inte är akut. "
           f"{partner} har erbjudits akut tandvård via folktandvården och kan återkomma med en ny "
           "ansökan om behovet kvarstår efter undersökning. Ansökan avslås därför.")
    L.para(f"Av det kvitto från apoteket som {name} lämnade in den 12 mars framgår kostnader för "
           "receptbelagda läkemedel. Kostnaden ryms inom högkostnadsskyddet och ersätts inom "
           "ramen för normen.")
    L.picture(pharmacy_receipt(name, p1 if False else pnr("19870412", "238", century=True)),
              6.5, "Bild: kvitto från apoteket, inlämnat av sökande 2024-03-12.")
    c.secret(pnr("19870412", "238", century=True), "personnummer", in_image=True)
    c.secret(name, "name", in_image=True)
    phone = "070-174 06 42"
    L.wrapping(c, "phone", phone,
               ["Vi vill påminna om att ni ska meddela förändringar i inkomster och utgifter.",
                "Handläggaren har försökt nå er per telefon vid flera tillfällen under mars.",
                "Planeringen följs upp vid nästa ansökningstillfälle.",
                "Ni uppmanas att fortsätta söka arbete och delta i aktiviteter."],
               f"{name} har uppgett att hon nås enklast på telefonnummer", " dagtid.")
    L.heading("Upplysningar")
    L.para("Du är skyldig att lämna korrekta uppgifter och att anmäla ändrade förhållanden. "
           "Om du har lämnat felaktiga uppgifter kan bistånd som betalats ut felaktigt "
           f"återkrävas enligt 9 kap. {LAWS['sol']}, och förvaltningen kan vara skyldig att "
           f"anmäla misstänkt brott enligt {LAWS['bf']}.")
    L.signature(chef, "Enhetschef, beslutsfattare enligt delegation", "Älvstrand 2024-03-18")
    appeal_and_gdpr(L)
    return c


def utredning() -> Case:
    L = Letter("UTREDNING", "SN 2024/0388", "2024-02-29", "Socialförvaltningen, Barn och familj")
    c = Case("utredning-barn-och-familj", "Utredning enligt 11 kap. 1 § SoL", L.doc)
    child = c.secret("Amir Hosseini", "name")
    mother = c.secret("Leila Hosseini", "name")
    father = c.secret("Reza Karimi", "name")
    teacher = c.secret("Sofia Wallin", "name")
    sibling = c.secret("Yasmin Hosseini", "name")
    pc = c.secret(pnr("20120617", "315"), "personnummer")
    pm = c.secret(pnr("19840201", "426"), "personnummer")
    pf = c.secret(pnr("19800730", "539"), "personnummer")
    ps = c.secret(pnr("20150311", "262"), "personnummer")
    street = c.secret("Björkstigen 4", "address")
    fstreet = c.secret("Sjövägen 33 lgh 1102", "address")
    handl1, handl2 = "Maria Nordin", "Johan Ek"
    municipality_public(c, handl1, handl2, "11 kap. 1 §", LAWS["sol"])
    L.title("Utredning – barn och unga")
    L.lines([("Barn:", f"{child}, {pc}"), ("Vårdnadshavare:", f"{mother}, {pm}"),
             ("Vårdnadshavare:", f"{father}, {pf}"), ("Utredningen inleddes:", "2023-11-02"),
             ("Utredare:", f"{handl1} och {handl2}, socialsekreterare")])
    L.heading("Bakgrund")
    L.para(f"Socialtjänsten inledde utredning den 2 november 2023 efter en orosanmälan från "
           f"{child}s skola. Klassläraren {teacher} anmälde att {child} under hösten haft hög "
           "frånvaro, att han vid flera tillfällen kommit till skolan utan frukost och att han "
           "berättat om bråk i hemmet. Skolan har haft kontakt med vårdnadshavarna och med "
           "elevhälsan. Utredningen har bedrivits enligt 11 kap. 1 § socialtjänstlagen.")
    L.para(f"{child} bor tillsammans med sin mamma {mother} och sin syster {sibling} på "
           f"{street} i Älvstrand. Pappan {father} bor i Sundsvall och har regelbunden "
           "umgänge varannan helg. Föräldrarna har gemensam vårdnad.")
    L.heading("Familjens sammansättning")
    L.table([["Namn", "Personnummer", "Relation", "Adress"],
             [child, pc, "Barnet", f"{street}, Älvstrand"],
             [sibling, ps, "Syster", f"{street}, Älvstrand"],
             [mother, pm, "Mamma", f"{street}, Älvstrand"],
             [father, pf, "Pappa", f"{fstreet}, Sundsvall"]], [4.0, 3.2, 2.5, 6.8])
    L.heading("Utredningens genomförande")
    for t in [
        f"Utredarna har haft fem samtal med {mother}, varav två hembesök, och tre samtal med "
        f"{father}. {child} har haft två enskilda samtal med utredarna, ett i skolan och ett på "
        "socialkontoret. Samtalen med barnet har genomförts med stöd av BBIC-materialet.",
        f"Referenter har varit skolan genom {teacher}, elevhälsan, barnavårdscentralen för "
        f"{sibling}, samt familjens kontakt på vuxenpsykiatrin. Samtycke har inhämtats från "
        "båda vårdnadshavarna innan referenter kontaktades.",
        f"Vid det första hembesöket uppvisade {mother} sitt identitetskort, som utredarna "
        "fotograferade med hennes medgivande för att styrka identiteten inför kontakt med "
        "Försäkringskassan.",
    ]:
        L.para(t)
    L.picture(id_card("HOSSEINI", "LEILA", pnr("19840201", "426", century=True)), 8.0,
              "Bild: kopia av vårdnadshavares identitetskort (fotograferat vid hembesök).")
    c.secret(pnr("19840201", "426", century=True), "personnummer", in_image=True)
    c.secret("HOSSEINI", "name", in_image=True)
    L.heading("Barnets behov")
    for area, text in [
        ("Hälsa", f"{child} är i allmänhet frisk. Han har astma som behandlas med inhalator. "
         "Skolsköterskan har noterat att han ofta är trött och att han tappat i vikt sedan "
         "förra läsåret."),
        ("Utbildning", f"{child} går i årskurs 6. Enligt {teacher} klarar han kunskapskraven i "
         "de flesta ämnen men frånvaron har ökat till 28 procent under höstterminen, varav en "
         "stor del är ogiltig."),
        ("Känslo- och beteendemässig utveckling", f"{child} beskrivs som en omtänksam pojke "
         "som tar stort ansvar för sin lillasyster. I samtal med utredarna berättar han att han "
         "ibland oroar sig för mamma och att han då inte vill gå till skolan."),
        ("Familj och sociala relationer", f"{child} har en nära relation till båda föräldrarna. "
         f"Han uppger att han trivs hos pappa i Sundsvall men saknar sina kompisar när han är där."),
        ("Föräldrarnas förmåga", f"{mother} har under utredningstiden haft en depression och "
         "har sedan januari kontakt med vuxenpsykiatrin. Hon beskriver själv att hon under hösten "
         f"inte orkat med morgnarna. {father} är engagerad men bor långt ifrån skolan."),
    ]:
        L.para(text, label=area + ".")
    phone_m = "070-174 06 17"
    L.wrapping(c, "phone", phone_m,
               ["Familjen har informerats om utredningens resultat vid ett möte den 27 februari.",
                "Mamman har tagit del av utredningen och har inga invändningar.",
                "Pappan har lämnat synpunkter som har förts in i utredningen.",
                "Båda föräldrarna har fått information om möjligheten att överklaga."],
               f"Kontaktuppgifter som {mother} har lämnat: mobiltelefon", ", helst efter kl. 15.")
    mail_f = c.secret("reza.karimi80@hotmail.com", "email")
    L.para(f"{father} vill helst bli kontaktad via e-post på {mail_f} eller på telefon "
           f"{c.secret('070-174 06 23', 'phone')}.")
    L.heading("Bedömning")
    for t in [
        f"Utredarna bedömer att {child} är i behov av stöd för att hans skolgång och hälsa inte "
        "ska ta skada. Risken för att barnet far illa bedöms inte vara så allvarlig att det finns "
        "skäl att överväga åtgärder utan vårdnadshavarnas samtycke. Båda föräldrarna är positiva "
        "till stödinsatser.",
        f"Utredarna föreslår att {child} beviljas en kontaktperson och att familjen erbjuds "
        "familjebehandling i öppenvård. Insatserna bör följas upp efter tre månader genom "
        "samverkansmöte med skolan.",
        "Det finns inga uppgifter som tyder på våld i familjen. Utredarna har frågat båda "
        "vårdnadshavarna och barnet om våld enligt förvaltningens rutin.",
    ]:
        L.para(t)
    L.heading("Förslag till beslut")
    L.para(f"Att bevilja {child} ({pc}) kontaktperson två gånger per månad enligt 4 kap. 1 § "
           f"{LAWS['sol']}, samt att bevilja familjen familjebehandling i öppenvård.")
    L.signature(handl1, "Socialsekreterare")
    L.signature(handl2, "Socialsekreterare", None)
    L.heading("Information om behandling av personuppgifter")
    for t in GDPR:
        L.para(t)
    return c


def lss_beslut() -> Case:
    L = Letter("BESLUT", "SN 2024/0157", "2024-01-22", "Socialförvaltningen, LSS-handläggning")
    c = Case("beslut-lss", "Beslut om insats enligt LSS", L.doc)
    name = c.secret("Oskar Nyberg", "name")
    god = c.secret("Britt-Marie Holm", "name")
    p = c.secret(pnr("19990518", "357"), "personnummer")
    street = c.secret("Lärkgatan 7", "address")
    gstreet = c.secret("Ekbacken 19", "address")
    handl = "Lena Ström"
    municipality_public(c, handl, LAWS["lss"], "9 § 8 LSS", "7 §")
    L.address_block([name, f"c/o {god}", gstreet, "862 40 Älvstrand"],
                    left=["Handläggare", f"{handl}, LSS-handläggare", "Tel 0611-34 83 05"])
    c.pub("0611-34 83 05")
    L.title("Beslut om bostad med särskild service för vuxna")
    L.lines([("Den enskilde:", name), ("Personnummer:", p), ("Ställföreträdare:", f"{god}, god man"),
             ("Folkbokföringsadress:", f"{street}, 862 35 Älvstrand")])
    L.heading("Beslut")
    L.para(f"{name} beviljas bostad med särskild service för vuxna enligt 9 § 9 "
           f"{LAWS['lss']}. Insatsen verkställs i gruppbostaden Tallbacken. Beslutet gäller "
           "tills vidare och följs upp senast 2025-01-31.")
    L.para(f"Ansökan om korttidsvistelse utanför det egna hemmet enligt 9 § 6 LSS avskrivs, "
           f"eftersom {name} efter samtal med handläggaren har återkallat den delen av ansökan.")
    L.heading("Skäl för beslutet")
    for t in [
        f"{name} tillhör personkretsen enligt 1 § 1 LSS. Han har en utvecklingsstörning och "
        "autism, vilket framgår av utlåtande från habiliteringen daterat 2023-09-14. Han bor i "
        "dag tillsammans med sina föräldrar, som har uppgett att de inte längre kan ge det stöd "
        "han behöver dygnet runt.",
        f"Vid hembesök den 11 januari 2024 deltog {name}, hans gode man {god} och föräldrarna. "
        f"{name} har själv uttryckt att han vill flytta hemifrån och bo nära sitt arbete på "
        "daglig verksamhet. Behovet av tillsyn och stöd under dygnets alla timmar kan inte "
        "tillgodoses på annat sätt.",
        "Nämnden bedömer att insatsen tillförsäkrar goda levnadsvillkor enligt 7 § LSS.",
    ]:
        L.para(t)
    L.heading("Ersättning till god man")
    iban = "SE45 5000 0000 0583 9825 7466"
    L.wrapping(c, "iban", iban,
               ["Arvodet till god man beslutas av överförmyndaren och ingår inte i detta beslut.",
                "Ersättning för utlägg betalas ut mot kvitto.",
                "Utlägg för resor ersätts enligt kommunens reseersättning."],
               f"Utlägg i samband med flytten betalas till {god}s konto med IBAN", " senast 30 "
               "dagar efter att kvitton har kommit in.")
    L.table([["Insats", "Lagrum", "Beslut", "Gäller från"],
             ["Bostad med särskild service", "9 § 9 LSS", "Beviljas", "2024-03-01"],
             ["Daglig verksamhet", "9 § 10 LSS", "Pågår", "2018-08-20"],
             ["Korttidsvistelse", "9 § 6 LSS", "Avskrivs", "–"],
             ["Ledsagarservice", "9 § 3 LSS", "Pågår", "2021-05-01"]], [6.0, 3.0, 3.0, 3.5])
    L.signature(handl, "LSS-handläggare", "Älvstrand 2024-01-22")
    appeal_and_gdpr(L)
    return c


def protokoll() -> Case:
    L = Letter("PROTOKOLLSUTDRAG", "SN 2024/0091", "2024-02-14", "Socialnämnden")
    c = Case("protokollsutdrag-socialnamnden", "Protokollsutdrag, socialnämnden", L.doc)
    ordf, sekr, just = "Lars-Göran Eklund", "Eva Sjöberg", "Ingrid Lund"
    municipality_public(c, ordf, sekr, just, "Socialnämnden", LAWS["sol"])
    L.title("Socialnämndens individutskott")
    L.lines([("Sammanträdesdatum:", "2024-02-14"), ("Plats och tid:", "Rådhuset, sal Ljusnan, "
             "kl. 13.00–15.40"), ("Beslutande:", f"{ordf} (S), ordförande; Anders Viklund (M); "
             "Hanna Berglund (C)"), ("Sekreterare:", sekr), ("Justerare:", just + " (V)")])
    c.pub("Anders Viklund", "Hanna Berglund")
    L.heading("§ 14 Ansökan om vård enligt LVU – Dnr SN 2024/0091")
    name = c.secret("Sara Ljungberg", "name")
    p = c.secret(pnr("20090304", "728"), "personnummer")
    mo = c.secret("Camilla Ljungberg", "name")
    pm = c.secret(pnr("19760815", "042"), "personnummer")
    for t in [
        f"Individutskottet behandlar förvaltningens förslag att hos förvaltningsrätten ansöka om "
        f"vård enligt 3 § lagen (1990:52) med särskilda bestämmelser om vård av unga för {name}, "
        f"{p}. Vårdnadshavare är {mo}, {pm}.",
        f"Av utredningen framgår att {name} sedan hösten 2023 vid upprepade tillfällen har "
        "avvikit från hemmet och att hon har påträffats av polis i miljöer där det förekommer "
        "narkotika. Frivilliga insatser har prövats utan att situationen förbättrats.",
        f"{mo} och hennes ombud advokat Karl Dahlström har yttrat sig muntligen vid sammanträdet. "
        "Modern motsätter sig vård men har uppgett att hon är beredd att medverka till fortsatt "
        "öppenvård.",
    ]:
        L.para(t)
    c.pub("Karl Dahlström")  # the mother's lawyer acts in his professional role
    L.heading("Beslut")
    L.para(f"Individutskottet beslutar att ansöka hos förvaltningsrätten om vård enligt 3 § LVU "
           f"för {name}. Beslutet justeras omedelbart.")
    L.heading("§ 15 Återkrav av ekonomiskt bistånd – Dnr SN 2023/1177")
    n2 = c.secret("Patrik Öhman", "name")
    p2 = c.secret(pnr("19710126", "613"), "personnummer")
    s2 = c.secret("Tallvägen 2 A", "address")
    for t in [
        f"{n2}, {p2}, {s2}, Älvstrand, har under perioden mars–oktober 2023 uppburit "
        "ekonomiskt bistånd med sammanlagt 68 240 kronor. Vid kontroll mot "
        "Försäkringskassan har framkommit att han samtidigt haft inkomst av sjukpenning som inte "
        "redovisats i ansökningarna.",
        f"{n2} har beretts tillfälle att yttra sig och har uppgett att han trodde att "
        "sjukpenningen skulle anmälas av Försäkringskassan. Förvaltningen bedömer att han har "
        "lämnat oriktiga uppgifter och att biståndet har utgått felaktigt.",
    ]:
        L.para(t)
    L.table([["Månad", "Utbetalt bistånd", "Ej redovisad inkomst", "Återkrav"],
             ["Mars 2023", "8 530 kr", "6 210 kr", "6 210 kr"],
             ["April 2023", "8 530 kr", "6 210 kr", "6 210 kr"],
             ["Maj 2023", "8 530 kr", "6 410 kr", "6 410 kr"],
             ["Juni 2023", "8 530 kr", "6 410 kr", "6 410 kr"],
             ["Juli 2023", "8 530 kr", "6 410 kr", "6 410 kr"],
             ["Aug–okt 2023", "25 590 kr", "19 230 kr", "19 230 kr"],
             ["Summa", "68 240 kr", "50 880 kr", "50 880 kr"]], [3.5, 4.0, 4.5, 4.0])
    L.heading("Beslut")
    L.para(f"Individutskottet beslutar att återkräva 50 880 kronor av {n2} enligt 9 kap. 1 § "
           f"{LAWS['sol']}, och att anmäla misstänkt bidragsbrott till Polismyndigheten enligt "
           f"6 § {LAWS['bf']}.")
    L.heading("§ 16 Anmälan om delegationsbeslut")
    L.para("Förvaltningen redovisar delegationsbeslut fattade under perioden 2024-01-01 – "
           "2024-01-31 enligt bilaga. Individutskottet lägger redovisningen till handlingarna.")
    L.heading("Justerandes signatur")
    L.table([["Ordförande", "Justerare", "Sekreterare"], [ordf, just, sekr]], [5.5, 5.5, 5.5])
    L.para("Utdragsbestyrkande: Protokollsutdraget överensstämmer med originalet. "
           f"Älvstrand den 15 februari 2024, {sekr}, nämndsekreterare.")
    L.para("Beslutet skickas till: förvaltningsrätten i Härnösand, akten, ekonomienheten.")
    return c


def hr_brev() -> Case:
    L = Letter("BESKED", "KS 2024/0233", "2024-04-05", "Kommunstyrelseförvaltningen, HR-avdelningen")
    c = Case("hr-besked-provanstallning", "Besked om att provanställning upphör", L.doc)
    name = c.secret("Henrik Åberg", "name")
    p = c.secret(pnr("19930707", "493"), "personnummer")
    street = c.secret("Vallmovägen 21", "address")
    hr, chef = "Susanne Bergkvist", "Ola Persson"
    municipality_public(c, hr, chef, LAWS["las"], "6 § anställningsskyddslagen")
    L.address_block([name, street, "862 41 Älvstrand"],
                    left=["HR-specialist", hr, "susanne.bergkvist@alvstrand.se"])
    c.pub("susanne.bergkvist@alvstrand.se")
    L.title("Besked om att provanställning upphör")
    L.lines([("Arbetstagare:", name), ("Personnummer:", p), ("Befattning:", "Undersköterska, "
             "hemtjänsten område Norr"), ("Provanställning från:", "2023-11-06")])
    for t in [
        f"{KOMMUN} lämnar härmed besked enligt 6 § {LAWS['las']} om att din provanställning "
        "inte kommer att övergå i en tillsvidareanställning. Anställningen upphör därför den "
        "5 maj 2024.",
        "Beskedet lämnas minst två veckor före provanställningens upphörande, som lagen kräver. "
        "Du har rätt att begära överläggning med arbetsgivaren om beskedet. Om du är medlem i en "
        "facklig organisation har även den rätt till överläggning.",
        "Arbetsgivaren har vid uppföljningssamtal den 14 februari och den 20 mars tagit upp "
        "frågor om rutiner för läkemedelshantering och dokumentation. Bedömningen är att "
        "förutsättningarna för en fortsatt anställning inte är uppfyllda.",
    ]:
        L.para(t)
    L.heading("Slutlön och semesterersättning")
    L.para("Slutlön, intjänad semesterersättning och eventuell övertidsersättning betalas ut på "
           "ordinarie lönedag den 25 maj 2024. Lönespecifikation skickas till din digitala "
           "brevlåda.")
    iban = "SE72 8000 0832 7912 3456 7890"
    L.wrapping(c, "iban", iban,
               ["Du har meddelat att du flyttar utomlands efter anställningens slut.",
                "Kontakta lönecenter om uppgifterna inte stämmer.",
                "Utbetalningen görs i svenska kronor.",
                "Avdrag för preliminär skatt görs enligt skattetabell."],
               "Enligt din anmälan ska lönen sättas in på ditt konto hos Swedbank med IBAN",
               " från och med maj.")
    acct = "8327-9, 914 254 671-3"
    L.table([["Lönearter", "Period", "Konto", "Belopp"],
             ["Månadslön", "maj 2024 (1–5)", acct, "4 612 kr"],
             ["Semesterersättning", "11 dagar", acct, "12 880 kr"],
             ["OB-tillägg", "april 2024", acct, "2 315 kr"]], [4.0, 3.5, 5.0, 4.0])
    c.secret(acct, "account")
    L.para(f"Har du frågor om beskedet kan du kontakta din chef {chef}, enhetschef hemtjänsten, "
           "eller HR-avdelningen.")
    L.signature(chef, "Enhetschef, hemtjänsten område Norr", "Älvstrand 2024-04-05")
    L.heading("Mottagningsbevis")
    L.para("Jag har tagit emot beskedet (underskriften innebär inte att jag godtar beskedet).")
    L.table([["Datum", "Underskrift", "Namnförtydligande"], ["", "", name]], [4.0, 6.5, 6.0],
            header=True)
    return c


def visselblasare() -> Case:
    L = Letter("SAMMANFATTNING", "KS 2024/0301", "2024-05-02", "Kommunstyrelseförvaltningen, Visselblåsarfunktionen")
    c = Case("visselblasarrapport", "Sammanfattning av visselblåsarrapport", L.doc)
    subj = c.secret("Tomas Wennberg", "name")
    witness = c.secret("Elin Forsberg", "name")
    relative = c.secret("Jonas Wennberg", "name")
    reg = c.secret("KLM 482", "regnr")
    reg2 = c.secret("DKR 19C", "regnr")
    ps = c.secret(pnr("19680422", "153"), "personnummer")
    fn = "Anna-Karin Sved"
    municipality_public(c, fn, LAWS["vissel"], "Visselblåsarfunktionen")
    L.title("Sammanfattning av rapport om missförhållanden")
    L.lines([("Rapport inkom:", "2024-04-08 via visselblåsarkanalen"),
             ("Rapporterande person:", "anonym (uppgift skyddad)"),
             ("Berörd verksamhet:", "Tekniska förvaltningen, fordonsenheten"),
             ("Handläggare:", f"{fn}, utredare visselblåsarfunktionen")])
    L.heading("Rapportens innehåll")
    for t in [
        f"Den rapporterande personen uppger att enhetschefen {subj} vid upprepade tillfällen "
        f"under 2023 och 2024 har använt kommunens fordon för privata resor. Det gäller främst "
        f"servicebilen med registreringsnummer {reg}, som enligt rapporten har stått parkerad "
        "vid en privat fastighet under helger.",
        f"Vidare uppges att {subj} har beställt reservdelar och däck via kommunens avtal med "
        f"leverantören Nordbil AB och låtit montera dem på en privat bil med registreringsnummer "
        f"{reg2}, som ägs av hans bror {relative}.",
        f"Rapporten innehåller fotografier tagna av den rapporterande personen. En kollega, "
        f"{witness}, uppges ha sett fordonet vid fastigheten vid minst två tillfällen.",
    ]:
        L.para(t)
    c.pub("Nordbil AB")
    L.picture(car_photo(reg), 9.0, "Bild 1 ur rapporten: servicebilen, fotograferad 2024-03-16.")
    c.secret(reg, "regnr", in_image=True)
    L.heading("Vidtagna åtgärder")
    L.table([["Datum", "Åtgärd", "Ansvarig"],
             ["2024-04-09", "Bekräftelse av mottagande till rapporterande person", fn],
             ["2024-04-12", "Begäran om körjournaler för fordon " + reg, fn],
             ["2024-04-16", f"Utdrag ur fakturasystemet, leverantör Nordbil AB", fn],
             ["2024-04-23", f"Samtal med {witness}", fn],
             ["2024-04-30", f"Samtal med {subj} ({ps})", fn]], [2.6, 10.0, 3.9])
    L.heading("Iakttagelser")
    for t in [
        f"Körjournalerna för fordon {reg} saknar anteckningar för elva helger under perioden. "
        "Mätarställningen har under dessa helger ökat med mellan 40 och 180 kilometer.",
        f"I fakturasystemet finns två fakturor från Nordbil AB avseende vinterdäck och "
        f"bromsskivor som inte passar något av kommunens fordon. Enligt leverantörens "
        f"arbetsorder monterades delarna på fordon {reg2}.",
        f"{subj} har i samtal bekräftat att han vid några tillfällen tagit hem servicebilen för "
        "att kunna rycka ut vid larm, men förnekar att han använt bilen privat. Han har uppgett "
        "att däcken beställts av misstag och att han avsåg att betala för dem.",
    ]:
        L.para(t)
    mail = "tomas.wennberg68@gmail.com"
    c.secret(mail, "email")
    L.para(f"Under utredningen framkom att beställningarna gjordes från en privat e-postadress, "
           f"{mail}, och inte från den funktionsbrevlåda som enheten ska använda.")
    L.heading("Bedömning och fortsatt hantering")
    for t in [
        "Visselblåsarfunktionen bedömer att rapporten avser missförhållanden av allmänintresse "
        f"enligt {LAWS['vissel']}. Uppgifterna har i huvudsak styrkts av underlaget.",
        "Ärendet överlämnas till kommundirektören för ställningstagande till arbetsrättsliga "
        "åtgärder och till eventuell polisanmälan. Den rapporterande personens identitet röjs "
        "inte i det fortsatta arbetet.",
        "Rapporterande person har fått återkoppling om vilka åtgärder som vidtagits.",
    ]:
        L.para(t)
    L.signature(fn, "Utredare, visselblåsarfunktionen", "Älvstrand 2024-05-02")
    return c


def tips() -> Case:
    L = Letter("TJÄNSTEANTECKNING", "SN 2024/0520", "2024-04-15", "Socialförvaltningen, Kontrollenheten")
    c = Case("tips-felaktiga-utbetalningar", "Tips om felaktiga utbetalningar", L.doc)
    subj = c.secret("Nadia Karlsson", "name")
    ps = c.secret(pnr("19900611", "286"), "personnummer")
    tipster = c.secret("Göran Pettersson", "name")
    partner = c.secret("Daniel Strand", "name")
    street = c.secret("Hagvägen 8", "address")
    reg = c.secret("XYZ 738", "regnr")
    kontroll = "Mats Höglund"
    municipality_public(c, kontroll, LAWS["bf"], "Kontrollenheten")
    L.title("Tips om misstänkt felaktig utbetalning")
    L.lines([("Tipset inkom:", "2024-04-11, telefon till kontaktcenter"),
             ("Avser:", f"{subj}, {ps}"), ("Adress:", f"{street}, 862 36 Älvstrand"),
             ("Mottaget av:", f"{kontroll}, kontrollant")])
    L.heading("Uppgiftslämnaren")
    tmail = "goran.pettersson54@telia.com"
    tphone = "070-174 06 88"
    L.table([["Namn", "Telefon", "E-post", "Vill vara anonym"],
             [tipster, tphone, tmail, "Nej"]], [4.0, 3.0, 2.6, 3.0])
    c.secret(tphone, "phone")
    c.secret(tmail, "email", wrap_planned=True)
    L.heading("Tipsets innehåll")
    for t in [
        f"Uppgiftslämnaren {tipster} uppger att han är granne med {subj} och att hennes sambo "
        f"{partner} sedan ett år tillbaka bor i lägenheten på {street}, trots att hon uppger sig "
        "vara ensamstående i ansökningarna om ekonomiskt bistånd och bostadsbidrag.",
        f"Enligt {tipster} står {partner}s bil, med registreringsnummer {reg}, parkerad utanför "
        "huset varje natt. Han uppger också att {partner} arbetar svart som hantverkare och "
        "tar betalt kontant.".replace("{partner}", partner),
        f"{tipster} har lämnat en bild på en hyresavi som han uppger legat i ett gemensamt "
        "soprum. Av hyresavin framgår hyresgästens namn och adress.",
    ]:
        L.para(t)
    L.picture(rent_notice(subj, f"{street}, Älvstrand"), 8.5,
              "Bild: hyresavi, bifogad av uppgiftslämnaren.")
    c.secret(subj, "name", in_image=True)
    c.secret(street, "address", in_image=True)
    L.heading("Kontroller")
    ps12 = pnr("19900611", "286", century=True)
    L.table([["Register", "Sökt på", "Resultat"],
             ["Folkbokföringen (SPAR)", ps12, f"Ensam folkbokförd på {street}"],
             ["Folkbokföringen (SPAR)", partner, "Folkbokförd i Sundsvall"],
             ["Vägtrafikregistret", reg, f"Ägare: {partner}"],
             ["Försäkringskassan", ps12, "Bostadsbidrag 3 120 kr/mån"]], [4.5, 2.1, 9.9])
    c.secret(ps12, "personnummer", wrap_planned=True)
    wphone = "070-174 06 71"
    L.wrapping(c, "phone", wphone,
               ["Kontrollanten har inte kontaktat den berörda personen ännu.",
                "Tipset har registrerats i ärendehanteringssystemet.",
                "Uppgifterna ska hanteras med sekretess.",
                "Underlaget har sparats i akten."],
               f"I ansökan från mars har {subj} angett telefonnumret", " som sitt enda nummer.")
    L.heading("Bedömning")
    L.para("Uppgifterna i tipset är konkreta och delvis styrkta genom registerkontroller. "
           "Kontrollenheten föreslår att ärendet utreds vidare och att hembesök genomförs. Om "
           f"misstanken kvarstår ska anmälan göras enligt 6 § {LAWS['bf']}.")
    L.signature(kontroll, "Kontrollant, kontrollenheten", "Älvstrand 2024-04-15")
    return c


def utbetalning() -> Case:
    L = Letter("UTBETALNINGSSPECIFIKATION", "SN 2024/0612", "2024-05-24", "Socialförvaltningen, Ekonomienheten")
    c = Case("utbetalningsspecifikation", "Utbetalningsspecifikation", L.doc)
    name = c.secret("Eva Marklund", "name")
    p = c.secret(pnr("19620129", "348"), "personnummer")
    street = c.secret("Skolgatan 15", "address")
    acct = c.secret("8327-9, 914 254 671-3".replace("914 254 671-3", "442 018 773-5"), "account")
    iban = c.secret("SE35 8000 0832 7944 2018 7735", "iban")
    mail = c.secret("eva.marklund@hotmail.se", "email")
    ekon = "Kristina Olsson"
    municipality_public(c, ekon, "Ekonomienheten", BANKGIRO)
    L.address_block([name, street, "862 31 Älvstrand"],
                    left=["Ekonomienheten", ekon, "Tel 0611-34 80 92"])
    c.pub("0611-34 80 92")
    L.title("Utbetalningsspecifikation – maj 2024")
    L.lines([("Betalningsmottagare:", name), ("Personnummer:", p),
             ("Utbetalningskonto:", acct), ("Betalningsdag:", "2024-05-27")])
    L.table([["Ver.nr", "Avser", "Beslut", "Konto", "Belopp"],
             ["240511", "Arvode familjehem, maj", "SN 2023/0877", acct, "14 250,00"],
             ["240512", "Omkostnadsersättning", "SN 2023/0877", acct, "6 980,00"],
             ["240513", "Resor, 412 km", "SN 2023/0877", acct, "1 030,00"],
             ["240514", "Kläder och utrustning", "SN 2024/0188", acct, "2 400,00"],
             ["240515", "Avdrag preliminär skatt", "", "", "-4 275,00"],
             ["", "Summa att utbetala", "", "", "20 385,00"]], [2.0, 4.5, 2.8, 4.6, 2.6])
    L.heading("Kontouppgifter")
    L.para(f"Utbetalningen sker till det konto som {name} anmält på blanketten "
           "Kontoanmälan familjehem. En skärmbild från internetbanken bifogades anmälan.")
    L.picture(bank_statement(name, acct, iban), 10.0, "Bild: skärmbild bifogad kontoanmälan.")
    for s in (name, acct, iban):
        c.secret(s, {name: "name", acct: "account", iban: "iban"}[s], in_image=True)
    L.wrapping(c, "account", acct,
               ["Ersättningen avser uppdrag som familjehem enligt avtal.",
                "Arvodet är skattepliktigt och pensionsgrundande.",
                "Omkostnadsersättningen är skattefri.",
                "Kontrolluppgift lämnas till Skatteverket i januari."],
               "Utbetalningen görs till Swedbank, clearing- och kontonummer", ".")
    L.heading("Frågor")
    L.para(f"Frågor om specifikationen besvaras av {ekon}, ekonomienheten. Ändringar av "
           "kontouppgifter ska göras skriftligen på blankett och kan inte tas emot per telefon.")
    L.table([["Kontaktuppgift", "Uppgift i registret"],
             ["E-post (familjehem)", mail],
             ["Telefon", c.secret("070-174 06 55", "phone")],
             ["Adress", f"{street}, 862 31 Älvstrand"]], [5.0, 3.1])
    c.secret(mail, "email", wrap_planned=True)
    L.heading("Skatt")
    L.para("Arvodet beskattas som inkomst av tjänst. Preliminär skatt har dragits enligt "
           "tabell 33, kolumn 1. Omkostnadsersättningen är skattefri upp till de belopp som "
           "Sveriges Kommuner och Regioner rekommenderar.")
    L.para(f"Har du frågor om din skattetabell kan du kontakta Skatteverket. Kommunens "
           f"organisationsnummer är {ORGNR} och kontrolluppgift lämnas under det numret.")
    L.signature(ekon, "Ekonomiassistent", "Älvstrand 2024-05-24")
    return c


BUILDERS = [ekonomiskt_bistand, utredning, lss_beslut, protokoll, hr_brev, visselblasare, tips,
            utbetalning]
SCANNED = {"beslut-ekonomiskt-bistand": 0.8, "protokollsutdrag-socialnamnden": -1.2,
           "tips-felaktiga-utbetalningar": 1.4}


# --------------------------------------------------------------------------------------------
# Export, wrap check, scanning
# --------------------------------------------------------------------------------------------

def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def wrap_split(layout: str, secret: str) -> list[str] | None:
    """Where `pdftotext -layout` shows `secret` split over two consecutive lines: the end of one
    line's text (or of one table column's) is the head of the secret and the next line's text
    (or column's) starts with the rest. Returns the two parts as written in `secret`."""
    lines = layout.splitlines()
    target = squash(secret)
    for a, b in zip(lines, lines[1:]):
        ends = [squash(a.strip())] + [squash(x) for x in re.split(r"\s{2,}", a)]
        starts = [squash(b.strip())] + [squash(x) for x in re.split(r"\s{2,}", b)]
        for cut in range(1, len(target)):
            head, tail = target[:cut], target[cut:]
            if any(e.endswith(head) for e in ends) and any(t.startswith(tail) for t in starts):
                # map the cut back onto the secret as written
                seen = 0
                for i, ch in enumerate(secret):
                    if not ch.isspace():
                        seen += 1
                    if seen == cut:
                        return [secret[:i + 1].strip(), secret[i + 1:].strip()]
    return None


def scan(pdf: Path, out: Path, angle: float, seed: int) -> None:
    import img2pdf
    rnd = random.Random(seed)
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdftoppm", "-r", "150", "-gray", "-png", str(pdf), f"{tmp}/p"],
                       check=True)
        jpegs = []
        for png in sorted(Path(tmp).glob("p-*.png")):
            img = Image.open(png).convert("L")
            w, h = img.size
            img = img.rotate(angle + rnd.uniform(-0.2, 0.2), resample=Image.BICUBIC,
                             expand=False, fillcolor=235)
            img = img.filter(ImageFilter.GaussianBlur(0.6))
            img = Image.blend(img, Image.effect_noise((w, h), 40), 0.08)
            # paper tone: nothing pure white on a scanner
            img = img.point(lambda v: int(18 + v * 0.9))
            buf = io.BytesIO()
            img.save(buf, "JPEG", quality=55, dpi=(150, 150))
            jpegs.append(buf.getvalue())
        layout = img2pdf.get_fixed_dpi_layout_fun((150, 150))
        out.write_bytes(img2pdf.convert(jpegs, layout_fun=layout))


def page_count(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    return int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.M).group(1))


def main() -> None:
    # --manifest-only: rewrite manifest.json from the committed PDFs (no LibreOffice run)
    manifest_only = "--manifest-only" in sys.argv[1:]
    if not manifest_only and not shutil.which("soffice"):
        sys.exit("soffice missing: apt-get install -y --no-install-recommends "
                 "libreoffice-writer-nogui")
    cases = [b() for b in BUILDERS]
    entries = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for case in cases:
            case.doc.core_properties.author = "Socialförvaltningen"
            case.doc.core_properties.title = case.title
            case.doc.save(tmp / f"{case.stem}.docx")
        if not manifest_only:
            subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp}/lo",
                            "--convert-to", "pdf", "--outdir", str(tmp)]
                           + [str(tmp / f"{c.stem}.docx") for c in cases],
                           check=True, stdout=subprocess.DEVNULL)
        for case in cases:
            pdf = HERE / f"{case.stem}.pdf"
            if not manifest_only:
                shutil.copyfile(tmp / f"{case.stem}.pdf", pdf)
            layout = subprocess.run(["pdftotext", "-layout", str(pdf), "-"],
                                    capture_output=True, text=True, check=True).stdout
            for s in case.secrets:
                # every secret is looked for, planned or not: LibreOffice wraps others by chance
                s.wrap_parts = wrap_split(layout, s.text)
                s.wraps = s.wrap_parts is not None
                if s.wrap_planned or s.wraps:
                    print(f"{case.stem}: {s.text!r} wraps: {s.wrap_parts}"
                          + ("" if s.wrap_planned else " (not planned)"))
            pages = page_count(pdf)
            entries.append((case, pdf.name, pages, False))
            if case.stem in SCANNED:
                spdf = HERE / f"{case.stem}-skannad.pdf"
                if not manifest_only:
                    scan(pdf, spdf, SCANNED[case.stem], len(entries))
                entries.append((case, spdf.name, pages, True))
    files = []
    for case, name, pages, scanned in entries:
        files.append({
            "name": name,
            "title": case.title,
            "source": "docx via LibreOffice" + (", printed and scanned (image-only)" if scanned else ""),
            "pages": pages,
            "scanned": scanned,
            "secrets": [s.as_json(scanned) for s in case.secrets],
            "public": case.public,
        })
    manifest = {
        "schema": "lantero.realistic-corpus/v1",
        "note": "Fictional people and municipality. secrets: must be unreadable after redaction; "
                "public: should stay readable. 'wraps' means pdftotext -layout showed the line "
                "breaking inside the string.",
        "files": files,
    }
    (HERE / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n")
    for _, name, pages, _ in entries:
        print(f"{name}: {pages} pages, {(HERE / name).stat().st_size // 1024} kB")


if __name__ == "__main__":
    main()
