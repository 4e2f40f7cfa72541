#!/usr/bin/python3
"""Builds an ONNX graph from an unwrapped nsfwjs Keras (TF.js layers) model, with python3-onnx and numpy only.

    node unwrap.cjs <nsfwjs package dir> mobilenet_v2 <dir>          (or inception_v3)
    /usr/bin/python3 convert.py <dir>/model.json <dir>/weights.bin <out.onnx>

Input  "input":  float32 [N, S, S, 3], RGB in [0, 1] (nsfwjs divides pixels by 255; the manifest says so);
                 S is the model's own size: 224 (MobileNetV2), 299 (InceptionV3).
Output "probabilities": float32 [N, 5], softmax over Drawing, Hentai, Neutral, Porn, Sexy (nsfwjs's order).
Output "features": float32 [N, C], the global average pool before the classifier head (the penultimate image
                 features; C = 1280 for MobileNetV2, 2048 for InceptionV3).

The weights stay uint8 as nsfwjs ships them (quantized, value = q * scale + min) and are dequantized inside the
graph, so the file is as small as the original (~2.7 MB). Deterministic: re-running writes the same bytes.
Supports the layer types of nsfwjs's Keras models (MobileNetV2 and InceptionV3); anything else stops with the
layer's name. nsfwjs's mobilenet_v2_mid is a TF.js *graph* model (model.json "format": "graph-model": a list of TF
ops, BatchNorm already folded into fused convolutions); convert_graph() walks its nodes and supports the ops that
model uses (Placeholder, Const, Mul, Sub, _FusedConv2D, FusedDepthwiseConv2dNative with fused BiasAdd/Relu/Relu6,
AddV2, AvgPool, Squeeze, _FusedMatMul with BiasAdd, Softmax, Identity), stopping with the node's name on any other.
Its "features" output is the squeezed global pool before the classifier head (1792 for this width-1.4 MobileNetV2).
The graph path dequantizes through a 256-entry float32 table per weight (Graph(lookup=True)), exactly TF.js's
rounding: parity with nsfwjs went from 6.4e-5 (q * scale + min in float32, as the Keras path does) to 8.3e-7.
"""
import base64
import json
import sys

import prerequisites

prerequisites.python_modules({"numpy": "python3-numpy", "onnx": "python3-onnx"})

import numpy as np  # noqa: E402 (after the check that names its package)
import onnx  # noqa: E402
from onnx import TensorProto, helper, numpy_helper  # noqa: E402


def load_weights(model, weights_path):
    raw = open(weights_path, "rb").read()
    out, offset = {}, 0
    for spec in model["weightsManifest"][0]["weights"]:
        count = int(np.prod(spec["shape"])) if spec["shape"] else 1
        q = spec.get("quantization")
        if q is None:
            arr = np.frombuffer(raw, np.float32, count, offset).reshape(spec["shape"])
            offset += 4 * count
            out[spec["name"]] = ("float", arr)
        else:
            if q["dtype"] != "uint8":
                raise SystemExit("unsupported quantization " + q["dtype"])
            arr = np.frombuffer(raw, np.uint8, count, offset).reshape(spec["shape"])
            offset += count
            out[spec["name"]] = ("uint8", arr, np.float32(q["scale"]), np.float32(q["min"]), q["scale"], q["min"])
    if offset != len(raw):
        raise SystemExit("weights.bin has %d bytes, the manifest %d" % (len(raw), offset))
    return out


class Graph:
    def __init__(self, weights, lookup=False):
        self.weights = weights
        self.nodes, self.inits = [], []
        self.lookup = lookup

    def weight(self, name, transpose=None, reshape=None):
        """A dequantized weight as a graph value: uint8 initializer -> Cast -> * scale + min (-> Transpose/Reshape)."""
        w = self.weights[name]
        base = name.replace("/", "_")
        if w[0] == "float":
            self.inits.append(numpy_helper.from_array(w[1], base))
            value = base
        elif self.lookup:
            # TF.js dequantizes in double and rounds once to float32 (tfjs-core io_utils: v * scale + min into a
            # Float32Array); a 256-entry table of exactly those values, indexed by the uint8 weights, reproduces it
            q, scale, minimum = w[1], w[4], w[5]
            table = np.array([k * scale + minimum for k in range(256)], np.float64).astype(np.float32)
            self.inits += [numpy_helper.from_array(q, base + "_q"), numpy_helper.from_array(table, base + "_table")]
            self.nodes += [helper.make_node("Cast", [base + "_q"], [base + "_i"], to=TensorProto.INT32),
                           helper.make_node("Gather", [base + "_table", base + "_i"], [base], axis=0)]
            value = base
        else:
            q, scale, minimum = w[1], w[2], w[3]
            self.inits += [numpy_helper.from_array(q, base + "_q"),
                           numpy_helper.from_array(np.array(scale, np.float32), base + "_scale"),
                           numpy_helper.from_array(np.array(minimum, np.float32), base + "_min")]
            self.nodes += [helper.make_node("Cast", [base + "_q"], [base + "_f"], to=TensorProto.FLOAT),
                           helper.make_node("Mul", [base + "_f", base + "_scale"], [base + "_scaled"]),
                           helper.make_node("Add", [base + "_scaled", base + "_min"], [base])]
            value = base
        if transpose is not None:
            self.nodes.append(helper.make_node("Transpose", [value], [base + "_t"], perm=transpose))
            value = base + "_t"
        if reshape is not None:
            shape = base + "_shape"
            self.inits.append(numpy_helper.from_array(np.array(reshape, np.int64), shape))
            self.nodes.append(helper.make_node("Reshape", [value, shape], [base + "_r"]))
            value = base + "_r"
        return value


def pool_pads(cfg, size, kernel, stride):
    """Pads [top, left, bottom, right] and output size of a 'same' or 'valid' window over a square map."""
    if cfg["padding"] == "same":
        b0, e0, out = same_pads(size, kernel[0], stride)
        b1, e1, _ = same_pads(size, kernel[1], stride)
        return [b0, b1, e0, e1], out
    return [0, 0, 0, 0], (size - kernel[0]) // stride + 1


def same_pads(size, kernel, stride):
    """TensorFlow's 'same' padding: the extra pixel goes at the end."""
    out = -(-size // stride)
    total = max((out - 1) * stride + kernel - size, 0)
    return total // 2, total - total // 2, out


def tf_attr(node, key):
    """A TF.js graph node's attribute: ints and strings decoded (strings are base64 in model.json)."""
    value = node.get("attr", {}).get(key)
    if value is None:
        return None
    if "list" in value:
        items = value["list"]
        if "s" in items:
            return [base64.b64decode(x).decode() for x in items["s"]]
        return [int(x) for x in items.get("i", [])]
    if "s" in value:
        return base64.b64decode(value["s"]).decode()
    if "b" in value:
        return value["b"]
    return value


def convert_graph(model, weights, out_path):
    """A TF.js graph model (nsfwjs's mobilenet_v2_mid): TF ops in NHWC, run here in NCHW like the Keras path."""
    g = Graph(weights, lookup=True)
    values, sizes = {}, {}
    features, input_size, last = None, None, None
    for node in model["modelTopology"]["node"]:
        name, op = node["name"], node["op"]
        inputs = node.get("input", [])
        out = "tf_" + name.replace("/", "_")  # "tf_": the Placeholder is called "input" too
        x = values.get(inputs[0]) if inputs else None
        size = sizes.get(inputs[0]) if inputs else None
        if op == "Const":
            continue  # read where used: every Const of this model is a weight in the manifest
        if op == "Placeholder":
            dims = [int(d["size"]) for d in node["attr"]["shape"]["shape"]["dim"]]
            input_size = dims[1]
            if dims[1] != dims[2] or dims[3] != 3:
                raise SystemExit(name + ": only a square RGB input is supported")
            g.nodes.append(helper.make_node("Transpose", ["input"], [out], perm=[0, 3, 1, 2]))
            size = input_size
        elif op in ("Mul", "Sub", "AddV2"):
            operands = [values[i] if i in values else g.weight(i) for i in inputs]
            if op != "AddV2" and sum(i in values for i in inputs) != 1:
                raise SystemExit(name + ": only a tensor with a scalar constant is supported")
            if op != "AddV2" and any(weights[i][1].shape != () for i in inputs if i not in values):
                raise SystemExit(name + ": only a scalar constant is supported")
            g.nodes.append(helper.make_node({"Mul": "Mul", "Sub": "Sub", "AddV2": "Add"}[op], operands, [out]))
            size = next(sizes[i] for i in inputs if i in values)
        elif op in ("_FusedConv2D", "FusedDepthwiseConv2dNative"):
            fused = tf_attr(node, "fused_ops")
            strides, dilations = tf_attr(node, "strides"), tf_attr(node, "dilations")
            if tf_attr(node, "data_format") != "NHWC" or dilations != [1, 1, 1, 1] or strides[1] != strides[2]:
                raise SystemExit(name + ": only NHWC, no dilation and equal strides are supported")
            if fused[0] != "BiasAdd" or len(inputs) != 3 or fused[1:] not in ([], ["Relu"], ["Relu6"]):
                raise SystemExit(name + ": fused ops %s are not supported" % fused)
            kh, kw, cin, cout = weights[inputs[1]][1].shape
            stride = strides[1]
            pads, out_size = pool_pads({"padding": tf_attr(node, "padding").lower()}, size, [kh, kw], stride)
            if op == "_FusedConv2D":
                w = g.weight(inputs[1], transpose=[3, 2, 0, 1])
                group = 1
            else:  # [kh, kw, in, mult] -> [in * mult, 1, kh, kw]
                w = g.weight(inputs[1], transpose=[2, 3, 0, 1], reshape=[cin * cout, 1, kh, kw])
                group = cin
            conv = out if len(fused) == 1 else out + "_conv"
            g.nodes.append(helper.make_node("Conv", [x, w, g.weight(inputs[2])], [conv], kernel_shape=[kh, kw],
                                            strides=[stride, stride], pads=pads, group=group))
            if fused[1:] == ["Relu"]:
                g.nodes.append(helper.make_node("Relu", [conv], [out]))
            elif fused[1:] == ["Relu6"]:
                lo, hi = out + "_lo", out + "_hi"
                g.inits += [numpy_helper.from_array(np.array(0, np.float32), lo),
                            numpy_helper.from_array(np.array(6, np.float32), hi)]
                g.nodes.append(helper.make_node("Clip", [conv, lo, hi], [out]))
            size = out_size
        elif op == "AvgPool":
            k, strides = tf_attr(node, "ksize"), tf_attr(node, "strides")
            if k != [1, size, size, 1] or tf_attr(node, "padding") != "VALID":
                raise SystemExit(name + ": only a pool over the whole feature map is supported")
            g.nodes.append(helper.make_node("GlobalAveragePool", [x], [out]))
            size = 1
        elif op == "Squeeze":
            if size != 1 or tf_attr(node, "squeeze_dims") != [1, 2]:
                raise SystemExit(name + ": only squeezing a 1x1 map is supported")
            g.nodes.append(helper.make_node("Flatten", [x], [out], axis=1))
            features = out
        elif op == "_FusedMatMul":
            if tf_attr(node, "fused_ops") != ["BiasAdd"] or tf_attr(node, "transpose_a") or tf_attr(node, "transpose_b"):
                raise SystemExit(name + ": only MatMul + BiasAdd without transposes is supported")
            g.nodes += [helper.make_node("MatMul", [x, g.weight(inputs[1])], [out + "_mm"]),
                        helper.make_node("Add", [out + "_mm", g.weight(inputs[2])], [out])]
            classes = weights[inputs[2]][1].shape[0]
        elif op == "Softmax":
            g.nodes.append(helper.make_node("Softmax", [x], [out], axis=-1))
        elif op == "Identity":
            g.nodes.append(helper.make_node("Identity", [x], [out]))
            last = out
        else:
            raise SystemExit(name + ": op " + op + " is not supported")
        values[name], sizes[name] = out, size
    feature_dim = weights[next(n["input"][1] for n in model["modelTopology"]["node"] if n["op"] == "_FusedMatMul")][1].shape[0]
    g.nodes += [helper.make_node("Identity", [last], ["probabilities"]),
                helper.make_node("Identity", [features], ["features"])]
    graph = helper.make_graph(g.nodes, "nsfwjs_graph_model",
                              [helper.make_tensor_value_info("input", TensorProto.FLOAT, ["N", input_size, input_size, 3])],
                              [helper.make_tensor_value_info("probabilities", TensorProto.FLOAT, ["N", classes]),
                               helper.make_tensor_value_info("features", TensorProto.FLOAT, ["N", feature_dim])],
                              g.inits)
    save(graph, g, out_path)


def save(graph, g, out_path):
    onnx_model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)], producer_name="acgbot nsfwjs convert.py")
    onnx_model.ir_version = 7
    onnx_model.doc_string = "nsfwjs 4.4.0 (MIT, Infinite Red) converted by models/scripts/nsfwjs/convert.py"
    onnx.checker.check_model(onnx_model)
    onnx.save(onnx_model, out_path)
    print("%s: %d nodes, %d initializers -> %s" % (graph.name, len(g.nodes), len(g.inits), out_path))


def convert(model_json, weights_bin, out_path):
    model = json.load(open(model_json))
    weights = load_weights(model, weights_bin)
    if model.get("format") == "graph-model":
        return convert_graph(model, weights, out_path)
    layers = model["modelTopology"]["model_config"]["config"]["layers"]
    g = Graph(weights)
    # value name and spatial size (NCHW inside the graph) per Keras layer
    values, sizes, channels = {}, {}, {}
    features = None
    for layer in layers:
        name, kind, cfg = layer["name"], layer["class_name"], layer["config"]
        inputs = [n[0] for n in layer["inbound_nodes"][0]] if layer["inbound_nodes"] else []
        x = values.get(inputs[0]) if inputs else None
        size = sizes.get(inputs[0]) if inputs else None
        ch = channels.get(inputs[0]) if inputs else None
        out = name
        if kind == "InputLayer":
            g.nodes.append(helper.make_node("Transpose", ["input"], [out], perm=[0, 3, 1, 2]))
            size, ch = cfg["batch_input_shape"][1], 3
            input_size = size
        elif kind == "ZeroPadding2D":
            (top, bottom), (left, right) = cfg["padding"]
            pads = name + "_pads"
            g.inits.append(numpy_helper.from_array(np.array([0, 0, top, left, 0, 0, bottom, right], np.int64), pads))
            g.nodes.append(helper.make_node("Pad", [x, pads], [out], mode="constant"))
            size = size + top + bottom
        elif kind in ("Conv2D", "DepthwiseConv2D"):
            kh, kw = cfg["kernel_size"]
            stride = cfg["strides"][0]
            if cfg.get("dilation_rate", [1, 1]) != [1, 1] or cfg["strides"][0] != cfg["strides"][1]:
                raise SystemExit(name + ": dilation or unequal strides are not supported")
            pads, out_size = pool_pads(cfg, size, [kh, kw], stride)
            if kind == "Conv2D":
                w = g.weight(name + "/kernel", transpose=[3, 2, 0, 1])
                group, out_ch = 1, cfg["filters"]
            else:
                mult = cfg["depth_multiplier"]
                # [kh, kw, in, mult] -> [in * mult, 1, kh, kw]
                w = g.weight(name + "/depthwise_kernel", transpose=[2, 3, 0, 1], reshape=[ch * mult, 1, kh, kw])
                group, out_ch = ch, ch * mult
            conv_in = [x, w] + ([g.weight(name + "/bias")] if cfg["use_bias"] else [])
            g.nodes.append(helper.make_node("Conv", conv_in, [out], kernel_shape=[kh, kw], strides=[stride, stride],
                                            pads=pads, group=group))
            if cfg["activation"] not in ("linear",):
                raise SystemExit(name + ": activation " + cfg["activation"] + " on a convolution is not supported")
            size, ch = out_size, out_ch
        elif kind == "BatchNormalization":
            params = []
            for p, used, fill in (("gamma", cfg.get("scale", True), 1), ("beta", cfg.get("center", True), 0),
                                  ("moving_mean", True, None), ("moving_variance", True, None)):
                if used:
                    params.append(g.weight(name + "/" + p))
                else:  # Keras InceptionV3: scale=False, so gamma is 1 and not stored
                    const = name + "_" + p
                    g.inits.append(numpy_helper.from_array(np.full([ch], fill, np.float32), const))
                    params.append(const)
            g.nodes.append(helper.make_node("BatchNormalization", [x] + params, [out], epsilon=cfg["epsilon"]))
        elif kind == "Activation":
            if cfg["activation"] != "relu":
                raise SystemExit(name + ": activation " + cfg["activation"] + " is not supported")
            g.nodes.append(helper.make_node("Relu", [x], [out]))
        elif kind == "Concatenate":
            if cfg["axis"] not in (3, -1):
                raise SystemExit(name + ": only a concatenation of channels is supported")
            g.nodes.append(helper.make_node("Concat", [values[i] for i in inputs], [out], axis=1))
            ch = sum(channels[i] for i in inputs)
        elif kind == "MaxPooling2D" or (kind == "AveragePooling2D" and cfg["pool_size"][0] != size):
            k, stride = cfg["pool_size"], cfg["strides"][0]
            pads, out_size = pool_pads(cfg, size, k, stride)
            # TF's average pool leaves the padding out of the count, as count_include_pad=0 does
            extra = {"count_include_pad": 0} if kind == "AveragePooling2D" else {}
            g.nodes.append(helper.make_node("MaxPool" if kind == "MaxPooling2D" else "AveragePool", [x], [out],
                                            kernel_shape=k, strides=[stride, stride], pads=pads, **extra))
            size = out_size
        elif kind == "ReLU":
            if cfg.get("negative_slope", 0) != 0 or cfg.get("threshold", 0) != 0:
                raise SystemExit(name + ": leaky or thresholded ReLU is not supported")
            lo, hi = name + "_lo", name + "_hi"
            g.inits += [numpy_helper.from_array(np.array(0, np.float32), lo),
                        numpy_helper.from_array(np.array(cfg["max_value"] if cfg.get("max_value") is not None else np.inf, np.float32), hi)]
            g.nodes.append(helper.make_node("Clip", [x, lo, hi], [out]))
        elif kind == "Add":
            g.nodes.append(helper.make_node("Add", [values[i] for i in inputs], [out]))
        elif kind in ("AveragePooling2D", "GlobalAveragePooling2D"):
            k = cfg["pool_size"] if kind == "AveragePooling2D" else [size, size]
            if k[0] != size:
                raise SystemExit(name + ": only a pool over the whole feature map is supported")
            g.nodes.append(helper.make_node("GlobalAveragePool", [x], [out]))
            size = 1
        elif kind == "Flatten":
            if size != 1:
                raise SystemExit(name + ": flatten of a spatial map is not supported (NCHW order differs)")
            g.nodes.append(helper.make_node("Flatten", [x], [out], axis=1))
            features = out
        elif kind == "Dense":
            mm = name + "_mm"
            g.nodes += [helper.make_node("MatMul", [x, g.weight(name + "/kernel")], [mm]),
                        helper.make_node("Add", [mm, g.weight(name + "/bias")], [name + "_pre"])]
            act = cfg["activation"]
            if act == "relu":
                g.nodes.append(helper.make_node("Relu", [name + "_pre"], [out]))
            elif act == "softmax":
                g.nodes.append(helper.make_node("Softmax", [name + "_pre"], [out], axis=-1))
            elif act == "linear":
                g.nodes.append(helper.make_node("Identity", [name + "_pre"], [out]))
            else:
                raise SystemExit(name + ": activation " + act + " is not supported")
            ch = cfg["units"]
        elif kind == "Dropout":
            g.nodes.append(helper.make_node("Identity", [x], [out]))
        else:
            raise SystemExit(name + ": layer type " + kind + " is not supported")
        values[name], sizes[name], channels[name] = out, size, ch
    last = model["modelTopology"]["model_config"]["config"]["output_layers"][0][0]
    g.nodes += [helper.make_node("Identity", [values[last]], ["probabilities"]),
                helper.make_node("Identity", [features], ["features"])]
    graph = helper.make_graph(g.nodes, "nsfwjs_" + model["modelTopology"]["model_config"]["config"]["name"],
                              [helper.make_tensor_value_info("input", TensorProto.FLOAT, ["N", input_size, input_size, 3])],
                              [helper.make_tensor_value_info("probabilities", TensorProto.FLOAT, ["N", channels[last]]),
                               helper.make_tensor_value_info("features", TensorProto.FLOAT, ["N", channels[features]])],
                              g.inits)
    save(graph, g, out_path)


if __name__ == "__main__":
    if len(sys.argv) != 4:
        raise SystemExit(__doc__)
    convert(*sys.argv[1:])
