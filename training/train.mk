# The named-entity model: training, reproducibility check and evaluation.
# Included by the top-level Makefile. Everything runs on the CPU; nothing needs a GPU.
#
#   make train                    train with SEED into training/out (about 10–20 min on 2 cores)
#   make train-check              compare training/out's dev F1 with the shipped model's (±0.01)
#   make train-ship               train and replace the shipped model, dev split and held-out files
#   make train CUSTOMER=a.jsonl INIT=lantero-redact/models/ner/model.onnx
#                                 fine-tune the shipped model on your own annotated documents
#   make train WIDE_NAMES=0.5     draw half of the synthetic names and places from Faker's lists
#   make eval-ner                 the shipped model's metrics on the dev split, through `lantero`,
#                                 then the built-in detector's (model + name lists + resolver)

TRAIN_PYTHON ?= python3
TRAIN_VENV := training/.venv
TRAIN_OUT ?= training/out
SHIPPED_NER := lantero-redact/models/ner
NER_TEST_DATA := lantero-redact/tests/data/ner
SEED ?= 13
EPOCHS ?= 10
MEMBERS ?= 3
WIDE_NAMES ?= 0
CUSTOMER ?=
INIT ?=
TRAIN_ARGS = --seed $(SEED) --epochs $(EPOCHS) --members $(MEMBERS) --wide-names $(WIDE_NAMES) \
	$(foreach f,$(CUSTOMER),--customer $(abspath $(f))) $(if $(INIT),--init $(abspath $(INIT)))

.PHONY: train train-check train-ship eval-ner train-venv

train-venv: $(TRAIN_VENV)/.installed

$(TRAIN_VENV)/.installed: training/requirements.txt
	$(TRAIN_PYTHON) -m venv $(TRAIN_VENV)
	$(TRAIN_VENV)/bin/pip install --quiet --disable-pip-version-check -r training/requirements.txt
	touch $@

## train: train the named-entity model from the corpus and synthetic documents (SEED=13)
train: train-venv
	cd training && JAX_PLATFORMS=cpu .venv/bin/python -m lantero_ner train $(TRAIN_ARGS) \
		--out $(abspath $(TRAIN_OUT)) --no-card

## train-check: retraining with the same seed reproduces the shipped model's dev F1 (±0.01)
train-check: train
	cd training && .venv/bin/python -m lantero_ner compare $(abspath $(SHIPPED_NER)) $(abspath $(TRAIN_OUT))

## train-ship: train and replace the shipped model, its card, the dev split and held-out documents
## (then measures the built-in detector with the new model on the dev split, for the card)
train-ship: train-venv
	cd training && JAX_PLATFORMS=cpu .venv/bin/python -m lantero_ner train $(TRAIN_ARGS) \
		--out $(abspath $(SHIPPED_NER)) --dev-out $(abspath $(NER_TEST_DATA))/dev.conll \
		--heldout-out $(abspath $(NER_TEST_DATA))/heldout-documents.jsonl
	$(MAKE) build
	mkdir -p $(TRAIN_OUT)
	$(LANTERO) eval ner $(NER_TEST_DATA)/dev.conll --detector --format json > $(TRAIN_OUT)/detector-dev.json
	cd training && .venv/bin/python -m lantero_ner card --model $(abspath $(SHIPPED_NER)) \
		--detector-report $(abspath $(TRAIN_OUT))/detector-dev.json

## eval-ner: per-entity precision, recall, F1, F2 and coverage of the shipped model on the dev split
eval-ner: build
	$(LANTERO) eval ner $(NER_TEST_DATA)/dev.conll
	$(LANTERO) eval ner $(NER_TEST_DATA)/dev.conll --detector
