"""Risk model: probability × consequence matrices, scoring, prioritising and heat maps.

Implemented in Rust; see ``risk.pyi`` for the typed API.
"""

from ._lantero.risk import *  # noqa: F403
