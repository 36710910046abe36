"""The adversarial cases, in manifest order: each function writes one PDF and says what it plants
where (see :class:`case.Case`).

Every case has a normal visible Swedish paragraph naming a person and their personnummer
(``visible`` secrets: a redaction must mask them, so detection must find them), plus an attack
that hides further secrets where a naive redaction tool would leave them behind.
"""

from document_parts import (annotations, embedded_file, form_fields, incremental_update,
                            javascript_outlines, metadata)
from glyphs import font_without_tounicode, line_break, rotated_pages, scanned_page, split_glyphs
from hidden_text import (invisible_render_mode, optional_content, outside_page, text_under_image,
                         tiny_text, white_text)

ALL = [text_under_image, white_text, invisible_render_mode, tiny_text, outside_page, annotations,
       form_fields, embedded_file, metadata, incremental_update, optional_content, rotated_pages,
       javascript_outlines, font_without_tounicode, split_glyphs, line_break, scanned_page]
