package dev.acgbot.gallery.internal;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The verdicts without the hits drawn in other tones than the copy's own picture (issue 12, docs/benchmarks.md "False
 * duplicates, round 11"). Each verdict the pose search found comes with the {@link Levels} that take the candidate's grey
 * thumbnail to the copy's at its pose. The best hit is the copy's own picture, and its levels say how the copy's tones
 * were edited; a stored repost of that picture needs the same levels. A hit matched through an edit (cropped, recoloured,
 * turned...) whose tones lie {@value #FURTHER} or more levels a quantile further from the copy's than the best hit's
 * ({@link Levels#closer}), and which needs the copy lifted more than the best hit does, is darker where the copy's
 * picture is light: the warning sign on the grey square of another icon (named cropped), the line-art milk carton filled
 * in blue (named recoloured). Edges and a normalised correlation are blind to that: the edge step passed both at
 * 0.96-0.99 beside their picture's 0.99-1.00, on 11 and 17 of the 22 edits of `--sample-seed 77`.
 *
 * <p>Measured with a throwaway patch that printed every listed hit's levels (`--sample-seed 77`, `91` and the evaluation's
 * sample), over the hits that need the copy lifted more than the best hit does: those two lay 37-59 further; the sources
 * at most 16 further (a brightened cream card behind its white variant), the set's own variants up to 24 (the colour
 * twin of a line-art jigsaw 55-68: dropped too, a variant as the milk carton is); the stored reposts of 41 openclipart
 * pictures looked up as they are (turned, cropped, framed, captioned, halved, JPEG, grey and brightened copies) at most
 * 5 further. A darkened stored repost lies 32-50 further, but is matched with no edit named: a tone change alone is what
 * such a repost shows, so only a hit that needs an edit besides is dropped.
 */
final class OtherTones {
    /** How much further than the best hit's, in levels a quantile, a hit's tones may lie from the copy's. */
    static final double FURTHER = 30;

    private OtherTones() {
    }

    /**
     * @param flat  the sha256s of flat verdicts, which neither set the bar nor are held to it (as in {@link Outscored})
     * @param tones per sha256 of a verdict the pose search found, the levels at its pose; a verdict without them (decided
     *              by a later step) is kept, and without them for the best hit nothing is dropped
     */
    static Map<String, RepostVerifier.Verdict> without(Map<String, RepostVerifier.Verdict> verdicts, Set<String> flat,
                                                        Map<String, Levels> tones) {
        Optional<Map.Entry<String, RepostVerifier.Verdict>> best = verdicts.entrySet().stream().filter(e -> !flat.contains(e.getKey()))
                .max(Comparator.comparingDouble(e -> e.getValue().similarity()));
        if (best.isEmpty() || best.get().getValue().similarity() < Outscored.SURE || !tones.containsKey(best.get().getKey())) {
            return verdicts;
        }
        Levels own = tones.get(best.get().getKey());
        Map<String, RepostVerifier.Verdict> kept = new LinkedHashMap<>(verdicts);
        kept.entrySet().removeIf(e -> !flat.contains(e.getKey()) && !e.getValue().edits().isEmpty() && tones.containsKey(e.getKey())
                && other(tones.get(e.getKey()), own));
        return kept;
    }

    private static boolean other(Levels hit, Levels own) {
        return hit.lift() > own.lift() && hit.closer() - own.closer() >= FURTHER;
    }
}
