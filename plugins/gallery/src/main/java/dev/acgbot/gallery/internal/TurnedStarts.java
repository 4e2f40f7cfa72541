package dev.acgbot.gallery.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The candidates closest in the hashes that found no pose at all, searched once more from the whole picture turned a
 * little, when no candidate passed. The pose search descends from its best-scoring start only, and only when that start
 * correlates at 0.65 or more on the coarse grid; a framed copy turned in place whose picture is long or tall loses its
 * ends to the turn (a banner of aspect 4.2, an ice cream of 0.26) or its corners (a flag), and there every start
 * correlated at 0.15-0.64, while a descent on the fine grid from the whole picture turned 3° (kept at its size, or on a
 * canvas grown to hold it) reached 0.97-0.99 at the true turn (border+rotate+bright, `--sample-seed 91`, each of three
 * such sources turned both ways; docs/benchmarks.md "Tiny and turned copies, round 11"). Those sources were 2nd or closer
 * in the hashes among their lookups' unposed candidates (pHash plus dHash distance).
 */
final class TurnedStarts {
    /**
     * How many unposed candidates are searched: the closest by pHash plus dHash distance. With 2, a framed, turned and
     * brightened line silhouette whose source was the 4th closest (31 bits, against 28, 30 and 30) was missed, and so was
     * a card's such copy (`--sample-seed 77`); with 4, line art border+rotate+bright on that sample went 0.891 -> 0.935
     * and no not-stars or line-art false duplicate was added on the three samples. Each is searched from its best-scoring
     * start only ({@link RepostVerifier#onFineFromBestStart}), so the four cost half of what two cost from every start.
     */
    static final int CLOSEST = 4;
    /** The starts' turn: a descent from it reached 4° turns both ways; the pose search's own turned starts are at 6°. */
    private static final double START_TURN = Math.toRadians(3);

    private TurnedStarts() {
    }

    /**
     * The first of the {@value #CLOSEST} closest candidates of {@code unposed} (at most {@code budget}, one edge step
     * each) that the starts pose, turned, and whose edges agree; its verdict. Searched at once on {@code work}.
     */
    static Optional<Map.Entry<CandidateChecks.Candidate, RepostVerifier.Verdict>> verdict(RepostVerifier.Query q,
                                                                                     List<CandidateChecks.Candidate> unposed, int budget,
                                                                                     SharedWork work) {
        List<CandidateChecks.Candidate> closest = unposed.stream().sorted(Comparator.comparingInt((CandidateChecks.Candidate c) ->
                c.near().pHashDistance() + c.near().dHashDistance()).thenComparing(CandidateChecks.Candidate::sha)).limit(Math.min(CLOSEST, budget)).toList();
        return CandidateChecks.firstPassing(q, closest, c -> posed(q, c), work);
    }

    /**
     * The pose search seeded where a fine-grid descent ended from the best-scoring of four starts (the whole picture turned
     * by ±3°, at its size and on a grown canvas), when it ends turned.
     */
    private static Optional<RepostVerifier.Found> posed(RepostVerifier.Query q, CandidateChecks.Candidate c) {
        float aspect = c.signature().aspect();
        Stream<RepostVerifier.Pose> starts = Stream.of(START_TURN, -START_TURN).flatMap(t -> Stream.of(
                new RepostVerifier.Pose(0.5, 0.5, 1, 1, t, false), RepostVerifier.Pose.turnedCanvas(t, aspect, false)));
        RepostVerifier.Found best = RepostVerifier.onFineFromBestStart(q, c.signature(), Levels.NONE, starts);
        return RepostVerifier.pose(q, c.signature(), c.near().dHashEvidence(), c.near().faintEvidence(), List.of(best.best()))
                .filter(f -> f.best().turned());
    }
}
