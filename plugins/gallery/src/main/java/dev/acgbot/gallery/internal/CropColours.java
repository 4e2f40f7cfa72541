package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.RepostEdit;

import java.util.Set;

/**
 * A cropped copy keeps the colours of the part it kept: a crop that is also recoloured is another picture's window
 * (openclipart holds LEDs, card decks, patterns and clip art in several colourings, and with the crop poses of
 * {@link CropPoses} a window of one matched a crop of another at 0.95-0.99; docs/benchmarks.md, crops round 7).
 * Reposts are cropped or recoloured, rarely both, as they are cropped or stretched (the rule beside this one).
 */
final class CropColours {
    /**
     * Only a pose cropped on both sides counts: the pose search also finds one-sided crop poses on self-similar
     * pictures (a greyscale copy of a pattern posed as cropped one way and bordered the other), whose recolour is the
     * edit itself (with any cropped pose: greyscale recall 0.984 to 0.968 on the evaluation's 124 non-star sources).
     */
    static final double CROPPED_SIDE = 0.9;

    private CropColours() {
    }

    /**
     * Whether a pose cropped on both sides is also recoloured: the copy and the candidate's part inside {@code pose}
     * disagree on having colour (one grey, chroma under {@link RepostVerifier#COLOURFUL}, the other clearly coloured,
     * twice that), or the edits already name a recolour.
     */
    static boolean recoloured(RepostVerifier.Query q, RepostSignature candidate, RepostVerifier.Pose pose, Set<RepostEdit> edits) {
        if (pose.sw() > CROPPED_SIDE || pose.sh() > CROPPED_SIDE) {
            return false;
        }
        if (edits.contains(RepostEdit.RECOLOURED)) {
            return true;
        }
        double copy = RepostVerifier.chroma(q.signature.colour());
        double inside = RepostVerifier.chroma(RepostVerifier.coloursInside(candidate, pose));
        return copy < RepostVerifier.COLOURFUL && inside >= 2 * RepostVerifier.COLOURFUL
                || inside < RepostVerifier.COLOURFUL && copy >= 2 * RepostVerifier.COLOURFUL;
    }
}
