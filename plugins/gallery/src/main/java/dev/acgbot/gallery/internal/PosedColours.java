package dev.acgbot.gallery.internal;

import dev.acgbot.models.image.DecodedImage;

/**
 * The copy's colours over the part of it that a candidate covers at its pose: what the colour rules of {@link Variants}
 * compare with the candidate's own. The copy's whole colours hold what the candidate lacks when the candidate is a
 * part of the copy, as a stored crop of a posted picture is: a tenth crop's mean grey lay 5 or more levels from the whole
 * picture's, and beside the picture's own hit the crop was dropped as the same drawing on other paper
 * ({@link Variants#otherPaper}; `bench stored-reposts`, crop 10 %).
 */
final class PosedColours {
    /**
     * A candidate covering at least this share of the copy's width and of its height covers the copy: its whole colours
     * are compared, as before poses were weighed (a copy trimmed a line more or less is not a part).
     */
    static final double COVERS = 0.95;

    private PosedColours() {
    }

    /**
     * The copy's {@value RepostSignature#GRID}x{@value RepostSignature#GRID} colour grid over the part of it the
     * candidate covers at {@code pose}; the copy's own grid ({@code whole}) when the candidate covers it
     * ({@link #COVERS}), or when the pose is turned: the part of a turned pose is no window of the copy, and with the
     * unturned window's colours a tenth crop of one line-join icon, posed bordered and turned in another, kept that one
     * listed (`--sample-seed 77`, crop 10 %).
     *
     * @param flat  the copy without alpha, as hashed
     * @param trim  the copy's trimmed picture in {@code flat}, as shares of its width and height
     * @param whole the copy's own grid
     */
    static byte[] copyOver(DecodedImage flat, float[] trim, RepostVerifier.Pose pose, byte[] whole) {
        // the copy's trimmed picture is the window of the candidate's centred at (cx, cy), sw by sh of the candidate's
        // trimmed picture: the candidate, [0, 1] in its own units, lies at these shares of the copy's trimmed picture
        double left = Math.max(0, (pose.sw() / 2 - pose.cx()) / pose.sw());
        double right = Math.min(1, (1 + pose.sw() / 2 - pose.cx()) / pose.sw());
        double top = Math.max(0, (pose.sh() / 2 - pose.cy()) / pose.sh());
        double bottom = Math.min(1, (1 + pose.sh() / 2 - pose.cy()) / pose.sh());
        if (pose.turned() || right - left >= COVERS && bottom - top >= COVERS || right <= left || bottom <= top) {
            return whole;
        }
        if (pose.mirror()) {
            double l = 1 - right;
            right = 1 - left;
            left = l;
        }
        return gridOver(flat, trim, left, top, right, bottom);
    }

    /**
     * The colour grid of {@code flat} over the box {@code left, top, right, bottom}, given as shares of its trimmed
     * picture ({@code trim}, shares of {@code flat}), kept inside the picture and at least a pixel each way.
     */
    static byte[] gridOver(DecodedImage flat, float[] trim, double left, double top, double right, double bottom) {
        double x0 = trim[0] * flat.width(), y0 = trim[1] * flat.height();
        double tw = (trim[2] - trim[0]) * flat.width(), th = (trim[3] - trim[1]) * flat.height();
        int l = clamp((int) Math.round(x0 + left * tw), flat.width() - 1);
        int t = clamp((int) Math.round(y0 + top * th), flat.height() - 1);
        int r = Math.max(l + 1, clamp((int) Math.round(x0 + right * tw), flat.width()));
        int b = Math.max(t + 1, clamp((int) Math.round(y0 + bottom * th), flat.height()));
        return RepostSignature.rgbGrid(Margins.crop(flat, new Margins.Box(l, t, r, b)));
    }

    private static int clamp(int v, int most) {
        return Math.max(0, Math.min(most, v));
    }
}
