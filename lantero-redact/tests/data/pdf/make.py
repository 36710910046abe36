#!/usr/bin/env python3
"""Writes the small test PDFs in this folder by hand (standard library only).

Run from anywhere: `python3 lantero-redact/tests/data/pdf/make.py`. The outputs are committed, so
the Rust tests do not need Python; re-run this script only when a file below must change. Every
file is deterministic (no dates, fixed IDs), so re-running it produces identical bytes.

Files:
  text_multipage.pdf  three pages of Swedish text in Helvetica (WinAnsi: å ä ö Å Ä Ö é)
  geometry.pdf        four pages: /Rotate 90, 180, 270, and a CropBox that does not start at 0,0
  colour.pdf          text with a red rectangle and blue text
  annotated.pdf       page text plus an annotation and a filled-in form field, both with visible
                      appearance streams whose text is NOT part of the page text
  encrypted.pdf       RC4 40-bit standard security handler, user password "hemligt"
  damaged.pdf         text_multipage.pdf cut off before its catalog and page tree
  not_a_pdf.pdf       plain text with a .pdf name
  empty.pdf           zero bytes
  fifty_pages.pdf     fifty dense A4 text pages (Flate-compressed content) for the benchmark
"""

import hashlib
import os
import struct
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
A4 = (595, 842)


def pdf_string(text):
    """A literal PDF string in WinAnsi (= Latin-1 for the characters used here)."""
    raw = text.encode("cp1252")
    out = bytearray(b"(")
    for byte in raw:
        if byte in b"\\()":
            out += b"\\" + bytes([byte])
        elif byte < 32 or byte > 126:
            out += b"\\%03o" % byte
        else:
            out.append(byte)
    out += b")"
    return bytes(out)


class Pdf:
    """A minimal PDF writer: objects are written in the order they are set."""

    def __init__(self):
        self.next_id = 1
        self.bodies = {}
        self.order = []

    def reserve(self):
        oid = self.next_id
        self.next_id += 1
        return oid

    def set(self, oid, body):
        if isinstance(body, str):
            body = body.encode("latin-1")
        self.bodies[oid] = body
        self.order.append(oid)
        return oid

    def add(self, body):
        return self.set(self.reserve(), body)

    def stream(self, dict_entries, data, compress=False, oid=None):
        if compress:
            data = zlib.compress(data, 9)
            dict_entries += " /Filter /FlateDecode"
        body = b"<< " + dict_entries.encode("latin-1") + b" /Length %d >>\nstream\n" % len(data)
        body += data + b"\nendstream"
        return self.set(oid if oid is not None else self.reserve(), body)

    def serialise(self, root, extra_trailer="", encrypt=None):
        out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
        offsets = {}
        for oid in self.order:
            body = self.bodies[oid]
            if encrypt is not None and oid != encrypt.dict_id:
                body = encrypt.encrypt_object(oid, body)
            offsets[oid] = len(out)
            out += b"%d 0 obj\n" % oid + body + b"\nendobj\n"
        xref = len(out)
        size = self.next_id
        out += b"xref\n0 %d\n0000000000 65535 f \n" % size
        for oid in range(1, size):
            out += b"%010d 00000 n \n" % offsets[oid]
        trailer = "<< /Size %d /Root %d 0 R %s >>" % (size, root, extra_trailer)
        out += b"trailer\n" + trailer.encode("latin-1") + b"\nstartxref\n%d\n%%%%EOF\n" % xref
        return bytes(out)


def text_content(lines, size=11, top=770, left=72, leading=15, colour=None):
    ops = ["BT", "/F1 %d Tf" % size, "%d TL" % leading, "%d %d Td" % (left, top)]
    if colour:
        ops.insert(1, "%g %g %g rg" % colour)
    for index, line in enumerate(lines):
        if index:
            ops.append("T*")
        ops.append(pdf_string(line).decode("latin-1") + " Tj")
    ops.append("ET")
    return "\n".join(ops) + "\n"


def helvetica(pdf):
    return pdf.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")


def simple_document(pages, compress=False, page_extra=None, catalog_extra="", encrypt=None):
    """pages: list of (content, page-dict extra entries). Catalog and page tree are written last."""
    pdf = Pdf()
    font = helvetica(pdf)
    pages_id = pdf.reserve()
    kids = []
    page_bodies = []
    for index, (content, extra) in enumerate(pages):
        content_id = pdf.stream("", content.encode("latin-1"), compress=compress)
        page_id = pdf.reserve()
        more = extra
        if page_extra:
            more += " " + page_extra(pdf, index)
        page_bodies.append((page_id, "<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %d %d] "
                                     "/Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R %s >>"
                            % (pages_id, A4[0], A4[1], font, content_id, more)))
        kids.append(page_id)
    for page_id, body in page_bodies:
        pdf.set(page_id, body)
    pdf.set(pages_id, "<< /Type /Pages /Kids [%s] /Count %d >>"
            % (" ".join("%d 0 R" % k for k in kids), len(kids)))
    catalog = pdf.add("<< /Type /Catalog /Pages %d 0 R %s >>" % (pages_id, catalog_extra))
    return pdf, catalog


PAGE_ONE = [
    "Beslut om ekonomiskt bistånd",
    "Sökande: Anna Svensson, personnummer 19121212-1212",
    "Adress: Storgatan 12, 123 45 Ålstad",
    "Handläggare: Åsa Öberg, telefon 070-123 45 67",
    "Ärendet gäller Ängelholms kommun och Café Élise.",
    "Utbetalning till bankgiro 5050-1055 den 3 mars.",
]
PAGE_TWO = [
    "Utredning",
    "Anna Svensson har ansökt om bistånd för hyra.",
    "Svenssons hyresvärd är Östra Bostäder AB.",
    "ÅÄÖ åäö é – slut på raden.",
]
PAGE_THREE = ["Sida tre", "Beslutet kan överklagas till förvaltningsrätten."]


def write(name, data):
    with open(os.path.join(HERE, name), "wb") as handle:
        handle.write(data)


def make_text_multipage():
    pages = [(text_content(lines), "") for lines in (PAGE_ONE, PAGE_TWO, PAGE_THREE)]
    pdf, catalog = simple_document(pages)
    data = pdf.serialise(catalog)
    write("text_multipage.pdf", data)
    return data


def make_damaged(intact):
    # Cut inside the page objects, before the page tree and catalog at the end: unrecoverable.
    cut = intact.index(b"/Type /Pages")
    write("damaged.pdf", intact[: cut - 40])


def make_geometry():
    lines = ["Roterad sida: Anna Svensson", "Andra raden 19121212-1212"]
    pages = [
        (text_content(lines, size=14), "/Rotate 90"),
        (text_content(lines, size=14), "/Rotate 180"),
        (text_content(lines, size=14), "/Rotate 270"),
        # The crop box cuts 50 pt off the left and 100 pt off the bottom.
        (text_content(lines, size=14, top=600, left=120), "/CropBox [50 100 545 842]"),
    ]
    pdf, catalog = simple_document(pages)
    write("geometry.pdf", pdf.serialise(catalog))


def make_colour():
    content = "1 0 0 rg 72 500 200 100 re f\n" + text_content(PAGE_ONE[:3]) + text_content(
        ["Blå text: Anna Svensson"], top=450, colour=(0, 0, 1))
    pdf, catalog = simple_document([(content, "")])
    write("colour.pdf", pdf.serialise(catalog))


def make_annotated():
    pdf = Pdf()
    font = helvetica(pdf)
    pages_id = pdf.reserve()
    content_id = pdf.stream("", text_content(["Synlig text på sidan."]).encode("latin-1"))
    ap_note = pdf.stream(
        "/Type /XObject /Subtype /Form /BBox [0 0 300 40] /Resources << /Font << /F1 %d 0 R >> >>" % font,
        text_content(["DOLD ANTECKNING 19121212-1212"], size=14, top=15, left=5).encode("latin-1"))
    ap_field = pdf.stream(
        "/Type /XObject /Subtype /Form /BBox [0 0 300 30] /Resources << /Font << /F1 %d 0 R >> >>" % font,
        ("/Tx BMC\n" + text_content(["Anna Svensson"], size=14, top=10, left=5) + "EMC\n").encode("latin-1"))
    page_id = pdf.reserve()
    note = pdf.add("<< /Type /Annot /Subtype /FreeText /Rect [72 600 372 640] /Contents %s "
                   "/DA (/F1 14 Tf 0 g) /P %d 0 R /AP << /N %d 0 R >> >>"
                   % (pdf_string("DOLD ANTECKNING 19121212-1212").decode("latin-1"), page_id, ap_note))
    field = pdf.add("<< /Type /Annot /Subtype /Widget /FT /Tx /T (namn) /V (Anna Svensson) "
                    "/Rect [72 500 372 530] /DA (/F1 14 Tf 0 g) /P %d 0 R /AP << /N %d 0 R >> >>"
                    % (page_id, ap_field))
    pdf.set(page_id, "<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %d %d] /Resources << /Font << /F1 %d 0 R >> >> "
                     "/Contents %d 0 R /Annots [%d 0 R %d 0 R] >>"
            % (pages_id, A4[0], A4[1], font, content_id, note, field))
    pdf.set(pages_id, "<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % page_id)
    catalog = pdf.add("<< /Type /Catalog /Pages %d 0 R /AcroForm << /Fields [%d 0 R] "
                      "/DA (/F1 14 Tf 0 g) /DR << /Font << /F1 %d 0 R >> >> >> >>"
                      % (pages_id, field, font))
    write("annotated.pdf", pdf.serialise(catalog))


PADDING = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")


def rc4(key, data):
    state = list(range(256))
    j = 0
    for i in range(256):
        j = (j + state[i] + key[i % len(key)]) % 256
        state[i], state[j] = state[j], state[i]
    i = j = 0
    out = bytearray()
    for byte in data:
        i = (i + 1) % 256
        j = (j + state[i]) % 256
        state[i], state[j] = state[j], state[i]
        out.append(byte ^ state[(state[i] + state[j]) % 256])
    return bytes(out)


class Rc4Security:
    """PDF standard security handler, revision 2 (RC4, 40-bit key)."""

    def __init__(self, user, owner, doc_id, permissions=-4):
        padded = lambda pw: (pw.encode("latin-1") + PADDING)[:32]
        self.owner_entry = rc4(hashlib.md5(padded(owner)).digest()[:5], padded(user))
        digest = hashlib.md5(padded(user) + self.owner_entry + struct.pack("<i", permissions) + doc_id)
        self.key = digest.digest()[:5]
        self.user_entry = rc4(self.key, PADDING)
        self.permissions = permissions
        self.dict_id = None

    def encrypt_object(self, oid, body):
        key = hashlib.md5(self.key + struct.pack("<I", oid)[:3] + b"\x00\x00").digest()[:10]
        if b"stream\n" not in body:
            return body  # the test file keeps no strings outside streams
        head, rest = body.split(b"stream\n", 1)
        data = rest[: rest.rindex(b"\nendstream")]
        return head + b"stream\n" + rc4(key, data) + b"\nendstream"

    def dictionary(self):
        return ("<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P %d >>"
                % (self.owner_entry.hex(), self.user_entry.hex(), self.permissions))


def make_encrypted():
    doc_id = hashlib.md5(b"lantero encrypted test").digest()
    security = Rc4Security("hemligt", "agare", doc_id)
    pdf, catalog = simple_document([(text_content(PAGE_ONE), "")])
    security.dict_id = pdf.add(security.dictionary())
    trailer = "/Encrypt %d 0 R /ID [<%s> <%s>]" % (security.dict_id, doc_id.hex(), doc_id.hex())
    write("encrypted.pdf", pdf.serialise(catalog, trailer, encrypt=security))


FIRST = ["Anna", "Erik", "Åsa", "Lars", "Märta", "Öjvind", "Karin", "Johan"]
LAST = ["Svensson", "Öberg", "Lindqvist", "Ekström", "Nilsson", "Åkesson"]
WORDS = ("beslut ansökan bistånd handläggare utredning kommunen nämnden hyra boende försörjning "
         "underlag inkomst arbete barn skola vård omsorg insats tidigare ärende bedömning").split()


def make_fifty_pages():
    pages = []
    state = 12345
    for page in range(50):
        lines = ["Sida %d av 50 - Socialnämnden, dnr SN 2024/%04d" % (page + 1, page + 17)]
        for line in range(48):
            words = []
            for _ in range(10):
                state = (state * 1103515245 + 12345) % (2 ** 31)
                words.append(WORDS[state % len(WORDS)])
            if line % 6 == 2:
                person = "%s %s" % (FIRST[(page + line) % len(FIRST)], LAST[(page * 3 + line) % len(LAST)])
                words[3:5] = [person, "(19121212-1212)"]
            sentence = " ".join(words)
            lines.append(sentence[0].upper() + sentence[1:] + ".")
        pages.append((text_content(lines, size=10, top=800, left=50, leading=15.5), ""))
    pdf, catalog = simple_document(pages, compress=True)
    write("fifty_pages.pdf", pdf.serialise(catalog))


def main():
    intact = make_text_multipage()
    make_damaged(intact)
    make_geometry()
    make_colour()
    make_annotated()
    make_encrypted()
    make_fifty_pages()
    write("not_a_pdf.pdf", "Det här är ingen PDF, bara text med fel filändelse.\n".encode("utf-8"))
    write("empty.pdf", b"")


if __name__ == "__main__":
    main()
