"""The tagger: hashed-feature embedding bag → dense → residual dilated 1-D convolutions → tags.

Inputs are ``ids`` (int64, [batch, tokens, MAX_FEATURES]) and ``mask`` (float32, [batch,
tokens], 1 for real tokens). Hidden states are multiplied by the mask after every layer, so a
padded position looks exactly like the zero padding at a sequence's edge: a window's output does
not depend on how much padding follows it (batching is exact).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

import jax
import jax.numpy as jnp
import numpy as np

from .data import LABELS
from .preprocess import BUCKETS, MAX_FEATURES


@dataclass(frozen=True)
class Config:
    buckets: int = BUCKETS
    max_features: int = MAX_FEATURES
    dim: int = 64
    hidden: int = 128
    kernel: int = 3
    dilations: tuple[int, ...] = (1, 2, 4, 8, 1)
    labels: int = len(LABELS)

    def to_json(self) -> dict:
        return asdict(self)


def init(cfg: Config, seed: int) -> dict:
    rng = np.random.default_rng(seed)

    def normal(shape, std):
        return jnp.asarray(rng.normal(0.0, std, size=shape).astype(np.float32))

    params = {
        "emb": normal((cfg.buckets, cfg.dim), 0.2 / np.sqrt(cfg.max_features / 4)),
        "w0": normal((cfg.dim, cfg.hidden), np.sqrt(2.0 / cfg.dim)),
        "b0": jnp.zeros((cfg.hidden,), jnp.float32),
        "wout": normal((cfg.hidden, cfg.labels), np.sqrt(1.0 / cfg.hidden)),
        "bout": jnp.zeros((cfg.labels,), jnp.float32),
    }
    for i, _ in enumerate(cfg.dilations):
        # Residual branches start small so the stack begins close to the identity.
        params[f"conv{i}_w"] = normal((cfg.kernel, cfg.hidden, cfg.hidden), 0.5 * np.sqrt(2.0 / (cfg.kernel * cfg.hidden)))
        params[f"conv{i}_b"] = jnp.zeros((cfg.hidden,), jnp.float32)
    # Row 0 is the padding id: it must stay zero.
    params["emb"] = params["emb"].at[0].set(0.0)
    return params


def logits(params: dict, cfg: Config, ids, mask, *, dropout: float = 0.0, key=None):
    """Tag logits [batch, tokens, labels]."""
    m = mask[..., None]
    e = params["emb"][ids]  # [N, T, F, D]
    e = e.sum(axis=2)
    if dropout and key is not None:
        key, sub = jax.random.split(key)
        e = e * jax.random.bernoulli(sub, 1 - dropout, e.shape) / (1 - dropout)
    h = jax.nn.relu(e @ params["w0"] + params["b0"]) * m
    for i, d in enumerate(cfg.dilations):
        pad = d * (cfg.kernel - 1) // 2
        c = jax.lax.conv_general_dilated(
            h, params[f"conv{i}_w"], window_strides=(1,), padding=[(pad, pad)], rhs_dilation=(d,),
            dimension_numbers=("NWC", "WIO", "NWC"),
        ) + params[f"conv{i}_b"]
        c = jax.nn.relu(c)
        if dropout and key is not None:
            key, sub = jax.random.split(key)
            c = c * jax.random.bernoulli(sub, 1 - dropout, c.shape) / (1 - dropout)
        h = (h + c) * m
    return h @ params["wout"] + params["bout"]


def probs(params: dict, cfg: Config, ids, mask):
    return jax.nn.softmax(logits(params, cfg, ids, mask), axis=-1)
