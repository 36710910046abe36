"""FraudFinder: method support against welfare crime and control rules over payment data.

Implemented in Rust; see ``fraudfinder.pyi`` for the typed API. ``run`` is the one-call entry
point for DataFrames: ``run(rules, payments=df)``.
"""

from __future__ import annotations

from typing import Any

from ._lantero.fraudfinder import *  # noqa: F403
from ._lantero.fraudfinder import DataSets, RuleSet, RunReport


def run(rules: RuleSet | str, *, schemas: dict[str, str] | None = None, **tables: Any) -> RunReport:
    """Runs ``rules`` (a ``RuleSet`` or rule-language source) over the named tables — pandas
    or polars DataFrames, pyarrow Tables, dicts of columns or lists of row dicts.

    >>> import pandas as pd
    >>> payments = pd.DataFrame({"id": ["u1", "u2"], "amount": [9000.0, 45000.0]})
    >>> report = run('rule "stort_belopp" v1 on payments: amount > 30000 => score 30', payments=payments)
    >>> [f["record_id"] for f in report.flags]
    ['u2']
    """
    if isinstance(rules, str):
        rules = RuleSet.parse("adhoc", "1", rules)
    data = DataSets()
    for name, table in tables.items():
        data.add(name, table, (schemas or {}).get(name))
    return rules.run(data)
