package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.RepostEdit;
import dev.acgbot.models.image.DecodedImage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The second stage of the duplicate search: is a candidate the source of the posted copy, whatever geometry was
 * applied? Three steps, cheapest first (docs/benchmarks.md, duplicates, has what each buys and costs):
 * <ol>
 *   <li>uninformative pictures: flat ones (grey spread under {@value #FLAT_STD} levels) match only flat pictures of
 *       the same colour with an agreeing dHash; faint ones (line art) need the dHash within {@value #FAINT_DHASH}
 *       bits besides everything below;</li>
 *   <li>the pose: the copy's trimmed picture as a {@value #SIDE}x{@value #SIDE} mean-free grey grid; a window of the
 *       candidate's 32x32 thumbnail (centre, width and height as shares of the picture, a rotation, mirrored or not)
 *       is sampled onto it and the normalised correlation maximised, first over seed windows (whole, 90 % and 80 %
 *       crops at nine places, 115 % for rotated canvases and captions), then by coordinate descent from the best
 *       seed; the pose must correlate at {@value #POSE_ACCEPT} on the finer 32x32 grid, and the mean hues agree;</li>
 *   <li>the edges ({@link DetailCheck}): at that pose, the gradients of the two 64x64 pictures must agree at
 *       {@link dev.acgbot.gallery.DuplicateHit#COPY_SIMILARITY}; that agreement is the hit's similarity. Look-alike
 *       clip art passes the pose step (32x32 is too coarse to tell it apart) and fails here.</li>
 * </ol>
 */
final class RepostVerifier {
    static final int SIDE = 16;
    static final int FINE = 32;
    /**
     * The system property {@value #SWEEP_PROPERTY} lowers the bar for {@code bench duplicates --sweep} only, which
     * then applies each threshold it reports to the hits itself; the bot never sets it.
     */
    static final String SWEEP_PROPERTY = "acgbot.bench.duplicates.minSimilarity";
    static final double ACCEPT = Double.parseDouble(System.getProperty(SWEEP_PROPERTY,
            Double.toString(dev.acgbot.gallery.DuplicateHit.COPY_SIMILARITY)));
    /** The thumbnail correlation a pose must reach before its edges are compared. */
    static final double POSE_ACCEPT = 0.85;
    /** Below this the descent is not worth running: unrelated pictures. */
    private static final double PLAUSIBLE = 0.65;
    /** A best start from which the starts turned by half are tried, up to {@link #PLAUSIBLE} ({@link #bestSeed}). */
    private static final double HALF_TURN_FROM = 0.5;
    private static final double FLAT_STD = 4.0;
    /** Below this grey spread a thumbnail is faint line art: the dHash must agree too ({@value #FAINT_DHASH} bits). */
    private static final double FAINT_STD = 10.0;
    private static final int FAINT_DHASH = 12;
    private static final int FLAT_DHASH = 6;
    static final double COLOURFUL = 12;
    /** A trimmed picture keeping at least this share of the canvas had no margins to speak of. */
    private static final double FULL_CANVAS = 0.95;
    private static final double HUE_TOLERANCE = 24;
    private static final double UNTOUCHED_MARGIN = 0.03;
    private static final double MIN_INSIDE = 0.6;
    private static final double SEED_TURN = Math.toRadians(6);
    /** The coarse grid scores a true copy a little higher than the fine one; this much below the bar still goes on. */
    private static final double COARSE_SLACK = 0.05;
    private static final double MAX_ROTATION = Math.toRadians(12);
    /** A pose whose aspect differs from the copy's by more than this (log of the ratio) names the copy stretched. */
    static final double STRETCH = 0.12;
    /** A pose turned at least this much names the copy rotated. */
    static final double TURNED = Math.toRadians(1.5);
    /** Levels fitted this much closer than the stored ones (levels a quantile) mark a brightness or contrast edit. */
    private static final double EDITED_LEVELS = 6;

    /** The window a copy was found in: centre and size as shares of the candidate's trimmed picture. */
    record Pose(double cx, double cy, double sw, double sh, double theta, boolean mirror) {
        /** The candidate's whole trimmed picture, as it is. */
        static final Pose WHOLE = new Pose(0.5, 0.5, 1, 1, 0, false);
        /** The range of a window's width and height (of the candidate's) that the pose descent moves within. */
        static final double MIN_SIZE = 0.6, MAX_SIZE = 1.3;

        /**
         * The whole picture of {@code aspect} (width over height) turned by {@code theta} on a canvas grown to hold it: the
         * copy's trimmed picture is the turned picture's bounding box, with blank corners beyond the candidate.
         */
        static Pose turnedCanvas(double theta, double aspect, boolean mirror) {
            double cos = Math.cos(theta), sin = Math.abs(Math.sin(theta));
            return new Pose(0.5, 0.5, cos + sin / aspect, cos + aspect * sin, theta, mirror);
        }

        /**
         * The same placement unmirrored, for a mirrored pose: a mirror image turned by θ is the picture turned by -θ with
         * its centre reflected, so a nearly symmetric picture fits the copy at both.
         */
        Pose unmirrored() {
            return new Pose(1 - cx, cy, sw, sh, -theta, false);
        }

        /** Whether this pose names the copy rotated: turned by {@link #TURNED} or more. */
        boolean turned() {
            return Math.abs(theta) >= TURNED;
        }

        /** Whether this pose names the copy cropped: 10 % either way before, as a greyscale copy may trim a line more. */
        boolean cropped() {
            return sw <= 0.9 || sh <= 0.9;
        }

        /**
         * Whether this pose names the copy (of aspect {@code copyAspect}) stretched: its aspect {@link #STRETCH} off the
         * candidate's window (the candidate of aspect {@code candidateAspect}).
         */
        boolean stretches(double copyAspect, double candidateAspect) {
            return stretch(copyAspect, candidateAspect) > STRETCH;
        }

        /** How far (log of width over height, either way) the copy's aspect lies off the candidate's window's. */
        double stretch(double copyAspect, double candidateAspect) {
            return Math.abs(Math.log(copyAspect / (candidateAspect * sw / sh)));
        }

        /**
         * As {@link #with}, but a size already below the search's range (a crop seed's window on a small part of a tall
         * or wide candidate) moves on down too: from there {@code with} snaps it to the range's floor, so no descent
         * moves it (a bauble's quarter crop seeded at 0.45 of its source's height, the true crop 0.40: seed 77).
         */
        Pose withPart(int param, double delta) {
            if (param == 2 && sw < MIN_SIZE || param == 3 && sh < MIN_SIZE) {
                double size = (param == 2 ? sw : sh) + delta;
                return param == 2 ? new Pose(cx, cy, size, sh, theta, mirror) : new Pose(cx, cy, sw, size, theta, mirror);
            }
            return with(param, delta);
        }

        /**
         * Whether this pose, unturned, lies within the candidate's whole picture (its trimmed picture at {@code trim}, shares of
         * the whole), up to {@link #PAGE_SLACK} of it beyond an edge: what it holds beyond the trimmed picture is then the
         * source's own margin.
         */
        boolean onPage(float[] trim) {
            double bw = trim[2] - trim[0], bh = trim[3] - trim[1];
            double x0 = trim[0] + (cx - sw / 2) * bw, x1 = trim[0] + (cx + sw / 2) * bw;
            double y0 = trim[1] + (cy - sh / 2) * bh, y1 = trim[1] + (cy + sh / 2) * bh;
            return !turned() && bw > 0 && bh > 0 && x0 >= -PAGE_SLACK && y0 >= -PAGE_SLACK && x1 <= 1 + PAGE_SLACK && y1 <= 1 + PAGE_SLACK;
        }

        /** The smaller of the shares of the whole picture's width and height this pose keeps (trimmed picture at {@code trim}). */
        double pageShare(float[] trim) {
            return Math.min(Math.min(1, sw * (trim[2] - trim[0])), Math.min(1, sh * (trim[3] - trim[1])));
        }

        /**
         * The windows of the candidate (of aspect {@code candidateAspect}) cut on one side, at either end, to the copy's
         * aspect {@code copyAspect}, where that cut lies below the search's range ({@link #MIN_SIZE}) and above
         * {@value #DEEPEST_CUT}: a page cropped at a quarter cuts deep into a drawing at its top, and the copy of Gentoo's
         * terminal icon kept 55 % of the monitor's height at its full width, a shape no window of the search reached
         * (docs/benchmarks.md, "Deep cuts, round 20"). None for a copy of about the candidate's shape. The starts of
         * {@link DeepCuts}.
         */
        static List<Pose> cutOnOneSide(double copyAspect, double candidateAspect, boolean mirror) {
            double r = copyAspect / candidateAspect;
            double kept = Math.min(r, 1 / r);
            if (kept >= MIN_SIZE || kept < DEEPEST_CUT) {
                return List.of();
            }
            return r > 1
                    ? List.of(new Pose(0.5, kept / 2, 1, kept, 0, mirror), new Pose(0.5, 1 - kept / 2, 1, kept, 0, mirror))
                    : List.of(new Pose(kept / 2, 0.5, kept, 1, 0, mirror), new Pose(1 - kept / 2, 0.5, kept, 1, 0, mirror));
        }

        /** The deepest one-sided cut {@link #cutOnOneSide} starts from: the share of the side it keeps. */
        static final double DEEPEST_CUT = 0.4;

        /** Whether a size lies below the search's range ({@link #withPart}). */
        boolean part() {
            return sw < MIN_SIZE || sh < MIN_SIZE;
        }

        /**
         * As {@link #with}, a size capped instead at what the candidate (of {@code aspect}, width over height) spans turned
         * by this pose's angle, and a little more ({@value #TURNED_SLACK}), where that is more than {@link #MAX_SIZE}: a
         * thin drawing turned spans far more of its height than 1.3 (a 48x8 dash-dot line turned 10° on its canvas trims
         * to 47x14, 1.75 of its height), and the descent stopped at the cap, at 0.885 (docs/benchmarks.md, "Thin lines
         * turned, round 20").
         */
        Pose with(int param, double delta, double aspect) {
            if (param != 2 && param != 3) {
                return with(param, delta);
            }
            return sized(param, delta, Math.max(MAX_SIZE, span(param, aspect) + TURNED_SLACK));
        }

        /**
         * What the candidate (of {@code aspect}, width over height) spans turned by this pose's angle, across ({@code param}
         * 2) or down (3), as a share of its own width or height: what a copy turned on its canvas and trimmed to the turned
         * picture measures on it.
         */
        double span(int param, double aspect) {
            double t = Math.abs(theta), cos = Math.cos(t), sin = Math.sin(t);
            return param == 2 ? cos + sin / aspect : cos + aspect * sin;
        }

        /** The width ({@code param} 2) or height (3) moved by {@code delta}, kept within {@link #MIN_SIZE} and {@code cap}. */
        private Pose sized(int param, double delta, double cap) {
            return param == 2 ? new Pose(cx, cy, clamp(sw + delta, MIN_SIZE, cap), sh, theta, mirror)
                    : new Pose(cx, cy, sw, clamp(sh + delta, MIN_SIZE, cap), theta, mirror);
        }

        /** How far past a turned candidate's span a size may go ({@link #with(int, double, double)}). */
        static final double TURNED_SLACK = 0.1;

        Pose with(int param, double delta) {
            return switch (param) {
                case 0 -> new Pose(clamp(cx + delta, 0.2, 0.8), cy, sw, sh, theta, mirror);
                case 1 -> new Pose(cx, clamp(cy + delta, 0.2, 0.8), sw, sh, theta, mirror);
                case 2, 3 -> sized(param, delta, MAX_SIZE);
                default -> new Pose(cx, cy, sw, sh, clamp(theta + delta, -MAX_ROTATION, MAX_ROTATION), mirror);
            };
        }
    }

    /** How far past the candidate's whole picture a pose may reach and still lie {@link Pose#onPage on it}: the descent's steps. */
    static final double PAGE_SLACK = 0.03;
    /**
     * A picture whose trim kept at least this share of it is untrimmed (a copy, or a candidate the store kept whole:
     * {@link UntrimmedPages}), and only such a copy's pose past the candidate's trimmed
     * picture may be its page's margin: a trimmed copy (a star-rating row, brightened) whose pose reached into a sibling
     * row's margin was named cropped so and listed (evaluation, brightness and contrast: one more false duplicate each).
     */
    static final double UNTRIMMED = 0.99;
    /** A pose that keeps at most this share of the candidate's whole picture's width or height names the copy cropped. */
    static final double PAGE_CROPPED = 0.92;

    /**
     * A verified match: the correlation, the pose and the edits that pose and the colours say were made; {@code edgeTurn}
     * the turn only the edge step saw ({@link #edgeTurn}), which is named after the look-alikes are weighed
     * ({@link #named}), not before: weighed turned, the star polygons' turned look-alikes were no longer taken for
     * siblings of a picture matched as it is ({@link AsIsSiblings}), and greyscale copies listed 0.08-0.52 more of them a query.
     */
    record Verdict(double similarity, Pose pose, Set<RepostEdit> edits, double edgeTurn) {
        Verdict(double similarity, Pose pose, Set<RepostEdit> edits) {
            this(similarity, pose, edits, 0);
        }

        Verdict withEdgeTurn(double turn) {
            return new Verdict(similarity, pose, edits, turn);
        }

        /** This verdict (its similarity, pose and edge turn) naming {@code named} instead: how a reply renames it. */
        Verdict withEdits(Set<RepostEdit> named) {
            return new Verdict(similarity, pose, Set.copyOf(named), edgeTurn);
        }

        /**
         * Whether {@code other}, a verdict on another view of the copy, names only edits this one names and fewer of them,
         * {@code aside} (the edit that view undoes or adds) left out of both.
         */
        boolean namesMoreThan(Verdict other, RepostEdit aside) {
            Set<RepostEdit> mine = EnumSet.noneOf(RepostEdit.class), theirs = EnumSet.noneOf(RepostEdit.class);
            mine.addAll(edits);
            mine.remove(aside);
            theirs.addAll(other.edits);
            theirs.remove(aside);
            return mine.containsAll(theirs) && theirs.size() < mine.size();
        }

        /** The edits a reply names: {@link #edits}, and turned when only the edge step saw the turn. */
        Set<RepostEdit> named() {
            if (edgeTurn == 0 || edits.contains(RepostEdit.ROTATED)) {
                return edits;
            }
            EnumSet<RepostEdit> named = EnumSet.of(RepostEdit.ROTATED);
            named.addAll(edits);
            return Set.copyOf(named);
        }
    }

    /**
     * A mean-free unit-norm grey grid of the copy, and its mirror image; {@code againstPaper}: scored against a candidate
     * laid on white paper ({@link Query#onPaper}).
     */
    record Grid(int side, double[] values, double[] mirrored, double std, double stdBeyondMark, boolean againstPaper) {
        Grid(int side, double[] values, double[] mirrored, double std, double stdBeyondMark) {
            this(side, values, mirrored, std, stdBeyondMark, false);
        }

        Grid onPaper() {
            return new Grid(side, values, mirrored, std, stdBeyondMark, true);
        }

        boolean flat() {
            return std < FLAT_STD;
        }

        /** Flat but for a mark along the bottom or top: flat once {@link DetailCheck#MARK_SHARE} of its rows are left out. */
        boolean flatBeyondMark() {
            return stdBeyondMark < FLAT_STD;
        }

        static Grid of(DecodedImage trimmed, int side) {
            return of(RepostSignature.grey(trimmed, side), side);
        }

        /** The grid of a {@code side}-square grey picture {@code g} ({@link RepostSignature#grey} of the trimmed copy). */
        static Grid of(byte[] g, int side) {
            double[] v = new double[g.length];
            double mean = 0;
            for (int i = 0; i < g.length; i++) {
                v[i] = g[i] & 0xFF;
                mean += v[i];
            }
            mean /= v.length;
            double ss = 0;
            for (int i = 0; i < v.length; i++) {
                v[i] -= mean;
                ss += v[i] * v[i];
            }
            double norm = Math.sqrt(Math.max(ss, 1e-9));
            double[] m = new double[v.length];
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    v[y * side + x] /= norm;
                }
            }
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    m[y * side + x] = v[y * side + side - 1 - x];
                }
            }
            return new Grid(side, v, m, Math.sqrt(ss / v.length), spreadBeyondMark(g, side));
        }

        /**
         * The grey spread of {@code grey} ({@code side} square) without its bottom or its top {@link DetailCheck#MARK_SHARE} of
         * rows, whichever leaves less: where a site's text mark over a flat picture lies. The 10 % of cells farthest from
         * the median, wherever they lay, made line art on white flat: a sparse map symbol then matched four faint
         * drawings on most edits.
         */
        static double spreadBeyondMark(byte[] grey, int side) {
            int band = Math.max(1, (int) Math.round(DetailCheck.MARK_SHARE * side)) * side, n = grey.length - band;
            double least = Double.MAX_VALUE;
            for (int from : new int[]{0, band}) {
                double sum = 0, sumSq = 0;
                for (int i = from; i < from + n; i++) {
                    int v = grey[i] & 0xFF;
                    sum += v;
                    sumSq += (double) v * v;
                }
                double mean = sum / n;
                least = Math.min(least, Math.sqrt(Math.max(0, sumSq / n - mean * mean)));
            }
            return least;
        }
    }

    /**
     * The posted copy, prepared once for all candidates: the pose is searched on a {@value #SIDE}-wide grid (cheap),
     * and the found pose is judged on a {@value #FINE}-wide one, whose detail unrelated shapes do not share (on the
     * coarse grid alone the free pose let unrelated clip art reach 0.85).
     */
    static final class Query {
        final RepostSignature signature;
        final Grid coarse;
        final Grid fine;
        final boolean flat;
        final boolean faint;
        final boolean flatBeneathMark;
        final DetailCheck.Edges edges;
        /** Where the copy was trimmed, in its own pixels: what the views of the copy trim otherwise compare with. */
        final Margins.Box trim;
        /** The copy at its own size when it is tiny or a short thin strip ({@link TinyCheck.Pixels#tiny}); null otherwise. */
        final TinyCheck.Pixels tiny;
        /**
         * The shorter side the gallery reduces pictures to ({@code DefaultGallery.reducedSide}), the stored ones included:
         * {@link TinyCheck#asStored}. Where a view of the copy is made without it, the larger of its canvas's shorter side
         * and {@link DefaultGallery#MIN_REDUCED_SIDE}, which is that side whenever no model raises it or the copy was as large.
         */
        final int gallerySide;
        /** The copy without alpha, kept for {@link #stripTurn}. */
        private final DecodedImage flatCopy;
        /** {@link TurnedStrips#turn} of the copy, read once a lookup: both rounds of candidates ask it. */
        private OptionalDouble stripTurn;
        /** {@link #straightened}, made on first use. */
        private Optional<TurnedStrips.Straight> straightened;
        /** {@link #straightQuery}, made on first use. */
        private Optional<Query> straightQuery;
        /** {@link #onPaper()}, made on first use. */
        private Query paperView;

        Query(DecodedImage reduced) {
            this(reduced, Margins.trimBox(PerceptualHash.onWhite(reduced)));
        }

        /** The copy trimmed to {@code trim} (in its own pixels) rather than by its own margins: {@link CornerTrim}. */
        Query(DecodedImage reduced, Margins.Box trim) {
            this(reduced, trim, Math.max(Math.min(reduced.width(), reduced.height()), DefaultGallery.MIN_REDUCED_SIDE));
        }

        /** The copy as a lookup sees it: reduced to the gallery's {@code gallerySide}. */
        Query(DecodedImage reduced, int gallerySide) {
            this(reduced, Margins.trimBox(PerceptualHash.onWhite(reduced)), gallerySide);
        }

        private Query(DecodedImage reduced, Margins.Box trim, int gallerySide) {
            this.gallerySide = gallerySide;
            DecodedImage flat = PerceptualHash.onWhite(reduced);
            this.flatCopy = flat;
            this.trim = trim;
            this.signature = RepostSignature.of(flat, trim, false);
            DecodedImage trimmed = Margins.crop(flat, trim);
            this.coarse = Grid.of(trimmed, SIDE);
            // the fine grid and the edges reduce the trimmed copy as its signature's thumbnail and detail picture did:
            // taken from there, not reduced again (the same bytes)
            this.fine = FINE == RepostSignature.THUMB ? Grid.of(signature.thumb(), FINE) : Grid.of(trimmed, FINE);
            this.flat = fine.flat();
            this.faint = fine.std() < FAINT_STD;
            // only a picture without margins: a mark in a margin is painted over instead (MarginMarks); a light drawing
            // on white with the mark under it was flat beneath the mark and matched another nearly blank drawing
            this.flatBeneathMark = fine.flatBeyondMark() && signature.keptArea() >= FULL_CANVAS;
            this.edges = DetailCheck.Edges.of(trimmed, signature.detail());
            this.tiny = TinyCheck.Pixels.tiny(trimmed) ? TinyCheck.Pixels.of(trimmed) : null;
        }

        /** {@link #onPaper()}'s view: the same copy, its grids scored against a candidate laid on white paper. */
        private Query(Query q) {
            this.gallerySide = q.gallerySide;
            this.flatCopy = q.flatCopy;
            this.trim = q.trim;
            this.signature = q.signature;
            this.coarse = q.coarse.onPaper();
            this.fine = q.fine.onPaper();
            this.flat = q.flat;
            this.faint = q.faint;
            this.flatBeneathMark = q.flatBeneathMark;
            this.edges = q.edges;
            this.tiny = q.tiny;
        }

        /**
         * The copy posed against a candidate laid on white paper: the cells of the grid beyond the candidate's trimmed
         * picture are scored as white, not left out. For a picture whose trim is a filled shape on a page, turned on its
         * canvas: inside the shape its grey says little (the European flag's blue field, its stars a few cells of the
         * coarse grid), and its outline, where the turned copy's white corners and the page's margins meet the shape, is
         * what it shows. Only the pose search: the edges are still judged inside the candidate. Made once, on first use.
         */
        synchronized Query onPaper() {
            if (paperView == null) {
                paperView = new Query(this);
            }
            return paperView;
        }

        /** The turn that lays the copy's strip straight ({@link TurnedStrips#turn}), if it is one; read on first use. */
        synchronized OptionalDouble stripTurn() {
            if (stripTurn == null) {
                stripTurn = TurnedStrips.turn(flatCopy, trim);
            }
            return stripTurn;
        }

        /**
         * The copy laid straight ({@link TurnedStrips#straightened}) where it is a strip turned on its canvas; made on first
         * use, once: the hash stage and the verifier both ask it.
         */
        synchronized Optional<TurnedStrips.Straight> straightened() {
            if (straightened == null) {
                OptionalDouble turn = stripTurn();
                straightened = turn.isPresent()
                        ? Optional.of(TurnedStrips.straightened(flatCopy, trim, turn.getAsDouble())) : Optional.empty();
            }
            return straightened;
        }

        /**
         * The verifier's view of the copy laid straight ({@link #straightened}), made once: both rounds of candidates
         * ({@link CandidateChecks}, {@link CrowdedCrops}) pose on it.
         */
        synchronized Optional<Query> straightQuery() {
            if (straightQuery == null) {
                straightQuery = straightened().map(s -> new Query(s.image(), s.box()));
            }
            return straightQuery;
        }
    }

    private RepostVerifier() {
    }

    /**
     * @param dHashDistance the closest dHash distance of the copy (or its mirror image) to the candidate: the only
     *                      evidence left for flat and faint pictures, whose dHash a re-encode moves by 0-4 bits
     */
    static Optional<Verdict> verify(Query q, RepostSignature candidate, int dHashDistance) {
        return verify(q, candidate, dHashDistance, List.of());
    }

    /**
     * As {@link #verify(Query, RepostSignature, int)}, with more seed windows for the pose search: where a crop
     * window put the copy ({@link #cropSeeds}). The fixed seeds go down to 80 % windows at nine places; a 75 % crop
     * elsewhere starts too far from every one of them for the descent.
     */
    static Optional<Verdict> verify(Query q, RepostSignature candidate, int dHashDistance, List<Pose> seeds) {
        return pose(q, candidate, dHashDistance, seeds).flatMap(found -> judge(q, candidate, found));
    }

    /**
     * The last stage on a pose {@link #pose} found: the edges at that pose (nothing more for flat pictures), and what
     * was edited. The costly step of a lookup (1.4 ms, against 0.1-0.25 ms for the pose search).
     */
    static Optional<Verdict> judge(Query q, RepostSignature candidate, Found found) {
        Optional<Verdict> verdict = judgedAsFound(q, candidate, found);
        if (verdict.isEmpty() || !verdict.get().edits().contains(RepostEdit.CROPPED)) {
            return verdict;
        }
        byte[] levelled = found.levels().apply(candidate.detail());
        Optional<Pose> sized = PageInk.inkSized(q, candidate, verdict.get().pose(), levelled);
        if (sized.isEmpty()) {
            return verdict;
        }
        // a crop the copy's ink refutes (PageInk): the edge step once more from the window of the size the ink implies,
        // the page unmoved where that is nearly the page (a copy of it turned; the same drawing placed elsewhere on it
        // no longer fits there), kept where the ink agrees with the pose it settles on
        return edgesFrom(q, candidate, found, levelled, sized.get())
                .filter(v -> !v.edits().contains(RepostEdit.CROPPED) || !PageInk.shortOfCrop(q, candidate, v.pose(), levelled));
    }

    /** {@link #judge} at the pose found, before the copy's ink is weighed. */
    private static Optional<Verdict> judgedAsFound(Query q, RepostSignature candidate, Found found) {
        if (found.flat()) {
            return Optional.of(new Verdict(1.0, found.named(), Set.of()));
        }
        if (!found.posed()) {
            return Optional.empty(); // a pose only a tiny copy's own check may take (TinyCheck)
        }
        byte[] levelled = found.levels().apply(candidate.detail());
        DetailCheck.Result detail = DetailCheck.best(q.edges, levelled, candidate.aspect(), found.best());
        if (detail.agreement() < ACCEPT && detail.agreement() >= NEARLY && !found.asIs()) {
            Optional<Verdict> fromWhole = edgesFromWhole(q, candidate, found, levelled);
            if (fromWhole.isPresent()) {
                return fromWhole;
            }
        }
        if (detail.agreement() < ACCEPT) {
            return found.asIs() && found.best().mirror() ? unmirroredEdges(q, candidate, found)
                    : !found.asIs() ? untouchedEdges(q, candidate, found) : Optional.empty();
        }
        return named(q, candidate, found, detail.agreement()).map(v -> v.withEdgeTurn(edgeTurn(found, detail.pose())));
    }

    /**
     * The edge agreement from which a failed pose is tried once more from the whole picture ({@link #edgesFromWhole}): a pose
     * a little off, not another picture. For every failed pose, lookups of pictures not stored took 50-53 ms at the 95th
     * percentile at 100k (41-42 without it), past the goal; from 0.75, 41.6 and 42.0, with the same line-art sources found
     * on the five samples (and two more other sources).
     */
    static final double NEARLY = 0.75;

    /**
     * An edited pose whose edges failed by a little ({@link #NEARLY}), the edge step run once more from the whole picture (in
     * the pose's orientation); kept where its edges pass there and the pose it settles on names no stretch. The thumbnails'
     * 16x16 grid does not resolve a small turn of a framed, brightened copy: a playing card's (`simple_d_j`, seed 200
     * border+rotate+bright) settled unturned and 6 % narrow, where the edge step's descent agreed at 0.785, and from the
     * whole picture it turned the copy by 3.4° and agreed at 0.964. A stretched verdict found so is none: from the whole
     * picture a teal blob's page stretched onto the map of Tasmania, and a flowchart square's crop onto pen-width lines
     * (evaluation, seeds 4 and 77: five false duplicates more without that bar; docs/benchmarks.md "The edge step from the
     * whole picture, round 37").
     */
    private static Optional<Verdict> edgesFromWhole(Query q, RepostSignature candidate, Found found, byte[] levelled) {
        return edgesFrom(q, candidate, found, levelled, new Pose(0.5, 0.5, 1, 1, 0, found.best().mirror()));
    }

    /** The edge step run once more from {@code start}, kept as {@link #edgesFromWhole} keeps it. */
    private static Optional<Verdict> edgesFrom(Query q, RepostSignature candidate, Found found, byte[] levelled, Pose start) {
        DetailCheck.Result settled = DetailCheck.best(q.edges, levelled, candidate.aspect(), start);
        if (settled.agreement() < ACCEPT) {
            return Optional.empty();
        }
        Found at = new Found(found.ncc(), settled.pose(), settled.pose(), false, false, found.levels());
        return named(q, candidate, at, settled.agreement()).filter(v -> !v.edits().contains(RepostEdit.STRETCHED));
    }

    /**
     * An edited pose whose edges failed, compared once more untouched, when the thumbnails correlate there too; kept only
     * as an unedited match. On a thin strip one row of trim is a large share of the height: a resized copy of a rack
     * switch drawn 4.4 times as wide as high (70x16 pixels trimmed) posed 4 % lower and 1.5 % taller than its source on the
     * thumbnails, whose edges failed there, and agreed at 0.956 untouched (evaluation, {@code --sample-seed 200}).
     */
    private static Optional<Verdict> untouchedEdges(Query q, RepostSignature candidate, Found found) {
        if (score(q.fine, found.levels().apply(thumb(candidate)), candidate.aspect(), Pose.WHOLE).ncc() < POSE_ACCEPT) {
            return Optional.empty();
        }
        return plainAt(q, candidate, found, Pose.WHOLE);
    }

    /**
     * The turn the edge step's pose ({@code edges}) gives a copy whose edits were named from the untouched pose, when it
     * turns the copy by {@link #TURNED} or more (the way the thumbnails' best pose does, if that turns it at all); 0
     * otherwise. The thumbnails' pose search names an edit only where the untouched pose correlates clearly worse
     * ({@value #UNTOUCHED_MARGIN}), and a copy turned by 3° often does not: a quarter of such copies were listed as the
     * same picture (the evaluation's named column, 0.73-0.79; docs/benchmarks.md, "Does the hit say what was done?"),
     * where the edge step's finer descent (turns of 0.75° and less) finds the turn.
     */
    static double edgeTurn(Found found, Pose edges) {
        Pose best = found.best();
        boolean sameWay = best.theta() == 0 || Math.signum(best.theta()) == Math.signum(edges.theta());
        return found.asIs() && !found.named().turned() && edges.turned() && sameWay ? edges.theta() : 0;
    }

    /**
     * An untouched mirrored pose whose edges failed, compared once more unmirrored; kept only as an unedited match. A copy
     * of a symmetric picture correlates with the picture and its mirror image alike, and the pose search may take the
     * mirror image: a WebP copy of the dashed grid icon {@code border_remove} posed mirrored against its source at 0.978
     * and its edges agreed at 0.949 there, so the source was missed and four sibling grids listed in its place
     * (`--sample-seed 77`). Only an unedited verdict: unmirrored and stretched, a thin pen icon matched a pen of another width
     * (round 9).
     */
    private static Optional<Verdict> unmirroredEdges(Query q, RepostSignature candidate, Found found) {
        return plainAt(q, candidate, found, found.best().unmirrored());
    }

    /**
     * The edge step once more from {@code start}, for a pose whose edges failed ({@link #untouchedEdges},
     * {@link #unmirroredEdges}): an unedited match at {@code found}'s levels where the edges agree, none otherwise.
     */
    private static Optional<Verdict> plainAt(Query q, RepostSignature candidate, Found found, Pose start) {
        DetailCheck.Result detail = DetailCheck.best(q.edges, found.levels().apply(candidate.detail()), candidate.aspect(), start);
        if (detail.agreement() < ACCEPT) {
            return Optional.empty();
        }
        Found plain = new Found(found.ncc(), detail.pose(), Pose.WHOLE, true, false, found.levels());
        return named(q, candidate, plain, detail.agreement()).filter(v -> v.edits().isEmpty());
    }

    /**
     * The verdict at {@code similarity} on the pose found, with the edits that pose names; none for a window of another
     * picture squeezed to fit.
     */
    static Optional<Verdict> named(Query q, RepostSignature candidate, Found found, double similarity) {
        Set<RepostEdit> edits = edits(q, candidate, found.named(), found.asIs());
        // a window of another picture squeezed to fit: striped flags and ruled icons match each other that way
        // (with the crop windows, 5 of 7 new false duplicates on crop 25 %, 10 % and greyscale copies were cropped
        // and stretched at once, docs/benchmarks.md); reposts are cropped or stretched, rarely both, so such a pose is
        // tried unstretched
        if (edits.contains(RepostEdit.CROPPED) && edits.contains(RepostEdit.STRETCHED)) {
            return q.tiny == null ? unstretchedCrop(q, candidate, found) : Optional.empty();
        }
        if (edits.contains(RepostEdit.CROPPED) && CropColours.recoloured(q, candidate, found.named(), edits)) {
            return Optional.empty();
        }
        // the same small drawing elsewhere on another page the store kept whole: a sibling, not the copy's page
        if (WholePages.elsewhere(q, candidate, found.named())) {
            return Optional.empty();
        }
        return Optional.of(new Verdict(similarity, found.named(), edits));
    }

    /**
     * Whether {@code found} names a crop that is also stretched and nothing keeps it from being a copy but that: its
     * colours are the candidate's part's ({@link CropColours}) and it is not a drawing elsewhere on its page
     * ({@link WholePages}). On a picture the thumbnails do not fix one way, the descent drifts along it: a quarter crop of
     * Nicaragua's flag (two blue stripes, the emblem a few cells) settled 0.93 of the flag wide where the crop kept 0.75,
     * and a crop of a diode drawing 13 % short, both named stretched and refused; from their crop rectangles their edges
     * agree at 0.986 and 0.965 (fresh seed 1234, docs/benchmarks.md "Drifted crops, round 40"). Not a page the store kept
     * whole with a small drawing on it ({@link WholePages#keptWholePage}): its crop rectangles are mostly paper and fit
     * any blob, and a teal map symbol's quarter crop listed a bullet hole so (seed 4).
     */
    static boolean stretchedCropOnly(Query q, RepostSignature candidate, Found found) {
        Set<RepostEdit> edits = edits(q, candidate, found.named(), found.asIs());
        return edits.contains(RepostEdit.CROPPED) && edits.contains(RepostEdit.STRETCHED)
                && !WholePages.keptWholePage(candidate)
                && !CropColours.recoloured(q, candidate, found.named(), edits) && !WholePages.elsewhere(q, candidate, found.named());
    }

    /**
     * How far (log of width over height) a stretched crop's window may be from its copy's aspect for
     * {@link #unstretchedCrop} to try it unstretched: a little past {@link #STRETCH}, where a window of ambiguous size
     * lies. Without this bound and the pose search's own range ({@link Pose#MIN_SIZE}), a small blob of a map symbol,
     * posed 0.70 by 0.71 of a bullet hole, matched it at 0.84 by 0.59 unstretched (evaluation, seed 4, crop+resize+JPEG).
     */
    private static final double UNSTRETCHED_REACH = 2 * STRETCH;

    /**
     * A crop the thumbnails posed stretched, compared once more at the window of the same area and place that keeps the
     * copy's aspect, without a descent that would stretch it again; kept only where the thumbnails and the edges agree
     * there. A crop of a two-by-two checkerboard (a signal flag) fits the flag at many window sizes each way, as long as
     * the squares meet where the copy's do: the pose search took one 0.71 wide and 0.60 high, named cropped and
     * stretched, and the flag was missed (evaluation, seed 200); unstretched, its edges agree at 0.97. Not for a tiny
     * copy ({@link Query#tiny}): a thin line fits a line of another width once its window may change shape (a greyscale
     * pen-width icon listed the solid pen style so, at 0.969, seed 77).
     */
    private static Optional<Verdict> unstretchedCrop(Query q, RepostSignature candidate, Found found) {
        Pose p = found.named();
        double ratio = q.signature.aspect() / candidate.aspect(); // a window's width over height, as shares, unstretched
        double sh = Math.sqrt(p.sw() * p.sh() / ratio), sw = ratio * sh;
        if (p.stretch(q.signature.aspect(), candidate.aspect()) > UNSTRETCHED_REACH || Math.min(sw, sh) < Pose.MIN_SIZE
                || Math.max(sw, sh) > 1) {
            return Optional.empty();
        }
        Pose start = new Pose(clamp(p.cx(), sw / 2, 1 - sw / 2), clamp(p.cy(), sh / 2, 1 - sh / 2), sw, sh, p.theta(), p.mirror());
        if (score(q.fine, found.levels().apply(thumb(candidate)), candidate.aspect(), start).ncc() < POSE_ACCEPT) {
            return Optional.empty();
        }
        DetailCheck.Result detail = DetailCheck.at(q.edges, found.levels().apply(candidate.detail()), candidate.aspect(), start);
        if (detail.agreement() < ACCEPT) {
            return Optional.empty();
        }
        // the window keeps the copy's aspect, so no stretch is named
        Set<RepostEdit> edits = edits(q, candidate, start, false);
        if (CropColours.recoloured(q, candidate, start, edits)) {
            return Optional.empty();
        }
        return Optional.of(new Verdict(detail.agreement(), start, edits));
    }

    /**
     * What the thumbnails say (stages 2a-2b of docs/benchmarks.md): the pose at which the copy correlates with the
     * candidate, when it reaches {@value #POSE_ACCEPT}.
     *
     * @param best  the best pose found, where the edges are compared
     * @param named the pose the edits are named from: the untouched one unless the best is clearly better
     * @param flat  both pictures are flat: nothing more to compare
     * @param levels the brightness / contrast change the copy shows against the candidate, which the edge step applies
     *               to the candidate first
     */
    record Found(double ncc, Pose best, Pose named, boolean asIs, boolean flat, Levels levels) {
        /** Whether the thumbnails reached {@link #POSE_ACCEPT}, the bar of the edge step (a tiny copy's pose may be below). */
        boolean posed() {
            return flat || ncc >= POSE_ACCEPT;
        }
    }

    static Optional<Found> pose(Query q, RepostSignature candidate, int dHashDistance) {
        return pose(q, candidate, dHashDistance, List.of());
    }

    /**
     * Where the copy may lie in the candidate's trimmed picture (where the verifier works) if it is crop window
     * {@code window} ({@link CropWindows}, a window of the whole picture): the part of the window inside the candidate's
     * trim box, as the copy's own trim keeps it when the crop left only margin at its edges. The fixed seeds go down to
     * 80 % windows at nine places; a 75 % crop elsewhere starts too far from all of them for the descent. (Two more
     * seeds, the copy's own trimmed part of the window and the whole window, found 1 more of 124 quarter crops but
     * listed more look-alikes: greyscale and brightness 0.056 to 0.065 false duplicates per query, docs/benchmarks.md.)
     */
    static List<Pose> cropSeeds(RepostSignature candidate, int window) {
        double[] c = CropWindows.centre(window);
        double half = CropWindows.SIDE / 2;
        return windowSeeds(candidate, c[0] - half, c[1] - half, c[0] + half, c[1] + half);
    }

    /**
     * Where the copy may lie in the candidate's trimmed picture if it is the window {@code x0, y0, x1, y1} (shares of the
     * whole picture): the part of the window inside the candidate's trim box, as {@link #cropSeeds}.
     */
    static List<Pose> windowSeeds(RepostSignature candidate, double wx0, double wy0, double wx1, double wy1) {
        float[] b = candidate.box();
        double x0 = Math.max(wx0, b[0]), x1 = Math.min(wx1, b[2]);
        double y0 = Math.max(wy0, b[1]), y1 = Math.min(wy1, b[3]);
        return x1 > x0 && y1 > y0 && b[2] > b[0] && b[3] > b[1] ? List.of(box(x0, y0, x1, y1, b)) : List.of();
    }

    /** The pose of the box {@code x0, y0, x1, y1} (shares of the whole picture) in the trimmed picture at {@code trim}. */
    static Pose box(double x0, double y0, double x1, double y1, float[] trim) {
        double bw = trim[2] - trim[0], bh = trim[3] - trim[1];
        return new Pose(((x0 + x1) / 2 - trim[0]) / bw, ((y0 + y1) / 2 - trim[1]) / bh, (x1 - x0) / bw, (y1 - y0) / bh, 0, false);
    }

    /**
     * Whether {@code pose}, a mirrored one, fits the copy better than the same pose unmirrored, by {@link #MIRROR_MARGIN} or
     * more on the fine grid. The search keeps the orientation the untouched window prefers, and a copy of a picture that is
     * its own mirror image (a dotted grid, an arrow pointing up) prefers either by a hair, so such copies were named
     * mirrored (docs/benchmarks.md, "Mirrored copies named, round 19").
     */
    static boolean mirrorSeen(Query q, RepostSignature candidate, Pose pose) {
        float[] thumb = thumb(candidate);
        return pose.mirror() && score(q.fine, thumb, candidate.aspect(), pose).ncc()
                >= score(q.fine, thumb, candidate.aspect(), pose.unmirrored()).ncc() + MIRROR_MARGIN;
    }

    /**
     * Smaller than the margin by which other edits are named ({@value #UNTOUCHED_MARGIN}): at that margin a mirrored copy of
     * a picture only nearly its own mirror image (a face, a building's front) was named unmirrored too, and the evaluation's
     * named column, mirror, fell 0.975-1.000 to 0.933-0.960 (not-stars); at this one no copy was named worse.
     */
    static final double MIRROR_MARGIN = 0.01;

    /**
     * The brightness / contrast change the copy shows against {@code candidate} at {@code pose}, when it takes part of the
     * range past white or black ({@link Levels#clamps}); {@link Levels#NONE} otherwise. As the pose search fits it.
     */
    static Levels clampingLevels(Query q, RepostSignature candidate, Pose pose) {
        Levels fitted = levelsAt(q, thumb(candidate), candidate.aspect(), pose);
        return fitted.clamps() ? fitted : Levels.NONE;
    }

    /** A copy whose trimmed picture keeps under this share of the candidate's kept area (of its canvas) is named bordered. */
    static final double BORDER_KEPT = 0.92;
    /** A pose this much wider or taller than the candidate reaches past it: named bordered. */
    static final double BEYOND = 1.1;

    /** The candidate's thumbnail as floats, the picture {@link #coarse} samples. */
    static float[] thumb(RepostSignature candidate) {
        return levels(candidate.thumb());
    }

    private static float[] levels(byte[] grey) {
        float[] thumb = new float[grey.length];
        for (int i = 0; i < thumb.length; i++) {
            thumb[i] = grey[i] & 0xFF;
        }
        return thumb;
    }

    /** Whether a {@value RepostSignature#THUMB}-wide grey thumbnail is flat, as {@link #pose} takes a candidate's. */
    static boolean flat(byte[] thumb) {
        return spread(levels(thumb)) < FLAT_STD;
    }

    /** The correlation of the copy's coarse grid with {@code thumb} sampled through {@code pose}: the pose search's score. */
    static double coarse(Query q, float[] thumb, float aspect, Pose pose) {
        return score(q.coarse, thumb, aspect, pose).ncc();
    }

    static Optional<Found> pose(Query q, RepostSignature candidate, int dHashDistance, List<Pose> seeds) {
        return pose(q, candidate, dHashDistance, dHashDistance, seeds);
    }

    /**
     * As {@link #pose(Query, RepostSignature, int, List)}, with the evidence a faint picture needs besides the correlation
     * given apart: for a candidate a crop window found, that window's distance ({@link HashRows.Near#faintEvidence}).
     */
    static Optional<Found> pose(Query q, RepostSignature candidate, int dHashDistance, int faintEvidence, List<Pose> seeds) {
        return pose(q, candidate, dHashDistance, faintEvidence, seeds, Reach.USUAL);
    }

    /**
     * How far the pose search may go beyond its usual rules; the wider ones only for one candidate in a lookup where no
     * candidate passed ({@link CropSeedCheck}).
     *
     * @param part           the descent moves a seed's size below the search's range on ({@link Pose#withPart})
     * @param unturnedOnFine where the grids disagree, the pose searched again on the fine grid is taken also when it is
     *                       not turned
     */
    record Reach(boolean part, boolean unturnedOnFine) {
        static final Reach USUAL = new Reach(false, false);
        static final Reach PART = new Reach(true, false);
        static final Reach UNTURNED_ON_FINE = new Reach(false, true);
    }

    /** As {@link #pose(Query, RepostSignature, int, int, List)}, going as far as {@code reach}. */
    static Optional<Found> pose(Query q, RepostSignature candidate, int dHashDistance, int faintEvidence, List<Pose> seeds,
                                Reach reach) {
        float[] thumb = thumb(candidate);
        double std = spread(thumb);
        boolean flat = std < FLAT_STD;
        // a flat picture with a text mark over it (a gradient with a site's watermark) is flat beneath the mark
        boolean queryFlat = q.flat || flat && q.flatBeneathMark;
        if (flat || queryFlat) {
            // a faint drawing thumbnails as flat too: every one would match every other without the dHash
            if (flat && queryFlat && !EmptyPages.blank(candidate.colour())
                    && colourDistance(q.signature.colour(), candidate.colour()) < 12 && dHashDistance <= FLAT_DHASH) {
                return Optional.of(new Found(1.0, Pose.WHOLE, Pose.WHOLE, true, true, Levels.NONE));
            }
            return fadedToFlat(q, std, dHashDistance) ? Optional.of(FADED_AS_IS) : Optional.empty();
        }
        if ((std < FAINT_STD || q.faint) && faintEvidence > FAINT_DHASH) {
            return Optional.empty(); // too little contrast for the correlation alone to vouch
        }
        Scored best = bestSeed(q, thumb, candidate.aspect(), seeds);
        // the descent is most of the cost: from the best seed only, and only when it is plausible at all
        if (best.ncc() >= PLAUSIBLE) {
            best = descend(q.coarse, thumb, candidate.aspect(), best, reach.part());
        }
        if (best.pose().mirror() && best.pose().turned() && best.ncc() >= POSE_ACCEPT - COARSE_SLACK) {
            best = unmirrored(q, thumb, candidate.aspect(), best);
        }
        // not for a tiny copy, which TinyCheck poses at its own pixels: there a look-alike posed so outscored a quarter note's
        // source in a crop+resize+JPEG copy of 27 px
        if (q.tiny == null && best.pose().turned() && best.ncc() >= POSE_ACCEPT - COARSE_SLACK) {
            best = wholeTurned(q, thumb, candidate.aspect(), best);
        }

        if (best.ncc() < POSE_ACCEPT - COARSE_SLACK) {
            return Optional.empty();
        }
        // a brightened or contrasted copy clamps what the candidate shows near white or black: the candidate is judged at
        // the copy's levels from here on (Levels)
        Levels fitted = levelsAt(q, thumb, candidate.aspect(), best.pose());
        Levels levels = fitted.clamps() ? fitted : Levels.NONE;
        Scored fine = score(q.fine, thumb, candidate.aspect(), best.pose());
        float[] seen = thumb;
        if (!levels.none()) {
            // only when the thumbnail correlates better at those levels: a resized copy's histogram fits levels too
            // (its thin lines grey out), and applied they cost a resized icon its pose (docs/benchmarks.md)
            float[] atLevels = levels.apply(thumb);
            Scored at = score(q.fine, atLevels, candidate.aspect(), best.pose());
            if (at.ncc() > fine.ncc()) {
                fine = at;
                seen = atLevels;
            } else {
                levels = Levels.NONE;
            }
        }
        // the descent drifts a little on a plain copy; an edit is named only when the untouched pose is clearly worse
        Scored untouched = score(q.fine, seen, candidate.aspect(), new Pose(0.5, 0.5, 1, 1, 0, best.pose().mirror()));
        if (untouched.ncc() > fine.ncc()) {
            fine = untouched;
        }
        if (fine.ncc() < POSE_ACCEPT) {
            // the coarse grid does not resolve a small turn: a copy turned by 4° in a border correlated there at 0.85-0.97
            // unturned, where the fine grid said 0.55-0.80, and 0.89-0.98 at the turn (docs/benchmarks.md, turned copies
            // round 8); so where the two grids disagree the pose is searched again on the fine one, from the coarse pose.
            // Only a turned pose found so is taken: with any, blur, text watermark and watermark top-left lost a query each
            // on the full evaluation (a watermarked copy's source is tried unmarked only where the copy as posted has no pose)
            Scored refined = descend(q.fine, seen, candidate.aspect(), score(q.fine, seen, candidate.aspect(), best.pose()));
            if (refined.ncc() > fine.ncc() && (refined.pose().turned() || reach.unturnedOnFine())) {
                fine = refined;
            }
        }
        // a tiny copy's pose is judged at the copy's own size as well (TinyCheck): its 32x32 grid is an enlargement of
        // 15-30 pixels, on which the true source correlated at 0.73-0.85 in a diagnosis (docs/benchmarks.md, tiny copies)
        if (fine.ncc() < (q.tiny == null ? POSE_ACCEPT : TinyCheck.POSE)) {
            return Optional.empty();
        }
        boolean asIs = fine.ncc() - untouched.ncc() < UNTOUCHED_MARGIN;
        Pose named = asIs ? untouched.pose() : fine.pose();
        // a crop changes the mean colour (it cuts coloured areas away): for an edited pose the copy is compared with the
        // candidate's colours inside the pose, and more loosely (compared with the whole candidate's mean, 2 of 20
        // quarter crops of flags the crop windows found were rejected)
        byte[] colours = asIs ? candidate.colour() : coloursInside(candidate, fine.pose());
        double tolerance = asIs ? HUE_TOLERANCE : 2 * HUE_TOLERANCE;
        // for an edited pose only when the thumbnails say the copy's levels were clearly edited: a crop's colours
        // sampled from the candidate's 4x4 grid fit levels of their own against the copy's grid (the synthetic 100k
        // lookup lost a cropped copy to the strict tolerance); the grids of an untouched pose are of the same cells
        Levels channels = asIs || fitted.closer() >= EDITED_LEVELS ? Levels.fitColours(q.signature.colour(), colours) : Levels.NONE;
        if (!channels.none()) {
            // the colours at the copy's levels, channel by channel; as strict as for an untouched pose (the wider
            // tolerance is for the colours a crop cuts away, and a lifted look-alike LED in another colour got within it)
            colours = channels.apply(colours);
            tolerance = HUE_TOLERANCE;
        }
        // a copy turned in place trims to the turned picture's bounding box, with the canvas's fill in its corners; one that is
        // stretched as well is no such copy (with it, a turned signal flag matched the Russian flag's lower two stripes, seed 200)
        boolean turnedInPlace = !asIs && fine.pose().turned() && !fine.pose().stretches(q.signature.aspect(), candidate.aspect());
        double thinnedTo = turnedInPlace ? insideShare(candidate, fine.pose()) : 1;
        if (!sameColours(q.signature.colour(), colours, tolerance, thinnedTo)) {
            return Optional.empty();
        }
        // a faint picture vouched for by its crop window alone must be named cropped and nothing else: a faint star-rating
        // row's brightened copy matched its sibling that way, cropped and bordered, ahead of its source (evaluation: brightness
        // +20 % 0.952 -> 0.944; a pose that is only geometrically a crop let it through too, its border named from the
        // kept area; docs/benchmarks.md, crop 25 % round 9)
        if ((std < FAINT_STD || q.faint) && dHashDistance > FAINT_DHASH
                && !edits(q, candidate, named, asIs).equals(EnumSet.of(RepostEdit.CROPPED))) {
            Optional<Scored> crop = asIs ? Optional.empty() : unturnedCrop(q, seen, candidate, fine);
            if (crop.isEmpty()) {
                return Optional.empty();
            }
            fine = crop.get();
            named = fine.pose();
        }
        return Optional.of(new Found(fine.ncc(), fine.pose(), named, asIs, false, levels));
    }

    /**
     * Whether the copy thumbnails as flat where the candidate, faint ({@value #FAINT_STD}) but not flat, does not: a thin
     * outline brightened. A lift of a fifth turns the light grey its thin lines leave in a thumbnail's cells white, while
     * the lines themselves, dark, stay: a map of Finland, a 1-pixel outline on an A4 page, thumbnailed at 4.97 levels of
     * spread and its brightened copy under {@value #FLAT_STD}, so no pose was searched and the copy, its hashes 0 bits
     * from its source's, listed nothing (kept-back seed 3333, brightness +20 %). Such a copy is only posed as it is
     * ({@link #FADED_AS_IS}) and judged by its edges, finer than the thumbnail, at the usual bar; and only where the dHash,
     * which keeps a faint drawing's outline, agrees as for two flat pictures ({@value #FLAT_DHASH} bits). There the map's
     * edges agree at 0.990. Not for a tiny copy ({@link Query#tiny}), which {@link TinyCopies} judges at its own pixels
     * from any pose it is given: a 1-pixel line of a pen-width icon, contrasted, fitted a stripe's edge of Bulgaria's flag
     * so at 1.000 (evaluation, line art of fourteen seeds, two such false duplicates in a first version).
     */
    private static boolean fadedToFlat(Query q, double candidateSpread, int dHashDistance) {
        return q.flat && q.tiny == null && candidateSpread >= FLAT_STD && candidateSpread < FAINT_STD && dHashDistance <= FLAT_DHASH;
    }

    /**
     * The pose of a copy faded to flat ({@link #fadedToFlat}): the whole candidate as it is. Its correlation is the pose
     * step's bar, as the thumbnails cannot say more.
     */
    private static final Found FADED_AS_IS = new Found(POSE_ACCEPT, Pose.WHOLE, Pose.WHOLE, true, false, Levels.NONE);

    /**
     * For a faint picture in colour vouched for by its crop window alone ({@link #pose}'s last rule): the pose turned, placed
     * and sized once more unturned on the fine grid, when that pose names a crop and nothing else and the grids correlate
     * there. A crop window is the picture unturned; on a picture that turning barely changes the search may settle turned: a
     * quarter crop of Bangladesh's flag (a red disc on a green field of nearly the same grey, so faint) correlated at 0.996
     * turned by 9° and was refused as rotated; placed unturned, its edges agree at 0.995 (fresh seed 1234, docs/benchmarks.md
     * "Drifted crops, round 40"). Only for a copy clearly in colour ({@link #COLOURFUL} twice over), faint in its grey
     * alone: grey star polygons, alike at many turns, then fitted one another's crops unturned (fresh seeds, crop 25 %:
     * 31 more star false duplicates for any faint copy).
     */
    private static Optional<Scored> unturnedCrop(Query q, float[] thumb, RepostSignature candidate, Scored turned) {
        Pose p = turned.pose();
        if (chroma(q.signature.colour()) < 2 * COLOURFUL || !p.turned()
                || !edits(q, candidate, p, false).equals(EnumSet.of(RepostEdit.ROTATED, RepostEdit.CROPPED))) {
            return Optional.empty();
        }
        Pose start = new Pose(p.cx(), p.cy(), p.sw(), p.sh(), 0, p.mirror());
        Scored placed = descend(q.fine, thumb, candidate.aspect(), score(q.fine, thumb, candidate.aspect(), start), false, UNTURNED);
        return placed.ncc() >= POSE_ACCEPT && edits(q, candidate, placed.pose(), false).equals(EnumSet.of(RepostEdit.CROPPED))
                ? Optional.of(placed) : Optional.empty();
    }

    /**
     * The brightness / contrast change from the candidate's thumbnail to the copy's, over the cells of the copy's
     * {@value #FINE}x{@value #FINE} thumbnail that {@code pose} puts inside the candidate.
     */
    private static Levels levelsAt(Query q, float[] thumb, float aspect, Pose pose) {
        boolean[] inside = new boolean[FINE * FINE];
        float[] sampled = sample(thumb, RepostSignature.THUMB, FINE, aspect, pose, inside);
        byte[] own = q.signature.thumb();
        float[] copy = new float[FINE * FINE];
        for (int y = 0; y < FINE; y++) {
            for (int x = 0; x < FINE; x++) {
                copy[y * FINE + x] = own[y * FINE + (pose.mirror() ? FINE - 1 - x : x)] & 0xFF;
            }
        }
        return Levels.fit(copy, sampled, inside);
    }

    record Scored(Pose pose, double ncc) {
    }

    /**
     * The best starting window. One orientation is searched, the one the untouched window prefers (half the cost of
     * both; not measured separately for recall). A rotated copy scores low at every unrotated window, so the three
     * best windows are also tried turned both ways by {@link #SEED_TURN}, and when no start is yet {@link #PLAUSIBLE},
     * by half of it: a wide drawing turned by 4° (a garden cultivator 3.1 times as wide as high, framed) correlated at
     * 0.62 at its best window and turned 6°, and at 0.77 turned 3°, from where the descent found it at 0.94 (seed 123).
     * Only then: taken wherever they scored best, the half turns led the descent of two copies turned 4° away from their
     * sources' poses. And only from a best start of {@link #HALF_TURN_FROM}: from any, they made the pose search of the
     * candidates that are not the copy's source a quarter dearer at 100k (0.077 to 0.095-0.117 ms; from 0.5, 0.081)
     * (docs/benchmarks.md, "Wide drawings turned, round 29").
     */
    private static Scored bestSeed(Query q, float[] thumb, float aspect, List<Pose> extra) {
        boolean mirror = score(q.coarse, thumb, aspect, new Pose(0.5, 0.5, 1, 1, 0, true)).ncc()
                > score(q.coarse, thumb, aspect, Pose.WHOLE).ncc();
        List<Scored> seeds = new ArrayList<>();
        seeds.add(score(q.coarse, thumb, aspect, new Pose(0.5, 0.5, 1, 1, 0, mirror)));
        seeds.add(score(q.coarse, thumb, aspect, new Pose(0.5, 0.5, 1.15, 1.15, 0, mirror)));
        extra.forEach(p -> seeds.add(score(q.coarse, thumb, aspect, p)));
        // a picture framed or on a grown canvas and then turned trims to the turned picture's bounding box: started from the
        // whole picture turned at its own size, or from unturned windows, such copies of a thin pen icon, a pattern and a
        // page with one letter found no pose (best start 0.51) or settled unturned (edges 0.79-0.90); from this start,
        // border+rotate+bright found 3 more sources of 125 on a diagnosis sample (seed 77; docs/benchmarks.md, round 10)
        for (int sign = -1; sign <= 1; sign += 2) {
            seeds.add(score(q.coarse, thumb, aspect, Pose.turnedCanvas(sign * SEED_TURN, aspect, mirror)));
        }
        for (double s : new double[]{0.9, 0.8}) {
            double off = (1 - s) / 2;
            for (double cy = 0.5 - off; cy <= 0.5 + off + 1e-9; cy += off) {
                for (double cx = 0.5 - off; cx <= 0.5 + off + 1e-9; cx += off) {
                    seeds.add(score(q.coarse, thumb, aspect, new Pose(cx, cy, s, s, 0, mirror)));
                }
            }
        }
        seeds.sort(Comparator.comparingDouble(Scored::ncc).reversed());
        List<Scored> top = List.copyOf(seeds.subList(0, 3));
        turnedBy(q, thumb, aspect, top, SEED_TURN, seeds);
        Scored best = seeds.stream().max(Comparator.comparingDouble(Scored::ncc)).orElseThrow();
        if (best.ncc() >= PLAUSIBLE || best.ncc() < HALF_TURN_FROM) {
            return best;
        }
        turnedBy(q, thumb, aspect, top, SEED_TURN / 2, seeds);
        return seeds.stream().max(Comparator.comparingDouble(Scored::ncc)).orElseThrow();
    }

    /** Adds each of {@code starts} turned by {@code turn} either way, scored, to {@code seeds}. */
    private static void turnedBy(Query q, float[] thumb, float aspect, List<Scored> starts, double turn, List<Scored> seeds) {
        for (Scored start : starts) {
            for (int sign = -1; sign <= 1; sign += 2) {
                seeds.add(score(q.coarse, thumb, aspect, start.pose().with(4, sign * turn)));
            }
        }
    }

    /**
     * A mirrored pose searched once more unmirrored, from its reflection, and the one the fine grid prefers. The orientation
     * is chosen at the untouched window, and a turned copy of a nearly symmetric picture (a house, a baby penguin, a drum,
     * a striped flag) correlated there with its mirror image as well or better (0.86-0.96 against 0.69-0.85): the descent
     * then settled on the mirror image turned the other way, which the coarse grid scores as high as the true pose, where
     * the edges agreed at 0.77-0.94 against 0.97-0.99 (docs/benchmarks.md, turned and small copies round 9). A mirror image
     * turned by θ about its centre is the picture turned by -θ with the centre reflected. Only for turned poses: for
     * unturned ones (a mirrored copy) a thin pen icon matched a pen of another width unmirrored and stretched at 0.98.
     * Only this way: the other (an unmirrored pose searched mirrored) lost a turned suitcase and a callout, whose mirrored
     * poses the fine grid preferred by a little and whose edges then failed.
     */
    private static Scored unmirrored(Query q, float[] thumb, float aspect, Scored best) {
        Pose p = best.pose();
        Scored other = descend(q, thumb, aspect, score(q.coarse, thumb, aspect, p.unmirrored()));
        return score(q.fine, thumb, aspect, other.pose()).ncc() > score(q.fine, thumb, aspect, p).ncc() ? other : best;
    }

    /**
     * A turned pose searched once more from the whole picture turned by the same angle, and the one the fine grid prefers.
     * A copy turned on its own canvas is the whole picture turned about its centre, but the descent from a window seed
     * settled a few per cent off in width or place (a framed arrow at 87 % of its width, coarse 0.85, edges 0.89; the whole
     * picture turned: 0.92 and 0.98; docs/benchmarks.md, turned and small copies round 9). Preferring the better coarse
     * score instead lost a turned drawing on another sample (seed 91, rotate 3°) and listed one more look-alike.
     */
    private static Scored wholeTurned(Query q, float[] thumb, float aspect, Scored best) {
        Pose p = best.pose();
        Scored other = descend(q, thumb, aspect, score(q.coarse, thumb, aspect, new Pose(0.5, 0.5, 1, 1, p.theta(), p.mirror())));
        // a descent from the whole picture that ends in a crop or a stretch found some other fit than the whole picture
        // turned: small look-alike icons (a note and a sound icon, a round and a bevelled join) matched so, cropped, at
        // 0.95-0.96, and a crop of a flag a thin pen icon, stretched, at 0.999
        boolean wholeStill = !other.pose().cropped() && !other.pose().stretches(q.signature.aspect(), aspect);
        return wholeStill && score(q.fine, thumb, aspect, other.pose()).ncc() > score(q.fine, thumb, aspect, p).ncc() ? other : best;
    }

    /**
     * {@code found} with its pose searched once more on the fine grid, from where the coarse search settled, at the levels
     * it fitted: for {@link CropSeedCheck}, whose candidate's edges failed at a pose the 16x16 grid placed a few per cent
     * off the crop.
     */
    static Found refinedOnFine(Query q, RepostSignature candidate, Found found) {
        return onFine(q, candidate, found.levels(), found.best());
    }

    /**
     * The pose searched on the fine grid from the best-scoring of {@code starts} only: a quarter of the cost of searching
     * from each of four starts, as {@link TurnedRetry} does. For {@link TurnedStarts}, which runs in every lookup that found
     * nothing, so above all in lookups of pictures the gallery does not hold.
     */
    static Found onFineFromBestStart(Query q, RepostSignature candidate, Levels levels, Stream<Pose> starts) {
        float[] thumb = levels.apply(thumb(candidate));
        Scored start = starts.map(p -> score(q.fine, thumb, candidate.aspect(), p)).max(Comparator.comparingDouble(Scored::ncc))
                .orElseThrow();
        return onFine(q, thumb, candidate.aspect(), levels, start);
    }

    /** The coarse correlation of the copy with the candidate's picture sampled through {@code pose}: a cheap first look. */
    static double fitAt(Query q, RepostSignature candidate, Pose pose) {
        return score(q.coarse, thumb(candidate), candidate.aspect(), pose).ncc();
    }

    /** The pose searched on the fine grid from {@code start}, the candidate taken at {@code levels}. */
    static Found onFine(Query q, RepostSignature candidate, Levels levels, Pose start) {
        float[] thumb = levels.apply(thumb(candidate));
        return onFine(q, thumb, candidate.aspect(), levels, score(q.fine, thumb, candidate.aspect(), start));
    }

    /** The fine-grid descent from {@code start} over the candidate's thumbnail as {@code levels} left it. */
    private static Found onFine(Query q, float[] thumb, float aspect, Levels levels, Scored start) {
        Scored refined = descend(q.fine, thumb, aspect, start);
        return new Found(refined.ncc(), refined.pose(), refined.pose(), false, false, levels);
    }

    private static Scored descend(Query q, float[] thumb, float aspect, Scored start) {
        return descend(q.coarse, thumb, aspect, start, false);
    }

    private static Scored descend(Grid grid, float[] thumb, float aspect, Scored start) {
        return descend(grid, thumb, aspect, start, false);
    }

    /**
     * The pose {@code start} moved on the fine grid in place only, its size and turn kept, for a copy whose size on the
     * candidate the crop's geometry gives ({@link UntrimmedPages}): on a page mostly blank, every size and turn fits the
     * drawing about as well, and the free descent settled turned by 8° and stretched (a turtle's quarter crop).
     */
    static Found placedOnFine(Query q, RepostSignature candidate, Pose start) {
        float[] thumb = thumb(candidate);
        Scored placed = descend(q.fine, thumb, candidate.aspect(), score(q.fine, thumb, candidate.aspect(), start), false, PLACE);
        return new Found(placed.ncc(), placed.pose(), placed.pose(), false, false, Levels.NONE);
    }

    /** The pose's parameters {@link Pose#with} moves, in order: centre x and y, width, height, turn. */
    private static final int PLACE = 2, UNTURNED = 4, ALL = 5;

    /** Whether a faint copy or candidate lacks the evidence besides the correlation that {@link #pose} asks of it. */
    static boolean unvouched(Query q, RepostSignature candidate, int faintEvidence) {
        return (spread(thumb(candidate)) < FAINT_STD || q.faint) && faintEvidence > FAINT_DHASH;
    }

    /** The standard deviation of a thumbnail's grey levels. */
    private static double spread(float[] thumb) {
        double mean = 0;
        for (float t : thumb) {
            mean += t;
        }
        mean /= thumb.length;
        double ss = 0;
        for (float t : thumb) {
            ss += (t - mean) * (t - mean);
        }
        return Math.sqrt(ss / thumb.length);
    }

    private static Scored descend(Grid grid, float[] thumb, float aspect, Scored start, boolean part) {
        return descend(grid, thumb, aspect, start, part, ALL);
    }

    /**
     * The pose descent over the first {@code params} of the pose's parameters; {@code part}: sizes below the search's range
     * move on ({@link Pose#withPart}).
     */
    private static Scored descend(Grid grid, float[] thumb, float aspect, Scored start, boolean part, int params) {
        double[] steps = {0.04, 0.04, 0.06, 0.06, Math.toRadians(4)};
        Scored best = start;
        // a move that undoes the last one, or one a size's bound stops, lands on a pose scored already (a fifth of the
        // descent's moves at 100k, DuplicateLookupScaleTest): its score is taken, not computed again (the same bits, as
        // the score is a function of the pose alone for one grid and thumbnail)
        Map<Pose, Scored> scored = new HashMap<>();
        scored.put(start.pose(), start);
        for (int round = 0; round < 3; round++) {
            boolean improved = true;
            for (int it = 0; improved && it < 4; it++) {
                improved = false;
                for (int p = 0; p < params; p++) {
                    for (int sign = -1; sign <= 1; sign += 2) {
                        Pose moved = part ? best.pose().withPart(p, sign * steps[p]) : best.pose().with(p, sign * steps[p], aspect);
                        Scored s = scored.computeIfAbsent(moved, m -> score(grid, thumb, aspect, m));
                        if (s.ncc() > best.ncc() + 1e-4) {
                            best = s;
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

    /** The grey of the paper a candidate is laid on ({@link Query#onPaper}). */
    private static final double PAPER = 255;

    /**
     * Normalised correlation of the query grid with the candidate's thumbnail sampled through {@code pose}, over the
     * grid cells that land inside the candidate: the rest (the filled corners of a rotated copy, an added border or
     * caption) is not in the source at all; or, for a grid {@link Grid#againstPaper against paper}, white. Fewer than
     * {@value #MIN_INSIDE} of the cells inside scores 0.
     */
    private static Scored score(Grid grid, float[] thumb, float aspect, Pose pose) {
        return score(grid, thumb, aspect, pose, false);
    }

    /**
     * {@link #score}, each cell's place on the thumbnail computed from its column's and row's terms, or, for an unturned
     * pose unless {@code perCell}, worked out once per column and row ({@link Places}), bit for bit the same. Three in
     * four of a lookup's scores are of unturned poses (the seeds' windows, the crop hypotheses), and sampling per cell
     * was a third of the CPU of a lookup of a picture the gallery does not hold at 100k (JFR, DuplicateLookupScaleTest;
     * docs/benchmarks.md, "Lookups that find nothing, round 51").
     */
    static Scored score(Grid grid, float[] thumb, float aspect, Pose pose, boolean perCell) {
        double[] g = pose.mirror() ? grid.mirrored() : grid.values();
        int side = grid.side();
        double cos = Math.cos(pose.theta()), sin = Math.sin(pose.theta());
        int t = RepostSignature.THUMB;
        Axes axes = new Axes(side, aspect, pose, cos, sin);
        Places places = perCell || pose.theta() != 0 ? null : Places.of(pose, side, aspect, t, axes, sin, cos);
        double sq = 0, sqq = 0, ss = 0, sss = 0, sqs = 0;
        int n = 0, inside = 0;
        for (int v = 0; v < side; v++) {
            double dy = ((v + 0.5) / side - 0.5) * pose.sh();
            double sinDy = sin * dy, cosDy = cos * dy;
            for (int u = 0; u < side; u++) {
                boolean beyond;
                double s;
                if (places != null) {
                    beyond = places.beyond(u, v);
                    s = beyond ? PAPER : places.at(thumb, u, v);
                } else {
                    double x = (axes.cxAspect + axes.cosDx[u] - sinDy) / aspect * t - 0.5;
                    double y = (pose.cy() + axes.sinDx[u] + cosDy) * t - 0.5;
                    beyond = x < -0.5 || y < -0.5 || x > t - 0.5 || y > t - 0.5;
                    s = beyond ? PAPER : bilinear(thumb, t, x, y);
                }
                if (beyond && !grid.againstPaper()) {
                    continue;
                }
                double q = g[v * side + u];
                sq += q;
                sqq += q * q;
                ss += s;
                sss += s * s;
                sqs += q * s;
                n++;
                inside += beyond ? 0 : 1;
            }
        }
        return scored(pose, side, n, inside, sq, sqq, ss, sss, sqs);
    }

    /** The pose's score from the sums over the {@code n} cells it scored, {@code inside} of them inside the candidate. */
    private static Scored scored(Pose pose, int side, int n, int inside, double sq, double sqq, double ss, double sss, double sqs) {
        if (inside < MIN_INSIDE * side * side) {
            return new Scored(pose, 0);
        }
        double varQ = sqq - sq * sq / n, varS = sss - ss * ss / n;
        return new Scored(pose, varQ <= 1e-12 || varS <= 1e-6 ? 0 : (sqs - sq * ss / n) / Math.sqrt(varQ * varS));
    }

    /**
     * Where the columns and rows of an unturned pose's grid land on a square picture: unturned, a cell's place across
     * depends on its column alone and its place down on its row alone (the terms a turn adds are signed zeros, and adding
     * one leaves a coordinate's value as it is), so each is worked out once a grid, with the very operations
     * {@link #score} and {@link #sample} apply once a cell ({@code UnturnedSamplingTest} compares them).
     */
    private record Places(Along across, Along down) {
        static Places of(Pose pose, int side, float aspect, int size, Axes axes, double sin, double cos) {
            Along across = new Along(side, size), down = new Along(side, size);
            double sinDy = sin * ((0.5 / side - 0.5) * pose.sh());
            for (int u = 0; u < side; u++) {
                across.place(u, (axes.cxAspect + axes.cosDx[u] - sinDy) / aspect * size - 0.5);
            }
            for (int v = 0; v < side; v++) {
                double cosDy = cos * (((v + 0.5) / side - 0.5) * pose.sh());
                down.place(v, (pose.cy() + axes.sinDx[0] + cosDy) * size - 0.5);
            }
            return new Places(across, down);
        }

        boolean beyond(int u, int v) {
            return down.beyond[v] || across.beyond[u];
        }

        /** The picture {@code img} at cell {@code u, v}, interpolated as {@link #bilinear} does. */
        double at(float[] img, int u, int v) {
            int size = across.size;
            int i = down.pixel[v] * size + across.pixel[u];
            double fx = across.fraction[u];
            double top = img[i] + (img[i + 1] - img[i]) * fx;
            double bottom = img[i + size] + (img[i + size + 1] - img[i + size]) * fx;
            return top + (bottom - top) * down.fraction[v];
        }
    }

    /**
     * Where each column (or row) of an unturned pose's grid lands on a {@code size}-wide picture: beyond it or not, and
     * its sample coordinate clamped and split as {@link #bilinear} splits it.
     */
    private static final class Along {
        final boolean[] beyond;
        final int[] pixel;
        final double[] fraction;
        private final int size;

        Along(int cells, int size) {
            this.size = size;
            beyond = new boolean[cells];
            pixel = new int[cells];
            fraction = new double[cells];
        }

        void place(int cell, double at) {
            beyond[cell] = at < -0.5 || at > size - 0.5;
            double hi = size - 1.0001;
            double c = at < 0 ? 0 : at > hi ? hi : at;
            pixel[cell] = (int) c;
            fraction[cell] = c - pixel[cell];
        }
    }

    /**
     * The per-column terms of a pose's sampling, computed once a grid instead of once a cell: the same products in the
     * same order, so every sample is bit for bit what the per-cell formula gave. The pose search scores a grid 100-200
     * times a candidate and was most of a lookup's CPU at 100k (JFR, DuplicateLookupScaleTest; docs/benchmarks.md).
     */
    private static final class Axes {
        final double cxAspect;
        final double[] cosDx, sinDx;

        Axes(int side, float aspect, Pose pose, double cos, double sin) {
            cxAspect = pose.cx() * aspect;
            cosDx = new double[side];
            sinDx = new double[side];
            for (int u = 0; u < side; u++) {
                double dx = ((u + 0.5) / side - 0.5) * pose.sw() * aspect;
                cosDx[u] = cos * dx;
                sinDx[u] = sin * dx;
            }
        }
    }

    /**
     * The candidate picture {@code img} ({@code imgSide} square, of a picture with the given aspect) sampled through
     * {@code pose} onto a {@code side}x{@code side} grid, as {@link #score} samples the thumbnail; {@code inside}
     * tells which cells landed inside the candidate.
     */
    static float[] sample(float[] img, int imgSide, int side, float aspect, Pose pose, boolean[] inside) {
        return sample(img, imgSide, side, aspect, pose, inside, false);
    }

    /** {@link #sample}, per cell, or for an unturned pose unless {@code perCell} per column and row, as {@link #score} does. */
    static float[] sample(float[] img, int imgSide, int side, float aspect, Pose pose, boolean[] inside, boolean perCell) {
        float[] out = new float[side * side];
        double cos = Math.cos(pose.theta()), sin = Math.sin(pose.theta());
        Axes axes = new Axes(side, aspect, pose, cos, sin);
        Places places = perCell || pose.theta() != 0 ? null : Places.of(pose, side, aspect, imgSide, axes, sin, cos);
        for (int v = 0; v < side; v++) {
            double dy = ((v + 0.5) / side - 0.5) * pose.sh();
            double sinDy = sin * dy, cosDy = cos * dy;
            for (int u = 0; u < side; u++) {
                if (places != null) {
                    inside[v * side + u] = !places.beyond(u, v);
                    out[v * side + u] = (float) places.at(img, u, v);
                    continue;
                }
                double x = (axes.cxAspect + axes.cosDx[u] - sinDy) / aspect * imgSide - 0.5;
                double y = (pose.cy() + axes.sinDx[u] + cosDy) * imgSide - 0.5;
                inside[v * side + u] = !(x < -0.5 || y < -0.5 || x > imgSide - 0.5 || y > imgSide - 0.5);
                out[v * side + u] = (float) bilinear(img, imgSide, x, y);
            }
        }
        return out;
    }

    private static double bilinear(float[] img, int side, double x, double y) {
        // plain comparisons, not Math.max/min (which order -0.0 and NaN, neither of which a sample coordinate is)
        double hi = side - 1.0001;
        x = x < 0 ? 0 : x > hi ? hi : x;
        y = y < 0 ? 0 : y > hi ? hi : y;
        int x0 = (int) x, y0 = (int) y;
        double fx = x - x0, fy = y - y0;
        int i = y0 * side + x0;
        double top = img[i] + (img[i + 1] - img[i]) * fx;
        double bottom = img[i + side] + (img[i + side + 1] - img[i + side]) * fx;
        return top + (bottom - top) * fy;
    }

    private static Set<RepostEdit> edits(Query q, RepostSignature c, Pose pose, boolean asIs) {
        EnumSet<RepostEdit> edits = EnumSet.noneOf(RepostEdit.class);
        if (pose.turned()) {
            edits.add(RepostEdit.ROTATED);
        }
        if (pose.mirror()) {
            edits.add(RepostEdit.MIRRORED);
        }
        if (pose.cropped()) {
            edits.add(RepostEdit.CROPPED);
        }
        boolean beyond = pose.sw() >= beyond(pose.span(2, c.aspect())) || pose.sh() >= beyond(pose.span(3, c.aspect()));
        if (beyond && q.signature.keptArea() >= UNTRIMMED && pose.onPage(c.box())) {
            // past the trimmed picture only into the source's own margins, which a copy its trim left whole may hold (its
            // top-left pixel on the drawing): a crop of the page, not a border
            if (pose.pageShare(c.box()) <= PAGE_CROPPED) {
                edits.add(RepostEdit.CROPPED);
            }
            beyond = false;
        }
        if (q.signature.keptArea() < BORDER_KEPT * c.keptArea() || beyond) {
            edits.add(RepostEdit.BORDER);
        }
        if (pose.stretches(q.signature.aspect(), c.aspect())) {
            edits.add(RepostEdit.STRETCHED);
        }
        // a copy in colour of a grey candidate (or of a grey part of it) was coloured in: no levels edit adds colour
        if (recoloured(q, c, asIs ? chroma(c.colour()) : chroma(coloursInside(c, pose)), asIs)) {
            edits.add(RepostEdit.RECOLOURED);
        }
        return edits;
    }

    /**
     * The size from which a pose whose turned candidate spans {@code span} of it names a border: {@value #BEYOND}, or that
     * much past the span where the turn alone spans past it. A bar 6.6 times as long as high turned by 3° spans 1.35 of
     * its height, and copies of it turned on their canvas were named bordered (round 32). Not below: a picture's own
     * tenth crop, posed a little turned (1.05 of its width), is the posted picture bordered, 1.11 (StoredCropGalleryTest).
     */
    private static double beyond(double span) {
        return span >= BEYOND ? BEYOND * span : BEYOND;
    }

    /** Whether the copy, unmoved and unmirrored on the candidate, is to be named recoloured, as {@link #named} names it. */
    static boolean recolouredUnmoved(Query q, RepostSignature c) {
        return recoloured(q, c, chroma(c.colour()), true);
    }

    /** The recolour naming of {@link #edits}: {@code seen}, the candidate's colourfulness over the part the pose covers. */
    private static boolean recoloured(Query q, RepostSignature c, double seen, boolean asIs) {
        double qc = chroma(q.signature.colour()), cc = chroma(c.colour());
        return qc < COLOURFUL && cc >= 2 * COLOURFUL || seen < COLOURFUL && qc >= 2 * COLOURFUL || asIs && Math.abs(qc - cc) > 18
                || InkColours.colouredOverGrey(q.signature.colour(), c.colour());
    }

    /** Whether the copy and the candidate, unmoved, agree in colour as {@link #pose} requires of an untouched pose. */
    static boolean sameColours(Query q, RepostSignature candidate) {
        return sameColours(q.signature.colour(), candidate.colour(), HUE_TOLERANCE);
    }

    /**
     * Grey correlation is blind to hue (every tricolour flag correlates with every other): when both pictures have
     * colour, their mean (R - G, B - G) must agree within {@value #HUE_TOLERANCE} levels (twice that when the pose
     * is edited). A greyscale copy has no
     * colour to compare, and a contrast or brightness change moves the means little (+30 % contrast: 0.3 of them).
     */
    static boolean sameColours(byte[] a, byte[] b, double tolerance) {
        return sameColours(a, b, tolerance, 1);
    }

    /**
     * As {@link #sameColours(byte[], byte[], double)}, with {@code b}'s mean hue taken at any strength from {@code thinnedTo}
     * of it to all of it, the one nearest {@code a}'s. A picture turned on its canvas trims to the turned picture's
     * bounding box, whose corners hold the canvas's fill (white, black or grey: no hue), as much as the pose puts outside
     * the candidate or less (a pose found a little large puts some of the picture's own edge there): a green bar 3.6
     * times as wide as high turned by 4° had its mean (R - G, B - G) at (-182, -182) against its source's (-223, -223),
     * past the tolerance, a fifth of its trimmed picture white corners (seed 123; docs/benchmarks.md, "Wide drawings
     * turned, round 29"). Only the strength: a hue of another direction is as far as before.
     */
    static boolean sameColours(byte[] a, byte[] b, double tolerance, double thinnedTo) {
        if (chroma(a) < COLOURFUL || chroma(b) < COLOURFUL) {
            return true;
        }
        double[] ma = meanOpponent(a), mb = meanOpponent(b);
        double norm = mb[0] * mb[0] + mb[1] * mb[1];
        double strength = norm == 0 ? 1 : clamp((ma[0] * mb[0] + ma[1] * mb[1]) / norm, thinnedTo, 1);
        return Math.hypot(ma[0] - strength * mb[0], ma[1] - strength * mb[1]) <= tolerance;
    }

    /** The share of the copy's trimmed picture that {@code pose} puts inside the candidate, on {@link #coloursInside}'s grid. */
    static double insideShare(RepostSignature candidate, Pose pose) {
        int g = RepostSignature.GRID, side = 2 * g;
        boolean[] inside = new boolean[side * side];
        sample(new float[g * g], g, side, candidate.aspect(), pose, inside);
        return cellsInside(inside) / (double) inside.length;
    }

    private static int cellsInside(boolean[] inside) {
        int n = 0;
        for (boolean in : inside) {
            n += in ? 1 : 0;
        }
        return n;
    }

    /**
     * The candidate's {@value RepostSignature#GRID}x{@value RepostSignature#GRID} colour grid sampled through
     * {@code pose} on a grid twice as fine, cells outside the candidate left out (a border or a rotated-in corner is
     * not in the source).
     */
    static byte[] coloursInside(RepostSignature candidate, Pose pose) {
        int g = RepostSignature.GRID;
        float[][] channels = new float[3][g * g];
        for (int i = 0; i < g * g; i++) {
            for (int ch = 0; ch < 3; ch++) {
                channels[ch][i] = candidate.colour()[3 * i + ch] & 0xFF;
            }
        }
        int side = 2 * g;
        boolean[] inside = new boolean[side * side];
        float[][] sampled = new float[3][];
        for (int ch = 0; ch < 3; ch++) {
            sampled[ch] = sample(channels[ch], g, side, candidate.aspect(), pose, inside);
        }
        int n = cellsInside(inside);
        if (n == 0) {
            return candidate.colour();
        }
        byte[] out = new byte[3 * n];
        for (int i = 0, k = 0; i < inside.length; i++) {
            if (inside[i]) {
                for (int ch = 0; ch < 3; ch++) {
                    out[3 * k + ch] = (byte) Math.round(sampled[ch][i]);
                }
                k++;
            }
        }
        return out;
    }

    /** The mean opponent colours (R - G, B - G) of a colour grid. */
    static double[] meanOpponent(byte[] rgb) {
        double rg = 0, bg = 0;
        int n = rgb.length / 3;
        for (int i = 0; i < rgb.length; i += 3) {
            rg += (rgb[i] & 0xFF) - (rgb[i + 1] & 0xFF);
            bg += (rgb[i + 2] & 0xFF) - (rgb[i + 1] & 0xFF);
        }
        return new double[]{rg / n, bg / n};
    }

    /** Mean colourfulness of a grid: |R - G| + |B - G| per cell. */
    static double chroma(byte[] rgb) {
        double s = 0;
        for (int i = 0; i < rgb.length; i += 3) {
            int r = rgb[i] & 0xFF, g = rgb[i + 1] & 0xFF, b = rgb[i + 2] & 0xFF;
            s += Math.abs(r - g) + Math.abs(b - g);
        }
        return s / (rgb.length / 3.0);
    }

    static double colourDistance(byte[] a, byte[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += Math.abs((a[i] & 0xFF) - (b[i] & 0xFF));
        }
        return s / a.length;
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
