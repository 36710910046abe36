"""Writing the tagger as an ONNX graph (built node by node with `onnx.helper`) and reading the
weights back for fine-tuning.

Graph: ``ids`` int64 [N, T, F], ``mask`` float [N, T] → ``probs`` float [N, T, labels]. The
embedding table is stored as float16 (half the file) and cast after the lookup.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

from .model import Config

OPSET = 17


def to_onnx(params: dict, cfg: Config, path: Path, doc: str) -> None:
    p = {k: np.asarray(v, dtype=np.float32) for k, v in params.items()}
    inits = [
        numpy_helper.from_array(p["emb"].astype(np.float16), "emb"),
        numpy_helper.from_array(p["w0"], "w0"),
        numpy_helper.from_array(p["b0"], "b0"),
        numpy_helper.from_array(p["wout"], "wout"),
        numpy_helper.from_array(p["bout"], "bout"),
        numpy_helper.from_array(np.array([2], np.int64), "axis2"),
        numpy_helper.from_array(np.array([1], np.int64), "axis1"),
    ]
    nodes = [
        helper.make_node("Gather", ["emb", "ids"], ["e16"], axis=0),
        helper.make_node("Cast", ["e16"], ["e4"], to=TensorProto.FLOAT),
        helper.make_node("ReduceSum", ["e4", "axis2"], ["e"], keepdims=0),
        helper.make_node("MatMul", ["e", "w0"], ["h0a"]),
        helper.make_node("Add", ["h0a", "b0"], ["h0b"]),
        helper.make_node("Relu", ["h0b"], ["h0c"]),
        helper.make_node("Unsqueeze", ["mask", "axis2"], ["m3"]),
        helper.make_node("Mul", ["h0c", "m3"], ["h0"]),
        helper.make_node("Transpose", ["h0"], ["t0"], perm=[0, 2, 1]),
        helper.make_node("Unsqueeze", ["mask", "axis1"], ["mt"]),
    ]
    current = "t0"
    for i, d in enumerate(cfg.dilations):
        w = np.ascontiguousarray(p[f"conv{i}_w"].transpose(2, 1, 0))  # [k, in, out] → [out, in, k]
        inits += [numpy_helper.from_array(w, f"conv{i}_w"), numpy_helper.from_array(p[f"conv{i}_b"], f"conv{i}_b")]
        pad = d * (cfg.kernel - 1) // 2
        nodes += [
            helper.make_node("Conv", [current, f"conv{i}_w", f"conv{i}_b"], [f"c{i}"], dilations=[d],
                             pads=[pad, pad], kernel_shape=[cfg.kernel]),
            helper.make_node("Relu", [f"c{i}"], [f"r{i}"]),
            helper.make_node("Add", [current, f"r{i}"], [f"s{i}"]),
            helper.make_node("Mul", [f"s{i}", "mt"], [f"t{i + 1}"]),
        ]
        current = f"t{i + 1}"
    nodes += [
        helper.make_node("Transpose", [current], ["h"], perm=[0, 2, 1]),
        helper.make_node("MatMul", ["h", "wout"], ["la"]),
        helper.make_node("Add", ["la", "bout"], ["logits"]),
        helper.make_node("Softmax", ["logits"], ["probs"], axis=-1),
    ]
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


def from_onnx(path: Path, cfg: Config) -> dict:
    """The trainable parameters of a model written by :func:`to_onnx` (for fine-tuning)."""
    m = onnx.load(str(path))
    w = {t.name: numpy_helper.to_array(t).astype(np.float32) for t in m.graph.initializer}
    params = {k: w[k] for k in ("emb", "w0", "b0", "wout", "bout")}
    for i, _ in enumerate(cfg.dilations):
        params[f"conv{i}_w"] = np.ascontiguousarray(w[f"conv{i}_w"].transpose(2, 1, 0))
        params[f"conv{i}_b"] = w[f"conv{i}_b"]
    return params


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
