package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.RepostEdit;
import dev.acgbot.models.image.DecodedImage;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The framing edits of a brightened or contrasted copy, named as a reply names them. Margins are trimmed while a line is
 * within {@value Margins#TOLERANCE} levels of white ({@link Margins}); a copy brightened by a fifth turns every level from 176
 * up to white, so a pale rim (a light shadow, a pale edge of the drawing) joins the margin and the copy trims tighter
 * than its source did: its drawing takes a smaller share of its canvas, as if a border had been added, and its pose
 * covers only part of the source's trimmed picture, as if cropped. A plain brightened icon was named bordered, or cropped
 * and bordered (the evaluation's named column, brightness +20 %: not-stars 0.89-0.95). Here the candidate's
 * {@value RepostSignature#DETAIL}-pixel picture is taken to the copy's levels and trimmed as {@link Margins} would; a
 * border the copy's kept area shows no more than that trim explains, and a crop to where that trim lies, are not named.
 * Only naming, after look-alikes are weighed; the hits are ordered by these names since round 41 (docs/benchmarks.md,
 * "Brightened copies named, round 19", "Crops in their own colours, round 41").
 */
final class LevelledNames {
    /** How far the pose's window may lie from the trim at the copy's levels, a fraction of the candidate a side. */
    static final double NEAR_TRIM = 0.05;
    private static final int WHITE = 0xFFFFFFFF;

    private LevelledNames() {
    }

    /**
     * {@code verdicts}, each naming a border or a crop renamed without what the copy's levels explain; only for a copy on
     * white (its top-left corner, on white): a copy in a black border or between black bars trims through them, and there
     * the border is real (with any corner, two thin-line icons' black-bordered copies were named unbordered).
     *
     * @param small the copy as the lookup reduced it
     */
    static Map<String, RepostVerifier.Verdict> named(RepostVerifier.Query query, DecodedImage small, Map<String, RepostVerifier.Verdict> verdicts,
                                                     Function<String, Optional<RepostSignature>> signatures) {
        if (verdicts.values().stream().noneMatch(LevelledNames::framed) || !onWhite(small)) {
            return verdicts;
        }
        Map<String, RepostVerifier.Verdict> out = new LinkedHashMap<>();
        verdicts.forEach((sha, v) -> out.put(sha, framed(v) ? signatures.apply(sha).map(s -> renamed(query, s, v)).orElse(v) : v));
        return out;
    }

    /** Whether the top-left corner, laid on white as the lookup lays the copy, is within {@link Margins#TOLERANCE} levels of white. */
    private static boolean onWhite(DecodedImage small) {
        int corner = small.argb()[0];
        double alpha = small.hasAlpha() ? (corner >>> 24) / 255.0 : 1;
        for (int shift = 16; shift >= 0; shift -= 8) {
            if ((corner >> shift & 0xFF) * alpha + 255 * (1 - alpha) < 255 - Margins.TOLERANCE) {
                return false;
            }
        }
        return true;
    }

    private static boolean framed(RepostVerifier.Verdict v) {
        return v.edits().contains(RepostEdit.BORDER) || v.edits().contains(RepostEdit.CROPPED);
    }

    private static RepostVerifier.Verdict renamed(RepostVerifier.Query query, RepostSignature candidate, RepostVerifier.Verdict v) {
        return renamed(query, candidate, v, RepostVerifier.clampingLevels(query, candidate, v.pose()));
    }

    /** {@code v} renamed without the border and the crop that the candidate's trim at the copy's {@code levels} explains. */
    static RepostVerifier.Verdict renamed(RepostVerifier.Query query, RepostSignature candidate, RepostVerifier.Verdict v, Levels levels) {
        if (levels.none()) {
            return v;
        }
        Trim trim = Trim.of(levels.apply(candidate.detail()), RepostSignature.DETAIL);
        Set<RepostEdit> edits = EnumSet.noneOf(RepostEdit.class);
        edits.addAll(v.edits());
        RepostVerifier.Pose p = v.pose();
        boolean within = p.sw() < RepostVerifier.BEYOND && p.sh() < RepostVerifier.BEYOND;
        if (within && query.signature.keptArea() >= RepostVerifier.BORDER_KEPT * candidate.keptArea() * trim.area()) {
            edits.remove(RepostEdit.BORDER);
        }
        if (trim.near(p)) {
            edits.remove(RepostEdit.CROPPED);
        }
        return edits.size() == v.edits().size() ? v : v.withEdits(edits);
    }

    /** Where a picture trims, in fractions of its side: {x0, y0, x1, y1}. */
    record Trim(double x0, double y0, double x1, double y1) {
        /** How {@code grey} ({@code side} x {@code side}) trims on white, as {@link Margins#margins} trims. */
        static Trim of(byte[] grey, int side) {
            int[] px = new int[grey.length];
            for (int i = 0; i < grey.length; i++) {
                int v = grey[i] & 0xFF;
                px[i] = 0xFF000000 | v << 16 | v << 8 | v;
            }
            Margins.Box b = Margins.margins(px, side, side, WHITE);
            return new Trim((double) b.x0() / side, (double) b.y0() / side, (double) b.x1() / side, (double) b.y1() / side);
        }

        double area() {
            return (x1 - x0) * (y1 - y0);
        }

        /** Whether {@code p}'s window lies where this trim does, within {@link #NEAR_TRIM} a side. */
        boolean near(RepostVerifier.Pose p) {
            return Math.abs(p.cx() - p.sw() / 2 - x0) <= NEAR_TRIM && Math.abs(p.cx() + p.sw() / 2 - x1) <= NEAR_TRIM
                    && Math.abs(p.cy() - p.sh() / 2 - y0) <= NEAR_TRIM && Math.abs(p.cy() + p.sh() / 2 - y1) <= NEAR_TRIM;
        }
    }
}
