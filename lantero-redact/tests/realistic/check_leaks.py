#!/usr/bin/env python3
"""Redacts every PDF in manifest.json with the `lantero` CLI and reads the output back the way a
recipient could: page images at 200 dpi through Tesseract (Swedish). Reports per file the time,
the secrets still readable (by kind, and whether they wrapped, sat in a picture or on a scanned
page) and the public strings lost.

    python3 lantero-redact/tests/realistic/check_leaks.py \
        --lantero /root/.cache/lantero/target/release/lantero --out /tmp/realistic-out

Needs poppler-utils and tesseract-ocr-swe; standard library only. Exit status 1 when any secret
is readable or a file was not redacted.

Matching: OCR text and the string are both reduced to lower-case letters and digits (spaces,
dashes, hyphenation at line ends and punctuation dropped), so a secret counts as leaked when its
letters and digits appear in that order, contiguously, anywhere on the pages. OCR cannot give a
contiguous read where the secret is split (a line break in a table cell puts the neighbouring
columns' text between the halves; Tesseract reads '@' as 'Q' or '(2'), so a secret also counts
as leaked when each of its pieces is read: the parts the manifest's `wrap_parts` gives, each
further split at '@'; pieces under 3 characters are not looked for, and at least one piece
must have 6 or more. A public string is counted as lost only when the same OCR reads it on the
unredacted input.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent


def squash(text: str) -> str:
    text = text.replace("-\n", "").replace("\u00ad", "")
    return "".join(c for c in text.lower() if c.isalnum())


def ocr(pdf: Path, dpi: int) -> str:
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", str(pdf), f"{tmp}/p"],
                       check=True)
        texts = []
        for png in sorted(Path(tmp).glob("p-*.png")):
            out = subprocess.run(["tesseract", str(png), "-", "-l", "swe"], capture_output=True,
                                 text=True, env=env, check=True)
            texts.append(out.stdout)
    return "\n".join(texts)


def pieces(secret: dict) -> list[str]:
    parts = secret.get("wrap_parts") or [secret["text"]]
    return [squash(q) for part in parts for q in part.split("@")]


def readable(secret: dict, seen: str) -> bool:
    if squash(secret["text"]) in seen:
        return True
    found = [q for q in pieces(secret) if len(q) >= 3]
    if len(found) < 2 and "@" not in secret["text"] and not secret.get("wrap_parts"):
        return False
    return any(len(q) >= 6 for q in found) and all(q in seen for q in found)


def text_layer(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True)
    return out.stdout


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--lantero", default=os.environ.get("LANTERO", "lantero"))
    ap.add_argument("--out", type=Path, default=Path("/tmp/realistic-out"))
    ap.add_argument("--dpi", type=int, default=200)
    ap.add_argument("--json", type=Path, help="write the full report here")
    ap.add_argument("--profile", type=Path,
                    help="organisation profile passed to `lantero redact --profile` "
                         "(e.g. examples/profile/alvstrand.toml)")
    ap.add_argument("--reuse", action="store_true",
                    help="match against the OCR texts a previous run left in --out")
    ap.add_argument("only", nargs="*", help="file names from the manifest (default: all)")
    args = ap.parse_args()
    manifest = json.loads((HERE / "manifest.json").read_text())
    args.out.mkdir(parents=True, exist_ok=True)
    report = []
    for entry in manifest["files"]:
        name = entry["name"]
        if args.only and name not in args.only:
            continue
        src = HERE / name
        dst = args.out / name
        cached = args.out / (name + ".output-ocr.txt")
        t0 = time.monotonic()
        if args.reuse and cached.exists():
            run = subprocess.CompletedProcess([], 0, "", "(reused)")
        else:
            profile = ["--profile", str(args.profile)] if args.profile else []
            run = subprocess.run([args.lantero, "redact", str(src), "-o", str(dst),
                                  "--accept-all", *profile], capture_output=True, text=True)
        seconds = time.monotonic() - t0
        row = {"name": name, "pages": entry["pages"], "seconds": round(seconds, 1),
               "exit": run.returncode, "stderr_tail": run.stderr.strip().splitlines()[-2:],
               "leaks": [], "public_lost": []}
        report.append(row)
        if run.returncode != 0 or not dst.exists():
            print(f"{name}: NOT REDACTED (exit {run.returncode}): {row['stderr_tail']}")
            continue
        baseline_path = args.out / (name + ".input-ocr.txt")
        if not baseline_path.exists():
            baseline_path.write_text(ocr(src, args.dpi))
        seen_in = squash(baseline_path.read_text())
        if args.reuse and cached.exists():
            redacted = cached.read_text()
        else:
            redacted = ocr(dst, args.dpi)
            cached.write_text(redacted)
        seen = squash(redacted)
        layer = squash(text_layer(dst))
        for s in entry["secrets"]:
            where = [w for w, text in (("ocr", seen), ("text-layer", layer)) if readable(s, text)]
            if where:
                row["leaks"].append(dict(s, where=where))
        for p in entry["public"]:
            key = squash(p)
            if key in seen_in and key not in seen:
                row["public_lost"].append(p)
        row["secrets"] = len(entry["secrets"])
        row["secrets_unread_in_input"] = [s["text"] for s in entry["secrets"]
                                          if not readable(s, seen_in)]
        kinds = Counter(l["kind"] for l in row["leaks"])
        print(f"{name}: {seconds:.1f} s, {entry['pages'] / max(seconds, 1e-3):.2f} pages/s, "
              f"{len(row['leaks'])}/{len(entry['secrets'])} secrets readable {dict(kinds)}, "
              f"{len(row['public_lost'])}/{len(entry['public'])} public lost", flush=True)
        for l in row["leaks"]:
            flags = [f for f in ("in_image", "wraps", "scanned") if l[f]]
            print(f"    LEAK {l['kind']:<12} {l['text']!r} {flags} via {l['where']}")
        if row["public_lost"]:
            print(f"    public lost: {row['public_lost']}")
    print()
    print("| file | pages | s | pages/s | secrets readable / total | leaks by kind | public lost |")
    print("|---|---|---|---|---|---|---|")
    for r in report:
        if "secrets" not in r:
            print(f"| {r['name']} | {r['pages']} | {r['seconds']} | – | not redacted "
                  f"(exit {r['exit']}) | | |")
            continue
        kinds = Counter(
            l["kind"] + ("(img)" if l["in_image"] else "") + ("(wrap)" if l["wraps"] else "")
            for l in r["leaks"])
        print(f"| {r['name']} | {r['pages']} | {r['seconds']} | "
              f"{r['pages'] / max(r['seconds'], 1e-3):.2f} | {len(r['leaks'])}/{r['secrets']} | "
              f"{', '.join(f'{k} {v}' for k, v in sorted(kinds.items())) or '–'} | "
              f"{', '.join(r['public_lost']) or '–'} |")
    if args.json:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=1))
    bad = any(r["leaks"] or "secrets" not in r for r in report)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
