package dev.acgbot.models.image.internal;

import dev.acgbot.models.image.DecodedImage;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads the RIFF structure of a WebP file. libwebp's still-image decoder (the one the ImageIO plugin wraps)
 * refuses animations, while PIL opens every WebP through libwebp's animation decoder and shows the first
 * frame drawn on a cleared (transparent black) canvas. So for an animation we cut the first frame out as a
 * standalone WebP, decode that, and place it on the canvas the same way.
 */
public final class WebpContainer {
    private static final int FLAG_ANIMATION = 0x02;
    private static final int FLAG_ALPHA = 0x10;

    /**
     * The header facts of a WebP file.
     *
     * @param animated     VP8X says "animation"
     * @param canvasWidth  VP8X canvas width (0 for simple files without VP8X)
     * @param canvasHeight VP8X canvas height
     * @param alpha        VP8X says "has alpha": PIL then opens the file as RGBA, otherwise as RGB
     * @param frames       ANMF chunks (1 for a still image)
     * @param first        the first frame, for animations only
     */
    public record Info(boolean animated, int canvasWidth, int canvasHeight, boolean alpha, int frames, Frame first) {
    }

    /**
     * The first animation frame: where it sits on the canvas and a standalone WebP file holding only it.
     */
    public record Frame(int x, int y, int width, int height, byte[] file) {
    }

    private WebpContainer() {
    }

    /** The header facts, or null when the RIFF structure is broken (the decoder then reports it). */
    public static Info read(byte[] d) {
        if (d.length < 20 || !FormatSniffer.ascii(d, 12, "VP8X")) {
            return new Info(false, 0, 0, false, 1, null);
        }
        if (d.length < 30) {
            return null;
        }
        int flags = d[20] & 0xFF;
        int canvasW = u24(d, 24) + 1;
        int canvasH = u24(d, 27) + 1;
        boolean animated = (flags & FLAG_ANIMATION) != 0;
        boolean alpha = (flags & FLAG_ALPHA) != 0;
        if (!animated) {
            return new Info(false, canvasW, canvasH, alpha, 1, null);
        }
        int frames = 0;
        Frame first = null;
        long p = 12;
        while (p + 8 <= d.length) {
            long size = u32(d, (int) p + 4);
            long end = p + 8 + size;
            if (end > d.length) {
                break; // truncated tail: count what is there, as libwebp's demuxer does for partial files
            }
            if (FormatSniffer.ascii(d, (int) p, "ANMF") && size >= 16) {
                frames++;
                if (first == null) {
                    first = frame(d, (int) p + 8, (int) size);
                }
            }
            p = end + (size & 1);
        }
        return new Info(true, canvasW, canvasH, alpha, Math.max(frames, 1), first);
    }

    /** An ANMF payload: offsets, size, then the frame's ALPH / VP8 / VP8L chunks. */
    private static Frame frame(byte[] d, int at, int size) {
        int x = 2 * u24(d, at);
        int y = 2 * u24(d, at + 3);
        int w = u24(d, at + 6) + 1;
        int h = u24(d, at + 9) + 1;
        int p = at + 16;
        int end = at + size;
        byte[] alph = null;
        byte[] image = null;
        while (p + 8 <= end && image == null) {
            long chunkSize = u32(d, p + 4);
            long chunkEnd = p + 8 + chunkSize;
            if (chunkEnd > end) {
                return null;
            }
            String fourcc = new String(d, p, 4, StandardCharsets.ISO_8859_1);
            byte[] chunk = java.util.Arrays.copyOfRange(d, p, (int) chunkEnd);
            if (fourcc.equals("ALPH")) {
                alph = chunk;
            } else if (fourcc.equals("VP8 ") || fourcc.equals("VP8L")) {
                image = chunk;
            }
            p = (int) (chunkEnd + (chunkSize & 1));
        }
        if (image == null) {
            return null;
        }
        boolean lossyWithAlpha = alph != null && FormatSniffer.ascii(image, 0, "VP8 ");
        return new Frame(x, y, w, h, standalone(lossyWithAlpha ? alph : null, image, w, h));
    }

    /** RIFF/WEBP around the frame's chunks; a lossy frame with an ALPH chunk needs a VP8X header saying so. */
    private static byte[] standalone(byte[] alph, byte[] image, int w, int h) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("WEBP".getBytes(StandardCharsets.US_ASCII));
        if (alph != null) {
            body.writeBytes("VP8X".getBytes(StandardCharsets.US_ASCII));
            body.writeBytes(new byte[]{10, 0, 0, 0, FLAG_ALPHA, 0, 0, 0});
            body.writeBytes(le24(w - 1));
            body.writeBytes(le24(h - 1));
            pad(body, alph);
        }
        pad(body, image);
        byte[] payload = body.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length + 8);
        out.writeBytes("RIFF".getBytes(StandardCharsets.US_ASCII));
        int n = payload.length;
        out.writeBytes(new byte[]{(byte) n, (byte) (n >>> 8), (byte) (n >>> 16), (byte) (n >>> 24)});
        out.writeBytes(payload);
        return out.toByteArray();
    }

    private static void pad(ByteArrayOutputStream out, byte[] chunk) {
        out.writeBytes(chunk);
        if ((chunk.length & 1) != 0) {
            out.write(0);
        }
    }

    /**
     * The decoded first frame drawn on a cleared canvas, as libwebp's animation decoder draws a key frame;
     * the result has alpha when the file says so (PIL's RGBA), otherwise the cleared area reads black.
     */
    public static DecodedImage place(DecodedImage frame, Info info) {
        Frame f = info.first();
        int cw = info.canvasWidth();
        int ch = info.canvasHeight();
        int[] canvas = new int[Math.multiplyExact(cw, ch)];
        int w = Math.min(frame.width(), cw - f.x());
        int h = Math.min(frame.height(), ch - f.y());
        int opaque = info.alpha() ? 0 : 0xFF000000;
        if (!info.alpha()) {
            java.util.Arrays.fill(canvas, opaque);
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                canvas[(f.y() + y) * cw + f.x() + x] = frame.argb()[y * frame.width() + x] | opaque;
            }
        }
        return new DecodedImage(cw, ch, canvas, info.alpha());
    }

    private static int u24(byte[] d, int at) {
        return (d[at] & 0xFF) | (d[at + 1] & 0xFF) << 8 | (d[at + 2] & 0xFF) << 16;
    }

    private static long u32(byte[] d, int at) {
        return (d[at] & 0xFFL) | (d[at + 1] & 0xFFL) << 8 | (d[at + 2] & 0xFFL) << 16 | (d[at + 3] & 0xFFL) << 24;
    }

    private static byte[] le24(int v) {
        return new byte[]{(byte) v, (byte) (v >>> 8), (byte) (v >>> 16)};
    }
}
