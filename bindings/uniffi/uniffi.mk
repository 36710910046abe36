# The UniFFI bindings (bindings/uniffi): Kotlin tests and the committed Swift sources.
# Included from the root Makefile; every path is relative to the repository root.
#
#   make kotlin-setup       JNA (Debian libjna-java) and kotlinc (npm kotlin-compiler), once
#   make test-kotlin        build the cdylib, generate Kotlin, compile and run the Kotlin tests
#   make swift-bindings     regenerate bindings/uniffi/swift/ (commit the result)
#   make check-swift-fresh  fail when bindings/uniffi/swift/ is not what the code generates
#   make test-uniffi-rust   the Rust unit tests of lantero-ffi
#   make lint-uniffi        rustfmt and clippy (warnings are errors) on the bindings workspace
#
# The bindings are their own Cargo workspace (the root one excludes them) with their own lock
# file; the library crate uses `uniffi` without the CLI and `uniffi-bindgen` is a separate
# binary crate, so each builds without the other's dependencies.

UNIFFI_DIR      := bindings/uniffi
UNIFFI_CARGO    := $(CARGO) build --locked --manifest-path $(UNIFFI_DIR)/Cargo.toml
UNIFFI_TARGET   := $(abspath $(if $(CARGO_TARGET_DIR),$(CARGO_TARGET_DIR),$(UNIFFI_DIR)/target))
UNIFFI_LIB_DIR  := $(UNIFFI_TARGET)/debug
UNIFFI_LIB      := $(UNIFFI_LIB_DIR)/liblantero_ffi.so
UNIFFI_BINDGEN  := $(UNIFFI_LIB_DIR)/uniffi-bindgen
KOTLIN_DIR      := $(UNIFFI_DIR)/kotlin
# Compiled Kotlin lives beside the Rust build (outside the clone in CI, so kotlinc reruns only
# when the bindings change).
KOTLIN_BUILD    := $(UNIFFI_TARGET)/kotlin
KOTLIN_BINDINGS := $(KOTLIN_BUILD)/generated/se/lantero/lantero.kt
KOTLIN_TEST_JAR := $(KOTLIN_BUILD)/lantero-test.jar
KOTLINC         := $(KOTLIN_DIR)/node_modules/kotlin-compiler/bin/kotlinc
JNA_JAR         := /usr/share/java/jna.jar
SWIFT_DIR       := $(UNIFFI_DIR)/swift

# $(call uniffi-generate,LANGUAGE,ABSOLUTE_OUT_DIR): bindings from the built library. Runs inside
# the bindings workspace, where uniffi-bindgen finds lantero-ffi/uniffi.toml through cargo
# metadata.
uniffi-generate = (cd $(UNIFFI_DIR) && $(UNIFFI_BINDGEN) generate --no-format \
	--library $(UNIFFI_LIB) --language $(1) --out-dir $(2) >/dev/null)

.PHONY: kotlin-setup test-kotlin swift-bindings check-swift-fresh test-uniffi-rust lint-uniffi \
	uniffi-bindgen

## kotlin-setup: JNA from Debian and kotlinc from npm (idempotent, fast when done)
kotlin-setup:
	@missing=(); \
	command -v java >/dev/null || missing+=(default-jre-headless); \
	[[ -f $(JNA_JAR) ]] || missing+=(libjna-java); \
	if (( $${#missing[@]} )); then \
	  echo "[kotlin-setup] installing Debian packages: $${missing[*]}"; \
	  SUDO=""; [[ $$(id -u) -eq 0 ]] || SUDO=sudo; \
	  $$SUDO apt-get update -qq; \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends "$${missing[@]}" >/dev/null; \
	fi
	@if [[ ! -x $(KOTLINC) || $(KOTLIN_DIR)/package-lock.json -nt $(KOTLIN_DIR)/node_modules/.package-lock.json ]]; then \
	  echo "[kotlin-setup] installing kotlinc from npm (kotlin-compiler)"; \
	  (cd $(KOTLIN_DIR) && npm ci --no-audit --no-fund --loglevel=error); \
	fi

uniffi-bindgen:
	$(UNIFFI_CARGO) -p uniffi-bindgen

## test-kotlin: the Kotlin tests against a fresh cdylib (with the panic test hook)
test-kotlin: kotlin-setup uniffi-bindgen
	$(UNIFFI_CARGO) -p lantero-ffi --features testing
	@rm -rf $(KOTLIN_BUILD)/generated.new
	@$(call uniffi-generate,kotlin,$(abspath $(KOTLIN_BUILD)/generated.new))
	@# Replace the bindings only when they changed, so kotlinc (slow) runs only when needed.
	@if ! cmp -s $(KOTLIN_BUILD)/generated.new/se/lantero/lantero.kt $(KOTLIN_BINDINGS); then \
	  rm -rf $(KOTLIN_BUILD)/generated && mv $(KOTLIN_BUILD)/generated.new $(KOTLIN_BUILD)/generated; \
	else rm -rf $(KOTLIN_BUILD)/generated.new; fi
	@if [[ ! $(KOTLIN_TEST_JAR) -nt $(KOTLIN_BINDINGS) || ! $(KOTLIN_TEST_JAR) -nt $(KOTLIN_DIR)/LanteroTest.kt ]]; then \
	  echo "[test-kotlin] kotlinc"; \
	  $(KOTLINC) -nowarn -cp $(JNA_JAR) -include-runtime -d $(KOTLIN_TEST_JAR) \
	    $(KOTLIN_BINDINGS) $(KOTLIN_DIR)/LanteroTest.kt; \
	fi
	RUST_BACKTRACE=0 java -Djna.library.path=$(UNIFFI_LIB_DIR) -cp $(KOTLIN_TEST_JAR):$(JNA_JAR) \
	  se.lantero.test.LanteroTestKt examples/data

## swift-bindings: regenerate the committed Swift sources (no Swift toolchain needed)
swift-bindings: uniffi-bindgen
	$(UNIFFI_CARGO) -p lantero-ffi
	@rm -rf $(SWIFT_DIR) && mkdir -p $(SWIFT_DIR)
	@$(call uniffi-generate,swift,$(abspath $(SWIFT_DIR)))
	@echo "Swift bindings written to $(SWIFT_DIR)/"

## check-swift-fresh: fail when the committed Swift sources differ from what the code generates
check-swift-fresh: uniffi-bindgen
	$(UNIFFI_CARGO) -p lantero-ffi
	@tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	$(call uniffi-generate,swift,$$tmp); \
	if ! diff -ru $(SWIFT_DIR) "$$tmp" >/dev/null; then \
	  diff -ru $(SWIFT_DIR) "$$tmp" | head -40 || true; \
	  echo "bindings/uniffi/swift/ is stale: run 'make swift-bindings' and commit the result" >&2; \
	  exit 1; \
	fi; \
	echo "bindings/uniffi/swift/ is up to date"

## test-uniffi-rust: the Rust unit tests of the FFI layer
test-uniffi-rust:
	$(CARGO) test --locked --manifest-path $(UNIFFI_DIR)/Cargo.toml -p lantero-ffi --features testing

## lint-uniffi: formatting and clippy for the bindings workspace, warnings are errors
lint-uniffi:
	$(CARGO) fmt --manifest-path $(UNIFFI_DIR)/Cargo.toml -p lantero-ffi -p uniffi-bindgen --check
	$(CARGO) clippy --locked --manifest-path $(UNIFFI_DIR)/Cargo.toml --all-targets \
	  --features lantero-ffi/testing -- -D warnings
