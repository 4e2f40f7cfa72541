#!/usr/bin/python3
"""Realistic-size, RANDOM-WEIGHT stand-ins for the inference benchmark (never real models, never committed).

  vit-b16-224.onnx      ViT-B/16 image tower at 224, NCHW  image [B,3,224,224]  -> embedding [B,512]
  vit-b16-448-nhwc.onnx ViT-B/16 tagger at 448, NHWC       input [B,448,448,3]  -> output [B,10861] (sigmoid)
  bert-base-text.onnx   BERT-base-size text tower          text int64 [B,52]    -> unnorm_text_features [B,512]

All with a dynamic batch axis, opset 17. The layers are written out here (patch embedding, pre-norm
attention blocks, GELU MLPs) rather than taken from torchvision so the export does not depend on a
particular torchvision fast path; sizes match ViT-B/16 (12 x 768, 12 heads, MLP 3072) and BERT-base
(12 x 768, vocab 21128). Each has an "I/O twin" with the same input and output tensors and almost no
compute (io-*.onnx), so the benchmark can measure the per-call cost of each API precisely even on a busy
machine. standins.json describes the files for the Java benchmark.

Usage: /usr/bin/python3 make_standins.py --out .bench-cache/standins   (bundled in the benchmarks jar;
`./acgbot bench inference` extracts and runs it). Needs Debian's python3-torch and python3-onnx and never
installs them: when missing it prints the install command and exits 2.
"""
import argparse
import json
import os
import sys
import time


def require_torch():
    try:
        import torch  # noqa: F401
        import onnx  # noqa: F401
    except ImportError as e:
        print("make_standins.py needs torch and onnx (%s): install with "
              "`sudo apt-get install --no-install-recommends python3-torch python3-onnx`" % e, file=sys.stderr)
        sys.exit(2)


require_torch()
import torch  # noqa: E402
from torch import nn  # noqa: E402

WIDTH, HEADS, LAYERS, MLP = 768, 12, 12, 3072


class Attention(nn.Module):
    def __init__(self):
        super().__init__()
        self.qkv = nn.Linear(WIDTH, 3 * WIDTH)
        self.proj = nn.Linear(WIDTH, WIDTH)

    def forward(self, x):
        b, n, _ = x.shape
        q, k, v = self.qkv(x).reshape(b, n, 3, HEADS, WIDTH // HEADS).permute(2, 0, 3, 1, 4)
        att = torch.softmax(q @ k.transpose(-2, -1) * (WIDTH // HEADS) ** -0.5, dim=-1)
        return self.proj((att @ v).transpose(1, 2).reshape(b, n, WIDTH))


class Block(nn.Module):
    def __init__(self):
        super().__init__()
        self.ln1, self.ln2 = nn.LayerNorm(WIDTH), nn.LayerNorm(WIDTH)
        self.attn = Attention()
        self.mlp = nn.Sequential(nn.Linear(WIDTH, MLP), nn.GELU(), nn.Linear(MLP, WIDTH))

    def forward(self, x):
        x = x + self.attn(self.ln1(x))
        return x + self.mlp(self.ln2(x))


class ViT(nn.Module):
    def __init__(self, size, out_dim, nhwc, sigmoid):
        super().__init__()
        self.nhwc, self.sigmoid = nhwc, sigmoid
        self.patch = nn.Conv2d(3, WIDTH, 16, 16)
        self.cls = nn.Parameter(torch.randn(1, 1, WIDTH) * 0.02)
        self.pos = nn.Parameter(torch.randn(1, (size // 16) ** 2 + 1, WIDTH) * 0.02)
        self.blocks = nn.Sequential(*[Block() for _ in range(LAYERS)])
        self.ln = nn.LayerNorm(WIDTH)
        self.head = nn.Linear(WIDTH, out_dim)

    def forward(self, x):
        if self.nhwc:
            x = x.permute(0, 3, 1, 2)
        x = self.patch(x).flatten(2).transpose(1, 2)
        x = torch.cat([self.cls.expand(x.shape[0], -1, -1), x], dim=1) + self.pos
        y = self.head(self.ln(self.blocks(x))[:, 0])
        return torch.sigmoid(y) if self.sigmoid else y


class TextTower(nn.Module):
    def __init__(self, vocab=21128, context=52, out_dim=512):
        super().__init__()
        self.tok = nn.Embedding(vocab, WIDTH)
        self.pos = nn.Parameter(torch.randn(1, context, WIDTH) * 0.02)
        self.blocks = nn.Sequential(*[Block() for _ in range(LAYERS)])
        self.ln = nn.LayerNorm(WIDTH)
        self.head = nn.Linear(WIDTH, out_dim)

    def forward(self, ids):
        x = self.tok(ids) + self.pos
        return self.head(self.ln(self.blocks(x))[:, 0])


class IoTwin(nn.Module):
    """Same input and output tensors as a stand-in, almost no compute: isolates the per-call cost of feeding
    and reading tensors, which is where DJL's overhead over the ONNX Runtime Java API lives."""

    def __init__(self, out_dim, tokens):
        super().__init__()
        self.tokens = tokens
        self.head = nn.Linear(1, out_dim)

    def forward(self, x):
        x = x.float() if self.tokens else x
        return self.head(x.reshape(x.shape[0], -1).mean(dim=1, keepdim=True))


def export(model, example, path, in_name, out_name):
    model.eval()
    tmp = path + ".tmp"
    with torch.no_grad():
        torch.onnx.export(model, (example,), tmp, input_names=[in_name], output_names=[out_name],
                          dynamic_axes={in_name: {0: "batch"}, out_name: {0: "batch"}}, opset_version=17,
                          do_constant_folding=True)
    os.replace(tmp, path)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    torch.manual_seed(0)
    io = {  # the I/O twins, same tensors as the model of the same name
        "vit-b16-224": (lambda: IoTwin(512, False), "io-224.onnx"),
        "vit-b16-448-nhwc": (lambda: IoTwin(10861, False), "io-448-nhwc.onnx"),
        "bert-base-text": (lambda: IoTwin(512, True), "io-text.onnx"),
    }
    specs = [
        ("vit-b16-224", "vit-b16-224.onnx", lambda: ViT(224, 512, False, False), torch.randn(1, 3, 224, 224),
         "image", "embedding", "float32", [3, 224, 224], "cn-clip / OpenAI CLIP ViT-B/16 image tower layout"),
        ("vit-b16-448-nhwc", "vit-b16-448-nhwc.onnx", lambda: ViT(448, 10861, True, True),
         torch.randn(1, 448, 448, 3), "input", "output", "float32", [448, 448, 3],
         "WD tagger v3 layout (NHWC 448, 10861 sigmoid outputs)"),
        ("bert-base-text", "bert-base-text.onnx", lambda: TextTower(), torch.randint(0, 21128, (1, 52)),
         "text", "unnorm_text_features", "int64", [52], "cn-clip text tower layout (BERT-base size, context 52)"),
    ]
    described = []
    for name, file, build, example, in_name, out_name, dtype, shape, note in specs:
        path = os.path.join(args.out, file)
        if not os.path.exists(path):
            t0 = time.time()
            model = build()
            params = sum(p.numel() for p in model.parameters())
            print("exporting %s (%.1f M random parameters) ..." % (file, params / 1e6), flush=True)
            export(model, example, path, in_name, out_name)
            print("  %s: %.0f MB in %.0f s" % (file, os.path.getsize(path) / 1e6, time.time() - t0), flush=True)
        twin_build, twin_file = io[name]
        twin_path = os.path.join(args.out, twin_file)
        if not os.path.exists(twin_path):
            export(twin_build(), example, twin_path, in_name, out_name)
        described.append({"name": name, "file": file, "io_twin": twin_file, "input": in_name, "output": out_name,
                          "dtype": dtype, "item_shape": shape, "note": note + "; RANDOM weights"})
    with open(os.path.join(args.out, "standins.json"), "w") as f:
        json.dump({"torch": torch.__version__, "models": described}, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
