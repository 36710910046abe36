"""The named-entity model measured on annotated text: exact-span precision, recall, F1, F2 and
coverage recall per entity type, alone or inside a detector.

Implemented in Rust; see ``ner.pyi`` for the typed API.
"""

from ._lantero.ner import *  # noqa: F403
