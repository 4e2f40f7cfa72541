package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.RepostEdit;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.DoubleSupplier;

/**
 * The verdicts without the siblings of a picture the copy matched as it is (issue 12, docs/benchmarks.md "False duplicates,
 * round 10"): {@link Outscored}'s other half. When the best hit names no edit (a re-encoded, blurred, greyscale or
 * brightened copy, or the picture itself), the hits {@link Outscored#GAP} or more below it are either the picture's
 * stored reposts, which /similar exists to list, or siblings of an icon set (a dashed grid beside the solid one, a card
 * face plain and ornamental, a half note beside a whole note), at the same distance (0.95-0.98 against 0.98-1.00). A hit
 * lower by that much is dropped only when its edges say another drawing:
 * <ul>
 *   <li>it too names no edit, yet is no softer than the best hit's stored picture: a stored repost matched unmoved that
 *       lies so far below is a smaller or turned copy, which lost detail (on 40 openclipart pictures stored with 8 edited
 *       copies each, the three such copies were {@value #SOFTER} or more smoother, {@link DetailCheck#smoothness}: 0.067-0.116;
 *       the siblings of `--sample-seed 77` -0.02 to +0.04);</li>
 *   <li>or its disagreement lies in one place ({@link DetailCheck#concentration} at least {@value #CONCENTRATED}): a copy
 *       disagrees a little along every edge (the stored copies 0.11-0.32), a note with another stem flag where it differs
 *       (0.59-0.83); not a hit the copy is only a crop of ({@link #framedOnly}).</li>
 * </ul>
 * The best hit stays first and the list only gets shorter.
 */
final class AsIsSiblings {
    /** How much smoother than the best hit's picture an unmoved hit must be to be taken for a copy that lost detail. */
    static final double SOFTER = 0.05;
    /** The share of the disagreement in one block from which a hit is a sibling drawn differently there. */
    static final double CONCENTRATED = 0.45;
    /** The edits of a copy that is a crop of the hit, maybe framed: {@link #framedOnly}. */
    private static final Set<RepostEdit> FRAMING = Set.of(RepostEdit.CROPPED, RepostEdit.BORDER);

    /**
     * What the rule reads of a candidate: its stored 64x64 picture, and the concentration of its disagreement with the
     * copy (computed only for the hits the rule weighs: one more descent of the edge step each).
     */
    record Hit(byte[] detail, DoubleSupplier concentration) {
    }

    private AsIsSiblings() {
    }

    /**
     * @param flat the sha256s of flat verdicts, which neither set the bar nor are held to it (as in {@link Outscored})
     * @param hits per sha256 of a non-flat verdict, what the rule reads of it
     */
    static Map<String, RepostVerifier.Verdict> without(Map<String, RepostVerifier.Verdict> verdicts, Set<String> flat,
                                                        Map<String, Hit> hits) {
        Optional<Map.Entry<String, RepostVerifier.Verdict>> best = verdicts.entrySet().stream().filter(e -> !flat.contains(e.getKey()))
                .max(Comparator.comparingDouble(e -> e.getValue().similarity()));
        if (best.isEmpty() || best.get().getValue().similarity() < Outscored.SURE || !best.get().getValue().edits().isEmpty()
                || !hits.containsKey(best.get().getKey())) {
            return verdicts;
        }
        double bar = best.get().getValue().similarity() - Outscored.GAP;
        double bestSmoothness = smoothness(hits.get(best.get().getKey()));
        Map<String, RepostVerifier.Verdict> kept = new LinkedHashMap<>(verdicts);
        kept.entrySet().removeIf(e -> !flat.contains(e.getKey()) && hits.containsKey(e.getKey()) && e.getValue().similarity() < bar
                && sibling(e.getValue(), hits.get(e.getKey()), bestSmoothness));
        return kept;
    }

    private static boolean sibling(RepostVerifier.Verdict v, Hit hit, double bestSmoothness) {
        return v.edits().isEmpty() && smoothness(hit) < bestSmoothness + SOFTER
                || !framedOnly(v) && hit.concentration().getAsDouble() >= CONCENTRATED;
    }

    /**
     * Whether the copy is only a crop of the hit, maybe in a frame: a stored captioned copy of the picture holds more than
     * the copy, and where that reaches into the pose it disagrees in one place too (one of the probe's captioned copies,
     * 0.022 below, 0.82 of its disagreement in one block).
     */
    private static boolean framedOnly(RepostVerifier.Verdict v) {
        return !v.edits().isEmpty() && FRAMING.containsAll(v.edits());
    }

    private static double smoothness(Hit hit) {
        return DetailCheck.smoothness(DetailCheck.floats(hit.detail()));
    }
}
