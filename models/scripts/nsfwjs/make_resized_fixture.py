#!/usr/bin/python3
"""Resize-parity fixture for the nsfwjs conversion: real images of OTHER sizes than 224x224 and nsfwjs's own
probabilities and global-pool features on them, so nsfwjs's resize (tf.image.resizeBilinear with
alignCorners=true, on pixel / 255) is part of what the Java pipeline must reproduce.

    sudo apt-get install openclipart-png gnome-backgrounds python3-pil nodejs npm   # never run by the script
    (cd <node dir> && npm install nsfwjs@4.4.0 @tensorflow/tfjs@4.22.0)
    NODE_PATH=<node dir>/node_modules /usr/bin/python3 make_resized_fixture.py models/nsfwjs/fixture-resized
    NODE_PATH=... /usr/bin/python3 make_resized_fixture.py models/nsfwjs/fixture-resized InceptionV3

The second form keeps the committed images and writes nsfwjs's InceptionV3 outputs on them to
<out>/reference-InceptionV3.json (for the converted InceptionV3, which is not committed: 22.6 MB); with
MobileNetV2Mid it writes <out>/reference-MobileNetV2Mid.json (nsfwjs's graph model, not committed: 4.7 MB).

Writes <out>/images/: openclipart PNGs copied as they are (RGBA, LA and palette-with-transparency, 80 to 1333
pixels wide, smaller and larger than 224), GNOME's 256x256 vnc-l.webp as it is, three wallpapers scaled down
and saved as lossy WebP, one as JPEG, one clip-art saved as lossless WebP with alpha; and <out>/reference.json.
Both sides get the same pixels: PIL decodes each file, transparent ones are alpha-composited on white (the
manifest's alpha: composite-white; nsfwjs itself is handed RGB and leaves transparency to its caller), and
reference.cjs hands nsfwjs the RGB at its original size.
"""
import os
import shutil
import subprocess
import sys
import tempfile
import json

import prerequisites

prerequisites.python_modules({"PIL": "python3-pil"})
from PIL import Image  # noqa: E402 (after the check that names its package)

CLIPART = "/usr/share/openclipart/png"
WALLPAPERS = "/usr/share/backgrounds/gnome"
PNGS = ["animals/armadillo_architetto_fra_01.png", "animals/bat_orlando_karam_.png",
        "buildings/church_building_01_01.png", "buildings/brick_frouke_01.png",
        "food/bowl_of_steaming_soup_01.png", "food/candied_apples_ganson.png",
        "people/adult_astrid_graeber_01.png", "people/al_bar_architetto_france_01.png",
        "plants/arbre_modern_bw_jean-vic_01.png", "transportation/ambulans_romus_01.png",
        "transportation/airplane.png", "tools/blacksmith_anvil_ganson.png", "recreation/knitting.png",
        "electronics/camera_icon_stuart_moore_01.png", "computer/8port_hub_ruairi_hann_r.png",
        "shapes/airplane_nicu_buculei_01.png", "signs_and_symbols/BandeMarquageSecurite.png"]
# (wallpaper, size, format): scaled down with PIL's LANCZOS so the fixture stays small
DERIVED = [("adwaita-l.webp", (400, 225), "WEBP"), ("truchet-l.webp", (300, 300), "WEBP"),
           ("wood-d.webp", (512, 288), "WEBP"), ("licorice-d.webp", (500, 281), "JPEG")]


def rgb(path):
    img = Image.open(path)
    img.load()
    if img.mode in ("RGBA", "LA", "PA") or (img.mode == "P" and "transparency" in img.info):
        rgba = img.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        img = Image.alpha_composite(white, rgba)
    return img.convert("RGB")


def write_images(images):
    for i, rel in enumerate(PNGS):
        shutil.copyfile(os.path.join(CLIPART, rel), os.path.join(images, "%02d-%s" % (i, os.path.basename(rel))))
    n = len(PNGS)
    shutil.copyfile(os.path.join(WALLPAPERS, "vnc-l.webp"), os.path.join(images, "%02d-vnc-l.webp" % n))
    for j, (name, size, fmt) in enumerate(DERIVED):
        img = Image.open(os.path.join(WALLPAPERS, name)).convert("RGB").resize(size, Image.LANCZOS)
        ext = "webp" if fmt == "WEBP" else "jpg"
        out = os.path.join(images, "%02d-%s-%dx%d.%s" % (n + 1 + j, name.split(".")[0], size[0], size[1], ext))
        img.save(out, fmt, quality=85)
    alpha = Image.open(os.path.join(CLIPART, "food/burrito_ganson.png")).convert("RGBA")
    alpha.save(os.path.join(images, "%02d-burrito_ganson-alpha.webp" % (n + 1 + len(DERIVED))), "WEBP", lossless=True)


def main(out, model=None):
    prerequisites.directories([CLIPART, WALLPAPERS], "openclipart-png gnome-backgrounds")
    prerequisites.node_with_nsfwjs()
    images = os.path.join(out, "images")
    os.makedirs(images, exist_ok=True)
    if model is None:
        write_images(images)
    with tempfile.TemporaryDirectory() as raw:
        sizes = {}
        for name in sorted(os.listdir(images)):
            img = rgb(os.path.join(images, name))
            with open(os.path.join(raw, name + ".rgb"), "wb") as f:
                f.write(img.tobytes())
            sizes[name + ".rgb"] = list(img.size)
        with open(os.path.join(raw, "sizes.json"), "w") as f:
            json.dump(sizes, f)
        here = os.path.dirname(os.path.abspath(__file__))
        target = os.path.join(out, "reference.json" if model is None else "reference-%s.json" % model)
        env = dict(os.environ, NSFWJS_MODEL=model or "MobileNetV2")
        subprocess.run(["node", os.path.join(here, "reference.cjs"), raw, target, "features"], check=True, env=env)


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        raise SystemExit(__doc__)
    main(*sys.argv[1:])
