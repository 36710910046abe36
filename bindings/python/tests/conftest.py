"""Shared fixtures: sample documents from examples/data and a PostgreSQL URL when one is set."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]
SAMPLES = REPO / "examples" / "data"


@pytest.fixture(scope="session")
def samples() -> Path:
    """The folder of sample documents shipped with the repository."""
    if not SAMPLES.is_dir():
        pytest.skip(f"sample documents not found at {SAMPLES}")
    return SAMPLES


@pytest.fixture(scope="session")
def pg_url() -> str:
    """A PostgreSQL URL from LANTERO_PG_URL (``scripts/postgres.sh start`` prints one); the
    test is skipped without one unless LANTERO_REQUIRE_PG is set."""
    url = os.environ.get("LANTERO_PG_URL")
    if not url:
        if os.environ.get("LANTERO_REQUIRE_PG"):
            pytest.fail("LANTERO_REQUIRE_PG is set but LANTERO_PG_URL is not")
        pytest.skip("LANTERO_PG_URL is not set")
    return url
