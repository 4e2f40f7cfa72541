package dev.acgbot.gallery.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The verifier's word on a tiny copy ({@link TinyCheck#TINY} pixels or less once trimmed): the candidate that its own
 * pixels single out. At 8-30 pixels the edge step cannot tell a drawing from its look-alikes (both agree at 0.78-0.95,
 * the true source included), but rendered down to the copy's pixels the source matches them almost exactly and a
 * look-alike does not: in a diagnosis on 125 sources outside the benchmark's sample (seed 77), the source correlated at
 * 0.985-1.000 on 22 of the 29 missed resize-25 % copies (the others: flat at that size, unposed, larger than
 * {@link TinyCheck#TINY} pixels, or 0.90-0.95), look-alikes mostly lower and never higher by a clear margin. So the candidate
 * whose correlation is {@value #ACCEPT} or more and whose residual is at most 1/{@value #CLEARER} of every other
 * candidate's is a copy, and ranks at that correlation; two candidates alike at that size (a note and the dotted note
 * with the dot cropped away) leave the edge step's verdicts as they were, unless one is the other's stored picture.
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
        return clearly(best, next, ACCEPT) || best >= ACCEPT_CLEARER && CLEARER_STILL * (1 - best) <= 1 - next;
    }

    /** Whether {@code best} reaches {@code accept} with a residual at most 1/{@value #CLEARER} of the next one's. */
    static boolean clearly(double best, double next, double accept) {
        return best >= accept && CLEARER * (1 - best) <= 1 - next;
    }

    /**
     * The correlation of the first of {@code ranked} (best first) whose stored picture is not the best's: a stored twin
     * of the best is no rival; 0 when there is none.
     */
    static <T> double nextOther(List<T> ranked, Function<T, RepostSignature> signature,
                                ToDoubleFunction<T> correlation) {
        byte[] own = signature.apply(ranked.getFirst()).detail();
        return ranked.stream().filter(t -> !Arrays.equals(signature.apply(t).detail(), own)).mapToDouble(correlation)
                .findFirst().orElse(0);
    }

    /** The correlation at which the copy's hashes may single a candidate out ({@link #byHashes}). */
    static final double BY_HASHES = 0.90;
    /** How many bits of each whole-picture hash a candidate the hashes single out may differ by. */
    static final int NEAR = 6;

    /**
     * A candidate on which the copy as posted found a pose, at the tiny copy's lower bar or above; {@code trimmedAt}: the
     * copy's levels, where the pose is the candidate's trim at them ({@link #levelledTrim}), {@link Levels#NONE} otherwise.
     */
    record Posed(String sha, RepostSignature signature, RepostVerifier.Found found, Levels trimmedAt) {
        /** A candidate posed where the search put it ({@link #trimmedAt}: none). */
        Posed(String sha, RepostSignature signature, RepostVerifier.Found found) {
            this(sha, signature, found, Levels.NONE);
        }

        /** A candidate without a pose, taken as the whole picture unmoved (a resized copy's). */
        static Posed unmoved(String sha, RepostSignature signature) {
            RepostVerifier.Pose whole = RepostVerifier.Pose.WHOLE;
            return new Posed(sha, signature, new RepostVerifier.Found(0, whole, whole, true, false, Levels.NONE));
        }
    }

    /**
     * @param asPosted the correlation of the copy as posted (not mirrored): the correlation itself for an unmirrored pose,
     *                 for a mirrored one the copy's at the reflected pose (a mirror image turned by θ is the picture turned by
     *                 -θ with its centre reflected), which only a nearly symmetric candidate matches
     */
    private record Scored(Posed posed, double correlation, double asPosted) {
    }

    private TinyCopies() {
    }

    /**
     * Adds to {@code verdicts} the candidate the copy's own pixels single out, if one is, or ranks it up to its
     * correlation when the edge step found it already. When none is, the candidate the copy as posted singles out (not
     * mirrored), at that correlation: openclipart's flat theme holds icons and their mirror images ("line begins with a
     * circle", "line ends with a circle"), and at 15 pixels the mirror image posed mirrored matched the copy as well as the
     * source (0.9940 against 0.9935, 0.9906 against 0.9875 on two diagnosis samples), so nothing was singled out and
     * nothing listed; as posted, the mirror image matches no better than other look-alikes. A nearly symmetric candidate
     * keeps its correlation as posted, so a look-alike still ties with it (a warning sign and an "important file" icon).
     * The other verdicts keep the edge step's similarity: ranked by their correlations too, the recolour variants of a
     * tiny pattern (which a greyscale copy matches alike) rose to the source's similarity and
     * {@link CandidateChecks#withoutRecolours} no longer dropped them (greyscale false duplicates 0.048 to 0.056 a query on
     * the evaluation). When the copy as posted singles none out either, the candidate its hashes single out ({@link #byHashes}),
     * from {@code near}: the candidates close to it in both whole-picture hashes, posed or not; then the one the copy
     * taken as a candidate resized singles out ({@link ResizedCopies}); and last, when no verdict was given at all, the one
     * singled out once each candidate is scored where the copy's brightening trims it ({@link #levelledTrim}).
     */
    static void decide(RepostVerifier.Query q, List<Posed> candidates, List<Posed> near, Map<String, RepostVerifier.Verdict> verdicts) {
        List<Scored> scored = candidates.stream().filter(c -> !overstretched(q, c))
                .sorted(Comparator.comparingDouble((Posed c) -> -c.found().ncc()).thenComparing(Posed::sha))
                .limit(CHECKS).map(c -> scored(q, c)).toList();
        Optional<Scored> best = singledOut(scored, Scored::correlation);
        if (best.isPresent()) {
            take(q, best.get().posed(), best.get().correlation(), verdicts);
            return;
        }
        Optional<Scored> asPosted = singledOut(scored, Scored::asPosted);
        if (asPosted.isPresent()) {
            take(q, asPosted.get().posed(), asPosted.get().asPosted(), verdicts);
            return;
        }
        Optional<Scored> unmoved = asIs(scored);
        if (unmoved.isPresent()) {
            take(q, unmoved.get().posed(), unmoved.get().correlation(), verdicts);
            return;
        }
        Optional<Scored> hashed = byHashes(q, near.stream().filter(c -> !overstretched(q, c)).toList(), scored);
        if (hashed.isPresent()) {
            take(q, hashed.get().posed(), hashed.get().correlation(), verdicts);
            return;
        }
        // last, the copy taken as a candidate resized (ResizedCopies), among the candidates scored and the near ones: as the
        // whole candidate unmoved, since the pose found freely may name a crop and a stretch at once (a 15x6 arrow line at
        // 0.93x0.67 of its source), which no verdict is given
        List<Posed> all = new ArrayList<>(scored.stream().map(Scored::posed).toList());
        near.stream().filter(n -> all.stream().noneMatch(a -> a.sha().equals(n.sha()))).forEach(all::add);
        Optional<Posed> resized = ResizedCopies.singledOut(q, all);
        if (resized.isPresent()) {
            Posed p = resized.get();
            take(q, Posed.unmoved(p.sha(), p.signature()), ResizedCopies.correlation(q, p.signature()), verdicts);
            return;
        }
        // last of all, and only when no verdict was given: the candidates scored again where the copy's brightening trims
        // them. Tried in every tiny lookup, the trim let look-alikes past sources found otherwise: a checkbox passed a resized
        // checkmark's 15 pixels, an upscaled thin bar's sibling tied with it (evaluation, round 54)
        if (verdicts.isEmpty()) {
            singledOut(levelled(q, scored), Scored::correlation).ifPresent(s -> take(q, s.posed(), s.correlation(), verdicts));
        }
    }

    /**
     * The candidate the copy matches as it is (its whole picture unmoved and unmirrored: {@link RepostVerifier.Found#asIs}),
     * when neither bar singled one out: at {@value #ACCEPT} or more, first of all the candidates, and clearly
     * ({@value #CLEARER} times the residual) ahead of every other picture that fits as it is too, so that only rivals
     * fitted with a crop, a border or a mirror are near it. An 84x15 star-rating row re-encoded as JPEG correlated at 0.981
     * with its source as it is and at 0.975 with the one-and-a-half-star row cut and widened to it; the picture itself,
     * re-encoded, is the likelier repost (docs/benchmarks.md, "Tiny copies as they are, round 20").
     */
    private static Optional<Scored> asIs(List<Scored> scored) {
        List<Scored> ranked = scored.stream().sorted(Comparator.comparingDouble(Scored::correlation).reversed()).toList();
        if (ranked.isEmpty() || !unmoved(ranked.getFirst())) {
            return Optional.empty();
        }
        List<Scored> asIs = ranked.stream().filter(TinyCopies::unmoved).toList();
        double next = nextOther(asIs, s -> s.posed().signature(), Scored::correlation);
        return clearly(asIs.getFirst().correlation(), next, ACCEPT) ? Optional.of(asIs.getFirst()) : Optional.empty();
    }

    private static boolean unmoved(Scored s) {
        RepostVerifier.Found f = s.posed().found();
        return f.asIs() && !f.named().mirror();
    }

    /**
     * When no candidate has a verdict at all, the one the copy taken as a part of it resized singles out
     * ({@link CroppedCopies}), among all the lookup's {@code candidates} (posed or not: the margin is weighed against every
     * one), named from that part. Only then, so that a look-alike is never listed beside a source some rule found, and so
     * that only those lookups pay for rendering every candidate (median 34 ms with three evaluations on two cores). The
     * candidates are rendered at once on {@code work}.
     */
    static void asCropped(RepostVerifier.Query q, List<Posed> candidates, Map<String, RepostVerifier.Verdict> verdicts, SharedWork work) {
        if (!verdicts.isEmpty()) {
            return;
        }
        CroppedCopies.singledOut(q, candidates, work).ifPresent(m -> {
            RepostVerifier.Pose pose = m.fit().pose(q, m.candidate().signature());
            RepostVerifier.Found found = new RepostVerifier.Found(m.fit().correlation(), pose, pose, false, false, Levels.NONE);
            take(q, new Posed(m.candidate().sha(), m.candidate().signature(), found), m.fit().correlation(), verdicts);
        });
    }

    /**
     * The candidate the copy's hashes single out, when neither bar did: among the candidates within {@value #NEAR} bits of
     * the copy in both whole-picture hashes ({@code near}, posed or not), the one whose correlation is {@value #BY_HASHES}
     * or more, with a residual at most 1/{@value #CLEARER} of the next near picture's (its stored twins aside), and above
     * every posed candidate's. A resized copy keeps its hashes (0-6 bits from its source) where its look-alikes' mostly
     * differ by 14 or more. In a diagnosis of 28 resize-25 % misses (seeds 91 and 77 and the evaluation's sample;
     * docs/benchmarks.md, tiny copies round 10 second wave), 4 sources stood alone in the hashes at 0.90-0.954, 1 tied its
     * twin at 0.9737, and 4 had no pose at 9-15 pixels (the 16-cell grid correlated at 0.70-0.78, the 32-cell at 0.56-0.66;
     * taken unmoved, one reached 0.94, the others 0.51-0.74).
     */
    private static Optional<Scored> byHashes(RepostVerifier.Query q, List<Posed> near, List<Scored> scored) {
        List<Scored> ranked = near.stream().map(p -> scored.stream().filter(s -> s.posed().sha().equals(p.sha())).findFirst()
                .orElseGet(() -> scored(q, p))).sorted(Comparator.comparingDouble(Scored::correlation).reversed()).toList();
        if (ranked.isEmpty()) {
            return Optional.empty();
        }
        Scored best = ranked.getFirst();
        byte[] own = best.posed().signature().detail();
        double next = nextOther(ranked, s -> s.posed().signature(), Scored::correlation);
        boolean ahead = scored.stream().filter(s -> !Arrays.equals(s.posed().signature().detail(), own))
                .allMatch(s -> s.correlation() < best.correlation());
        return clearly(best.correlation(), next, BY_HASHES) && ahead ? Optional.of(best) : Optional.empty();
    }

    /**
     * The candidate whose {@code correlation} singles it out among {@code scored}, if one does. A candidate whose stored
     * picture is the best one's own (the gallery holds some pictures twice, under two names: openclipart's {@code contents} and
     * {@code kaddressbook}) is no rival: it ties exactly, and either is the copy's source.
     */
    private static Optional<Scored> singledOut(List<Scored> scored, ToDoubleFunction<Scored> correlation) {
        List<Scored> ranked = scored.stream().sorted(Comparator.comparingDouble(correlation).reversed()).toList();
        if (ranked.isEmpty()) {
            return Optional.empty();
        }
        double next = nextOther(ranked, s -> s.posed().signature(), correlation);
        return singledOut(correlation.applyAsDouble(ranked.getFirst()), next) ? Optional.of(ranked.getFirst()) : Optional.empty();
    }

    /**
     * How far (log of width over height) a tiny copy's pose may stretch its candidate ({@link RepostVerifier.Pose#stretch}):
     * twice, where reposts stretch by a third (4:3) and a trim a row short stretches a 5-pixel bar by a quarter, a
     * 3-pixel one by a half. Rendered down to a bar's few rows, every bar is alike: a 56x5 line brightened, posed on its
     * own icon at 0.94, was taken for `pen_width5`, a 52x13 bar squeezed 2.9 times, at 0.9995 (evaluation, seeds 5150 and
     * 8086 brightness; docs/benchmarks.md "Faint frames, crowded candidates and squeezed bars, round 49").
     */
    static final double MOST_STRETCH = Math.log(2);

    private static boolean overstretched(RepostVerifier.Query q, Posed c) {
        return c.found().best().stretch(q.signature.aspect(), c.signature().aspect()) > MOST_STRETCH;
    }

    private static void take(RepostVerifier.Query q, Posed best, double similarity, Map<String, RepostVerifier.Verdict> verdicts) {
        RepostVerifier.Verdict held = verdicts.get(best.sha());
        if (held != null) {
            verdicts.put(best.sha(), new RepostVerifier.Verdict(Math.max(held.similarity(), similarity), held.pose(), held.edits()));
            return;
        }
        RepostVerifier.named(q, best.signature(), best.found(), similarity)
                .map(v -> best.trimmedAt().none() ? v : LevelledNames.renamed(q, best.signature(), v, best.trimmedAt()))
                .ifPresent(verdict -> verdicts.put(best.sha(), verdict));
    }

    /** The candidates {@code scored} again where the copy's brightening trims them ({@link #levelledTrim}), where they fit better there. */
    private static List<Scored> levelled(RepostVerifier.Query q, List<Scored> scored) {
        return scored.stream().map(s -> levelledTrim(q, s.posed()).map(t -> scored(q, t))
                .filter(t -> t.correlation() > s.correlation()).orElse(s)).toList();
    }

    /**
     * {@code c} posed at the window its picture keeps once taken to the copy's levels and trimmed as the copy was
     * ({@link LevelledNames.Trim}), when the copy takes part of the range past white and that trim cuts something. A bar
     * brightened by a fifth turns its pale anti-aliased top row (201) nearly white (252), so the copy trims a row shorter
     * than its source; the pose search settles on a window 0.86 of the bar wide and 0.71 high, where the source
     * correlated at 0.94 and was not singled out ({@code line_normal_begin}, round 41's seeds 5150 and
     * 8086 brightness: nothing listed). Where the brightening trims it, the window is the bar's full width without that
     * row; the crop and the border that trim explains are not named ({@link LevelledNames#renamed}: at that window the
     * copy needs no levels clamped, so the names are weighed at the levels it was found with).
     */
    private static Optional<Posed> levelledTrim(RepostVerifier.Query q, Posed c) {
        RepostVerifier.Pose pose = c.found().best();
        Levels levels = RepostVerifier.clampingLevels(q, c.signature(), pose);
        if (levels.none() || pose.turned()) {
            return Optional.empty();
        }
        LevelledNames.Trim t = LevelledNames.Trim.of(levels.apply(c.signature().detail()), RepostSignature.DETAIL);
        if (t.area() >= 1 || t.area() <= 0) {
            return Optional.empty();
        }
        RepostVerifier.Pose trimmed = new RepostVerifier.Pose((t.x0() + t.x1()) / 2, (t.y0() + t.y1()) / 2, t.x1() - t.x0(),
                t.y1() - t.y0(), 0, pose.mirror());
        RepostVerifier.Found f = c.found();
        return Optional.of(new Posed(c.sha(), c.signature(), new RepostVerifier.Found(f.ncc(), trimmed, trimmed, false, f.flat(), f.levels()),
                levels));
    }

    private static Scored scored(RepostVerifier.Query q, Posed c) {
        float[] detail = DetailCheck.floats(c.found().levels().apply(c.signature().detail()));
        RepostVerifier.Pose pose = c.found().best();
        TinyCheck.Pixels copy = TinyCheck.asStored(q, q.tiny, c.signature(), pose);
        double correlation = TinyCheck.best(copy, detail, c.signature().aspect(), pose);
        if (!pose.mirror()) {
            return new Scored(c, correlation, correlation);
        }
        return new Scored(c, correlation, TinyCheck.best(copy, detail, c.signature().aspect(), pose.unmirrored()));
    }
}
