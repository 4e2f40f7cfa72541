package dev.acgbot.gallery.internal;

import dev.acgbot.models.image.DecodedImage;

import java.util.Optional;

/**
 * Uniform margins (borders, letterbox bars, the white around clip art) found from the outside in: a row or column
 * is margin (when that corner colour is neutral: white, black or grey) while at least 98 % of its pixels lie within {@value #TOLERANCE} per channel of the corner colour, so
 * JPEG ringing at the edge does not stop the trim. Pictures that would keep under 4 % of their area (blank or
 * nearly blank) are left whole, but for a small drawing on a page blank at thumbnail size ({@link SmallDrawings}).
 */
final class Margins {
    static final int TOLERANCE = 28;
    /** Frames, bars and clip-art surrounds are white, black or grey: at most this far from grey per channel. */
    private static final int NEUTRAL = 24;
    private static final double MARGIN_SHARE = 0.98;
    static final double MIN_KEPT_AREA = 0.04;

    /** {x0, y0, x1, y1}, exclusive ends. */
    record Box(int x0, int y0, int x1, int y1) {
        int width() {
            return x1 - x0;
        }

        int height() {
            return y1 - y0;
        }
    }

    private Margins() {
    }

    /**
     * The picture without its margins (the picture itself when it has none). Two passes, so a coloured frame around
     * clip art's white surround goes as well as the surround, and a black frame or black bars around a white surround
     * go with the surround, past the grey seam of up to {@value #SEAM} lines a reduction leaves between them. Expects no alpha.
     */
    static DecodedImage trim(DecodedImage img) {
        return crop(img, trimBox(img));
    }

    /** Where {@link #trim} cuts: both passes' margins, in {@code img}'s coordinates. */
    static Box trimBox(DecodedImage img) {
        Box first = box(img);
        Box second = within(first, box(crop(img, first)));
        if (second.equals(first) && first.width() > 4 * SEAM && first.height() > 4 * SEAM) {
            // a reduced copy leaves a seam between a frame and a differently coloured surround (a black border around clip
            // art on white: black, one line of grey, then white), and the second pass, which starts at the seam's corner,
            // takes none of the surround: past the seam it does
            Box past = new Box(first.x0() > 0 ? first.x0() + SEAM : 0, first.y0() > 0 ? first.y0() + SEAM : 0,
                    first.x1() < img.width() ? first.x1() - SEAM : first.x1(), first.y1() < img.height() ? first.y1() - SEAM : first.y1());
            Box inner = within(past, box(crop(img, past)));
            if (!past.equals(first) && cutMore(past, inner) && lighterInside(img, past)) {
                return inner;
            }
        } else if (!second.equals(first) && !cutMore(first, second) && lighterInside(img, second)) {
            // the second pass took only such a seam (letterbox bars: the seam's corner is the seam's colour): once more
            return within(second, box(crop(img, second)));
        }
        return second;
    }

    /**
     * Where the picture lies inside a frame of the top-left corner's colour with a much lighter inside (a black border or
     * black bars around a picture on white), past the seam a reduction leaves between them; none without such a frame.
     */
    static Optional<Box> inside(DecodedImage img) {
        Box frame = box(img);
        if (frame.width() == img.width() && frame.height() == img.height()) {
            return Optional.empty();
        }
        Box past = new Box(frame.x0() > 0 ? frame.x0() + SEAM : 0, frame.y0() > 0 ? frame.y0() + SEAM : 0,
                frame.x1() < img.width() ? frame.x1() - SEAM : frame.x1(), frame.y1() < img.height() ? frame.y1() - SEAM : frame.y1());
        return past.width() > 2 * SEAM && past.height() > 2 * SEAM && lighterInside(img, past)
                ? Optional.of(past) : Optional.empty();
    }

    /**
     * Whether the corner of {@code inner} is much lighter than the outer margin (the picture's corner), as a white
     * surround inside a black frame or black bars is. Otherwise the line the first pass stopped at is most likely the
     * picture's own edge (clip-art icons on white with a dark outline: 109 of 8,119 openclipart and gnome-backgrounds
     * pictures when any other colour counted, none with this rule), and looking past it would cut into the picture.
     */
    private static boolean lighterInside(DecodedImage img, Box inner) {
        int outer = img.argb()[0], corner = img.argb()[inner.y0() * img.width() + inner.x0()];
        return (corner >> 16 & 0xFF) - (outer >> 16 & 0xFF) > 4 * TOLERANCE && (corner >> 8 & 0xFF) - (outer >> 8 & 0xFF) > 4 * TOLERANCE
                && (corner & 0xFF) - (outer & 0xFF) > 4 * TOLERANCE;
    }

    /**
     * The drawing on a page whose margins leave under {@value #MIN_KEPT_AREA} of it, as {@link #box} finds it before
     * deciding whether to trim to it ({@link SmallDrawings#trimsTo}); none for a picture with a coloured corner, for a
     * larger drawing, or for a speck.
     */
    static Optional<Box> smallDrawing(DecodedImage img) {
        return neutralMargins(img).filter(b -> underMinKept(img, b) && b.width() >= SmallDrawings.MIN_SIDE
                && b.height() >= SmallDrawings.MIN_SIDE);
    }

    /** The widest seam {@link #trimBox} looks past. */
    private static final int SEAM = 2;

    /** Whether {@code inner} cuts more than {@value #SEAM} lines off some side of {@code outer}. */
    private static boolean cutMore(Box outer, Box inner) {
        return inner.x0() - outer.x0() > SEAM || inner.y0() - outer.y0() > SEAM || outer.x1() - inner.x1() > SEAM
                || outer.y1() - inner.y1() > SEAM;
    }

    /** {@code inner}, given in the coordinates of {@code outer}'s crop, in {@code outer}'s own coordinates. */
    static Box within(Box outer, Box inner) {
        return new Box(outer.x0() + inner.x0(), outer.y0() + inner.y0(), outer.x0() + inner.x1(), outer.y0() + inner.y1());
    }

    /**
     * The part of {@code img} inside {@code b}, transparent where {@code img} is: every caller cuts a picture already on
     * white today, but a cut of a decoded RGBA picture marked opaque would read its transparent black as black (a page's
     * drawing so cut, tried in round 34, correlated with a copy of itself at -0.85 on the thumbnails).
     */
    static DecodedImage crop(DecodedImage img, Box b) {
        if (b.x0() == 0 && b.y0() == 0 && b.width() == img.width() && b.height() == img.height()) {
            return img;
        }
        int[] src = img.argb();
        int[] out = new int[b.width() * b.height()];
        for (int y = 0; y < b.height(); y++) {
            System.arraycopy(src, (b.y0() + y) * img.width() + b.x0(), out, y * b.width(), b.width());
        }
        return new DecodedImage(b.width(), b.height(), out, img.hasAlpha());
    }

    static Box box(DecodedImage img) {
        Box whole = new Box(0, 0, img.width(), img.height());
        // kept whole: a picture with a coloured corner (its edge is part of it, a flag's band, not a frame), and a small
        // drawing's page unless the page is blank at thumbnail size
        return neutralMargins(img).map(b -> !underMinKept(img, b) || SmallDrawings.trimsTo(img, b) ? b : whole).orElse(whole);
    }

    /** The margins' box, for a picture whose top-left corner is white, black or grey (within {@value #NEUTRAL} per channel). */
    private static Optional<Box> neutralMargins(DecodedImage img) {
        int ref = img.argb()[0];
        boolean neutral = Math.abs((ref >> 16 & 0xFF) - (ref >> 8 & 0xFF)) <= NEUTRAL
                && Math.abs((ref & 0xFF) - (ref >> 8 & 0xFF)) <= NEUTRAL;
        return neutral ? Optional.of(margins(img.argb(), img.width(), img.height(), ref)) : Optional.empty();
    }

    /** Whether {@code b} keeps under {@value #MIN_KEPT_AREA} of {@code img}'s area. */
    private static boolean underMinKept(DecodedImage img, Box b) {
        return (double) b.width() * b.height() < MIN_KEPT_AREA * img.width() * img.height();
    }

    /** Where lines of {@code ref}'s colour (within the tolerance, at the share) stop, from the outside in: {@code px} is {@code w} x {@code h}. */
    static Box margins(int[] px, int w, int h, int ref) {
        int x0 = 0, y0 = 0, x1 = w, y1 = h;
        while (y0 < y1 - 1 && margin(px, w, ref, x0, x1, y0, true)) {
            y0++;
        }
        while (y1 - 1 > y0 && margin(px, w, ref, x0, x1, y1 - 1, true)) {
            y1--;
        }
        while (x0 < x1 - 1 && margin(px, w, ref, y0, y1, x0, false)) {
            x0++;
        }
        while (x1 - 1 > x0 && margin(px, w, ref, y0, y1, x1 - 1, false)) {
            x1--;
        }
        return new Box(x0, y0, x1, y1);
    }

    /** Whether the line {@code at} (a row when {@code row}, else a column), from {@code from} to {@code to}, is margin. */
    static boolean margin(int[] px, int w, int ref, int from, int to, int at, boolean row) {
        int allowed = (int) ((to - from) * (1 - MARGIN_SHARE));
        int off = 0;
        for (int i = from; i < to; i++) {
            int p = row ? px[at * w + i] : px[i * w + at];
            if (Math.abs((p >> 16 & 0xFF) - (ref >> 16 & 0xFF)) > TOLERANCE || Math.abs((p >> 8 & 0xFF) - (ref >> 8 & 0xFF)) > TOLERANCE
                    || Math.abs((p & 0xFF) - (ref & 0xFF)) > TOLERANCE) {
                if (++off > allowed) {
                    return false;
                }
            }
        }
        return true;
    }
}
