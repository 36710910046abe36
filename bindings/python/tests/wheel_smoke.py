"""The installed wheel on its own: redacts a PDF and runs a control rule on a DataFrame.

Run by ``make test-python-wheel`` in a fresh virtual environment holding only the wheel, its
declared dependencies and pandas, from an empty folder, with the native-library variables
unset. Prints ``N passed, 0 failed`` and exits non-zero on any failure.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pandas as pd

import lantero
from lantero.fraudfinder import run
from lantero.redact import Redactor


def check_native_libraries_come_from_the_venv() -> None:
    for variable in ("LANTERO_PDFIUM_LIB", "ORT_DYLIB_PATH"):
        path = Path(os.environ[variable]).resolve()
        assert str(path).startswith(str(Path(sys.prefix).resolve())), f"{variable}={path}"


def check_redacts_a_pdf(pdf: Path) -> None:
    out = Path("utlamnas.pdf")
    report = Redactor(ocr=False).redact(pdf, out)
    assert out.is_file() and out.stat().st_size == report.bytes
    assert report.record.masks > 0
    assert all(c["passed"] for c in report.to_dict()["write"]["verification"]["checks"])


def check_control_rule_on_a_dataframe() -> None:
    payments = pd.DataFrame({"id": ["u1", "u2"], "amount": [9000.0, 45000.0]})
    report = run('rule "stort_belopp" v1 on payments: amount > 30000 => score 30', payments=payments)
    assert [f["record_id"] for f in report.flags] == ["u2"]


def main() -> int:
    pdf = Path(sys.argv[1])
    checks = [
        check_native_libraries_come_from_the_venv,
        lambda: check_redacts_a_pdf(pdf),
        check_control_rule_on_a_dataframe,
    ]
    failed = 0
    for check in checks:
        try:
            check()
        except (AssertionError, lantero.LanteroError, KeyError) as err:
            failed += 1
            print(f"FAILED: {err!r}", file=sys.stderr)
    print(f"wheel: {len(checks) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
