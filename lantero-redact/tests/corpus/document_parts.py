"""Cases that hide personal data outside the page content: annotations, form fields,
attachments, metadata, an earlier revision, JavaScript and bookmarks."""

from __future__ import annotations

from case import Case, person
from pages import Doc, body, personnummer, text_lines
from pdfsyntax import Name, Ref, Stream, text


def _appearance(doc: Doc, width: float, height: float, value: str, tag: bytes = b"") -> Ref:
    """A Form XObject that draws ``value`` in Helvetica 10 (an annotation's /AP /N)."""
    begin, end = (b"/Tx BMC ", b" EMC") if tag else (b"", b"")
    ops = begin + b"q BT /Helv 10 Tf 0 g 2 5 Td " + text(value) + b" Tj ET Q" + end
    return doc.pdf.add(Stream({"Type": Name("XObject"), "Subtype": Name("Form"),
                               "BBox": [0, 0, width, height],
                               "Resources": {"Font": {"Helv": doc.fonts["F1"]}}}, ops))



def annotations() -> Case:
    shown = person("Mikael Hägg", "19840229", "112")
    free = person("Ingrid Sjöberg", "19680312", "447")
    note = person("Bertil Strand", "19910611", "583")
    link_pnr = personnummer("19560720", "215")
    link_mail = "bertil.strand@example.com"
    doc = Doc("annotations")
    page = doc.pdf.alloc()
    free_text = f"Notering: {free.name} {free.pnr}"
    free_annot = doc.pdf.add({
        "Type": Name("Annot"), "Subtype": Name("FreeText"), "Rect": [72, 540, 372, 560],
        "Contents": free_text, "DA": b"/Helv 10 Tf 0 g", "F": 4, "P": page,
        "AP": {"N": _appearance(doc, 300, 20, free_text)},
    })
    text_ref = doc.pdf.alloc()
    popup = doc.pdf.add({"Type": Name("Annot"), "Subtype": Name("Popup"), "Parent": text_ref,
                         "Rect": [380, 600, 560, 700], "Open": False})
    doc.pdf.put(text_ref, {
        "Type": Name("Annot"), "Subtype": Name("Text"), "Rect": [540, 700, 560, 720],
        "Contents": f"Kontrollera uppgifterna om {note.pnr}", "T": note.name,
        "Name": Name("Comment"), "Open": False, "Popup": popup, "F": 4, "P": page,
    })
    uri = f"https://example.invalid/arende?pnr={link_pnr}&mail={link_mail}".encode("ascii")
    link = doc.pdf.add({"Type": Name("Annot"), "Subtype": Name("Link"), "Rect": [72, 496, 250, 512],
                        "Border": [0, 0, 0], "A": {"S": Name("URI"), "URI": uri}, "P": page})
    content = body(shown, "Testfall: anteckningar (annotations)") + b"0 0 0.8 rg\n" + text_lines(
        72, 500, ["Läs mer om ärendet"])
    doc.page(content, ref=page, Annots=[free_annot, text_ref, popup, link])
    return Case("annotations.pdf",
                "FreeText annotation (/Contents + appearance stream), Text note with author and "
                "popup, Link whose URI carries a personnummer and an e-mail address",
                doc.build()[0], 1, shown.secrets + free.secrets,
                [note.name, note.pnr, link_pnr, link_mail],
                notes="The FreeText appearance is drawn by viewers (pdftoppm, PDFium with "
                      "annotations), so its text is listed as visible although it is not in "
                      "the page's content stream.")



def form_fields() -> Case:
    shown = person("Fatima Al-Sayed", "19920574", "456")
    applicant = person("Leila Al-Sayed", "20150915", "334")
    secret_field = person("Omar Haddad", "19830517", "339")
    doc = Doc("form-fields")
    page = doc.pdf.alloc()
    fields = []
    for label, value, rect, hidden_flag in [
        ("namn", applicant.name, [200, 560, 400, 580], False),
        ("personnummer", applicant.pnr, [200, 530, 400, 550], False),
        ("skyddad_kontakt", f"{secret_field.name} {secret_field.pnr}", [200, 500, 400, 520], True),
    ]:
        width, height = rect[2] - rect[0], rect[3] - rect[1]
        fields.append(doc.pdf.add({
            "Type": Name("Annot"), "Subtype": Name("Widget"), "FT": Name("Tx"), "T": label,
            "V": value, "DA": b"/Helv 10 Tf 0 g", "Rect": rect, "P": page,
            "F": 2 if hidden_flag else 4, "MK": {"BC": [0, 0, 0]},
            "AP": {"N": _appearance(doc, width, height, value, tag=b"Tx")},
        }))
    doc.catalog["AcroForm"] = {"Fields": list(fields), "DA": b"/Helv 0 Tf 0 g",
                               "DR": {"Font": {"Helv": doc.fonts["F1"]}}}
    content = body(shown, "Testfall: formulärfält") + text_lines(
        72, 565, ["Barnets namn:", "Personnummer:"], size=10, leading=30)
    doc.page(content, ref=page, Annots=fields)
    return Case("form-fields.pdf",
                "AcroForm text fields whose /V values (and appearance streams) hold secrets, one "
                "of them a hidden field",
                doc.build()[0], 1, shown.secrets + applicant.secrets, secret_field.secrets,
                notes="The field values are drawn by their widgets' appearance streams, not by the "
                      "page's content stream. Fatima Al-Sayed's number is a samordningsnummer "
                      "(day + 60).")



def _embedded(doc: Doc, filename: str, data: bytes, description: str) -> Ref:
    stream = doc.pdf.add(Stream({"Type": Name("EmbeddedFile"), "Subtype": Name("text/plain"),
                                 "Params": {"Size": len(data)}}, data))
    return doc.pdf.add({"Type": Name("Filespec"), "F": filename.encode("ascii"), "UF": filename,
                        "EF": {"F": stream}, "Desc": description})



def embedded_file() -> Case:
    shown = person("Per-Olof Hägg", "19750302", "123", century=True)
    attached = person("Elsa Lindqvist", "20150916", "003")
    pinned = person("Rolf Danielsson", "19490918", "136")
    doc = Doc("embedded-file")
    in_tree = _embedded(doc, "bilaga.txt",
                        f"Läkarintyg för {attached.name}, {attached.pnr}.\n".encode("utf-8"),
                        "Bilaga till ansökan")
    on_page = _embedded(doc, "anteckning.txt",
                        f"Kontaktperson {pinned.name} {pinned.pnr}\n".encode("utf-8"),
                        "Anteckning")
    doc.catalog["Names"] = {"EmbeddedFiles": {"Names": [b"bilaga.txt", in_tree]}}
    page = doc.pdf.alloc()
    pin = doc.pdf.add({"Type": Name("Annot"), "Subtype": Name("FileAttachment"),
                       "Rect": [520, 700, 540, 724], "FS": on_page, "Name": Name("PushPin"),
                       "Contents": "Bifogad anteckning", "F": 4, "P": page})
    doc.page(body(shown, "Testfall: bifogade filer"), ref=page, Annots=[pin])
    return Case("embedded-file.pdf",
                "an EmbeddedFiles name-tree attachment and a FileAttachment annotation, both "
                "plain-text files naming people",
                doc.build()[0], 1, shown.secrets, attached.secrets + pinned.secrets)



def metadata() -> Case:
    shown = person("Sara Ek", "19940202", "881")
    author = "Åsa Öberg"
    subject = person("Henrik Lund", "19680312", "448")
    keyword_pnr = personnummer("19560720", "216")
    doc = Doc("metadata")
    doc.info = doc.pdf.add({
        "Title": f"Utredning om {subject.name}",
        "Author": author,
        "Subject": f"Personnummer {subject.pnr}",
        "Keywords": f"LSS, {keyword_pnr}",
        "Creator": "Lantero corpus",
    })
    xmp = f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
   <dc:title><rdf:Alt>
    <rdf:li xml:lang="x-default">Utredning om {subject.name}</rdf:li>
   </rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>{author}</rdf:li></rdf:Seq></dc:creator>
   <dc:description><rdf:Alt>
    <rdf:li xml:lang="x-default">Personnummer {subject.pnr}</rdf:li>
   </rdf:Alt></dc:description>
   <pdf:Keywords>LSS, {keyword_pnr}</pdf:Keywords>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>""".encode("utf-8")
    doc.catalog["Metadata"] = doc.pdf.add(
        Stream({"Type": Name("Metadata"), "Subtype": Name("XML")}, xmp, compress=False))
    doc.page(body(shown, "Testfall: metadata"))
    return Case("metadata.pdf", "Info dictionary (Title, Author, Subject, Keywords) and an XMP "
                "metadata stream naming a person",
                doc.build()[0], 1, shown.secrets, [author, subject.name, subject.pnr, keyword_pnr])



def incremental_update() -> Case:
    shown = person("Lena Forsberg", "19830517", "338")
    removed = person("Lena Ek", "19771231", "662")
    doc = Doc("incremental-update")
    old_line = f"Skyddad adress: {removed.name}, {removed.pnr}, Hemvägen 5"
    page = doc.page(body(shown, "Testfall: inkrementell uppdatering")
                    + text_lines(72, 600, [old_line]))
    base, xref_at = doc.build()
    new_content = doc.pdf.alloc()
    page_dict = dict(doc.pdf.objects[page.num])
    page_dict["Contents"] = new_content
    changed = {
        new_content.num: Stream({}, body(shown, "Testfall: inkrementell uppdatering")
                                + text_lines(72, 600, ["Uppgiften har tagits bort."])),
        page.num: page_dict,
    }
    data, _ = doc.pdf.update(base, xref_at, changed, doc.catalog_ref, None)
    return Case("incremental-update.pdf",
                "two revisions: the first draws a protected person on the page, an appended "
                "update replaces the page content, so the secret lives only in the old revision",
                data, 1, shown.secrets, [removed.name, removed.pnr, "Hemvägen 5"])



def javascript_outlines() -> Case:
    shown = person("Björn Åkesson", "19910611", "584")
    script = person("Greta Vik", "19850101", "457")
    bookmark = person("Hugo Sten", "19771231", "663")
    doc = Doc("javascript-outlines")
    page = doc.page(body(shown, "Testfall: JavaScript och bokmärken"))
    js = (f'var skyddad = "{script.name} {script.pnr}";'
          ' app.alert("Dokumentet är sekretessmarkerat");')
    action = doc.pdf.add({"S": Name("JavaScript"),
                          "JS": doc.pdf.add(Stream({}, js.encode("utf-8"), compress=False))})
    doc.catalog["OpenAction"] = action
    doc.catalog["Names"] = {"JavaScript": {"Names": [b"init", action]}}
    outlines = doc.pdf.alloc()
    first, second = doc.pdf.alloc(), doc.pdf.alloc()
    target = [page, Name("XYZ"), 0, 842, 0]
    doc.pdf.put(first, {"Title": f"Utredning: {bookmark.name}", "Parent": outlines,
                        "Next": second, "Dest": target})
    doc.pdf.put(second, {"Title": f"Personnummer {bookmark.pnr}", "Parent": outlines,
                         "Prev": first, "Dest": target})
    doc.pdf.put(outlines, {"Type": Name("Outlines"), "First": first, "Last": second, "Count": 2})
    doc.catalog["Outlines"] = outlines
    doc.catalog["PageMode"] = Name("UseOutlines")
    return Case("javascript-outlines.pdf",
                "document JavaScript (OpenAction and the JavaScript name tree) and outline "
                "(bookmark) titles naming a person",
                doc.build()[0], 1, shown.secrets, script.secrets + bookmark.secrets)
