"""The redaction pipeline to verified image-only PDFs, and pseudonymised export.

Implemented in Rust; see ``redact.pyi`` for the typed API.
"""

from ._lantero.redact import *  # noqa: F403
