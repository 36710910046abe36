#!/usr/bin/env bash
# Real-world PDFs that Lantero did not make and that are not committed: the test PDFs in pypdf's
# source distribution (resources/) and the PDF manuals a few Debian documentation packages ship.
#
#   scripts/realworld_pdfs.sh DEST                 # fetch into DEST/pypdf and DEST/debian
#   scripts/realworld_pdfs.sh DEST path/to/lantero # fetch, then run detect and redact on each
#
# The run mode gives every file `timeout 120` and `/usr/bin/time -v`, and writes DEST/results.tsv:
# file, pages, command, outcome (verified / error / panic / timeout / killed / other), exit
# status, seconds, peak RSS in kB, and the last line of stderr. An outcome gets "+mem>1GB" when
# the peak RSS passed 1 GiB. Needs pip (python3 -m pip or a venv's), apt-get (root), poppler-utils.
set -euo pipefail

dest=${1:?usage: $0 DEST [LANTERO]}
lantero=${2:-}
mkdir -p "$dest/pypdf" "$dest/debian"
dest=$(cd "$dest" && pwd)

# --- pypdf's sdist -------------------------------------------------------------------------
if [ -z "$(ls -A "$dest/pypdf")" ]; then
  pip=${PIP:-pip}
  command -v "$pip" >/dev/null || pip="python3 -m pip"
  tmp=$(mktemp -d)
  $pip download --quiet --no-binary :all: --no-deps pypdf -d "$tmp"
  tar -xzf "$tmp"/pypdf-*.tar.gz -C "$tmp"
  find "$tmp" -path '*resources*' -iname '*.pdf' -exec cp {} "$dest/pypdf/" \;
  rm -rf "$tmp"
fi

# --- Debian documentation packages that ship PDF manuals ------------------------------------
packages=(gnuplot-doc asymptote-doc python-reportlab-doc camlidl-doc ghostscript-doc)
if [ -z "$(ls -A "$dest/debian")" ]; then
  missing=()
  for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  if [ ${#missing[@]} -gt 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
  for p in "${packages[@]}"; do
    while IFS= read -r f; do
      base=$(basename "$f")
      case "$f" in
        *.pdf.gz) gunzip -c "$f" >"$dest/debian/$p--${base%.gz}" ;;
        *.pdf) cp "$f" "$dest/debian/$p--$base" ;;
      esac
    done < <(dpkg -L "$p" | grep -iE '\.pdf(\.gz)?$' || true)
  done
fi

echo "$(ls "$dest/pypdf" | wc -l) pypdf test PDFs, $(ls "$dest/debian" | wc -l) Debian manuals in $dest"
[ -n "$lantero" ] || exit 0

# --- run the CLI over them ------------------------------------------------------------------
results="$dest/results.tsv"
printf 'file\tpages\tcommand\toutcome\texit\tseconds\tpeak_rss_kb\tstderr_last_line\n' >"$results"
out=$(mktemp -d)
# smallest files first, so a slow manual does not hold up the rest
while IFS= read -r pdf; do
  pages=$(pdfinfo "$pdf" 2>/dev/null | awk '/^Pages:/ {print $2}' || true)
  for cmd in detect redact; do
    log="$out/stderr" timing="$out/time"
    if [ "$cmd" = detect ]; then
      args=(detect "$pdf" --format json)
    else
      args=(redact "$pdf" -o "$out/out.pdf" --accept-all)
    fi
    rm -f "$out/out.pdf"
    set +e
    /usr/bin/time -v -o "$timing" timeout 120 "$lantero" "${args[@]}" >/dev/null 2>"$log"
    code=$?
    set -e
    rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$timing")
    secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$timing" |
      awk -F: '{ if (NF == 3) print $1 * 3600 + $2 * 60 + $3; else print $1 * 60 + $2 }')
    last=$({ grep -v '^\s*$' "$log" || true; } | tail -n 1 | tr '\t' ' ' | cut -c1-200)
    if grep -q 'panicked' "$log"; then outcome=panic
    elif [ "$code" = 124 ]; then outcome=timeout
    elif [ "$code" = 137 ] || [ "$code" = 143 ]; then outcome=killed
    elif [ "$code" = 0 ] && [ "$cmd" = redact ] && [ -s "$out/out.pdf" ]; then outcome=verified
    elif [ "$code" = 0 ] && [ "$cmd" = detect ]; then outcome=ok
    elif { [ "$code" = 1 ] || [ "$code" = 2 ]; } && [ "$(grep -cv '^\s*$' "$log")" -le 1 ]; then outcome=error
    else outcome=other
    fi
    [ "${rss:-0}" -gt 1048576 ] && outcome="$outcome+mem>1GB"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "${pdf#"$dest"/}" "${pages:-?}" "$cmd" "$outcome" \
      "$code" "$secs" "$rss" "$last" | tee -a "$results"
  done
done < <(find "$dest/pypdf" "$dest/debian" -name '*.pdf' -printf '%s %p\n' | sort -n | cut -d' ' -f2-)
rm -rf "$out"
echo "results: $results"
