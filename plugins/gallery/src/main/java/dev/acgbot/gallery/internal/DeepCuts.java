package dev.acgbot.gallery.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The candidates a crop window found whose shape differs from the copy's more than any window of the pose search can
 * make up for, searched once more from the candidate cut on one side to the copy's shape
 * ({@link RepostVerifier.Pose#cutOnOneSide}), when no candidate passed. A page cropped at a quarter cuts deep into a
 * drawing at its top: the copy of Gentoo's terminal icon kept the monitor's lower 55 % at its full width (seed 4, crop
 * 25 %), and from the cut start it passed at 0.977. Only when nothing passed: started so for every candidate, a quarter
 * note's contrasted copy listed four other notes and sound icons as cut and bordered beside its own source (line art
 * contrast +30 %: false duplicates 0 -> 0.103 a query on seed 4, 0.022 -> 0.109 on seed 77; docs/benchmarks.md "Deep
 * cuts, round 20").
 */
final class DeepCuts {
    /** How many candidates are searched so: the closest by their crop window, then by pHash plus dHash distance. */
    static final int CLOSEST = 4;

    private DeepCuts() {
    }

    /**
     * The first of the {@value #CLOSEST} closest of {@code candidates} that a crop window found and whose shape the search's
     * windows do not reach (at most {@code budget}, one edge step each) that the cut starts pose and whose edges agree;
     * its verdict. Searched at once on {@code work}.
     */
    static Optional<Map.Entry<CandidateChecks.Candidate, RepostVerifier.Verdict>> verdict(RepostVerifier.Query q,
                                                                                     List<CandidateChecks.Candidate> candidates, int budget,
                                                                                     SharedWork work) {
        List<CandidateChecks.Candidate> closest = candidates.stream()
                .filter(c -> c.near().cropWindow() >= 0 && !starts(q, c).isEmpty())
                .sorted(Comparator.comparingInt((CandidateChecks.Candidate c) -> c.near().cropDistance())
                        .thenComparingInt(c -> c.near().pHashDistance() + c.near().dHashDistance())
                        .thenComparing(CandidateChecks.Candidate::sha))
                .limit(Math.min(CLOSEST, budget)).toList();
        return CandidateChecks.firstPassing(q, closest, c -> RepostVerifier.pose(q, c.signature(), c.near().dHashEvidence(),
                c.near().faintEvidence(), starts(q, c), RepostVerifier.Reach.PART), work);
    }

    private static List<RepostVerifier.Pose> starts(RepostVerifier.Query q, CandidateChecks.Candidate c) {
        return RepostVerifier.Pose.cutOnOneSide(q.signature.aspect(), c.signature().aspect(), false);
    }
}
