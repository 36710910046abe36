"""Frameworks of concrete activities with checklists, self-assessments (självskattning),
scores and progress over time."""

from datetime import date
from os import PathLike
from typing import Any, Literal, NotRequired, TypedDict

Answer = Literal["yes", "partly", "no", "not_applicable"]
ActivityStatus = Literal["not_started", "in_progress", "done"]

class ItemAnswer(TypedDict):
    answer: Answer
    comment: NotRequired[str | None]
    evidence: NotRequired[str | None]

class Score(TypedDict):
    items: int
    answered: int
    not_applicable: int
    points: float
    completion: float | None
    activities: int
    done: int
    in_progress: int
    progress: float | None
    maturity: float | None

class AreaScore(TypedDict):
    area_id: str
    title: str
    maturity_level: int | None
    score: Score

class AssessmentScore(TypedDict):
    framework_id: str
    date: str
    overall: Score
    areas: list[AreaScore]

class ScoreDelta(TypedDict):
    completion: float | None
    maturity: float | None
    progress: float | None

class AreaDelta(TypedDict):
    area_id: str
    title: str
    maturity_levels: int | None
    delta: ScoreDelta

Comparison = TypedDict(
    "Comparison",
    {"framework_id": str, "from": str, "to": str, "overall": ScoreDelta, "areas": list[AreaDelta]},
)

class FrameworkItem(TypedDict):
    area: str
    activity: str
    item: dict[str, Any]

SCHEMA: str
ASSESSMENT_SCHEMA: str

class Framework:
    """Areas → activities → checklist items, a maturity scale and templates."""

    @staticmethod
    def from_json(json: str, source_name: str = "<json>") -> Framework:
        """Reads and validates (schema ``lantero.framework/v1``)."""
    @staticmethod
    def load(path: str | PathLike[str]) -> Framework: ...
    def to_json(self) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...
    @property
    def id(self) -> str: ...
    @property
    def version(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def areas(self) -> list[dict[str, Any]]: ...
    @property
    def maturity_scale(self) -> dict[str, Any]: ...
    def area(self, area_id: str) -> dict[str, Any] | None: ...
    def activity(self, activity_id: str) -> dict[str, Any] | None: ...
    def templates_of(self, activity_id: str) -> list[dict[str, Any]]: ...
    def items(self) -> list[FrameworkItem]: ...
    def assess(self, date: date, assessor: str) -> Assessment:
        """Starts an empty self-assessment."""

class Assessment:
    """A self-assessment of one framework at a date; safe to share between threads."""

    def __init__(self, framework: Framework, date: date, assessor: str) -> None: ...
    @staticmethod
    def from_json(json: str, framework: Framework, source_name: str = "<json>") -> Assessment: ...
    def to_json(self) -> str: ...
    @property
    def framework(self) -> Framework: ...
    @property
    def date(self) -> date: ...
    @property
    def assessor(self) -> str: ...
    def answer(
        self, item_id: str, answer: Answer, *, comment: str | None = None, evidence: str | None = None
    ) -> None:
        """Raises ``InvalidFramework`` for an item the framework does not have."""
    def clear_answer(self, item_id: str) -> ItemAnswer | None: ...
    def set_maturity(self, area_id: str, level: int) -> None: ...
    def set_status(self, activity_id: str, status: ActivityStatus) -> None: ...
    def answer_for(self, item_id: str) -> ItemAnswer | None: ...
    def maturity_for(self, area_id: str) -> int | None: ...
    def status_for(self, activity_id: str) -> ActivityStatus: ...
    def score(self) -> AssessmentScore:
        """Completion (yes 1, partly 0.5), maturity and progress, overall and per area."""

def compare(framework: Framework, earlier: Assessment, later: Assessment) -> Comparison: ...
def history(framework: Framework, assessments: list[Assessment]) -> list[Comparison]:
    """The change from each assessment to the next, ordered by date."""
