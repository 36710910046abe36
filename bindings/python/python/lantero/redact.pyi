"""The redaction pipeline end to end — document, OCR where needed, detection, review session,
image-only PDF, verification, decision record — and pseudonymised export."""

from os import PathLike
from pathlib import Path
from typing import Any, Callable, Literal, Sequence, TypedDict

from .detect import Detector, Finding
from .errors import LanteroError
from .review import DecisionRecord, ReviewSession

class Analysis(TypedDict):
    pages: list[str]
    findings: list[Finding]

class Replacement(TypedDict):
    code: str
    entity: str
    page: int
    start: int
    end: int

class Redactor:
    """The configured pipeline; every call runs without the GIL."""

    def __init__(
        self,
        detector: Detector | None = None,
        *,
        ocr: bool = True,
        options: dict[str, Any] | None = None,
        searchable: bool = False,
        profile: str | PathLike[str] | None = None,
        allow: Sequence[str] = (),
        deny: Sequence[str] = (),
        officials: bool = True,
    ) -> None:
        """``searchable=True``: every output gets an invisible text layer read by OCR off the
        redacted pages, checked by the verifier to hold no masked string. ``profile``: an
        organisation profile (TOML) whose details are released in advance; ``allow``/``deny``:
        strings always released / always masked; ``officials=False``: do not release officials
        named in their role. Raises ``LanteroError`` naming the profile file and line when it
        cannot be read."""
    @property
    def options(self) -> dict[str, Any]: ...
    @property
    def searchable(self) -> bool: ...
    def analyze(self, path: str | PathLike[str]) -> Analysis: ...
    def review(self, path: str | PathLike[str]) -> ReviewSession: ...
    def review_request(self, paths: list[str | PathLike[str]]) -> list[ReviewSession]:
        """One session per document; names and identifiers of each are proposed in the others."""
    def redact(
        self,
        path: str | PathLike[str],
        out: str | PathLike[str],
        session: ReviewSession | None = None,
        *,
        pending: Literal["mask", "release"] = "mask",
        searchable: bool | None = None,
    ) -> RedactReport:
        """Writes a verified PDF of page images (with ``searchable``, default the redactor's,
        and an invisible OCR text layer); raises ``VerificationFailed`` and leaves no file
        when any check fails."""
    def redact_many(
        self,
        items: Sequence[tuple[str | PathLike[str], str | PathLike[str]]],
        *,
        pending: Literal["mask", "release"] = "mask",
        workers: int | None = None,
        progress: Callable[[int, Path, str | None], object] | None = None,
    ) -> list[RedactReport | LanteroError]:
        """Redacts ``(input, output)`` pairs in parallel; ``progress(index, input, error)`` is
        called as each finishes. A failed document's entry is its exception, not raised."""

class RedactReport:
    @property
    def output(self) -> Path: ...
    @property
    def bytes(self) -> int: ...
    @property
    def pending(self) -> int: ...
    @property
    def record(self) -> DecisionRecord: ...
    def to_dict(self) -> dict[str, Any]: ...

class Pseudonymized:
    @property
    def pages(self) -> list[str]: ...
    @property
    def replacements(self) -> list[Replacement]: ...
    def to_dict(self) -> dict[str, Any]: ...
    def to_jsonl(self) -> str: ...

def pseudonymize(pages: str | Sequence[str], detector: Detector | None = None) -> Pseudonymized:
    """Detects, resolves and replaces each finding by a consistent code (``[PERSON_1]``)."""

def pseudonymize_findings(pages: str | Sequence[str], findings: Sequence[Finding]) -> Pseudonymized: ...
def locate_native(library: Literal["pdfium", "onnxruntime"]) -> Path:
    """Where the native runtime is found; raises ``NativeLibraryError`` naming where it looked."""
