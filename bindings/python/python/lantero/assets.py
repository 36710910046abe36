"""The asset register: KLASSA levels, dependencies, risks per asset and completeness findings.

Implemented in Rust; see ``assets.pyi`` for the typed API.
"""

from ._lantero.assets import *  # noqa: F403
