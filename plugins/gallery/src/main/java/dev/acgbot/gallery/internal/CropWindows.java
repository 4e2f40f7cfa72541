package dev.acgbot.gallery.internal;

import dev.acgbot.models.image.DecodedImage;

/**
 * The windows of a picture a large crop may have kept: {@value #GRID}x{@value #GRID} windows of {@value #SIDE} of its
 * width and height, spread evenly from one edge to the other (offsets 0, 6.25, 12.5, 18.75 and 25 %). A copy that
 * kept 75 % of the picture moves every whole-picture hash beyond the candidate radius (crop 25 %: the source among the
 * candidates for 0.18 of copies), but its pHash lies within 14 bits of the nearest stored window's for 148 of 150
 * openclipart and gnome-backgrounds sources (4x4 windows: 137; the 3x3 grid of 75 % windows: 56 by pHash, 76 by pHash
 * or dHash; the windows' dHashes crowd: 29 unrelated pictures of 1,500 within 14 bits against 3.5 by pHash), so only
 * the pHash is kept, 200 bytes per image (docs/benchmarks.md, duplicates, "Crop windows").
 */
final class CropWindows {
    static final int GRID = 5;
    static final int COUNT = GRID * GRID;
    static final double SIDE = 0.75;

    private CropWindows() {
    }

    /** The pHash of every window of {@code flat} (a picture without alpha), row by row. */
    static long[] pHashes(DecodedImage flat) {
        long[] out = new long[COUNT];
        for (int i = 0; i < COUNT; i++) {
            out[i] = PerceptualHash.pHash(window(flat, i));
        }
        return out;
    }

    /** Window {@code index} of {@code img}: column {@code index % GRID}, row {@code index / GRID}. */
    static DecodedImage window(DecodedImage img, int index) {
        Margins.Box b = box(img.width(), img.height(), index);
        return Margins.crop(img, b);
    }

    static Margins.Box box(int width, int height, int index) {
        int w = Math.max(1, (int) Math.round(width * SIDE)), h = Math.max(1, (int) Math.round(height * SIDE));
        int x = (int) Math.round((width - w) * (double) (index % GRID) / (GRID - 1));
        int y = (int) Math.round((height - h) * (double) (index / GRID) / (GRID - 1));
        return new Margins.Box(x, y, x + w, y + h);
    }

    /** The centre of window {@code index} as shares of the picture's width and height: {cx, cy}. */
    static double[] centre(int index) {
        double slack = 1 - SIDE;
        return new double[]{SIDE / 2 + slack * (index % GRID) / (GRID - 1), SIDE / 2 + slack * (index / GRID) / (GRID - 1)};
    }
}
