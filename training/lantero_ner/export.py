"""Writing the tagger as an ONNX graph (built node by node with `onnx.helper`) and reading the
weights back for fine-tuning.

Graph: ``ids`` int64 [N, T, F], ``mask`` float [N, T] → ``probs`` float [N, T, labels]: the mean
of the probabilities of one or more taggers of the same architecture trained with different seeds
(an ensemble). Each embedding table is stored as int8 codes with a float scale per row (a
quarter of float32's size), dequantised after the lookup.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

from .model import Config

OPSET = 17


def _member(p: dict, cfg: Config, prefix: str) -> tuple[list, list, str]:
    """Initialisers and nodes of one tagger whose tensors are named with ``prefix``; returns
    the name of its probabilities."""
    n = lambda name: prefix + name  # noqa: E731
    codes, scales = quantise_rows(p["emb"])
    inits = [
        numpy_helper.from_array(codes, n("emb_q")),
        numpy_helper.from_array(scales, n("emb_scale")),
        numpy_helper.from_array(p["w0"], n("w0")),
        numpy_helper.from_array(p["b0"], n("b0")),
        numpy_helper.from_array(p["wout"], n("wout")),
        numpy_helper.from_array(p["bout"], n("bout")),
    ]
    nodes = [
        # Row lookup of int8 codes and their row scales: e = Σ_features codes[id] · scale[id].
        helper.make_node("Gather", [n("emb_q"), "ids"], [n("eq")], axis=0),
        helper.make_node("Cast", [n("eq")], [n("ef")], to=TensorProto.FLOAT),
        helper.make_node("Gather", [n("emb_scale"), "ids"], [n("es")], axis=0),
        helper.make_node("Mul", [n("ef"), n("es")], [n("e4")]),
        helper.make_node("ReduceSum", [n("e4"), "axis2"], [n("e")], keepdims=0),
        helper.make_node("MatMul", [n("e"), n("w0")], [n("h0a")]),
        helper.make_node("Add", [n("h0a"), n("b0")], [n("h0b")]),
        helper.make_node("Relu", [n("h0b")], [n("h0c")]),
        helper.make_node("Mul", [n("h0c"), "m3"], [n("h0")]),
        helper.make_node("Transpose", [n("h0")], [n("t0")], perm=[0, 2, 1]),
    ]
    current = n("t0")
    for i, d in enumerate(cfg.dilations):
        w = np.ascontiguousarray(p[f"conv{i}_w"].transpose(2, 1, 0))  # [k, in, out] → [out, in, k]
        inits += [numpy_helper.from_array(w, n(f"conv{i}_w")), numpy_helper.from_array(p[f"conv{i}_b"], n(f"conv{i}_b"))]
        pad = d * (cfg.kernel - 1) // 2
        nodes += [
            helper.make_node("Conv", [current, n(f"conv{i}_w"), n(f"conv{i}_b")], [n(f"c{i}")], dilations=[d],
                             pads=[pad, pad], kernel_shape=[cfg.kernel]),
            helper.make_node("Relu", [n(f"c{i}")], [n(f"r{i}")]),
            helper.make_node("Add", [current, n(f"r{i}")], [n(f"s{i}")]),
            helper.make_node("Mul", [n(f"s{i}"), "mt"], [n(f"t{i + 1}")]),
        ]
        current = n(f"t{i + 1}")
    nodes += [
        helper.make_node("Transpose", [current], [n("h")], perm=[0, 2, 1]),
        helper.make_node("MatMul", [n("h"), n("wout")], [n("la")]),
        helper.make_node("Add", [n("la"), n("bout")], [n("logits")]),
        helper.make_node("Softmax", [n("logits")], [n("probs")], axis=-1),
    ]
    return inits, nodes, n("probs")


def quantise_rows(emb: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Symmetric int8 codes per embedding row and each row's scale as a [rows, 1] column
    (the padding row stays exactly zero): a quarter of float32's size; the rounding error is
    at most half a step of the row's largest value."""
    peak = np.abs(emb).max(axis=1, keepdims=True)
    scales = np.where(peak > 0, peak / 127.0, 1.0).astype(np.float32)
    codes = np.clip(np.round(emb / scales), -127, 127).astype(np.int8)
    return codes, scales


def dequantise_rows(codes: np.ndarray, scales: np.ndarray) -> np.ndarray:
    return codes.astype(np.float32) * scales


def _prefix(k: int, count: int) -> str:
    return "" if count == 1 else f"m{k}_"


def to_onnx(members: list[dict], cfg: Config, path: Path, doc: str) -> None:
    """Writes an ensemble of taggers (one or more parameter sets of one architecture) as one
    graph whose output is the mean of the members' probabilities."""
    inits = [
        numpy_helper.from_array(np.array([2], np.int64), "axis2"),
        numpy_helper.from_array(np.array([1], np.int64), "axis1"),
    ]
    nodes = [
        helper.make_node("Unsqueeze", ["mask", "axis2"], ["m3"]),
        helper.make_node("Unsqueeze", ["mask", "axis1"], ["mt"]),
    ]
    outputs = []
    for k, params in enumerate(members):
        p = {name: np.asarray(v, dtype=np.float32) for name, v in params.items()}
        member_inits, member_nodes, out = _member(p, cfg, _prefix(k, len(members)))
        inits += member_inits
        nodes += member_nodes
        outputs.append(out)
    if len(outputs) > 1:  # a single member's output is already named "probs"
        nodes.append(helper.make_node("Mean", outputs, ["probs"]))
    graph = helper.make_graph(
        nodes,
        "lantero_ner",
        [
            helper.make_tensor_value_info("ids", TensorProto.INT64, ["batch", "tokens", cfg.max_features]),
            helper.make_tensor_value_info("mask", TensorProto.FLOAT, ["batch", "tokens"]),
        ],
        [helper.make_tensor_value_info("probs", TensorProto.FLOAT, ["batch", "tokens", cfg.labels])],
        inits,
    )
    m = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)], producer_name="lantero-ner-training")
    m.ir_version = 8
    m.doc_string = doc
    onnx.checker.check_model(m)
    path.write_bytes(m.SerializeToString())


def from_onnx(path: Path, cfg: Config) -> list[dict]:
    """The trainable parameters of each member of a model written by :func:`to_onnx` (for
    fine-tuning)."""
    m = onnx.load(str(path))
    w = {t.name: numpy_helper.to_array(t).astype(np.float32) for t in m.graph.initializer}
    count = sum(1 for name in w if name.endswith("emb_q"))
    members = []
    for k in range(count):
        pre = _prefix(k, count)
        params = {name: w[pre + name] for name in ("w0", "b0", "wout", "bout")}
        params["emb"] = dequantise_rows(w[pre + "emb_q"], w[pre + "emb_scale"])
        for i, _ in enumerate(cfg.dilations):
            params[f"conv{i}_w"] = np.ascontiguousarray(w[f"{pre}conv{i}_w"].transpose(2, 1, 0))
            params[f"conv{i}_b"] = w[f"{pre}conv{i}_b"]
        members.append(params)
    return members


class OrtTagger:
    """Runs an exported model with onnxruntime (one thread, like the Rust per-core figure)."""

    def __init__(self, path: Path):
        import onnxruntime as ort

        opts = ort.SessionOptions()
        opts.intra_op_num_threads = 1
        opts.inter_op_num_threads = 1
        self.session = ort.InferenceSession(str(path), opts, providers=["CPUExecutionProvider"])

    def __call__(self, ids_list: list[np.ndarray]) -> list[np.ndarray]:
        out = []
        by_len: dict[int, list[int]] = {}
        for i, ids in enumerate(ids_list):
            by_len.setdefault(len(ids), []).append(i)
        result: list[np.ndarray | None] = [None] * len(ids_list)
        for length, idx in by_len.items():
            for s in range(0, len(idx), 64):
                part = idx[s : s + 64]
                ids = np.stack([ids_list[i] for i in part]).astype(np.int64)
                mask = np.ones(ids.shape[:2], np.float32)
                probs = self.session.run(["probs"], {"ids": ids, "mask": mask})[0]
                for j, i in enumerate(part):
                    result[i] = probs[j]
        out = result
        return out  # type: ignore[return-value]
