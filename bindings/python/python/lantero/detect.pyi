"""Detection of personal data in text: built-in recognizers (personnummer, names, addresses,
accounts, …), Python recognizers, and the resolver that merges overlaps, propagates names and
attaches candidate secrecy provisions."""

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, NotRequired, TypedDict

class Finding(TypedDict):
    """One piece of sensitive data; ``start``/``end`` are Python string indices."""

    id: str
    entity: str
    text: str
    page: int
    start: int
    end: int
    boxes: list[list[float]]
    score: float
    recognizer: str
    reason: str
    provisions: list[str]
    public: NotRequired[str]
    """Why it is public and released in advance (the authority's own detail, an official in
    role, an allowed string); absent when it is proposed for masking."""

Span = tuple[int, int] | tuple[int, int, str, float, str] | Mapping[str, Any]

class Recognizer:
    """A Python callable used as a recognizer.

    ``func(text)`` returns spans as ``(start, end)``, ``(start, end, entity, score, reason)``
    or dicts with those keys, with character offsets. ``entity`` may be left out when exactly
    one entity is declared; ``score`` defaults to 1.0. Errors become ``RecognizerError``.
    """

    def __init__(self, name: str, entities: Sequence[str], func: Callable[[str], Iterable[Span]]) -> None: ...
    @property
    def name(self) -> str: ...
    @property
    def entities(self) -> list[str]: ...

class Detector:
    """Runs the built-in recognizers (and any added ones) without the GIL; thread-safe."""

    def __init__(self, *, min_score: float = 0.0, entities: Sequence[str] | None = None) -> None: ...
    def add_recognizer(self, recognizer: Recognizer) -> None: ...
    @property
    def recognizers(self) -> list[str]: ...
    def detect(self, pages: str | Sequence[str]) -> list[Finding]:
        """Raw findings in one text or a list of page texts."""
    def detect_many(self, texts: Sequence[str | None]) -> list[list[Finding]]:
        """Findings per text for many independent texts, in one call."""
    def analyze(self, pages: str | Sequence[str]) -> list[Finding]:
        """Detects and resolves (merged, names propagated, provisions attached)."""

def resolve(pages: str | Sequence[str], findings: Sequence[Finding]) -> list[Finding]: ...
def entities() -> list[str]:
    """Every entity name, e.g. ``"PERSONNUMMER"``."""

def detect_column(column: Any, detector: Detector | None = None) -> list[list[Finding]]:
    """Findings per value of a pandas/polars Series, a pyarrow Array or any sequence."""
