"""Tokenisation and hashed token features: the reference for `lantero-redact/src/ner/preprocess.rs`.

Every rule here is defined by explicit code-point tables and per-character mappings, so that
Python's and Rust's Unicode libraries (which differ in version and in a few definitions) never
decide anything. The Rust port must give bit-identical tokens, feature strings and feature ids;
`python -m lantero_ner vectors` writes the test-vector file that a Rust test checks.

Specification (version ``PREPROCESS_VERSION``):

* Offsets are in Unicode scalar values (Python ``str`` indices, Rust ``chars()``).
* Separators: the Unicode White_Space characters (listed in ``_WHITESPACE``) and the C0/C1
  control characters. They end tokens and are never part of one.
* Ignorables (soft hyphen U+00AD, zero-width space/joiners U+200B..U+200D, word joiner U+2060,
  BOM U+FEFF, variation selectors U+FE00..U+FE0F) belong to the word they touch but are deleted
  from its normalised form. A token made only of ignorables is dropped.
* Symbols (the ``_SYMBOL_RANGES`` table: ASCII punctuation, Latin-1 punctuation, general
  punctuation, currency, arrows to misc. symbols, CJK punctuation, emoji planes, U+FFFD) are one
  token each, except a *joiner* between two word characters: ``-``, ``'``, ``U+2019`` and ``:``
  always; ``.`` and ``,`` only between two ASCII digits. So ``Anna-Karin``, ``SVT:s``,
  ``O'Brien`` and ``1.500`` are one token, while an e-mail address splits at ``.`` and ``@``.
* Everything else is a word character; a token is a maximal run of word characters, ignorables
  and joiners.
* Lowercasing is per character (no context, so no final sigma) and only for code points below
  U+0530 and in U+1E00..U+1FFF; elsewhere a character is its own lowercase. A character is
  *upper* when its lowercase differs from it.
* The two whole-word features (``w:`` lowercased, ``t:`` as written; ASCII digits as ``0``)
  are kept only if the model's list of known features (``known-features.txt``: seen at least
  twice in training) has them; otherwise they become ``w:<unk>`` / ``t:<unk>``. An unseen word
  would otherwise land, by hash collision, on some other word's trained row.
* Feature strings (see ``token_features``) are hashed with FNV-1a 64 over their UTF-8 bytes;
  the id is ``1 + hash % (BUCKETS - 1)``; id 0 pads a token's list to ``MAX_FEATURES``.
"""

from __future__ import annotations

from dataclasses import dataclass

PREPROCESS_VERSION = "lantero-ner-preprocess/2"
BUCKETS = 1 << 16
MAX_FEATURES = 32
MAX_NGRAMS = 20
MAX_SHAPE = 12

_WHITESPACE = frozenset(
    [0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x85, 0xA0, 0x1680]
    + list(range(0x2000, 0x200B))
    + [0x2028, 0x2029, 0x202F, 0x205F, 0x3000]
)

_IGNORABLE = frozenset([0xAD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF] + list(range(0xFE00, 0xFE10)))

# Inclusive ranges of characters that are tokens of their own.
_SYMBOL_RANGES = (
    (0x21, 0x2F),
    (0x3A, 0x40),
    (0x5B, 0x60),
    (0x7B, 0x7E),
    (0xA1, 0xA9),
    (0xAB, 0xAC),
    (0xAE, 0xB4),
    (0xB6, 0xB9),
    (0xBB, 0xBF),
    (0xD7, 0xD7),
    (0xF7, 0xF7),
    (0x2010, 0x2027),
    (0x2030, 0x205E),
    (0x20A0, 0x20CF),
    (0x2190, 0x2BFF),
    (0x3001, 0x303F),
    (0xFFFD, 0xFFFD),
    (0x1F000, 0x1FAFF),
)

_ALWAYS_JOIN = frozenset("-'\u2019:")
_DIGIT_JOIN = frozenset(".,")

FNV_OFFSET = 0xCBF29CE484222325
FNV_PRIME = 0x100000001B3
_MASK64 = (1 << 64) - 1


def is_separator(c: str) -> bool:
    o = ord(c)
    return o in _WHITESPACE or o < 0x20 or 0x7F <= o <= 0x9F


def is_ignorable(c: str) -> bool:
    return ord(c) in _IGNORABLE


def is_symbol(c: str) -> bool:
    o = ord(c)
    return any(lo <= o <= hi for lo, hi in _SYMBOL_RANGES)


def is_word(c: str) -> bool:
    return not (is_separator(c) or is_ignorable(c) or is_symbol(c))


def is_ascii_digit(c: str) -> bool:
    return "0" <= c <= "9"


def lower_char(c: str) -> str:
    o = ord(c)
    if o < 0x530 or 0x1E00 <= o <= 0x1FFF:
        return c.lower()
    return c


def lower(s: str) -> str:
    return "".join(lower_char(c) for c in s)


@dataclass(frozen=True)
class Token:
    """A token with its character offsets in the text."""

    start: int
    end: int
    text: str


def tokenize(text: str) -> list[Token]:
    """Splits `text` into tokens by the rules in the module docstring."""
    tokens: list[Token] = []
    n = len(text)
    i = 0
    while i < n:
        c = text[i]
        if is_separator(c):
            i += 1
            continue
        if is_symbol(c):
            tokens.append(Token(i, i + 1, c))
            i += 1
            continue
        # A word: word characters and ignorables, across joiners between word characters.
        start = i
        has_word = False
        while i < n:
            c = text[i]
            if is_word(c):
                has_word = True
                i += 1
            elif is_ignorable(c):
                i += 1
            elif (
                has_word
                and i + 1 < n
                and is_word(text[i - 1])
                and is_word(text[i + 1])
                and (
                    c in _ALWAYS_JOIN
                    or (c in _DIGIT_JOIN and is_ascii_digit(text[i - 1]) and is_ascii_digit(text[i + 1]))
                )
            ):
                i += 1
            else:
                break
        if has_word:
            tokens.append(Token(start, i, text[start:i]))
    return tokens


def normalise(token: str) -> str:
    """The token without ignorables."""
    return "".join(c for c in token if not is_ignorable(c))


def _char_class(c: str) -> str:
    if is_ascii_digit(c):
        return "d"
    if not is_word(c):
        return c
    return "X" if lower_char(c) != c else "x"


def shape(norm: str) -> str:
    out: list[str] = []
    for c in norm:
        k = _char_class(c)
        if not out or out[-1] != k:
            out.append(k)
    return "".join(out[:MAX_SHAPE])


def case_class(norm: str) -> str:
    letters = [c for c in norm if is_word(c) and not is_ascii_digit(c)]
    if not letters:
        return "none"
    uppers = [lower_char(c) != c for c in letters]
    if all(uppers):
        return "upper1" if len(letters) == 1 else "allcaps"
    if not any(uppers):
        return "lower"
    if uppers[0] and not any(uppers[1:]):
        return "title"
    return "mixed"


UNKNOWN = "<unk>"


def token_features(token: str, known: frozenset[str] | set[str] | None = None) -> list[str]:
    """The feature strings of one token, in a fixed order. With ``known``, whole-word features
    not in it become ``w:<unk>``/``t:<unk>``; without, they are kept (to count them)."""
    norm = normalise(token)
    low = lower(norm)
    chars = list(low)
    n = len(chars)
    digits_zero = "".join("0" if is_ascii_digit(c) else c for c in low)
    word = "w:" + digits_zero
    written = "t:" + "".join("0" if is_ascii_digit(c) else c for c in norm)
    if known is not None:
        word = word if word in known else "w:" + UNKNOWN
        written = written if written in known else "t:" + UNKNOWN
    feats = [
        word,
        written,
        "c:" + case_class(norm),
        "s:" + shape(norm),
        "n:" + str(min(n, 12)),
    ]
    for k in (1, 2, 3):
        if n >= k:
            feats.append(f"p{k}:" + "".join(chars[:k]))
    for k in (1, 2, 3, 4):
        if n >= k:
            feats.append(f"x{k}:" + "".join(chars[n - k :]))
    marked = ["<"] + chars + [">"]
    for j in range(min(len(marked) - 2, MAX_NGRAMS)):
        feats.append("g:" + "".join(marked[j : j + 3]))
    return feats


def fnv1a64(data: bytes) -> int:
    h = FNV_OFFSET
    for b in data:
        h ^= b
        h = (h * FNV_PRIME) & _MASK64
    return h


def feature_id(feature: str) -> int:
    return 1 + fnv1a64(feature.encode("utf-8")) % (BUCKETS - 1)


def token_ids(token: str, known: frozenset[str] | set[str]) -> list[int]:
    """Feature ids of one token, padded with 0 to ``MAX_FEATURES``."""
    ids = [feature_id(f) for f in token_features(token, known)][:MAX_FEATURES]
    return ids + [0] * (MAX_FEATURES - len(ids))
