package dev.acgbot.gallery.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Seeds for the pose search of a candidate a {@link CropWindows crop window} found: where the copy lies in the
 * candidate if it is a crop whose centre is near the matched window's. The matched window is often a neighbour of the
 * true one (the windows lie every 6.25 % of the picture) and the copy's crop may be larger than the window, so a small
 * grid of crop rectangles is scored on the pose search's coarse grid: 75, 82.5 or 90 % of the candidate's width,
 * the height following the copy's aspect, centres within one window step of the matched window's; the
 * {@value #KEEP} best become seeds. Each rectangle is mapped into the candidate's trimmed picture through the copy's
 * own trim box (stored for the candidate since format 3, computed for the copy), as the copy's trimmed picture is that
 * part of the rectangle. A throwaway diagnosis on 150 non-star sources looked up against their source alone: the pose
 * step rejected 11 quarter crops with the one window seed, 1 with these (docs/benchmarks.md, crops round 7).
 */
final class CropPoses {
    /** Crop widths as shares of the whole picture: a quarter crop, a tenth crop, and one between. */
    private static final double[] SIZES = {0.75, 0.825, 0.9};
    /** Centre offsets from the matched window's, as shares of the picture: up to one window step either way. */
    private static final double[] OFFSETS = {-0.0625, -0.03125, 0, 0.03125, 0.0625};
    static final int KEEP = 2;

    private CropPoses() {
    }

    private record Hypothesis(RepostVerifier.Pose pose, double ncc) {
    }

    static List<RepostVerifier.Pose> seeds(RepostVerifier.Query q, RepostSignature candidate, int window) {
        return hypotheses(q, candidate, window, SIZES, OFFSETS).stream().sorted(Comparator.comparingDouble(Hypothesis::ncc).reversed())
                .limit(KEEP).map(Hypothesis::pose).toList();
    }

    /**
     * The best crop rectangle of each size near crop window {@code window}, by the coarse correlation: for a copy whose size
     * on the candidate is one of the crop's, where a mostly blank page leaves the coarse grid unsure of which
     * ({@link UntrimmedPages}).
     */
    static List<RepostVerifier.Pose> bestOfEachSize(RepostVerifier.Query q, RepostSignature candidate, int window) {
        List<RepostVerifier.Pose> best = new ArrayList<>();
        for (double size : SIZES) {
            hypotheses(q, candidate, window, new double[]{size}, OFFSETS).stream().max(Comparator.comparingDouble(Hypothesis::ncc))
                    .ifPresent(h -> best.add(h.pose()));
        }
        return best;
    }

    /**
     * How well the copy fits the candidate as a crop near crop window {@code window}: the best coarse correlation of 18
     * crop rectangles, 75 or 90 % of the candidate's width (a quarter crop, or a tenth crop whose central window matched),
     * centred at most half a window step from the window's centre; −1 when either trim box is empty. Cheaper than
     * {@link #seeds} (18 rectangles against 75) because {@link CropShortlist} takes it for every candidate a crop window
     * found, not only for those verified.
     */
    static double fit(RepostVerifier.Query q, RepostSignature candidate, int window) {
        return hypotheses(q, candidate, window, FIT_SIZES, FIT_OFFSETS).stream().mapToDouble(Hypothesis::ncc).max().orElse(-1);
    }

    private static final double[] FIT_SIZES = {0.75, 0.9};
    private static final double[] FIT_OFFSETS = {-0.03125, 0, 0.03125};

    private static List<Hypothesis> hypotheses(RepostVerifier.Query q, RepostSignature candidate, int window, double[] sizes, double[] offsets) {
        float[] b = candidate.box();
        float[] qb = q.signature.box();
        if (!(b[2] > b[0] && b[3] > b[1] && qb[2] > qb[0] && qb[3] > qb[1])) {
            return List.of();
        }
        // both whole pictures' aspects, from the trimmed aspect and the trim box
        double wholeAspect = candidate.aspect() * (b[3] - b[1]) / (b[2] - b[0]);
        double copyAspect = q.signature.aspect() * (qb[3] - qb[1]) / (qb[2] - qb[0]);
        double[] c = CropWindows.centre(window);
        float[] thumb = RepostVerifier.thumb(candidate);
        List<Hypothesis> all = new ArrayList<>();
        for (double rw : sizes) {
            double rh = rw * wholeAspect / copyAspect;
            if (rh > 1.0 || rh < 0.5) {
                continue;
            }
            for (double oy : offsets) {
                double y0 = clamp(c[1] + oy - rh / 2, 0, 1 - rh);
                for (double ox : offsets) {
                    double x0 = clamp(c[0] + ox - rw / 2, 0, 1 - rw);
                    RepostVerifier.Pose p = RepostVerifier.box(x0 + qb[0] * rw, y0 + qb[1] * rh, x0 + qb[2] * rw, y0 + qb[3] * rh, b);
                    all.add(new Hypothesis(p, RepostVerifier.coarse(q, thumb, candidate.aspect(), p)));
                }
            }
        }
        return all;
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
