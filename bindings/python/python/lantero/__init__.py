"""Lantero for Python.

Redaction of Swedish public documents, case handling for whistleblowing, tips and records
requests, FraudFinder method support and control rules, and cyber-hygiene risk work: thin
bindings over the Lantero Rust crates.

Submodules mirror the crates' modules:

=====================  ====================================================================
``lantero.identifiers``  personnummer, samordningsnummer, organisationsnummer
``lantero.risk``         risk matrices, scoring, prioritising, heat maps
``lantero.assets``       the asset register with KLASSA levels and dependencies
``lantero.secrecy``      the secrecy-provision catalogue (OSL) and document contexts
``lantero.framework``    frameworks of activities, self-assessments and scores
``lantero.detect``       detection of personal data in text, Python recognizers
``lantero.review``       review sessions and decision records
``lantero.redact``       the redaction pipeline to verified image-only PDFs, pseudonymisation
``lantero.ner``          the named-entity model measured on annotated text
``lantero.cases``        case handling over SQLite or PostgreSQL
``lantero.fraudfinder``  welfare-crime method support and control rules over DataFrames
``lantero.errors``       the exception hierarchy (also importable from ``lantero``)
=====================  ====================================================================

Records cross as plain dicts shaped like the library's JSON formats; every error is a
``lantero.LanteroError`` carrying the library's one-line message.
"""

from __future__ import annotations

from . import _native

_native.configure()

from . import (  # noqa: E402  (the native libraries must be configured first)
    assets,
    cases,
    detect,
    errors,
    framework,
    fraudfinder,
    identifiers,
    ner,
    redact,
    review,
    risk,
    secrecy,
)
from ._lantero import __version__  # noqa: E402
from .errors import *  # noqa: E402,F403

__all__ = [
    "__version__",
    "assets",
    "cases",
    "detect",
    "errors",
    "framework",
    "fraudfinder",
    "identifiers",
    "ner",
    "redact",
    "review",
    "risk",
    "secrecy",
    *errors.__all__,
]
