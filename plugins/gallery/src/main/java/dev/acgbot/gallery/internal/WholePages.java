package dev.acgbot.gallery.internal;

/**
 * Where a copy's page lies on a page the store kept whole ({@link UntrimmedPages#whole}: a small drawing on a large page),
 * when the copy too was kept whole. Both trimmed pictures are then the pages, and the pose says where the copy's page lies
 * on the candidate's: turned on its canvas it lies centred, grown by a turned canvas or a border it reaches past every
 * side, cropped it lies inside. Shifted (past the page on one side by as much as it falls short on the other) it is the
 * same drawing placed elsewhere on another page: openclipart exports one bullet hole at a dozen places on A4 pages, and a
 * copy of one turned by 3° listed another, posed 9° turned, 8 % higher and 6 % larger, at 0.995, ahead of its source
 * (evaluation, seed 123).
 */
final class WholePages {
    /**
     * The most (a share of the page's width or height) a copy's page may lie shifted: a pose is a few percent off. On the
     * five samples' line art the bullet hole's sibling lay 6 % shifted; over pages with their margins trimmed the shifts of
     * the set's own copies reached 5.4-7.1 % (a thin line posed along itself, mirrored corners drawn apart), which is why
     * only pages kept whole are weighed (docs/benchmarks.md, "Small drawings shifted on their pages, round 36").
     */
    static final double SHIFT = 0.05;

    private WholePages() {
    }

    /**
     * The share of a page's thumbnail cells that are paper ({@value #PAPER} or lighter) from which it is a drawing on a
     * page, not a picture that fills its canvas: a flag or a photo is kept whole too, and a flag of three stripes turned
     * by 3° was posed 6 % off its centre (evaluation, seed 123: the Netherlands' flag lost).
     */
    static final double PAGE = 0.75;
    private static final int PAPER = 245;

    /**
     * Whether the copy, kept whole as {@code candidate} was (a small drawing on a page), lies shifted on its page at
     * {@code pose} past {@link #SHIFT}.
     */
    static boolean elsewhere(RepostVerifier.Query q, RepostSignature candidate, RepostVerifier.Pose pose) {
        return keptWholePage(candidate) && q.signature.keptArea() >= RepostVerifier.UNTRIMMED && shift(candidate.aspect(), pose) > SHIFT;
    }

    /** Whether the store kept {@code candidate} whole ({@link UntrimmedPages#whole}) and it is mostly paper: a small drawing on a page. */
    static boolean keptWholePage(RepostSignature candidate) {
        return UntrimmedPages.whole(candidate) && page(candidate.thumb());
    }

    /** Whether a thumbnail is mostly paper: at least {@value #PAGE} of its cells {@value #PAPER} or lighter. */
    static boolean page(byte[] thumb) {
        int paper = 0;
        for (byte b : thumb) {
            paper += (b & 0xFF) >= PAPER ? 1 : 0;
        }
        return paper >= PAGE * thumb.length;
    }

    /**
     * How far the copy's page, the window {@code pose} on a whole page of {@code aspect} (width over height), lies shifted
     * against that page turned with it: {@code |s| - |g|} along each of the copy's axes, where {@code s} is the distance of
     * the two centres and {@code g} how much each half of the copy's page is larger or smaller than the turned page's
     * extent (a border or a crop on both sides alike shifts nothing), as a share of the page's width or height.
     */
    static double shift(double aspect, RepostVerifier.Pose pose) {
        double cos = Math.cos(pose.theta()), sin = Math.sin(pose.theta());
        // the page's centre from the window's, in units of the page's height, along the copy's axes
        double dx = (0.5 - pose.cx()) * aspect, dy = 0.5 - pose.cy();
        double sx = cos * dx + sin * dy, sy = -sin * dx + cos * dy;
        double ex = aspect / 2 * Math.abs(cos) + 0.5 * Math.abs(sin), ey = aspect / 2 * Math.abs(sin) + 0.5 * Math.abs(cos);
        double halfWidth = pose.sw() * aspect / 2, halfHeight = pose.sh() / 2;
        return Math.max((Math.abs(sx) - Math.abs(halfWidth - ex)) / aspect, Math.abs(sy) - Math.abs(halfHeight - ey));
    }
}
