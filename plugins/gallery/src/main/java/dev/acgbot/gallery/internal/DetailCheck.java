package dev.acgbot.gallery.internal;

import dev.acgbot.models.image.DecodedImage;
import dev.acgbot.models.preprocess.ImageOps;
import dev.acgbot.models.preprocess.PreprocessSpec;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.function.UnaryOperator;

/**
 * The verifier's last stage: at the pose the thumbnail correlation found, do the two pictures have the same edges?
 * The copy and the candidate's stored {@value RepostSignature#DETAIL}x{@value RepostSignature#DETAIL} grey picture,
 * sampled through the pose, are lightly blurred and their gradient fields compared (normalised inner product of the
 * (gx, gy) vectors over the cells inside the candidate). Intensity correlation is dominated by the coarse layout,
 * which look-alike clip art shares (stars of 71 and 92 points, an arrow and its neighbour correlate at 0.95-1.00 on
 * 32x32); gradients carry the detail, and their inner product ignores brightness, contrast and greyscale. The pose is
 * refined a little first (a 16x16 descent is off by a pixel or two at 64, which gradients do not forgive).
 * <p>
 * A copy that lost detail (resized small, blurred) is compared at the detail it still has: the candidate's picture is
 * first brought to the copy's level ({@link #atCopyDetail}), never the other way, so a copy as sharp as the stored
 * picture is compared as before and a look-alike must still agree with everything the copy shows (issue 12, docs/benchmarks.md: not-stars
 * recall at the same 0.95 bar: resize 25 % 0.70 to 0.80, resize 50 % 0.90 to 0.94, blur 0.85 to 0.96; false duplicates
 * per query unchanged but blur's, 0.024 to 0.032).
 */
final class DetailCheck {
    static final int SIDE = RepostSignature.DETAIL;
    private static final int MIN_INSIDE_CELLS = (int) (0.5 * SIDE * SIDE);
    /** At most this many extra 3x3 blurs on the candidate (a third changed no result on 150 sources, docs/benchmarks.md). */
    private static final int MAX_EXTRA_BLURS = 2;

    /**
     * The copy's gradients, and its mirror image's, prepared once for all candidates; its {@link #smoothness} and its
     * trimmed size in pixels (a copy smaller than the grid was enlarged onto it).
     */
    record Edges(float[] gx, float[] gy, float[] mgx, float[] mgy, double smoothness, int width, int height, Edges softer,
                 DecodedImage trimmed) {
        /** Edges without a softer version or a picture to reduce (a softer or a windowed version's own). */
        Edges(float[] gx, float[] gy, float[] mgx, float[] mgy, double smoothness, int width, int height) {
            this(gx, gy, mgx, mgy, smoothness, width, height, null, null);
        }

        /**
         * The copy as a window {@code sw} x {@code sh} of the candidate's stored picture shows it: its trimmed picture
         * reduced to the pixels of the stored grid that window holds, then enlarged back onto the grid (bilinear, as the
         * pose's sampling enlarges the candidate). See {@link #atCandidateDetail}.
         */
        Edges asWindow(double sw, double sh) {
            DecodedImage window = ImageOps.resize(trimmed, windowSide(sw), windowSide(sh), PreprocessSpec.Interpolation.BILINEAR);
            float[] g = ImageOps.toGray(ImageOps.resize(window, SIDE, SIDE, PreprocessSpec.Interpolation.BILINEAR));
            return of(g, mirrored(g), width, height);
        }

        static Edges of(DecodedImage trimmed) {
            return of(trimmed, RepostSignature.grey(trimmed, SIDE));
        }

        /**
         * The edges of {@code trimmed}, whose {@value #SIDE}x{@value #SIDE} grey picture ({@link RepostSignature#grey}) is
         * {@code grey}: a copy's signature holds it already ({@link RepostSignature#detail}); reducing the copy once more was
         * 1.6 % of a lookup's CPU samples at 100k, and the fine grid's reduction, its signature's thumbnail, 0.9 % (JFR,
         * DuplicateLookupScaleTest; docs/benchmarks.md, "Reductions made once, round 53").
         */
        static Edges of(DecodedImage trimmed, byte[] grey) {
            // bilinear, as the thumbnails: an area-averaged (anti-aliased) reduction lost recall at the same bar (resize 50 %:
            // 0.77 against 0.90 at 0.95; docs/benchmarks.md), its sharper cells punish the pose's sub-pixel error
            float[] g = toFloat(grey);
            float[] m = mirrored(g);
            Edges sharp = of(g, m, trimmed.width(), trimmed.height());
            Edges softer = of(blur(g), blur(m), trimmed.width(), trimmed.height());
            return new Edges(sharp.gx, sharp.gy, sharp.mgx, sharp.mgy, sharp.smoothness, sharp.width, sharp.height, softer, trimmed);
        }

        /** The edges of grey picture {@code g} and of its mirror image {@code m}, each lightly blurred first. */
        private static Edges of(float[] g, float[] m, int width, int height) {
            float[][] a = gradients(blur(g), null), b = gradients(blur(m), null);
            return new Edges(a[0], a[1], b[0], b[1], DetailCheck.smoothness(g), width, height);
        }
    }

    private DetailCheck() {
    }

    /** The gradient agreement (-1..1) at the best pose near {@code start}, and that pose. */
    static Result best(Edges q, byte[] detail, float aspect, RepostVerifier.Pose start) {
        float[] candidate = atCopyDetail(toFloat(detail), q, aspect, start);
        q = atCandidateDetail(q, candidate, aspect, start);
        Result best = descend(q, candidate, aspect, start, false);
        if (best.agreement() < RepostVerifier.ACCEPT && best.pose().turned() && !best.pose().stretches((double) q.width() / q.height(), aspect)) {
            // a turned copy's filled corners along the candidate's outline (gradients), tried only below the bar so it
            // can only add hits: for every turned pose it cost a blurred direction sign its hit (found at a small turn);
            // not for a pose that also stretches the candidate (a sparse map symbol then matched a map of Tasmania)
            Result wide = descend(q, candidate, aspect, best.pose(), true);
            if (wide.agreement() > best.agreement()) {
                best = wide;
            }
        }
        if (best.agreement() < RepostVerifier.ACCEPT && best.agreement() >= MARK_FLOOR) {
            Result marked = beyondMark(q, candidate, aspect, best.pose());
            if (marked.agreement() > best.agreement()) {
                best = marked;
            }
        }
        return best;
    }

    /**
     * The gradient agreement at {@code pose} itself, the pictures brought to the same detail as {@link #best} brings them:
     * for a pose the descent is not to move ({@link RepostVerifier#named}'s unstretched crop).
     */
    static Result at(Edges q, byte[] detail, float aspect, RepostVerifier.Pose pose) {
        float[] candidate = atCopyDetail(toFloat(detail), q, aspect, pose);
        return score(atCandidateDetail(q, candidate, aspect, pose), candidate, aspect, pose, false);
    }

    /** The best agreement near {@code start}: a small descent of the pose ({@code band}: see {@link #gradients}). */
    private static Result descend(Edges q, float[] candidate, float aspect, RepostVerifier.Pose start, boolean band) {
        Result best = score(q, candidate, aspect, start, band);
        double[] steps = {1.0 / SIDE, 1.0 / SIDE, 0.015, 0.015, Math.toRadians(0.75)};
        // as in the pose search's descent: a pose scored already is not scored again (the same bits)
        Map<RepostVerifier.Pose, Result> scored = new HashMap<>();
        scored.put(start, best);
        for (int round = 0; round < 2; round++) {
            boolean improved = true;
            for (int it = 0; improved && it < 3; it++) {
                improved = false;
                for (int p = 0; p < 5; p++) {
                    for (int sign = -1; sign <= 1; sign += 2) {
                        Result r = scored.computeIfAbsent(best.pose().with(p, sign * steps[p]), moved -> score(q, candidate, aspect, moved, band));
                        if (r.agreement() > best.agreement() + 1e-4) {
                            best = r;
                            improved = true;
                        }
                    }
                }
            }
            for (int p = 0; p < 5; p++) {
                steps[p] /= 2;
            }
        }
        return best;
    }

    /** A pose whose window holds at most this share of the candidate's area shows the candidate enlarged. */
    static final double ENLARGING = 0.85;

    /**
     * The copy's edges, its softer version's, or (for a window of at most {@value #WINDOWED} of the candidate) its version
     * {@link Edges#asWindow as the pose's window shows it}, when the pose enlarges the candidate (a crop: the window's
     * part of the stored 64x64 picture fills the copy's whole grid, so it holds less detail than the copy's own grid):
     * whichever version's smoothness is closest to the candidate's as the pose samples it. The other way round from
     * {@link #atCopyDetail}, which never sharpens the candidate: both compare at the lower detail of the two. In a diagnosis on
     * 150 non-star sources, 8 quarter crops at or next to their true pose agreed at 0.83-0.947; with the softer version, 1
     * (docs/benchmarks.md, crops round 7). One blur is too little for a narrow window of thin line art: a hammer's crop a
     * third as wide as the hammer (21 of the stored 64 columns) agreed at 0.921 at its source's pose, at 0.952 reduced to
     * that window's pixels (round 35).
     */
    static Edges atCandidateDetail(Edges q, float[] candidate, float aspect, RepostVerifier.Pose pose) {
        if (q.softer() == null || pose.sw() * pose.sh() > ENLARGING) {
            return q;
        }
        double seen = smoothness(RepostVerifier.sample(candidate, SIDE, SIDE, aspect, pose, new boolean[SIDE * SIDE]));
        Edges chosen = Math.abs(q.softer().smoothness() - seen) < Math.abs(q.smoothness() - seen) ? q.softer() : q;
        if (q.trimmed() == null || pose.sw() * pose.sh() > WINDOWED) {
            return chosen;
        }
        Edges window = q.asWindow(pose.sw(), pose.sh());
        return Math.abs(window.smoothness() - seen) < Math.abs(chosen.smoothness() - seen) ? window : chosen;
    }

    /**
     * A pose whose window holds at most this share of the candidate's area is also compared at the window's own pixels
     * ({@link Edges#asWindow}). For every enlarging pose ({@value #ENLARGING}), a crop+resize+JPEG copy (a tenth cropped,
     * then halved: its window 58 of the grid's 64 pixels across) lost its source and a blurred arrow's sibling passed as
     * its crop, each on one sample (evaluation, round 35).
     */
    static final double WINDOWED = 0.5;

    /** The stored grid's pixels across a window of this share of the candidate's side: 4 at least, the grid's at most. */
    private static int windowSide(double share) {
        return Math.max(4, Math.min(SIDE, (int) Math.round(SIDE * share)));
    }

    /** A {@value #SIDE}-square grey picture mirrored left to right. */
    static float[] mirrored(float[] g) {
        float[] m = new float[g.length];
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                m[y * SIDE + x] = g[y * SIDE + SIDE - 1 - x];
            }
        }
        return m;
    }

    /** The share of the copy's rows, at its bottom or top, a mark may cover ({@link #beyondMark}). */
    static final double MARK_SHARE = 0.125;
    /** The agreement below which leaving out the bottom rows is not tried: unrelated pictures. */
    static final double MARK_FLOOR = 0.8;

    /**
     * The agreement at {@code pose} without the bottom or the top {@value #MARK_SHARE} of the copy's rows, the better: a text mark
     * along the bottom or the top of a picture (a site's watermark over a wallpaper, a lemon, an exit sign) adds edges the source never had,
     * and at 6-8 % of the height it held copies at 0.84-0.90. Tried only below the bar, so it can only add hits. The
     * band that disagrees most, anywhere, let an icon match its sibling that differs in one middle stroke (border_inside
     * and border_horizontal at 0.99) and raised false duplicates on most edits (brightness 0.056 to 0.089); the 5-10 % of cells that disagree
     * most, wherever they lie, put look-alikes first on 2-8 of 300 watermarked copies (docs/benchmarks.md).
     */
    static Result beyondMark(Edges q, float[] candidate, float aspect, RepostVerifier.Pose pose) {
        // sampled once for both bands
        boolean[] inside = new boolean[SIDE * SIDE];
        float[] sampled = RepostVerifier.sample(candidate, SIDE, SIDE, aspect, pose, inside);
        float[][] g = gradients(blur(sampled), inside);
        float[] qx = pose.mirror() ? q.mgx() : q.gx(), qy = pose.mirror() ? q.mgy() : q.gy();
        Result bottom = withoutBand(qx, qy, g, inside, pose, true);
        Result top = withoutBand(qx, qy, g, inside, pose, false);
        return top.agreement() > bottom.agreement() ? top : bottom;
    }

    /** The agreement without the bottom (or top) band, 0 when too little is left or the band holds no mark. */
    private static Result withoutBand(float[] qx, float[] qy, float[][] g, boolean[] inside, RepostVerifier.Pose pose, boolean bottom) {
        int band = (int) Math.round(MARK_SHARE * SIDE) * SIDE;
        int from = bottom ? inside.length - band : 0, to = bottom ? inside.length : band;
        double dot = 0, nq = 0, nc = 0, bandQ = 0, bandC = 0;
        int n = 0;
        for (int i = 0; i < inside.length; i++) {
            if (!inside[i]) {
                continue;
            }
            double d = qx[i] * g[0][i] + qy[i] * g[1][i];
            double eq = qx[i] * qx[i] + qy[i] * qy[i], ec = g[0][i] * g[0][i] + g[1][i] * g[1][i];
            if (i >= from && i < to) {
                bandQ += eq;
                bandC += ec;
                continue;
            }
            dot += d;
            nq += eq;
            nc += ec;
            n++;
        }
        if (n < MIN_INSIDE_CELLS || nq < 1e-6 || nc < 1e-6 || !markIn(bandQ, bandC, nq, nc)) {
            return new Result(pose, 0);
        }
        return new Result(pose, dot / Math.sqrt(nq * nc));
    }

    /**
     * Whether the band may hold a mark: the copy has a larger share of its edges there than the candidate has (a mark's
     * letters are edges the source never had). A sibling icon that differs elsewhere (border_inside and border_vertical,
     * one middle stroke apart) has the band's edges too and is not lifted over the bar: false duplicates on 8 of 9 edits
     * checked went down by one query each (greyscale 0.056 to 0.048, crop 10 % 0.056 to 0.048), recall the same but
     * one resize 50 % query (docs/benchmarks.md, round 7 together). Also requiring the band's edges to disagree (below
     * 0.5 or 0.7) removed one more false duplicate and cost three watermark, blur and crop queries.
     */
    private static boolean markIn(double bandQ, double bandC, double restQ, double restC) {
        return bandQ / (bandQ + restQ) > bandC / (bandC + restC);
    }

    /**
     * The candidate's picture brought to the copy's detail level, judged by {@link #smoothness} as the copy sees it
     * (sampled through the pose: a crop shows the candidate enlarged, so smoother, and must not be blurred for it): as
     * stored, or as the copy would show it at its size ({@link #atCopySize}), each blurred again while that brings it
     * closer to the copy's smoothness; the closer of the two. The copy decides: a copy as sharp as the stored picture
     * takes it as it is.
     */
    static float[] atCopyDetail(float[] candidate, Edges q, float aspect, RepostVerifier.Pose pose) {
        ToDoubleFunction<float[]> gap = picture -> Math.abs(
                smoothness(RepostVerifier.sample(picture, SIDE, SIDE, aspect, pose, new boolean[SIDE * SIDE])) - q.smoothness());
        float[] best = blurredTo(candidate, gap);
        double least = gap.applyAsDouble(best);
        double shape = (double) q.width() / q.height();
        // across a strip only for a copy softer than its candidate by a 3x3 blur at least: a sharp quarter crop of `kde`
        // (60x1024) came closer in smoothness blurred across (0.058 to 0.033), its edges then failing (seed 27182)
        if (best != candidate && (shape >= ELONGATED || shape <= 1 / ELONGATED)) {
            float[] across = blurredAcross(candidate, gap, shape >= ELONGATED);
            double g = gap.applyAsDouble(across);
            if (g < least) {
                best = across;
                least = g;
            }
        }
        float[] small = atCopySize(candidate, q, pose);
        if (small != candidate) {
            float[] reduced = blurredTo(small, gap);
            if (gap.applyAsDouble(reduced) < least) {
                best = reduced;
            }
        }
        return best;
    }

    /**
     * The candidate's picture as a copy smaller than the grid holds it: reduced (bilinear, anti-aliased) to the size it
     * has in the copy (the copy's trimmed size over the pose's window share) and enlarged back as the copy's own grid
     * was. A 60-pixel icon resized to 25 % is 15 pixels wide, its grid a bilinear enlargement of 15 pixels that no blur
     * of the source's sharp grid resembles. Only a candidate for {@link #atCopyDetail}: the stored picture may itself
     * be an enlarged small one, and reducing it again would blur it past the copy.
     */
    static float[] atCopySize(float[] candidate, Edges q, RepostVerifier.Pose pose) {
        int w = (int) Math.min(SIDE, Math.max(2, Math.round(q.width() / pose.sw())));
        int h = (int) Math.min(SIDE, Math.max(2, Math.round(q.height() / pose.sh())));
        if (w >= SIDE && h >= SIDE) {
            return candidate;
        }
        int[] argb = new int[candidate.length];
        for (int i = 0; i < argb.length; i++) {
            int v = Math.round(Math.max(0, Math.min(255, candidate[i])));
            argb[i] = 0xFF000000 | v << 16 | v << 8 | v;
        }
        DecodedImage small = ImageOps.resize(new DecodedImage(SIDE, SIDE, argb, false), w, h, PreprocessSpec.Interpolation.BILINEAR);
        return toFloat(RepostSignature.grey(small, SIDE));
    }

    /**
     * {@code picture} blurred again (3x3 binomial) while that brings it closer to the copy's smoothness ({@code gap}).
     * A blurred copy holds less detail than the stored 64x64 picture of its source, so their gradients disagree where
     * the source is fine; blurring the source alike compares what the copy still has.
     */
    static float[] blurredTo(float[] picture, ToDoubleFunction<float[]> gap) {
        return blurredTo(picture, gap, DetailCheck::blur, MAX_EXTRA_BLURS);
    }

    /** {@code picture} through up to {@code passes} of {@code blur}, while each brings it closer ({@code gap}). */
    private static float[] blurredTo(float[] picture, ToDoubleFunction<float[]> gap, UnaryOperator<float[]> blur, int passes) {
        float[] best = picture;
        double least = gap.applyAsDouble(picture);
        for (int pass = 0; pass < passes; pass++) {
            float[] next = blur.apply(best);
            double g = gap.applyAsDouble(next);
            if (g >= least) {
                break;
            }
            best = next;
            least = g;
        }
        return best;
    }

    /**
     * A copy this many times wider than high (or higher than wide) is also compared with its candidate blurred across its
     * length only ({@link #blurredAcross}).
     */
    static final double ELONGATED = 2;
    /** At most this many passes across: a blur of 3 copy pixels across a 256x16 strip is 12 cells of the grid. */
    private static final int MAX_BLURS_ACROSS = 16;

    /**
     * {@code picture} blurred again across an elongated copy's length only (a 3-cell binomial along the grid's columns when
     * {@code vertical}, else along its rows), while that brings it closer to the copy's smoothness ({@code gap}). The grid
     * stretches the copy's trimmed picture to a square, so a blur in the copy, the same both ways, is {@code width / height}
     * times wider across a strip than along it on the grid; the 3x3 blur of {@link #blurredTo} either leaves the strip's
     * edges sharper than the copy's or blurs away the detail along it. A blurred router icon, a strip about four times as
     * wide as high, agreed with its source at 0.939 after those, and at 0.980 blurred across (evaluation, seed 2718;
     * line art on fourteen seeds: blur 501 to 503 of 517 first, resize 25 % 506 to 507, crop+resize+jpeg 497 to 496;
     * docs/benchmarks.md "Strips blurred across, round 45"). Only after a 3x3 blur brought the candidate closer
     * ({@link #atCopyDetail}): crop 25 % 495 to 496, crop+resize+jpeg 496 to 497, the others kept (round 46).
     */
    static float[] blurredAcross(float[] picture, ToDoubleFunction<float[]> gap, boolean vertical) {
        return blurredTo(picture, gap, g -> blurredAlong(g, vertical), MAX_BLURS_ACROSS);
    }

    /**
     * One 3-cell binomial pass along the grid's columns ({@code vertical}) or rows, an edge cell standing for its missing
     * neighbour; a row pass then a column pass is the 3x3 {@link #blur}.
     */
    private static float[] blurredAlong(float[] g, boolean vertical) {
        int step = vertical ? SIDE : 1;
        float[] out = new float[g.length];
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                int at = y * SIDE + x, along = vertical ? y : x;
                int before = along > 0 ? at - step : at, after = along < SIDE - 1 ? at + step : at;
                out[at] = (g[before] + 2 * g[at] + g[after]) / 4;
            }
        }
        return out;
    }

    /**
     * How little a 3x3 blur takes from a picture's gradients: their energy after the blur over before (0..1, near 1
     * for a picture with no detail finer than the blur, lower for a sharp one).
     */
    static double smoothness(float[] g) {
        double before = energy(gradients(g, null)), after = energy(gradients(blur(g), null));
        return before < 1e-6 ? 1 : after / before;
    }

    private static double energy(float[][] grad) {
        double e = 0;
        for (int i = 0; i < grad[0].length; i++) {
            e += grad[0][i] * grad[0][i] + grad[1][i] * grad[1][i];
        }
        return e;
    }

    record Result(RepostVerifier.Pose pose, double agreement) {
    }

    static Result score(Edges q, float[] candidate, float aspect, RepostVerifier.Pose pose) {
        return score(q, candidate, aspect, pose, false);
    }

    private static Result score(Edges q, float[] candidate, float aspect, RepostVerifier.Pose pose, boolean band) {
        boolean[] inside = new boolean[SIDE * SIDE];
        float[] sampled = RepostVerifier.sample(candidate, SIDE, SIDE, aspect, pose, inside);
        float[][] g = gradients(blur(sampled), inside, band);
        float[] qx = pose.mirror() ? q.mgx() : q.gx(), qy = pose.mirror() ? q.mgy() : q.gy();
        double dot = 0, nq = 0, nc = 0;
        int n = 0;
        for (int i = 0; i < inside.length; i++) {
            if (!inside[i]) {
                continue;
            }
            dot += qx[i] * g[0][i] + qy[i] * g[1][i];
            nq += qx[i] * qx[i] + qy[i] * qy[i];
            nc += g[0][i] * g[0][i] + g[1][i] * g[1][i];
            n++;
        }
        if (n < MIN_INSIDE_CELLS || nq < 1e-6 || nc < 1e-6) {
            return new Result(pose, 0);
        }
        return new Result(pose, dot / Math.sqrt(nq * nc));
    }

    /** The blocks per side {@link #concentration} divides the grid into. */
    private static final int BLOCKS = 4;

    /**
     * How much of the edges' disagreement at the best pose near {@code start} lies in one block of the grid
     * ({@value #BLOCKS}x{@value #BLOCKS} blocks): the largest block's share of the squared difference of the two
     * normalised gradient fields (whose sum is 2 (1 - agreement)). A copy of a picture (re-encoded, blurred, turned,
     * resized) disagrees a little along every edge; a sibling drawn differently in one place (a half note's stem flag
     * against a whole note's) disagrees there. At the pose {@link #settled} found.
     */
    static double concentration(Settled settled, float aspect) {
        float[] candidate = settled.candidate();
        Edges edges = settled.edges();
        RepostVerifier.Pose pose = settled.pose();
        boolean[] inside = new boolean[SIDE * SIDE];
        float[][] g = gradients(blur(RepostVerifier.sample(candidate, SIDE, SIDE, aspect, pose, inside)), inside);
        float[] qx = pose.mirror() ? edges.mgx() : edges.gx(), qy = pose.mirror() ? edges.mgy() : edges.gy();
        double nq = 0, nc = 0;
        for (int i = 0; i < inside.length; i++) {
            if (inside[i]) {
                nq += qx[i] * qx[i] + qy[i] * qy[i];
                nc += g[0][i] * g[0][i] + g[1][i] * g[1][i];
            }
        }
        if (nq < 1e-6 || nc < 1e-6) {
            return 0;
        }
        double sq = Math.sqrt(nq), sc = Math.sqrt(nc), total = 0;
        double[] blocks = new double[BLOCKS * BLOCKS];
        int side = SIDE / BLOCKS;
        for (int i = 0; i < inside.length; i++) {
            if (inside[i]) {
                double dx = qx[i] / sq - g[0][i] / sc, dy = qy[i] / sq - g[1][i] / sc;
                blocks[(i / SIDE / side) * BLOCKS + (i % SIDE) / side] += dx * dx + dy * dy;
                total += dx * dx + dy * dy;
            }
        }
        return total < 1e-12 ? 0 : Arrays.stream(blocks).max().orElse(0) / total;
    }

    /** The candidate's stored picture at the copy's detail, the copy's edges it is compared with, and the pose they settle at. */
    record Settled(float[] candidate, Edges edges, RepostVerifier.Pose pose) {
    }

    /** As {@link #best} up to its first descent: where the candidate's picture settles near {@code start}. */
    static Settled settled(Edges q, byte[] detail, float aspect, RepostVerifier.Pose start) {
        float[] candidate = atCopyDetail(toFloat(detail), q, aspect, start);
        Edges edges = atCandidateDetail(q, candidate, aspect, start);
        return new Settled(candidate, edges, descend(edges, candidate, aspect, start, false).pose());
    }

    static float[] floats(byte[] grey) {
        return toFloat(grey);
    }

    static float[] toFloat(byte[] grey) {
        float[] f = new float[grey.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = grey[i] & 0xFF;
        }
        return f;
    }

    /** 3x3 binomial blur, edges clamped. */
    private static float[] blur(float[] g) {
        return blurredAlong(blurredAlong(g, false), true);
    }

    /**
     * Central differences; a cell whose neighbours leave the candidate ({@code inside} false) gets none and is
     * dropped from {@code inside}, so the edge of a rotated or bordered window is not counted as an edge.
     */
    private static float[][] gradients(float[] g, boolean[] inside) {
        return gradients(g, inside, false);
    }

    /**
     * As {@link #gradients(float[], boolean[])}; {@code band}: a cell gets none unless every cell its blurred gradient
     * reads (two either way: one for the 3x3 blur, one for the difference) is inside. A copy turned on its own canvas
     * has filled corners along the candidate's outline; the blur spread their edge one cell past the cells dropped
     * otherwise, and turned copies agreed at 0.90-0.95 at poses where they agree at 0.97-0.99 without that band
     * (docs/benchmarks.md, turned copies round 8). Only for turned poses below the bar ({@link #best}): for all, it left out
     * the outer frame a sibling icon lacks (`border_inside` matched `border_all` at 0.951 as a 90 % crop).
     */
    private static float[][] gradients(float[] g, boolean[] inside, boolean band) {
        float[] gx = new float[g.length], gy = new float[g.length];
        boolean[] far = inside != null && band ? farInside(inside) : null;
        boolean[] ok = new boolean[g.length];
        for (int y = 1; y < SIDE - 1; y++) {
            for (int x = 1; x < SIDE - 1; x++) {
                int i = y * SIDE + x;
                if (far != null ? !far[i]
                        : inside != null && !(inside[i] && inside[i - 1] && inside[i + 1] && inside[i - SIDE] && inside[i + SIDE])) {
                    continue;
                }
                ok[i] = true;
                gx[i] = g[i + 1] - g[i - 1];
                gy[i] = g[i + SIDE] - g[i - SIDE];
            }
        }
        if (inside != null) {
            System.arraycopy(ok, 0, inside, 0, ok.length);
        }
        return new float[][]{gx, gy};
    }

    /** The cells of {@code inside} whose 5x5 neighbourhood (within the grid) is all inside: two passes of a 5-wide minimum. */
    static boolean[] farInside(boolean[] inside) {
        boolean[] rows = new boolean[inside.length], out = new boolean[inside.length];
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                boolean all = true;
                for (int d = Math.max(0, x - REACH); all && d <= Math.min(SIDE - 1, x + REACH); d++) {
                    all = inside[y * SIDE + d];
                }
                rows[y * SIDE + x] = all;
            }
        }
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                boolean all = true;
                for (int d = Math.max(0, y - REACH); all && d <= Math.min(SIDE - 1, y + REACH); d++) {
                    all = rows[d * SIDE + x];
                }
                out[y * SIDE + x] = all;
            }
        }
        return out;
    }

    /** How many cells either way a blurred gradient reads: one for the 3x3 blur, one for the central difference. */
    private static final int REACH = 2;
}
