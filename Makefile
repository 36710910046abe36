# Lantero: the README's two commands are `make demo` and `make test`; everything they need is
# installed by `make setup` (Debian packages, the PDFium and ONNX Runtime wheels from PyPI).
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
CARGO ?= cargo
LANTERO := $(if $(CARGO_TARGET_DIR),$(CARGO_TARGET_DIR),$(CURDIR)/target)/release/lantero

.DEFAULT_GOAL := build

# Bindings and the model bring their own targets (Python, Kotlin/Swift, training).
-include bindings/python/python.mk
-include bindings/uniffi/uniffi.mk
-include training/train.mk

.PHONY: all setup build demo test test-rust test-benches test-engines engines-venv lint lint-all fmt bench bench-peers clean-native fuzz fuzz-smoke

all: build

## setup: install what this machine lacks (idempotent, fast when done)
setup:
	@scripts/setup.sh

## build: the `lantero` binary (release)
build: setup
	$(CARGO) build --release --locked -p lantero-cli

## demo: build, then redact the bundled sample documents and say where the output went
demo: build
	@LANTERO="$(LANTERO)" scripts/demo.sh

## test: everything — lint, Rust unit/integration/doc tests, benchmarks in quick test mode,
## the Kotlin bindings' tests and the Swift bindings' freshness check, the Python package's
## pytest suite and a fresh-venv install of its wheel
test: setup lint test-rust test-benches test-engines fuzz-smoke test-kotlin check-swift-fresh test-python test-python-wheel

# The PostgreSQL conformance suite runs against a real server on loopback (scripts/postgres.sh
# installs Debian's postgresql when missing); LANTERO_REQUIRE_PG makes a missing server a failure.
test-rust:
	export LANTERO_PG_URL="$$(scripts/postgres.sh start)"; \
	LANTERO_REQUIRE_PG=1 $(CARGO) test --locked --workspace
	$(CARGO) test --locked --release -p lantero-redact --test realistic -- --ignored

# Criterion runs each benchmark once when not given --bench: proves they work, fast.
test-benches:
	export LANTERO_PG_URL="$$(scripts/postgres.sh start)"; \
	$(CARGO) test --locked -p lantero-benches --benches

## test-engines: the exported control rules (the standard ones and injection strings) on
## SQLite, PostgreSQL (standard_conforming_strings on and off), DuckDB and Spark local mode;
## every rule must flag exactly what the built-in engine flags
ENGINES_VENV := tests/engines/.venv
ENGINES_PINS := tests/engines/requirements.txt
ENGINES_OUT := $(if $(CARGO_TARGET_DIR),$(CARGO_TARGET_DIR),$(CURDIR)/target)/engines
test-engines: engines-venv
	export LANTERO_PG_URL="$$(scripts/postgres.sh start)"; \
	$(CARGO) run --locked --quiet -p lantero-fraudfinder --example sql_engines -- $(ENGINES_OUT) && \
	SPARK_LOCAL_IP=127.0.0.1 LANTERO_REQUIRE_PG=1 \
	  $(ENGINES_VENV)/bin/python tests/engines/check_engines.py $(ENGINES_OUT)

# Java for Spark from Debian; DuckDB, PySpark and psycopg pinned from PyPI into a git-ignored
# venv, remade only when the pins change.
engines-venv:
	@set -e; if ! command -v java >/dev/null; then \
	  SUDO=""; [[ $$(id -u) -eq 0 ]] || SUDO="sudo"; \
	  $$SUDO apt-get update -qq; \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends \
	    default-jre-headless >/dev/null; \
	fi
	@set -e; if ! cmp -s $(ENGINES_PINS) $(ENGINES_VENV)/.pins; then \
	  rm -rf $(ENGINES_VENV); \
	  python3 -m venv $(ENGINES_VENV); \
	  $(ENGINES_VENV)/bin/pip install --quiet --disable-pip-version-check -r $(ENGINES_PINS); \
	  cp $(ENGINES_PINS) $(ENGINES_VENV)/.pins; \
	  echo "engines-venv: $(ENGINES_VENV) ($$(grep -v '^#' $(ENGINES_PINS) | tr '\n' ' '))"; \
	fi

## lint: formatting, clippy and rustdoc (broken doc links), warnings are errors
lint:
	$(CARGO) fmt --all --check
	$(CARGO) clippy --locked --workspace --all-targets -- -D warnings
	RUSTDOCFLAGS="-D warnings" $(CARGO) doc --locked --no-deps --workspace --quiet

## lint-all: lint plus the bindings' own workspaces (slow when cold)
lint-all: lint lint-uniffi

fmt:
	$(CARGO) fmt --all

## bench: the criterion benchmarks, full measurement (the peers of redact/realistic included)
bench: setup bench-peers
	export LANTERO_PG_URL="$$(scripts/postgres.sh start)"; \
	export LANTERO_PEER_PYTHON="$(PEER_PYTHON)"; \
	$(CARGO) bench --locked -p lantero-benches

# The peers `redact/realistic` and `fraudfinder_controls` compare against
# (benches/peers/pymupdf_presidio.py, benches/peers/duckdb_controls.py): a venv with pinned
# PyMuPDF, Presidio, spaCy and DuckDB from PyPI (no spaCy model: the script saves a blank
# Swedish pipeline). Remade only when the pins change.
PEER_VENV := benches/peers/.venv
PEER_PYTHON := $(CURDIR)/$(PEER_VENV)/bin/python
PEER_PINS := pymupdf==1.28.2 presidio-analyzer==2.2.366 spacy==3.8.18 duckdb==1.5.6

## bench-peers: the venv with the benchmarks' peers (benches/peers/.venv)
bench-peers:
	@if [[ "$$(cat $(PEER_VENV)/.pins 2>/dev/null)" != "$(PEER_PINS)" ]]; then \
	  rm -rf $(PEER_VENV); \
	  python3 -m venv $(PEER_VENV); \
	  $(PEER_VENV)/bin/pip install --quiet --disable-pip-version-check $(PEER_PINS); \
	  echo "$(PEER_PINS)" > $(PEER_VENV)/.pins; \
	  echo "bench-peers: $(PEER_VENV) ($(PEER_PINS))"; \
	fi

## fuzz-smoke: build every fuzz target (fuzz/) and run each on a few thousand random inputs
FUZZ_TARGETS := identifiers detect_text review_json asset_csv catalogue_json ocr_tsv pdf rule_language text_pages
FUZZ_BIN := $(if $(CARGO_TARGET_DIR),$(CARGO_TARGET_DIR),$(CURDIR)/fuzz/target)/debug
fuzz-smoke:
	cd fuzz && $(CARGO) build --locked --bins
	for t in $(FUZZ_TARGETS); do \
	  runs=3000; [[ $$t == pdf || $$t == text_pages ]] && runs=300; \
	  $(FUZZ_BIN)/$$t -runs=$$runs -max_len=4096 -seed=1 2>&1 | tail -n 1; \
	done

## fuzz: coverage-guided fuzzing with cargo-fuzz (installed from crates.io when missing),
## FUZZ_SECONDS per target
FUZZ_SECONDS ?= 60
fuzz:
	command -v cargo-fuzz >/dev/null || $(CARGO) install --locked cargo-fuzz
	cd fuzz && for t in $(FUZZ_TARGETS); do \
	  RUSTC_BOOTSTRAP=1 cargo fuzz run --sanitizer none $$t -- -max_total_time=$(FUZZ_SECONDS); \
	done

clean-native:
	rm -rf .native
