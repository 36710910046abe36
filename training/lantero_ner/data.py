"""Annotated examples: reading CoNLL and JSONL, the seeded dev split, and token tags.

An :class:`Example` is text with gold spans in character offsets. CoNLL sentences become text by
joining their tokens with single spaces, exactly as the Rust evaluator does
(``lantero_redact::ner::eval``), so spans mean the same on both sides.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from pathlib import Path

from .preprocess import Token, tokenize

ENTITY_TYPES = ("PER", "LOC", "ORG", "MISC")
LABELS = ("O",) + tuple(f"{p}-{e}" for e in ENTITY_TYPES for p in ("B", "I"))
LABEL_INDEX = {label: i for i, label in enumerate(LABELS)}

_ALIASES = {"PER": "PER", "PERSON": "PER", "LOC": "LOC", "LOCATION": "LOC", "ORG": "ORG",
            "ORGANIZATION": "ORG", "ORGANISATION": "ORG", "MISC": "MISC"}


@dataclass
class Example:
    """Text with gold spans ``(start, end, type)`` in character offsets, ``type`` in ENTITY_TYPES."""

    text: str
    spans: list[tuple[int, int, str]]


def normalise_type(tag: str) -> str | None:
    """Maps a corpus or customer tag to an entity type; ``None`` for outside."""
    tag = tag.strip()
    if tag in ("0", "O", ""):
        return None
    if len(tag) > 2 and tag[1] == "-" and tag[0] in "BIES":
        tag = tag[2:]
    # Types the model does not learn (e.g. PERSONNUMMER in customer data) count as outside.
    return _ALIASES.get(tag.upper())


def read_conll(path: Path) -> list[list[tuple[str, str]]]:
    """Sentences of ``(token, tag)``; token and tag separated by whitespace, blank line between
    sentences. Tags may carry B-/I- prefixes (customer data) or not (the news corpus)."""
    sentences: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts:
            if current:
                sentences.append(current)
                current = []
            continue
        if len(parts) == 1:
            # A token without a tag (one line in the corpus): treat as outside.
            parts = [parts[0], "O"]
        current.append((parts[0], parts[-1]))
    if current:
        sentences.append(current)
    return sentences


def sentence_example(sentence: list[tuple[str, str]]) -> Example:
    """Joins tokens with single spaces; consecutive tokens of one type form one span unless a
    ``B-`` tag starts a new one."""
    text_parts: list[str] = []
    spans: list[tuple[int, int, str]] = []
    pos = 0
    open_span: list | None = None
    for i, (token, tag) in enumerate(sentence):
        if i:
            text_parts.append(" ")
            pos += 1
        etype = normalise_type(tag)
        begins = tag.strip().upper().startswith("B-")
        if open_span and (etype != open_span[2] or begins):
            spans.append(tuple(open_span))
            open_span = None
        if etype:
            if open_span:
                open_span[1] = pos + len(token)
            else:
                open_span = [pos, pos + len(token), etype]
        text_parts.append(token)
        pos += len(token)
    if open_span:
        spans.append(tuple(open_span))
    return Example("".join(text_parts), spans)


def read_jsonl(path: Path) -> list[Example]:
    """Customer documents: one JSON object a line, ``{"text": ..., "spans": [{"start", "end",
    "label"}]}`` with character offsets; labels PERSON/LOCATION/ORGANIZATION (or PER/LOC/ORG)."""
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        obj = json.loads(line)
        text = obj["text"]
        spans = []
        for s in obj.get("spans", []):
            etype = normalise_type(s["label"])
            start, end = int(s["start"]), int(s["end"])
            if not 0 <= start < end <= len(text):
                raise ValueError(f"{path}:{n}: span {start}..{end} outside the text")
            if etype:
                spans.append((start, end, etype))
        out.append(Example(text, sorted(spans)))
    return out


def write_conll(path: Path, sentences: list[list[tuple[str, str]]]) -> None:
    lines = []
    for sentence in sentences:
        lines.extend(f"{tok}\t{tag}" for tok, tag in sentence)
        lines.append("")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def dev_split(sentences: list, seed: int, fraction: float = 0.1, block: int = 10) -> tuple[list, list]:
    """Seeded split into (train, dev) by blocks of consecutive sentences, so that one news
    article's repeated names rarely sit on both sides."""
    blocks = [list(range(i, min(i + block, len(sentences)))) for i in range(0, len(sentences), block)]
    rng = random.Random(seed)
    chosen = set(rng.sample(range(len(blocks)), round(len(blocks) * fraction)))
    train = [sentences[i] for b, idx in enumerate(blocks) if b not in chosen for i in idx]
    dev = [sentences[i] for b, idx in enumerate(blocks) if b in chosen for i in idx]
    return train, dev


def token_tags(tokens: list[Token], spans: list[tuple[int, int, str]]) -> list[int]:
    """BIO label ids for tokens: a token belongs to the span that contains its first character."""
    tags = [LABEL_INDEX["O"]] * len(tokens)
    for start, end, etype in spans:
        first = True
        for i, tok in enumerate(tokens):
            if start <= tok.start < end:
                tags[i] = LABEL_INDEX[("B-" if first else "I-") + etype]
                first = False
    return tags


def tokenized(example: Example) -> tuple[list[Token], list[int]]:
    tokens = tokenize(example.text)
    return tokens, token_tags(tokens, example.spans)
