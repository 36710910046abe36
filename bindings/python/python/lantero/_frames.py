"""Columns and tables from pandas, polars and pyarrow as plain Python values.

The extension takes lists; this turns whatever a data engineer holds into them, without
importing any DataFrame library that is not already in use. Missing values (None, NaN,
``pd.NA``, nulls) become ``None``.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any


def is_missing(value: Any) -> bool:
    """Whether ``value`` is a missing value in any of the libraries."""
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    return type(value).__name__ in {"NAType", "NaTType"}


def column_values(column: Any) -> list[Any]:
    """A pandas/polars Series, pyarrow Array/ChunkedArray or any iterable as a list."""
    library = _library(column)
    if library == "pyarrow":
        values = column.to_pylist()
    elif library == "polars":
        values = column.to_list()
    elif hasattr(column, "tolist"):  # pandas, numpy
        values = column.tolist()
    else:
        values = list(column)
    return [None if is_missing(v) else v for v in values]


def text_values(column: Any) -> list[str | None]:
    """Like ``column_values``, with every present value as text (numbers as written)."""
    return [v if v is None or isinstance(v, str) else str(v) for v in column_values(column)]


def _library(obj: Any) -> str:
    """``"pandas"``, ``"polars"``, ``"pyarrow"`` or ``""``: whose object ``obj`` is."""
    return type(obj).__module__.split(".", 1)[0]


def rule_column(column: Any) -> Any:
    """A column as control rules read it: numeric columns as a float64 numpy array (missing
    values NaN), which the extension copies in one go; anything else as a plain list, whose
    missing values the extension recognises itself."""
    library = _library(column)
    if library == "pyarrow":
        import pyarrow as pa
        import pyarrow.compute as pc

        if pa.types.is_integer(column.type) or pa.types.is_floating(column.type):
            return pc.cast(column, pa.float64()).to_numpy(zero_copy_only=False)
        return column.to_pylist()
    if library == "polars":
        if column.dtype.is_numeric():
            import polars as pl

            return column.cast(pl.Float64).to_numpy()
        return column.to_list()
    if library == "pandas":
        if getattr(column.dtype, "kind", "") in "iuf":
            return column.to_numpy(dtype="float64", na_value=float("nan"))
        return column.tolist()
    return list(column)


def table_columns(table: Any) -> dict[str, Any]:
    """A pandas/polars DataFrame, pyarrow Table/RecordBatch, a dict of columns or a list of
    row dicts as ``{column name: values}`` for control rules (see ``rule_column``)."""
    if isinstance(table, Mapping):
        return {str(name): rule_column(values) for name, values in table.items()}
    library = _library(table)
    if library == "pyarrow":
        return {name: rule_column(table.column(name)) for name in table.column_names}
    if library == "polars":
        return {name: rule_column(table.get_column(name)) for name in table.columns}
    if library == "pandas":
        return {str(name): rule_column(table[name]) for name in table.columns}
    if isinstance(table, Iterable):
        rows = list(table)
        names: list[str] = []
        for row in rows:
            names.extend(n for n in row if n not in names)
        return {n: [row.get(n) for row in rows] for n in names}
    raise TypeError(f"cannot read a {type(table).__name__} as a table")
