package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.RepostEdit;
import dev.acgbot.models.image.DecodedImage;

import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The verdicts of an edited copy without the hits whose pictures hold ink the copy lacks (issue 12, docs/benchmarks.md
 * "Ink the copy lacks, round 39"). Edges agree where two pictures share their strokes, and say little of a stroke only one
 * of them has: the three of spades with a purple frame around its pips passed at 0.950 for a brightened copy of the plain
 * card, a flowchart box's brightened copy passed the yellow flag Quebec (the box filled) at 0.994 beside its own 0.995, a
 * clipboard's crop the hotel icon that holds it at 0.954. At the pose the edge step settles at, with the candidate taken
 * to the copy's tones ({@link Levels}), a candidate's ink is missing where it is darker, by more than {@value #TOLERANCE}
 * levels, than every pixel of the copy within one cell of the {@value DetailCheck#SIDE}-wide grid (blur, JPEG and a
 * brightened line's fading stay within them). A hit missing {@value #MORE} or more of its ink beyond what the best hit misses is
 * another drawing: the best hit stays first and the list only gets shorter.
 *
 * <p>The other way round too, for a hit posed where it lies (no crop, border, turn, mirror or stretch named): a hit that
 * lacks {@value #MORE} or more of the copy's ink beyond what the best hit lacks, counted from {@value #COPY_TOLERANCE}
 * levels under white, is another drawing. A brightened card of openclipart's ornamental deck, whose cream paper turns
 * white, was listed beside its own card with the white deck's, which lacks only the ornament, a red hairline; those
 * lacked 0.034-0.045 of the copy's ink more than the source (docs/benchmarks.md, "Ink the copy has that a hit lacks,
 * round 52"). Not for a moved pose: a plug icon's twin, listed first for the icon turned by 10°, lacked 0.030 more.
 *
 * <p>Not a hit whose missing ink lies mostly in a band along its bottom or top ({@link DetailCheck#MARK_SHARE} of its
 * rows): a stored repost with a site's mark over it holds ink its source does not, and /similar lists it. Only for an
 * edited copy ({@link CandidateChecks}): where the posted picture is in the gallery itself, the hits are its stored reposts.
 *
 * <p>A throwaway patch printed every listed hit's missing share (five samples, 616 sources outside the star polygons, 24
 * edits each): the false duplicates missed up to 0.76 more than the best hit, the set's variants the evaluation counts as
 * twins up to 0.09 more (a line-art jigsaw beside its coloured twin), the sources listed behind a twin of theirs up to
 * 0.060 more (a cream card whose paper a brightening turned white, behind the white deck's card), and no source listed
 * first could be left out. On the evaluation: false duplicates 172 → 168 (not-stars) and 49 → 46 (line art) on the five
 * samples, 236 → 233 and 48 → 47 on three fresh ones, no source first moved (docs/benchmarks.md).
 */
final class ExtraInk {
    /** How much more of its ink a hit may miss than the best hit does. */
    static final double MORE = 0.03;
    /** Levels of darkness a candidate's pixel may exceed the copy's darkest pixel near it by and still be seen. */
    static final double TOLERANCE = 48;
    /** The share of a hit's missing ink in a band along its bottom or top from which it is a mark. */
    static final double IN_MARK = 0.5;

    /**
     * Levels of darkness a pixel of the copy may exceed the hit's darkest pixel near it by and still be matched: lower than
     * {@link #TOLERANCE}, which allows for the copy's lines fading (a brightening, a blur), as nothing an edit does to
     * the picture itself makes the copy darker than its source beyond one cell (on 29 seeds' re-encoded, blurred and
     * contrasted copies, no source or twin listed first was left out). The ornament of openclipart's ornamental deck, a
     * red hairline, is 32-40 levels under white in the 64x64 grey of a brightened card, and all that tells it from the
     * white deck's card.
     */
    static final double COPY_TOLERANCE = 16;
    /** The edits that move a hit's pose: at a pose moved a fraction of a cell off, a stroke of the copy goes unmatched. */
    private static final Set<RepostEdit> MOVED = EnumSet.of(RepostEdit.CROPPED, RepostEdit.BORDER, RepostEdit.ROTATED,
            RepostEdit.MIRRORED, RepostEdit.STRETCHED);

    /** One picture's ink the other lacks: its share of the picture's ink, and of that the share in a marked band. */
    record Gap(double share, double inMark) {
        static final Gap NONE = new Gap(0, 0);
    }

    /** What the rule measures of a hit: the hit's ink the copy lacks, and the copy's ink the hit lacks. */
    record Missing(Gap hitInk, Gap copyInk) {
        static final Missing NONE = new Missing(Gap.NONE, Gap.NONE);
    }

    private ExtraInk() {
    }

    /**
     * @param flat    the sha256s of flat verdicts, which neither set the bar nor are held to it (as in {@link Outscored})
     * @param missing per sha256 of a non-flat verdict, its {@link Missing}, measured on demand (only when there is more
     *                than one hit)
     */
    static Map<String, RepostVerifier.Verdict> without(Map<String, RepostVerifier.Verdict> verdicts, Set<String> flat,
                                                       Map<String, Supplier<Missing>> missing) {
        if (verdicts.size() < 2) {
            return verdicts;
        }
        Optional<String> best = verdicts.entrySet().stream().filter(e -> !flat.contains(e.getKey()) && missing.containsKey(e.getKey()))
                .max(Comparator.comparingDouble(e -> e.getValue().similarity())).map(Map.Entry::getKey);
        if (best.isEmpty()) {
            return verdicts;
        }
        Missing least = missing.get(best.get()).get();
        Map<String, RepostVerifier.Verdict> kept = new LinkedHashMap<>(verdicts);
        kept.keySet().removeIf(sha -> !sha.equals(best.get()) && !flat.contains(sha) && missing.containsKey(sha)
                && another(verdicts.get(sha), missing.get(sha).get(), least));
        return kept;
    }

    /**
     * Whether a hit is another drawing than the best hit ({@code least} what that lacks): it lacks {@link #MORE} more of
     * its own ink than the best hit, or, posed where it lies (no crop, border, turn, mirror or stretch named), {@link #MORE}
     * more of the copy's, either not mostly in a marked band.
     */
    private static boolean another(RepostVerifier.Verdict v, Missing m, Missing least) {
        return beyond(m.hitInk(), least.hitInk())
                || Collections.disjoint(v.edits(), MOVED) && beyond(m.copyInk(), least.copyInk());
    }

    private static boolean beyond(Gap gap, Gap least) {
        return gap.share() >= least.share() + MORE && gap.inMark() < IN_MARK;
    }

    /**
     * The share of the candidate's ink ({@code detail}, its stored picture at the copy's levels) that copy {@code q} lacks
     * where the edge step settles near {@code start}, and of the copy's ink that the candidate lacks there; none when the
     * copy's picture is not at hand (a view made of gradients).
     */
    static Missing of(DetailCheck.Edges q, byte[] detail, float aspect, RepostVerifier.Pose start) {
        return q.trimmed() == null ? Missing.NONE : of(q, DetailCheck.settled(q, detail, aspect, start), aspect);
    }

    /** As {@link #of(DetailCheck.Edges, byte[], float, RepostVerifier.Pose)}, where the edge step has settled already. */
    static Missing of(DetailCheck.Edges q, DetailCheck.Settled settled, float aspect) {
        DecodedImage trimmed = q.trimmed();
        if (trimmed == null) {
            return Missing.NONE;
        }
        int side = DetailCheck.SIDE;
        boolean[] inside = new boolean[side * side];
        float[] candidate = RepostVerifier.sample(settled.candidate(), side, side, aspect, settled.pose(), inside);
        float[] copy = DetailCheck.floats(RepostSignature.grey(trimmed, side));
        if (settled.pose().mirror()) {
            copy = DetailCheck.mirrored(copy);
        }
        return new Missing(gap(candidate, copy, inside, TOLERANCE), gap(copy, candidate, inside, COPY_TOLERANCE));
    }

    /**
     * The share of {@code ink}'s darkness beyond {@code tolerance} (where the hit is sampled, {@code inside}) that
     * {@code other} lacks: darker by more than {@code tolerance} than every pixel of {@code other} within one cell.
     */
    private static Gap gap(float[] ink, float[] other, boolean[] inside, double tolerance) {
        int side = DetailCheck.SIDE;
        int band = Math.max(1, (int) Math.round(DetailCheck.MARK_SHARE * side));
        double sum = 0, lacking = 0, top = 0, bottom = 0;
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                int i = y * side + x;
                double dark = 255 - ink[i] - tolerance;
                if (!inside[i] || dark <= 0) {
                    continue;
                }
                double lack = Math.max(0, dark - darkestNear(other, side, x, y));
                sum += dark;
                lacking += lack;
                top += y < band ? lack : 0;
                bottom += y >= side - band ? lack : 0;
            }
        }
        return sum < 1 || lacking <= 0 ? Gap.NONE : new Gap(lacking / sum, Math.max(top, bottom) / lacking);
    }

    /** The darkness below white of the darkest pixel of {@code grey} within one pixel of {@code x, y}. */
    private static double darkestNear(float[] grey, int side, int x, int y) {
        double darkest = 0;
        for (int yy = Math.max(0, y - 1); yy <= Math.min(side - 1, y + 1); yy++) {
            for (int xx = Math.max(0, x - 1); xx <= Math.min(side - 1, x + 1); xx++) {
                darkest = Math.max(darkest, 255 - grey[yy * side + xx]);
            }
        }
        return darkest;
    }
}
