package dev.acgbot.gallery.internal;

import java.util.Optional;

/**
 * Whether a crop pose on a page the store kept whole ({@link WholePages#keptWholePage}: a small drawing on a large page)
 * is what the copy's ink says. A crop enlarges what it keeps: a copy cut from such a page shows its drawing larger on its
 * own canvas, and the ink it holds (how far below white its {@value RepostSignature#DETAIL}x{@value RepostSignature#DETAIL}
 * picture lies, summed) is the ink the candidate shows through the pose. At the detail grid a drawing of a few cells fits
 * crop windows of many sizes alike: a bullet hole's page, copied unedited, was posed on its sibling's page (the same
 * hole 10 % higher on it) as a crop keeping 0.67 of it, where the copy holds 0.71 of the ink that crop would show, and
 * that page was listed as cut from it on nearly every edit (evaluation, fresh seed 2718; the bullet holes' pages were
 * 70 of the line art's 129 false duplicates on six samples). Sources listed as cut from their pages held 0.73-1.34 of
 * the posed ink on the crop edits, under {@link #SHORT} only where the search settled on too small a window (2 of 45),
 * and 0.39-0.76 where a turned or brightened copy was posed as a crop: such a pose is tried again from the window the ink
 * implies ({@link RepostVerifier#judge}; docs/benchmarks.md, "Drawings that kept their size, round 42").
 */
final class PageInk {
    /** Below this share of the ink a crop pose implies, the copy's drawing kept its size: the pose is no crop of it. */
    static final double SHORT = 0.8;
    /** A window the ink sizes at this share of the page or more is tried as the page itself. */
    static final double NEARLY_WHOLE = 0.9;
    /** The most a window grows each way to the size the ink implies (for a copy holding a quarter of the ink or less). */
    private static final double MAX_GROWTH = 2;

    private PageInk() {
    }

    /**
     * Whether {@code pose}, a crop of {@code candidate}, a page kept whole, by a copy kept whole too, implies more ink than
     * the copy holds by {@link #SHORT}: the candidate's detail at the copy's levels ({@code levelled}), sampled through
     * the pose, against the copy's own.
     */
    static boolean shortOfCrop(RepostVerifier.Query q, RepostSignature candidate, RepostVerifier.Pose pose, byte[] levelled) {
        return inkSized(q, candidate, pose, levelled).isPresent();
    }

    /**
     * Where {@code pose}, when {@link #shortOfCrop short of its crop}, would lie at the size the copy's ink implies: the
     * window grown about its centre by the square root of the missing share each way (at most {@value #MAX_GROWTH} times as
     * wide and high), kept on the page and turned as the pose is; the page itself from
     * {@value #NEARLY_WHOLE} of its area. Empty when the ink agrees with the pose.
     */
    static Optional<RepostVerifier.Pose> inkSized(RepostVerifier.Query q, RepostSignature candidate, RepostVerifier.Pose pose,
                                                 byte[] levelled) {
        if (!pose.cropped() || !WholePages.keptWholePage(candidate) || q.signature.keptArea() < RepostVerifier.UNTRIMMED) {
            return Optional.empty();
        }
        double share = share(q.signature.detail(), levelled, candidate.aspect(), pose);
        if (share >= SHORT) {
            return Optional.empty();
        }
        double grow = Math.min(MAX_GROWTH, 1 / Math.sqrt(share));
        double sw = Math.min(1, pose.sw() * grow), sh = Math.min(1, pose.sh() * grow);
        if (sw * sh >= NEARLY_WHOLE) {
            return Optional.of(new RepostVerifier.Pose(0.5, 0.5, 1, 1, pose.theta(), pose.mirror()));
        }
        double cx = Math.clamp(pose.cx(), sw / 2, 1 - sw / 2), cy = Math.clamp(pose.cy(), sh / 2, 1 - sh / 2);
        return Optional.of(new RepostVerifier.Pose(cx, cy, sw, sh, pose.theta(), pose.mirror()));
    }

    /** The copy's ink over the ink {@code candidate} shows through {@code pose}, both {@value RepostSignature#DETAIL}-square. */
    static double share(byte[] copy, byte[] candidate, float aspect, RepostVerifier.Pose pose) {
        int side = RepostSignature.DETAIL;
        boolean[] inside = new boolean[side * side];
        float[] posed = RepostVerifier.sample(DetailCheck.toFloat(candidate), side, side, aspect, pose, inside);
        double shown = 0, held = 0;
        for (int i = 0; i < posed.length; i++) {
            shown += inside[i] ? 255 - posed[i] : 0;
            held += 255 - (copy[i] & 0xFF);
        }
        return shown <= 0 ? 1 : held / shown;
    }
}
