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


def _latin_letters(word: str) -> bool:
    """Latin letters, with hyphens and apostrophes allowed."""
    return bool(word) and all(c in _JOINERS or (c.isalpha() and "LATIN" in unicodedata.name(c, "")) for c in word)


def _latin_word(name: str) -> bool:
    """One capitalised word of 2–20 Latin letters (hyphen and apostrophe inside)."""
    return 2 <= len(name) <= 20 and name[0].isupper() and name[-1] not in _JOINERS and _latin_letters(name)


def _provider_lists(package, attrs_of):
    """(attribute, list) for each of ``attrs_of(locale)`` that a Faker locale's provider in
    ``package`` defines as a plain list (not absent, not computed from other lists)."""
    for module in sorted(m.name for m in pkgutil.iter_modules(package.__path__)):
        provider = importlib.import_module(f"{package.__name__}.{module}").Provider
        for attr in attrs_of(module):
            names = vars(provider).get(attr)
            if isinstance(names, (dict, list, tuple)):
                yield attr, names


@lru_cache(maxsize=1)
def faker_names() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(first names, surnames) of every Faker locale, sorted, Latin-script single words."""
    import faker.providers.person as person

    firsts: set[str] = set()
    lasts: set[str] = set()
    attrs = ("first_names", "first_names_male", "first_names_female", "last_names")
    for attr, names in _provider_lists(person, lambda _: attrs):
        out = lasts if attr == "last_names" else firsts
        out.update(n for n in names if isinstance(n, str) and _latin_word(n))
    return tuple(sorted(firsts)), tuple(sorted(lasts))


def _latin_phrase(place: str) -> bool:
    """Capitalised words of Latin letters separated by single spaces, at most 30 characters."""
    return len(place) <= 30 and place[:1].isupper() and all(_latin_letters(w) for w in place.split(" "))


@lru_cache(maxsize=1)
def places() -> tuple[str, ...]:
    """City names of every Faker locale, and Swedish country and county names, sorted."""
    import faker.providers.address as address

    def attrs(locale: str) -> tuple[str, ...]:
        return ("cities", "city_names") + (("countries", "states") if locale == "sv_SE" else ())

    out: set[str] = set()
    for _, names in _provider_lists(address, attrs):
        out.update(n for n in names if isinstance(n, str) and _latin_phrase(n))
    return tuple(sorted(out))


def pool(exclude: set[str]) -> tuple[list[str], list[str]]:
    """The pool's (first names, surnames) without the names in ``exclude``."""
    firsts, lasts = faker_names()
    return [n for n in firsts if n not in exclude], [n for n in lasts if n not in exclude]
