package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.RepostEdit;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The verdicts without the gallery's own variants of the copy's source (issue 12, docs/benchmarks.md "False duplicates,
 * round 8"): openclipart holds many drawings twice, once as drawn and once mirrored (left- and right-justified text, left
 * and right arrows) or once in colour and once in black and white. A brightened, contrasted or greyscale copy of one then
 * verifies against the other too, and was listed as a second "edited copy" although it is not where the copy came from.
 * Only a hit that another one outscores (or, for a recolour, equals in edges and beats in colours) is removed: the first
 * hit stays first unless a hit as good in its edges is closer in colour, and the list only gets shorter.
 */
final class Variants {
    private Variants() {
    }

    /**
     * @param colourGaps per sha256 of a verdict, how far the candidate's stored colours lie from the copy's
     *                   ({@link #colourGap}); empty for a copy without colour, whose colours say nothing; a verdict without
     *                   one is never taken for a recolour variant
     */
    static Map<String, RepostVerifier.Verdict> without(Map<String, RepostVerifier.Verdict> verdicts, Map<String, Double> colourGaps) {
        Map<String, RepostVerifier.Verdict> kept = new LinkedHashMap<>(verdicts);
        kept.entrySet().removeIf(e -> mirrorTwin(e.getValue(), verdicts) || recolourTwin(e.getKey(), e.getValue(), verdicts, colourGaps));
        return kept;
    }

    /**
     * A hit matched only as the mirror image, while another matched the copy as posted, surely ({@link #MIRROR_SURE}) and
     * better: the gallery holds the picture in the copy's own orientation, so the mirrored hit is the set's mirror twin of
     * the source, not the source (a repost is mirrored or not). The bar keeps a mirrored copy's source listed when the
     * hit in its orientation is only a weak look-alike; the rule never takes the first hit away.
     */
    static boolean mirrorTwin(RepostVerifier.Verdict v, Map<String, RepostVerifier.Verdict> all) {
        return v.edits().contains(RepostEdit.MIRRORED) && all.values().stream().anyMatch(u -> !u.edits().contains(RepostEdit.MIRRORED)
                && u.similarity() >= MIRROR_SURE && u.similarity() > v.similarity());
    }

    /**
     * How well the hit in the copy's own orientation must agree for {@link #mirrorTwin}: the edge step's sure bar
     * ({@link CroppedAndBordered#SURE}), not near exact (0.99, until round 21). An edited copy agrees with its own source
     * less than a re-encoded one: seed 4's crop+resize+jpeg copy of an arrow matched it at 0.974 and the set's arrow
     * pointing the other way mirrored at 0.959, listed as a second copy. On three samples the lower bar changed no recall
     * and, outside the star polygons, no found cell; false duplicates went down on 5 line-art cells
     * (docs/benchmarks.md, "Mirror twins, round 21").
     */
    static final double MIRROR_SURE = CroppedAndBordered.SURE;

    /**
     * A hit named recoloured while another hit agrees with the copy at least as well in its edges (similarity) and better
     * in its colours: that one is the source, this one the same drawing in other colours (a black-and-white trumpet beside the
     * coloured one the copy was made from, a flag in two shades). Two independent pieces of evidence agree, so no
     * near-exact hit is needed, unlike {@link CandidateChecks#withoutRecolours}. Only a copy in colour testifies so
     * ({@code colourGaps} holds no gaps for a grey one): a greyscale copy matches a coloured source and its grey twin
     * alike, and with grey copies counted the rule hid the coloured source behind a grey look-alike for 4 of 125
     * greyscale copies of a diagnosis sample (found 0.984 to 0.952, docs/benchmarks.md).
     */
    static boolean recolourTwin(String sha, RepostVerifier.Verdict v, Map<String, RepostVerifier.Verdict> all, Map<String, Double> gaps) {
        Double gap = gaps.get(sha);
        return v.edits().contains(RepostEdit.RECOLOURED) && gap != null && all.entrySet().stream().anyMatch(e -> !e.getKey().equals(sha)
                && e.getValue().similarity() >= v.similarity() && gaps.getOrDefault(e.getKey(), Double.MAX_VALUE) < gap);
    }

    /**
     * The verdicts without the {@link #otherTint} variants. Applied last, after the rules that weigh the other hits against
     * the best one ({@link Outscored}, {@link AsIsSiblings}, {@link OtherTones}): with the white card left out before them,
     * the cream card's ornamental sibling was no longer below their bar and was listed (`--sample-seed 77`, JPEG q75).
     */
    static Map<String, RepostVerifier.Verdict> withoutOtherTints(Map<String, RepostVerifier.Verdict> verdicts, Map<String, Double> colourGaps,
                                                                Set<String> sampledInCrops, Set<String> brightened) {
        return withoutOtherShades(verdicts, colourGaps, sha -> sampledInCrops.contains(sha) ? CROP_COLOURS : COLOURS,
                sha -> brightened.contains(sha) ? BRIGHTENED_SLACK : TINT_SLACK);
    }

    /**
     * How much less than a hit in other colours the hit in the copy's own colours may agree in its edges where the copy's
     * levels took the other hit's tinted paper to white ({@link #withoutOtherTints}' {@code brightened}, {@link
     * #paperWhitened}): a step of the hits' order. A copy brightened by a fifth turns cream paper white, so its tint no
     * longer tells a cream card from the white one; the drawing still may. A brightened ornamental two of hearts (cream,
     * a thin frame drawn inside) agreed with its source at 0.992 and with the plain white card at 0.974, colour gaps 44 and
     * 5, and the white card was listed alone (seed 8086). Where both cards are one drawing their edges agree within a
     * step, and the card on the copy's paper is still the one kept.
     */
    static final double BRIGHTENED_SLACK = DefaultGallery.SIMILARITY_STEP;
    /** The grey level from which a hit's lightest colour cell is pale paper ({@link #paperWhitened}). */
    static final double PALE = 230;

    /**
     * Whether the hit's paper, its lightest cell of its colour grid, is pale and tinted ({@value #PALE} or lighter, at
     * least {@link RepostVerifier#COLOURFUL} colourful) and its fitted {@code levels} take it to white. Openclipart's cream
     * cards' lightest cells lie at 237-241, 23-33 colourful; the ornamental nine of diamonds' brightened copy fitted a lift
     * of 14 at a gain of 1.05, its two of hearts' 26 at 0.94, both past white there. Only paper: a letterboxed Irish flag
     * matched the flag of Guinea (red, yellow, green; lightest cell 179) stretched at levels that lifted it, and with the
     * lift alone Guinea was listed ahead of Ireland (seed 27182).
     */
    static boolean paperWhitened(byte[] colour, Levels levels) {
        double lightest = -1;
        int at = 0;
        for (int i = 0; i + 2 < colour.length; i += 3) {
            double luma = luma(colour, i);
            if (luma > lightest) {
                lightest = luma;
                at = i;
            }
        }
        return lightest >= PALE && RepostVerifier.chroma(Arrays.copyOfRange(colour, at, at + 3)) >= RepostVerifier.COLOURFUL
                && levels.apply(lightest) >= 255;
    }

    /**
     * How much less than a hit in other colours ({@link #otherTint}) the hit in the copy's own colours may agree in its edges.
     * More than a step of the hits' order ({@link DefaultGallery#SIMILARITY_STEP}): a pose found for a turned copy lies a
     * degree off as often as not, and a cream nine of clubs turned by 3° matched its source at 0.977 (posed at 4°) and the
     * white card at 0.994, colour gaps 1 and 42 (`--sample-seed 91`, docs/benchmarks.md, "Cards turned, round 19").
     */
    static final double TINT_SLACK = 0.02;

    /**
     * The bars of a gap: within {@code own} a hit has the copy's own shade, from {@code other} on another one. A hit in the
     * copy's own shade takes the place of one in another if it agrees in its edges at most {@code slack} less, or, past
     * {@code sure} (a stricter bar within {@code own}), at most a step of the hits' order less
     * ({@link DefaultGallery#SIMILARITY_STEP}).
     */
    record Bars(double own, double sure, double other, double slack) {
        Bars(double own, double other, double slack) {
            this(own, own, other, slack);
        }

        /** How much less a hit this far ({@code gap}, within {@link #own}) from the copy's shade may agree in its edges. */
        double slackAt(double gap) {
            return gap <= sure ? slack : Math.min(slack, DefaultGallery.SIMILARITY_STEP);
        }
    }

    /**
     * The colour gaps ({@link #colourGap}) within which a hit has the copy's own colours, and from which it is in other
     * colours than the copy: the tints of a page, white against cream, lie 42-47 apart.
     */
    static final Bars COLOURS = new Bars(RepostVerifier.COLOURFUL, 2 * RepostVerifier.COLOURFUL, TINT_SLACK);
    /**
     * {@link #COLOURS} for a gap sampled inside a crop's pose ({@link RepostVerifier#coloursInside}), a step wider each: the
     * candidate's {@value RepostSignature#GRID}x{@value RepostSignature#GRID} colour grid, read inside the crop, still mixes
     * in the colours the crop cut away. A quarter crop of a four-scoop cone that cut the top scoop off lay 24.5 from its
     * source sampled so (its top row mixed with the scoop) and 10.5 from the three-scoop cone, which the source outscored
     * in its edges, 0.992 to 0.980, and was dropped as the cone in other colours; a crop of Belarus' red and green stripes
     * lay 14.5 from its flag, so Estonia's blue and black, 267 away, stayed listed ahead of it (fresh seeds 31415 and
     * 2718). The page tints lie 42-47 apart, past the wider bar. A hit only within the wider own bar is the less sure of
     * its colours: it vouches for itself against another only within a step of the order, not {@link #TINT_SLACK} (with
     * that slack a tenth crop of a Ukrainian flag lost its source, matched at 1.000 as watermarked, 24.6 from the copy
     * over the whole flag, to the plainer Ukrainian flag at 0.981, 16.9 from it read inside the crop; seed 65537). Within
     * the strict bar the slack stays: a crop of the cream three of clubs lay 2.7 from its source at 0.983 and 45 from the
     * white card at 0.994 (seed 8086, crop+resize+JPEG).
     */
    static final Bars CROP_COLOURS = new Bars(2 * RepostVerifier.COLOURFUL, RepostVerifier.COLOURFUL, 3 * RepostVerifier.COLOURFUL, TINT_SLACK);

    /**
     * A hit in other colours than the copy ({@link #COLOURS}' other bar or more apart), whether named recoloured or not, while
     * another hit in the copy's own colours (within its own bar) agrees in its edges as well or at most
     * {@link #TINT_SLACK} less: the gallery's variant of the source on another page tint. Openclipart's
     * playing cards come on white and on cream paper, the same drawing: on a pale page the tint is nearly all the colour
     * there is, too little for {@link #recolourTwin}'s naming (a copy of a cream card, gap 42-44 to the white one, was not
     * named recoloured) and the edges of both agree within 0.001-0.006 (a JPEG copy of the white two of hearts matched the
     * cream one at 0.996, its source at 0.995). On `--sample-seed 91` such variants were 7 of the 8 false duplicates of
     * line-art sources on the resize, JPEG and WebP edits; the sources lay 0-7 from their copies' colours, the other cards
     * 42-47 (docs/benchmarks.md, "Line art, round 12").
     */
    static boolean otherTint(String sha, RepostVerifier.Verdict v, Map<String, RepostVerifier.Verdict> all, Map<String, Double> gaps) {
        return otherShade(sha, v, all, gaps, s -> COLOURS, TINT_SLACK);
    }

    /**
     * The verdicts without the {@link #otherPaper} variants: {@link #withoutOtherTints} for a copy without colour. Applied
     * after it, last.
     */
    static Map<String, RepostVerifier.Verdict> withoutOtherPapers(Map<String, RepostVerifier.Verdict> verdicts, Map<String, Double> paperGaps) {
        return withoutOtherShades(verdicts, paperGaps, sha -> PAPER, sha -> Double.MAX_VALUE);
    }

    /**
     * The grey-level gaps ({@link #paperGap}) within which a hit is as light as the grey copy (the same picture turned grey),
     * and from which it is lighter or darker than the copy: white and cream card paper lie 7-8 apart.
     */
    static final Bars PAPER = new Bars(2, 5, DefaultGallery.SIMILARITY_STEP);

    /**
     * For a copy without colour, a hit {@link #PAPER}'s other bar or more grey levels lighter or darker than the copy on
     * average, while another hit within its own bar agrees in its edges as well or at most {@link DefaultGallery#SIMILARITY_STEP}
     * less: {@link #otherTint}'s rule where greyscale took the tint away. A greyscale copy of a cream card is the white card's
     * drawing too, but only the cream card turns as grey as the copy (docs/benchmarks.md, "Line art on grey, round 13").
     */
    static boolean otherPaper(String sha, RepostVerifier.Verdict v, Map<String, RepostVerifier.Verdict> all, Map<String, Double> gaps) {
        return otherShade(sha, v, all, gaps, s -> PAPER, Double.MAX_VALUE);
    }

    /** The verdicts without the {@link #otherShade} variants, by {@code gaps} with each sha256's bars and most slack. */
    private static Map<String, RepostVerifier.Verdict> withoutOtherShades(Map<String, RepostVerifier.Verdict> verdicts, Map<String, Double> gaps,
                                                                         Function<String, Bars> bars, ToDoubleFunction<String> mostSlack) {
        Map<String, RepostVerifier.Verdict> kept = new LinkedHashMap<>(verdicts);
        kept.entrySet().removeIf(e -> otherShade(e.getKey(), e.getValue(), verdicts, gaps, bars, mostSlack.applyAsDouble(e.getKey())));
        return kept;
    }

    /**
     * The rule of {@link #otherTint} and {@link #otherPaper}, on either gap: a hit its {@link Bars#other} or more from the
     * copy while another hit within its {@link Bars#own} agrees in its edges as well or at most its {@link Bars#slackAt} less.
     */
    private static boolean otherShade(String sha, RepostVerifier.Verdict v, Map<String, RepostVerifier.Verdict> all, Map<String, Double> gaps,
                                      Function<String, Bars> bars, double mostSlack) {
        Double gap = gaps.get(sha);
        return gap != null && gap >= bars.apply(sha).other() && all.entrySet().stream().anyMatch(e -> !e.getKey().equals(sha)
                && ownShade(gaps.getOrDefault(e.getKey(), Double.MAX_VALUE), e.getValue().similarity(), v.similarity(), bars.apply(e.getKey()), mostSlack));
    }

    /**
     * Whether a hit {@code gap} from the copy's shade, agreeing at {@code similarity}, vouches for itself against one at
     * {@code other}, its slack at most {@code mostSlack}.
     */
    private static boolean ownShade(double gap, double similarity, double other, Bars bars, double mostSlack) {
        return gap <= bars.own() && similarity >= other - Math.min(bars.slackAt(gap), mostSlack);
    }

    /** How far the mean grey levels (ITU-R 601 luma) of two colour grids lie apart. */
    static double paperGap(byte[] copy, byte[] candidate) {
        return Math.abs(meanLuma(copy) - meanLuma(candidate));
    }

    private static double meanLuma(byte[] rgb) {
        double sum = 0;
        for (int i = 0; i < rgb.length; i += 3) {
            sum += luma(rgb, i);
        }
        return sum / (rgb.length / 3.0);
    }

    /** The ITU-R 601 luma of the RGB cell at {@code i}. */
    private static double luma(byte[] rgb, int i) {
        return 0.299 * (rgb[i] & 0xFF) + 0.587 * (rgb[i + 1] & 0xFF) + 0.114 * (rgb[i + 2] & 0xFF);
    }

    /** Whether a copy's colours can tell its source from a recolour variant: it has colour to compare. */
    static boolean testifies(byte[] copy) {
        return RepostVerifier.chroma(copy) >= RepostVerifier.COLOURFUL;
    }

    /**
     * How far two {@value RepostSignature#GRID}x{@value RepostSignature#GRID} colour grids lie apart as wholes, whatever
     * the pose: the difference of their colourfulness ({@link RepostVerifier#chroma}) plus the distance of their mean
     * (R - G, B - G).
     */
    static double colourGap(byte[] copy, byte[] candidate) {
        double[] a = RepostVerifier.meanOpponent(copy), b = RepostVerifier.meanOpponent(candidate);
        return Math.abs(RepostVerifier.chroma(copy) - RepostVerifier.chroma(candidate)) + Math.hypot(a[0] - b[0], a[1] - b[1]);
    }
}
