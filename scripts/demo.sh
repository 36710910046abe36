#!/usr/bin/env bash
# `make demo`: redacts the bundled sample documents with the built `lantero` and says where the
# output went. Every output PDF is verified by lantero itself before it is kept.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LANTERO="${LANTERO:-$ROOT/target/release/lantero}"
OUT="$ROOT/out/demo"
# The demo letters come from Lillby kommun: its own details, bodies and officials are public.
PROFILE="$ROOT/examples/profile/lillby.toml"
mkdir -p "$OUT"

shopt -s nullglob
count=0
for doc in "$ROOT"/examples/data/*.pdf; do
  name="$(basename "${doc%.*}")"
  "$LANTERO" detect "$doc" --format json --profile "$PROFILE" > "$OUT/$name.findings.json"
  "$LANTERO" review "$doc" -o "$OUT/$name.review.json" --profile "$PROFILE" 2>/dev/null
  "$LANTERO" redact "$doc" -o "$OUT/$name.redacted.pdf" --review "$OUT/$name.review.json" \
    --record-json "$OUT/$name.decision.json" --record-md "$OUT/$name.decision.md"
  count=$((count + 1))
done
# Plain text too: the tip e-mail as a .txt file is set on A4 pages and released the same way.
"$LANTERO" redact "$ROOT/examples/data/epost-tips.txt" -o "$OUT/epost-tips.txt.redacted.pdf" \
  --accept-all --profile "$PROFILE"
count=$((count + 1))
echo
echo "Redacted $count sample documents from examples/data/ ($((count - 1)) PDFs, 1 plain-text e-mail)."
echo "Output in $OUT:"
echo "  *.redacted.pdf    image-only PDFs, verified (no text, fonts, annotations or metadata)"
echo "  *.review.json     the proposals a caseworker confirms (lantero review); the municipality's"
echo "                    own details and officials in role are released in advance, with the reason"
echo "  *.decision.md     which secrecy provisions were applied on which pages (Swedish)"
echo "  *.findings.json   what was detected (lantero detect --format json)"
