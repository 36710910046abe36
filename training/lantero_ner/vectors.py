"""The preprocessing test vectors that `lantero-redact/tests/ner_preprocess_vectors.rs` checks."""

from __future__ import annotations

import json
from pathlib import Path

from . import preprocess as pp

# Inputs chosen to hit every rule: Swedish letters, ALL CAPS, hyphens and joiners, e-mail
# addresses, digits with separators, punctuation, soft hyphen (as in the corpus), NBSP and other
# spaces, zero-width characters, emoji with variation selectors and ZWJ, controls, Greek final
# sigma, dotted capital I, non-Latin scripts and combining marks.
CASES = [
    "Beslut för Åsa Öberg och ÄNGELHOLMS KOMMUN.",
    "Anna-Karin Lindqvist-Öberg, SVT:s reporter O'Brien och D’Angelo.",
    "Mejla anna.lindqvist72@lillby.se eller ERIK_JOHANSSON@Kommun.SE!",
    "Belopp 1.500,50 kr den 2026-11-25 kl. 13:00–15:30; dnr SN 2026/1187.",
    "Personnummer 19121212-1212 och 121212+1212, tel 070-123 45 67.",
    "i ­världen och ­Concordias samt väl\u00adfärd",
    "Karin\u00a0Lindqvist\u202fbor\u2009i\u3000Lillby\tmed\nsonen\r\nOmar",
    "noll\u200bbredd\u200c och\u2060ord\ufefftecken",
    "Hej 😀\ufe0f och 👨\u200d👩\u200d👧 samt ❤️ och © ® ™ € £ § ¶ « » „ ”",
    "\x00\x1c\x1f\x7f\x85\x9f kontroll",
    "ΟΔΥΣΣΕΥΣ Σίσυφος İstanbul ǅemal ß ẞ Ǆ ﬁ",
    "Мария Иванова, 王伟, محمد علي, Nguyễn Thị Lan, कुमार",
    "a\u0308 o\u0308 (kombinerande tecken) e\u0301",
    "...--- ''' :: -a- a- -a a:b a::b 1.2.3 1,,2 .5 5.",
    "ALLA VERSALER: MARGARETA HOLM (S), ORDFÖRANDE",
    "x" * 70 + " " + "Å" * 3,
    "",
    "   ",
    "\u00ad\u00ad",
    "Ekonomiskt bistånd – återkrav § 113 ½ ¼ ² µ ª º × ÷",
]

# The known whole-word features the vectors are computed with (a model ships its own list).
KNOWN = sorted({"w:beslut", "t:Beslut", "w:för", "t:för", "w:och", "t:och", "w:anna", "t:Anna",
                "t:ANNA", "w:lindqvist", "t:Lindqvist", "w:0000-00-00", "t:0000-00-00", "w:.",
                "t:.", "w:,", "t:,", "w:kommun", "t:kommun", "w:åsa", "t:Åsa"})

FNV_CASES = ["", "a", "foobar", "w:åsa", "g:<ö>", "😀"]


def build() -> dict:
    from .synth import generate

    # Plus a few synthetic municipal documents: realistic text with many ordinary tokens.
    texts = CASES + [ex.text for ex in generate(8, seed=7, heldout=True)]
    known = frozenset(KNOWN)
    cases = []
    for text in texts:
        tokens = []
        for tok in pp.tokenize(text):
            tokens.append({
                "start": tok.start,
                "end": tok.end,
                "text": tok.text,
                "normalised": pp.lower(pp.normalise(tok.text)),
                "features": pp.token_features(tok.text, known),
                "ids": pp.token_ids(tok.text, known),
            })
        cases.append({"text": text, "tokens": tokens})
    return {
        "schema": "lantero-ner-preprocess-vectors/1",
        "preprocess_version": pp.PREPROCESS_VERSION,
        "buckets": pp.BUCKETS,
        "max_features": pp.MAX_FEATURES,
        "known_features": KNOWN,
        "fnv1a64": [{"input": s, "hash": f"{pp.fnv1a64(s.encode('utf-8')):016x}"} for s in FNV_CASES],
        "cases": cases,
    }


def write(path: Path) -> None:
    path.write_text(json.dumps(build(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
