"""Cases where visible personal data is hard to read from the text layer: rotated pages and
text, a font whose codes lie, glyphs split apart, a line break, a scan."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

import strokefont
from case import Case, person
from pages import Doc, body, gray_image, personnummer, read_pgm, text_lines
from pdfsyntax import text


def rotated_pages() -> Case:
    people = [
        person("Ulla Persson", "19560720", "217"),
        person("Erik Nord", "19730909", "669"),
        person("Maja Lind", "19991231", "124"),
    ]
    turned = person("Gustav Öst", "19880101", "235")
    doc = Doc("rotated-pages")
    doc.page(body(people[0], "Testfall: sidan roterad 90°"), Rotate=90)
    doc.page(body(people[1], "Testfall: sidan roterad 270°"), Rotate=270)
    slanted = (
        body(people[2], "Testfall: roterad textmatris")
        + b"BT /F1 12 Tf 0 1 -1 0 120 300 Tm " + text(f"{turned.name} {turned.pnr}") + b" Tj ET\n"
        + b"BT /F1 12 Tf 0.7071 0.7071 -0.7071 0.7071 250 250 Tm "
        + text(f"Kontakt: {turned.pnr}") + b" Tj ET\n"
    )
    doc.page(slanted)
    visible = [s for p in people for s in p.secrets] + turned.secrets
    return Case("rotated-pages.pdf",
                "page /Rotate 90, page /Rotate 270, and a page whose text matrix turns text by "
                "90° and 45°",
                doc.build()[0], 3, visible, [])



def font_without_tounicode() -> Case:
    shown = person("Ahmed Yusuf", "19940202", "882")
    ciphered = personnummer("19811218", "987")
    doc = Doc("font-without-tounicode")
    font = strokefont.add_font(doc.pdf)
    content = (
        body(shown, "Testfall: typsnitt utan ToUnicode")
        + text_lines(72, 620, ["Medsökandes personnummer:"])
        + b"BT /F3 16 Tf 250 620 Td " + text(strokefont.encode(ciphered).decode()) + b" Tj ET\n"
    )
    doc.page(content, {"Font": {"F3": font}})
    return Case("font-without-tounicode.pdf",
                "a personnummer drawn in a Type3 font with no ToUnicode map whose character "
                "codes and glyph names are other letters: the text layer reads "
                f"{strokefont.extracted(ciphered)!r}, only the pixels show the number",
                doc.build()[0], 1, shown.secrets + [ciphered], [], ocr_only=[ciphered])



def split_glyphs() -> Case:
    shown = person("Tove Lindgren", "19771231", "664")
    per_glyph = personnummer("19730909", "667")
    kerned = personnummer("19601010", "223")
    spaced = personnummer("19550607", "113")
    reversed_order = personnummer("19881130", "335")
    doc = Doc("split-glyphs")
    ops = [body(shown, "Testfall: uppdelade tecken")]
    labels = ["Var för sig:", "Kerning:", "Teckenavstånd:", "Omvänd ordning:"]
    ops.append(text_lines(72, 620, labels,
                          leading=24))
    x = 200.0
    ops.append(b"BT /F1 11 Tf")
    for char in per_glyph:  # every glyph its own positioned show
        ops.append(b"1 0 0 1 %.2f 620 Tm " % x + text(char) + b" Tj")
        x += 6.116 if char.isdigit() else 3.663
    ops.append(b"ET")
    kerned_parts = b" ".join(text(c) + b" -40" for c in kerned)
    ops.append(b"BT /F1 11 Tf 200 596 Td [" + kerned_parts + b"] TJ ET")
    ops.append(b"BT /F1 11 Tf 1.5 Tc 200 572 Td " + text(spaced) + b" Tj 0 Tc ET")
    # Drawn right to left: the content stream holds the glyphs in reverse reading order.
    positions, x = [], 200.0
    for char in reversed_order:
        positions.append((x, char))
        x += 6.116 if char.isdigit() else 3.663
    ops.append(b"BT /F1 11 Tf")
    for x, char in reversed(positions):
        ops.append(b"1 0 0 1 %.2f 548 Tm " % x + text(char) + b" Tj")
    ops.append(b"ET\n")
    doc.page(b"\n".join(ops))
    return Case("split-glyphs.pdf",
                "personnummer split into glyphs: one Tj per digit, TJ with kerning between "
                "digits, extra character spacing (Tc), and digits written in reverse order",
                doc.build()[0], 1, shown.secrets + [per_glyph, kerned, spaced, reversed_order], [])



def line_break() -> Case:
    shown = person("Hanna Berglund", "19940202", "883")
    broken = personnummer("19450808", "445")
    first, rest = broken[:7], broken[7:]
    doc = Doc("line-break")
    content = body(shown, "Testfall: radbrytning") + text_lines(72, 600, [
        f"Ärendet har tidigare handlagts för Gunnar Holmqvist, personnummer {first}",
        f"{rest}, som då var bosatt i Lillby. Gunnar",
        "Holmqvist har flyttat.",
    ])
    doc.page(content)
    return Case("line-break.pdf",
                "a personnummer and a name each broken over two lines",
                doc.build()[0], 1, shown.secrets + [broken, "Gunnar Holmqvist"], [],
                notes="The secrets are the joined strings; on the page a line break separates "
                      f"{first!r} from {rest!r}, and 'Gunnar' from 'Holmqvist'.")



def scanned_page() -> Case:
    shown = person("Viktor Engström", "19680312", "449")
    source = Doc("scanned-source")
    source.page(body(shown, "Testfall: inskannad sida utan textlager", y=800))
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "source.pdf"
        pdf.write_bytes(source.build()[0])
        subprocess.run(["pdftoppm", "-gray", "-r", "150", "-x", "0", "-y", "0", "-W", "1240",
                        "-H", "300", "-singlefile", str(pdf), str(Path(tmp) / "scan")],
                       check=True, capture_output=True)
        width, height, samples = read_pgm((Path(tmp) / "scan.pgm").read_bytes())
    doc = Doc("scanned-page")
    image = gray_image(doc.pdf, width, height, samples)
    points_w, points_h = width * 72 / 150, height * 72 / 150
    doc.page(b"q %.2f 0 0 %.2f 0 %.2f cm /Scan Do Q\n" % (points_w, points_h, 842 - points_h),
             {"XObject": {"Scan": image}})
    return Case("scanned-page.pdf",
                "a scanned page: one 150 dpi greyscale image and no text layer at all",
                doc.build()[0], 1, shown.secrets, [], ocr_only=shown.secrets)
