"""Review sessions and the decision record of what was masked and why.

Implemented in Rust; see ``review.pyi`` for the typed API.
"""

from ._lantero.review import *  # noqa: F403
