"""The catalogue of secrecy provisions (OSL) as data, document contexts and candidates.

Implemented in Rust; see ``secrecy.pyi`` for the typed API.
"""

from ._lantero.secrecy import *  # noqa: F403
