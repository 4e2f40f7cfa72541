#!/usr/bin/python3
"""Writes the reference fixtures the Java preprocessing and decoding tests compare against.

Run with the Debian interpreter (PIL + numpy only):  /usr/bin/python3 models/scripts/preprocess/make_fixtures.py

preprocess/  one decoded input per case (<case>.png, RGB or RGBA, exactly the pixels the reference saw)
             and, per layout, the reference tensor. A tensor is stored losslessly but compactly: every
             value is f(channel, one 8-bit pixel value), so we store those 8-bit codes as a 3-channel PNG
             whose channels are in tensor channel order (<case>.<layout>.codes.png) plus the 3x256 float32
             lookup table of the layout (index.json), and assert here that lut[channel][code] reproduces
             the numpy tensor bit for bit.
             Chinese-CLIP and OpenCLIP resize the image AS OPENED and convert to RGB afterwards, so their
             references get the case in its original PIL mode (index.json "mode": P, LA, RGBA, L, RGB; P
             and 1 are resized NEAREST by PIL, LA/RGBA premultiplied); the stored <case>.png holds the
             same pixels converted (RGBA when the source has transparency). Real clip-art cases also keep
             the original file (<case>.source.png) for the end-to-end decoder test.
images/      decoder fixtures: files in each format next to PIL's decoding of them (<name>.pil.png), and
             full-size (1920x1080) WebP files whose PIL decoding is stored compactly (index.json
             "webpFullSize": SHA-256 of PIL's RGB/RGBA bytes plus exact 128x128 crops at the corners and the
             centre, <name>.crop-<x>-<y>.png).

Usage: make_fixtures.py                      rewrite the committed fixtures
       make_fixtures.py --heldout DIR N      write N held-out transparent/palette clip-art cases (never
                                             committed) to DIR, for PreprocessorHeldOutTest
"""
import hashlib
import io
import json
import shutil
import struct
import os
import sys

# each module is named with the Debian package that has it (/usr/bin/python3 sees them); nothing is installed from here
for _module, _package in [("numpy", "python3-numpy"), ("PIL", "python3-pil")]:
    try:
        __import__(_module)
    except ImportError:
        print("make_fixtures.py needs the Python module %s: install with `sudo apt-get install %s`" % (_module, _package), file=sys.stderr)
        sys.exit(2)

import numpy as np  # noqa: E402
from PIL import Image, ImageOps
import PIL

HERE = os.path.dirname(os.path.abspath(__file__))
RES = os.path.normpath(os.path.join(HERE, "..", "..", "src", "test", "resources"))
PRE = os.path.join(RES, "preprocess")
IMG = os.path.join(RES, "images")
CLIPART = "/usr/share/openclipart/png"
WALLPAPERS = "/usr/share/backgrounds/gnome"

CLIP_MEAN = np.array([0.48145466, 0.4578275, 0.40821073], dtype=np.float32)
CLIP_STD = np.array([0.26862954, 0.26130258, 0.27577711], dtype=np.float32)


# ---------------------------------------------------------------- reference pipelines (PIL + numpy)

def wd_tagger_v3(img, size=448):
    """SmilingWolf's WD tagger v3 reference: composite on white, pad to a white square, bicubic, BGR 0-255."""
    if img.mode == "RGBA":
        canvas = Image.new("RGBA", img.size, (255, 255, 255))
        canvas.alpha_composite(img)
        img = canvas.convert("RGB")
    w, h = img.size
    side = max(w, h)
    padded = Image.new("RGB", (side, side), (255, 255, 255))
    padded.paste(img, ((side - w) // 2, (side - h) // 2))
    resized = padded.resize((size, size), Image.BICUBIC)
    pixels = np.asarray(resized, dtype=np.uint8)
    tensor = pixels.astype(np.float32)[:, :, ::-1]
    return np.ascontiguousarray(tensor), np.ascontiguousarray(pixels[:, :, ::-1])


def _clip_normalise_chw(pixels_hwc):
    """torchvision ToTensor + Normalize: uint8 -> float32 / 255, minus mean, divided by std, CHW."""
    chw = np.ascontiguousarray(pixels_hwc.transpose(2, 0, 1))
    t = chw.astype(np.float32) / np.float32(255.0)
    t = (t - CLIP_MEAN[:, None, None]) / CLIP_STD[:, None, None]
    return t.astype(np.float32), chw


def joytag(img, size=448):
    """JoyTag's prepare_image: paste (RGBA pasted without mask onto RGB drops alpha) on a white square,
    bicubic unless already the size, CLIP normalisation, NCHW."""
    w, h = img.size
    side = max(w, h)
    padded = Image.new("RGB", (side, side), (255, 255, 255))
    padded.paste(img, ((side - w) // 2, (side - h) // 2))
    if side != size:
        padded = padded.resize((size, size), Image.BICUBIC)
    return _clip_normalise_chw(np.asarray(padded, dtype=np.uint8))


def cn_clip(img, size=224):
    """Chinese-CLIP image_transform (cn_clip/clip/utils.py): Resize((size, size), BICUBIC) on the image as
    opened, THEN convert('RGB'), CLIP normalisation. torchvision's Resize on a PIL image is img.resize, so a
    palette image is resized NEAREST and an RGBA/LA one premultiplied."""
    img = img.resize((size, size), Image.BICUBIC)
    img = img.convert("RGB")
    return _clip_normalise_chw(np.asarray(img, dtype=np.uint8))


def openclip(img, size=224):
    """OpenAI CLIP / OpenCLIP eval transform: Resize(size) on the shorter side, CenterCrop(size),
    then convert('RGB') (so RGBA is resized premultiplied before alpha is dropped), CLIP normalisation."""
    w, h = img.size
    short, long = (w, h) if w <= h else (h, w)
    new_short, new_long = size, int(size * long / short)
    new_w, new_h = (new_short, new_long) if w <= h else (new_long, new_short)
    if (new_w, new_h) != (w, h):
        img = img.resize((new_w, new_h), Image.BICUBIC)
    top = int(round((new_h - size) / 2.0))
    left = int(round((new_w - size) / 2.0))
    img = img.crop((left, top, left + size, top + size))
    img = img.convert("RGB")
    return _clip_normalise_chw(np.asarray(img, dtype=np.uint8))


# the pipelines that take the image as opened (resize before convert); the others get as_decoded(img)
AS_OPENED = ("cn-clip", "openclip")

LAYOUTS = {
    "wd-v3": dict(fn=wd_tagger_v3, width=448, height=448, resize="PAD_SQUARE_WHITE", alpha="COMPOSITE_WHITE",
                  colorOrder="BGR", layout="NHWC", scale=1.0, mean=[0.0, 0.0, 0.0], std=[1.0, 1.0, 1.0]),
    "joytag": dict(fn=joytag, width=448, height=448, resize="PAD_SQUARE_WHITE", alpha="DROP",
                   colorOrder="RGB", layout="NCHW", scale=1.0 / 255.0,
                   mean=CLIP_MEAN.tolist(), std=CLIP_STD.tolist()),
    "cn-clip": dict(fn=cn_clip, width=224, height=224, resize="SQUASH", alpha="DROP",
                    colorOrder="RGB", layout="NCHW", scale=1.0 / 255.0,
                    mean=CLIP_MEAN.tolist(), std=CLIP_STD.tolist()),
    "openclip": dict(fn=openclip, width=224, height=224, resize="SHORTER_SIDE_CENTER_CROP", alpha="DROP",
                     colorOrder="RGB", layout="NCHW", scale=1.0 / 255.0,
                     mean=CLIP_MEAN.tolist(), std=CLIP_STD.tolist()),
}


def lookup_table(name):
    """Float32 value of each (channel, 8-bit value) pair, computed by the same numpy expression."""
    if name == "wd-v3":
        return np.tile(np.arange(256, dtype=np.float32), (3, 1))
    v = np.tile(np.arange(256, dtype=np.uint8), (3, 1))[:, None, :]  # 3 x 1 x 256 "image"
    t, _ = _clip_normalise_chw(np.ascontiguousarray(v.transpose(1, 2, 0)))
    return t[:, 0, :]


# ---------------------------------------------------------------- inputs

def rng_image(rng, w, h, mode="RGB"):
    bands = 4 if mode == "RGBA" else 3
    return Image.fromarray(rng.integers(0, 256, size=(h, w, bands), dtype=np.uint8), mode)


def as_decoded(img):
    """What our decoder hands over: RGBA when the file has transparency, RGB otherwise (PIL's own rule)."""
    if img.mode in ("RGB", "RGBA"):
        return img
    if img.mode in ("LA", "PA") or (img.mode == "P" and "transparency" in img.info):
        return img.convert("RGBA")
    return img.convert("RGB")


def wallpaper(name, box, size):
    img = Image.open(os.path.join(WALLPAPERS, name)).convert("RGB")
    return img.crop(box).resize(size, Image.LANCZOS)


# real clip art per PIL mode: the original files are kept next to the case (<case>.source.png)
CLIPART_CASES = {
    "flask-rgba": "science/chemistry_flask_matthew__02.png",                    # RGBA
    "microscope-la": "science/microscopio_architetto_f_01.png",                 # LA
    "cross-palette": "science/astronomy/southen_cross_black_01.png",            # P + tRNS
    "syringe-wide-rgba": "science/medicine/siringa_architetto_franc_01.png",    # RGBA
    "flamingo-palette-trns": "animals/birds/flamand_bw_jean-victor_b_01.png",   # P + tRNS
    "catalunya-palette": "signs_and_symbols/flags/europe/spain/spain_catalunya.png",  # P, no transparency
}


def cases():
    """Each case as opened (its PIL mode kept)."""
    rng = np.random.default_rng(20261122)
    out = {}
    # real images: clip art with alpha (RGBA, LA, palette), downscaled wallpapers
    for name, path in CLIPART_CASES.items():
        out[name] = Image.open(os.path.join(CLIPART, path))
    out["wallpaper-landscape"] = wallpaper("adwaita-d.webp", (0, 848, 4096, 3152), (640, 360))
    out["wallpaper-portrait"] = wallpaper("truchet-d.webp", (1000, 0, 3304, 4096), (270, 480))
    # synthetic edge cases
    out["one-pixel"] = Image.new("RGB", (1, 1), (200, 30, 90))
    out["one-row"] = rng_image(rng, 37, 1)
    out["one-column"] = rng_image(rng, 1, 41)
    out["extreme-1000x3"] = rng_image(rng, 1000, 3)
    out["upscale-30x20"] = rng_image(rng, 30, 20)
    out["exact-448"] = Image.open(os.path.join(WALLPAPERS, "pixels-l.webp")).convert("RGB").crop((1600, 1600, 2048, 2048))
    square = np.asarray(wallpaper("wood-d.webp", (0, 0, 4096, 4096), (224, 224))).copy()
    alpha = np.full((224, 224, 1), 255, dtype=np.uint8)
    alpha[::7, :, 0] = rng.integers(0, 256, size=(32, 224), dtype=np.uint8)
    alpha[100:140, 60:180, 0] = 0
    out["exact-224-rgba"] = Image.fromarray(np.concatenate([square, alpha], axis=2), "RGBA")
    # transparent pixels with colour under them, partial alpha, hard edges
    a = rng.integers(0, 256, size=(61, 97, 4), dtype=np.uint8)
    a[:20, :, 3] = 0
    a[20:40, :, 3] = np.linspace(0, 255, 97).astype(np.uint8)[None, :]
    a[40:, :50, 3] = 255
    out["coloured-transparency"] = Image.fromarray(a, "RGBA")
    g = np.add.outer(np.arange(70) * 3, np.arange(50) * 2).clip(0, 255).astype(np.uint8)
    out["grayscale"] = Image.fromarray(g, "L")
    p = Image.fromarray(rng.integers(0, 8, size=(33, 45), dtype=np.uint8), "P")
    p.putpalette([0, 0, 0, 255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 0, 0, 255, 255, 255, 0, 255, 128, 128, 128])
    p.info["transparency"] = 5
    out["palette-transparent"] = p
    q = p.copy()
    q.info.pop("transparency")
    out["palette-opaque"] = q
    la = np.stack([rng.integers(0, 256, size=(29, 53), dtype=np.uint8),
                   np.tile(np.linspace(0, 255, 53).astype(np.uint8), (29, 1))], axis=2)
    la[:8, :, 1] = 0
    out["gradient-la"] = Image.fromarray(la, "LA")
    for img in out.values():
        img.load()
    return out


# ---------------------------------------------------------------- decoder fixtures

def save_pil_decoding(name, data):
    """Stores the encoded file and what PIL decodes from it (EXIF orientation applied, RGB/RGBA)."""
    with open(os.path.join(IMG, name), "wb") as f:
        f.write(data)
    img = ImageOps.exif_transpose(Image.open(io.BytesIO(data)))
    as_decoded(img).save(os.path.join(IMG, name + ".pil.png"), optimize=True)


def encode(img, fmt, **kw):
    buf = io.BytesIO()
    img.save(buf, fmt, **kw)
    return buf.getvalue()


def decoder_fixtures():
    rng = np.random.default_rng(7)
    photo = wallpaper("wood-d.webp", (1000, 1000, 2024, 1768), (256, 192))
    art = Image.open(os.path.join(CLIPART, "science/chemistry_flask_matthew__02.png")).resize((94, 112), Image.LANCZOS)
    files = {}
    # JPEG variants: PIL's libjpeg vs the Java decoder (compared with a loose bound, reported)
    files["photo-420.jpg"] = encode(photo, "JPEG", quality=90)
    files["photo-444.jpg"] = encode(photo, "JPEG", quality=95, subsampling=0)
    files["photo-progressive.jpg"] = encode(photo, "JPEG", quality=85, progressive=True)
    files["photo-gray.jpg"] = encode(photo.convert("L"), "JPEG", quality=90)
    files["photo-cmyk.jpg"] = encode(photo.convert("CMYK"), "JPEG", quality=95)
    small = photo.resize((40, 30), Image.LANCZOS)
    for o in range(1, 9):
        exif = Image.Exif()
        exif[0x0112] = o
        files[f"orient-{o}.jpg"] = encode(small, "JPEG", quality=95, exif=exif.tobytes())
        files[f"orient-{o}.png"] = encode(small, "PNG", exif=exif.tobytes())
    # lossless formats: must match PIL exactly
    files["art-rgba.png"] = encode(art, "PNG")
    files["art-la.png"] = encode(art.convert("LA"), "PNG")
    files["art-gray.png"] = encode(art.convert("L"), "PNG")
    files["art-1bit.png"] = encode(art.convert("L").point(lambda v: 255 if v > 128 else 0).convert("1"), "PNG")
    files["art-palette16.png"] = encode(art.convert("RGB").quantize(16), "PNG", bits=4)
    pal = art.convert("RGB").quantize(64)
    files["art-palette.png"] = encode(pal, "PNG")
    pal_t = pal.copy()
    pal_t.info["transparency"] = 0
    files["art-palette-trns.png"] = encode(pal_t, "PNG", transparency=0)
    rgb16 = (np.asarray(small, dtype=np.uint16) * 257 + rng.integers(0, 256, size=(30, 40, 3))).astype(">u2")
    files["rgb16.png"] = png16(rgb16, colour_type=2)
    rgba16 = np.concatenate([rgb16, (rng.integers(0, 65536, size=(30, 40, 1))).astype(">u2")], axis=2)
    files["rgba16.png"] = png16(rgba16, colour_type=6)
    files["art-lossless.webp"] = encode(art, "WEBP", lossless=True)
    files["photo-lossy.webp"] = encode(photo, "WEBP", quality=90)
    files["art-lossy-alpha.webp"] = encode(art, "WEBP", quality=90)
    frames = [Image.new("RGB", (48, 32), c) for c in ((250, 10, 10), (10, 250, 10), (10, 10, 250))]
    files["animated.webp"] = encode(frames[0], "WEBP", save_all=True, append_images=frames[1:], lossless=True, duration=100)
    files["animated.gif"] = encode(frames[0], "GIF", save_all=True, append_images=frames[1:], duration=100)
    files["art.gif"] = encode(art, "GIF")
    ramp = Image.fromarray(np.add.outer(np.arange(24) * 5, np.arange(40) * 3).astype(np.uint8), "L")
    files["gray-ramp.gif"] = encode(ramp, "GIF", optimize=False)  # identity gray palette: PIL opens it as L
    files["photo.bmp"] = encode(small, "BMP")
    files["frame-offset.gif"] = gif_with_offset_frame(transparent=False)
    files["frame-offset-transparent.gif"] = gif_with_offset_frame(transparent=True)
    for name, data in files.items():
        save_pil_decoding(name, data)
    return sorted(files)


def decoder_modes(names):
    """The mode PIL opens each decoder fixture in (what the CLIP pipelines resize in)."""
    return {name: Image.open(os.path.join(IMG, name)).mode for name in names}


def divergent_fixtures():
    """Files where we deliberately differ from PIL; the expected pixels are written explicitly.

    gray16.png: PIL opens 16-bit grayscale as mode I and convert('RGB') clips every value above 255 to white;
    we keep the high byte, as PIL itself does for 16-bit RGB.
    """
    rng = np.random.default_rng(11)
    gray = (np.add.outer(np.arange(24) * 2500, np.arange(32) * 40) + rng.integers(0, 256, size=(24, 32))).clip(0, 65535)
    with open(os.path.join(IMG, "gray16.png"), "wb") as f:
        f.write(png16(gray.astype(">u2")[:, :, None], colour_type=0))
    Image.fromarray((gray >> 8).astype(np.uint8), "L").convert("RGB").save(os.path.join(IMG, "gray16.png.expected.png"))
    return ["gray16.png"]


def webp_full_size_fixtures():
    """Real-sized WebP files (lossy, lossless, lossy with alpha, animated with an offset first frame) and
    PIL's decoding of each, stored as the SHA-256 of its RGB/RGBA bytes plus exact 128x128 crops."""
    wall = Image.open(os.path.join(WALLPAPERS, "wood-l.webp")).convert("RGB")
    wall.load()
    # the bottom-right of a wallpaper: where the old Java decoder drifted furthest (up to 56 levels)
    photo = wall.crop((4096 - 1920, 4096 - 1080, 4096, 4096))
    art = Image.open(os.path.join(CLIPART, "science/chemistry_flask_matthew__02.png"))
    art = art.resize((art.size[0] * 1000 // art.size[1], 1000), Image.LANCZOS)
    canvas = Image.new("RGBA", (1920, 1080), (0, 0, 0, 0))
    for i, x in enumerate((200, 1100)):
        canvas.alpha_composite(art.rotate(i * 7, resample=Image.BICUBIC, expand=False), (x, 40))
    files = {
        "wallpaper-lossy-1920x1080.webp": encode(photo, "WEBP", quality=80),
        "art-lossless-1920x1080.webp": encode(canvas, "WEBP", lossless=True),
        "art-lossy-alpha-1920x1080.webp": encode(canvas, "WEBP", quality=80),
        "animated-offset-1920x1080.webp": animated_with_offset_first_frame(
            encode(wall.crop((300, 500, 2100, 1500)).convert("RGBA"), "WEBP", quality=80),
            encode(Image.new("RGB", (1920, 1080), (20, 200, 20)), "WEBP", quality=80), (1920, 1080), (60, 40)),
        "animated-lossless-1920x1080.webp": encode(photo.quantize(32).convert("RGB"), "WEBP", save_all=True,
                                                    append_images=[Image.new("RGB", (1920, 1080), (9, 9, 250))],
                                                    lossless=True, duration=100),
    }
    entries = []
    for name, data in files.items():
        with open(os.path.join(IMG, name), "wb") as f:
            f.write(data)
        img = Image.open(io.BytesIO(data))
        img.load()
        assert img.size == (1920, 1080) and img.mode in ("RGB", "RGBA"), (name, img.size, img.mode)
        pixels = np.asarray(img)
        crops = []
        for (x, y) in ((0, 0), (1920 - 128, 0), (0, 1080 - 128), (1920 - 128, 1080 - 128), (896, 476)):
            crop = f"{name}.crop-{x}-{y}.png"
            img.crop((x, y, x + 128, y + 128)).save(os.path.join(IMG, crop), optimize=True)
            crops.append({"x": x, "y": y, "file": crop})
        entries.append({"file": name, "width": img.size[0], "height": img.size[1], "mode": img.mode,
                        "frames": getattr(img, "n_frames", 1),
                        "sha256": hashlib.sha256(pixels.tobytes()).hexdigest(), "crops": crops})
    return entries


def riff_chunks(data):
    """(fourcc, payload) of a RIFF WEBP file's top-level chunks."""
    p, out = 12, []
    while p + 8 <= len(data):
        fourcc, size = data[p:p + 4], struct.unpack("<I", data[p + 4:p + 8])[0]
        out.append((fourcc, data[p + 8:p + 8 + size]))
        p += 8 + size + (size & 1)
    return out


def chunk(fourcc, payload):
    return fourcc + struct.pack("<I", len(payload)) + payload + (b"\0" if len(payload) & 1 else b"")


def animated_with_offset_first_frame(first, second, canvas, offset):
    """An animation (written by hand: PIL always starts with a full-canvas frame) whose first frame is
    smaller than the canvas and sits at an offset; the file has alpha, so PIL opens it as RGBA."""
    def frame(still, x, y):
        body = b"".join(chunk(f, p) for f, p in riff_chunks(still) if f in (b"ALPH", b"VP8 ", b"VP8L"))
        w, h = Image.open(io.BytesIO(still)).size
        head = (struct.pack("<I", x // 2)[:3] + struct.pack("<I", y // 2)[:3] + struct.pack("<I", w - 1)[:3]
                + struct.pack("<I", h - 1)[:3] + struct.pack("<I", 100)[:3] + bytes([0x02]))  # no blend
        return chunk(b"ANMF", head + body)
    vp8x = bytes([0x12, 0, 0, 0]) + struct.pack("<I", canvas[0] - 1)[:3] + struct.pack("<I", canvas[1] - 1)[:3]
    body = (b"WEBP" + chunk(b"VP8X", vp8x) + chunk(b"ANIM", bytes([255, 255, 255, 255, 0, 0]))
            + frame(first, *offset) + frame(second, 0, 0))
    return b"RIFF" + struct.pack("<I", len(body)) + body


def ops_fixtures():
    """ImageOps reference: PIL resize with every filter (RGB and RGBA) and convert('L')."""
    inputs = {
        "art-rgba.png.pil.png": Image.open(os.path.join(IMG, "art-rgba.png.pil.png")),
        "photo-420.jpg.pil.png": Image.open(os.path.join(IMG, "photo-420.jpg.pil.png")),
    }
    filters = {"NEAREST": Image.NEAREST, "BILINEAR": Image.BILINEAR, "BICUBIC": Image.BICUBIC,
               "LANCZOS": Image.LANCZOS}
    entries = []
    for source, img in inputs.items():
        img.load()
        stem = source.split(".")[0]
        for fname, f in filters.items():
            for (w, h) in ((31, 45), (150, 70)):
                out = f"ops-{stem}-{fname.lower()}-{w}x{h}.png"
                img.resize((w, h), f).save(os.path.join(IMG, out), optimize=True)
                entries.append({"input": source, "filter": fname, "width": w, "height": h, "file": out})
        gray = f"ops-{stem}-gray.png"
        img.convert("L").save(os.path.join(IMG, gray), optimize=True)
        entries.append({"input": source, "filter": "GRAY", "width": img.size[0], "height": img.size[1], "file": gray})
    return entries


def gif_with_offset_frame(transparent):
    """A 20x10 screen whose first frame is 6x4 at (5, 2), written by hand (PIL always writes full frames)."""
    import struct
    d = b"GIF89a" + struct.pack("<HH", 20, 10) + bytes([0xF1, 1, 0]) + bytes([9, 9, 9, 255, 0, 0, 0, 255, 0, 0, 0, 255])
    if transparent:
        d += bytes([0x21, 0xF9, 4, 1, 0, 0, 3, 0])
    d += b"\x2c" + struct.pack("<HHHH", 5, 2, 6, 4) + b"\x00"
    # 2-bit LZW with a clear code after every two pixels keeps every code 3 bits wide
    codes = [4]
    for i, p in enumerate([2, 1, 2, 3, 0, 2] * 4):
        codes.append(p)
        if i % 2 == 1:
            codes.append(4)
    codes.append(5)
    data, acc, n = bytearray(), 0, 0
    for c in codes:
        acc |= c << n
        n += 3
        while n >= 8:
            data.append(acc & 255)
            acc >>= 8
            n -= 8
    if n:
        data.append(acc & 255)
    return d + bytes([2, len(data)]) + bytes(data) + b"\x00;"


def png16(arr, colour_type):
    """A 16-bit PNG written by hand (PIL cannot save 16-bit RGB); PIL reads it as 8-bit, top byte."""
    import struct
    import zlib
    h, w = arr.shape[:2]

    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
    raw = b"".join(b"\x00" + arr[y].tobytes() for y in range(h))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 16, colour_type, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def cross_check_torchvision(cases_by_name):
    """When torchvision is installed, the numpy emulations above must equal the real transforms bit for bit."""
    try:
        import torch
        from torchvision import transforms as T
        from torchvision.transforms import InterpolationMode
        import torchvision.transforms.functional as TVF
    except ImportError:
        print("torchvision not installed: skipping the cross-check against the real transforms", file=sys.stderr)
        return False
    rgb = lambda im: im.convert("RGB")
    norm = T.Normalize(CLIP_MEAN.tolist(), CLIP_STD.tolist())
    real = {
        "openclip": T.Compose([T.Resize(224, interpolation=InterpolationMode.BICUBIC), T.CenterCrop(224), rgb,
                               T.ToTensor(), norm]),
        "cn-clip": T.Compose([T.Resize((224, 224), interpolation=InterpolationMode.BICUBIC), rgb, T.ToTensor(), norm]),
    }

    def joytag_real(im):
        side = max(im.size)
        padded = Image.new("RGB", (side, side), (255, 255, 255))
        padded.paste(im, ((side - im.size[0]) // 2, (side - im.size[1]) // 2))
        if side != 448:
            padded = padded.resize((448, 448), Image.BICUBIC)
        return TVF.normalize(TVF.pil_to_tensor(padded) / 255.0, mean=CLIP_MEAN.tolist(), std=CLIP_STD.tolist())
    real["joytag"] = joytag_real
    for case, img in cases_by_name.items():
        for name, transform in real.items():
            ours, _ = LAYOUTS[name]["fn"](img, LAYOUTS[name]["width"])
            theirs = transform(img).numpy()
            assert theirs.dtype == np.float32 and np.array_equal(ours, theirs), (case, name, np.abs(ours - theirs).max())
    print("torchvision", __import__("torchvision").__version__, "cross-check passed", file=sys.stderr)
    return True


# ---------------------------------------------------------------- main

def main():
    os.makedirs(PRE, exist_ok=True)
    os.makedirs(IMG, exist_ok=True)
    index = {"pillow": PIL.__version__, "numpy": np.__version__, "layouts": {}, "cases": []}
    luts = {}
    for name, spec in LAYOUTS.items():
        luts[name] = lookup_table(name)
        entry = {k: v for k, v in spec.items() if k != "fn"}
        entry["interpolation"] = "BICUBIC"
        entry["lut"] = [[float(x) for x in row] for row in luts[name]]
        index["layouts"][name] = entry
    stored = {}
    for case, opened in cases().items():
        write_case(PRE, case, opened, luts, index, stored)
        if case in CLIPART_CASES:
            shutil.copyfile(os.path.join(CLIPART, CLIPART_CASES[case]), os.path.join(PRE, case + ".source.png"))
            index["cases"][-1]["source"] = case + ".source.png"
    cross_check_torchvision(stored)
    index["decoderFixtures"] = decoder_fixtures()
    index["decoderModes"] = decoder_modes(index["decoderFixtures"])
    index["opsFixtures"] = ops_fixtures()
    index["divergentFixtures"] = divergent_fixtures()
    index["webpFullSize"] = webp_full_size_fixtures()
    with open(os.path.join(PRE, "index.json"), "w") as f:
        json.dump(index, f, indent=1)
    print("wrote", len(index["cases"]), "cases and", len(index["decoderFixtures"]), "decoder fixtures", file=sys.stderr)


def write_case(directory, case, opened, luts, index, stored):
    """The case's decoded pixels (<case>.png) and its reference codes per layout."""
    decoded = as_decoded(opened)
    decoded.save(os.path.join(directory, case + ".png"), optimize=True)
    # the Java test reads the PNG back, so the reference must see exactly the stored pixels
    img = Image.open(os.path.join(directory, case + ".png"))
    img.load()
    assert np.array_equal(np.asarray(img), np.asarray(decoded)), case
    stored[case] = opened
    for name, spec in LAYOUTS.items():
        tensor, codes = spec["fn"](opened if name in AS_OPENED else img, spec["width"])
        lut = luts[name]
        channel_axis = 2 if spec["layout"] == "NHWC" else 0
        shape = [1, 1, 1]
        shape[channel_axis] = 3
        channel = np.arange(3).reshape(shape)
        rebuilt = lut[np.broadcast_to(channel, codes.shape), codes]
        assert rebuilt.dtype == np.float32 and np.array_equal(rebuilt.view(np.uint32), tensor.view(np.uint32)), (case, name)
        hwc = codes if channel_axis == 2 else codes.transpose(1, 2, 0)
        Image.fromarray(np.ascontiguousarray(hwc), "RGB").save(
            os.path.join(directory, f"{case}.{name}.codes.png"), optimize=True)
    index["cases"].append({"name": case, "width": img.size[0], "height": img.size[1], "mode": opened.mode,
                           "transparency": "transparency" in opened.info or opened.mode in ("LA", "RGBA")})


def heldout(directory, count):
    """Transparent and palette clip art the committed fixtures never had, as cases in `directory` (with
    their original files), and the SHA-256 of PIL's decoding of every GNOME WebP wallpaper (4096x4096), for
    measuring parity; a fixed seed picks the same files every time."""
    os.makedirs(directory, exist_ok=True)
    luts = {name: lookup_table(name) for name in LAYOUTS}
    index = {"pillow": PIL.__version__, "layouts": {}, "cases": []}
    for name, spec in LAYOUTS.items():
        entry = {k: v for k, v in spec.items() if k != "fn"}
        entry["interpolation"] = "BICUBIC"
        entry["lut"] = [[float(x) for x in row] for row in luts[name]]
        index["layouts"][name] = entry
    committed = set(CLIPART_CASES.values())
    pool = []
    for root, _, names in sorted(os.walk(CLIPART)):
        for n in sorted(names):
            rel = os.path.relpath(os.path.join(root, n), CLIPART)
            if not n.endswith(".png") or rel in committed:
                continue
            try:
                im = Image.open(os.path.join(CLIPART, rel))
            except Exception:
                continue
            if im.mode in ("RGBA", "LA", "P") and im.size[0] * im.size[1] <= 1_500_000:
                pool.append(rel)
    rng = np.random.default_rng(9)
    picked = [pool[i] for i in sorted(rng.choice(len(pool), size=min(count, len(pool)), replace=False))]
    stored = {}
    for i, rel in enumerate(picked):
        case = f"heldout-{i:03d}"
        opened = Image.open(os.path.join(CLIPART, rel))
        opened.load()
        write_case(directory, case, opened, luts, index, stored)
        shutil.copyfile(os.path.join(CLIPART, rel), os.path.join(directory, case + ".source.png"))
        index["cases"][-1]["source"] = case + ".source.png"
        index["cases"][-1]["file"] = rel
    index["webp"] = []
    for n in sorted(os.listdir(WALLPAPERS)):
        if n.endswith(".webp"):
            img = Image.open(os.path.join(WALLPAPERS, n))
            img.load()
            index["webp"].append({"file": os.path.join(WALLPAPERS, n), "width": img.size[0], "height": img.size[1],
                                  "mode": img.mode, "sha256": hashlib.sha256(np.asarray(img).tobytes()).hexdigest()})
    with open(os.path.join(directory, "index.json"), "w") as f:
        json.dump(index, f, indent=1)
    print("wrote", len(picked), "held-out cases and", len(index["webp"]), "wallpaper hashes to", directory,
          file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--heldout":
        heldout(sys.argv[2], int(sys.argv[3]))
    else:
        main()
