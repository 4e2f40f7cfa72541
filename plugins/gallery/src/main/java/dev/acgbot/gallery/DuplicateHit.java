package dev.acgbot.gallery;

import java.util.Set;

/**
 * A gallery image that is a copy of the queried one, best first.
 *
 * @param exact         identical perceptual hashes
 * @param pHashDistance differing bits of the DCT hashes (0..64), whole images
 * @param dHashDistance differing bits of the difference hashes (0..64), whole images
 * @param similarity    the verifier's confidence: how well the two pictures' edges agree (-1..1) at the pose where
 *                      their thumbnails correlate best (for a tiny copy, 48 pixels or less, that the pixels single
 *                      this image out: how well the copy's pixels and this image rendered down to them correlate);
 *                      {@link #UNVERIFIED} when the gallery image has no stored
 *                      signature yet (indexed before schema 3: the next reindex adds it) and the hashes alone decided
 * @param edits         what the verifier saw done to the gallery image; empty for the same picture or when
 *                      unverified
 */
public record DuplicateHit(GalleryEntry entry, boolean exact, int pHashDistance, int dHashDistance, double similarity,
                           Set<RepostEdit> edits) {
    public static final double UNVERIFIED = Double.NaN;
    /**
     * The verifier's bar: a candidate whose edges agree this well at the found pose is a copy. Chosen with
     * {@code bench duplicates --sweep} (docs/benchmarks.md, duplicates): at 0.95 unrelated pictures outside the star
     * polygons are listed 0.00-0.06 times per query; at 0.93 up to 0.16, at 0.85 up to 0.44.
     */
    public static final double COPY_SIMILARITY = 0.95;
    /**
     * The bar for calling a hit a copy ("same picture", "edited copy"). The same as {@link #COPY_SIMILARITY}: a lower
     * listing bar was measured to list look-alikes. What it still separates are hits the hashes alone decided
     * (entries without a signature yet), which /similar only says "look alike".
     */
    public static final double CONFIDENT_SIMILARITY = COPY_SIMILARITY;

    public DuplicateHit {
        edits = Set.copyOf(edits);
    }

    /** A hit the hashes alone decided. */
    public DuplicateHit(GalleryEntry entry, boolean exact, int pHashDistance, int dHashDistance) {
        this(entry, exact, pHashDistance, dHashDistance, UNVERIFIED, Set.of());
    }

    public boolean verified() {
        return !Double.isNaN(similarity);
    }

    /** Sure to be a copy: identical hashes, or verified at {@link #CONFIDENT_SIMILARITY} or more. */
    public boolean confident() {
        return exact || verified() && similarity >= CONFIDENT_SIMILARITY;
    }

    /** The same picture, at most resized or re-encoded: exact hashes, or confidently verified with no edit seen. */
    public boolean samePicture() {
        return exact || confident() && edits.isEmpty();
    }
}
