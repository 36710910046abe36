"""Risk model: probability × consequence matrices, scoring, prioritising and heat maps."""

from typing import Literal, NotRequired, TypedDict

Treatment = Literal["reduce", "accept", "avoid", "transfer"]

class Label(TypedDict):
    sv: str
    en: str

class Estimate(TypedDict):
    probability: int
    consequence: int

class Risk(TypedDict):
    """A risk as written in a risk assessment (the register's JSON shape)."""

    description: str
    owner: str
    current: Estimate
    target: Estimate
    treatment: Treatment
    notes: NotRequired[str | None]

class RiskScore(TypedDict):
    probability: int
    consequence: int
    value: int
    level: int

class RiskLevel(TypedDict):
    ordinal: int
    label: Label

class RankedRisk(TypedDict):
    index: int
    current: RiskScore
    target: RiskScore

class ScoredRisk(TypedDict):
    current: RiskScore
    target: RiskScore

class TreatmentOption(TypedDict):
    key: Treatment
    sv: str
    en: str

MATRIX_SCHEMA: str

class RiskMatrix:
    """Probability and consequence scales (3–6 steps), levels and the rule giving each cell
    its level. Raises ``InvalidMatrix`` for an inconsistent definition."""

    def __init__(self, definition: dict[str, object]) -> None: ...
    @staticmethod
    def municipal_4x4() -> RiskMatrix:
        """The Swedish municipal 4×4 matrix (``sv-kommun-4x4``)."""
    @staticmethod
    def iso27005_5x5() -> RiskMatrix:
        """An ISO/IEC 27005 style 5×5 matrix (``iso27005-5x5``)."""
    @staticmethod
    def from_json(json: str) -> RiskMatrix:
        """Reads a matrix (schema ``lantero.risk-matrix/v1``)."""
    def to_json(self) -> str: ...
    def definition(self) -> dict[str, object]:
        """The definition as a dict, what the constructor takes."""
    @property
    def id(self) -> str: ...
    @property
    def name(self) -> Label: ...
    @property
    def levels(self) -> list[RiskLevel]: ...
    @property
    def probability_steps(self) -> int: ...
    @property
    def consequence_steps(self) -> int: ...
    def score(self, probability: int, consequence: int) -> RiskScore:
        """Scores a pair; raises ``OutOfScale`` when a value is off its scale."""
    def level(self, ordinal: int) -> RiskLevel | None: ...
    def __eq__(self, other: object) -> bool: ...

class HeatMap:
    """Counts of risks per (probability, consequence) cell and per level."""

    def __init__(self, matrix: RiskMatrix, risks: list[Risk]) -> None: ...
    def count(self, probability: int, consequence: int) -> int: ...
    @property
    def rows(self) -> list[list[int]]: ...
    @property
    def level_counts(self) -> list[int]: ...
    @property
    def total(self) -> int: ...

def prioritise(matrix: RiskMatrix, risks: list[Risk]) -> list[RankedRisk]:
    """Most urgent first: level, then value, then consequence; stable."""

def score_risk(matrix: RiskMatrix, risk: Risk) -> ScoredRisk:
    """The current and target scores of one risk."""

def treatments() -> list[TreatmentOption]:
    """The treatment options with their Swedish and English labels."""
