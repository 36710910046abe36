"""Detection of personal data in text, Python recognizers and the resolver.

Implemented in Rust; see ``detect.pyi`` for the typed API. ``detect_column`` is the entry
point for DataFrame columns.
"""

from __future__ import annotations

from typing import Any

from ._frames import text_values
from ._lantero.detect import *  # noqa: F403
from ._lantero.detect import Detector


def detect_column(column: Any, detector: Detector | None = None) -> list[list[dict[str, Any]]]:
    """Findings per value of a pandas/polars Series, a pyarrow Array or any sequence, in one
    call without the GIL; missing values give ``[]``.

    >>> import pandas as pd
    >>> found = detect_column(pd.Series(["Sökande 19121212-1212", None]))
    >>> [len(f) for f in found]
    [1, 0]
    """
    return (detector or Detector()).detect_many(text_values(column))
