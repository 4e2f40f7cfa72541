package dev.acgbot.gallery.internal;

import dev.acgbot.models.image.DecodedImage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;

/**
 * A second, small round of candidates for a lookup none of whose {@link DefaultGallery#MAX_CANDIDATES} candidates
 * passed. Plain drawings on white and pictures that come in several colours (flags, LEDs) share their hashes, so the
 * source can lie within every radius and still be crowded out: on the evaluation's sample a map symbol's
 * crop+resize+JPEG copy had its source 10th in {@link CropShortlist}'s order (8 crop slots), a flag's copy had 25
 * pictures closer by the whole hashes, and on seed 77 two quarter crops had 24-30 other pictures' crop windows as
 * close, so the scan did not even keep them (docs/benchmarks.md, "Crowded candidates, round 11 second wave"). Verified
 * here, each with {@link CandidateChecks#verify}: the next {@value #NEXT} of the shortlist not verified, and the
 * {@value #NEXT_WHOLE} closest by the whole hashes not verified ({@link #closestNotVerified}); of the
 * {@link HashRows.Probe#CROWDED} crop-window rows the scan kept beyond those and the shortlist's candidates it did not
 * fit, the {@value #FITTING} that fit the copy as a crop ({@link CropPoses#fit}) better than the shortlist's best; and
 * for a copy in colour, the {@value #COLOURED} closest candidates not verified whose colours agree with it, and the
 * {@value ColourLayouts#SLOTS} whose colour layout is closest that no hash found ({@link ColourLayouts}); and for a
 * thin strip turned on its canvas, the {@value #STRIPS} whose thumbnails fit it best where its turn puts it
 * ({@link TurnedStrips}). Only in lookups that found nothing, so its cost does not reach the lookups that pass; but
 * those are most lookups of pictures the gallery does not hold, so its candidates get the verifier's first round only,
 * not the last-resort searches the first round of candidates had already had (with them, this round was 30 % of such a
 * lookup's CPU samples at 100k; without them such lookups take a quarter less, and no cell of the evaluation changed on
 * three samples; docs/benchmarks.md, "Lookups that find nothing, round 17").
 */
final class CrowdedCrops {
    static final int NEXT = 2;
    /**
     * Seven: the four decks of playing cards lie within a few bits of each other on every hash, so a card framed, turned
     * by 4° and brightened (`bordered_d_7`, seed 4242) had 17 candidates before it by the whole hashes (other cards,
     * closer or tied) and none of the first round's 24 passed; with the seven closest not verified taken here, the red
     * cards closest in its colours ({@value #COLOURED}) reach it, and it passes at 0.967. With two (round 49) the 29
     * seeds' evaluation found five sources fewer and listed one false duplicate fewer, twice (docs/benchmarks.md, "Cards
     * crowded out, round 50").
     */
    static final int NEXT_WHOLE = 7;
    static final int FITTING = 2;
    static final int COLOURED = 2;
    static final int STRIPS = 2;

    /**
     * What the first round left: every candidate of the hash stage, the shortlist, those verified, the crowded rows, and the
     * closest by colour layout that no hash found ({@link ColourLayouts}).
     */
    record Left(Map<String, HashRows.Near> near, List<Map.Entry<String, HashRows.Near>> byCrop,
                List<Map.Entry<String, HashRows.Near>> verified, Map<String, HashRows.Near> crowded,
                Map<String, HashRows.Near> byColour) {
        Left(Map<String, HashRows.Near> near, List<Map.Entry<String, HashRows.Near>> byCrop,
             List<Map.Entry<String, HashRows.Near>> verified, Map<String, HashRows.Near> crowded) {
            this(near, byCrop, verified, crowded, Map.of());
        }
    }

    private CrowdedCrops() {
    }

    static Map<String, RepostVerifier.Verdict> verify(RepostVerifier.Query q, DecodedImage small, Left left,
                                                      Function<String, Optional<RepostSignature>> signatures, SharedWork work) {
        Set<String> taken = new HashSet<>();
        left.verified().forEach(e -> taken.add(e.getKey()));
        List<CandidateChecks.Candidate> more = new ArrayList<>();
        left.byCrop().stream().filter(e -> !taken.contains(e.getKey())).limit(NEXT)
                .forEach(e -> signed(e.getKey(), e.getValue(), signatures).ifPresent(more::add));
        more.forEach(c -> taken.add(c.sha()));
        closestNotVerified(left, taken).forEach(e -> signed(e.getKey(), e.getValue(), signatures).ifPresent(more::add));
        more.forEach(c -> taken.add(c.sha()));
        if (!left.byCrop().isEmpty()) {
            Map.Entry<String, HashRows.Near> top = left.byCrop().getFirst();
            double best = signatures.apply(top.getKey()).map(s -> CropPoses.fit(q, s, top.getValue().cropWindow())).orElse(-1.0);
            // the signatures read in order (the lookup's reads are not shared), then fitted at once: a few hundred
            // microseconds a lookup that finds nothing (JFR at 100k, round 28)
            List<CandidateChecks.Candidate> crowded = new ArrayList<>();
            left.crowded().forEach((sha, n) -> signed(sha, n, signatures).ifPresent(crowded::add));
            unfitted(left, taken).forEach(e -> signed(e.getKey(), e.getValue(), signatures).ifPresent(crowded::add));
            List<Map.Entry<CandidateChecks.Candidate, Double>> fits = work.map(crowded,
                    c -> Map.entry(c, CropPoses.fit(q, c.signature(), c.near().cropWindow())));
            fits.stream().filter(e -> e.getValue() > best)
                    .sorted(Comparator.comparingDouble((Map.Entry<CandidateChecks.Candidate, Double> e) -> -e.getValue())
                            .thenComparing(e -> e.getKey().sha()))
                    .limit(FITTING).forEach(e -> more.add(e.getKey()));
        }
        if (RepostVerifier.chroma(q.signature.colour()) >= RepostVerifier.COLOURFUL) {
            more.forEach(c -> taken.add(c.sha()));
            left.near().entrySet().stream().filter(e -> !taken.contains(e.getKey()))
                    .sorted(DefaultGallery.BY_WHOLE_HASHES)
                    .map(e -> signed(e.getKey(), e.getValue(), signatures).filter(c -> RepostVerifier.chroma(c.signature().colour()) >= RepostVerifier.COLOURFUL
                            && RepostVerifier.sameColours(q, c.signature())))
                    .flatMap(Optional::stream).limit(COLOURED).forEach(more::add);
        }
        left.byColour().forEach((sha, n) -> signed(sha, n, signatures).ifPresent(more::add));
        more.forEach(c -> taken.add(c.sha()));
        strips(q, left, taken, signatures).forEach(more::add);
        return more.isEmpty() ? Map.of() : CandidateChecks.verify(q, small, more, work, false);
    }

    /**
     * For a thin strip turned on its canvas ({@link TurnedStrips}), the {@value #STRIPS} candidates of the hash stage not
     * taken yet whose thumbnails fit the copy best where the turn its ink reads puts it ({@link TurnedWindows#seed}: on a
     * canvas of the copy's shape). A map symbol's bar turned by 3° lay 22nd of its lookup's candidates by the whole hashes,
     * and its thumbnail fitted the copy at that pose better than any other candidate's.
     */
    private static List<CandidateChecks.Candidate> strips(RepostVerifier.Query q, Left left, Set<String> taken,
                                                          Function<String, Optional<RepostSignature>> signatures) {
        OptionalDouble turn = q.stripTurn();
        if (turn.isEmpty()) {
            return List.of();
        }
        record Fitted(CandidateChecks.Candidate candidate, double fit) {
        }
        return left.near().entrySet().stream().filter(e -> !taken.contains(e.getKey()))
                .flatMap(e -> signed(e.getKey(), e.getValue(), signatures).stream())
                .flatMap(c -> TurnedWindows.seed(turn.getAsDouble(), q.signature, c.signature())
                        .map(seed -> new Fitted(c, RepostVerifier.fitAt(q, c.signature(), seed))).stream())
                .sorted(Comparator.comparingDouble((Fitted f) -> -f.fit()).thenComparing(f -> f.candidate().sha()))
                .limit(STRIPS)
                .map(Fitted::candidate).toList();
    }

    /**
     * The {@value #NEXT_WHOLE} candidates of the hash stage closest by the whole and trimmed hashes not taken yet: the first
     * round fills its slots from the crop and turned windows first ({@link DefaultGallery#CROP_SLOTS},
     * {@link DefaultGallery#TURN_SLOTS}), so a flowchart shape framed, turned by 4° and brightened, 8th by the whole
     * hashes among 77 candidates (tied with others at 26 bits), was not verified, and passed at 0.973 once it was
     * (evaluation, seed 5555 border+rotate+bright).
     */
    private static List<Map.Entry<String, HashRows.Near>> closestNotVerified(Left left, Set<String> taken) {
        return left.near().entrySet().stream().filter(e -> !taken.contains(e.getKey()))
                .sorted(DefaultGallery.BY_WHOLE_HASHES)
                .limit(NEXT_WHOLE).toList();
    }

    /**
     * The shortlist's candidates past the {@value CropShortlist#FITTED} it fitted, not verified: the copy's and its mirror
     * image's scans each keep that many by window, so the merged shortlist can hold more, ordered by distance alone. A lime
     * on a page, cut, halved and re-encoded (seed 200, crop+resize+JPEG), lay 26th there at 12 bits, past 25 pictures closer
     * by window, and fitted the copy at 0.84 where the shortlist's best fitted 0.71.
     */
    private static List<Map.Entry<String, HashRows.Near>> unfitted(Left left, Set<String> taken) {
        List<Map.Entry<String, HashRows.Near>> byCrop = left.byCrop();
        return byCrop.subList(Math.min(CropShortlist.FITTED, byCrop.size()), byCrop.size()).stream()
                .filter(e -> !taken.contains(e.getKey())).toList();
    }

    private static Optional<CandidateChecks.Candidate> signed(String sha, HashRows.Near n, Function<String, Optional<RepostSignature>> signatures) {
        return signatures.apply(sha).map(s -> new CandidateChecks.Candidate(sha, n, s));
    }
}
