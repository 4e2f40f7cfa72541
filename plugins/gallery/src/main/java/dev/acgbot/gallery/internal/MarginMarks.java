package dev.acgbot.gallery.internal;

import dev.acgbot.models.image.DecodedImage;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A mark added in the margin of a picture on a plain surround: a site's text watermark or a signature under clip art on
 * white. The copy's trim then keeps the mark and the empty strip between it and the drawing, a box its source's trim
 * never had, so every trimmed hash moves 25-40 bits and the pose search, whose windows grow on all sides alike, finds no
 * pose (docs/benchmarks.md, text watermarks round 7: 23 of 32 missed watermarked copies of a diagnosis sample). The
 * copy with such a mark painted over in the surround's colour trims as its source does.
 * <p>
 * A mark is a band of rows at the bottom (or else the top) of the trimmed picture, parted from the rest by a strip of
 * margin: at least {@value #MIN_MARK_LINES} rows, at most {@value #MAX_MARK} of the trimmed height and no taller than what
 * lies above the strip, covered at most {@value #MAX_INK} by ink; the strip at least {@value #MIN_GAP} of the height (and
 * {@value #MIN_GAP_LINES} rows); of a picture that is two such bands and nothing else, either ({@link #erasures}). Not
 * the sides: a row of stars in a rating strip is bands parted by margin too. Or, with no strip, such a band of letters
 * that runs on beyond a straight edge of the drawing it overlaps ({@link #overEdge}).
 */
final class MarginMarks {
    private static final int TOLERANCE = 28;
    private static final int NEUTRAL = 24;
    private static final double MARGIN_SHARE = 0.98;
    static final double MAX_MARK = 0.25;
    static final double MIN_GAP = 0.01;
    static final int MIN_GAP_LINES = 2;
    /** A text mark is a few lines tall (8-pixel letters at least); a thinner band is a rule or a stroke of the drawing. */
    static final int MIN_MARK_LINES = 4;
    /**
     * Letters cover part of their lines; a band covered more densely is a bar or a frame's edge (the bottom rule of a
     * table icon, erased, matched the icon without it).
     */
    static final double MAX_INK = 0.6;

    private MarginMarks() {
    }

    /**
     * {@code flat} (a reduced copy without alpha) with the mark under (or else over, or beside) its trimmed picture painted
     * in the surround's colour; empty when it has none (or no plain neutral surround). The first of {@link #erasures}.
     */
    static Optional<DecodedImage> erased(DecodedImage flat) {
        return erasures(flat).stream().findFirst();
    }

    /**
     * {@code flat} with a mark painted over, once for each place one may be, the likelier first: the band under the trimmed
     * picture or the one over it, parted from the rest by margin; where the picture is two such bands and nothing else,
     * both, the one shaped as a mark (no taller than the other) first. Which of two bands is the mark only a candidate's
     * trim can say ({@link #closer}): a small drawing far under a mark at the top of its page is the shorter band, and
     * painted over as the mark it left the mark to be posed (bullet holes under the evaluation's top-left mark, seeds 123
     * and 2718, docs/benchmarks.md "Marks over small drawings, round 47"). Empty when there is no mark (or no plain
     * neutral surround).
     */
    static List<DecodedImage> erasures(DecodedImage flat) {
        int w = flat.width();
        int[] px = flat.argb();
        int ref = px[0];
        if (Math.abs((ref >> 16 & 0xFF) - (ref >> 8 & 0xFF)) > NEUTRAL || Math.abs((ref & 0xFF) - (ref >> 8 & 0xFF)) > NEUTRAL) {
            return List.of();
        }
        Margins.Box b = Margins.trimBox(flat);
        if (b.width() < 8 || b.height() < 8) {
            return List.of();
        }
        // one mark only (one site's): parted by margin at the bottom edge or the top one, else beside the drawing; only
        // where none is, one over the drawing's edge
        Band bottom = band(px, w, ref, b, -1), top = band(px, w, ref, b, 1);
        boolean under = parted(bottom, b.height() - bottom.rows() - bottom.gap(), b);
        boolean over = parted(top, b.height() - top.rows() - top.gap(), b);
        List<DecodedImage> parted = new ArrayList<>();
        if (under) {
            parted.add(painted(flat, b, ref, -1, bottom.rows()));
        }
        if (over) {
            parted.add(painted(flat, b, ref, 1, top.rows()));
        }
        // a picture of two bands and nothing else: the taller one may be the mark too, over a smaller drawing (the rest it
        // must be no taller than is then that drawing, so only its own shape and strip are weighed)
        if (under != over && bottom.rows() + bottom.gap() + top.rows() == b.height()) {
            Band other = under ? top : bottom;
            if (parted(other, other.rows(), b)) {
                parted.add(painted(flat, b, ref, under ? 1 : -1, other.rows()));
            }
        }
        if (!parted.isEmpty()) {
            return List.copyOf(parted);
        }
        Optional<DecodedImage> beside = apart(flat, b, ref);
        if (beside.isPresent()) {
            return List.of(beside.get());
        }
        for (int step : new int[]{-1, 1}) {
            int mark = overEdge(px, w, ref, b, first(b, step), step);
            if (mark > 0) {
                return List.of(painted(flat, b, ref, step, mark));
            }
        }
        return List.of();
    }

    /** The first row of the trimmed picture {@code b} counting by {@code step}: its bottom row, or its top one. */
    private static int first(Margins.Box b, int step) {
        return step < 0 ? b.y1() - 1 : b.y0();
    }

    /** {@code flat} with {@code mark} rows of its trimmed picture {@code b}, from the edge on by {@code step}, in {@code ref}. */
    private static DecodedImage painted(DecodedImage flat, Margins.Box b, int ref, int step, int mark) {
        int w = flat.width();
        int[] out = flat.argb().clone();
        for (int i = 0; i < mark; i++) {
            int y = first(b, step) + step * i;
            java.util.Arrays.fill(out, y * w + b.x0(), y * w + b.x1(), ref);
        }
        return new DecodedImage(w, flat.height(), out, false);
    }

    /** The inked rows at one end of a trimmed picture, the strip of margin beyond them, and the ink they hold. */
    private record Band(int rows, int gap, long ink) {
    }

    /** The band at the bottom ({@code step} -1) or the top (1) of the trimmed picture {@code b}. */
    private static Band band(int[] px, int w, int ref, Margins.Box b, int step) {
        int extent = b.height(), allowed = (int) (b.width() * (1 - MARGIN_SHARE)), first = first(b, step);
        int mark = 0;
        long ink = 0;
        for (int off; mark < extent && (off = offLine(px, w, ref, b, first + step * mark)) > allowed; mark++) {
            ink += off;
        }
        int gap = 0;
        while (mark + gap < extent && offLine(px, w, ref, b, first + step * (mark + gap)) <= allowed) {
            gap++;
        }
        return new Band(mark, gap, ink);
    }

    /** Whether {@code band} is a mark parted by a strip of margin from {@code rest} rows of the trimmed picture {@code b}. */
    private static boolean parted(Band band, int rest, Margins.Box b) {
        return shaped(band.rows(), rest, band.ink(), b) && band.gap() >= Math.max(MIN_GAP_LINES, MIN_GAP * b.height());
    }

    /**
     * Whether a band of {@code mark} rows holding {@code ink} inked pixels, with {@code rest} rows of the trimmed picture
     * {@code b} beyond it, is shaped as a mark: {@value #MIN_MARK_LINES} rows to {@value #MAX_MARK} of the height, no
     * taller than the rest, inked on at most {@value #MAX_INK} of it.
     */
    private static boolean shaped(int mark, int rest, long ink, Margins.Box b) {
        return mark >= MIN_MARK_LINES && mark <= MAX_MARK * b.height() && rest >= mark && ink <= MAX_INK * mark * b.width();
    }

    /**
     * A row inked without a break along at least this share of the trimmed picture's width is a drawing's straight edge
     * (a bar's, a box's), not a line of letters, which spaces break.
     */
    static final double EDGE_RUN = 0.6;

    /**
     * The rows of a mark that runs over a straight edge of the drawing, from row {@code first} on by {@code step}: the
     * mark's rows beyond that edge, up to the first row inked without a break along {@value #EDGE_RUN} of the width; 0
     * for none. A mark in the corner of a bar or a box icon overlaps its edge, so no strip of margin parts it from the
     * drawing; its rows beyond the edge, painted over, leave the copy trimmed as its source (the letters over the drawing
     * stay, as any mark laid over a picture).
     */
    private static int overEdge(int[] px, int w, int ref, Margins.Box b, int first, int step) {
        int extent = b.height(), allowed = (int) (b.width() * (1 - MARGIN_SHARE));
        int edge = (int) Math.ceil(b.width() * EDGE_RUN);
        int mark = 0;
        long ink = 0;
        for (int off; mark < extent && (off = offLine(px, w, ref, b, first + step * mark)) > allowed
                && longestRun(px, w, ref, b, first + step * mark) < edge; mark++) {
            ink += off;
        }
        boolean atEdge = mark < extent && longestRun(px, w, ref, b, first + step * mark) >= edge;
        boolean letters = atEdge && inkedRuns(px, w, ref, b, first, step, mark) >= MIN_LETTERS;
        return letters && shaped(mark, extent - mark, ink, b) ? mark : 0;
    }

    /** The longest run of pixels of row {@code at}, within the box, off the surround's colour. */
    private static int longestRun(int[] px, int w, int ref, Margins.Box b, int at) {
        int longest = 0, run = 0;
        for (int i = at * w + b.x0(); i < at * w + b.x1(); i++) {
            run = off(px[i], ref) ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }

    /**
     * Letters a line beyond a drawing's edge must show to be a mark: runs of inked columns apart. The legs of a table
     * under its top, or a bar's feet, are two or three runs; a word at the evaluation's 10 pixels a letter is a dozen.
     */
    static final int MIN_LETTERS = 5;

    /** How many runs of columns hold ink in the {@code rows} rows from row {@code first} on by {@code step}. */
    private static int inkedRuns(int[] px, int w, int ref, Margins.Box b, int first, int step, int rows) {
        int runs = 0;
        boolean inRun = false;
        for (int x = b.x0(); x < b.x1(); x++) {
            boolean inked = false;
            for (int i = 0; i < rows && !inked; i++) {
                inked = off(px[(first + step * i) * w + x], ref);
            }
            runs += inked && !inRun ? 1 : 0;
            inRun = inked;
        }
        return runs;
    }

    /**
     * A mark beside the drawing rather than under it: a line of text in the top or bottom {@value #MAX_MARK} of the trimmed
     * picture that shares rows with the drawing but touches none of its ink (a site's name in the top left corner of a
     * wallpaper-sized drawing, which starts at the drawing's top). Ink within {@value #JOIN} of the longer side of other
     * ink is one group (the letters of a word, the words of a line); the group that reads as a line of text (wider than
     * twice its height, at least {@value #MIN_MARK_LINES} rows, ink at most {@value #MAX_INK} of its box) is painted over
     * when it holds less than half the ink.
     */
    static Optional<DecodedImage> apart(DecodedImage flat, Margins.Box b, int ref) {
        int w = flat.width(), h = flat.height();
        int[] px = flat.argb();
        boolean[] ink = new boolean[w * h];
        for (int y = b.y0(); y < b.y1(); y++) {
            for (int x = b.x0(); x < b.x1(); x++) {
                ink[y * w + x] = off(px[y * w + x], ref);
            }
        }
        int r = Math.max(1, (int) Math.round(JOIN * Math.max(b.width(), b.height())));
        boolean[] grown = grown(ink, w, h, b, r);
        int[] label = new int[w * h];
        java.util.Arrays.fill(label, -1);
        java.util.List<int[]> groups = new java.util.ArrayList<>(); // the ink's x0, y0, x1, y1 and count
        int[] stack = new int[w * h];
        for (int start = 0; start < w * h; start++) {
            if (!grown[start] || label[start] >= 0) {
                continue;
            }
            int id = groups.size();
            int[] g = {w, h, -1, -1, 0};
            int top = 0;
            stack[top++] = start;
            label[start] = id;
            while (top > 0) {
                int i = stack[--top], x = i % w, y = i / w;
                if (ink[i]) { // the group's extent is its ink's, not the grown mask's
                    g[0] = Math.min(g[0], x);
                    g[1] = Math.min(g[1], y);
                    g[2] = Math.max(g[2], x + 1);
                    g[3] = Math.max(g[3], y + 1);
                    g[4]++;
                }
                for (int n : new int[]{i - 1, i + 1, i - w, i + w}) {
                    if (n >= 0 && n < w * h && Math.abs(n % w - x) <= 1 && grown[n] && label[n] < 0) {
                        label[n] = id;
                        stack[top++] = n;
                    }
                }
            }
            groups.add(g);
        }
        long total = groups.stream().mapToLong(g -> g[4]).sum();
        for (int id = 0; id < groups.size(); id++) {
            int[] g = groups.get(id);
            int gw = g[2] - g[0], gh = g[3] - g[1];
            int band = (int) (MAX_MARK * b.height());
            boolean atEdge = g[3] <= b.y0() + band || g[1] >= b.y1() - band;
            if (!atEdge || gh < MIN_MARK_LINES || gh > MAX_MARK * b.height() || gw < 2 * gh || g[4] > MAX_INK * gw * gh
                    || 2 * g[4] > total) {
                continue;
            }
            int[] out = px.clone();
            for (int i = 0; i < out.length; i++) {
                if (label[i] == id) {
                    out[i] = ref;
                }
            }
            return Optional.of(new DecodedImage(w, h, out, false));
        }
        return Optional.empty();
    }

    /** Ink closer than this share of the trimmed picture's longer side belongs together: the letters of a word. */
    static final double JOIN = 0.012;

    private static boolean[] grown(boolean[] ink, int w, int h, Margins.Box b, int r) {
        boolean[] rows = new boolean[w * h];
        for (int y = b.y0(); y < b.y1(); y++) {
            for (int x = b.x0(); x < b.x1(); x++) {
                if (ink[y * w + x]) {
                    for (int k = Math.max(b.x0(), x - r); k < Math.min(b.x1(), x + r + 1); k++) {
                        rows[y * w + k] = true;
                    }
                }
            }
        }
        boolean[] out = new boolean[w * h];
        for (int y = b.y0(); y < b.y1(); y++) {
            for (int x = b.x0(); x < b.x1(); x++) {
                if (rows[y * w + x]) {
                    for (int k = Math.max(b.y0(), y - r); k < Math.min(b.y1(), y + r + 1); k++) {
                        out[k * w + x] = true;
                    }
                }
            }
        }
        return out;
    }

    /** Whether pixel {@code p} is off the surround's colour {@code ref}: ink. */
    private static boolean off(int p, int ref) {
        return Math.abs((p >> 16 & 0xFF) - (ref >> 16 & 0xFF)) > TOLERANCE || Math.abs((p >> 8 & 0xFF) - (ref >> 8 & 0xFF)) > TOLERANCE
                || Math.abs((p & 0xFF) - (ref & 0xFF)) > TOLERANCE;
    }

    /** How much closer (p + d bits) the unmarked copy's trimmed hashes must pair with a candidate's than the copy's own. */
    static final int MARGIN_BITS = 10;

    /**
     * Whether the unmarked copy {@code unmarked} trims as {@code candidate} does where the copy as posted does not: its
     * trimmed pHash within {@value #RADIUS} bits of the candidate's (or, where it was trimmed at the candidate's own box on
     * the page, its trimmed dHash within {@value #DHASH_RADIUS}), and its trimmed pair at least {@value #MARGIN_BITS} bits
     * closer than the posted copy's. A mark moves the trimmed hashes 25-40 bits and the unmarked copy is 0-8 from its
     * source; a candidate it does not bring closer is left to the copy as posted. The dHash for a plain bar or box, whose
     * pHash is mostly noise: with letters still over its edge the unmarked copy of {@code view_bottom} (evaluation, seed
     * 123) lay 18 pHash bits from its source and 5 dHash bits. Only at the candidate's box: without that, star polygons
     * under a caption bar listed siblings (evaluation, five samples: 105 false duplicates more, one outside the star
     * polygons).
     */
    static boolean closer(RepostVerifier.Query unmarked, RepostVerifier.Query posted, RepostSignature candidate) {
        int p = Long.bitCount(unmarked.signature.trimmedPHash() ^ candidate.trimmedPHash());
        int d = Long.bitCount(unmarked.signature.trimmedDHash() ^ candidate.trimmedDHash());
        int q = Long.bitCount(posted.signature.trimmedPHash() ^ candidate.trimmedPHash())
                + Long.bitCount(posted.signature.trimmedDHash() ^ candidate.trimmedDHash());
        boolean near = p <= RADIUS || d <= DHASH_RADIUS && sameBox(unmarked.signature.box(), candidate.box());
        return near && p + d + MARGIN_BITS <= q;
    }

    static final int RADIUS = 14;
    static final int DHASH_RADIUS = 6;
    /** How far (a share of the page's width or height) two trim boxes' edges may lie apart and be the same box. */
    static final double SAME_BOX = 0.01;

    private static boolean sameBox(float[] a, float[] b) {
        for (int i = 0; i < 4; i++) {
            if (Math.abs(a[i] - b[i]) > SAME_BOX) {
                return false;
            }
        }
        return true;
    }

    /** How many pixels of row {@code at}, within the box, are off the surround's colour. */
    private static int offLine(int[] px, int w, int ref, Margins.Box b, int at) {
        int off = 0;
        for (int i = at * w + b.x0(); i < at * w + b.x1(); i++) {
            if (off(px[i], ref)) {
                off++;
            }
        }
        return off;
    }
}
