"""From tag probabilities to spans: windows, constrained Viterbi, span scores, calibration.

Mirrors ``lantero-redact/src/ner/{window,decode,calibrate}.rs``.
"""

from __future__ import annotations

import math

import numpy as np

from .data import ENTITY_TYPES, LABELS

WINDOW = 128
OVERLAP = 32


def windows(n: int) -> list[tuple[int, int]]:
    """Token ranges of the windows over a sequence of ``n`` tokens."""
    if n == 0:
        return []
    stride = WINDOW - OVERLAP
    out = []
    start = 0
    while True:
        end = min(start + WINDOW, n)
        out.append((start, end))
        if end == n:
            return out
        start += stride


def _allowed(prev: int | None, cur: int) -> bool:
    label = LABELS[cur]
    if not label.startswith("I-"):
        return True
    if prev is None:
        return False
    return LABELS[prev][2:] == label[2:] and LABELS[prev] != "O"


def viterbi(probs: np.ndarray) -> list[int]:
    """Most probable tag sequence in which ``I-X`` only follows ``B-X`` or ``I-X``."""
    t_len, c = probs.shape
    if t_len == 0:
        return []
    logp = np.log(probs.astype(np.float64) + 1e-12)
    neg = -1e30
    score = np.array([logp[0, j] if _allowed(None, j) else neg for j in range(c)])
    back = np.zeros((t_len, c), dtype=np.int64)
    allowed = np.array([[_allowed(i, j) for j in range(c)] for i in range(c)])
    for t in range(1, t_len):
        new = np.empty(c)
        for j in range(c):
            best, arg = neg, 0
            for i in range(c):
                if allowed[i, j] and score[i] > best:
                    best, arg = score[i], i
            new[j] = best + logp[t, j]
            back[t, j] = arg
        score = new
    last = int(np.argmax(score))
    path = [last]
    for t in range(t_len - 1, 0, -1):
        last = int(back[t, last])
        path.append(last)
    return path[::-1]


def joinable(text: str, tokens) -> list[bool]:
    """Whether token ``i`` may continue a span of token ``i - 1`` when the path says ``B-``
    again: at most one character between them and no line break."""
    out = [False]
    for prev, tok in zip(tokens, tokens[1:]):
        gap = text[prev.end : tok.start]
        out.append(len(gap) <= 1 and "\n" not in gap and "\r" not in gap)
    return out


def spans(tags: list[int], probs: np.ndarray, join: list[bool] | None = None) -> list[tuple[int, int, str, float]]:
    """Token spans ``(first, last_exclusive, type, raw_score)``; the raw score is the mean over
    the span's tokens of the probability that the token belongs to an entity of that type.

    Adjacent tokens of one type form one span even where the path says ``B-`` again, if
    ``join`` allows it (one space apart on one line): the news corpus cannot mark two adjacent
    entities of one type, so neither can the model."""
    out = []
    i = 0
    while i < len(tags):
        label = LABELS[tags[i]]
        if label.startswith("B-"):
            etype = label[2:]
            j = i + 1
            while j < len(tags) and (
                LABELS[tags[j]] == "I-" + etype or (LABELS[tags[j]] == label and join is not None and join[j])
            ):
                j += 1
            b, inside = LABELS.index("B-" + etype), LABELS.index("I-" + etype)
            score = float(np.mean(probs[i:j, b] + probs[i:j, inside]))
            out.append((i, j, etype, score))
            i = j
        else:
            i += 1
    return out


def logit(p: float) -> float:
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


def calibrated(raw: float, a: float, b: float) -> float:
    return 1.0 / (1.0 + math.exp(-(a * logit(raw) + b)))


def fit_platt(raw: list[float], correct: list[bool], iters: int = 100) -> tuple[float, float]:
    """Platt scaling ``p = sigmoid(a * logit(raw) + b)`` fitted by damped Newton steps on the
    log loss, with Platt's smoothed targets (so separable data cannot drive ``a`` to infinity)
    and a small L2 penalty on ``a`` and ``b``."""
    if not raw:
        return 1.0, 0.0
    x = np.array([logit(r) for r in raw])
    y = np.array(correct, dtype=np.float64)
    pos, neg = y.sum(), len(y) - y.sum()
    t = np.where(y > 0, (pos + 1) / (pos + 2), 1 / (neg + 2))
    l2 = 1e-3

    def loss(a: float, b: float) -> float:
        z = a * x + b
        return float(np.sum(np.logaddexp(0, z) - t * z) + l2 * (a * a + b * b))

    a, b = 1.0, 0.0
    current = loss(a, b)
    for _ in range(iters):
        p = 0.5 * (1 + np.tanh(0.5 * (a * x + b)))
        g = np.array([np.sum((p - t) * x) + 2 * l2 * a, np.sum(p - t) + 2 * l2 * b])
        w = p * (1 - p)
        h = np.array([[np.sum(w * x * x) + 2 * l2, np.sum(w * x)], [np.sum(w * x), np.sum(w) + 2 * l2]])
        step = np.linalg.solve(h, g)
        scale = 1.0
        while scale > 1e-6:
            na, nb = a - scale * step[0], b - scale * step[1]
            new = loss(na, nb)
            if new <= current:
                break
            scale /= 2
        if scale <= 1e-6 or current - new < 1e-10:
            a, b = (na, nb) if new <= current else (a, b)
            break
        a, b, current = na, nb, new
    return float(a), float(b)


ENTITIES = ENTITY_TYPES
