"""Personal data in a DataFrame column: findings per row, a findings table, and a
pseudonymised copy of the column that can leave the organisation.

    .venv/bin/python examples/python/detect_dataframe_column.py
"""

from __future__ import annotations

import pandas as pd

from lantero.detect import Detector, detect_column
from lantero.redact import pseudonymize

pd.set_option("display.width", 120)

notes = pd.DataFrame(
    {
        "case": ["EB-2025-0101", "EB-2025-0102", "EB-2025-0103", "EB-2025-0104"],
        "note": [
            "Karin Lindqvist (19121212-1212) ringde från 070-123 45 67 om sin ansökan.",
            "Inget nytt i ärendet.",
            "Utbetalning till konto 8327-9 123 456-7, kontakt karin.lindqvist@example.se.",
            None,
        ],
    }
)


def main() -> None:
    detector = Detector(min_score=0.5)
    # One call for the whole column; detection runs in Rust without the GIL.
    notes["findings"] = detect_column(notes["note"], detector)
    notes["entities"] = notes["findings"].map(lambda fs: sorted({f["entity"] for f in fs}))
    print(notes[["case", "entities"]])

    found = notes[["case", "findings"]].explode("findings").dropna()
    table = pd.json_normalize(found["findings"].tolist())
    table.insert(0, "case", found["case"].tolist())
    print(table[["case", "entity", "text", "score", "recognizer"]])

    # Consistent codes instead of the values, e.g. for sharing annotated data.
    notes["note_pseudonymised"] = notes["note"].map(
        lambda text: pseudonymize(text).pages[0] if isinstance(text, str) else None
    )
    print(notes["note_pseudonymised"].tolist())


if __name__ == "__main__":
    main()
