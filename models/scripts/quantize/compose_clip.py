#!/usr/bin/python3
"""Joins an image tower and a text tower into ONE graph in the layout of a transformers.js CLIPModel export
(optimum's CLIP ONNX config), which is how Xenova/chinese-clip-vit-base-patch16 publishes its only int8 file
(onnx/model_quantized.onnx; the repo has no separate text_model/vision_model files):

  inputs   input_ids int64 [text_batch, sequence], attention_mask int64 [text_batch, sequence],
           pixel_values float32 [image_batch, 3, H, W]
  outputs  logits_per_image [image_batch, text_batch], logits_per_text [text_batch, image_batch],
           text_embeds [text_batch, D], image_embeds [image_batch, D]  (embeddings L2-normalised, as CLIPModel does)

A caller that wants only one tower must still feed the other tower's inputs, and ONNX Runtime runs the whole
graph: that is the cost the benchmark measures on stand-ins built with this script. The text tower here gets
input_ids * attention_mask (padding ids are 0 anyway), so the mask input is used, as it is in the real export.

Usage (Debian's /usr/bin/python3 with python3-onnx and python3-numpy; exits 2 naming the install when missing):
  compose_clip.py IMAGE.onnx TEXT.onnx OUT.onnx [--logit-scale 100]
"""
import argparse
import os
import sys


from needs import require_modules  # noqa: E402  (this folder is on sys.path: the script runs from it)

require_modules("compose_clip.py")
import numpy as np  # noqa: E402
import onnx  # noqa: E402
from onnx import TensorProto, helper, numpy_helper  # noqa: E402
from onnx import compose as compose_lib  # noqa: E402


def single(values, what, path):
    if len(values) != 1:
        raise SystemExit("%s: expected one %s, found %s" % (path, what, [v.name for v in values]))
    return values[0]


def with_dim_names(value_info, *names):
    """A copy whose first dimensions are symbolic: the real export's batch (and sequence) axes are dynamic."""
    copy = onnx.ValueInfoProto()
    copy.CopyFrom(value_info)
    dims = copy.type.tensor_type.shape.dim
    for i, name in enumerate(names[:len(dims)]):
        dims[i].ClearField("dim_value")
        dims[i].dim_param = name
    return copy


def normalised(nodes, x, out):
    norm = out + "_norm"
    nodes.append(helper.make_node("ReduceL2", [x], [norm], keepdims=1, axes=[-1]))
    nodes.append(helper.make_node("Div", [x, norm], [out]))


def compose(image, text, logit_scale=100.0, where=("image tower", "text tower")):
    """One CLIPModel-layout graph (ModelProto) from an image tower and a text tower, one input and output each."""
    image = compose_lib.add_prefix(image, "vision_")
    text = compose_lib.add_prefix(text, "text_")
    img_in = single(image.graph.input, "input", where[0])
    img_out = single(image.graph.output, "output", where[0])
    txt_in = single(text.graph.input, "input", where[1])
    txt_out = single(text.graph.output, "output", where[1])
    if txt_in.type.tensor_type.elem_type != TensorProto.INT64:
        raise SystemExit("%s: the text tower must take int64 ids" % where[1])

    pre = [helper.make_node("Mul", ["input_ids", "attention_mask"], [txt_in.name]),
           helper.make_node("Identity", ["pixel_values"], [img_in.name])]
    post = []
    normalised(post, img_out.name, "image_embeds")
    normalised(post, txt_out.name, "text_embeds")
    post.append(helper.make_node("Transpose", ["image_embeds"], ["image_embeds_t"], perm=[1, 0]))
    post.append(helper.make_node("MatMul", ["text_embeds", "image_embeds_t"], ["text_image_dot"]))
    post.append(helper.make_node("Mul", ["text_image_dot", "logit_scale"], ["logits_per_text"]))
    post.append(helper.make_node("Transpose", ["logits_per_text"], ["logits_per_image"], perm=[1, 0]))
    inits = list(image.graph.initializer) + list(text.graph.initializer)
    inits.append(numpy_helper.from_array(np.array(logit_scale, dtype=np.float32), "logit_scale"))

    # a text tower with a fixed context (the stand-ins' learned positions) still needs that many tokens at run time
    ids = with_dim_names(txt_in, "text_batch", "sequence")
    ids.name = "input_ids"
    mask = with_dim_names(txt_in, "text_batch", "sequence")
    mask.name = "attention_mask"
    pixels = with_dim_names(img_in, "image_batch")
    pixels.name = "pixel_values"
    dim = lambda v: v.type.tensor_type.shape.dim[1].dim_value  # noqa: E731
    outputs = [
        helper.make_tensor_value_info("logits_per_image", TensorProto.FLOAT, ["image_batch", "text_batch"]),
        helper.make_tensor_value_info("logits_per_text", TensorProto.FLOAT, ["text_batch", "image_batch"]),
        helper.make_tensor_value_info("text_embeds", TensorProto.FLOAT, ["text_batch", dim(txt_out) or "dim"]),
        helper.make_tensor_value_info("image_embeds", TensorProto.FLOAT, ["image_batch", dim(img_out) or "dim"]),
    ]
    graph = helper.make_graph(pre + list(image.graph.node) + list(text.graph.node) + post, "clip",
                              [ids, mask, pixels], outputs, inits)
    opset = max(o.version for m in (image, text) for o in m.opset_import if o.domain in ("", "ai.onnx"))
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", max(opset, 13))],
                              producer_name="acgbot compose_clip.py")
    model.ir_version = max(image.ir_version, text.ir_version)
    onnx.checker.check_model(model)
    return model


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("image")
    ap.add_argument("text")
    ap.add_argument("output")
    ap.add_argument("--logit-scale", type=float, default=100.0)
    args = ap.parse_args()
    model = compose(onnx.load(args.image), onnx.load(args.text), args.logit_scale, (args.image, args.text))
    tmp = args.output + ".tmp"
    onnx.save(model, tmp)
    os.replace(tmp, args.output)
    print("%s + %s -> %s (%.1f MB): inputs input_ids, attention_mask, pixel_values; outputs logits_per_image, "
          "logits_per_text, text_embeds, image_embeds" % (args.image, args.text, args.output,
                                                          os.path.getsize(args.output) / 1e6))
    return 0


if __name__ == "__main__":
    sys.exit(main())
