"""Training: features, batches, the loss and Adam, and prediction for evaluation."""

from __future__ import annotations

import functools
import random
import time

import jax
import jax.numpy as jnp
import numpy as np

from . import model
from .data import LABEL_INDEX, LABELS, Example, tokenized
from .decode import WINDOW, joinable, spans, viterbi, windows
from .preprocess import MAX_FEATURES, token_features, token_ids, tokenize

BUCKET_LENGTHS = (16, 32, 64, WINDOW)
BATCH_TOKENS = 2048


MIN_COUNT = 2
_KNOWN: frozenset[str] = frozenset()


def count_known(examples: list[Example], min_count: int = MIN_COUNT) -> frozenset[str]:
    """Whole-word features (``w:``, ``t:``) seen at least ``min_count`` times."""
    counts: dict[str, int] = {}
    for ex in examples:
        for tok in tokenize(ex.text):
            for f in token_features(tok.text)[:2]:
                counts[f] = counts.get(f, 0) + 1
    return frozenset(f for f, n in counts.items() if n >= min_count)


def set_known(known: frozenset[str]) -> None:
    """Sets the known whole-word features that :func:`features` uses."""
    global _KNOWN
    _KNOWN = frozenset(known)
    _ids.cache_clear()


@functools.lru_cache(maxsize=None)
def _ids(token: str) -> tuple[int, ...]:
    return tuple(token_ids(token, _KNOWN))


def features(tokens) -> np.ndarray:
    """[tokens, MAX_FEATURES] int32 feature ids (with the known features set by set_known)."""
    if not tokens:
        return np.zeros((0, MAX_FEATURES), np.int32)
    return np.array([_ids(t.text) for t in tokens], dtype=np.int32)


def chunks(examples: list[Example]) -> list[tuple[np.ndarray, np.ndarray]]:
    """Examples as (ids, tags) pieces of at most WINDOW tokens, cut like inference windows."""
    out = []
    for ex in examples:
        tokens, tags = tokenized(ex)
        if not tokens:
            continue
        ids, tags = features(tokens), np.array(tags, np.int32)
        for start, end in windows(len(tokens)):
            out.append((ids[start:end], tags[start:end]))
    return out


def _bucket(n: int) -> int:
    return next(b for b in BUCKET_LENGTHS if n <= b)


def batches(pieces, rng: random.Random):
    """Shuffled padded batches of similar length: (ids [N,T,F], mask [N,T], tags [N,T],
    targets [N,T,labels]). A piece is ``(ids, tags)`` or ``(ids, tags, soft)``: the target
    distribution is the one-hot tag, or ``soft`` (a teacher's, for distillation)."""
    by_len: dict[int, list] = {}
    for p in pieces:
        by_len.setdefault(_bucket(len(p[0])), []).append(p)
    eye = np.eye(len(LABELS), dtype=np.float32)
    out = []
    for length, group in sorted(by_len.items()):
        rng.shuffle(group)
        size = max(1, BATCH_TOKENS // length)
        for i in range(0, len(group), size):
            part = group[i : i + size]
            ids = np.zeros((size, length, MAX_FEATURES), np.int32)
            mask = np.zeros((size, length), np.float32)
            tags = np.zeros((size, length), np.int32)
            targets = np.zeros((size, length, len(LABELS)), np.float32)
            for j, piece in enumerate(part):
                pi, pt = piece[0], piece[1]
                ids[j, : len(pi)] = pi
                mask[j, : len(pi)] = 1.0
                tags[j, : len(pt)] = pt
                targets[j, : len(pt)] = piece[2] if len(piece) > 2 else eye[pt]
            out.append((ids, mask, tags, targets))
    rng.shuffle(out)
    return out


def make_step(cfg: model.Config, dropout: float, feature_dropout: float, word_dropout: float,
              entity_weight: float):
    weights = jnp.array([1.0] + [entity_weight] * (len(LABELS) - 1), jnp.float32)

    def loss_fn(params, ids, mask, tags, targets, key):
        k1, k2, k3 = jax.random.split(key, 3)
        keep = jax.random.bernoulli(k1, 1 - feature_dropout, ids.shape)
        keep_word = jax.random.bernoulli(k2, 1 - word_dropout, ids.shape[:2] + (1,))
        slot = jnp.arange(ids.shape[-1]) < 2  # slots 0 and 1: the whole-word features
        keep = keep & (~slot | keep_word)
        ids = jnp.where(keep, ids, 0)
        lg = model.logits(params, cfg, ids, mask, dropout=dropout, key=k3)
        logp = jax.nn.log_softmax(lg)
        nll = -(targets * logp).sum(axis=-1)  # cross-entropy with the target distribution
        w = mask * weights[tags]
        return (nll * w).sum() / jnp.maximum(mask.sum(), 1.0)

    @jax.jit
    def step(params, opt, ids, mask, tags, targets, key, lr, ema, ema_decay):
        loss, grads = jax.value_and_grad(loss_fn)(params, ids, mask, tags, targets, key)
        grads = dict(grads)
        grads["emb"] = grads["emb"].at[0].set(0.0)  # the padding row stays zero
        t = opt["t"] + 1
        b1, b2, eps = 0.9, 0.999, 1e-8
        m = jax.tree_util.tree_map(lambda m, g: b1 * m + (1 - b1) * g, opt["m"], grads)
        v = jax.tree_util.tree_map(lambda v, g: b2 * v + (1 - b2) * g * g, opt["v"], grads)
        corr = jnp.sqrt(1 - b2**t) / (1 - b1**t)
        params = jax.tree_util.tree_map(lambda p, m, v: p - lr * corr * m / (jnp.sqrt(v) + eps), params, m, v)
        ema = jax.tree_util.tree_map(lambda e, p: ema_decay * e + (1 - ema_decay) * p, ema, params)
        return params, {"m": m, "v": v, "t": t}, loss, ema

    return step


def train(cfg: model.Config, pieces, *, seed: int, epochs: int, lr: float, params=None,
          dropout: float = 0.25, feature_dropout: float = 0.1, word_dropout: float = 0.3,
          entity_weight: float = 1.5, ema_decay: float = 0.995, log=print) -> dict:
    params = params if params is not None else model.init(cfg, seed)
    zeros = jax.tree_util.tree_map(jnp.zeros_like, params)
    opt = {"m": zeros, "v": jax.tree_util.tree_map(jnp.zeros_like, params), "t": jnp.array(0, jnp.int32)}
    step = make_step(cfg, dropout, feature_dropout, word_dropout, entity_weight)
    rng = random.Random(seed)
    key = jax.random.PRNGKey(seed)
    plan = [batches(pieces, rng) for _ in range(epochs)]
    ema = params
    total = sum(len(p) for p in plan)
    done = 0
    for epoch, epoch_batches in enumerate(plan):
        started = time.time()
        losses = []
        for ids, mask, tags, targets in epoch_batches:
            key, sub = jax.random.split(key)
            # Linear warm-up over the first 3% of steps, then linear decay to 5%.
            frac = done / total
            scale = min(1.0, frac / 0.03) if frac < 0.03 else 1.0 - 0.95 * (frac - 0.03) / 0.97
            # The exported weights are an exponential moving average of the trained ones,
            # which generalises better than the last step; it starts after the first epoch.
            decay = 0.0 if epoch == 0 else ema_decay
            params, opt, loss, ema = step(params, opt, ids, mask, tags, targets, sub, lr * max(scale, 0.01), ema, decay)
            losses.append(loss)
            done += 1
        log(f"epoch {epoch + 1}/{epochs}: loss {float(np.mean(jnp.stack(losses))):.4f} ({time.time() - started:.0f} s)")
    return ema


def predict_probs_jax(params, cfg: model.Config, ids_list: list[np.ndarray]) -> list[np.ndarray]:
    """Tag probabilities per sequence (each at most WINDOW tokens), batched by length."""
    fwd = jax.jit(lambda p, i, m: model.probs(p, cfg, i, m))
    out: list[np.ndarray | None] = [None] * len(ids_list)
    order = sorted(range(len(ids_list)), key=lambda i: len(ids_list[i]))
    for length in BUCKET_LENGTHS:
        group = [i for i in order if _bucket(max(1, len(ids_list[i]))) == length]
        size = max(1, BATCH_TOKENS // length)
        for s in range(0, len(group), size):
            part = group[s : s + size]
            ids = np.zeros((size, length, MAX_FEATURES), np.int32)
            mask = np.zeros((size, length), np.float32)
            for j, i in enumerate(part):
                ids[j, : len(ids_list[i])] = ids_list[i]
                mask[j, : len(ids_list[i])] = 1.0
            p = np.asarray(fwd(params, ids, mask))
            for j, i in enumerate(part):
                out[i] = p[j, : len(ids_list[i])]
    return out  # type: ignore[return-value]


def distillation_pieces(pieces, teachers: list[dict], cfg: model.Config, alpha: float):
    """``pieces`` with a soft target each: ``alpha`` × the teachers' mean probabilities plus
    ``1 - alpha`` × the gold tag, so a student learns the ensemble's confidence (which names
    are ambiguous, how likely each type); with ``alpha < 1`` the gold tag keeps a share."""
    ids_list = [ids for ids, _ in pieces]
    mean = [np.zeros((len(ids), len(LABELS)), np.float32) for ids in ids_list]
    for params in teachers:
        for acc, p in zip(mean, predict_probs_jax(params, cfg, ids_list)):
            acc += p / len(teachers)
    eye = np.eye(len(LABELS), dtype=np.float32)
    return [(ids, tags, alpha * soft + (1 - alpha) * eye[tags]) for (ids, tags), soft in zip(pieces, mean)]


def predict(examples: list[Example], probs_fn) -> list[list[tuple[int, int, str, float]]]:
    """Predicted character spans ``(start, end, type, raw_score)`` per example.

    ``probs_fn`` maps a list of [tokens, F] id arrays (each ≤ WINDOW) to probabilities; long
    texts are windowed and overlapping probabilities averaged, as in Rust.
    """
    all_tokens = [tokenize(ex.text) for ex in examples]
    pieces, owners = [], []
    for n, tokens in enumerate(all_tokens):
        ids = features(tokens)
        for start, end in windows(len(tokens)):
            pieces.append(ids[start:end])
            owners.append((n, start, end))
    window_probs = probs_fn(pieces) if pieces else []
    sums = [np.zeros((len(t), len(LABELS))) for t in all_tokens]
    counts = [np.zeros((len(t), 1)) for t in all_tokens]
    for (n, start, end), p in zip(owners, window_probs):
        sums[n][start:end] += p
        counts[n][start:end] += 1
    out = []
    for n, tokens in enumerate(all_tokens):
        if not tokens:
            out.append([])
            continue
        probs = sums[n] / counts[n]
        found = []
        join = joinable(examples[n].text, tokens)
        for first, last, etype, raw in spans(viterbi(probs), probs, join):
            found.append((tokens[first].start, tokens[last - 1].end, etype, raw))
        out.append(found)
    return out


LABEL_O = LABEL_INDEX["O"]
