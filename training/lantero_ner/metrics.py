"""Exact-span precision, recall, F1, F2 and coverage recall per entity type.

Mirrors ``lantero_redact::ner::eval``. Coverage recall: the share of gold spans whose every
non-whitespace character lies inside predicted spans of the same type (a mask that hides the
whole name, even if its boundaries differ).
"""

from __future__ import annotations

from collections import defaultdict

from .preprocess import is_separator

Span = tuple[int, int, str]


def score(docs: list[tuple[str, list[Span], list[Span]]]) -> dict[str, dict[str, float]]:
    """``docs``: (text, gold spans, predicted spans). Returns per type and ``ALL``."""
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for text, gold, pred in docs:
        pred_set = set(pred)
        for span in gold:
            for key in (span[2], "ALL"):
                counts[key]["gold"] += 1
                counts[key]["tp"] += span in pred_set
                counts[key]["covered"] += _covered(text, span, pred)
        for span in pred:
            for key in (span[2], "ALL"):
                counts[key]["pred"] += 1
    out = {}
    for key, c in counts.items():
        p = c["tp"] / c["pred"] if c["pred"] else 0.0
        r = c["tp"] / c["gold"] if c["gold"] else 0.0
        out[key] = {
            "precision": p,
            "recall": r,
            "f1": _fbeta(p, r, 1.0),
            "f2": _fbeta(p, r, 2.0),
            "coverage": c["covered"] / c["gold"] if c["gold"] else 0.0,
            "gold": c["gold"],
            "predicted": c["pred"],
        }
    return out


def _fbeta(p: float, r: float, beta: float) -> float:
    b2 = beta * beta
    return (1 + b2) * p * r / (b2 * p + r) if p + r else 0.0


def _covered(text: str, span: Span, pred: list[Span]) -> bool:
    start, end, etype = span
    for i in range(start, end):
        if is_separator(text[i]):
            continue
        if not any(s <= i < e and t == etype for s, e, t in pred):
            return False
    return True
