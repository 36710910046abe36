"""A wide international pool of names, places and companies for the synthetic documents.

The hand-written lists in ``lexicon`` hold a few hundred names. People in Swedish case files
(and in the news corpus) carry names from everywhere, and a tagger that has only met a few
hundred learns those names rather than what a name looks like and where it stands. This pool
takes the person-name lists of the Faker package (MIT licence, pinned in
``requirements.txt``; installed from PyPI like every other training dependency): tens of
thousands of names from some seventy locales, kept only where they are written in the Latin
script as one word.

Places come from the same package's address lists (cities of every locale, and the Swedish
names of countries and counties), so that an unfamiliar capitalised word is not a person merely
because it is unfamiliar: the hand lists alone would teach that every place is one of a hundred.

Names that are in the held-out half of the hand lists are removed, so that the held-out
documents still test names the tagger never met in a synthetic document.
"""

from __future__ import annotations

import importlib
import pkgutil
import unicodedata
from functools import lru_cache

_JOINERS = frozenset("-'")


def _latin_word(name: str) -> bool:
    """One word of Latin letters (hyphen and apostrophe inside), capitalised, 2–20 letters."""
    if not (2 <= len(name) <= 20) or not name[0].isupper() or name[-1] in _JOINERS:
        return False
    for c in name:
        if c in _JOINERS:
            continue
        if not (c.isalpha() and "LATIN" in unicodedata.name(c, "")):
            return False
    return True


@lru_cache(maxsize=1)
def faker_names() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(first names, surnames) of every Faker locale, sorted, Latin-script single words."""
    import faker.providers.person as person

    firsts: set[str] = set()
    lasts: set[str] = set()
    for module in sorted(m.name for m in pkgutil.iter_modules(person.__path__)):
        provider = importlib.import_module(f"{person.__name__}.{module}").Provider
        for attr, out in (("first_names", firsts), ("first_names_male", firsts),
                          ("first_names_female", firsts), ("last_names", lasts)):
            names = vars(provider).get(attr)
            if not isinstance(names, (dict, list, tuple)):
                continue  # absent, or computed from other lists (a property)
            out.update(n for n in names if isinstance(n, str) and _latin_word(n))
    return tuple(sorted(firsts)), tuple(sorted(lasts))


def _latin_phrase(place: str) -> bool:
    """Words of Latin letters separated by single spaces, the first capitalised."""
    words = place.split(" ")
    return bool(words[0]) and words[0][0].isupper() and all(
        w and all(c in _JOINERS or (c.isalpha() and "LATIN" in unicodedata.name(c, "")) for c in w) for w in words
    ) and len(place) <= 30


@lru_cache(maxsize=1)
def places() -> tuple[str, ...]:
    """City names of every Faker locale, and Swedish country and county names, sorted."""
    import faker.providers.address as address

    out: set[str] = set()
    for module in sorted(m.name for m in pkgutil.iter_modules(address.__path__)):
        provider = importlib.import_module(f"{address.__name__}.{module}").Provider
        attrs = ("cities", "city_names") + (("countries", "states") if module == "sv_SE" else ())
        for attr in attrs:
            names = vars(provider).get(attr)
            if isinstance(names, (dict, list, tuple)):
                out.update(n for n in names if isinstance(n, str) and _latin_phrase(n))
    return tuple(sorted(out))


def pool(exclude: set[str]) -> tuple[list[str], list[str]]:
    """The pool's (first names, surnames) without the names in ``exclude``."""
    firsts, lasts = faker_names()
    return [n for n in firsts if n not in exclude], [n for n in lasts if n not in exclude]
