"""Runs the exported control rules on real SQL engines and compares their flags with the
built-in engine's.

Input: the folder written by `cargo run -p lantero-fraudfinder --example sql_engines`
(case.json and one CSV per data set). Engines: SQLite, PostgreSQL (LANTERO_PG_URL, with
standard_conforming_strings on and off), DuckDB and Apache Spark in local mode. Every rule
must flag exactly the records the built-in engine flags, and every returned row must carry
the rule's own name: an injected UNION shows up as an extra record or a wrong name, a broken
literal as an error. Exits non-zero on any difference.

    python check_engines.py OUT_DIR [--engines sqlite,postgres,duckdb,spark]
"""

import csv
import json
import os
import re
import sys
import time

ENGINES = ["sqlite", "postgres", "duckdb", "spark"]


def load(case_dir):
    with open(os.path.join(case_dir, "case.json"), encoding="utf-8") as f:
        case = json.load(f)
    tables = []
    for ds in case["datasets"]:
        types = [c["type"] for c in ds["columns"]]
        names = [c["name"] for c in ds["columns"]]
        with open(ds["csv"], encoding="utf-8", newline="") as f:
            reader = csv.DictReader(f)
            rows = [tuple(value(r[n], t) for n, t in zip(names, types)) for r in reader]
        tables.append((ds["name"], list(zip(names, types)), rows, ds["csv"]))
    return tables, case["rules"], case["literals"]


def value(text, kind):
    # The built-in engine reads an empty CSV field as missing.
    if text == "":
        return None
    if kind == "number":
        return float(text)
    if kind == "bool":
        return text.strip().lower() == "true"
    return text


def quote(name):
    return '"' + name.replace('"', '""') + '"'


SQL_TYPES = {"number": "DOUBLE PRECISION", "bool": "BOOLEAN", "text": "TEXT", "date": "TEXT"}


def create_tables(cursor, tables, mark):
    for name, columns, rows, _ in tables:
        cursor.execute(f"DROP TABLE IF EXISTS {quote(name)}")
        cols = ", ".join(f"{quote(c)} {SQL_TYPES[t]}" for c, t in columns)
        cursor.execute(f"CREATE TABLE {quote(name)} ({cols})")
        marks = ", ".join([mark] * len(columns))
        cursor.executemany(f"INSERT INTO {quote(name)} VALUES ({marks})", rows)


def fetch(cursor, sql):
    cursor.execute(sql)
    names = [d[0] for d in cursor.description]
    return names, cursor.fetchall()


def sqlite_runner(tables):
    import sqlite3

    conn = sqlite3.connect(":memory:")
    conn.create_function(
        "regexp", 2, lambda p, s: None if s is None else re.search(p, s) is not None
    )
    cur = conn.cursor()
    create_tables(cur, tables, "?")
    yield "sqlite", "sqlite", lambda sql: fetch(cur, sql)


def postgres_runner(tables):
    import psycopg

    url = os.environ.get("LANTERO_PG_URL")
    if not url:
        if os.environ.get("LANTERO_REQUIRE_PG") == "1":
            raise SystemExit("postgres: LANTERO_REQUIRE_PG=1 but LANTERO_PG_URL is not set")
        print("postgres: skipped, LANTERO_PG_URL not set")
        return
    with psycopg.connect(url, autocommit=True) as conn:
        cur = conn.cursor()
        cur.execute("DROP SCHEMA IF EXISTS lantero_engines CASCADE")
        cur.execute("CREATE SCHEMA lantero_engines")
        cur.execute("SET search_path TO lantero_engines")
        create_tables(cur, tables, "%s")
        for setting in ["on", "off"]:
            cur.execute(f"SET standard_conforming_strings = {setting}")
            cur.execute("SHOW standard_conforming_strings")
            assert cur.fetchone()[0] == setting
            # Without parameters psycopg sends the SQL as written (a % stays a %).
            yield (
                f"postgres (standard_conforming_strings={setting})",
                "postgres",
                lambda sql: fetch(cur, sql),
            )
        cur.execute("SET standard_conforming_strings = on")
        cur.execute("DROP SCHEMA lantero_engines CASCADE")


def duckdb_runner(tables):
    import duckdb

    conn = duckdb.connect(":memory:")
    conn.execute("SET threads=1")
    # DuckDB reads the CSV itself (executemany is slow there); a misread value would show
    # up as a difference below, not pass unnoticed.
    for name, columns, _, path in tables:
        cols = ", ".join(f"'{c}': '{SQL_TYPES[t]}'" for c, t in columns)
        conn.execute(
            f"CREATE TABLE {quote(name)} AS SELECT * FROM read_csv(?, header=true, "
            f"quote='\"', escape='\"', columns={{{cols}}})",
            [path],
        )
    yield "duckdb", "duckdb", lambda sql: fetch(conn, sql)


def spark_runner(tables):
    from pyspark.sql import SparkSession
    from pyspark.sql import types as T

    spark = (
        SparkSession.builder.master("local[2]")
        .appName("lantero-engines")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.ui.showConsoleProgress", "false")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    spark_types = {
        "number": T.DoubleType(),
        "bool": T.BooleanType(),
        "text": T.StringType(),
        "date": T.StringType(),
    }
    try:
        # The default the Spark dialect is written for; a cluster must keep it.
        assert spark.conf.get("spark.sql.parser.escapedStringLiterals") == "false"
        for name, columns, rows, _ in tables:
            schema = T.StructType([T.StructField(c, spark_types[t], True) for c, t in columns])
            spark.createDataFrame(rows, schema).createOrReplaceTempView(name)

        def run(sql):
            df = spark.sql(sql)
            return df.columns, [tuple(r) for r in df.collect()]

        yield "spark", "spark", run
    finally:
        spark.stop()


RUNNERS = {
    "sqlite": sqlite_runner,
    "postgres": postgres_runner,
    "duckdb": duckdb_runner,
    "spark": spark_runner,
}


def check(label, dialect, run, rules):
    failures = []
    for rule in rules:
        sql = rule["sql"][dialect]
        try:
            columns, rows = run(sql)
        except Exception as e:  # any engine error is a failure, reported with the SQL
            failures.append(f"{label}: rule {rule['name']!r} failed: {e}\n{sql}")
            continue
        ids = sorted(str(r[columns.index("id")]) for r in rows)
        names = {r[columns.index("rule_name")] for r in rows}
        expected = rule["expected"]
        if ids != expected:
            extra = sorted(set(ids) - set(expected))[:5]
            missing = sorted(set(expected) - set(ids))[:5]
            failures.append(
                f"{label}: rule {rule['name']!r}: {len(ids)} rows, expected {len(expected)}; "
                f"extra {extra}, missing {missing}\n{sql}"
            )
        elif rows and names != {rule["name"]}:
            failures.append(f"{label}: rule {rule['name']!r} came back named {names!r}\n{sql}")
    return failures


def check_literals(label, dialect, run, literals):
    """Every exported literal, selected on its own, must come back as its text."""
    columns = ", ".join(f"{lit['sql'][dialect]} AS v{i}" for i, lit in enumerate(literals))
    try:
        _, rows = run(f"SELECT {columns}")
    except Exception as e:
        return [f"{label}: the literals failed: {e}"]
    return [
        f"{label}: literal {lit['sql'][dialect]} read back as {got!r}, not {lit['text']!r}"
        for lit, got in zip(literals, rows[0])
        if got != lit["text"]
    ]


def main():
    args = sys.argv[1:]
    if not args:
        raise SystemExit(__doc__)
    engines = ENGINES
    if "--engines" in args:
        engines = args[args.index("--engines") + 1].split(",")
    tables, rules, literals = load(args[0])
    print(
        f"{sum(len(t[2]) for t in tables)} records in {len(tables)} data sets, "
        f"{len(rules)} rules, {len(literals)} literals"
    )
    failures = []
    checked = 0
    for engine in engines:
        start = time.monotonic()
        for label, dialect, run in RUNNERS[engine](tables):
            found = check(label, dialect, run, rules) + check_literals(label, dialect, run, literals)
            failures += found
            checked += 1
            status = "ok" if not found else f"{len(found)} differences"
            print(f"{label}: {status} ({time.monotonic() - start:.1f} s)")
    for failure in failures:
        print("\n" + failure, file=sys.stderr)
    if failures:
        raise SystemExit(f"{len(failures)} differences between engines")
    if checked == 0:
        raise SystemExit("no engine was checked")
    print(f"all {checked} engine runs flag the same records as the built-in engine")


if __name__ == "__main__":
    main()
