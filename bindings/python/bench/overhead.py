"""How much the Python call adds to detection: ``detector.detect`` called from Python against
the same work looped inside Rust (``Detector._time_detect``, no Python in its loop), in one
run on one machine. Target: within 1.2x.

Both sides are timed in CPU time of the calling thread (``time.thread_time``; the Rust loop
runs on that thread with the GIL released), so other processes competing for the cores do not
distort the ratio the way wall-clock time would. Each figure is the best of several runs.

Workloads: the sample page texts in examples/data (one call per document), one long text,
and a DataFrame-like column of 1000 short notes through ``detect_many``.

    .venv/bin/python bindings/python/bench/overhead.py [--repeat N] [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from lantero.detect import Detector

REPO = Path(__file__).resolve().parents[3]


def cpu_seconds(func: Callable[[], object], repeat: int) -> float:
    """CPU seconds of this thread per call of ``func``."""
    start = time.thread_time()
    for _ in range(repeat):
        func()
    return (time.thread_time() - start) / repeat


def best(runs: int, measure: Callable[[], float]) -> float:
    return min(measure() for _ in range(runs))


def notes(n: int) -> list[str]:
    return [
        f"Handläggare noterade att sökande {i} har personnummer 19121212-1212 och konto 8327-9 123 456-7."
        if i % 3 == 0
        else f"Inget att notera för ärende {i}."
        for i in range(n)
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=100, help="calls per measurement")
    parser.add_argument("--runs", type=int, default=7, help="measurements; the best is kept")
    args = parser.parse_args()

    detector = Detector()
    workloads: list[tuple[str, list[str]]] = [
        (path.name, path.read_text(encoding="utf-8").split("\f"))
        for path in sorted((REPO / "examples" / "data").glob("*.txt"))
    ]
    workloads.append(("300 notes as one text", ["\n".join(notes(300))]))

    rows = []
    for name, pages in workloads:
        found = len(detector.detect(pages))
        rust = best(args.runs, lambda: cpu_seconds(lambda: detector._time_detect(pages, args.repeat), 1) / args.repeat)
        py = best(args.runs, lambda: cpu_seconds(lambda: detector.detect(pages), args.repeat))
        rows.append((name, sum(map(len, pages)), found, rust, py))

    column = notes(1000)
    found = sum(map(len, detector.detect_many(column)))
    rust = best(args.runs, lambda: cpu_seconds(lambda: [detector._time_detect(n, 1) for n in column], 1))
    py = best(args.runs, lambda: cpu_seconds(lambda: detector.detect_many(column), 1))
    rows.append(("column of 1000 notes (detect_many)", sum(map(len, column)), found, rust, py))

    print(f"{'workload':36} {'chars':>7} {'found':>5} {'rust µs':>10} {'python µs':>10} {'ratio':>6}")
    for name, chars, n, rust, py in rows:
        print(f"{name:36} {chars:7d} {n:5d} {rust * 1e6:10.1f} {py * 1e6:10.1f} {py / rust:6.3f}")
    ratios = [py / rust for *_, rust, py in rows]
    print(f"median ratio {statistics.median(ratios):.3f}, worst {max(ratios):.3f} (target <= 1.2)")


if __name__ == "__main__":
    main()
