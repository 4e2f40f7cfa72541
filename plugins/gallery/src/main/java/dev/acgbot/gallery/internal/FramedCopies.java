package dev.acgbot.gallery.internal;

import dev.acgbot.models.image.DecodedImage;

import java.util.Optional;

/**
 * The trim of a posted copy in a dark frame (a black border, letterbox bars), taken as its source's was. {@link Margins}
 * trims in two passes, so on the source the passes are the white surround and then whatever uniform edge the drawing
 * itself has, while on the framed copy they are the frame and the surround: the copy's trimmed picture is not the
 * source's. On the evaluation's seed 77 (docs/benchmarks.md, "Framed copies, round 15") that cost the source of a 2-px
 * bar icon on both edits with a black frame (the source's second pass took the bar's light anti-aliased top row: 53x5
 * stored, 53x6 in the copy) and of a logo icon (its trimmed picture 0.88 as wide as tall stored, 0.58 in the framed
 * copy): candidates by their hashes, posed nowhere. Inside the frame, trimmed afresh, the copy is the picture its source
 * was. Only for the verifier's extra attempt ({@link CandidateChecks}): what is stored, and the copy's hashes, keep the
 * usual trim.
 */
final class FramedCopies {
    /** A frame is darker than this on every channel: black borders and bars, after a JPEG round trip. */
    private static final int DARK = 64;

    private FramedCopies() {
    }

    /**
     * The copy inside its dark frame trimmed by its own margins, as a query; none when the copy has no dark frame around a
     * lighter inside, or when that trim is the copy's usual one.
     */
    static Optional<RepostVerifier.Query> query(DecodedImage reduced) {
        DecodedImage flat = PerceptualHash.onWhite(reduced);
        if (!dark(flat.argb()[0])) {
            return Optional.empty();
        }
        return Margins.inside(flat).flatMap(inside -> {
            Margins.Box trim = Margins.within(inside, Margins.trimBox(Margins.crop(flat, inside)));
            return trim.equals(Margins.trimBox(flat)) ? Optional.empty() : Optional.of(new RepostVerifier.Query(reduced, trim));
        });
    }

    /**
     * Whether the trim inside the frame ({@code unframed}) gives the copy a shape closer to the candidate's than its usual
     * trim ({@code whole}): only then is it worth a pose search, whose cost a framed copy otherwise pays again for every
     * candidate (evaluation: 2-4 ms more lookup CPU at p50 on the border and letterbox edits without this test, the same
     * sources found).
     */
    static boolean closer(RepostVerifier.Query unframed, RepostVerifier.Query whole, RepostSignature candidate) {
        return Math.abs(Math.log(unframed.signature.aspect() / candidate.aspect()))
                < Math.abs(Math.log(whole.signature.aspect() / candidate.aspect()));
    }

    /** Whether the pixel is as dark as a frame: under {@value #DARK} on every channel (also {@link SoftFrames}' frames). */
    static boolean dark(int p) {
        return (p >> 16 & 0xFF) < DARK && (p >> 8 & 0xFF) < DARK && (p & 0xFF) < DARK;
    }
}
