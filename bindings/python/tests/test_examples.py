"""The scripts in examples/python run to the end and print what they promise."""

import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[3] / "examples" / "python"


def run(script, *args):
    done = subprocess.run(
        [sys.executable, str(EXAMPLES / script), *map(str, args)],
        capture_output=True, text=True, timeout=300, check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_payments_controls():
    pytest.importorskip("polars")
    out = run("payments_controls.py")
    assert "escalate" in out and "samma_konto" in out


def test_detect_dataframe_column():
    pytest.importorskip("pandas")
    out = run("detect_dataframe_column.py")
    assert "PERSONNUMMER" in out and "[PERSONNUMMER_1]" in out


def test_redact_folder(samples, tmp_path):
    out = run("redact_folder.py", samples, tmp_path)
    pdfs = sorted(tmp_path.glob("*-utlamnas.pdf"))
    assert pdfs and "NOT written" not in out
    assert len(list(tmp_path.glob("*-beslutsunderlag.md"))) == len(pdfs)
