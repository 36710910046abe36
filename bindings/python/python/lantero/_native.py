"""Points the extension at the native runtimes shipped in the ``pypdfium2`` and
``onnxruntime`` wheels.

PDFium and ONNX Runtime are loaded by the Rust side the first time they are needed; it reads
``LANTERO_PDFIUM_LIB`` and ``ORT_DYLIB_PATH`` first. Setting them here, from where the wheels
are installed, means a plain ``pip install lantero`` works without ``make setup``. The
packages are located without importing them (importing onnxruntime costs half a second and
pulls in numpy). A variable the user has already set is left alone.
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path


def _package_dir(name: str) -> Path | None:
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def _pdfium() -> Path | None:
    folder = _package_dir("pypdfium2_raw")
    candidate = folder / "libpdfium.so" if folder else None
    return candidate if candidate and candidate.is_file() else None


def _onnxruntime() -> Path | None:
    folder = _package_dir("onnxruntime")
    if folder is None:
        return None
    # The wheel names the library with its version, e.g. libonnxruntime.so.1.32.0.
    found = sorted((folder / "capi").glob("libonnxruntime.so*"))
    return found[-1] if found else None


def configure() -> dict[str, str]:
    """Sets the library variables that are unset and can be found; returns what was set."""
    chosen: dict[str, str] = {}
    for variable, finder in (("LANTERO_PDFIUM_LIB", _pdfium), ("ORT_DYLIB_PATH", _onnxruntime)):
        if os.environ.get(variable):
            continue
        path = finder()
        if path is not None:
            os.environ[variable] = str(path)
            chosen[variable] = str(path)
    return chosen
