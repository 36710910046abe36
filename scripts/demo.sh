#!/usr/bin/env bash
# `make demo`: runs the built `lantero` over the bundled sample documents.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LANTERO="${LANTERO:-$ROOT/target/release/lantero}"
OUT="$ROOT/out/demo"
mkdir -p "$OUT"

shopt -s nullglob
for doc in "$ROOT"/examples/data/*.txt; do
  name="$(basename "${doc%.*}")"
  "$LANTERO" detect "$doc" --format json > "$OUT/$name.findings.json"
  count=$(grep -c '"entity"' "$OUT/$name.findings.json" || true)
  echo "detected $count findings in examples/data/$(basename "$doc") -> out/demo/$name.findings.json"
done
echo "demo output: $OUT"
