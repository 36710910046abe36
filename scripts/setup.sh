#!/usr/bin/env bash
# Installs what a fresh Debian 12 machine lacks for building, testing and running Lantero.
# Idempotent: every step checks first and is skipped when already done, so a second run is fast.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NATIVE="$ROOT/.native"
PDFIUM_WHEEL_VERSION="5.15.2"   # pypdfium2: PDFium build 8149, known to work with pdfium-render 0.9.5
ORT_WHEEL_VERSION="1.32.0"      # onnxruntime: ort 2.0.0-rc.15 needs ONNX Runtime >= 1.31

say() { printf '[setup] %s\n' "$*"; }

# --- Debian packages --------------------------------------------------------------------------
# Each entry: a command or file that proves the package is there, then the package.
APT_NEEDS=(
  "unzip:unzip"
  "pdftoppm:poppler-utils"
  "tesseract:tesseract-ocr"
  "/usr/share/tesseract-ocr/5/tessdata/swe.traineddata:tesseract-ocr-swe"
)
missing=()
for entry in "${APT_NEEDS[@]}"; do
  probe="${entry%%:*}"; pkg="${entry#*:}"
  if [[ "$probe" == /* ]]; then [[ -e "$probe" ]] || missing+=("$pkg")
  else command -v "$probe" >/dev/null 2>&1 || missing+=("$pkg"); fi
done
if ((${#missing[@]})); then
  say "installing Debian packages: ${missing[*]}"
  SUDO=""; [[ $(id -u) -eq 0 ]] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# --- Native runtimes from PyPI wheels into .native/ --------------------------------------------
fetch_wheel_lib() { # name version member-glob dest-name
  local name="$1" version="$2" member="$3" dest="$4"
  local stamp="$NATIVE/.$name-$version"
  if [[ -f "$stamp" && -e "$NATIVE/$dest" ]]; then return; fi
  say "fetching the $name $version wheel from PyPI for $dest"
  local tmp; tmp="$(mktemp -d)"
  python3 -m pip download --quiet --no-deps --only-binary=:all: --dest "$tmp" "$name==$version"
  mkdir -p "$NATIVE"
  unzip -q -o -j "$tmp"/*.whl "$member" -d "$NATIVE"
  rm -rf "$tmp"
  touch "$stamp"
}
fetch_wheel_lib pypdfium2 "$PDFIUM_WHEEL_VERSION" "pypdfium2_raw/libpdfium.so" "libpdfium.so"
fetch_wheel_lib onnxruntime "$ORT_WHEEL_VERSION" "onnxruntime/capi/libonnxruntime.so.*" "libonnxruntime.so.$ORT_WHEEL_VERSION"

say "ready: native libraries in $NATIVE"
