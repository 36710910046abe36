"""Frameworks of activities with checklists, self-assessments, scores and progress.

Implemented in Rust; see ``framework.pyi`` for the typed API.
"""

from ._lantero.framework import *  # noqa: F403
