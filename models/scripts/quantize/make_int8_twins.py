#!/usr/bin/python3
"""Builds the SYNTHETIC twins of the int8 model variants (models/synthetic/synthetic-*-int8.yaml and their files)
from the committed synthetic colour towers, with the two scripts beside this one:

  synthetic-cn-clip-vit-b-16-int8.onnx   compose_clip.py(colour image tower, colour text tower), then
                                         quantize_dynamic.py (uint8 weights, as for a graph with a Conv): the layout
                                         of Xenova/chinese-clip-vit-base-patch16 onnx/model_quantized.onnx
                                         (input_ids, attention_mask, pixel_values -> text_embeds, image_embeds, logits)
  synthetic-clip-vit-b-32-image-int8.onnx  pixel_values [B,3,224,224] -> image_embeds, uint8 weights
  synthetic-clip-vit-b-32-text-int8.onnx   input_ids int64 [B,77] -> text_embeds, int8 weights
                                         (the layout of Xenova/clip-vit-base-patch32 onnx/{vision,text}_model_quantized.onnx)

Their answers are the colour towers' known answers through int8 weights: a wrong input, mask or output name, or
a runtime that cannot feed a graph's extra inputs, fails a test; they are never a real model's output.

Usage: /usr/bin/python3 models/scripts/quantize/make_int8_twins.py   (python3-onnx, python3-numpy; exits 2 without)
"""
import hashlib
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from needs import require_modules  # noqa: E402  (this folder is on sys.path: the script runs from it)

require_modules("make_int8_twins.py")  # before compose_clip's own check, which names compose_clip.py
import compose_clip  # noqa: E402
import quantize_dynamic  # noqa: E402
import onnx  # noqa: E402
from onnx import TensorProto  # noqa: E402

SYNTHETIC = os.path.normpath(os.path.join(HERE, "..", "..", "synthetic"))
FILES = os.path.join(SYNTHETIC, "files")
VOCAB = "classpath:dev/acgbot/models/tokenizers/cn-clip/vocab.txt"


def renamed(path, inputs, outputs, batch="batch", input_type=None):
    """The graph at path with its input/output names replaced and a dynamic batch axis."""
    model = onnx.load(path)
    g = model.graph
    names = dict(inputs)
    names.update(outputs)
    for node in g.node:
        node.input[:] = [names.get(n, n) for n in node.input]
        node.output[:] = [names.get(n, n) for n in node.output]
    for v in list(g.input) + list(g.output):
        v.name = names.get(v.name, v.name)
        d = v.type.tensor_type.shape.dim[0]
        d.ClearField("dim_value")
        d.dim_param = batch
    if input_type is not None:
        g.input[0].type.tensor_type.elem_type = input_type
    onnx.checker.check_model(model)
    return model


def sha256(path):
    with open(path, "rb") as fh:
        return hashlib.sha256(fh.read()).hexdigest()


def file_entry(name):
    path = os.path.join(FILES, name)
    return "  - name: %s\n    path: files/%s\n    sha256: %s\n    size: %d\n" % (name, name, sha256(path), os.path.getsize(path))


HEADER = ("# SYNTHETIC model (models/scripts/quantize/make_int8_twins.py): same tensors as %s,\n"
          "# known colour answers through int8 weights. Never present its output as a real model's.\n")
IMAGE_INPUT = """input:
  name: pixel_values
  dtype: float32
  layout: NCHW
  size: 224
  resize: %s
  interpolation: bicubic
  alpha: drop
  colour_order: RGB
  scale: 1/255
  mean: [0.48145466, 0.4578275, 0.40821073]
  std: [0.26862954, 0.26130258, 0.27577711]
"""
CN_TEXT_CONSTANTS = """constant_inputs:
  - name: input_ids
    dtype: int64
    shape: [1, 2]
    values: [101, 102]
  - name: attention_mask
    dtype: int64
    shape: [1, 2]
    values: [1, 1]
"""
CN_IMAGE_CONSTANTS = """constant_inputs:
  - name: pixel_values
    dtype: float32
    shape: [1, 3, 224, 224]
    fill: 0
"""
EMBEDDING = "embedding:\n  dim: 512\n  l2_normalize: true\n"


def manifests():
    cn = "synthetic-cn-clip-vit-b-16-int8.onnx"
    common_cn = "embedding_space: synthetic-cn-clip-vit-b-16-int8\nfiles:\n" + file_entry(cn) + "model: %s\nbatch: dynamic\n" % cn
    out = {
        "synthetic-cn-clip-vit-b-16-image-int8": HEADER % "cn-clip-vit-b-16-image-int8"
        + "id: synthetic-cn-clip-vit-b-16-image-int8\ntask: clip-image\n"
          "description: \"SYNTHETIC: int8 colour CLIP, image side of a one-graph transformers.js CLIPModel export\"\n"
        + common_cn + IMAGE_INPUT % "squash" + CN_TEXT_CONSTANTS + "output:\n  name: image_embeds\n" + EMBEDDING,
        "synthetic-cn-clip-vit-b-16-text-int8": HEADER % "cn-clip-vit-b-16-text-int8"
        + "id: synthetic-cn-clip-vit-b-16-text-int8\ntask: clip-text\n"
          "description: \"SYNTHETIC: int8 colour CLIP, text side of a one-graph transformers.js CLIPModel export\"\n"
        + common_cn + "input:\n  name: input_ids\n  dtype: int64\n  attention_mask: attention_mask\n"
        + CN_IMAGE_CONSTANTS
        + "tokenizer:\n  kind: bert-wordpiece\n  file: %s\n  context_length: 52\n  pad_id: 0\n  lowercase: true\n" % VOCAB
        + "output:\n  name: text_embeds\n" + EMBEDDING,
        "synthetic-clip-vit-b-32-image-int8": HEADER % "clip-vit-b-32-image-int8"
        + "id: synthetic-clip-vit-b-32-image-int8\ntask: clip-image\nembedding_space: synthetic-clip-vit-b-32-int8\n"
          "description: \"SYNTHETIC: int8 colour CLIP image tower in the transformers.js vision_model layout\"\nfiles:\n"
        + file_entry("synthetic-clip-vit-b-32-image-int8.onnx")
        + "model: synthetic-clip-vit-b-32-image-int8.onnx\nbatch: dynamic\n" + IMAGE_INPUT % "shorter-side-center-crop"
        + "output:\n  name: image_embeds\n" + EMBEDDING,
        "synthetic-clip-vit-b-32-text-int8": HEADER % "clip-vit-b-32-text-int8"
        + "id: synthetic-clip-vit-b-32-text-int8\ntask: clip-text\nembedding_space: synthetic-clip-vit-b-32-int8\n"
          "description: \"SYNTHETIC: int8 colour CLIP text tower in the transformers.js text_model layout\"\nfiles:\n"
        + file_entry("synthetic-clip-vit-b-32-text-int8.onnx") + file_entry("synthetic-clip-tokenizer.json")
          .replace("name: synthetic-clip-tokenizer.json", "name: tokenizer.json      # SYNTHETIC tiny CLIP-style vocabulary")
        + "model: synthetic-clip-vit-b-32-text-int8.onnx\nbatch: dynamic\ninput:\n  name: input_ids\n  dtype: int64\n"
          "tokenizer:\n  kind: clip-bpe\n  file: tokenizer.json\n  context_length: 77\n  pad_id: 0\n  lowercase: true\n"
          "  languages: [en]          # OpenAI CLIP reads English only: models check probes English colour words\n"
        + "output:\n  name: text_embeds\n" + EMBEDDING,
    }
    for model_id, text in out.items():
        with open(os.path.join(SYNTHETIC, model_id + ".yaml"), "w", encoding="utf-8") as fh:
            fh.write(text)


def main():
    f = lambda name: os.path.join(FILES, name)  # noqa: E731
    cn = compose_clip.compose(onnx.load(f("synthetic-colour-clip-image.onnx")),
                              onnx.load(f("synthetic-colour-clip-text.onnx")))
    quantize_dynamic.quantize_model(cn, "uint8")  # the real graph has the ViT's Conv: transformers.js picks uint8
    quantize_dynamic.save(cn, f("synthetic-cn-clip-vit-b-16-int8.onnx"))
    image = renamed(f("synthetic-clip-vit-b-32-image.onnx"), {"image": "pixel_values"}, {"embedding": "image_embeds"})
    quantize_dynamic.quantize_model(image, "uint8")
    quantize_dynamic.save(image, f("synthetic-clip-vit-b-32-image-int8.onnx"))
    text = renamed(f("synthetic-clip-vit-b-32-text.onnx"), {"text": "input_ids"}, {"embedding": "text_embeds"},
                   input_type=TensorProto.INT64)
    quantize_dynamic.quantize_model(text, "int8")
    quantize_dynamic.save(text, f("synthetic-clip-vit-b-32-text-int8.onnx"))
    manifests()
    for name in ("synthetic-cn-clip-vit-b-16-int8.onnx", "synthetic-clip-vit-b-32-image-int8.onnx",
                 "synthetic-clip-vit-b-32-text-int8.onnx"):
        print("%-45s %9d  %s" % (name, os.path.getsize(f(name)), sha256(f(name))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
