#!/usr/bin/python3
"""Writes the known-answer gallery: small PNGs whose file names say their colour.

Used with the SYNTHETIC colour models (models/synthetic): their image embedding follows the mean colour, so
/search 樱花 must return pink.png first and /similar on red.png must list red_small.png (a resized copy)
as a duplicate. Each image has its own pattern so that perceptual hashes tell them apart (plain colour
fields would all share one hash). Run with Debian's python3-pil:
    /usr/bin/python3 plugins/commands/scripts/make_known_answer_gallery.py
"""
import os
import sys

try:
    from PIL import Image, ImageDraw
except ImportError:  # Debian's module, seen by /usr/bin/python3; nothing is installed from here
    print("make_known_answer_gallery.py needs the Python module PIL: install with `sudo apt-get install python3-pil`",
          file=sys.stderr)
    sys.exit(2)

OUT = os.path.join(os.path.dirname(__file__), "..", "known-answer", "gallery")
SIZE = 160


def stripes(base, ink, step, horizontal=True):
    img = Image.new("RGB", (SIZE, SIZE), base)
    d = ImageDraw.Draw(img)
    for i in range(0, SIZE, step * 2):
        box = (0, i, SIZE, i + step) if horizontal else (i, 0, i + step, SIZE)
        d.rectangle(box, fill=ink)
    return img


def checker(base, ink, step):
    img = Image.new("RGB", (SIZE, SIZE), base)
    d = ImageDraw.Draw(img)
    for y in range(0, SIZE, step):
        for x in range(0, SIZE, step):
            if (x // step + y // step) % 2:
                d.rectangle((x, y, x + step - 1, y + step - 1), fill=ink)
    return img


def circles(base, ink, radius):
    img = Image.new("RGB", (SIZE, SIZE), base)
    d = ImageDraw.Draw(img)
    for cy in range(radius, SIZE, radius * 3):
        for cx in range(radius, SIZE, radius * 3):
            d.ellipse((cx - radius, cy - radius, cx + radius, cy + radius), fill=ink)
    return img


def diagonal(base, ink, width):
    img = Image.new("RGB", (SIZE, SIZE), base)
    d = ImageDraw.Draw(img)
    for off in range(-SIZE, SIZE, width * 3):
        d.line((off, 0, off + SIZE, SIZE), fill=ink, width=width)
    return img


def left_half(base, ink):
    img = Image.new("RGB", (SIZE, SIZE), base)
    ImageDraw.Draw(img).rectangle((0, 0, SIZE // 3, SIZE), fill=ink)
    return img


def main():
    os.makedirs(OUT, exist_ok=True)
    images = {
        "red.png": stripes((225, 25, 25), (165, 5, 5), 10),
        "crimson.png": checker((205, 15, 45), (240, 45, 60), 20),
        "pink.png": circles((255, 192, 205), (240, 170, 190), 12),
        "blue.png": diagonal((25, 45, 225), (5, 5, 160), 8),
        "green.png": stripes((30, 200, 45), (10, 150, 20), 14, horizontal=False),
        "yellow.png": left_half((240, 230, 30), (210, 200, 10)),
    }
    for name, img in images.items():
        img.save(os.path.join(OUT, name), optimize=True)
    # a resized copy: a near duplicate of red.png by perceptual hash, different bytes
    images["red.png"].resize((SIZE // 2, SIZE // 2), Image.BICUBIC).save(os.path.join(OUT, "red_small.png"), optimize=True)


if __name__ == "__main__":
    main()
