package dev.acgbot.gallery.internal;

import dev.acgbot.models.image.DecodedImage;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.IntStream;

/**
 * The trim of a posted copy whose dark frame, inside a light surround, was softened by an enlargement, taken as its
 * source's was. On the sharp source {@link Margins}' first pass takes the white surround and its second the frame,
 * up to the frame's inner edge; on the softened copy the first pass stops at the frame's outer blend, a grey that the
 * frame's black is not within the tolerance of, so the second pass takes nothing and the copy keeps its frame: a safety
 * sign with a 3-pixel black frame on a white page, enlarged twice, trimmed 0.871 of its side where its source trimmed
 * 0.840 x 0.859, so its edges (0.74) never met its source's (evaluation, seed 91, upscale 200 %). Past the blend, the
 * frame is trimmed as the source's was. Only for one of the verifier's last resorts, when no candidate passed
 * ({@link CandidateChecks}): what is stored, and the copy's hashes, keep the usual trim; {@link FramedCopies} takes a
 * frame at the copy's own edge.
 */
final class SoftFrames {
    /** A surround is at least this light on every channel: white, after a JPEG round trip or an enlargement's ringing. */
    private static final int LIGHT = 191;
    /**
     * The most lines of blend looked past: an enlargement twice spreads a sharp edge over about two, and a 3-pixel frame
     * enlarged so is 6 lines wide.
     */
    static final int BLEND = 3;

    private SoftFrames() {
    }

    /**
     * The copy ({@code flat}: on white, reduced as looked up) trimmed inside its softened dark frame, as a query; none when
     * no light surround is trimmed first, when no line within {@value #BLEND} of the surround's inner edge starts on a dark
     * corner, or when that trim is the copy's usual one ({@code usual}).
     */
    static Optional<RepostVerifier.Query> query(DecodedImage reduced, DecodedImage flat, Margins.Box usual) {
        int w = flat.width(), h = flat.height();
        int[] px = flat.argb();
        if (!light(px[0])) {
            return Optional.empty();
        }
        Margins.Box s = Margins.box(flat);
        if (s.width() == w && s.height() == h || s.width() <= 4 * BLEND || s.height() <= 4 * BLEND) {
            return Optional.empty();
        }
        // the frame's colour where its blend ends at the top left; each side then past its own blend (a copy's edges fall
        // between pixels at different places on each side)
        OptionalInt frame = IntStream.rangeClosed(1, BLEND).map(k -> px[(s.y0() + k) * w + s.x0() + k])
                .filter(FramedCopies::dark).findFirst();
        if (frame.isEmpty()) {
            return Optional.empty();
        }
        int corner = frame.getAsInt();
        int top = blend(px, w, corner, s.x0(), s.x1(), s.y0(), 1, true), bottom = blend(px, w, corner, s.x0(), s.x1(), s.y1() - 1, -1, true);
        int left = blend(px, w, corner, s.y0(), s.y1(), s.x0(), 1, false), right = blend(px, w, corner, s.y0(), s.y1(), s.x1() - 1, -1, false);
        if (top < 0 || bottom < 0 || left < 0 || right < 0) {
            return Optional.empty();
        }
        Margins.Box past = new Margins.Box(s.x0() + left, s.y0() + top, s.x1() - right, s.y1() - bottom);
        DecodedImage framed = Margins.crop(flat, past);
        Margins.Box inside = Margins.within(past, Margins.margins(framed.argb(), framed.width(), framed.height(), corner));
        return inside.equals(usual) || inside.equals(past) ? Optional.empty() : Optional.of(new RepostVerifier.Query(reduced, inside));
    }

    /**
     * How many lines of blend lie before the first line of the frame's colour ({@code frame}) from line {@code at} on,
     * stepping by {@code step} (rows when {@code row}, from {@code from} to {@code to}, less {@value #BLEND} at each end);
     * -1 when none within {@value #BLEND}.
     */
    private static int blend(int[] px, int w, int frame, int from, int to, int at, int step, boolean row) {
        for (int k = 0; k <= BLEND; k++) {
            // the line's own ends lie in the other sides' blend
            if (Margins.margin(px, w, frame, from + BLEND, to - BLEND, at + k * step, row)) {
                return k;
            }
        }
        return -1;
    }

    /**
     * Whether the trim inside the softened frame ({@code soft}) gives the copy a shape closer to the candidate's than its
     * usual trim ({@code whole}), by aspect and by the share of the canvas kept: a square frame trimmed is still square
     * (the safety sign above: aspect 1.0 either way, kept 0.759 as trimmed and 0.712 inside the frame, its source 0.722).
     */
    static boolean closer(RepostVerifier.Query soft, RepostVerifier.Query whole, RepostSignature candidate) {
        return distance(soft.signature, candidate) < distance(whole.signature, candidate);
    }

    private static double distance(RepostSignature a, RepostSignature b) {
        return Math.abs(Math.log(a.aspect() / b.aspect())) + Math.abs(Math.log(a.keptArea() / b.keptArea()));
    }

    private static boolean light(int p) {
        return (p >> 16 & 0xFF) >= LIGHT && (p >> 8 & 0xFF) >= LIGHT && (p & 0xFF) >= LIGHT;
    }
}
