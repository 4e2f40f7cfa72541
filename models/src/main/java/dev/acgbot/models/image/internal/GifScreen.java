package dev.acgbot.models.image.internal;

import dev.acgbot.models.image.DecodedImage;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;

/**
 * PIL shows a GIF's first frame on the logical screen: a frame smaller than the screen (or placed at an
 * offset) is pasted onto a canvas filled with the transparent colour when the frame has one, otherwise with
 * palette entry 0, and the canvas grows when the frame reaches past the screen. The JDK's reader returns the
 * bare frame, so this puts it where PIL would.
 */
public final class GifScreen {

    /** Logical screen and the first image descriptor, from the header. */
    public record Layout(int screenWidth, int screenHeight, int left, int top, int frameWidth, int frameHeight) {
        public int canvasWidth() {
            return Math.max(screenWidth, left + frameWidth);
        }

        public int canvasHeight() {
            return Math.max(screenHeight, top + frameHeight);
        }

        boolean frameFillsCanvas() {
            return left == 0 && top == 0 && frameWidth == canvasWidth() && frameHeight == canvasHeight();
        }
    }

    private GifScreen() {
    }

    /** The layout, or null when the header cannot be walked to a first image descriptor. */
    public static Layout read(byte[] d) {
        if (d.length < 13) {
            return null;
        }
        int screenW = u16le(d, 6);
        int screenH = u16le(d, 8);
        int flags = d[10] & 0xFF;
        int p = 13;
        if ((flags & 0x80) != 0) {
            p += 3 * (1 << ((flags & 7) + 1));
        }
        while (p < d.length) {
            int block = d[p] & 0xFF;
            if (block == 0x2C) {
                if (p + 9 > d.length) {
                    return null;
                }
                return new Layout(screenW, screenH, u16le(d, p + 1), u16le(d, p + 3), u16le(d, p + 5), u16le(d, p + 7));
            }
            if (block != 0x21 || p + 2 > d.length) {
                return null;
            }
            p += 2; // introducer and label, then data sub-blocks up to an empty one
            while (p < d.length && d[p] != 0) {
                p += 1 + (d[p] & 0xFF);
            }
            p++;
        }
        return null;
    }

    /** {@code frame} (decoded from {@code source}) placed on its canvas as PIL does. */
    public static DecodedImage place(DecodedImage frame, BufferedImage source, Layout layout) {
        if (layout == null || layout.frameFillsCanvas() || frame.width() != layout.frameWidth()
                || frame.height() != layout.frameHeight()) {
            return frame;
        }
        int fill = 0xFF000000;
        boolean alpha = frame.hasAlpha();
        if (source.getColorModel() instanceof IndexColorModel icm) {
            int transparent = icm.getTransparentPixel();
            fill = transparent >= 0 ? icm.getRGB(transparent) & 0x00FFFFFF : icm.getRGB(0) | 0xFF000000;
            alpha |= transparent >= 0;
        }
        int w = layout.canvasWidth();
        int h = layout.canvasHeight();
        int[] canvas = new int[Math.multiplyExact(w, h)];
        java.util.Arrays.fill(canvas, fill);
        for (int y = 0; y < frame.height(); y++) {
            System.arraycopy(frame.argb(), y * frame.width(), canvas, (layout.top() + y) * w + layout.left(), frame.width());
        }
        return new DecodedImage(w, h, canvas, alpha);
    }

    private static int u16le(byte[] d, int p) {
        return (d[p] & 0xFF) | (d[p + 1] & 0xFF) << 8;
    }
}
