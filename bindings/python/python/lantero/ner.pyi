"""The named-entity model measured on annotated text: exact-span precision, recall, F1, F2 and
coverage recall per entity type, alone or inside a detector."""

from os import PathLike
from typing import Literal, TypedDict

from .detect import Detector

EVAL_SCHEMA: str

class EntityScores(TypedDict):
    gold: int
    predicted: int
    correct: int
    covered: int
    precision: float
    recall: float
    f1: float
    f2: float
    coverage: float

class EvalReport(TypedDict):
    schema: str
    file: str
    predictor: Literal["model", "detector"]
    sentences: int
    entities: dict[str, EntityScores]

def evaluate(path: str | PathLike[str], detector: Detector | None = None) -> EvalReport:
    """Scores an annotated CoNLL file (token and tag a line, a blank line between sentences;
    tags ``PER``/``LOC``/``ORG``/``MISC`` or ``PERSON``/``LOCATION``/``ORGANIZATION``, with or
    without ``B-``/``I-``): the shipped model alone, or with ``detector`` what that detector and
    the resolver propose (each sentence a document; only the entity types the detector proposes
    are scored). ``entities`` is keyed by ``PER``, ``LOC``, ``ORG``, ``MISC`` and ``ALL``.

    >>> from lantero.ner import evaluate
    >>> report = evaluate("dev.conll")  # doctest: +SKIP
    >>> report["entities"]["PER"]["coverage"]  # doctest: +SKIP
    0.949
    """
