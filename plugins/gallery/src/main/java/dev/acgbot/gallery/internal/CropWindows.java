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

    /**
     * The share of a copy's width and height that a stored window covers when the copy kept 90 % of its source: the
     * copy's central window of this share is a stored window (within 3 % of the picture: the windows lie every 6.25 %)
     * wherever the 90 % crop was taken.
     */
    static final double CENTRAL = SIDE / 0.9;

    /**
     * The pHash of the copy's {@link #CENTRAL central window}. A copy that kept 90 % of its source is too far from every
     * stored 75 % window (16-20 bits) and often from the whole hashes too: in a diagnosis on 150 non-star sources, 13
     * crop-10 % copies were no candidate; with this hash compared with the stored windows, 1 (docs/benchmarks.md, crops
     * round 7).
     */
    static long centralPHash(DecodedImage flat) {
        int w = Math.max(1, (int) Math.round(flat.width() * CENTRAL)), h = Math.max(1, (int) Math.round(flat.height() * CENTRAL));
        int x = (flat.width() - w) / 2, y = (flat.height() - h) / 2;
        return PerceptualHash.pHash(Margins.crop(flat, new Margins.Box(x, y, x + w, y + h)));
    }

    /** The centre of window {@code index} as shares of the picture's width and height: {cx, cy}. */
    static double[] centre(int index) {
        double slack = 1 - SIDE;
        return new double[]{SIDE / 2 + slack * (index % GRID) / (GRID - 1), SIDE / 2 + slack * (index / GRID) / (GRID - 1)};
    }
}
