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
docs=("$ROOT"/examples/data/*.pdf)
count=0
for doc in "${docs[@]}"; do
  name="$(basename "${doc%.*}")"
  "$LANTERO" detect "$doc" --format json --profile "$PROFILE" > "$OUT/$name.findings.json"
done
# The sample PDFs as one request: each document's names and identifiers are proposed in the
# others too. The demo's caseworker masks every proposal (recorded with her name and the time),
# each document is released with its session, and the decision is written.
"$LANTERO" review "${docs[@]}" -o "$OUT/request.json" --profile "$PROFILE" 2>/dev/null
"$LANTERO" decide "$OUT/request.json" --by "Annika Dahl" --accept-pending
for doc in "${docs[@]}"; do
  name="$(basename "${doc%.*}")"
  "$LANTERO" redact "$doc" -o "$OUT/$name.redacted.pdf" --review "$OUT/request.json" \
    --record-json "$OUT/$name.decision.json" --record-md "$OUT/$name.decision.md"
  count=$((count + 1))
done
"$LANTERO" decision "$OUT/request.json" -o "$OUT/beslut.pdf" --markdown "$OUT/beslut.md" \
  --authority "Lillby kommun, socialnämnden" --decision-maker "Annika Dahl" \
  --title "enhetschef" --diary-number "SN 2026/123"
# Plain text too: the tip e-mail as a .txt file is set on A4 pages and released the same way.
"$LANTERO" redact "$ROOT/examples/data/epost-tips.txt" -o "$OUT/epost-tips.txt.redacted.pdf" \
  --accept-all --profile "$PROFILE"
count=$((count + 1))
echo
echo "Redacted $count sample documents from examples/data/ ($((count - 1)) PDFs, 1 plain-text e-mail)."
echo "Output in $OUT:"
echo "  *.redacted.pdf    image-only PDFs, verified (no text, fonts, annotations or metadata)"
echo "  request.json      the proposals a caseworker confirms, all documents (lantero review, decide);"
echo "                    the municipality's own details and officials in role are released in"
echo "                    advance, with the reason"
echo "  beslut.pdf, .md   the decision to the requester (lantero decision)"
echo "  *.decision.md     which secrecy provisions were applied on which pages (Swedish)"
echo "  *.findings.json   what was detected (lantero detect --format json)"
