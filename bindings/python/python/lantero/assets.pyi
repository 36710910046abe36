"""The asset register (tillgångsregister): assets with owner, location, importance and KLASSA
levels, their dependencies, risks per asset, inherited protection needs and completeness
findings."""

from datetime import date
from os import PathLike
from typing import Literal, NotRequired, TypedDict

from .risk import Risk, RiskMatrix, RiskScore

AssetKind = Literal[
    "hardware", "mobile_phone", "database", "system", "information_asset", "service", "premises"
]
Importance = Literal["low", "medium", "high", "critical"]

class Klassa(TypedDict):
    """KLASSA levels 0–4 for confidentiality, integrity and availability."""

    confidentiality: int
    integrity: int
    availability: int

class Asset(TypedDict):
    id: str
    name: str
    kind: AssetKind
    owner: NotRequired[str | None]
    location: NotRequired[str]
    importance: NotRequired[Importance]
    klassa: NotRequired[Klassa]
    last_reviewed: NotRequired[str | date | None]
    review_interval_months: NotRequired[int]
    risks: NotRequired[list[Risk]]

class Finding(TypedDict):
    finding: Literal["missing_owner", "not_risk_assessed", "review_overdue", "no_mobile_phones"]
    asset: NotRequired[str]
    due: NotRequired[str | None]
    message: str

class Protection(TypedDict):
    importance: Importance
    klassa: Klassa

class RiskSummary(TypedDict):
    risks: int
    highest: RiskScore | None
    highest_target: RiskScore | None
    level_counts: list[int]

class KindOption(TypedDict):
    key: AssetKind
    sv: str

class ImportanceOption(TypedDict):
    key: Importance
    sv: str
    ordinal: int

REGISTER_SCHEMA: str

class AssetRegister:
    """An asset register; safe to share between threads."""

    def __init__(self, matrix: RiskMatrix | None = None) -> None: ...
    @staticmethod
    def from_csv(text: str, matrix: RiskMatrix | None = None, source_name: str = "<csv>") -> AssetRegister:
        """Reads CSV text (semicolons, Swedish headers, with or without BOM)."""
    @staticmethod
    def read_csv(path: str | PathLike[str], matrix: RiskMatrix | None = None) -> AssetRegister: ...
    def to_csv(self) -> str: ...
    def write_csv(self, path: str | PathLike[str]) -> None: ...
    @staticmethod
    def from_json(json: str, source_name: str = "<json>") -> AssetRegister:
        """Reads JSON (schema ``lantero.asset-register/v1``)."""
    def to_json(self) -> str: ...
    @property
    def matrix(self) -> RiskMatrix: ...
    def add(self, asset: Asset) -> None:
        """Raises ``AssetError`` if the id is taken, ``InvalidValue`` for a bad id or name."""
    def add_risk(self, asset_id: str, risk: Risk) -> None: ...
    def add_dependency(self, dependent: str, dependency: str) -> None:
        """Raises ``AssetError`` for an unknown id or a cycle."""
    def dependencies(self, asset_id: str) -> list[str]: ...
    def dependents(self, asset_id: str) -> list[str]: ...
    def assets(self) -> list[Asset]: ...
    def get(self, asset_id: str) -> Asset | None: ...
    def findings(self, today: date | None = None) -> list[Finding]:
        """What is missing from the register, with a Swedish message each."""
    def inherited_protection(self) -> list[Protection]:
        """Protection needs after inheritance through dependencies, one per asset."""
    def risk_summary(self, asset_id: str) -> RiskSummary: ...
    def risk_summaries(self) -> list[RiskSummary]: ...
    def __len__(self) -> int: ...
    def __eq__(self, other: object) -> bool: ...

def asset_kinds() -> list[KindOption]: ...
def importance_levels() -> list[ImportanceOption]: ...
