#!/usr/bin/python3
"""Dynamic int8 quantization of an ONNX graph, written the way onnxruntime.quantization.quantize_dynamic writes
it, with onnx + numpy only (Debian has no onnxruntime package; this machine has no pip index).

Why: the published int8 CLIP exports (transformers.js' `onnx/*_quantized.onnx`, e.g. Xenova/clip-vit-base-patch32,
Xenova/chinese-clip-vit-base-patch16) were made by transformers.js' scripts/convert.py, which calls

    quantize_dynamic(model, out, weight_type=QUInt8 if the graph has a Conv else QInt8,
                     optimize_model=False, per_channel=True, reduce_range=True,
                     extra_options=dict(EnableSubgraph=True))

Real weights cannot be downloaded here, so the benchmark quantizes its random-weight stand-ins the same way to
measure what int8 costs and saves. What this script writes, per quantize_dynamic's defaults (MatMulConstBOnly=True,
the IntegerOps registry):

  MatMul with a constant 2-D B [K, N]:
      DynamicQuantizeLinear(A) -> A_q (uint8), A_scale, A_zp        (one per activation, shared by its consumers)
      B quantized per output column (axis 1), 7-bit range ("reduce_range"): int8 symmetric [-64, 64], zero point 0,
        or uint8 asymmetric [0, 127]
      MatMulInteger(A_q, B_q, A_zp, B_zp) -> int32 -> Cast(float) -> Mul(., A_scale * B_scale) = the MatMul's output
  Conv with a constant weight (the ViT patch embedding):
      DynamicQuantizeLinear(X); weight per tensor (ConvInteger takes a scalar weight zero point), same 7-bit ranges;
      ConvInteger -> Cast -> Mul(scales) -> Add(bias reshaped to [1, C, 1, 1]) when the Conv had one
  Gather on a constant table (token / position embeddings):
      the table quantized per tensor to uint8 [0, 255] asymmetric (an "activation" type in quantize_dynamic),
      Gather on the codes, DequantizeLinear back to float for its consumers
  Everything else stays float, Gemm included (quantize_dynamic has no integer Gemm; torch exports a Linear on a
  3-D input as MatMul + Add, so only 2-D heads end up as Gemm).

Scale and zero point follow onnxruntime's compute_scale_zp: rmin = min(x.min(), 0), rmax = max(x.max(), 0);
symmetric: rmax = max(|rmin|, |rmax|), rmin = -rmax; scale = (rmax - rmin) / (qmax - qmin) (1.0 when 0);
zero_point = round(qmin - rmin / scale); q = clip(round(x / scale) + zero_point, qmin, qmax).

Not reproduced: EnableSubgraph (the CLIP graphs have no subgraphs), the Attention/LSTM/EmbedLayerNormalization
contrib ops (not in plain exports), Transpose pass-through of quantized values (Direct8BitOp).

Usage (Debian's /usr/bin/python3 with python3-onnx and python3-numpy; never installs them, exits 2 when missing):
  quantize_dynamic.py IN.onnx OUT.onnx [--weight-type auto|int8|uint8] [--no-per-channel] [--no-reduce-range]
"""
import argparse
import os
import sys


from needs import require_modules  # noqa: E402  (this folder is on sys.path: the script runs from it)

require_modules("quantize_dynamic.py")
import numpy as np  # noqa: E402
import onnx  # noqa: E402
from onnx import TensorProto, helper, numpy_helper  # noqa: E402


def qrange(dtype, reduce_range, symmetric):
    if dtype == np.int8:
        return (-64, 64) if reduce_range else (-127, 127) if symmetric else (-128, 127)
    return (0, 127) if reduce_range else (0, 255)


def scale_zp(rmin, rmax, qmin, qmax, symmetric):
    """onnxruntime.quantization.quant_utils.compute_scale_zp, elementwise over per-channel arrays."""
    rmin = np.minimum(rmin, 0).astype(np.float64)
    rmax = np.maximum(rmax, 0).astype(np.float64)
    if symmetric:
        absmax = np.maximum(np.abs(rmin), np.abs(rmax))
        rmin, rmax = -absmax, absmax
    scale = (rmax - rmin) / float(qmax - qmin)
    tiny = scale < np.finfo(np.float32).tiny
    scale = np.where(tiny, 1.0, scale)
    zp = np.where(tiny, 0, np.round(qmin - rmin / scale))
    return scale.astype(np.float32), zp


def quantize_array(x, scale, zp, qmin, qmax, dtype):
    q = np.round(x.astype(np.float32) / scale) + zp
    return np.clip(q, qmin, qmax).astype(dtype)


class Quantizer:
    def __init__(self, model, weight_type, per_channel, reduce_range):
        self.model = model
        self.graph = model.graph
        self.inits = {i.name: i for i in self.graph.initializer}
        self.weight_dtype = weight_type
        self.per_channel = per_channel
        self.reduce_range = reduce_range
        self.nodes = []
        self.new_inits = []
        self.dynamic = {}     # float activation -> (q, scale, zp) names
        self.quantized = {}   # tensor produced quantized by Gather -> (q, scale, zp) names, to dequantize on use
        self.used = set()
        self.counts = {"MatMul": 0, "Conv": 0, "Gather": 0}

    def fresh(self, base):
        name = base
        i = 0
        while name in self.used or name in self.inits:
            i += 1
            name = "%s_%d" % (base, i)
        self.used.add(name)
        return name

    def const(self, base, array):
        name = self.fresh(base)
        self.new_inits.append(numpy_helper.from_array(np.asarray(array), name))
        return name

    def activation(self, name):
        if name not in self.dynamic:
            q, s, z = self.fresh(name + "_quantized"), self.fresh(name + "_scale"), self.fresh(name + "_zero_point")
            self.nodes.append(helper.make_node("DynamicQuantizeLinear", [name], [q, s, z], self.fresh(name + "_QuantizeLinear")))
            self.dynamic[name] = (q, s, z)
        return self.dynamic[name]

    def weight(self, name, axis):
        """Quantized copy of an initializer: per channel along axis (None = per tensor)."""
        w = numpy_helper.to_array(self.inits[name])
        dtype = self.weight_dtype
        symmetric = dtype == np.int8  # quantize_dynamic: WeightSymmetric defaults to weight_type == QInt8
        qmin, qmax = qrange(dtype, self.reduce_range, symmetric)
        if axis is None:
            scale, zp = scale_zp(np.array(w.min()), np.array(w.max()), qmin, qmax, symmetric)
            q = quantize_array(w, scale, zp, qmin, qmax, dtype)
            scale, zp = scale.reshape(()), zp.reshape(())
        else:
            moved = np.moveaxis(w, axis, 0).reshape(w.shape[axis], -1)
            scale, zp = scale_zp(moved.min(axis=1), moved.max(axis=1), qmin, qmax, symmetric)
            shape = [1] * w.ndim
            shape[axis] = -1
            q = quantize_array(w, scale.reshape(shape), zp.reshape(shape), qmin, qmax, dtype)
        return (self.const(name + "_quantized", q), self.const(name + "_scale", scale.astype(np.float32)),
                self.const(name + "_zero_point", zp.astype(dtype)))

    def rescale(self, integer_out, a_scale, w_scale, out, base):
        cast = self.fresh(base + "_output_quantized_cast")
        self.nodes.append(helper.make_node("Cast", [integer_out], [cast], self.fresh(base + "_cast"), to=TensorProto.FLOAT))
        scales = self.fresh(base + "_scales_mul")
        self.nodes.append(helper.make_node("Mul", [a_scale, w_scale], [scales], self.fresh(base + "_scales_mul_node")))
        self.nodes.append(helper.make_node("Mul", [cast, scales], [out], self.fresh(base + "_output_scale_mul")))

    def matmul(self, node):
        a, b = node.input
        w = self.inits.get(b)
        if w is None or len(w.dims) != 2 or w.data_type != TensorProto.FLOAT:
            return False  # MatMulConstBOnly: activations times activations stay float
        aq, asc, azp = self.activation(self.dequantized(a))
        wq, wsc, wzp = self.weight(b, 1 if self.per_channel else None)
        base = node.name or node.output[0]
        integer = self.fresh(node.output[0] + "_output_quantized")
        self.nodes.append(helper.make_node("MatMulInteger", [aq, wq, azp, wzp], [integer], self.fresh(base + "_quant")))
        self.rescale(integer, asc, wsc, node.output[0], base)
        self.counts["MatMul"] += 1
        return True

    def conv(self, node):
        w = self.inits.get(node.input[1])
        if w is None or w.data_type != TensorProto.FLOAT:
            return False
        xq, xsc, xzp = self.activation(self.dequantized(node.input[0]))
        wq, wsc, wzp = self.weight(node.input[1], None)
        base = node.name or node.output[0]
        integer = self.fresh(node.output[0] + "_output_quantized")
        attrs = {a.name: helper.get_attribute_value(a) for a in node.attribute}
        self.nodes.append(helper.make_node("ConvInteger", [xq, wq, xzp, wzp], [integer], self.fresh(base + "_quant"), **attrs))
        has_bias = len(node.input) == 3 and node.input[2]
        scaled = self.fresh(node.output[0] + "_scaled") if has_bias else node.output[0]
        self.rescale(integer, xsc, wsc, scaled, base)
        if has_bias:
            shape = np.ones(len(w.dims), dtype=np.int64)
            shape[1] = -1
            reshaped = self.fresh(node.input[2] + "_reshape")
            self.nodes.append(helper.make_node("Reshape", [node.input[2], self.const(base + "_bias_shape", shape)],
                                               [reshaped], self.fresh(base + "_bias_reshape")))
            self.nodes.append(helper.make_node("Add", [scaled, reshaped], [node.output[0]], self.fresh(base + "_bias_add")))
        self.counts["Conv"] += 1
        return True

    def gather(self, node):
        table = self.inits.get(node.input[0])
        if table is None or table.data_type != TensorProto.FLOAT:
            return False
        t = numpy_helper.to_array(table)
        qmin, qmax = 0, 255  # quantize_activation on an initializer: activation type uint8, full range
        scale, zp = scale_zp(np.array(t.min()), np.array(t.max()), qmin, qmax, False)
        scale, zp = scale.reshape(()), zp.reshape(())
        q = self.const(node.input[0] + "_quantized", quantize_array(t, scale, zp, qmin, qmax, np.uint8))
        s = self.const(node.input[0] + "_scale", scale.astype(np.float32))
        z = self.const(node.input[0] + "_zero_point", zp.astype(np.uint8))
        out_q = self.fresh(node.output[0] + "_quantized")
        attrs = {a.name: helper.get_attribute_value(a) for a in node.attribute}
        self.nodes.append(helper.make_node("Gather", [q, node.input[1]], [out_q], node.name or self.fresh("Gather"), **attrs))
        self.quantized[node.output[0]] = (out_q, s, z)
        self.counts["Gather"] += 1
        return True

    def dequantized(self, name):
        """A float consumer of a value a quantized Gather produced gets it through one DequantizeLinear."""
        if name in self.quantized:
            q, s, z = self.quantized.pop(name)
            self.nodes.append(helper.make_node("DequantizeLinear", [q, s, z], [name], self.fresh(name + "_DequantizeLinear")))
        return name

    def run(self):
        for n in self.graph.node:
            for t in list(n.input) + list(n.output):
                self.used.add(t)
            self.used.add(n.name)
        for node in list(self.graph.node):
            handler = {"MatMul": self.matmul, "Conv": self.conv, "Gather": self.gather}.get(node.op_type)
            if handler is not None and handler(node):
                continue
            for name in node.input:
                self.dequantized(name)
            self.nodes.append(node)
        for out in self.graph.output:
            self.dequantized(out.name)
        replaced = {n: i for n, i in self.inits.items()}
        still_used = {name for node in self.nodes for name in node.input}
        kept = [i for i in self.graph.initializer if i.name in still_used or i.name in {o.name for o in self.graph.output}]
        del self.graph.node[:]
        self.graph.node.extend(self.nodes)
        del self.graph.initializer[:]
        self.graph.initializer.extend(kept + self.new_inits)
        # inputs that listed dropped float weights (old exports list initializers as inputs) go too
        keep_inputs = [i for i in self.graph.input if i.name not in replaced or i.name in still_used]
        del self.graph.input[:]
        self.graph.input.extend(keep_inputs)
        del self.graph.value_info[:]
        if not any(o.domain in ("", "ai.onnx") and o.version >= 10 for o in self.model.opset_import):
            raise SystemExit("the graph's opset is below 10: MatMulInteger/DynamicQuantizeLinear need 10 or 11")
        for o in self.model.opset_import:
            if o.domain in ("", "ai.onnx") and o.version < 11:
                o.version = 11  # DynamicQuantizeLinear is opset 11
        return self.counts


def quantize_model(model, weight_kind="auto", per_channel=True, reduce_range=True):
    """Quantizes model in place; returns (weight kind, {op: count})."""
    has_conv = any(n.op_type == "Conv" for n in model.graph.node)
    kind = weight_kind if weight_kind != "auto" else ("uint8" if has_conv else "int8")
    counts = Quantizer(model, np.uint8 if kind == "uint8" else np.int8, per_channel, reduce_range).run()
    onnx.checker.check_model(model)
    return kind, counts


def save(model, path):
    tmp = path + ".tmp"
    onnx.save(model, tmp)
    os.replace(tmp, path)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("input")
    ap.add_argument("output")
    ap.add_argument("--weight-type", choices=["auto", "int8", "uint8"], default="auto",
                    help="auto (transformers.js): uint8 when the graph has a Conv, else int8")
    ap.add_argument("--no-per-channel", action="store_true")
    ap.add_argument("--no-reduce-range", action="store_true")
    args = ap.parse_args()
    model = onnx.load(args.input)
    kind, counts = quantize_model(model, args.weight_type, not args.no_per_channel, not args.no_reduce_range)
    save(model, args.output)
    print("%s -> %s: %s weights, per_channel=%s, reduce_range=%s; quantized %d MatMul, %d Conv, %d Gather; %.1f MB -> %.1f MB"
          % (args.input, args.output, kind, not args.no_per_channel, not args.no_reduce_range, counts["MatMul"],
             counts["Conv"], counts["Gather"], os.path.getsize(args.input) / 1e6, os.path.getsize(args.output) / 1e6))
    return 0


if __name__ == "__main__":
    sys.exit(main())
