"""Hand-written PDF syntax for the adversarial corpus (Python 3.11 standard library only).

The corpus must contain exactly the bytes we intend, including things no sane PDF library
would write (text outside the page, an orphaned earlier revision), so the objects, the
cross-reference table and incremental updates are written here by hand.

Python values map to PDF objects as follows:

* ``Name("Type")`` -> ``/Type``; ``Ref(3)`` -> ``3 0 R``; ``Raw(b"...")`` is written verbatim;
* ``str`` -> a *text string* (PDFDocEncoding-safe ASCII as a literal, anything else UTF-16BE);
* ``bytes`` -> a literal string of exactly those bytes (content-stream strings, name-tree keys);
* ``int``/``float``/``bool``/``None``/``list``/``dict`` -> the obvious PDF objects;
* ``Stream(dict, data)`` -> a stream, Flate-compressed unless ``compress=False``.
"""

from __future__ import annotations

import hashlib
import zlib
from dataclasses import dataclass, field

HEADER = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"


class Name(str):
    """A PDF name object."""


@dataclass(frozen=True)
class Ref:
    """An indirect reference ``num 0 R``."""

    num: int


@dataclass(frozen=True)
class Raw:
    """Bytes written into the file exactly as given."""

    data: bytes


@dataclass
class Stream:
    """A stream object: its dictionary (without /Length, /Filter) and its decoded data."""

    dict: dict
    data: bytes
    compress: bool = True


def literal(data: bytes) -> bytes:
    """A PDF literal string holding exactly ``data``."""
    out = bytearray(b"(")
    for byte in data:
        if byte in b"()\\":
            out += b"\\" + bytes([byte])
        elif 32 <= byte < 127:
            out.append(byte)
        else:
            out += b"\\%03o" % byte
    return bytes(out + b")")


def text(value: str) -> bytes:
    """A string drawn with a WinAnsiEncoding font in a content stream."""
    return literal(value.encode("cp1252"))


def _name(value: str) -> bytes:
    out = bytearray(b"/")
    for byte in value.encode("utf-8"):
        if 33 <= byte < 127 and byte not in b"()<>[]{}/%#":
            out.append(byte)
        else:
            out += b"#%02X" % byte
    return bytes(out)


def _number(value: float) -> bytes:
    formatted = f"{value:.4f}".rstrip("0").rstrip(".")
    return (formatted if formatted not in ("", "-0") else "0").encode()


def serialize(obj: object) -> bytes:
    """The PDF syntax of one direct object."""
    if isinstance(obj, Name):
        return _name(obj)
    if isinstance(obj, Ref):
        return b"%d 0 R" % obj.num
    if isinstance(obj, Raw):
        return obj.data
    if isinstance(obj, bool):
        return b"true" if obj else b"false"
    if obj is None:
        return b"null"
    if isinstance(obj, int):
        return b"%d" % obj
    if isinstance(obj, float):
        return _number(obj)
    if isinstance(obj, str):
        if all(32 <= ord(c) < 127 for c in obj):
            return literal(obj.encode("ascii"))
        return b"<FEFF" + obj.encode("utf-16-be").hex().upper().encode() + b">"
    if isinstance(obj, bytes):
        return literal(obj)
    if isinstance(obj, (list, tuple)):
        return b"[" + b" ".join(serialize(item) for item in obj) + b"]"
    if isinstance(obj, dict):
        body = b" ".join(_name(key) + b" " + serialize(value) for key, value in obj.items())
        return b"<< " + body + b" >>"
    raise TypeError(f"cannot write {type(obj).__name__} as PDF")


def _indirect(num: int, obj: object) -> bytes:
    if isinstance(obj, Stream):
        data = zlib.compress(obj.data, 9) if obj.compress else obj.data
        entries = dict(obj.dict)
        if obj.compress:
            entries["Filter"] = Name("FlateDecode")
        entries["Length"] = len(data)
        body = serialize(entries) + b"\nstream\n" + data + b"\nendstream"
    else:
        body = serialize(obj)
    return b"%d 0 obj\n" % num + body + b"\nendobj\n"


def _xref(entries: list[tuple[int, int]]) -> bytes:
    """An xref section of one subsection per run of consecutive object numbers."""
    out = bytearray(b"xref\n")
    runs: list[list[tuple[int, int]]] = []
    for num, offset in sorted(entries):
        if runs and runs[-1][-1][0] == num - 1:
            runs[-1].append((num, offset))
        else:
            runs.append([(num, offset)])
    for run in runs:
        out += b"%d %d\n" % (run[0][0], len(run))
        for num, offset in run:
            # Every entry is exactly 20 bytes, ending in CR LF.
            out += b"0000000000 65535 f\r\n" if num == 0 else b"%010d 00000 n\r\n" % offset
    return bytes(out)


@dataclass
class PdfFile:
    """A PDF being written: numbered objects, then one or more revisions."""

    ident: str
    objects: dict[int, object] = field(default_factory=dict)
    next_num: int = 1

    def alloc(self) -> Ref:
        """Reserves an object number, to be filled with :meth:`put`."""
        ref = Ref(self.next_num)
        self.next_num += 1
        return ref

    def put(self, ref: Ref, obj: object) -> Ref:
        """Sets the object behind a reserved number."""
        self.objects[ref.num] = obj
        return ref

    def add(self, obj: object) -> Ref:
        """Adds an object under a new number."""
        return self.put(self.alloc(), obj)

    def _file_id(self) -> Raw:
        digest = hashlib.md5(self.ident.encode()).hexdigest().upper().encode()
        return Raw(b"[<" + digest + b"> <" + digest + b">]")

    def build(self, root: Ref, info: Ref | None = None) -> tuple[bytes, int]:
        """The first revision: every object, a full xref table; returns (bytes, xref offset)."""
        out = bytearray(HEADER)
        offsets = [(0, 0)]
        for num in sorted(self.objects):
            offsets.append((num, len(out)))
            out += _indirect(num, self.objects[num])
        return self._finish(out, offsets, root, info, prev=None)

    def update(
        self, base: bytes, prev_xref: int, changed: dict[int, object], root: Ref, info: Ref | None
    ) -> tuple[bytes, int]:
        """Appends an incremental update that (re)defines ``changed`` objects."""
        out = bytearray(base)
        offsets = []
        for num in sorted(changed):
            offsets.append((num, len(out)))
            out += _indirect(num, changed[num])
        self.next_num = max(self.next_num, max(changed) + 1)
        return self._finish(out, offsets, root, info, prev=prev_xref)

    def _finish(
        self,
        out: bytearray,
        offsets: list[tuple[int, int]],
        root: Ref,
        info: Ref | None,
        prev: int | None,
    ) -> tuple[bytes, int]:
        xref_at = len(out)
        out += _xref(offsets)
        trailer: dict = {"Size": self.next_num, "Root": root}
        if info is not None:
            trailer["Info"] = info
        if prev is not None:
            trailer["Prev"] = prev
        trailer["ID"] = self._file_id()
        out += b"trailer\n" + serialize(trailer) + b"\nstartxref\n%d\n%%%%EOF\n" % xref_at
        return bytes(out), xref_at
