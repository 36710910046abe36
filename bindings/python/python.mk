# The Python package `lantero` (bindings/python): a virtual environment, an editable build,
# the pytest suite, the wheel, and a check that the wheel works on its own.
# Included from the root Makefile, so paths are relative to the repository root.

# Included before the root Makefile's first target: keep `all` the default goal.
ifeq ($(.DEFAULT_GOAL),)
.DEFAULT_GOAL := all
endif

PY_BINDINGS := bindings/python
PY_VENV := $(CURDIR)/.venv
PY_REQUIREMENTS := $(PY_BINDINGS)/requirements-dev.txt
PY_WHEELS := $(CURDIR)/target/wheels
MATURIN := $(PY_VENV)/bin/maturin
# maturin develop installs into the environment named by VIRTUAL_ENV.
PY_ENV := VIRTUAL_ENV="$(PY_VENV)" PATH="$(PY_VENV)/bin:$$PATH"

.PHONY: python-venv python-develop test-python wheel test-python-wheel

## python-venv: .venv with maturin, pytest, pandas, polars, pyarrow, pypdfium2, onnxruntime
python-venv: $(PY_VENV)/.requirements

# Reinstalled only when the pinned list changes, so a second run does nothing.
$(PY_VENV)/.requirements: $(PY_REQUIREMENTS)
	test -x "$(PY_VENV)/bin/python" || python3 -m venv "$(PY_VENV)"
	"$(PY_VENV)/bin/python" -m pip install --quiet --disable-pip-version-check -r $(PY_REQUIREMENTS)
	cp $(PY_REQUIREMENTS) $@

## python-develop: build the extension (release) and install it editable into .venv
python-develop: python-venv
	$(PY_ENV) $(MATURIN) develop --release --locked --manifest-path $(PY_BINDINGS)/Cargo.toml

## test-python: the pytest suite, PostgreSQL included; no tests collected is a failure
test-python: python-develop
	export LANTERO_PG_URL="$$(scripts/postgres.sh start)"; \
	status=0; LANTERO_REQUIRE_PG=1 "$(PY_VENV)/bin/python" -m pytest $(PY_BINDINGS)/tests || status=$$?; \
	if [ $$status -eq 5 ]; then echo "test-python: pytest collected no tests" >&2; fi; \
	exit $$status

## wheel: the abi3 wheel (CPython >= 3.11) into target/wheels/
wheel: python-venv
	$(MATURIN) build --release --locked --manifest-path $(PY_BINDINGS)/Cargo.toml --out "$(PY_WHEELS)"

## test-python-wheel: install the wheel into a fresh venv and redact + run a control rule
# Nothing from this checkout is visible to the check: it runs in an empty folder with the
# native-library variables unset, so the wheel must find PDFium and ONNX Runtime in the
# pypdfium2 and onnxruntime wheels it depends on.
test-python-wheel: wheel
	tmp="$$(mktemp -d)"; trap 'rm -rf "$$tmp"' EXIT; \
	wheel="$$(ls -t "$(PY_WHEELS)"/lantero-*.whl | head -n 1)"; \
	python3 -m venv "$$tmp/venv"; \
	"$$tmp/venv/bin/python" -m pip install --quiet --disable-pip-version-check \
	  "$$wheel" "$$(grep '^pandas==' $(PY_REQUIREMENTS))"; \
	cp "$(CURDIR)/examples/data/beslut-ekonomiskt-bistand.pdf" "$$tmp/beslut.pdf"; \
	cd "$$tmp" && env -u LANTERO_PDFIUM_LIB -u ORT_DYLIB_PATH -u LANTERO_NATIVE_DIR \
	  "$$tmp/venv/bin/python" "$(CURDIR)/$(PY_BINDINGS)/tests/wheel_smoke.py" beslut.pdf
