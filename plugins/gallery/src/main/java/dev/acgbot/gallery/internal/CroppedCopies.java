package dev.acgbot.gallery.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A tiny copy taken as a part of its candidate resized: {@link ResizedCopies}' rendering, the copy's whole picture a
 * rectangle of the candidate's whole picture rather than all of it. A crop keeps the copy's share of its own picture
 * as a share of that rectangle, so only the rectangle is free: its width (the copy's whole aspect against the
 * candidate's gives its height, each refined by up to 7/8 of a copy pixel) and its place, inside the candidate's picture.
 * In a diagnosis of the crop+resize+JPEG copies (16-45 pixels) that no rule listed on the evaluation's sample
 * (docs/benchmarks.md, "Tiny cropped copies, round 11 second wave"), a 16-px stop sign correlated so at 0.957 (as its
 * candidate resized 0.57; the next candidate, a round button, 0.65), a 23x9 RSS button at 0.973 (the XML button of its
 * set 0.86) and a faint 45-px pattern at 0.979 (nothing else above 0); an orange LED tied with its other colours (0.986
 * against 0.978) and a faint star-rating row stayed under the bar (0.942, the next rating row 0.863).
 */
final class CroppedCopies {
    /**
     * The correlation at which a candidate may be the copy cropped and resized: below {@link ResizedCopies#ACCEPT}, since
     * the crop's copies are JPEG'd too (the 16-px stop sign 0.957); the clear margin over the next candidate decides.
     */
    static final double ACCEPT = 0.95;
    /**
     * A faint copy's shorter side must have this many pixels: a pen line of 13x1, one pixel a shade lighter, correlated at
     * 1.0 with a pen of another width (ResizedCopies leaves faint copies out for it); the faint 45-px pattern is found.
     */
    static final int FAINT_SIDE = 8;
    /**
     * A candidate first fitted at a quarter or half of the copy's size (its {@link Screen}s) and under these correlations
     * there is left at that fit: it can neither be singled out ({@value #ACCEPT}) nor rival one that is (a rival counts
     * above 1 - {@link TinyCopies#CLEARER} x (1 - {@value #ACCEPT}) = 0.85), since a fit at the copy's own size reached at
     * most 0.65 under the quarter's bar and 0.80 under the half's, over 9,185 candidates (4,376 of the evaluation's three
     * samples' tiny lookups that got here, 4,809 of 300 Adwaita icons that find nothing; docs/benchmarks.md, "Tiny lookups
     * that find nothing, round 18"). In those icons' lookups, 84 % of the candidates of copies of 24 pixels or more stop
     * at the quarter, 95 % of those of 12 or more at one screen or the other.
     */
    static final double BAR_QUARTER = 0.7;
    static final double BAR_HALF = 0.8;
    /**
     * A screen's copy keeps this many pixels along its shorter side: 12-pixel copies halved to 6 kept the bar's margin
     * (under it, 0.77 at most at full size); at 4 pixels a look-alike fits about as well as the source.
     */
    static final int SIDE = 6;
    /** The widths of the rectangles tried first, as shares of the candidate's whole picture. */
    private static final double[] SHARES = {0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1.0};
    /** Places tried along each side at each width, the rectangle's free room split evenly. */
    private static final int PLACES = 5;

    /** The rectangle {@code x0, y0, rw, rh} (shares of the candidate's whole picture) and its correlation. */
    record Fit(double correlation, double x0, double y0, double rw, double rh) {
        static final Fit NONE = new Fit(0, 0, 0, 1, 1);

        /** The copy's trimmed picture in the candidate's trimmed one. */
        RepostVerifier.Pose pose(RepostVerifier.Query q, RepostSignature candidate) {
            float[] a = q.signature.box();
            return RepostVerifier.box(x0 + rw * a[0], y0 + rh * a[1], x0 + rw * a[2], y0 + rh * a[3], candidate.box());
        }
    }

    private CroppedCopies() {
    }

    /** A candidate and the rectangle of it the copy matches best. */
    record Match(TinyCopies.Posed candidate, Fit fit) {
    }

    /**
     * The candidate the copy as a part of it resized singles out: correlating at {@value #ACCEPT} or more, with a residual
     * at most 1/{@link TinyCopies#CLEARER} of the next candidate's whose stored picture is another. Each candidate's search is
     * a piece of {@code work}: run by every tiny lookup that finds nothing, one after another they were a third of such a
     * lookup's time on its calling thread at 100k (JFR; docs/benchmarks.md "Lookups that find nothing, in parallel, round 28").
     */
    static Optional<Match> singledOut(RepostVerifier.Query q, List<TinyCopies.Posed> candidates, SharedWork work) {
        if (q.faint && Math.min(q.tiny.width(), q.tiny.height()) < FAINT_SIDE) {
            return Optional.empty();
        }
        List<Screen> screens = Screen.of(q.tiny);
        List<Match> ranked = work.map(candidates, c -> new Match(c, best(q, screens, c.signature()))).stream()
                .sorted(Comparator.comparingDouble((Match m) -> m.fit().correlation()).reversed()).toList();
        if (ranked.isEmpty()) {
            return Optional.empty();
        }
        Match best = ranked.getFirst();
        double next = TinyCopies.nextOther(ranked, m -> m.candidate().signature(), m -> m.fit().correlation());
        return TinyCopies.clearly(best.fit().correlation(), next, ACCEPT) ? Optional.of(best) : Optional.empty();
    }

    /**
     * The rectangle of the candidate's whole picture that the copy resized from it matches best; the one at a screen's
     * size when the candidate stays under its bar there (the same search: a quarter of the renderings' pixels at half the
     * size, a sixteenth at a quarter).
     */
    static Fit best(RepostVerifier.Query q, List<Screen> screens, RepostSignature candidate) {
        float[] b = candidate.box(), a = q.signature.box();
        if (!(b[2] > b[0] && b[3] > b[1] && a[2] > a[0] && a[3] > a[1])) {
            return Fit.NONE;
        }
        double wholeAspect = candidate.aspect() * (b[3] - b[1]) / (b[2] - b[0]);
        double copyAspect = q.signature.aspect() * (a[3] - a[1]) / (a[2] - a[0]);
        double[] sat = TinyCheck.areaTable(DetailCheck.floats(candidate.detail()));
        for (Screen screen : screens) {
            Fit shrunk = refined(screen.copy(), a, candidate, sat, grid(screen.copy(), a, candidate, sat, wholeAspect, copyAspect));
            if (shrunk.correlation() < screen.bar()) {
                return shrunk;
            }
        }
        return refined(q.tiny, a, candidate, sat, grid(q.tiny, a, candidate, sat, wholeAspect, copyAspect));
    }

    /**
     * The copy shrunk for a screen and the correlation a candidate must reach so for its search at the copy's own size;
     * under it, the candidate keeps its fit at the screen's size.
     */
    record Screen(TinyCheck.Pixels copy, double bar) {
        /**
         * The screens of {@code copy}, coarsest first: shrunk by 4 when that keeps {@value CroppedCopies#SIDE} pixels
         * along its shorter side (copies of 24 pixels or more), under {@value CroppedCopies#BAR_QUARTER}; by 2 when that
         * does (12 or more), under {@value CroppedCopies#BAR_HALF}.
         */
        static List<Screen> of(TinyCheck.Pixels copy) {
            int shorter = Math.min(copy.width(), copy.height());
            List<Screen> screens = new ArrayList<>(2);
            if (shorter / 4 >= SIDE) {
                screens.add(new Screen(copy.shrunk(4), BAR_QUARTER));
            }
            if (shorter / 2 >= SIDE) {
                screens.add(new Screen(copy.shrunk(2), BAR_HALF));
            }
            return screens;
        }
    }

    private static Fit grid(TinyCheck.Pixels copy, float[] a, RepostSignature candidate, double[] sat, double wholeAspect, double copyAspect) {
        Fit best = Fit.NONE;
        for (double rw : SHARES) {
            double rh = Math.min(1, rw * wholeAspect / copyAspect);
            if (rh < SHARES[0] * 0.9) {
                continue;
            }
            for (int i = 0; i < PLACES; i++) {
                for (int j = 0; j < PLACES; j++) {
                    Fit f = fit(copy, a, candidate, sat, (1 - rw) * i / (PLACES - 1), (1 - rh) * j / (PLACES - 1), rw, rh);
                    if (f.correlation() > best.correlation()) {
                        best = f;
                    }
                }
            }
        }
        return best;
    }

    /**
     * {@code from} moved by half, a quarter and an eighth of a copy pixel at each side of the rectangle, each move kept
     * when it correlates better.
     */
    private static Fit refined(TinyCheck.Pixels copy, float[] a, RepostSignature candidate, double[] sat, Fit from) {
        if (from == Fit.NONE) {
            return from;
        }
        Fit at = from;
        for (double step : new double[]{1.0 / 2, 1.0 / 4, 1.0 / 8}) {
            for (int p = 0; p < 4; p++) {
                Fit base = at;
                // a copy pixel as a share of the candidate's whole picture, along the side moved
                double px = p % 2 == 0 ? base.rw() * (a[2] - a[0]) / copy.width() : base.rh() * (a[3] - a[1]) / copy.height();
                for (int sign = -1; sign <= 1; sign += 2) {
                    double d = sign * step * px;
                    Fit next = switch (p) {
                        case 0 -> fit(copy, a, candidate, sat, base.x0() + d, base.y0(), base.rw(), base.rh());
                        case 1 -> fit(copy, a, candidate, sat, base.x0(), base.y0() + d, base.rw(), base.rh());
                        case 2 -> fit(copy, a, candidate, sat, base.x0(), base.y0(), base.rw() + d, base.rh());
                        default -> fit(copy, a, candidate, sat, base.x0(), base.y0(), base.rw(), base.rh() + d);
                    };
                    if (next.correlation() > at.correlation() + 1e-5) {
                        at = next;
                    }
                }
            }
        }
        return at;
    }

    /** The rectangle's fit; none when it leaves the candidate's picture. */
    private static Fit fit(TinyCheck.Pixels copy, float[] a, RepostSignature candidate, double[] sat, double x0, double y0, double rw, double rh) {
        double slack = 1e-6;
        if (x0 < -slack || y0 < -slack || x0 + rw > 1 + slack || y0 + rh > 1 + slack) {
            return Fit.NONE;
        }
        return new Fit(ResizedCopies.correlation(copy, a, candidate, sat, x0, y0, rw, rh), x0, y0, rw, rh);
    }
}
