"""The catalogue of secrecy provisions (offentlighets- och sekretesslagen, OSL) as data,
document contexts and candidate provisions for a finding. The shipped catalogue is a starting
point, not legal advice: entries with ``"verify": True`` must be checked by a lawyer."""

from os import PathLike
from typing import Literal, NotRequired, TypedDict

class Provision(TypedDict):
    id: str
    title: str
    subject: str
    damage_test: Literal["rakt", "omvant", "absolut"]
    qualified_damage_test: NotRequired[bool]
    duration_years: NotRequired[int | None]
    contexts: list[str]
    entities: list[str]
    source: str
    verify: NotRequired[bool]
    note: NotRequired[str | None]

class Context(TypedDict):
    id: str
    label: str
    description: NotRequired[str]
    keywords: list[str]

class ContextMatch(TypedDict):
    context: Context
    keywords: list[str]

class MergeReport(TypedDict):
    added: list[str]
    replaced: list[str]
    contexts_added: list[str]
    contexts_replaced: list[str]

SCHEMA: str
GENERAL_CONTEXT: str

class Catalogue:
    """``Catalogue()`` is the shipped OSL catalogue. Safe to share between threads."""

    def __init__(self) -> None: ...
    @staticmethod
    def empty() -> Catalogue: ...
    @staticmethod
    def from_json(json: str, source_name: str = "<json>") -> Catalogue: ...
    @staticmethod
    def load(path: str | PathLike[str]) -> Catalogue: ...
    def to_json(self) -> str: ...
    def validate(self) -> None: ...
    @property
    def name(self) -> str: ...
    @property
    def law(self) -> str: ...
    @property
    def notice(self) -> str: ...
    def get(self, provision_id: str) -> Provision:
        """By id in any usual spelling; raises ``UnknownProvision``."""
    def provisions(self) -> list[Provision]: ...
    def contexts(self) -> list[Context]: ...
    def context(self, context_id: str) -> Context | None: ...
    def by_context(self, context_id: str) -> list[Provision]: ...
    def detect_contexts(self, text: str) -> list[ContextMatch]:
        """Contexts whose keywords occur in ``text``, most keywords first."""
    def candidates(self, entity: str, contexts: list[str]) -> list[Provision]:
        """Candidate provisions for a finding of ``entity``, most relevant first."""
    def merge(self, other: Catalogue) -> MergeReport: ...
    def __len__(self) -> int: ...

def normalize_provision_id(text: str) -> str:
    """``"26 kap. 1 §"`` → ``"OSL 26:1"``."""

def citation(text: str) -> str:
    """``"OSL 26:1"`` → ``"26 kap. 1 § OSL"``."""
