#!/usr/bin/env python3
"""The peer for `fraudfinder_controls`: DuckDB on one thread running the same control rules,
exported by Lantero as DuckDB SQL, over the same generated data.

    python duckdb_controls.py RULES.sql NAME=CSV=COL:TYPE,COL:TYPE [NAME=CSV=...]

TYPE is number, bool, text or date. The tables are loaded once into an in-memory database
(not timed with the rules). Then, on stdout: `loaded ROWS SECONDS`, one `count RULE N` per
rule (the records it flags, for the bench to compare with Lantero's), and `ready`. Each line
`run N` on stdin runs every rule N times, fetching the ids of the flagged records, and
answers `seconds S`, the time spent. End of input ends the process.
"""

import sys
import time

import duckdb

TYPES = {"number": "DOUBLE", "bool": "BOOLEAN", "text": "VARCHAR", "date": "VARCHAR"}


def rules(path):
    """The statements of an exported rule file, each after its `-- regel "NAME"` comment.

    Good enough for the bench's own fixed rules; a string in a rule may hold a `;` or a line
    like that comment, so for any other rules use `RuleSet::sql_statements` instead.
    """
    found, name, lines = [], None, []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith('-- regel "'):
                name, lines = line[len('-- regel "') :].split('" v')[0], []
            elif name is not None and line.strip():
                lines.append(line)
                if line.rstrip().endswith(";"):
                    found.append((name, "".join(lines).rstrip().rstrip(";")))
                    name = None
    return found


def main():
    rule_file, tables = sys.argv[1], sys.argv[2:]
    conn = duckdb.connect(":memory:")
    conn.execute("SET threads=1")
    start = time.perf_counter()
    rows = 0
    for spec in tables:
        name, csv, columns = spec.split("=", 2)
        types = ", ".join(
            f"'{c}': '{TYPES[t]}'" for c, t in (col.split(":") for col in columns.split(","))
        )
        conn.execute(
            f"CREATE TABLE \"{name}\" AS SELECT * FROM read_csv('{csv}', header=true, "
            f"columns={{{types}}})"
        )
        rows += conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]
    print(f"loaded {rows} {time.perf_counter() - start:.3f}", flush=True)
    queries = [(name, f"SELECT id FROM ({sql}) AS flagged") for name, sql in rules(rule_file)]
    for name, query in queries:
        print(f"count {name} {len(conn.execute(query).fetchall())}", flush=True)
    print("ready", flush=True)
    for line in sys.stdin:
        n = int(line.split()[1])
        start = time.perf_counter()
        for _ in range(n):
            for _, query in queries:
                conn.execute(query).fetchall()
        print(f"seconds {time.perf_counter() - start:.6f}", flush=True)


if __name__ == "__main__":
    main()
