"""Review sessions (schema ``lantero.review/v1``): the proposals a caseworker confirms
before anything is masked, and the decision record of what was masked and why."""

from os import PathLike
from typing import Any, Literal, NotRequired, TypedDict

from .detect import Finding

Rect = tuple[float, float, float, float] | list[float]

class DecisionEvent(TypedDict):
    by: str
    at: str
    action: Literal["accept", "reject", "add", "resize"]
    provision: NotRequired[str]
    reason: NotRequired[str]

class Proposal(TypedDict):
    id: str
    origin: Literal["detected", "caseworker"]
    entity: NotRequired[str]
    page: int
    boxes: list[list[float]]
    text: str
    span: NotRequired[list[int]]
    score: NotRequired[float]
    reason: str
    provisions: list[str]
    decision: Literal["pending", "accepted", "rejected"]
    provision: NotRequired[str]
    history: list[DecisionEvent]
    public: NotRequired[str]
    """Why it was released in advance (decision ``"rejected"`` by ``"lantero"``)."""

SCHEMA: str

class ReviewSession:
    """Proposals for one document, bound to it by SHA-256; safe to share between threads."""

    def __init__(self, document: str, document_bytes: bytes, pages: int, findings: list[Finding]) -> None: ...
    @staticmethod
    def from_json(json: str, source_name: str = "<json>") -> ReviewSession: ...
    @staticmethod
    def load(path: str | PathLike[str]) -> ReviewSession: ...
    def to_json(self) -> str: ...
    def save(self, path: str | PathLike[str]) -> None: ...
    @property
    def document(self) -> str: ...
    @property
    def document_sha256(self) -> str: ...
    @property
    def pages(self) -> int: ...
    @property
    def proposals(self) -> list[Proposal]: ...
    @property
    def pending(self) -> int: ...
    def accept(self, proposal_id: str, by: str, provision: str | None = None) -> None: ...
    def reject(self, proposal_id: str, by: str) -> None: ...
    def resize(self, proposal_id: str, boxes: list[Rect], by: str) -> None: ...
    def add_mask(self, page: int, rect: Rect, by: str, provision: str | None = None) -> str:
        """Adds a caseworker's own accepted mask and returns its id."""
    def validate(self, source_name: str = "<session>") -> None: ...
    def check_document(self, document_bytes: bytes, source_name: str = "<document>") -> None: ...
    def decision_record(self, mask_pending: bool = False) -> DecisionRecord: ...

class DecisionRecord:
    """What was masked and why, for the written decision to the requester."""

    def to_dict(self) -> dict[str, Any]: ...
    def to_json(self) -> str: ...
    def to_markdown(self) -> str:
        """A short Swedish text with the provisions applied and the appeal notice."""
    @property
    def masks(self) -> int: ...

class Decision:
    """The decision on a request ("beslut"), from the reviewed sessions of its documents."""

    def to_markdown(self, template: str | None = None) -> str:
        """The decision as Markdown, from the authority's minijinja template or the built-in one."""
    def to_pdf(self, template: str | None = None) -> bytes:
        """The decision set as an A4 PDF with searchable text."""
    def to_dict(self) -> dict[str, Any]: ...
    @property
    def unrecorded(self) -> list[str]:
        """Ids of proposals decided without a recorded decision (edited by hand)."""

def decision(
    sessions: list[ReviewSession],
    *,
    authority: str,
    decision_maker: str,
    date: str | None = None,
    diary_number: str | None = None,
    decision_maker_title: str | None = None,
    requester: str | None = None,
    received: str | None = None,
    mask_pending: bool = True,
) -> Decision:
    """The decision on a request whose documents were reviewed in ``sessions``."""
