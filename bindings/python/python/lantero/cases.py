"""Case handling: whistleblowing, tips and records requests over SQLite or PostgreSQL.

Implemented in Rust; see ``cases.pyi`` for the typed API.
"""

from ._lantero.cases import *  # noqa: F403
