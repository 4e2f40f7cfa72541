#!/usr/bin/python3
"""Writes the reference fixtures the Java preprocessing and decoding tests compare against.

Run with the Debian interpreter (PIL + numpy only):  /usr/bin/python3 models/scripts/preprocess/make_fixtures.py

preprocess/  one decoded input per case (<case>.png, RGB or RGBA, exactly the pixels the reference saw)
             and, per layout, the reference tensor. A tensor is stored losslessly but compactly: every
             value is f(channel, one 8-bit pixel value), so we store those 8-bit codes as a 3-channel PNG
             whose channels are in tensor channel order (<case>.<layout>.codes.png) plus the 3x256 float32
             lookup table of the layout (index.json), and assert here that lut[channel][code] reproduces
             the numpy tensor bit for bit.
images/      decoder fixtures: files in each format next to PIL's decoding of them (<name>.pil.png).
"""
import io
import json
import os
import sys

import numpy as np
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
    """Chinese-CLIP image_transform: convert('RGB') first, squash to size x size bicubic, CLIP normalisation."""
    img = img.convert("RGB")
    img = img.resize((size, size), Image.BICUBIC)
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


def cases():
    rng = np.random.default_rng(20261122)
    out = {}
    # real images: clip art with alpha (RGBA, LA, palette), downscaled wallpapers
    out["flask-rgba"] = Image.open(os.path.join(CLIPART, "science/chemistry_flask_matthew__02.png"))
    out["microscope-la"] = Image.open(os.path.join(CLIPART, "science/microscopio_architetto_f_01.png"))
    out["cross-palette"] = Image.open(os.path.join(CLIPART, "science/astronomy/southen_cross_black_01.png"))
    out["syringe-wide-rgba"] = Image.open(os.path.join(CLIPART, "science/medicine/siringa_architetto_franc_01.png"))
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
    return {name: as_decoded(img) for name, img in out.items()}


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
    files["photo.bmp"] = encode(small, "BMP")
    files["frame-offset.gif"] = gif_with_offset_frame(transparent=False)
    files["frame-offset-transparent.gif"] = gif_with_offset_frame(transparent=True)
    for name, data in files.items():
        save_pil_decoding(name, data)
    return sorted(files)


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
        "cn-clip": T.Compose([rgb, T.Resize((224, 224), interpolation=InterpolationMode.BICUBIC), T.ToTensor(), norm]),
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
    for case, img in cases().items():
        img.save(os.path.join(PRE, case + ".png"), optimize=True)
        # the Java test reads the PNG back, so the reference must see exactly the stored pixels
        img = Image.open(os.path.join(PRE, case + ".png"))
        img.load()
        stored[case] = img
        for name, spec in LAYOUTS.items():
            tensor, codes = spec["fn"](img, spec["width"])
            lut = luts[name]
            channel_axis = 2 if spec["layout"] == "NHWC" else 0
            shape = [1, 1, 1]
            shape[channel_axis] = 3
            channel = np.arange(3).reshape(shape)
            rebuilt = lut[np.broadcast_to(channel, codes.shape), codes]
            assert rebuilt.dtype == np.float32 and np.array_equal(rebuilt.view(np.uint32), tensor.view(np.uint32)), (case, name)
            hwc = codes if channel_axis == 2 else codes.transpose(1, 2, 0)
            Image.fromarray(np.ascontiguousarray(hwc), "RGB").save(
                os.path.join(PRE, f"{case}.{name}.codes.png"), optimize=True)
        index["cases"].append({"name": case, "width": img.size[0], "height": img.size[1], "mode": img.mode})
    cross_check_torchvision(stored)
    index["decoderFixtures"] = decoder_fixtures()
    index["opsFixtures"] = ops_fixtures()
    index["divergentFixtures"] = divergent_fixtures()
    with open(os.path.join(PRE, "index.json"), "w") as f:
        json.dump(index, f, indent=1)
    print("wrote", len(index["cases"]), "cases and", len(index["decoderFixtures"]), "decoder fixtures", file=sys.stderr)


if __name__ == "__main__":
    main()
