package dev.acgbot.gallery.internal;

import java.util.List;
import java.util.Optional;

/**
 * The edge step once more, at the best {@link CropPoses crop rectangle}, for the candidate that fits the copy best as a
 * crop (and those fitting as well, {@link #fitsAsWell}, and the one whose pose correlates best, {@link #retried}) when its
 * edges failed at the pose the search settled on. The descent runs on the 16x16 grid, where a crop shows
 * the stored thumbnail enlarged, and may settle a few per cent off the crop: in a throwaway diagnosis (300 quarter crops
 * of 150 non-star sources, seed 77) all 8 copies stopped at the edge step passed it from the true crop's pose, and 5 of
 * them from the best crop rectangle as it is (edges at 0.95-0.99 where the settled pose's agreed at 0.91-0.95). Only those
 * candidates get the retry (the best-fitting one is the source for 275 of 295 crops the windows reach): retried on every
 * crop candidate, 6 of the 9 verdicts it added were look-alikes (docs/benchmarks.md, "Crop 25 %, round 9").
 */
final class CropSeedCheck {
    private CropSeedCheck() {
    }

    /**
     * Whether a candidate's {@link #fit} is the best one's ({@code best}) or as good within {@value #FIT_TIE}: the coarse
     * fit does not tell such candidates apart, and the retry went to whichever was a hair ahead. A crop 10 % copy of
     * a pinned note fitted its source at 0.932 and the same note with another pin at 0.934; the retry went to the
     * sibling, and the note, whose edges failed at the settled pose (0.87) and pass from its crop rectangle, was missed
     * (`--sample-seed 77`; `CropRetryTieGalleryTest`). On three samples this found that copy and changed no other
     * not-stars or line-art cell (docs/benchmarks.md, "Lookups that find nothing, round 17").
     */
    static boolean fitsAsWell(double fit, double best) {
        return fit >= 0 && fit >= best - FIT_TIE;
    }

    /** Fits this close to the best are a tie: see {@link #fitsAsWell}. */
    static final double FIT_TIE = 0.01;

    /**
     * Whether a candidate with crop rectangles gets the retry: it {@link #fitsAsWell fits as well} as the best, or its pose
     * correlates best of all candidates ({@code posedBest}). The coarse fit at the first rectangle and the pose search's
     * correlation are two guesses at which candidate the copy is, and on a plain drawing they can disagree: a quarter crop
     * of a map symbol (a plain bar) fitted an arrow better as a crop (0.767 against 0.721) while the symbol's pose
     * correlated at 0.979 against the arrow's 0.903; its edges failed at that pose and pass from its crop rectangle (0.999),
     * but the retry went to the arrow alone and nothing was listed (`--sample-seed 200`; `CropRetryBestPosedGalleryTest`).
     * At most one candidate more than before gets it (docs/benchmarks.md, "Retries, round 26").
     */
    static boolean retried(double fit, double best, boolean posedBest) {
        return fitsAsWell(fit, best) || fit >= 0 && posedBest;
    }

    /** How well the copy fits {@code candidate} at the first (best) of its crop rectangles; −1 without any. */
    static double fit(RepostVerifier.Query q, RepostSignature candidate, List<RepostVerifier.Pose> cropSeeds) {
        return cropSeeds.isEmpty() ? -1 : RepostVerifier.coarse(q, RepostVerifier.thumb(candidate), candidate.aspect(), cropSeeds.getFirst());
    }

    /**
     * The verdict at the first of {@code cropSeeds}, with the levels the search fitted; none without seeds, and none when
     * the pose found is no copy whatever its edges (a recoloured crop, a drawing elsewhere on its page): the retry is for
     * edges only (for any failed verdict, a grey milk carton matched its coloured sibling, named from the other pose;
     * seed 77). A crop the search also stretched is retried while no candidate is listed ({@code listed} false): a crop
     * rectangle keeps the copy's aspect, and the stretch may be the descent's drift along what the thumbnails do not
     * resolve ({@link RepostVerifier#stretchedCropOnly}). Only then: with one listed, a greyscale copy of a stored pen-width
     * icon (a dark bar) listed, beside the icon itself, the next thinner bar from its crop rectangle (fresh seed 31415).
     */
    static Optional<RepostVerifier.Verdict> retry(RepostVerifier.Query q, RepostSignature candidate, RepostVerifier.Found found,
                                                  List<RepostVerifier.Pose> cropSeeds, boolean listed) {
        if (cropSeeds.isEmpty() || found.flat() || RepostVerifier.named(q, candidate, found, 1.0).isEmpty()
                && (listed || !RepostVerifier.stretchedCropOnly(q, candidate, found))) {
            return Optional.empty();
        }
        RepostVerifier.Pose seed = cropSeeds.getFirst();
        return RepostVerifier.judge(q, candidate, new RepostVerifier.Found(found.ncc(), seed, seed, false, false, found.levels()));
    }

    /**
     * The verdict at the pose the search settled on, refined on the fine grid, when it names the same edits: after
     * {@link #retry} failed too. The coarse grid placed a crop a few per cent off (a terminal icon's quarter crop at 65 %
     * of the height where it kept 55 %, edges 0.960 once refined; a tenth crop of a direction sign 0.943 -> 0.981:
     * docs/benchmarks.md, "Crop, round 10"). The same edits because another story told at the refined pose is another
     * fit than the one the search found.
     */
    static Optional<RepostVerifier.Verdict> refined(RepostVerifier.Query q, RepostSignature candidate, RepostVerifier.Found found) {
        if (found.flat()) {
            return Optional.empty();
        }
        Optional<RepostVerifier.Verdict> searched = RepostVerifier.named(q, candidate, found, 1.0);
        return searched.flatMap(s -> RepostVerifier.judge(q, candidate, RepostVerifier.refinedOnFine(q, candidate, found))
                .filter(v -> v.edits().equals(s.edits())));
    }

    /**
     * The verdict at the pose searched once more with the seeds' sizes below the search's range moving on
     * ({@link RepostVerifier.Pose#withPart}); none when no seed lies there. A crop of a small part of a tall candidate
     * is seeded below it and the descent snapped it back: a bauble's quarter crop seeded at 0.45 of its source's height,
     * the true crop at 0.40 (seed 77).
     */
    static Optional<RepostVerifier.Verdict> part(RepostVerifier.Query q, RepostSignature candidate, HashRows.Near near,
                                                 List<RepostVerifier.Pose> seeds) {
        if (seeds.stream().noneMatch(RepostVerifier.Pose::part)) {
            return Optional.empty();
        }
        return RepostVerifier.pose(q, candidate, near.dHashEvidence(), near.faintEvidence(), seeds, RepostVerifier.Reach.PART)
                .flatMap(f -> RepostVerifier.judge(q, candidate, f));
    }

    /**
     * The verdict at the pose searched once more with the fine grid's refinement taken unturned too, for the best-fitting
     * crop candidate when the search found it no pose at all: the coarse grid fitted it (0.94-0.99) where the fine grid
     * said 0.82-0.83 at that pose, a few per cent off the crop (a quarter crop of a Debian package icon, the evaluation's
     * sample; crop+resize+JPEG copies of a callout and an eye-wash sign, seed 91). The search takes the fine grid's pose only
     * when turned (taken for any copy and candidate, blur, text watermark and watermark top-left lost a query each), so this
     * is one more search of one candidate, in lookups where no candidate passed (docs/benchmarks.md, "Crops, round 11").
     */
    static Optional<RepostVerifier.Verdict> unposed(RepostVerifier.Query q, RepostSignature candidate, HashRows.Near near,
                                                    List<RepostVerifier.Pose> seeds) {
        return RepostVerifier.pose(q, candidate, near.dHashEvidence(), near.faintEvidence(), seeds, RepostVerifier.Reach.UNTURNED_ON_FINE)
                .flatMap(f -> RepostVerifier.judge(q, candidate, f));
    }
}
