package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.RepostEdit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The verdicts of a copy that is one band of grey crossing it edge to edge, without those that name it cropped. Cut from
 * anything, such a copy says only "a grey bar": along the band every row (or column) is one grey, so a window of any
 * length fits it, and across it the one band's thickness sets the window's height and nothing else. A quarter crop of the
 * flat theme's rounded pen bar {@code line_normal_begin} (60x60, the bar 57 by 6 pixels) cuts both round ends away and is
 * then a band 45 pixels long; it matched the square pen bars {@code pen_width2}, {@code pen_width3} and
 * {@code pen_style_solid} as crops at 0.99-1.00, bars drawn as thick that differ from it in one anti-aliased row, and its
 * own source not at all (round 41's seeds 5150 and 8086: five of the seven false duplicates of line art's crop 25 % row;
 * docs/benchmarks.md, "One grey band, round 54"). Such a copy is still listed where a verdict names no crop.
 * <p>
 * What it costs: a square bar's own copy is a band too, and the pose search, free along the band, may settle short of
 * its ends and name it cropped; such a copy is then not found ({@code pen_width4} mirrored, at 1.000 named cropped, beside
 * a thicker bar at 1.000; its trimmed shape lies 11 % off its stored one's, a row of anti-aliasing, so no test of shape
 * tells it from a look-alike).
 * <p>
 * In grey only (the copy's colour grid under {@link RepostVerifier#COLOURFUL}): a band in colour is a flag's or a sign's,
 * and its colours and the ones beside it are what {@link CropColours} weighs. Not a flat copy (one grey all over, the
 * verifier's flat rules: {@link RepostVerifier.Query#flat}). More than one band is not one: the bands' thicknesses and
 * gaps fix the window's scale, as a striped pattern's lines do.
 */
final class OneBandCopies {
    /** How far the cells of one row of the thumbnail may lie apart (grey levels) for the row to be one grey: JPEG's ringing. */
    static final int ROW_SPREAD = 8;
    /** How much darker than white paper the band must be at its darkest (grey levels): a paler band is faint, not a bar. */
    static final int INK = 48;

    private OneBandCopies() {
    }

    /** {@code verdicts} without those that name a crop, when the copy {@code q} is one grey band ({@link #oneBand}). */
    static Map<String, RepostVerifier.Verdict> withoutCrops(RepostVerifier.Query q, Map<String, RepostVerifier.Verdict> verdicts) {
        if (verdicts.isEmpty() || q.flat || RepostVerifier.chroma(q.signature.colour()) >= RepostVerifier.COLOURFUL
                || !oneBand(q.signature.thumb(), RepostSignature.THUMB)) {
            return verdicts;
        }
        Map<String, RepostVerifier.Verdict> kept = new LinkedHashMap<>();
        verdicts.forEach((sha, v) -> {
            if (!v.edits().contains(RepostEdit.CROPPED)) {
                kept.put(sha, v);
            }
        });
        return kept;
    }

    /**
     * Whether the {@code side}-square grey picture {@code grey} is one band: its rows each of one grey (or its columns), and
     * the ones darker than halfway from its darkest to white lying together.
     */
    static boolean oneBand(byte[] grey, int side) {
        return oneBand(grey, side, side, 1) || oneBand(grey, side, 1, side);
    }

    /** {@link #oneBand} along lines that start {@code lineStep} cells apart and run {@code cellStep} cells a step. */
    private static boolean oneBand(byte[] grey, int side, int lineStep, int cellStep) {
        double[] profile = new double[side];
        double darkest = 255;
        for (int line = 0; line < side; line++) {
            int min = 255, max = 0, sum = 0;
            for (int i = 0; i < side; i++) {
                int v = grey[line * lineStep + i * cellStep] & 0xFF;
                min = Math.min(min, v);
                max = Math.max(max, v);
                sum += v;
            }
            if (max - min > ROW_SPREAD) {
                return false;
            }
            profile[line] = (double) sum / side;
            darkest = Math.min(darkest, profile[line]);
        }
        if (255 - darkest < INK) {
            return false;
        }
        double halfway = (darkest + 255) / 2;
        int runs = 0;
        boolean inBand = false;
        for (double p : profile) {
            boolean ink = p < halfway;
            if (ink && !inBand) {
                runs++;
            }
            inBand = ink;
        }
        return runs == 1;
    }
}
