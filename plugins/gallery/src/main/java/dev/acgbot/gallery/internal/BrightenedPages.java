package dev.acgbot.gallery.internal;

import dev.acgbot.models.image.DecodedImage;

import java.util.Optional;

/**
 * A small drawing's page brightened: the copy untrimmed with its ink darkened back. {@link SmallDrawings} trims a page to
 * its drawing only when the page reads as blank, so a grey bullet hole on an A4 page is stored as the whole page; brightened
 * by a fifth, its copy's page reads as blank and trims to the hole, and against a page the store kept whole such a copy is
 * not verified at all ({@link SmallDrawings#tooSmallFor}). Untrimmed, the brightened page is still too light for the pose
 * search, which takes it for flat ({@link RepostVerifier#FLAT_STD}) where the stored page is not. Darkened so its darkest
 * ink is black again (a gain about white, which correlation and gradients ignore), the copy is posed on the stored page
 * as its unbrightened copies are (evaluation, line-art brightness copies on fourteen seeds: 492 to 497 of 517 first, four
 * bullet holes and a film clapper; false duplicates 14 to 16, bullet holes' siblings listed beside them;
 * docs/benchmarks.md "Brightened pages, round 45").
 */
final class BrightenedPages {
    /**
     * A page whose darkest ink ({@link #DARKEST} of its pixels) is at least this light was lightened, and its ink is
     * darkened: black lifted by a fifth is 51. A drawing in mid-grey ink is darkened too, which only gives back the
     * contrast the pose search's flat test reads.
     */
    static final int LIGHT_INK = 40;
    /** The share of a page's pixels that is its darkest ink: a speck of JPEG noise is not. */
    private static final double DARKEST = 0.001;

    private BrightenedPages() {
    }

    /** The copy untrimmed and darkened, for a copy trimmed to a small drawing whose ink is light; none otherwise. */
    static Optional<RepostVerifier.Query> query(DecodedImage flat, RepostVerifier.Query trimmed) {
        if (!SmallDrawings.drawingOnly(trimmed.signature)) {
            return Optional.empty();
        }
        return darkened(flat).map(d -> new RepostVerifier.Query(d, new Margins.Box(0, 0, d.width(), d.height())));
    }

    /**
     * {@code flat} (without alpha) with every channel's distance from white scaled so that its darkest ink is black; none
     * when that ink is darker than {@value #LIGHT_INK} already.
     */
    static Optional<DecodedImage> darkened(DecodedImage flat) {
        int darkest = darkestInk(flat.argb());
        if (darkest < LIGHT_INK || darkest >= 255) {
            return Optional.empty();
        }
        double gain = 255.0 / (255 - darkest);
        int[] in = flat.argb(), out = new int[in.length];
        for (int i = 0; i < in.length; i++) {
            int p = in[i];
            out[i] = 0xFF000000 | darker(p >> 16 & 0xFF, gain) << 16 | darker(p >> 8 & 0xFF, gain) << 8 | darker(p & 0xFF, gain);
        }
        return Optional.of(new DecodedImage(flat.width(), flat.height(), out, false));
    }

    private static int darker(int level, double gain) {
        return Math.max(0, (int) Math.round(255 - (255 - level) * gain));
    }

    /** The grey level below which {@link #DARKEST} of the pixels lie. */
    static int darkestInk(int[] argb) {
        int[] histogram = new int[256];
        for (int p : argb) {
            histogram[((p >> 16 & 0xFF) * 299 + (p >> 8 & 0xFF) * 587 + (p & 0xFF) * 114) / 1000]++;
        }
        long needed = Math.max(1, Math.round(argb.length * DARKEST)), seen = 0;
        for (int level = 0; level < 256; level++) {
            seen += histogram[level];
            if (seen >= needed) {
                return level;
            }
        }
        return 255;
    }
}
