package dev.acgbot.gallery;

import java.util.Set;

/**
 * A gallery image that is a copy of the queried one, best first.
 *
 * @param exact         identical perceptual hashes
 * @param pHashDistance differing bits of the DCT hashes (0..64), whole images
 * @param dHashDistance differing bits of the difference hashes (0..64), whole images
 * @param similarity    normalised correlation of the two thumbnails under the best geometry the verifier tried
 *                      (-1..1); {@link #UNVERIFIED} when the gallery image has no stored thumbnail yet (indexed
 *                      before schema 2: the next reindex adds it) and the hashes alone decided
 * @param edits         what the verifier saw done to the gallery image; empty for the same picture or when
 *                      unverified
 */
public record DuplicateHit(GalleryEntry entry, boolean exact, int pHashDistance, int dHashDistance, double similarity,
                           Set<RepostEdit> edits) {
    public static final double UNVERIFIED = Double.NaN;
    /** The verifier's threshold: a candidate correlating this well or better is a copy (docs/benchmarks.md). */
    public static final double COPY_SIMILARITY = 0.85;

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

    /** The same picture, at most resized or re-encoded: exact hashes, or verified with no edit seen. */
    public boolean samePicture() {
        return exact || verified() && edits.isEmpty();
    }
}
