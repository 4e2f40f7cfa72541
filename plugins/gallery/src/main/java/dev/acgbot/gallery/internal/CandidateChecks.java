package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.RepostEdit;
import dev.acgbot.models.image.DecodedImage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The verifier over one lookup's candidates, with a budget on its costly last step. Every candidate gets the pose
 * search (0.1-0.25 ms); the edge check (1.4 ms) runs on the candidates whose pose correlates best, at most
 * {@value #EDGE_CHECKS} per lookup. At 100k synthetic pictures, where thin strokes on white crowd (most of their
 * candidates pass the pose step), running it on every such candidate made the slowest lookups 90 ms of CPU
 * (DuplicateLookupScaleTest, docs/benchmarks.md).
 */
final class CandidateChecks {
    static final int EDGE_CHECKS = 10;

    /** A candidate of the hash stage with its stored signature. */
    record Candidate(String sha, HashRows.Near near, RepostSignature signature) {
    }

    /**
     * The first of {@code tried} that {@code posed} poses and whose edges agree ({@link RepostVerifier#judge}), with its
     * verdict: the loop of the last resorts that search a few candidates once more from other starts. The candidates are
     * searched at once on {@code work} (the first passing in {@code tried}'s order still wins): these searches are run by
     * lookups that find nothing, most lookups of pictures not stored, and were a sixth of such a lookup's time on its
     * calling thread at 100k, one after another (JFR, docs/benchmarks.md "Lookups that find nothing, in parallel, round 28").
     */
    static Optional<Map.Entry<Candidate, RepostVerifier.Verdict>> firstPassing(RepostVerifier.Query q, List<Candidate> tried,
                                                                            Function<Candidate, Optional<RepostVerifier.Found>> posed,
                                                                            SharedWork work) {
        return work.first(tried, c -> posed.apply(c).flatMap(f -> RepostVerifier.judge(q, c.signature(), f)).map(v -> Map.entry(c, v)));
    }

    /**
     * A pose the thumbnails accepted, on the view of the copy it was found with, and the edit that view undid (BORDER for
     * the copy without a caption band, WATERMARKED for the copy with a mark painted over; null for the copy as posted).
     */
    private record Attempt(RepostVerifier.Query query, RepostVerifier.Found found, RepostEdit undone) {
    }

    /** The seeds a candidate's pose search started from besides the fixed ones, and which of them are {@link CropPoses}'. */
    private record Seeds(List<RepostVerifier.Pose> base, List<RepostVerifier.Pose> crop) {
        List<RepostVerifier.Pose> all() {
            List<RepostVerifier.Pose> all = new ArrayList<>(base);
            all.addAll(crop);
            return all;
        }
    }

    private CandidateChecks() {
    }

    /**
     * The verdict on each candidate that is a copy, by sha256. A candidate found by a caption window is tried first
     * on the copy without that band (the pose search seeds no one-sided 115 % windows: with the band the verifier
     * rejected 55 of 80 captioned openclipart copies whose window hashed exactly as the source) and then named a border;
     * one found by a crop window gets that window's poses as seeds. Every candidate is also tried, after the copy as posted,
     * on the copy with a mark in its margin painted over ({@link MarginMarks}), when that copy trims as the candidate does,
     * and then named watermarked.
     */
    static Map<String, RepostVerifier.Verdict> verify(RepostVerifier.Query whole, DecodedImage small, List<Candidate> candidates) {
        return verify(whole, small, candidates, SharedWork.CALLER);
    }

    /**
     * As {@link #verify(RepostVerifier.Query, DecodedImage, List)}, each candidate's pose search a piece of {@code work}:
     * the searches are independent, most of a lookup's CPU, and taken in the candidates' order again, so the verdicts are
     * the same whoever ran them.
     */
    static Map<String, RepostVerifier.Verdict> verify(RepostVerifier.Query whole, DecodedImage small, List<Candidate> candidates,
                                                      SharedWork work) {
        return verify(whole, small, candidates, work, true);
    }

    /**
     * As {@link #verify(RepostVerifier.Query, DecodedImage, List, SharedWork)}; without {@code lastResorts}, none of the
     * searches it runs only when no candidate passed (the crop refinements, the turned retry and starts, a tiny copy
     * taken as a part of every candidate, {@link TinyCopies#asCropped}, the copy taken for a candidate untouched,
     * {@link UnmovedCopies#untouched}): for
     * {@link CrowdedCrops}' second round, which runs only in lookups that found nothing, so most of all in lookups of
     * pictures the gallery does not hold, where that round, those searches included, was 30 % of the CPU samples (JFR,
     * DuplicateLookupScaleTest's unrelated lookups at 100k).
     */
    static Map<String, RepostVerifier.Verdict> verify(RepostVerifier.Query whole, DecodedImage small, List<Candidate> candidates,
                                                      SharedWork work, boolean lastResorts) {
        Map<Boolean, List<Candidate>> tooSmall = candidates.stream()
                .collect(Collectors.partitioningBy(c -> SmallDrawings.tooSmallFor(whole.signature, c.signature())));
        List<Candidate> pages = tooSmall.get(true);
        candidates = tooSmall.get(false);
        Views views = new Views(whole, small, candidates);
        List<Posing> posings = work.map(candidates, c -> posing(whole, views, c));
        Map<Candidate, List<Attempt>> poses = new LinkedHashMap<>();
        Map<Candidate, Seeds> seeded = new LinkedHashMap<>();
        Map<Candidate, Double> fits = new HashMap<>();
        // a copy trimmed to a small drawing is not verified against a page the store kept whole, but where its page read as
        // blank only because it was brightened: untrimmed and darkened back, it is posed on that page (BrightenedPages), and
        // none of the searches that take a tiny copy as a part of every candidate run for such pages
        for (Candidate c : pages) {
            seeded.put(c, new Seeds(List.of(), List.of()));
            fits.put(c, -1.0);
            views.unbrightened.get().flatMap(u -> RepostVerifier.pose(u, c.signature(), c.near().dHashEvidence(), c.near().faintEvidence(), List.of())
                    .map(f -> new Attempt(u, f, null))).ifPresent(a -> poses.put(c, List.of(a)));
        }
        Candidate bestFitting = null; // the candidate that fits the copy best as a crop: CropSeedCheck
        double bestFit = -1;
        for (int i = 0; i < candidates.size(); i++) {
            Candidate c = candidates.get(i);
            Posing p = posings.get(i);
            seeded.put(c, p.seeds());
            fits.put(c, p.fit());
            if (p.fit() > bestFit) {
                bestFit = p.fit();
                bestFitting = c;
            }
            if (!p.attempts().isEmpty()) {
                poses.put(c, p.attempts());
            }
        }
        DecodedImage flat = views.flat;
        List<Map.Entry<Candidate, List<Attempt>>> order = new ArrayList<>(poses.entrySet());
        order.sort(Comparator.comparingDouble((Map.Entry<Candidate, List<Attempt>> e) ->
                -e.getValue().stream().mapToDouble(a -> a.found().ncc()).max().orElse(0)).thenComparing(e -> e.getKey().sha()));
        Map<String, RepostVerifier.Verdict> out = new LinkedHashMap<>();
        Map<String, byte[]> seen = new LinkedHashMap<>(); // the copy's colours over each listed candidate: PosedColours
        Set<String> flatHits = new HashSet<>();
        Map<String, AsIsSiblings.Hit> siblings = new LinkedHashMap<>();
        Map<String, Supplier<ExtraInk.Missing>> inks = new LinkedHashMap<>();
        Map<String, Levels> tones = new LinkedHashMap<>();
        int budget = EDGE_CHECKS;
        Map.Entry<Candidate, RepostVerifier.Found> firstFailed = null; // the first candidate whose edges failed: TurnedRetry
        RepostVerifier.Found unrefined = null; // the best-fitting candidate's pose when its edges failed there and at its crop
        for (Map.Entry<Candidate, List<Attempt>> e : order) {
            for (Attempt a : e.getValue()) {
                if (!a.found().posed()) {
                    continue;
                }
                if (!a.found().flat()) {
                    if (budget == 0) {
                        break;
                    }
                    budget--;
                }
                Optional<RepostVerifier.Verdict> v = RepostVerifier.judge(a.query(), e.getKey().signature(), a.found());
                if (v.isEmpty() && a.query() == whole && budget > 0
                        && CropSeedCheck.retried(fits.get(e.getKey()), bestFit, e == order.getFirst())) {
                    budget--;
                    v = CropSeedCheck.retry(whole, e.getKey().signature(), a.found(), seeded.get(e.getKey()).crop(), !out.isEmpty());
                    if (e.getKey() == bestFitting) {
                        unrefined = v.isEmpty() ? a.found() : null;
                    }
                }
                if (v.isEmpty() && a.query() == whole && firstFailed == null) {
                    firstFailed = Map.entry(e.getKey(), a.found());
                }
                if (v.isPresent() && a.undone() == null && bordered(v.get(), seeded.get(e.getKey()))) {
                    // the crop rectangles are seeds for crops: a verdict of a border only must stand without them (with
                    // them, a star-rating row matched its sibling as bordered under brightness and contrast edits)
                    v = RepostVerifier.verify(a.query(), e.getKey().signature(), e.getKey().near().dHashEvidence(),
                            seeded.get(e.getKey()).base());
                }
                if (v.isPresent() && listed(whole, e.getKey(), a.undone() == null ? v.get() : with(v.get(), a.undone()), out, seen,
                        a.query() == whole ? flat : null)) {
                    RepostSignature s = e.getKey().signature();
                    if (a.found().flat()) {
                        flatHits.add(e.getKey().sha());
                    } else {
                        // where the edge step settles, found at most once for the rules that weigh this hit (AsIsSiblings, ExtraInk)
                        Supplier<DetailCheck.Settled> settled = memoised(() -> DetailCheck.settled(a.query().edges,
                                a.found().levels().apply(s.detail()), s.aspect(), a.found().best()));
                        siblings.put(e.getKey().sha(), new AsIsSiblings.Hit(s.detail(), () -> DetailCheck.concentration(settled.get(), s.aspect())));
                        inks.put(e.getKey().sha(), () -> ExtraInk.of(a.query().edges, settled.get(), s.aspect()));
                        tones.put(e.getKey().sha(), a.found().levels());
                    }
                    break;
                }
            }
        }
        // last, and only when no candidate passed: the copy trimmed inside its softened frame (SoftFrames); posed and judged
        // with the other attempts, a stretched window icon (a dark frame around grey) listed a dark box icon, stretched,
        // beside its own source (evaluation, seed 91 stretch 4:3)
        if (lastResorts && budget > 0 && out.isEmpty()) {
            budget = softFramed(whole, views, candidates, work, budget, out, seen);
        }
        // last, and only when no candidate passed: run whenever the best-fitting candidate failed, the refinement let a
        // blurred cone's sibling pass, cropped, beside the cone's own 0.995 (seed 77; docs/benchmarks.md, "Crop, round 10")
        if (lastResorts && unrefined != null && budget > 0 && out.isEmpty()) {
            Candidate c = bestFitting;
            listedUnlessBordered(whole, c, CropSeedCheck.refined(whole, c.signature(), unrefined), seeded.get(c), out, seen, flat);
        }
        // last too, and only when no candidate passed: the best-fitting candidate posed once more where a crop seed's size
        // lies below the search's range, as the descent otherwise snaps it to the range's floor; for every candidate, a
        // quarter note's tenth crop matched two other icons' notes so (seed 77 crop 10 % false duplicates 0.048 -> 0.064)
        if (lastResorts && bestFitting != null && budget > 0 && out.isEmpty()) {
            Candidate c = bestFitting;
            listedUnlessBordered(whole, c, CropSeedCheck.part(whole, c.signature(), c.near(), seeded.get(c).all()), seeded.get(c), out, seen, flat);
        }
        // last too, and only when no candidate passed: the best-fitting candidate the search found no pose for, its fine-grid
        // pose taken unturned too (CropSeedCheck.unposed)
        if (lastResorts && bestFitting != null && !poses.containsKey(bestFitting) && budget > 0 && out.isEmpty()) {
            Candidate c = bestFitting;
            budget--;
            listedUnlessBordered(whole, c, CropSeedCheck.unposed(whole, c.signature(), c.near(), seeded.get(c).all()), seeded.get(c), out, seen, flat);
        }
        // last too, and only when no candidate passed: run whenever the first candidate's edges failed, a round join's
        // sibling passed beside the round join's own verdict (rotate 3°, seed 77; docs/benchmarks.md, "Border+rotate+bright,
        // round 10 second wave")
        if (lastResorts && firstFailed != null && budget > 0 && out.isEmpty()) {
            Candidate c = firstFailed.getKey();
            TurnedRetry.pose(whole, c.signature(), firstFailed.getValue()).flatMap(f -> RepostVerifier.judge(whole, c.signature(), f)).ifPresent(v -> listed(whole, c, v, out, seen, flat));
        }
        // last too, and only when no candidate passed: the closest candidates with no pose at all, from turned starts
        if (lastResorts && whole.tiny == null && budget > 0 && out.isEmpty()) {
            TurnedStarts.verdict(whole, candidates.stream().filter(c -> !poses.containsKey(c)).toList(), budget, work)
                    .ifPresent(e -> listed(whole, e.getKey(), e.getValue(), out, seen, flat));
        }
        // last too, and only when no candidate passed: the candidates a crop window found, started cut on one side to the
        // copy's shape (DeepCuts)
        if (lastResorts && whole.tiny == null && budget > 0 && out.isEmpty()) {
            DeepCuts.verdict(whole, candidates, budget, work).ifPresent(e -> listed(whole, e.getKey(), e.getValue(), out, seen, flat));
        }
        if (whole.tiny != null) {
            List<TinyCopies.Posed> posed = new ArrayList<>();
            poses.forEach((c, attempts) -> attempts.stream().filter(a -> a.query() == whole && !a.found().flat()).findFirst()
                    .ifPresent(a -> posed.add(new TinyCopies.Posed(c.sha(), c.signature(), a.found()))));
            TinyCopies.decide(whole, posed, near(whole, candidates, posed), out);
            if (lastResorts) {
                TinyCopies.asCropped(whole, candidates.stream().map(c -> TinyCopies.Posed.unmoved(c.sha(), c.signature())).toList(), out, work);
            }
        }
        if (out.isEmpty()) {
            straightTiny(views, poses, out, seen);
        }
        unmoved(whole, flat, candidates, out, seen, work, lastResorts);
        Map<String, Double> colourGaps = colourGaps(whole, candidates, seen);
        Map<String, RepostVerifier.Verdict> kept = OtherTones.without(AsIsSiblings.without(Outscored.without(Variants.without(
                withoutRecolours(out), colourGaps), flatHits), flatHits, siblings), flatHits, tones);
        if (stored(whole, candidates)) {
            return kept;
        }
        Set<String> sampled = croppedWith(candidates, kept, colourGaps.keySet());
        Map<String, RepostVerifier.Verdict> edited = ExtraInk.without(CroppedAndBordered.without(
                Variants.withoutOtherTints(kept, cropGaps(candidates, kept, seen, colourGaps, sampled), sampled,
                        matchedBrightened(candidates, kept, colourGaps.keySet(), tones))), flatHits, inks);
        return Variants.withoutOtherPapers(edited, paperGaps(whole, candidates, edited, seen));
    }

    /**
     * Per sha256 of a listed verdict, how far the candidate's colours lie from the copy's over the part it covers
     * ({@link Variants#colourGap}, {@code seen}); empty for a copy without colour, whose colours say nothing. A verdict
     * not listed through {@link #listed} has no gap, and is never taken for a colour variant.
     */
    private static Map<String, Double> colourGaps(RepostVerifier.Query whole, List<Candidate> candidates, Map<String, byte[]> seen) {
        Map<String, Double> gaps = new LinkedHashMap<>();
        if (Variants.testifies(whole.signature.colour())) {
            candidates.stream().filter(c -> seen.containsKey(c.sha()))
                    .forEach(c -> gaps.put(c.sha(), Variants.colourGap(seen.get(c.sha()), c.signature().colour())));
        }
        return gaps;
    }

    /**
     * {@code colourGaps} with the gap of each kept verdict that names a crop taken against the candidate's colours inside
     * its pose ({@link RepostVerifier#coloursInside}) instead of its whole colours: a crop's colours are the part's. A
     * quarter crop of the Netherlands' flag lay 37 from its own flag's whole colours, too far to count as the copy's own,
     * and 6 from its colours inside the pose; Luxembourg's, listed beside it, 115 and 80 (evaluation, seed 123).
     */
    private static Map<String, Double> cropGaps(List<Candidate> candidates, Map<String, RepostVerifier.Verdict> kept,
                                                Map<String, byte[]> seen, Map<String, Double> colourGaps, Set<String> cropped) {
        Map<String, Double> gaps = new LinkedHashMap<>(colourGaps);
        candidates.stream().filter(c -> cropped.contains(c.sha()))
                .forEach(c -> gaps.put(c.sha(), Variants.colourGap(seen.get(c.sha()), insidePose(c, kept.get(c.sha())))));
        return gaps;
    }

    /**
     * The sha256s of the kept verdicts, of those in {@code among} (a copy in colour), whose tinted paper the levels the
     * pose search fitted ({@code tones}) take to white ({@link Variants#paperWhitened}): a brightened or contrasted copy
     * turned their page white ({@link Variants#BRIGHTENED_SLACK}).
     */
    private static Set<String> matchedBrightened(List<Candidate> candidates, Map<String, RepostVerifier.Verdict> kept, Set<String> among,
                                                 Map<String, Levels> tones) {
        return candidates.stream().filter(c -> among.contains(c.sha()) && kept.containsKey(c.sha()) && tones.containsKey(c.sha())
                && Variants.paperWhitened(c.signature().colour(), tones.get(c.sha()))).map(Candidate::sha).collect(Collectors.toSet());
    }

    /** The sha256s of the kept verdicts that name a crop, of those in {@code among}. */
    private static Set<String> croppedWith(List<Candidate> candidates, Map<String, RepostVerifier.Verdict> kept, Set<String> among) {
        Set<String> cropped = new HashSet<>();
        candidates.stream().filter(c -> among.contains(c.sha()) && kept.containsKey(c.sha())
                && kept.get(c.sha()).edits().contains(RepostEdit.CROPPED)).forEach(c -> cropped.add(c.sha()));
        return cropped;
    }

    /** The candidate's colours inside the verdict's pose ({@link RepostVerifier#coloursInside}): a crop's are the part's. */
    private static byte[] insidePose(Candidate c, RepostVerifier.Verdict v) {
        return RepostVerifier.coloursInside(c.signature(), v.pose());
    }

    /**
     * Per sha256 of a kept verdict, how far the candidate's mean grey level lies from a grey copy's over the part it
     * covers ({@link Variants#paperGap}, {@code seen}; the copy's whole colours for a verdict without); for a verdict that
     * names a crop, the candidate's inside its pose ({@link RepostVerifier#coloursInside}), as {@link #cropGaps} takes
     * them: over its whole picture a boxed grey icon lay 4.6 levels from its own crop, its margins counted, and a plain
     * look-alike stayed listed first (docs/benchmarks.md "Crops in their own colours, round 41"). Not while a hit matched
     * the copy with no edit: the copy is then that picture whole, not a part cut from another, and a hit posed as cut
     * around it is weighed whole, as before (a JPEG copy of the mitred line-join icon matched itself and the round one as
     * cut from it at 0.981, 2.9 levels from the copy inside that pose, 8.5 over the whole: StoredCropGalleryTest). Empty
     * for a copy in colour, whose colours {@link Variants#otherTint} weighs instead.
     */
    private static Map<String, Double> paperGaps(RepostVerifier.Query whole, List<Candidate> candidates, Map<String, RepostVerifier.Verdict> kept,
                                                 Map<String, byte[]> seen) {
        Map<String, Double> gaps = new LinkedHashMap<>();
        if (!Variants.testifies(whole.signature.colour())) {
            boolean cut = kept.values().stream().noneMatch(v -> v.edits().isEmpty());
            Set<String> cropped = cut ? croppedWith(candidates, kept, kept.keySet()) : Set.of();
            candidates.stream().filter(c -> kept.containsKey(c.sha())).forEach(c -> gaps.put(c.sha(),
                    Variants.paperGap(seen.getOrDefault(c.sha(), whole.signature.colour()),
                            cropped.contains(c.sha()) ? insidePose(c, kept.get(c.sha())) : c.signature().colour())));
        }
        return gaps;
    }

    /**
     * Whether the posted picture is itself in the gallery (a candidate with equal hashes): its list then holds what the
     * gallery keeps of it, its stored reposts and the set's variants of it, as {@link Outscored} leaves them; the variants
     * on another page tint or paper ({@link Variants#otherTint}, {@link Variants#otherPaper}) and the weak cropped and
     * bordered hits ({@link CroppedAndBordered}) are left out of an edited copy's list only. The hashes and the colours
     * must agree: the hashes alone do not see colour.
     */
    private static boolean stored(RepostVerifier.Query whole, List<Candidate> candidates) {
        return candidates.stream().anyMatch(c -> c.near().exact()
                && RepostVerifier.colourDistance(whole.signature.colour(), c.signature().colour()) <= SAME_COLOURS);
    }

    /**
     * Mean difference of the colour grids (levels a channel) within which a candidate with the copy's hashes is the posted
     * picture itself. The hashes are taken in grey, so a greyscale copy of a cream card has the hashes of the cream card and
     * of the white one alike, and was taken for a stored picture whose variants are listed (its grid lies 10 or more levels
     * from either card's).
     */
    static final double SAME_COLOURS = 4;

    /**
     * The candidate the copy matches unmoved but for a band or what lies outside the candidate ({@link UnmovedCopies}), the
     * one with the smallest band, named watermarked: added to the verdicts, or put in place of the candidate's own verdict
     * when that was weaker (a sibling LED in another colour outscored an orange LED's marked copy, 0.966 against 0.952).
     * With {@code lastResorts}, when no candidate passed, the candidate the copy is untouched, in the copy's colours or
     * recoloured ({@link UnmovedCopies#untouched}).
     */
    private static void unmoved(RepostVerifier.Query whole, DecodedImage flat, List<Candidate> candidates, Map<String, RepostVerifier.Verdict> out,
                                Map<String, byte[]> seen, SharedWork work, boolean lastResorts) {
        UnmovedCopies.Match[] found = new UnmovedCopies.Match[candidates.size()];
        int best = UnmovedCopies.best(flat, whole.trim, candidates.stream().map(Candidate::signature).toList(), found, work);
        if (best < 0) {
            // last, and only when no candidate passed: the candidate the copy is, unmoved, within a re-encoding's noise on
            // every row; named recoloured or nothing (the canvas and every row agree: no geometric edit to name)
            if (lastResorts && out.isEmpty()) {
                UnmovedCopies.untouched(found, candidates.stream().map(Candidate::signature).toList())
                        .filter(i -> RepostVerifier.sameColours(whole, candidates.get(i).signature()))
                        .ifPresent(i -> listed(whole, candidates.get(i), untouchedVerdict(whole, candidates.get(i), found[i]), out, seen, flat));
            }
            return;
        }
        RepostVerifier.Verdict v = new RepostVerifier.Verdict(found[best].similarity(), RepostVerifier.Pose.WHOLE, Set.of(RepostEdit.WATERMARKED));
        out.merge(candidates.get(best).sha(), v, (held, added) -> held.similarity() >= added.similarity() ? held : added);
    }

    /** The verdict on a candidate the copy is untouched ({@link UnmovedCopies#untouched}): recoloured or nothing. */
    private static RepostVerifier.Verdict untouchedVerdict(RepostVerifier.Query whole, Candidate c, UnmovedCopies.Match m) {
        return new RepostVerifier.Verdict(m.similarity(), RepostVerifier.Pose.WHOLE,
                RepostVerifier.recolouredUnmoved(whole, c.signature()) ? Set.of(RepostEdit.RECOLOURED) : Set.of());
    }

    /**
     * The candidates within {@link TinyCopies#NEAR} bits of the tiny copy in both whole-picture hashes, posed or not (a
     * candidate without a pose in the copy's colours only).
     */
    private static List<TinyCopies.Posed> near(RepostVerifier.Query whole, List<Candidate> candidates, List<TinyCopies.Posed> posed) {
        List<TinyCopies.Posed> near = new ArrayList<>();
        for (Candidate c : candidates) {
            if (c.near().pHashDistance() > TinyCopies.NEAR || c.near().dHashDistance() > TinyCopies.NEAR) {
                continue;
            }
            posed.stream().filter(p -> p.sha().equals(c.sha())).findFirst().or(() -> RepostVerifier.sameColours(whole, c.signature())
                    ? Optional.of(TinyCopies.Posed.unmoved(c.sha(), c.signature())) : Optional.empty()).ifPresent(near::add);
        }
        return near;
    }

    /**
     * {@code v} listed for {@code c}, with the copy's colours over the part of it {@code c} covers ({@link PosedColours}),
     * which {@link Variants} weighs: from {@code posedOn}, the copy as hashed, when the verdict's pose is in the copy's own
     * trimmed picture; the copy's whole colours when it is in another view of the copy (null). Not listed where the pose
     * is in the copy's own picture, a small drawing whose ink it lays far darker than the candidate's
     * ({@link DarkerInk#anotherDrawing}): whether it was.
     */
    private static boolean listed(RepostVerifier.Query whole, Candidate c, RepostVerifier.Verdict v, Map<String, RepostVerifier.Verdict> out,
                                  Map<String, byte[]> seen, DecodedImage posedOn) {
        if (posedOn != null && DarkerInk.anotherDrawing(whole, posedOn, c.signature(), v.pose())) {
            return false;
        }
        out.put(c.sha(), v);
        seen.put(c.sha(), posedOn == null ? whole.signature.colour()
                : PosedColours.copyOver(posedOn, whole.signature.box(), v.pose(), whole.signature.colour()));
        return true;
    }

    /**
     * A tiny strip turned on its canvas, laid straight ({@link TurnedStrips#straightened}), decided at its own pixels as a
     * tiny copy is ({@link TinyCopies#decide}) among the candidates it found a pose on, and named turned; for a lookup in
     * which nothing passed. The map symbol `wall_0` framed, turned by 10° and brightened, laid straight, failed the edge step
     * on the 64-cell grid and is singled out at its own pixels (seed 200 border+rotate+bright; docs/benchmarks.md "Strips
     * laid straight, round 37").
     */
    private static void straightTiny(Views views, Map<Candidate, List<Attempt>> poses, Map<String, RepostVerifier.Verdict> out,
                                     Map<String, byte[]> seen) {
        Optional<RepostVerifier.Query> straight = views.straight.get().filter(s -> s.tiny != null);
        if (straight.isEmpty()) {
            return;
        }
        RepostVerifier.Query s = straight.get();
        List<TinyCopies.Posed> posed = new ArrayList<>();
        Map<String, Candidate> bySha = new HashMap<>();
        poses.forEach((c, attempts) -> attempts.stream().filter(a -> a.query() == s && !a.found().flat()).findFirst()
                .ifPresent(a -> {
                    posed.add(new TinyCopies.Posed(c.sha(), c.signature(), a.found()));
                    bySha.put(c.sha(), c);
                }));
        Map<String, RepostVerifier.Verdict> laid = new LinkedHashMap<>();
        TinyCopies.decide(s, posed, List.of(), laid);
        laid.forEach((sha, v) -> listed(s, bySha.get(sha), with(v, RepostEdit.ROTATED), out, seen, null));
    }

    /**
     * A last step's verdict {@code v} for {@code c} listed, unless it names a border only where crop seeds were tried
     * ({@link #bordered}): the loop judges such a verdict again without them, a last step drops it.
     */
    private static void listedUnlessBordered(RepostVerifier.Query whole, Candidate c, Optional<RepostVerifier.Verdict> v, Seeds seeds,
                                             Map<String, RepostVerifier.Verdict> out, Map<String, byte[]> seen, DecodedImage flat) {
        v.filter(verdict -> !bordered(verdict, seeds)).ifPresent(verdict -> listed(whole, c, verdict, out, seen, flat));
    }

    /** The crop seeds of a candidate a crop window found, for the copy trimmed from another corner ({@link CornerTrim}). */
    private static List<RepostVerifier.Pose> cornerSeeds(RepostVerifier.Query q, Candidate c, HashRows.Near n) {
        List<RepostVerifier.Pose> seeds = new ArrayList<>(RepostVerifier.cropSeeds(c.signature(), n.cropWindow()));
        seeds.addAll(CropPoses.seeds(q, c.signature(), n.cropWindow()));
        return seeds;
    }

    /** One candidate's pose search: the poses found, on which view of the copy, the seeds it started from, its fit as a crop. */
    private record Posing(List<Attempt> attempts, Seeds seeds, double fit) {
    }

    /**
     * The views of the copy the pose searches share, each made once a lookup and only when a candidate needs it: without a
     * caption band, with a mark in its margin painted over, trimmed from a white corner, untrimmed, trimmed inside a dark
     * frame, trimmed past a JPEG's ringing, trimmed as its mirror image trims, trimmed to its own small drawing, its page
     * untrimmed and darkened back. Made under
     * a lock, as pose searches may run at once ({@link SharedWork}).
     */
    private static final class Views {
        final DecodedImage flat;
        final RepostVerifier.Query[] captionless = new RepostVerifier.Query[2]; // made only for candidates a caption window found
        final Supplier<List<RepostVerifier.Query>> unmarked; // the copy without a mark, once for each place one may be
        final Supplier<Optional<RepostVerifier.Query>> retrimmed, untrimmed, unframed, softFramed, unrung, unmirrored, ownDrawing, unbrightened;
        final Supplier<Optional<RepostVerifier.Query>> straight; // made only for a copy whose ink reads as a turned strip
        final Supplier<Optional<Margins.Box>> mirroredTrim; // cheap: the view above is made only for a candidate it fits

        Views(RepostVerifier.Query whole, DecodedImage small, List<Candidate> candidates) {
            flat = PerceptualHash.onWhite(small);
            for (Candidate c : candidates) {
                int w = c.near().window();
                if (w != HashRows.Near.WHOLE && captionless[w] == null) {
                    captionless[w] = new RepostVerifier.Query(HashRows.Probe.window(small, w));
                }
            }
            unmarked = memoised(() -> MarginMarks.erasures(flat).stream().map(RepostVerifier.Query::new).toList());
            retrimmed = memoised(() -> CornerTrim.query(small, whole.signature.keptArea()));
            untrimmed = memoised(() -> UntrimmedPages.query(small, whole));
            unframed = memoised(() -> FramedCopies.query(small));
            softFramed = memoised(() -> SoftFrames.query(small, flat, whole.trim));
            unrung = memoised(() -> RingingMargins.query(small, flat, whole.trim));
            mirroredTrim = memoised(() -> MirroredTrims.trim(flat, whole.trim));
            unmirrored = memoised(() -> mirroredTrim.get().map(b -> new RepostVerifier.Query(small, b)));
            ownDrawing = memoised(() -> SmallDrawings.ownDrawing(flat, whole));
            unbrightened = memoised(() -> BrightenedPages.query(flat, whole));
            straight = whole::straightQuery;
        }
    }

    /**
     * The copy trimmed inside its softened frame ({@link SoftFrames}), posed on each candidate whose shape that trim is
     * closer to (the searches a piece of {@code work}) and judged best pose first, until one passes or the edge checks'
     * {@code budget} is spent; what is left of the budget.
     */
    private static int softFramed(RepostVerifier.Query whole, Views views, List<Candidate> candidates, SharedWork work, int budget,
                                  Map<String, RepostVerifier.Verdict> out, Map<String, byte[]> seen) {
        Optional<RepostVerifier.Query> soft = views.softFramed.get();
        if (soft.isEmpty()) {
            return budget;
        }
        RepostVerifier.Query q = soft.get();
        record Posed(Candidate candidate, RepostVerifier.Found found) {
        }
        List<Candidate> closer = candidates.stream().filter(c -> SoftFrames.closer(q, whole, c.signature())).toList();
        List<Posed> posed = work.map(closer, c -> RepostVerifier.pose(q, c.signature(), c.near().dHashEvidence(), c.near().faintEvidence(),
                        List.of()).filter(RepostVerifier.Found::posed).map(f -> new Posed(c, f))).stream().flatMap(Optional::stream)
                .sorted(Comparator.comparingDouble((Posed p) -> -p.found().ncc()).thenComparing(p -> p.candidate().sha())).toList();
        for (Posed p : posed) {
            if (budget == 0) {
                break;
            }
            budget--;
            Optional<RepostVerifier.Verdict> v = RepostVerifier.judge(q, p.candidate().signature(), p.found());
            if (v.isPresent()) {
                listed(whole, p.candidate(), v.get(), out, seen, null);
                break;
            }
        }
        return budget;
    }

    /**
     * Whether a candidate whose pose was not found is posed once more laid on white paper ({@link RepostVerifier.Query#onPaper}):
     * one a window of the copy turned back found ({@link HashRows.Near#byTurn}, within {@value #PAPER_TURN} bits), drawn on a
     * page (its trim kept less than {@value #PAPER_KEPT} of its canvas). The European flag's copy turned by 10° lay 0 bits
     * from it turned back, and the flag kept 0.41 of its page.
     */
    private static boolean onPage(HashRows.Near n, RepostSignature candidate) {
        return n.byTurn() && n.turn().distance() <= PAPER_TURN && candidate.keptArea() < PAPER_KEPT;
    }

    /** The turned-back window's distance within which a candidate is posed on paper: the usual radius. */
    private static final int PAPER_TURN = 8;
    /** The share of its canvas a candidate's trim keeps below which it lies on a page. */
    private static final double PAPER_KEPT = 0.9;

    /**
     * A candidate found by a caption window is tried first on the copy without that band, then named a border; one found by
     * a crop window gets that window's poses as seeds, and the copy trimmed from a white corner and untrimmed too; every
     * candidate is tried on the copy as posted (and, where no pose was found, laid on paper: {@link #onPage}) and on the
     * copy with a mark in its margin painted over.
     */
    private static Posing posing(RepostVerifier.Query whole, Views views, Candidate c) {
        List<Attempt> attempts = new ArrayList<>();
        HashRows.Near n = c.near();
        if (n.window() != HashRows.Near.WHOLE) {
            RepostVerifier.Query captionless = views.captionless[n.window()];
            RepostVerifier.pose(captionless, c.signature(), n.closestDHash(), List.of())
                    .ifPresent(f -> attempts.add(new Attempt(captionless, f, RepostEdit.BORDER)));
        }
        List<RepostVerifier.Pose> seeds = new ArrayList<>(n.byCropWindow()
                ? RepostVerifier.cropSeeds(c.signature(), n.cropWindow()) : List.of());
        if (n.byTurn()) {
            TurnedWindows.seed(TurnedWindows.ANGLES[n.turn().index()], whole.signature, c.signature()).ifPresent(seeds::add);
        }
        // a thin strip turned on its canvas: where the turn its ink reads puts it (TurnedStrips)
        whole.stripTurn().ifPresent(t -> TurnedWindows.seed(t, whole.signature, c.signature()).ifPresent(seeds::add));
        List<RepostVerifier.Pose> crop = n.byCropWindow() ? CropPoses.seeds(whole, c.signature(), n.cropWindow()) : List.of();
        Seeds seeded = new Seeds(List.copyOf(seeds), crop);
        double fit = CropSeedCheck.fit(whole, c.signature(), crop);
        seeds.addAll(crop);
        Optional<RepostVerifier.Found> posed = RepostVerifier.pose(whole, c.signature(), n.dHashEvidence(), n.faintEvidence(), seeds);
        if (posed.isEmpty() && onPage(n, c.signature())) {
            posed = RepostVerifier.pose(whole.onPaper(), c.signature(), n.dHashEvidence(), n.faintEvidence(), seeds);
        }
        posed.ifPresent(f -> attempts.add(new Attempt(whole, f, null)));
        // a copy in a dark frame, trimmed inside the frame as its source was (FramedCopies): after the copy as posted, for
        // a candidate whose shape that trim is closer to
        views.unframed.get().filter(u -> FramedCopies.closer(u, whole, c.signature()))
                .flatMap(u -> RepostVerifier.pose(u, c.signature(), n.dHashEvidence(), n.faintEvidence(), List.of())
                        .map(f -> new Attempt(u, f, RepostEdit.BORDER)))
                .ifPresent(attempts::add);
        // a JPEG copy whose ringing kept a thin white margin its source's trim took (RingingMargins): after the copy as
        // posted, for a candidate whose kept share that trim is closer to
        views.unrung.get().filter(r -> RingingMargins.closer(r, whole, c.signature()))
                .flatMap(r -> RepostVerifier.pose(r, c.signature(), n.dHashEvidence(), n.faintEvidence(), List.of())
                        .map(f -> new Attempt(r, f, null)))
                .ifPresent(attempts::add);
        // a mirror image trimmed as its source was (MirroredTrims): after the copy as posted, for a candidate whose trim
        // that one mirrors, and only a mirrored pose
        views.mirroredTrim.get().filter(b -> MirroredTrims.mirrorsTrimOf(b, views.flat, c.signature()))
                .flatMap(b -> views.unmirrored.get())
                .flatMap(m -> RepostVerifier.pose(m, c.signature(), n.dHashEvidence(), n.faintEvidence(), List.of())
                        .filter(f -> f.best().mirror())
                        .map(f -> new Attempt(m, f, null)))
                .ifPresent(attempts::add);
        // a crop whose top-left corner lies on the drawing kept its white margins elsewhere (CornerTrim): after the copy
        // as posted, the copy trimmed from a white corner, for the candidates a crop window found
        if (n.byCropWindow()) {
            views.retrimmed.get().flatMap(r -> RepostVerifier.pose(r, c.signature(), n.dHashEvidence(), n.faintEvidence(), cornerSeeds(r, c, n)))
                    .ifPresent(f -> attempts.add(new Attempt(views.retrimmed.get().orElseThrow(), f, null)));
        }
        // a page the store kept whole beside a copy trimmed to its drawing: the copy untrimmed, as the page was (UntrimmedPages)
        if (n.byCropWindow() && UntrimmedPages.whole(c.signature())) {
            views.untrimmed.get().flatMap(u -> UntrimmedPages.pose(u, c.signature(), n)).ifPresent(f -> attempts.add(new Attempt(views.untrimmed.get().orElseThrow(), f, null)));
        } else if (UntrimmedPages.samePage(c.signature(), n)) {
            // and the same page whole, its faint frame brightened out of the copy's trim: the copy untrimmed, posed as usual
            views.untrimmed.get().flatMap(u -> RepostVerifier.pose(u, c.signature(), n.dHashEvidence(), n.faintEvidence(), List.of())
                    .map(f -> new Attempt(u, f, null))).ifPresent(attempts::add);
        }
        // a small drawing the store trimmed from its page, beside a copy whose trim kept more: the copy cut where the
        // drawing lies on the page (SmallDrawings.cutAt)
        SmallDrawings.cutAt(views.flat, whole, c.signature())
                .flatMap(cut -> RepostVerifier.pose(cut, c.signature(), n.dHashEvidence(), n.faintEvidence(), List.of())
                        .map(f -> new Attempt(cut, f, null)))
                .ifPresent(attempts::add);
        // and the copy trimmed to its own small drawing, wherever the page had it (SmallDrawings.ownDrawing)
        if (SmallDrawings.drawingOnly(c.signature())) {
            views.ownDrawing.get()
                    .flatMap(own -> RepostVerifier.pose(own, c.signature(), n.dHashEvidence(), n.faintEvidence(), List.of())
                            .map(f -> new Attempt(own, f, null)))
                    .ifPresent(attempts::add);
        }
        // after the copy as posted, also when that found a pose (one found at a crop window's seed on a marked copy
        // failed the edge step, and the unmarked copy was never tried), and also when the unmarked copy is flat beneath
        // a band (a small drawing on a large page; against a flat candidate the flat rules decide): docs/benchmarks.md,
        // false duplicates round 8
        views.unmarked.get().stream().filter(u -> !u.flat && MarginMarks.closer(u, whole, c.signature())).findFirst()
                .flatMap(u -> RepostVerifier.pose(u, c.signature(), n.dHashEvidence(), List.of()).map(f -> new Attempt(u, f, RepostEdit.WATERMARKED)))
                .ifPresent(attempts::add);
        // a strip turned on its canvas, laid straight as its source lies (TurnedStrips.straightened): after every other view,
        // named turned
        views.straight.get()
                .flatMap(s -> RepostVerifier.pose(s, c.signature(), n.dHashEvidence(), n.faintEvidence(), List.of())
                        .map(f -> new Attempt(s, f, RepostEdit.ROTATED)))
                .ifPresent(attempts::add);
        return new Posing(List.copyOf(attempts), seeded, fit);
    }

    /** A value made on first use, once, whichever thread asks first. */
    private static <T> Supplier<T> memoised(Supplier<T> make) {
        Object[] held = new Object[1];
        return () -> {
            synchronized (held) {
                if (held[0] == null) {
                    held[0] = make.get();
                }
                @SuppressWarnings("unchecked") T t = (T) held[0];
                return t;
            }
        };
    }

    /** A hit at least this close is the copy's own picture (a greyscale or re-encoded copy of it scores 0.99-1.00). */
    static final double NEAR_EXACT = 0.99;
    /** How far below such a hit a recoloured one may score and still be listed. */
    static final double RECOLOUR_MARGIN = 0.02;

    /**
     * The verdicts without the recolour variants of a picture the gallery also holds in the copy's own colours: when one
     * hit matches the copy near exactly, a hit that matches only as RECOLOURED and clearly worse is the same drawing in
     * other colours (openclipart's LEDs, flags and buttons come in several), not the copy's source. The best hit stays
     * first either way; this only shortens the list.
     */
    static Map<String, RepostVerifier.Verdict> withoutRecolours(Map<String, RepostVerifier.Verdict> verdicts) {
        double best = verdicts.values().stream().mapToDouble(RepostVerifier.Verdict::similarity).max().orElse(0);
        if (best < NEAR_EXACT) {
            return verdicts;
        }
        Map<String, RepostVerifier.Verdict> kept = new LinkedHashMap<>(verdicts);
        kept.values().removeIf(v -> v.edits().contains(RepostEdit.RECOLOURED) && v.similarity() < best - RECOLOUR_MARGIN);
        return kept;
    }

    private static boolean bordered(RepostVerifier.Verdict v, Seeds seeds) {
        return seeds != null && !seeds.crop().isEmpty() && v.edits().contains(RepostEdit.BORDER) && !v.edits().contains(RepostEdit.CROPPED);
    }

    private static RepostVerifier.Verdict with(RepostVerifier.Verdict v, RepostEdit undone) {
        EnumSet<RepostEdit> edits = EnumSet.of(undone);
        edits.addAll(v.edits());
        return new RepostVerifier.Verdict(v.similarity(), v.pose(), Set.copyOf(edits));
    }
}
