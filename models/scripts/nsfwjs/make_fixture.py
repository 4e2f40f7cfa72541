#!/usr/bin/python3
"""Parity fixture for the nsfwjs MobileNetV2 conversion: 24 real images and nsfwjs's own outputs on them.

    sudo apt-get install openclipart-png gnome-backgrounds nodejs npm   # the images (Debian); never run by the script
    (cd <node dir> && npm install nsfwjs@4.4.0 @tensorflow/tfjs@4.22.0)
    NODE_PATH=<node dir>/node_modules /usr/bin/python3 make_fixture.py models/nsfwjs/fixture

Writes <out>/images/NN-<name>.png (224x224 RGB PNG: transparent clip-art composited on white, wallpapers
centre-cropped; fixed picks, so re-running writes the same files) and <out>/reference.json (nsfwjs's
probabilities, from reference.cjs on the pure-JS CPU backend). The images are already 224x224, so nsfwjs skips
its resize (resizeBilinear with alignCorners) and both sides see exactly pixel / 255.
"""
import hashlib
import os
import subprocess
import sys
import tempfile

import prerequisites

prerequisites.python_modules({"PIL": "python3-pil"})
from PIL import Image, ImageOps  # noqa: E402 (after the check that names its package)

CLIPART = "/usr/share/openclipart/png"
WALLPAPERS = "/usr/share/backgrounds/gnome"
# two per topic folder (the first two in sorted order), so the picks are fixed and cover many kinds of drawing
TOPICS = ["animals", "buildings", "food", "people", "plants", "transportation", "tools", "recreation", "electronics"]
WALLPAPER_FILES = ["adwaita-l.webp", "pixels-d.webp", "wood-l.webp", "truchet-l.webp", "licorice-d.webp", "vnc-l.webp"]


def clipart():
    picks, seen = [], set()
    for topic in TOPICS:
        files = []
        for root, _, names in os.walk(os.path.join(CLIPART, topic)):
            files += [os.path.join(root, n) for n in names if n.endswith(".png")]
        taken = 0
        for f in sorted(files):
            digest = hashlib.sha256(open(f, "rb").read()).hexdigest()
            if digest in seen:  # the same drawing sits in several folders
                continue
            seen.add(digest)
            picks.append(f)
            taken += 1
            if taken == 2:
                break
    return picks


def square(path):
    img = Image.open(path)
    img.load()
    if img.mode in ("RGBA", "LA", "P"):
        rgba = img.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        img = Image.alpha_composite(white, rgba)
    img = img.convert("RGB")
    if "openclipart" in path:
        # clip-art keeps its whole drawing: padded to a white square
        side = max(img.size)
        canvas = Image.new("RGB", (side, side), (255, 255, 255))
        canvas.paste(img, ((side - img.width) // 2, (side - img.height) // 2))
        img = canvas
    return ImageOps.fit(img, (224, 224), Image.BICUBIC)


def main(out):
    prerequisites.directories([CLIPART, WALLPAPERS], "openclipart-png gnome-backgrounds")
    prerequisites.node_with_nsfwjs()
    images = os.path.join(out, "images")
    os.makedirs(images, exist_ok=True)
    sources = clipart() + [os.path.join(WALLPAPERS, f) for f in WALLPAPER_FILES]
    with tempfile.TemporaryDirectory() as raw:
        for i, path in enumerate(sources):
            kind = "clipart" if "openclipart" in path else "wallpaper"
            stem = os.path.splitext(os.path.basename(path))[0][:40]
            name = "%02d-%s-%s" % (i, kind, stem)
            img = square(path)
            img.save(os.path.join(images, name + ".png"), optimize=True)
            with open(os.path.join(raw, name + ".rgb"), "wb") as f:
                f.write(img.tobytes())
        here = os.path.dirname(os.path.abspath(__file__))
        subprocess.run(["node", os.path.join(here, "reference.cjs"), raw, os.path.join(out, "reference.json")], check=True)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    main(sys.argv[1])
