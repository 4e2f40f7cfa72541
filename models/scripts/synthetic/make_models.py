#!/usr/bin/python3
"""Builds the committed synthetic models under models/synthetic/ (run with Debian's /usr/bin/python3).

Every model here is SYNTHETIC: tiny hand-built ONNX graphs with the exact input/output names, shapes and
dtypes of a shipped manifest, whose outputs are known answers derived from the mean colour of the input
image (or from colour words in the text). They exist to prove that the Java runtime feeds each layout
correctly (channel order, layout, normalisation, dtype, batch); their outputs are never a real model's.

  image towers / taggers: per-channel mean of the tensor, undone into 0..1 RGB in the model's OWN channel
  order and normalisation, then
    - CLIP image tower: softmax over distances to colour prototypes -> mix of fixed orthonormal directions
    - tagger: linear logits of (r, g, b) for red_theme / green_theme / blue_theme / ...
  text towers: token-id table (Equal + ReduceSum) -> colour weights -> the same directions.

Also writes each model's manifest (models/synthetic/<id>.yaml, local paths and fresh checksums), the
synthetic CLIP-style tokenizer.json (tiny vocabulary, openai/clip-vit-base-patch32 layout)
and, from an independent pure-Python CLIP BPE, the ids the Java tokenizer must produce for it.

Usage: /usr/bin/python3 models/scripts/synthetic/make_models.py   (from the repository root or anywhere)
"""
import csv
import hashlib
import html
import json
import os
import sys

# each module is named with the Debian package that has it; nothing is installed from here
for _module, _package in [("numpy", "python3-numpy"), ("onnx", "python3-onnx"), ("regex", "python3-regex")]:
    try:
        __import__(_module)
    except ImportError:  # the reference BPE needs regex for \p{L}
        print("make_models.py needs the Python module %s: install with `sudo apt-get install %s`" % (_module, _package),
              file=sys.stderr)
        sys.exit(2)

import numpy as np  # noqa: E402
import onnx  # noqa: E402
import regex  # noqa: E402
from onnx import TensorProto, helper, numpy_helper  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
MODULE = os.path.normpath(os.path.join(HERE, "..", ".."))
OUT = os.path.join(MODULE, "synthetic")
FILES = os.path.join(OUT, "files")
VOCAB = os.path.join(MODULE, "src/main/resources/dev/acgbot/models/tokenizers/cn-clip/vocab.txt")
TEXT_FIXTURES = os.path.join(MODULE, "src/test/resources/text")

OPSET = 17
IR_VERSION = 8  # ONNX Runtime 1.21 reads IR <= 10; onnx 1.12 writes 8 for opset 17
CLIP_MEAN = [0.48145466, 0.4578275, 0.40821073]
CLIP_STD = [0.26862954, 0.26130258, 0.27577711]
DIM = 512
SEED = 20240607

# Colour prototypes in 0..1 RGB; the order fixes the direction index of each colour.
COLOURS = {
    "red": (1.0, 0.0, 0.0),
    "green": (0.0, 1.0, 0.0),
    "blue": (0.0, 0.0, 1.0),
    "yellow": (1.0, 1.0, 0.0),
    "pink": (1.0, 0.75, 0.8),
    "white": (1.0, 1.0, 1.0),
    "black": (0.0, 0.0, 0.0),
}
COLOUR_NAMES = list(COLOURS)
TEMPERATURE = 0.02

# cn-clip vocabulary words that carry a colour (simplified and traditional characters, English words
# that exist as whole WordPieces in the vocabulary). 樱 stands for 樱花 (cherry blossom) -> pink.
CN_COLOUR_WORDS = {
    "红": "red", "紅": "red", "red": "red",
    "绿": "green", "綠": "green", "green": "green",
    "蓝": "blue", "藍": "blue", "blue": "blue",
    "黄": "yellow", "黃": "yellow",
    "粉": "pink", "樱": "pink", "pink": "pink",
    "白": "white", "white": "white",
    "黑": "black", "black": "black",
}
# synthetic CLIP BPE vocabulary: words that become single tokens; colour ones map to a direction
BPE_WORDS = ["a", "photo", "of", "the", "cat", "girl", "with", "hair", "red", "green", "blue", "yellow",
             "pink", "white", "black", "cherry", "blossom", "sky", "night"]
BPE_COLOUR_WORDS = {"red": "red", "green": "green", "blue": "blue", "yellow": "yellow", "pink": "pink",
                    "cherry": "pink", "blossom": "pink", "white": "white", "sky": "blue", "black": "black",
                    "night": "black"}


def directions():
    rng = np.random.default_rng(SEED)
    q, _ = np.linalg.qr(rng.standard_normal((DIM, len(COLOURS) + 1)))
    dirs = q.T.astype(np.float32)  # rows are orthonormal
    return dirs[: len(COLOURS)], dirs[len(COLOURS)]


COLOUR_DIRS, NEUTRAL_DIR = directions()


def const(name, array):
    return numpy_helper.from_array(np.asarray(array), name)


def save(graph, path, doc):
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)],
                              producer_name="acgbot-synthetic", doc_string=doc)
    model.ir_version = IR_VERSION
    onnx.checker.check_model(model)
    onnx.save(model, path)


def mean_rgb01(nodes, inits, x, layout, colour_order, scale, mean, std):
    """Nodes computing 0..1 RGB [B,3] from the input tensor, undoing the model's own preprocessing."""
    axes = [2, 3] if layout == "NCHW" else [1, 2]
    nodes.append(helper.make_node("ReduceMean", [x], ["m"], axes=axes, keepdims=0))
    inits += [const("std", np.array(std, np.float32)), const("mean", np.array(mean, np.float32))]
    nodes.append(helper.make_node("Mul", ["m", "std"], ["m_std"]))
    nodes.append(helper.make_node("Add", ["m_std", "mean"], ["m_raw"]))  # = pixel value * scale
    inits.append(const("inv_scale_255", np.array(1.0 / (scale * 255.0), np.float32)))
    nodes.append(helper.make_node("Mul", ["m_raw", "inv_scale_255"], ["m01"]))
    if colour_order == "BGR":
        inits.append(const("bgr_to_rgb", np.array([2, 1, 0], np.int64)))
        nodes.append(helper.make_node("Gather", ["m01", "bgr_to_rgb"], ["rgb"], axis=1))
    else:
        nodes.append(helper.make_node("Identity", ["m01"], ["rgb"]))
    return "rgb"


def image_input(name, layout, size, batch):
    dims = [batch, 3, size, size] if layout == "NCHW" else [batch, size, size, 3]
    return helper.make_tensor_value_info(name, TensorProto.FLOAT, dims)


def clip_image_tower(path, in_name, out_name, batch, layout="NCHW", size=224, colour_order="RGB",
                     scale=1 / 255, mean=CLIP_MEAN, std=CLIP_STD, output_gain=3.7):
    nodes, inits = [], []
    rgb = mean_rgb01(nodes, inits, in_name, layout, colour_order, scale, mean, std)
    protos = np.array([COLOURS[c] for c in COLOUR_NAMES], np.float32)[None]  # [1,K,3]
    inits += [const("protos", protos), const("axes_1", np.array([1], np.int64)),
              const("axes_2", np.array([2], np.int64)), const("neg_inv_t", np.array(-1.0 / TEMPERATURE, np.float32)),
              const("dirs", COLOUR_DIRS * np.float32(output_gain))]
    nodes += [
        helper.make_node("Unsqueeze", [rgb, "axes_1"], ["rgb3"]),          # [B,1,3]
        helper.make_node("Sub", ["rgb3", "protos"], ["diff"]),             # [B,K,3]
        helper.make_node("Mul", ["diff", "diff"], ["sq"]),
        helper.make_node("ReduceSum", ["sq", "axes_2"], ["d2"], keepdims=0),  # [B,K]
        helper.make_node("Mul", ["d2", "neg_inv_t"], ["score"]),
        helper.make_node("Softmax", ["score"], ["w"], axis=1),
        # deliberately not unit length: the runtime must L2-normalise
        helper.make_node("MatMul", ["w", "dirs"], [out_name]),
    ]
    graph = helper.make_graph(nodes, "synthetic_colour_clip_image", [image_input(in_name, layout, size, batch)],
                              [helper.make_tensor_value_info(out_name, TensorProto.FLOAT, [batch, DIM])], inits)
    save(graph, path, "SYNTHETIC colour CLIP image tower (known answers, not a real model)")


def clip_text_tower(path, in_name, out_name, batch, context, dtype, token_colours):
    """token_colours: {token id: colour name}."""
    ids = sorted(token_colours)
    table = np.zeros((len(ids), len(COLOURS)), np.float32)
    for row, token in enumerate(ids):
        table[row, COLOUR_NAMES.index(token_colours[token])] = 1.0
    nodes, inits = [], []
    inits += [const("token_ids", np.array(ids, np.int64)[None, None]),  # [1,1,M]
              const("axes_1", np.array([1], np.int64)), const("axes_2", np.array([2], np.int64)),
              const("table", table), const("dirs", COLOUR_DIRS * np.float32(2.5)),
              const("neutral", NEUTRAL_DIR * np.float32(0.05))]
    nodes += [
        helper.make_node("Cast", [in_name], ["ids64"], to=TensorProto.INT64),
        helper.make_node("Unsqueeze", ["ids64", "axes_2"], ["ids3"]),    # [B,S,1]
        helper.make_node("Equal", ["ids3", "token_ids"], ["hit"]),        # [B,S,M]
        helper.make_node("Cast", ["hit"], ["hitf"], to=TensorProto.FLOAT),
        helper.make_node("ReduceSum", ["hitf", "axes_1"], ["counts"], keepdims=0),  # [B,M]
        helper.make_node("MatMul", ["counts", "table"], ["colour_w"]),    # [B,K]
        helper.make_node("MatMul", ["colour_w", "dirs"], ["emb"]),
        # a small neutral component keeps colour-free text away from the zero vector
        helper.make_node("Add", ["emb", "neutral"], [out_name]),
    ]
    graph = helper.make_graph(nodes, "synthetic_colour_clip_text",
                              [helper.make_tensor_value_info(in_name, dtype, [batch, context])],
                              [helper.make_tensor_value_info(out_name, TensorProto.FLOAT, [batch, DIM])], inits)
    save(graph, path, "SYNTHETIC colour CLIP text tower (known answers, not a real model)")


# Tagger labels: (name, category, logit = w . (r, g, b) + bias); categories as in selected_tags.csv.
RATINGS = [("general", 9, (0, 0, 0), 2.0), ("sensitive", 9, (0, 0, 0), -1.5),
           ("questionable", 9, (0, 0, 0), -4.0), ("explicit", 9, (0, 0, 0), -6.0)]
GENERAL = [("red_theme", 0, (12, -6, -6), -6.0), ("green_theme", 0, (-6, 12, -6), -6.0),
           ("blue_theme", 0, (-6, -6, 12), -6.0), ("yellow_theme", 0, (12, 12, -18), -16.8),
           ("dark", 0, (-4, -4, -4), 3.0)]
CHARACTERS = [("synthetic_character_(red)", 4, (14, -7, -7), -8.0),
              ("synthetic_character_(teal)", 4, (-14, 7, 7), -8.0)]
FILLER_LOGIT = -9.0


def tagger_labels(count):
    named = RATINGS + GENERAL
    fillers = count - len(named) - len(CHARACTERS)
    labels = named + [("synthetic_tag_%05d" % i, 0, (0, 0, 0), FILLER_LOGIT) for i in range(fillers)] + CHARACTERS
    assert len(labels) == count
    return labels


def tagger(path, in_name, out_name, batch, layout, size, colour_order, scale, mean, std, labels, sigmoid):
    nodes, inits = [], []
    rgb = mean_rgb01(nodes, inits, in_name, layout, colour_order, scale, mean, std)
    weights = np.array([l[2] for l in labels], np.float32).T  # [3,N]
    bias = np.array([l[3] for l in labels], np.float32)
    inits += [const("w", weights), const("b", bias)]
    nodes += [helper.make_node("MatMul", [rgb, "w"], ["wx"]),
              helper.make_node("Add", ["wx", "b"], ["logits" if sigmoid else out_name])]
    if sigmoid:
        nodes.append(helper.make_node("Sigmoid", ["logits"], [out_name]))
    graph = helper.make_graph(nodes, "synthetic_colour_tagger", [image_input(in_name, layout, size, batch)],
                              [helper.make_tensor_value_info(out_name, TensorProto.FLOAT, [batch, len(labels)])],
                              inits)
    save(graph, path, "SYNTHETIC colour tagger (known answers, not a real model)")


def write_selected_tags(path, labels):
    with open(path, "w", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(["tag_id", "name", "category", "count"])
        for i, (name, category, _, _) in enumerate(labels):
            out.writerow([900000 + i, name, category, 0])


def write_lines(path, labels):
    with open(path, "w") as f:
        for name, _, _, _ in labels:
            f.write(name + "\n")


# ---- synthetic CLIP BPE tokenizer (openai/clip-vit-base-patch32 tokenizer.json layout, tiny vocab) ----

def bytes_to_unicode():
    bs = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + list(range(ord("®"), ord("ÿ") + 1))
    cs = bs[:]
    n = 0
    for b in range(256):
        if b not in bs:
            bs.append(b)
            cs.append(256 + n)
            n += 1
    return dict(zip(bs, [chr(c) for c in cs]))


CLIP_PATTERN = r"""<\|startoftext\|>|<\|endoftext\|>|'s|'t|'re|'ve|'m|'ll|'d|[\p{L}]+|[\p{N}]|[^\s\p{L}\p{N}]+"""
SOT, EOT = 49406, 49407


class ReferenceClipBpe:
    """Independent re-implementation of openai/CLIP simple_tokenizer.py (minus ftfy) for expected ids."""

    def __init__(self, merges):
        self.byte_encoder = bytes_to_unicode()
        base = list(self.byte_encoder.values())
        vocab = base + [v + "</w>" for v in base] + ["".join(m) for m in merges]
        self.encoder = {tok: i for i, tok in enumerate(vocab)}
        self.encoder["<|startoftext|>"] = SOT
        self.encoder["<|endoftext|>"] = EOT
        self.ranks = {m: i for i, m in enumerate(merges)}
        self.pat = regex.compile(CLIP_PATTERN, regex.IGNORECASE)

    def bpe(self, token):
        word = list(token[:-1]) + [token[-1] + "</w>"]
        while len(word) > 1:
            pairs = [(word[i], word[i + 1]) for i in range(len(word) - 1)]
            best = min(pairs, key=lambda p: self.ranks.get(p, float("inf")))
            if best not in self.ranks:
                break
            merged, i = [], 0
            while i < len(word):
                if i < len(word) - 1 and (word[i], word[i + 1]) == best:
                    merged.append(word[i] + word[i + 1])
                    i += 2
                else:
                    merged.append(word[i])
                    i += 1
            word = merged
        return word

    def encode(self, text):
        text = html.unescape(html.unescape(text)).strip()
        text = regex.sub(r"\s+", " ", text).strip().lower()
        ids = []
        for token in regex.findall(self.pat, text):
            token = "".join(self.byte_encoder[b] for b in token.encode("utf-8"))
            ids.extend(self.encoder[t] for t in self.bpe(token))
        return ids

    def tokenize(self, text, context=77, pad=0):
        ids = [SOT] + self.encode(text)[: context - 2] + [EOT]
        return ids + [pad] * (context - len(ids))


def build_merges(words):
    merges = []
    for w in words:
        ref = ReferenceClipBpe(merges)
        bu = "".join(ref.byte_encoder[b] for b in w.encode("utf-8"))
        while True:
            pieces = ReferenceClipBpe(merges).bpe(bu)
            if len(pieces) == 1:
                break
            merges.append((pieces[0], pieces[1]))  # appended = lowest priority: earlier words stay whole
    return merges


def clip_tokenizer_json(merges):
    ref = ReferenceClipBpe(merges)
    vocab = {tok: i for tok, i in ref.encoder.items() if tok not in ("<|startoftext|>", "<|endoftext|>")}
    vocab["<|startoftext|>"] = SOT
    vocab["<|endoftext|>"] = EOT
    special = lambda i, c: {"id": i, "content": c, "single_word": False, "lstrip": False, "rstrip": False,
                            "normalized": True, "special": True}
    return {
        "version": "1.0",
        "truncation": None,
        "padding": None,
        "added_tokens": [special(SOT, "<|startoftext|>"), special(EOT, "<|endoftext|>")],
        "normalizer": {"type": "Sequence", "normalizers": [
            {"type": "NFC"},
            {"type": "Replace", "pattern": {"Regex": "\\s+"}, "content": " "},
            {"type": "Lowercase"}]},
        "pre_tokenizer": {"type": "Sequence", "pretokenizers": [
            {"type": "Split", "pattern": {"Regex": CLIP_PATTERN}, "behavior": "Removed", "invert": True},
            {"type": "ByteLevel", "add_prefix_space": False, "trim_offsets": True, "use_regex": False}]},
        "post_processor": {"type": "RobertaProcessing", "sep": ["<|endoftext|>", EOT],
                           "cls": ["<|startoftext|>", SOT], "trim_offsets": False, "add_prefix_space": False},
        "decoder": {"type": "ByteLevel", "add_prefix_space": True, "trim_offsets": True, "use_regex": True},
        "model": {"type": "BPE", "dropout": None, "unk_token": "<|endoftext|>", "continuing_subword_prefix": "",
                  "end_of_word_suffix": "</w>", "fuse_unk": False, "byte_fallback": False,
                  "vocab": vocab, "merges": [" ".join(m) for m in merges]},
    }


def cn_vocab():
    with open(VOCAB, encoding="utf-8") as f:
        return {line.rstrip("\n"): i for i, line in enumerate(f)}


def main():
    os.makedirs(FILES, exist_ok=True)
    os.makedirs(TEXT_FIXTURES, exist_ok=True)
    f = lambda name: os.path.join(FILES, name)

    # WD tagger v3 layout: NHWC [B,448,448,3] float32 BGR 0..255, probabilities out, 10861 labels
    wd_labels = tagger_labels(10861)
    tagger(f("synthetic-wd-vit-tagger-v3.onnx"), "input", "output", "batch", "NHWC", 448, "BGR", 1.0,
           [0, 0, 0], [1, 1, 1], wd_labels, sigmoid=True)
    write_selected_tags(f("synthetic-wd-selected_tags.csv"), wd_labels)

    # JoyTag layout: NCHW [B,3,448,448] RGB/255 CLIP mean/std, logits out (sigmoid applied by the runtime)
    joy_labels = tagger_labels(5000)
    tagger(f("synthetic-joytag.onnx"), "input", "output", "batch", "NCHW", 448, "RGB", 1 / 255,
           CLIP_MEAN, CLIP_STD, joy_labels, sigmoid=False)
    write_lines(f("synthetic-joytag-top_tags.txt"), joy_labels)

    # Chinese-CLIP ViT-B/16 layout, as OFA-Sys's pytorch_to_onnx.py exports it (batch fixed to 1) ...
    vocab = cn_vocab()
    cn_tokens = {vocab[w]: c for w, c in CN_COLOUR_WORDS.items()}
    clip_image_tower(f("synthetic-cn-clip-vit-b-16-image.onnx"), "image", "unnorm_image_features", 1)
    clip_text_tower(f("synthetic-cn-clip-vit-b-16-text.onnx"), "text", "unnorm_text_features", 1, 52,
                    TensorProto.INT64, cn_tokens)
    # ... and the same pair re-exported with a dynamic batch axis: the known-answer colour CLIP
    clip_image_tower(f("synthetic-colour-clip-image.onnx"), "image", "unnorm_image_features", "batch")
    clip_text_tower(f("synthetic-colour-clip-text.onnx"), "text", "unnorm_text_features", "batch", 52,
                    TensorProto.INT64, cn_tokens)

    # OpenAI CLIP ViT-B/32 as Immich exports it with open_clip: image [1,3,224,224] -> embedding,
    # text int32 [1,77] -> embedding, CLIP BPE tokenizer (here a tiny synthetic vocabulary)
    merges = build_merges(BPE_WORDS)
    tok = clip_tokenizer_json(merges)
    with open(f("synthetic-clip-tokenizer.json"), "w", encoding="utf-8") as out:
        json.dump(tok, out, ensure_ascii=False, indent=1)
    bpe_tokens = {tok["model"]["vocab"][w + "</w>"]: c for w, c in BPE_COLOUR_WORDS.items()}
    clip_image_tower(f("synthetic-clip-vit-b-32-image.onnx"), "image", "embedding", 1)
    clip_text_tower(f("synthetic-clip-vit-b-32-text.onnx"), "text", "embedding", 1, 77, TensorProto.INT32,
                    bpe_tokens)

    ref = ReferenceClipBpe(merges)
    samples = ["a photo of a red cat", "A   Photo of  the BLUE sky!", "cherry blossom", "girl with pink hair 🌸",
               "樱花 and a white cat", "it's 2024, isn't it?", "unknownword", "",
               " ".join(["a red cat"] * 40)]
    expected = [{"text": s, "ids": ref.tokenize(s, 77, 0), "truncated": len(ref.encode(s)) > 75} for s in samples]
    with open(os.path.join(TEXT_FIXTURES, "synthetic-clip-bpe-expected.json"), "w", encoding="utf-8") as out:
        json.dump({"note": "SYNTHETIC vocabulary: ids from an independent Python CLIP BPE (make_models.py)",
                   "context_length": 77, "pad_id": 0, "cases": expected}, out, ensure_ascii=False, indent=1)

    write_manifests()
    for name in sorted(os.listdir(FILES)):
        path = f(name)
        print("%-45s %9d  %s" % (name, os.path.getsize(path), sha256(path)))


# ---- manifests of the synthetic models (local paths, checksums of what was just written) ----

def sha256(path):
    with open(path, "rb") as fh:
        return hashlib.sha256(fh.read()).hexdigest()


HEADER = """# SYNTHETIC model (models/scripts/synthetic/make_models.py): same tensors as %s, known colour answers.
# Never present its output as a real model's.
"""


def file_entry(name, local, comment=""):
    path = os.path.join(FILES, local)
    return ("  - name: %s%s\n    path: files/%s\n    sha256: %s\n    size: %d\n"
            % (name, comment, local, sha256(path), os.path.getsize(path)))


CLIP_NORM = """  scale: 1/255
  mean: [0.48145466, 0.4578275, 0.40821073]
  std: [0.26862954, 0.26130258, 0.27577711]
"""


def clip_image_manifest(model_id, space, desc, local, out_name, batch, resize, mirrors):
    return (HEADER % mirrors + "id: %s\ntask: clip-image\nembedding_space: %s\ndescription: \"SYNTHETIC: %s\"\nfiles:\n"
            % (model_id, space, desc) + file_entry(local, local)
            + "model: %s\nbatch: %s\ninput:\n  name: image\n  dtype: float32\n  layout: NCHW\n  size: 224\n"
              "  resize: %s\n  interpolation: bicubic\n  alpha: drop\n  colour_order: RGB\n" % (local, batch, resize)
            + CLIP_NORM + "output:\n  name: %s\nembedding:\n  dim: 512\n  l2_normalize: true\n" % out_name)


def clip_text_manifest(model_id, space, desc, local, out_name, batch, dtype, kind, tokenizer_local, context, mirrors):
    files = file_entry(local, local)
    if kind == "clip-bpe":
        files += file_entry("tokenizer.json", tokenizer_local, "      # SYNTHETIC tiny CLIP-style vocabulary")
    tok_file = "tokenizer.json" if kind == "clip-bpe" else "classpath:dev/acgbot/models/tokenizers/cn-clip/vocab.txt"
    return (HEADER % mirrors + "id: %s\ntask: clip-text\nembedding_space: %s\ndescription: \"SYNTHETIC: %s\"\nfiles:\n"
            % (model_id, space, desc) + files
            + "model: %s\nbatch: %s\ninput:\n  name: text\n  dtype: %s\ntokenizer:\n  kind: %s\n  file: %s\n"
              "  context_length: %d\n  pad_id: 0\n  lowercase: true\n" % (local, batch, dtype, kind, tok_file, context)
            + "output:\n  name: %s\nembedding:\n  dim: 512\n  l2_normalize: true\n" % out_name)


def tagger_manifest(model_id, desc, header, model_local, labels_name, labels_local, layout, order, alpha, norm,
                    activation, label_format):
    return (header + "id: %s\ntask: tagger\ndescription: \"SYNTHETIC: %s\"\nfiles:\n" % (model_id, desc)
            + file_entry("model.onnx", model_local) + file_entry(labels_name, labels_local)
            + "model: model.onnx\nbatch: dynamic\ninput:\n  name: input\n  dtype: float32\n  layout: %s\n"
              "  size: 448\n  resize: pad-square-white\n  interpolation: bicubic\n  alpha: %s\n  colour_order: %s\n"
              % (layout, alpha, order) + norm
            + "output:\n  name: output\n  activation: %s\nlabels:\n  file: %s\n  format: %s\n"
              % (activation, labels_name, label_format))


def write_manifests():
    manifests = {
        "synthetic-cn-clip-vit-b-16-image": clip_image_manifest(
            "synthetic-cn-clip-vit-b-16-image", "synthetic-cn-clip-vit-b-16",
            "colour CLIP image tower in the cn-clip-vit-b-16 export layout (batch 1)",
            "synthetic-cn-clip-vit-b-16-image.onnx", "unnorm_image_features", 1, "squash", "cn-clip-vit-b-16-image"),
        "synthetic-cn-clip-vit-b-16-text": clip_text_manifest(
            "synthetic-cn-clip-vit-b-16-text", "synthetic-cn-clip-vit-b-16",
            "colour CLIP text tower in the cn-clip-vit-b-16 export layout (batch 1)",
            "synthetic-cn-clip-vit-b-16-text.onnx", "unnorm_text_features", 1, "int64", "bert-wordpiece", None, 52,
            "cn-clip-vit-b-16-text"),
        "synthetic-colour-clip-image": clip_image_manifest(
            "synthetic-colour-clip-image", "synthetic-colour-clip",
            "colour CLIP image tower, cn-clip layout re-exported with a dynamic batch",
            "synthetic-colour-clip-image.onnx", "unnorm_image_features", "dynamic", "squash",
            "cn-clip-vit-b-16-image (dynamic batch)"),
        "synthetic-colour-clip-text": clip_text_manifest(
            "synthetic-colour-clip-text", "synthetic-colour-clip",
            "colour CLIP text tower, cn-clip layout re-exported with a dynamic batch",
            "synthetic-colour-clip-text.onnx", "unnorm_text_features", "dynamic", "int64", "bert-wordpiece", None, 52,
            "cn-clip-vit-b-16-text (dynamic batch)"),
        "synthetic-clip-vit-b-32-image": clip_image_manifest(
            "synthetic-clip-vit-b-32-image", "synthetic-clip-vit-b-32",
            "colour CLIP image tower in the clip-vit-b-32 (Immich open_clip) layout",
            "synthetic-clip-vit-b-32-image.onnx", "embedding", 1, "shorter-side-center-crop", "clip-vit-b-32-image"),
        "synthetic-clip-vit-b-32-text": clip_text_manifest(
            "synthetic-clip-vit-b-32-text", "synthetic-clip-vit-b-32",
            "colour CLIP text tower in the clip-vit-b-32 layout with a tiny synthetic BPE vocabulary",
            "synthetic-clip-vit-b-32-text.onnx", "embedding", 1, "int32", "clip-bpe", "synthetic-clip-tokenizer.json",
            77, "clip-vit-b-32-text"),
        "synthetic-wd-vit-tagger-v3": tagger_manifest(
            "synthetic-wd-vit-tagger-v3", "colour tagger in the wd-vit-tagger-v3 layout",
            "# SYNTHETIC model (models/scripts/synthetic/make_models.py): same tensors as wd-vit-tagger-v3\n"
            "# (NHWC 448 BGR 0-255, probabilities, 10861 labels); colour-theme scores follow the channel means in the\n"
            "# model's own BGR order. Never present its output as a real model's.\n",
            "synthetic-wd-vit-tagger-v3.onnx", "selected_tags.csv", "synthetic-wd-selected_tags.csv", "NHWC", "BGR",
            "composite-white", "  scale: 1\n  mean: [0, 0, 0]\n  std: [1, 1, 1]\n", "none", "selected-tags-csv"),
        "synthetic-joytag": tagger_manifest(
            "synthetic-joytag", "colour tagger in the joytag layout (logits, sigmoid applied by the runtime)",
            "# SYNTHETIC model (models/scripts/synthetic/make_models.py): same tensors as joytag (NCHW 448 RGB/255 with\n"
            "# CLIP mean/std, logits); scores follow the channel means. Never present its output as a real model's.\n",
            "synthetic-joytag.onnx", "top_tags.txt", "synthetic-joytag-top_tags.txt", "NCHW", "RGB", "drop",
            CLIP_NORM, "sigmoid", "lines"),
    }
    for model_id, text in manifests.items():
        with open(os.path.join(OUT, model_id + ".yaml"), "w", encoding="utf-8") as out:
            out.write(text)


if __name__ == "__main__":
    sys.exit(main())
