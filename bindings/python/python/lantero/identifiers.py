"""Swedish identity numbers: personnummer, samordningsnummer and organisationsnummer.

Implemented in Rust; see ``identifiers.pyi`` for the typed API.
"""

from ._lantero.identifiers import *  # noqa: F403
