"""The model card, written from the config the trainer just produced."""

from __future__ import annotations

_NAMES = {"PER": "PERSON", "LOC": "LOCATION", "ORG": "ORGANIZATION", "MISC": "MISC (internal)"}


def _table(metrics: dict) -> str:
    rows = ["| Entity | Gold | Predicted | Precision | Recall | F1 | F2 | Coverage recall |",
            "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for key in ("PER", "LOC", "ORG", "MISC", "ALL"):
        m = metrics.get(key)
        if not m:
            continue
        rows.append(f"| {_NAMES.get(key, key)} | {m['gold']} | {m['predicted']} | {m['precision']:.3f} | "
                    f"{m['recall']:.3f} | {m['f1']:.3f} | {m['f2']:.3f} | {m['coverage']:.3f} |")
    return "\n".join(rows)


def _targets(person: dict, config: dict) -> str:
    """The model's figures against the project's PERSON targets (exact-span F1 0.90, coverage
    0.95), and the built-in detector's when they were measured."""
    f1, coverage, gold = person.get("f1", 0.0), person.get("coverage", 0.0), person.get("gold", 0)

    def verdict(value: float, target: float) -> str:
        return f"{value:.3f}, {'meets' if value >= target else 'below'} the target {target:.2f}"

    return (f"On the news dev split, PERSON exact-span F1 is {verdict(f1, 0.90)}; coverage recall "
            f"is {verdict(coverage, 0.95)}. With {gold} names there, one name is worth "
            f"{100 / max(gold, 1):.1f} points of recall." + _detector_targets(config))


def _detector_person(config: dict) -> dict | None:
    """The built-in detector's PERSON dev metrics, when ``lantero eval ner --detector`` measured
    them (``python -m lantero_ner card``)."""
    return (config.get("detector_dev_metrics") or {}).get("PER")


def _detector_targets(config: dict) -> str:
    person = _detector_person(config)
    if not person:
        return ""
    return (f" With the name lists and the resolver (what the redaction proposes), F1 is "
            f"{person['f1']:.3f} and coverage recall {person['coverage']:.3f}.")


def _detector(config: dict) -> str:
    """The dev figures of what the redaction proposes (the built-in detector: this model with the
    name lists and the resolver), when measured."""
    person = _detector_person(config)
    if not person:
        return ""
    covered = round(person["coverage"] * person["gold"])
    met = person["f1"] >= 0.90 and person["coverage"] >= 0.95
    return f"""What the redaction proposes as PERSON on the same split: this model together with the name
lists and the resolver (the built-in detector, each sentence a document of its own;
`lantero eval ner --detector`, measured in Rust). The name lists find some names the model
misses: coverage recall {person['coverage']:.3f} ({covered} of {person['gold']} names) at F1
{person['f1']:.3f}, so the targets (F1 0.90, coverage 0.95) are {'met' if met else 'not met'} there. The
name lists were written from general knowledge before the split existed; nothing in them was
chosen on it.

{_table({"PER": person})}

"""


def _ensemble(t: dict, members: int, seeds: str) -> str:
    """How the shipped tagger relates to the ensemble it was trained with."""
    if t.get("distilled_from"):
        alpha = t["distil_alpha"]
        mix = "" if alpha >= 1 else f" (weight {alpha}, mixed with the gold tags)"
        return (f"**Distilled**: {members} taggers with seeds {seeds} (an ensemble), each trained on "
                f"the corpus and on its own synthetic documents, label all of their training data with "
                f"the mean of their probabilities; one student tagger (seed {t['seed'] + 100}) learns "
                f"those probabilities{mix}. It keeps most of the ensemble's accuracy at the cost of one "
                f"tagger; the graph is the student alone.")
    if members > 1:
        return (f"**Ensemble** of {members} such taggers with seeds {seeds}, each trained on the corpus "
                f"and on its own synthetic documents; the graph outputs the mean of their probabilities.")
    return f"One tagger, seed {t['seed']}."


def _wide(t: dict) -> str:
    """The international name pool, when the training used it (``--wide-names``)."""
    share = t.get("wide_names_share") or 0
    if not share:
        return ""
    return (f" {share:.0%} of the names and places in the synthetic documents come from the person and "
            f"address lists of the Faker package (MIT licence; `training/lantero_ner/namepool.py`), "
            f"less the held-out names.")


def render(config: dict) -> str:
    t = config["training"]
    arch = t["architecture"]
    cal = config["calibration"]
    cal_rows = "\n".join(f"| {_NAMES[k]} | {v['a']:.3f} | {v['b']:.3f} |" for k, v in cal.items())
    customer = ", ".join(t["customer_files"]) or "none"
    teachers = t.get("distilled_from") or 0
    members = teachers or t.get("members", 1)
    seeds = ", ".join(str(t["seed"] + k) for k in range(members))
    return f"""# Model card: Lantero Swedish named-entity tagger

*Generated by `make train` (`training/lantero_ner/card.py`) on {t['date']}; edit the generator,
not this file.*

## What it does
Tags persons, places and organisations in Swedish text for `lantero-redact`'s `ner`
recognizer (`PERSON`, `LOCATION`, `ORGANIZATION`; a fourth class, `MISC`, is learnt but not
reported). It proposes masks for a caseworker to confirm; it is one of several recognizers, and
the resolver propagates the names it finds to their other occurrences in the document.

## Architecture
A word-level tagger, small enough to embed in the library and fast on one CPU core:

* **Tokens** by explicit rules (whitespace, symbols, joiners; soft hyphen and zero-width
  characters ignored), identical in Python and Rust — `preprocess-vectors.json` proves it.
* **Features** per token: the word, the word as written, case class, shape, length, prefixes
  1–3, suffixes 1–4 and up to 20 character trigrams; each hashed with FNV-1a 64 into
  {arch['buckets']:,} buckets ({arch['max_features']} per token, id 0 = padding). The two
  whole-word features are used only for the {config['known_features']:,} words seen at least
  twice in training (`known-features.txt`); any other word gets `w:<unk>`/`t:<unk>` instead of
  colliding with a trained word's row.
* **Embedding bag** ({arch['dim']} dimensions, stored as int8 with a scale per row) → dense layer
  ({arch['hidden']} units, ReLU) → {len(arch['dilations'])} residual 1-D convolutions (kernel
  {arch['kernel']}, dilations {', '.join(map(str, arch['dilations']))}; receptive field
  {1 + sum(d * (arch['kernel'] - 1) for d in arch['dilations'])} tokens) → softmax over {arch['labels']} BIO tags.
* {_ensemble(t, members, seeds)}
* **Decoding**: windows of {config['window']} tokens overlapping by {config['overlap']} (probabilities
  averaged), a Viterbi path in which `I-X` only follows `B-X`/`I-X`; tokens of one type one
  space apart on a line form one span (the corpus cannot mark adjacent entities of one type);
  span score = mean probability of the span's type over its tokens.
* ONNX opset 17, {t['model_bytes'] / 1e6:.1f} MB; run with ONNX Runtime through `ort`.

## Training data
* **Swedish NER corpus** (`swedish-ner-corpus`, A. Klintberg et al.; Webbnyheter 2012 from
  Språkbanken, semi-manually annotated with PER, ORG, LOC, MISC), licensed under
  **Creative Commons Attribution 4.0** (CC BY 4.0, https://creativecommons.org/licenses/by/4.0/).
  This model is trained on it and the dev split file
  `lantero-redact/tests/data/ner/dev.conll` is an unchanged excerpt of it. SHA-256 of the
  training file used: `{t['corpus_sha256']}`.
  Split: blocks of 10 consecutive sentences, 10 % of blocks held out as the dev split
  (seed {t['split_seed']}): {t['train_sentences']} training sentences, {t['dev_sentences']} dev sentences.
  The dev split is never trained on.
* **Synthetic municipal documents** ({t['synthetic_documents']} per member, seeds {seeds}): decision
  letters, e-mails with signatures, journal notes, tip reports and minutes generated from
  templates and invented name lists (`training/lantero_ner/synth.py`, `lexicon.py`) — names in
  headers, ALL CAPS, lowercase e-mail local parts, genitive -s, hyphenated, inverted and
  non-Nordic names. No real person's data.{_wide(t)}
* **Customer data**: {customer}.{' Initialised from ' + t['initialised_from'] + '.' if t['initialised_from'] else ''}

Training: {t['epochs']} epochs of Adam (learning rate {t['learning_rate']}, warm-up and linear
decay), entity tags weighted {t['entity_weight']}× in the loss (recall before precision),
dropout {t['dropout']} and feature dropout (whole-word features dropped more often, so unseen names
are recognised from their spelling), seed {t['seed']}; {t['seconds']} s on the build machine's CPU.
The ensemble size, the entity weight, the number of synthetic documents and the student's
target weight were chosen on the dev split (single taggers with seeds 13–16 scored PERSON F1
0.879–0.896 there; three-tagger ensembles 0.899–0.909; students distilled from them 0.888–0.904,
the higher with the ensemble's probabilities alone as targets; fewer synthetic documents, a higher
entity weight, training on copies of the corpus sentences with the person names swapped, five
teachers instead of three, synthetic names and places drawn from Faker's international lists
(`--wide-names`), a student trained on three copies of the corpus sentences, a higher loss weight
for PERSON tags alone (6), or dropping the whole-word features of entity tokens more often (0.7)
did no better there, and neither does a bias towards PERSON at decoding (the missed names are
tagged as places or organisations with confidence); nor did name-list features — a token is in Faker's lists
of first names, surnames or places: single taggers gained +0.005 and +0.035 F1 on two seeds, the
distilled tagger scored 0.893 F1 and 0.938 coverage), so the dev figures below are slightly
optimistic for unseen news text.
The international lists do help on municipal documents: with half of the synthetic names drawn
from them, distilled taggers (seed 13, three or five teachers) cover 0.995–0.996 of the held-out
synthetic names instead of 0.983–0.985, but score dev PERSON F1 0.886–0.887 (0.878–0.904 without).

## Metrics (exact spans)
Dev split of the news corpus ({t['dev_sentences']} sentences; each sentence tagged on its own):

{_table(t['dev_metrics'])}

{_detector(config)}Held-out synthetic municipal documents (unseen names; not used in training):

{_table(t['heldout_synthetic_metrics'])}

*Coverage recall*: the share of gold spans whose every character is inside predicted spans of
the same type — what matters for masking. `make test` re-measures the dev split in Rust
(`tests/ner_dev_floor.rs`) against a floor, and checks name coverage on held-out documents
after the full detector and the resolver's propagation (`tests/ner_documents.rs`).

## Calibration
Scores are Platt-scaled per type on the dev split's predicted spans, labelled by exact-span
correctness: `score = sigmoid(a · logit(raw) + b)`. A score is an estimate of the probability
that the span is exactly right, so `--min-score 0.5` keeps spans that are right at least about
half the time. (Fitted and measured on the same split; the spans themselves are not tuned on it.)

| Type | a | b |
|---|---:|---:|
{cal_rows}

## Limits
* {_targets(t['dev_metrics'].get('PER', {}), config)} The misses are mostly single unknown names with
  little context (a sentence-initial surname, a foreign athlete), and the corpus itself is
  inconsistent about artists and brands (some are PER, some MISC or ORG). On municipal
  documents, names are covered after the full detector and the resolver's propagation
  (`tests/ner_documents.rs`).
* News text is the only human-annotated source; municipal genres are synthetic. Expect lower
  precision on unusual layouts (tables, forms) and on names that are also common words.
* Swedish only. Person names written entirely in lowercase are found less reliably.
* A lone first name is not propagated by the resolver; the model has to find it itself.

## Reproduce
`make train` (seed {t['seed']}) writes a model to `training/out/`; `make train-check` compares
its dev F1 with this card's (tolerance ±0.01). Fine-tune on your own annotated documents with
`make train CUSTOMER=path/to/file.jsonl` (see `training/README.md`).
"""
