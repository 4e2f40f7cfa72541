package dev.acgbot.gallery.internal;

import dev.acgbot.models.image.DecodedImage;

import java.util.Optional;

/**
 * The trim of a posted mirror image as its source trims. {@link Margins} takes the margin colour from the top-left pixel,
 * and a mirror image's top-left pixel is its source's top-right one: Pakistan's flag has a white band along its hoist,
 * which the stored trim takes as margin (kept 0.75 of the flag), while its mirror image starts in green and keeps all of
 * it; the pose search, which reaches a mirrored pose but not a quarter more of the picture, then fails (seed 4 of the
 * evaluation: Pakistan, Turkmenistan, Tibet and Sweden mirrored; Bahrain on seed 123). Trimmed as its own mirror image
 * trims, the copy is the mirror image of the source's trimmed picture. Only for the verifier's extra attempt
 * ({@link CandidateChecks}), and only a mirrored pose counts there: what is stored, and the copy's hashes, keep the
 * top-left rule.
 */
final class MirroredTrims {
    private MirroredTrims() {
    }

    /**
     * Where the copy's mirror image trims, in the copy's own pixels; none when that is the copy's own trim ({@code own}).
     * {@code flat} is the copy on white.
     */
    static Optional<Margins.Box> trim(DecodedImage flat, Margins.Box own) {
        int w = flat.width(), h = flat.height();
        Margins.Box mirrored = CornerTrim.unflip(Margins.trimBox(CornerTrim.flip(flat, true, false)), w, h, true, false);
        return mirrored.equals(own) ? Optional.empty() : Optional.of(mirrored);
    }

    /** The copy ({@code whole}, reduced to {@code reduced}) trimmed as its mirror image trims ({@link #trim}), as a query. */
    static Optional<RepostVerifier.Query> query(DecodedImage reduced, RepostVerifier.Query whole) {
        return trim(PerceptualHash.onWhite(reduced), whole.trim).map(b -> new RepostVerifier.Query(reduced, b));
    }

    /** How far, as a share of the copy's side, each side of the mirrored trim may lie from the candidate's mirrored. */
    static final double SIDE_SLACK = 0.03;
    /** The same in pixels of the copy as reduced, for small pictures, where one pixel is several per cent of a side. */
    static final int SIDE_SLACK_PX = 2;

    /**
     * Whether the copy's mirror image's trim ({@code mirrored}, in {@code flat}'s pixels) lies in the copy where the
     * candidate's stored trim lies in the candidate, mirrored: the copy is then the candidate's mirror image, trimmed alike,
     * and worth a pose search. A weaker test (the kept share closer to the candidate's) let a tenth crop of a two-star rating row, cut through its
     * first star, trim from its white right side and match a one-and-a-half-star row mirrored (evaluation, seed 123).
     */
    static boolean mirrorsTrimOf(Margins.Box mirrored, DecodedImage flat, RepostSignature candidate) {
        int w = flat.width(), h = flat.height();
        float[] c = candidate.box();
        double xSlack = Math.max(SIDE_SLACK, (double) SIDE_SLACK_PX / w);
        double ySlack = Math.max(SIDE_SLACK, (double) SIDE_SLACK_PX / h);
        return Math.abs((double) mirrored.x0() / w - (1 - c[2])) <= xSlack
                && Math.abs((double) mirrored.x1() / w - (1 - c[0])) <= xSlack
                && Math.abs((double) mirrored.y0() / h - c[1]) <= ySlack
                && Math.abs((double) mirrored.y1() / h - c[3]) <= ySlack;
    }
}
