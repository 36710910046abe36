"""Cases that hide text in the page content itself: under an image, in white, invisible,
tiny, off the page, or in a layer that is switched off."""

from __future__ import annotations

from case import Case, person
from pages import Doc, body, solid_image, text_lines
from pdfsyntax import Name, text


def text_under_image() -> Case:
    shown = person("Karin Lindqvist", "19811218", "987")
    hidden = person("Maria Holm", "19850101", "456", century=True)
    doc = Doc("text-under-image")
    image = solid_image(doc.pdf, (120, 160, 200))
    content = (
        body(shown, "Testfall: text under en bild")
        + text_lines(80, 560, [f"Skyddad identitet: {hidden.name}, {hidden.pnr}"], size=12)
        + b"q 440 0 0 80 70 530 cm /Im1 Do Q\n"
    )
    doc.page(content, {"XObject": {"Im1": image}})
    return Case("text-under-image.pdf", "text drawn first, then an opaque image XObject over it",
                doc.build()[0], 1, shown.secrets, hidden.secrets)



def white_text() -> Case:
    shown = person("Johan Bergström", "19630514", "238")
    hidden = person("Sven Olofsson", "19550607", "112")
    doc = Doc("white-text")
    content = (
        body(shown, "Testfall: vit text på vit botten")
        + b"1 1 1 rg\n"
        + text_lines(72, 600, [f"Anmälare: {hidden.name}, personnummer {hidden.pnr}"])
        + b"1 1 1 rg 70 480 300 40 re f 1 1 1 rg\n"
        + text_lines(80, 495, ["Skyddad adress: Ekvägen 3, 123 45 Lillby"])
    )
    doc.page(content)
    return Case("white-text.pdf", "white text on the white page and on a white filled box",
                doc.build()[0], 1, shown.secrets,
                hidden.secrets + ["Ekvägen 3, 123 45 Lillby"])



def invisible_render_mode() -> Case:
    shown = person("Eva Sandberg", "19881130", "334")
    hidden = person("Olle Berg", "19700101", "234")
    doc = Doc("invisible-render-mode")
    content = (
        body(shown, "Testfall: osynlig textåtergivning (Tr 3)")
        + b"BT 3 Tr /F1 12 Tf 72 600 Td "
        + text(f"Dold uppgift: {hidden.name} {hidden.pnr}")
        + b" Tj ET\n"
    )
    doc.page(content)
    return Case("invisible-render-mode.pdf", "text with rendering mode 3 (neither fill nor stroke)",
                doc.build()[0], 1, shown.secrets, hidden.secrets,
                notes="This is how OCR'd PDFs carry their text layer: invisible over the image.")



def tiny_text() -> Case:
    shown = person("Lars Petersson", "19770415", "557")
    hidden = person("Greta Nilsson", "19920321", "765")
    doc = Doc("tiny-text")
    content = body(shown, "Testfall: mycket liten text") + text_lines(
        300, 560, [f"{hidden.name} {hidden.pnr}"], size=0.1, leading=0.2)
    doc.page(content)
    return Case("tiny-text.pdf", "text set at 0.1 pt, below one pixel at any normal DPI",
                doc.build()[0], 1, shown.secrets, hidden.secrets)



def outside_page() -> Case:
    shown = person("Anna Svensson", "19990228", "890")
    off_media = person("Per Holmberg", "19601010", "221")
    off_crop = person("Stina Ek", "19450808", "443")
    clipped = person("Nils Åberg", "19730909", "668")
    doc = Doc("outside-page")
    content = (
        body(shown, "Testfall: text utanför sidan")
        + text_lines(-400, 900, [f"{off_media.name} {off_media.pnr}"])
        + text_lines(72, 40, [f"{off_crop.name} {off_crop.pnr}"])
        + b"q 72 300 1 1 re W n\n"
        + text_lines(72, 300, [f"{clipped.name} {clipped.pnr}"])
        + b"Q\n"
    )
    doc.page(content, CropBox=[0, 100, 595, 842])
    return Case("outside-page.pdf",
                "text outside the MediaBox, inside the MediaBox but outside the CropBox, and "
                "text clipped away by a 1x1 pt clipping path",
                doc.build()[0], 1, shown.secrets,
                off_media.secrets + off_crop.secrets + clipped.secrets)



def optional_content() -> Case:
    shown = person("Karl Johansson", "19601010", "222")
    layer = person("Astrid Holm", "19450808", "444")
    doc = Doc("optional-content")
    hidden_ocg = doc.pdf.add({"Type": Name("OCG"), "Name": "Handläggarens anteckningar"})
    shown_ocg = doc.pdf.add({"Type": Name("OCG"), "Name": "Brevtext"})
    doc.catalog["OCProperties"] = {
        "OCGs": [hidden_ocg, shown_ocg],
        "D": {"Order": [hidden_ocg, shown_ocg], "ON": [shown_ocg], "OFF": [hidden_ocg],
              "BaseState": Name("ON")},
    }
    content = (
        b"/OC /oc2 BDC\n" + body(shown, "Testfall: lager (optional content)") + b"EMC\n"
        + b"/OC /oc1 BDC\n"
        + text_lines(72, 600, [f"Intern anteckning: {layer.name}, {layer.pnr}"])
        + b"EMC\n"
    )
    doc.page(content, {"Properties": {"oc1": hidden_ocg, "oc2": shown_ocg}})
    return Case("optional-content.pdf",
                "two optional-content groups: the letter text in a visible layer, a person in a "
                "layer that is OFF by default",
                doc.build()[0], 1, shown.secrets, layer.secrets,
                notes="A viewer that ignores /OCProperties (or a user who toggles the layer) "
                      "shows the hidden layer.")
