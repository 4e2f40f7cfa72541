package dev.acgbot.gallery.internal;

import dev.acgbot.models.image.DecodedImage;

import java.util.Optional;

/**
 * Small drawings on blank pages: openclipart's A4 renders of an ornament, a moon, a shovel outline (14 of the
 * evaluation's 6,899 pictures). Such a page is blank at the {@value RepostSignature#THUMB}x{@value RepostSignature#THUMB}
 * thumbnail every check compares, and {@link Margins} used to leave it whole (the drawing keeps under 4 % of it), so the
 * flat rule saw two blank pages and {@link EmptyPages} rightly matched neither: every copy of such a page, even an
 * unedited one, listed nothing (evaluation, seed 200: an ornament on a page missed on all 22 edits). Trimmed to its
 * drawing instead, the page is posed and its edges compared as any clip art on white is.
 */
final class SmallDrawings {
    /** A drawing narrower or lower than this many pixels of the reduced page is a speck: the page stays whole. */
    static final int MIN_SIDE = 3;
    /** A signature keeping this share of its canvas was kept whole. */
    private static final float KEPT_WHOLE = 0.95f;

    private SmallDrawings() {
    }

    /**
     * Whether {@code page}, whose margins leave only {@code drawing}, is trimmed to it: a page the verifier would take for
     * a blank one ({@link EmptyPages}), with a drawing larger than a speck.
     */
    static boolean trimsTo(DecodedImage page, Margins.Box drawing) {
        return drawing.width() >= MIN_SIDE && drawing.height() >= MIN_SIDE
                && blankPage(RepostSignature.grey(page, RepostSignature.THUMB), RepostSignature.rgbGrid(page));
    }

    /**
     * Whether the copy signed {@code copy} is not to be verified against {@code candidate} at all: a copy trimmed to under
     * {@link Margins#MIN_KEPT_AREA} of its canvas (a small drawing, or a drawing inside bars and a page's margins) is a few
     * pixels, and inside a page the store kept whole they fit somewhere: an ornament turned 3 deg and brightened, a tiny copy
     * taken as a part of every candidate ({@link TinyCopies#asCropped}), matched a bullet hole's page so, at 0.953
     * (evaluation, seed 200). A page the store trimmed is verified as before.
     */
    static boolean tooSmallFor(RepostSignature copy, RepostSignature candidate) {
        return drawingOnly(copy) && candidate.keptArea() >= KEPT_WHOLE;
    }

    /** Whether a signature is of a small drawing trimmed from its page, or of a copy trimmed as small. */
    static boolean drawingOnly(RepostSignature s) {
        return s.keptArea() < Margins.MIN_KEPT_AREA;
    }

    /**
     * The copy cut where {@code candidate}, a small drawing, lies on its page (its stored trim box, as shares of the page),
     * for a copy whose own trim kept more: a page near the flat rule's bar may fall on either side of it in a copy, and
     * a JPEG copy of thin coloured strokes, posted at three times their size, trimmed to 12 % of its page where the
     * stored page trimmed to 3 % and no longer matched (DuplicateLookupScaleTest, one of 300 copies). Cut so, a copy
     * that was not moved on its page (resized, re-encoded, recoloured) is the drawing again. None for a copy trimmed as
     * small itself, or for a cut of less than {@value #MIN_SIDE} pixels a side.
     */
    static Optional<RepostVerifier.Query> cutAt(DecodedImage flat, RepostVerifier.Query copy, RepostSignature candidate) {
        if (!drawingOnly(candidate) || drawingOnly(copy.signature)) {
            return Optional.empty();
        }
        float[] b = candidate.box();
        int w = flat.width(), h = flat.height();
        Margins.Box cut = new Margins.Box(Math.round(b[0] * w), Math.round(b[1] * h), Math.round(b[2] * w), Math.round(b[3] * h));
        return cut.width() < MIN_SIDE || cut.height() < MIN_SIDE || cut.equals(copy.trim)
                ? Optional.empty() : Optional.of(new RepostVerifier.Query(flat, cut));
    }

    /**
     * The copy trimmed to its own small drawing, for a copy whose page was kept whole: not blank at thumbnail size, as a
     * crop leaves a small drawing larger on a smaller page. Against a small drawing the store trimmed from its page,
     * beside {@link #cutAt}, which finds the drawing only where the page had it: a quarter crop of a Christmas light's
     * A4 page (0.8 % of it) moved the light on the page and kept the page whole, and no pose found the light on it
     * (seed 9001). None for a copy trimmed as small itself, or without such a drawing ({@link Margins#smallDrawing}).
     */
    static Optional<RepostVerifier.Query> ownDrawing(DecodedImage flat, RepostVerifier.Query copy) {
        if (drawingOnly(copy.signature)) {
            return Optional.empty();
        }
        return Margins.smallDrawing(flat).filter(b -> !b.equals(copy.trim)).map(b -> new RepostVerifier.Query(flat, b));
    }

    /** Whether a stored signature kept its picture whole as a blank page, as {@link Margins} did before {@link #trimsTo}. */
    static boolean storedAsBlankPage(RepostSignature s) {
        return s.keptArea() >= 1f && blankPage(s.thumb(), s.colour());
    }

    /** A blank page as the verifier sees one: a flat thumbnail ({@link RepostVerifier#flat}) whose colours are near white. */
    private static boolean blankPage(byte[] thumb, byte[] colour) {
        return RepostVerifier.flat(thumb) && EmptyPages.blank(colour);
    }
}
