"""Command line of the training pipeline: ``python -m lantero_ner COMMAND``.

    train     train from the corpus and synthetic documents (optionally the customer's own
              annotated files, optionally starting from a shipped model), export ONNX, evaluate,
              calibrate, and write the model directory
    vectors   write the preprocessing test vectors that the Rust tests check
    eval      evaluate a model directory on a CoNLL or JSONL file
    calibrate re-measure a model directory and refit its calibration
    card      store the built-in detector's dev metrics (from `lantero eval ner --detector`) in
              a model directory's config and re-render its card
    compare   check that a retrained model's dev metrics are within a tolerance of another's
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import sys
import time
from pathlib import Path

CORPUS_DEFAULT = Path(__file__).resolve().parents[2].parent / "shared/data/swedish-ner-corpus/train.conll"
SPLIT_SEED = 2026


def _load(paths: list[Path]):
    from . import data

    out = []
    for p in paths:
        if p.suffix == ".jsonl":
            out.extend(data.read_jsonl(p))
        else:
            out.extend(data.sentence_example(s) for s in data.read_conll(p))
    return out


def _evaluate(model_path: Path, examples) -> dict:
    from . import export, metrics, train

    tagger = export.OrtTagger(model_path)
    pred = train.predict(examples, tagger)
    docs = [(e.text, e.spans, [(s, t, l) for s, t, l, _ in p]) for e, p in zip(examples, pred)]
    return metrics.score(docs), pred


def cmd_train(args) -> int:
    import numpy as np

    from . import card, data, decode, export, model, synth, train, vectors

    started = time.time()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    corpus_path = Path(args.corpus)
    corpus_bytes = corpus_path.read_bytes()
    sentences = data.read_conll(corpus_path)
    train_sents, dev_sents = data.dev_split(sentences, seed=SPLIT_SEED)
    if args.dev_out:
        data.write_conll(Path(args.dev_out), dev_sents)
    train_ex = [data.sentence_example(s) for s in train_sents]
    dev_ex = [data.sentence_example(s) for s in dev_sents]
    customer = _load([Path(p) for p in args.customer])
    cfg = _architecture(Path(args.init)) if args.init else model.Config(hidden=args.hidden)
    init_members = export.from_onnx(Path(args.init), cfg) if args.init else None
    count = len(init_members) if init_members else args.members
    # An ensemble whose members differ in their seed: initial weights, batch order, dropout and
    # their own synthetic documents. Known words are counted over everything any member sees.
    synthetic = [synth.generate(args.synthetic, seed=args.seed + k, heldout=False, wide_share=args.wide_names)
                 for k in range(count)]
    known = train.count_known(train_ex + [d for docs in synthetic for d in docs] + customer)
    if args.init:
        known |= _read_known(Path(args.init).parent / "known-features.txt")
    train.set_known(known)
    print(f"train: {len(train_ex)} corpus sentences, {args.synthetic} synthetic documents per member, "
          f"{len(customer)} customer documents; dev: {len(dev_ex)} sentences", flush=True)

    log = lambda m: print(m, flush=True)  # noqa: E731
    members = []
    for k in range(count):
        pieces = train.chunks(train_ex + synthetic[k] + customer * args.customer_weight)
        print(f"member {k + 1}/{count}: {sum(len(p[0]) for p in pieces)} tokens", flush=True)
        init = init_members[k] if init_members else None
        members.append(train.train(cfg, pieces, seed=args.seed + k, epochs=args.epochs, lr=args.lr,
                                   params=init, dropout=args.dropout, entity_weight=args.entity_weight,
                                   log=log))
    teachers = 0
    if args.distil and len(members) > 1:
        # One student learns the ensemble's probabilities: nearly its accuracy at the cost of
        # one tagger at inference time.
        teachers = len(members)
        transfer = train.chunks(train_ex + [d for docs in synthetic for d in docs] + customer * args.customer_weight)
        soft = train.distillation_pieces(transfer, members, cfg, args.distil_alpha)
        print(f"student: {sum(len(p[0]) for p in soft)} tokens with the ensemble's soft targets", flush=True)
        members = [train.train(cfg, soft, seed=args.seed + 100, epochs=args.distil_epochs or args.epochs, lr=args.lr,
                               dropout=args.dropout, entity_weight=args.entity_weight, log=log)]
    model_path = out / "model.onnx"
    export.to_onnx(members, cfg, model_path, doc="Lantero Swedish NER tagger; see MODEL_CARD.md")

    # The exported graph must compute what was trained (with the int8 embedding rows it stores,
    # so that only float rounding separates the two).
    check_ids = train.features(data.tokenized(dev_ex[0])[0])
    stored = [{**m, "emb": export.dequantise_rows(*export.quantise_rows(np.asarray(m["emb"])))} for m in members]
    jax_probs = np.mean([train.predict_probs_jax(m, cfg, [check_ids])[0] for m in stored], axis=0)
    ort_probs = export.OrtTagger(model_path)([check_ids])[0]
    drift = float(np.max(np.abs(jax_probs - ort_probs)))
    print(f"ONNX vs training graph: max |Δp| = {drift:.2e}", flush=True)
    if drift > 1e-4:
        print("error: the exported graph disagrees with the trained one", file=sys.stderr)
        return 1

    scores, pred = _evaluate(model_path, dev_ex)
    calibration = _calibration(dev_ex, pred)
    heldout = synth.generate(args.heldout, seed=args.seed + 1000, heldout=True)
    held_scores, _ = _evaluate(model_path, heldout)
    for name, s in (("dev", scores), ("held-out synthetic", held_scores)):
        for etype in ("PER", "LOC", "ORG"):
            m = s.get(etype, {})
            print(f"{name:>18} {etype}: P {m.get('precision', 0):.3f} R {m.get('recall', 0):.3f} "
                  f"F1 {m.get('f1', 0):.3f} F2 {m.get('f2', 0):.3f} coverage {m.get('coverage', 0):.3f}")

    seconds = time.time() - started
    config = {
        "schema": "lantero-ner-config/1",
        "preprocess_version": vectors.pp.PREPROCESS_VERSION,
        "buckets": cfg.buckets,
        "max_features": cfg.max_features,
        "known_features": len(known),
        "labels": list(data.LABELS),
        "window": decode.WINDOW,
        "overlap": decode.OVERLAP,
        "calibration": calibration,
        "training": {
            "seed": args.seed,
            "members": len(members),
            "distilled_from": teachers,
            "distil_alpha": args.distil_alpha if teachers else None,
            "split_seed": SPLIT_SEED,
            "epochs": args.epochs,
            "learning_rate": args.lr,
            "dropout": args.dropout,
            "entity_weight": args.entity_weight,
            "synthetic_documents": args.synthetic,
            "wide_names_share": args.wide_names,
            "customer_files": [Path(p).name for p in args.customer],
            "initialised_from": Path(args.init).name if args.init else None,
            "architecture": cfg.to_json(),
            "corpus_sha256": hashlib.sha256(corpus_bytes).hexdigest(),
            "train_sentences": len(train_ex),
            "dev_sentences": len(dev_ex),
            "date": datetime.date.today().isoformat(),
            "seconds": round(seconds),
            "model_bytes": model_path.stat().st_size,
            "dev_metrics": _round(scores),
            "heldout_synthetic_metrics": _round(held_scores),
        },
    }
    (out / "config.json").write_text(json.dumps(config, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    (out / "known-features.txt").write_text("".join(f + "\n" for f in sorted(known)), encoding="utf-8")
    vectors.write(out / "preprocess-vectors.json")
    if args.heldout_out:
        _write_jsonl(Path(args.heldout_out), heldout)
    if not args.no_card:
        (out / "MODEL_CARD.md").write_text(card.render(config), encoding="utf-8")
    print(f"wrote {out} in {seconds:.0f} s ({model_path.stat().st_size / 1e6:.1f} MB model)")
    return 0


def _calibration(examples, pred) -> dict:
    """Platt parameters per type, fitted on predicted spans labelled by exact correctness."""
    from . import decode

    calibration = {}
    for etype in ("PER", "LOC", "ORG", "MISC"):
        raw, correct = [], []
        for ex, spans in zip(examples, pred):
            gold = set(ex.spans)
            for s, t, l, r in spans:
                if l == etype:
                    raw.append(r)
                    correct.append((s, t, l) in gold)
        a, b = decode.fit_platt(raw, correct)
        calibration[etype] = {"a": a, "b": b}
    return calibration


def cmd_calibrate(args) -> int:
    """Re-measures a model directory on its dev file (and held-out documents), refits its
    calibration, and rewrites its config and card — after a change to decoding."""
    from . import card, train

    model_dir = Path(args.model)
    train.set_known(_read_known(model_dir / "known-features.txt"))
    examples = _load([Path(args.dev)])
    _, pred = _evaluate(model_dir / "model.onnx", examples)
    config_path = model_dir / "config.json"
    config = json.loads(config_path.read_text(encoding="utf-8"))
    scores, _ = _evaluate(model_dir / "model.onnx", examples)
    config["calibration"] = _calibration(examples, pred)
    config["training"]["dev_metrics"] = _round(scores)
    if args.heldout:
        held, _ = _evaluate(model_dir / "model.onnx", _load([Path(args.heldout)]))
        config["training"]["heldout_synthetic_metrics"] = _round(held)
    config_path.write_text(json.dumps(config, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    if (model_dir / "MODEL_CARD.md").exists():
        (model_dir / "MODEL_CARD.md").write_text(card.render(config), encoding="utf-8")
    print(json.dumps(config["calibration"], indent=1))
    return 0


def _architecture(init: Path):
    """The architecture of the model to fine-tune, from the config.json beside it."""
    from . import model

    arch = json.loads((init.parent / "config.json").read_text(encoding="utf-8"))["training"]["architecture"]
    arch["dilations"] = tuple(arch["dilations"])
    return model.Config(**arch)


def _read_known(path: Path) -> frozenset[str]:
    return frozenset(line for line in path.read_text(encoding="utf-8").splitlines() if line)


def _round(scores: dict) -> dict:
    return {k: {m: (round(v, 4) if isinstance(v, float) else v) for m, v in s.items()} for k, s in sorted(scores.items())}


def _write_jsonl(path: Path, examples) -> None:
    names = {"PER": "PERSON", "LOC": "LOCATION", "ORG": "ORGANIZATION", "MISC": "MISC"}
    with path.open("w", encoding="utf-8") as f:
        for ex in examples:
            spans = [{"start": s, "end": e, "label": names[l]} for s, e, l in ex.spans]
            f.write(json.dumps({"text": ex.text, "spans": spans}, ensure_ascii=False) + "\n")


def cmd_card(args) -> int:
    """Stores what `lantero eval ner --detector --format json` measured in a model directory's
    config, and re-renders its card."""
    from . import card

    model_dir = Path(args.model)
    config_path = model_dir / "config.json"
    config = json.loads(config_path.read_text(encoding="utf-8"))
    if args.detector_report:
        report = json.loads(Path(args.detector_report).read_text(encoding="utf-8"))
        if report.get("predictor") != "detector":
            print(f"error: {args.detector_report}: not a `lantero eval ner --detector` report", file=sys.stderr)
            return 2
        config["detector_dev_metrics"] = _round(report["entities"])
        config_path.write_text(json.dumps(config, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    (model_dir / "MODEL_CARD.md").write_text(card.render(config), encoding="utf-8")
    print(f"wrote {model_dir / 'MODEL_CARD.md'}")
    return 0


def cmd_vectors(args) -> int:
    from . import vectors

    vectors.write(Path(args.out))
    print(f"wrote {args.out}")
    return 0


def cmd_eval(args) -> int:
    from . import train

    train.set_known(_read_known(Path(args.model) / "known-features.txt"))
    examples = _load([Path(args.file)])
    scores, _ = _evaluate(Path(args.model) / "model.onnx", examples)
    print(json.dumps(_round(scores), indent=1))
    return 0


def cmd_compare(args) -> int:
    a = json.loads((Path(args.reference) / "config.json").read_text())["training"]["dev_metrics"]
    b = json.loads((Path(args.candidate) / "config.json").read_text())["training"]["dev_metrics"]
    worst = 0.0
    for etype in ("PER", "LOC", "ORG", "ALL"):
        d = b[etype]["f1"] - a[etype]["f1"]
        worst = max(worst, abs(d))
        print(f"{etype}: F1 {a[etype]['f1']:.4f} → {b[etype]['f1']:.4f} (Δ {d:+.4f})")
    ok = worst <= args.tolerance
    print("reproducible" if ok else f"NOT reproducible: |Δ F1| {worst:.4f} > {args.tolerance}")
    return 0 if ok else 1


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m lantero_ner", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    t = sub.add_parser("train", help="train, export, evaluate and calibrate")
    t.add_argument("--seed", type=int, default=13)
    t.add_argument("--epochs", type=int, default=10)
    t.add_argument("--hidden", type=int, default=128, help="hidden units of each tagger")
    t.add_argument("--members", type=int, default=3, help="ensemble members (seeds SEED, SEED+1, …)")
    t.add_argument("--distil", action=argparse.BooleanOptionalAction, default=True,
                   help="ship one student trained on the ensemble's probabilities (default) instead of the ensemble")
    t.add_argument("--distil-alpha", type=float, default=1.0, help="weight of the teachers' probabilities in the student's targets")
    t.add_argument("--distil-epochs", type=int, default=0, help="student epochs (default: --epochs)")
    t.add_argument("--lr", type=float, default=2e-3)
    t.add_argument("--dropout", type=float, default=0.3)
    t.add_argument("--entity-weight", type=float, default=3.0, help="loss weight of entity tags (recall)")
    t.add_argument("--synthetic", type=int, default=600, help="synthetic training documents")
    t.add_argument("--wide-names", type=float, default=0.0, metavar="SHARE",
                   help="share of synthetic names and places drawn from Faker's international lists")
    t.add_argument("--heldout", type=int, default=300, help="held-out synthetic documents to evaluate")
    t.add_argument("--corpus", default=str(CORPUS_DEFAULT))
    t.add_argument("--customer", action="append", default=[], help="customer CoNLL or JSONL file (repeatable)")
    t.add_argument("--customer-weight", type=int, default=3, help="times each customer document is repeated")
    t.add_argument("--init", help="start from this model.onnx (fine-tuning)")
    t.add_argument("--out", required=True, help="model directory to write")
    t.add_argument("--dev-out", help="write the dev split here as CoNLL")
    t.add_argument("--heldout-out", help="write the held-out synthetic documents here as JSONL")
    t.add_argument("--no-card", action="store_true", help="do not write MODEL_CARD.md")
    t.set_defaults(func=cmd_train)
    v = sub.add_parser("vectors", help="write preprocessing test vectors")
    v.add_argument("--out", required=True)
    v.set_defaults(func=cmd_vectors)
    e = sub.add_parser("eval", help="evaluate a model directory")
    e.add_argument("--model", required=True)
    e.add_argument("file")
    e.set_defaults(func=cmd_eval)
    k = sub.add_parser("calibrate", help="refit a model directory's calibration on a dev file")
    k.add_argument("--model", required=True)
    k.add_argument("--dev", required=True)
    k.add_argument("--heldout", help="held-out documents (JSONL) to re-measure too")
    k.set_defaults(func=cmd_calibrate)
    d = sub.add_parser("card", help="re-render a model directory's card, with the detector's dev metrics")
    d.add_argument("--model", required=True)
    d.add_argument("--detector-report", help="JSON from `lantero eval ner --detector --format json`")
    d.set_defaults(func=cmd_card)
    c = sub.add_parser("compare", help="compare two model directories' dev F1")
    c.add_argument("reference")
    c.add_argument("candidate")
    c.add_argument("--tolerance", type=float, default=0.01)
    c.set_defaults(func=cmd_compare)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
