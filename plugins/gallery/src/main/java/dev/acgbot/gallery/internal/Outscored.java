package dev.acgbot.gallery.internal;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The verdicts without the look-alikes a near-exact hit clearly outscores (issue 12, docs/benchmarks.md "False duplicates
 * on other samples, round 9"). Openclipart holds icon sets whose members differ in a stroke (a grid drawn dashed or solid,
 * a quarter note beside an eighth note, a card's two of hearts plain and ornamental, clock faces at other hours): a copy of
 * one passes the edge step against its siblings too (0.95-0.97), while its source agrees at 0.98-1.00. When the copy's
 * edges agree with one picture at {@value #SURE} or more, a picture that agrees {@value #GAP} or more less disagrees where
 * that one agrees: another drawing, not a second copy. The hits left lie within {@value #GAP} of the best, so the first
 * hit ({@link DefaultGallery#HIT_ORDER} ranks in steps of 0.01) never changes and the list only gets shorter.
 *
 * <p>Only when the best hit was matched through an edit (the posted picture is an edited copy). When it matched as it
 * is, the posted picture is in the gallery itself and the other hits are its stored reposts, which /similar exists to
 * list and count: they lie as far below as siblings do (a turned, captioned or halved copy 0.955-0.975 against the
 * picture's own 1.000). On 40 openclipart pictures stored with 8 edited copies each, each picture looked up as it is,
 * the rule without this exception hid 18 of the 260 copies listed (docs/benchmarks.md, "Round 9 together").
 */
final class Outscored {
    /**
     * The best hit's agreement from which the rule holds: near exact. At 0.99 ({@link CandidateChecks#NEAR_EXACT}) a JPEG
     * copy of the dashed grid icon (0.990, just under 0.99) still listed four sibling grids at 0.959-0.964 (`--sample-seed 77`).
     */
    static final double SURE = 0.98;
    /**
     * How far below the best hit a hit is still listed. On diagnosis samples (`--sample-seed 77`, `123`) the siblings lay
     * 0.027-0.048 below their source's 0.99-1.00 on rotate 10°, greyscale and brightness copies.
     */
    static final double GAP = 0.025;

    private Outscored() {
    }

    /**
     * @param flat the sha256s of verdicts of flat pictures ({@link RepostVerifier.Found#flat()}): their similarity of 1 is
     *             no agreement of edges, so they neither set the bar nor are held to it
     */
    static Map<String, RepostVerifier.Verdict> without(Map<String, RepostVerifier.Verdict> verdicts, Set<String> flat) {
        Optional<RepostVerifier.Verdict> bestHit = verdicts.entrySet().stream().filter(e -> !flat.contains(e.getKey()))
                .map(Map.Entry::getValue).max(Comparator.comparingDouble(RepostVerifier.Verdict::similarity));
        if (bestHit.isEmpty() || bestHit.get().similarity() < SURE || bestHit.get().edits().isEmpty()) {
            return verdicts;
        }
        double best = bestHit.get().similarity();
        Map<String, RepostVerifier.Verdict> kept = new LinkedHashMap<>(verdicts);
        kept.entrySet().removeIf(e -> !flat.contains(e.getKey()) && e.getValue().similarity() < best - GAP);
        return kept;
    }
}
