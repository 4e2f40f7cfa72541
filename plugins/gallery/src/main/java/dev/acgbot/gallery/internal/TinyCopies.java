package dev.acgbot.gallery.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The verifier's word on a tiny copy ({@link TinyCheck#TINY} pixels or less once trimmed): the candidate that its own
 * pixels single out. At 8-30 pixels the edge step cannot tell a drawing from its look-alikes (both agree at 0.78-0.95,
 * the true source included), but rendered down to the copy's pixels the source matches them almost exactly and a
 * look-alike does not: in a diagnosis on 125 sources outside the benchmark's sample (seed 77), the source correlated at
 * 0.985-1.000 on 22 of the 29 missed resize-25 % copies (the others: flat at that size, unposed, larger than
 * {@link TinyCheck#TINY} pixels, or 0.90-0.95), look-alikes mostly lower and never higher by a clear margin. So the candidate
 * whose correlation is {@value #ACCEPT} or more and whose residual is at most 1/{@value #CLEARER} of every other
 * candidate's is a copy, and ranks at that correlation; two candidates alike at that size (the set's own duplicates, a
 * note and the dotted note with the dot cropped away) leave the edge step's verdicts as they were.
 */
final class TinyCopies {
    static final double ACCEPT = 0.975;
    static final double CLEARER = 3;
    /**
     * Candidates compared, those whose thumbnails correlate best: each costs up to 25 renderings ({@link TinyCheck#best},
     * 0.9-2.5 ms at load 9.5), and the source is among the first few posed (CandidateChecks runs the edge step on ten).
     */
    static final int CHECKS = 8;

    /**
     * A lower bar for a candidate clearer still: a JPEG'd copy (crop+resize+jpeg at 27 pixels) or one posed at the lower
     * bar left sources with no rival at 0.943-0.963 (3 of 250 diagnosis queries, seed 77); a look-alike with no better
     * rival reached 0.973 against 0.910 (a residual 3.3 times smaller), which {@value #CLEARER_STILL} times keeps out.
     */
    static final double ACCEPT_CLEARER = 0.94;
    static final double CLEARER_STILL = 5;

    /** Whether a correlation {@code best} singles its candidate out when the next best is {@code next}. */
    static boolean singledOut(double best, double next) {
        return best >= ACCEPT && CLEARER * (1 - best) <= 1 - next || best >= ACCEPT_CLEARER && CLEARER_STILL * (1 - best) <= 1 - next;
    }

    /** A candidate on which the copy as posted found a pose, at the tiny copy's lower bar or above. */
    record Posed(String sha, RepostSignature signature, RepostVerifier.Found found) {
    }

    private record Scored(Posed posed, double correlation) {
    }

    private TinyCopies() {
    }

    /**
     * Adds to {@code verdicts} the candidate the copy's own pixels single out, if one is, or ranks it up to its
     * correlation when the edge step found it already. The other verdicts keep the edge step's similarity: ranked by
     * their correlations too, the recolour variants of a tiny pattern (which a greyscale copy matches alike) rose to
     * the source's similarity and {@link CandidateChecks#withoutRecolours} no longer dropped them (greyscale false
     * duplicates 0.048 to 0.056 a query on the evaluation).
     */
    static void decide(RepostVerifier.Query q, List<Posed> candidates, Map<String, RepostVerifier.Verdict> verdicts) {
        List<Scored> scored = candidates.stream().sorted(Comparator.comparingDouble((Posed c) -> -c.found().ncc()).thenComparing(Posed::sha))
                .limit(CHECKS).map(c -> new Scored(c, TinyCheck.best(q.tiny,
                        DetailCheck.floats(c.found().levels().apply(c.signature().detail())), c.signature().aspect(), c.found().best())))
                .sorted(Comparator.comparingDouble(Scored::correlation).reversed()).toList();
        if (scored.isEmpty()) {
            return;
        }
        Scored best = scored.getFirst();
        double next = scored.size() > 1 ? scored.get(1).correlation() : 0;
        if (!singledOut(best.correlation(), next)) {
            return;
        }
        RepostVerifier.Verdict held = verdicts.get(best.posed().sha());
        if (held != null) {
            verdicts.put(best.posed().sha(), new RepostVerifier.Verdict(Math.max(held.similarity(), best.correlation()), held.pose(), held.edits()));
            return;
        }
        RepostVerifier.named(q, best.posed().signature(), best.posed().found(), best.correlation())
                .ifPresent(verdict -> verdicts.put(best.posed().sha(), verdict));
    }
}
