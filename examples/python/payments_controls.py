"""Control rules over a payments CSV with polars: the rule language for the known patterns,
a Python function for a local one, and the review queue as a DataFrame.

    .venv/bin/python examples/python/payments_controls.py [payments.csv income.csv]
"""

from __future__ import annotations

import sys
from pathlib import Path

import polars as pl

from lantero.fraudfinder import ControlRule, DataSets, RuleSet

HERE = Path(__file__).parent

RULES = """
# Same bank account for several applicants: someone receives others' assistance.
rule "samma_konto" v1 on payments:
  count(distinct person_id) by (bank_account) >= 2
  => score 60 reason "Samma konto används av flera sökande"

# Large payments of ekonomiskt bistånd are checked at application.
rule "stort_belopp" v1 on payments:
  amount > 30000 and kind == "ekonomiskt_bistand"
  => score 40 reason "Utbetalning över beloppsgränsen"

# Income from work in the same month as the assistance (cross-check with income data).
rule "inkomst_under_bistand" v1 on payments where kind == "ekonomiskt_bistand"
  join income on person_id where income.month == payments.month:
  income.amount > 0
  => score 70 reason "Arbetsinkomst samma månad som ekonomiskt bistånd"
"""


def foreign_account(record: dict) -> tuple[int, str] | None:
    """A local rule in plain Python: assistance paid to an account abroad (an IBAN)."""
    account = record["bank_account"] or ""
    if account[:2].isalpha():
        return 30, f"Bistånd betalas till konto utomlands ({account[:2]})"
    return None


def main() -> None:
    payments_csv = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "data" / "payments.csv"
    income_csv = Path(sys.argv[2]) if len(sys.argv) > 2 else HERE / "data" / "income.csv"
    payments = pl.read_csv(payments_csv, schema_overrides={"month": pl.Utf8})
    income = pl.read_csv(income_csv, schema_overrides={"month": pl.Utf8})

    rules = RuleSet.parse("bistand", "2025.1", RULES)
    rules.add_rule(ControlRule("utlandskt_konto", 1, "payments", foreign_account))
    rules.thresholds = (50, 100)

    data = DataSets()
    data.add("payments", payments)
    data.add("income", income)
    report = rules.run(data)

    queue = pl.DataFrame(
        [
            {"record": i["record"], "score": i["score"], "decision": i["decision"],
             "rules": ", ".join(f["rule"] for f in i["flags"])}
            for i in report.queue()["items"]
        ]
    )
    print(f"{report.rows} rows read, {len(report)} flags")
    print(queue)
    for flag in report.flags[:3]:
        print("-", flag["explanation"])


if __name__ == "__main__":
    main()
