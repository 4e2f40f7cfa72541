package dev.acgbot.gallery.internal;

import dev.acgbot.models.image.DecodedImage;

import java.util.Optional;

/**
 * The posted copy without its trim, for a candidate the store kept whole. {@link Margins} leaves a page whole when its
 * drawing covers under 4 % of it, so a small drawing on an A4 page (a turtle, a hand, a taichi figure) is stored as the
 * whole page, while a quarter crop of that page holds the drawing on 7 % of its area and trims to it: the copy's trimmed
 * picture is then a few cells of the candidate's 32x32 thumbnail, below the pose search's sizes and beneath its 4x4
 * colour grid (docs/benchmarks.md, "Cropped pages, round 12"). Untrimmed, the copy is the crop of the page itself, as a
 * crop window of the page found it. Also where the copy is that page whole, its faint frame brightened out of its trim
 * ({@link #samePage}). Only for the verifier's extra attempts ({@link CandidateChecks}).
 */
final class UntrimmedPages {
    /** A copy whose trim kept at least this share of it is the page as posted already. */
    private static final double TRIMMED = 0.9;

    private UntrimmedPages() {
    }

    /** The copy untrimmed, as a query; none when its own trim kept it nearly whole. */
    static Optional<RepostVerifier.Query> query(DecodedImage reduced, RepostVerifier.Query trimmed) {
        return trimmed.signature.keptArea() >= TRIMMED ? Optional.empty()
                : Optional.of(new RepostVerifier.Query(reduced, new Margins.Box(0, 0, reduced.width(), reduced.height())));
    }

    /**
     * Where the untrimmed copy {@code u} lies on the page: of the best {@link CropPoses crop rectangle} of each size near the
     * window that found the page, each moved on the fine grid in place only, the one the fine grid fits best (the crop's geometry gives its size); none below the pose step's bar,
     * or for a faint picture the window does not vouch for ({@link RepostVerifier#unvouched}).
     */
    static Optional<RepostVerifier.Found> pose(RepostVerifier.Query u, RepostSignature candidate, HashRows.Near n) {
        if (RepostVerifier.unvouched(u, candidate, n.faintEvidence())) {
            return Optional.empty();
        }
        return CropPoses.bestOfEachSize(u, candidate, n.cropWindow()).stream().map(p -> RepostVerifier.placedOnFine(u, candidate, p))
                .max(java.util.Comparator.comparingDouble(RepostVerifier.Found::ncc)).filter(RepostVerifier.Found::posed);
    }

    /**
     * Whether the copy untrimmed is posed on {@code candidate} as the page itself: a candidate the store kept whole whose
     * whole pHash lies within {@link DefaultGallery#SAME_PICTURE_BITS} of the copy's, the bar at which a lookup calls a
     * stored picture the posted one, whatever the copy's own trim kept. Corsica's flag is a head on a page inside a faint
     * grey outline (189 at 88 % alpha), which the store's trim keeps; framed, turned by 4° and brightened, the outline
     * fades to a broken line the copy's trim drops, so its trimmed picture is the head, 44 % of the flag's width, where
     * the stored 64x64 edges hold too little detail (0.923 at the pose the thumbnails found), while its whole pHash lies 2
     * bits from the flag's (evaluation, seeds 1234 and 27182, border+rotate+bright; untrimmed, the edges agree at 0.998).
     */
    static boolean samePage(RepostSignature candidate, HashRows.Near n) {
        return whole(candidate) && n.pHashDistance() <= DefaultGallery.SAME_PICTURE_BITS;
    }

    /** Whether the store kept {@code candidate} whole. */
    static boolean whole(RepostSignature candidate) {
        return candidate.keptArea() >= RepostVerifier.UNTRIMMED;
    }
}
