package dev.acgbot.gallery.internal;

import dev.acgbot.models.image.DecodedImage;
import dev.acgbot.models.preprocess.ImageOps;
import dev.acgbot.models.preprocess.PreprocessSpec;

/**
 * The windows of a posted picture that a stored tenth crop of it may be: {@value #GRID}x{@value #GRID} windows of 8/9 of
 * its width and height, at offsets 0, 5.6 and 11.1 %. A picture cut to 90 % moves the whole hashes beyond the candidate
 * radius for many pictures, and is 16-20 bits from every 75 % window the gallery keeps ({@link CropWindows}): looked
 * up, a picture listed its stored tenth crops for 72-85 % of sources (`bench stored-reposts`). These windows' pHashes are
 * taken at lookup, and only when the posted picture is itself in the gallery ({@link StoredCrops}): from one 36x36 grey
 * copy of the picture, each window a 32x32 block of it, so nine pHashes cost one resize and nine small transforms rather
 * than nine resizes.
 */
final class TenthWindows {
    static final int GRID = 3;
    static final int COUNT = GRID * GRID;
    /** The grey copy's side and each window's: a window is 32/36 of the picture's width and height. */
    private static final int SIDE = 36, WINDOW = 32;

    private TenthWindows() {
    }

    /** The pHash of every window of {@code flat} (a picture without alpha), row by row. */
    static long[] pHashes(DecodedImage flat) {
        float[] grey = ImageOps.toGray(ImageOps.resize(flat, SIDE, SIDE, PreprocessSpec.Interpolation.LANCZOS));
        long[] out = new long[COUNT];
        float[] block = new float[WINDOW * WINDOW];
        for (int i = 0; i < COUNT; i++) {
            int x0 = offset(i % GRID), y0 = offset(i / GRID);
            for (int y = 0; y < WINDOW; y++) {
                System.arraycopy(grey, (y0 + y) * SIDE + x0, block, y * WINDOW, WINDOW);
            }
            out[i] = PerceptualHash.pHash(PerceptualHash.lowFrequencies(block));
        }
        return out;
    }

    /** Window {@code index} as shares of the picture's width and height: x0, y0, x1, y1. */
    static double[] box(int index) {
        double x0 = offset(index % GRID) / (double) SIDE, y0 = offset(index / GRID) / (double) SIDE;
        return new double[]{x0, y0, x0 + WINDOW / (double) SIDE, y0 + WINDOW / (double) SIDE};
    }

    /**
     * The least share of the posted picture's width and height a suspect found by one of these windows may keep at its
     * verified pose: halfway between a tenth crop and a quarter crop. A pose search started from a tenth window may
     * descend to a quarter window of a self-similar picture: openclipart's line-join icons, a thick corner rounded in one
     * and mitred in the other, posed as 74 % windows of each other at 0.98 (evaluation, seed 77: four edits of the round
     * join listed the mitred one), while the stored crop windows, which a true quarter crop lies near, did not find them.
     */
    static final double LEAST_KEPT = (CropWindows.SIDE + 0.9) / 2;

    /** Whether a verdict's pose keeps what a tenth crop keeps ({@link #LEAST_KEPT}). */
    static boolean posedAsOne(RepostVerifier.Pose pose) {
        return Math.min(pose.sw(), pose.sh()) >= LEAST_KEPT;
    }

    private static int offset(int step) {
        return step * (SIDE - WINDOW) / (GRID - 1);
    }
}
