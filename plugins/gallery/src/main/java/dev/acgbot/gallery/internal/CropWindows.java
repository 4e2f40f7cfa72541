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

    /**
     * How far {@link #movedPHashes} moves the copy, as a share of its width and height. A quarter crop lies up to half a
     * window step (3.125 % of its source, 4.2 % of the copy) from the nearest stored window, and the pHash of line art on
     * white moves 14-20 bits for that: thin lines cross the 32x32 grid's cells. As posted or moved by this much along both
     * axes, the copy lies within 2.5 % of a stored window along each.
     */
    static final double MOVE = 0.025;

    /**
     * The pHashes of {@code flat} (a picture without alpha) moved by {@link #MOVE} of its size along both axes, the four
     * ways, the uncovered strips white: the stored window the copy lies between, as nearly as the copy shows it; none for a
     * copy not mostly of {@link #PAPER white paper}. In a throwaway diagnosis on the 14 line-art quarter crops of the
     * evaluation's samples that no hash made a candidate (the crop cut into the drawing), the nearest stored window lay
     * 12-20 bits from the copy's whole, trimmed and central pHashes for 11 of them (2-8 for three, crowded out by other line
     * art), and 0-12 bits from one of these for all 14, 8 of them within 6 (eight moves, 3 % along one axis or both: 10
     * within 6, for twice the hashing; docs/benchmarks.md, round 44).
     */
    static long[] movedPHashes(DecodedImage flat) {
        if (paperShare(flat) < PAPER) {
            return new long[0];
        }
        int dx = (int) Math.round(flat.width() * MOVE), dy = (int) Math.round(flat.height() * MOVE);
        if (dx == 0 && dy == 0) {
            return new long[0];
        }
        long[] out = new long[4];
        int i = 0;
        for (int sy = -1; sy <= 1; sy += 2) {
            for (int sx = -1; sx <= 1; sx += 2) {
                out[i++] = PerceptualHash.pHash(moved(flat, sx * dx, sy * dy));
            }
        }
        return out;
    }

    /**
     * The share of a copy's pixels that must be white paper (within {@link Margins#TOLERANCE} of white) for it to be
     * {@link #movedPHashes moved}: the white strip then stands for what most likely lay beyond its edge, and a photo's or a
     * flat-colour picture's pHash barely moves for 3 % anyway (the 5x5 windows alone: 148 of 150 quarter crops). The line-art
     * quarter crops round 43 missed were 0.71 to 1.0 white but one (a playing card's red frame, 0.42); at 0.4 a framed, turned
     * and brightened copy of a flag with a white stripe (0.41) found a look-alike flag by a moved copy's window, which
     * passed and took the place of the source the colour layouts find when nothing else passes (ColourLayoutGalleryTest).
     */
    static final double PAPER = 0.5;

    static double paperShare(DecodedImage flat) {
        int white = 0;
        for (int p : flat.argb()) {
            if (Math.min(Math.min(p >> 16 & 0xFF, p >> 8 & 0xFF), p & 0xFF) >= 255 - Margins.TOLERANCE) {
                white++;
            }
        }
        return (double) white / flat.argb().length;
    }

    /** {@code img} moved by {@code dx, dy} pixels on a canvas of its size, the uncovered pixels white. */
    static DecodedImage moved(DecodedImage img, int dx, int dy) {
        int w = img.width(), h = img.height();
        int[] src = img.argb(), out = new int[w * h];
        java.util.Arrays.fill(out, 0xFFFFFFFF);
        int x0 = Math.max(0, dx), x1 = Math.min(w, w + dx);
        for (int y = Math.max(0, dy); y < Math.min(h, h + dy); y++) {
            if (x1 > x0) {
                System.arraycopy(src, (y - dy) * w + x0 - dx, out, y * w + x0, x1 - x0);
            }
        }
        return new DecodedImage(w, h, out, false);
    }

    /** The centre of window {@code index} as shares of the picture's width and height: {cx, cy}. */
    static double[] centre(int index) {
        double slack = 1 - SIDE;
        return new double[]{SIDE / 2 + slack * (index % GRID) / (GRID - 1), SIDE / 2 + slack * (index / GRID) / (GRID - 1)};
    }
}
