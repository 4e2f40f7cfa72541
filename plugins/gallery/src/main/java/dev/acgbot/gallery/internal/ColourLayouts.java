package dev.acgbot.gallery.internal;

import java.util.Map;
import java.util.function.Predicate;

/**
 * Candidates by colour layout, the last of {@link CrowdedCrops}' second round: a colourful copy none of whose hash
 * candidates passed has verified the {@value #SLOTS} stored pictures that no hash found whose
 * {@link RepostSignature#colour() 4x4 RGB grid} lies closest to its own ({@link ColourRows}). A flag turned by a few
 * degrees, framed and brightened, moved every hash beyond the candidate radius, the turned-back central windows' too: the
 * pHash and dHash of horizontal stripes are noise (their horizontal frequencies are near zero), and a turn gives the
 * stripes the gradients the hashes then sign. The verifier accepted such copies at 0.97-0.99 once they were candidates, and
 * their grids put the source first among the 6,899 pictures for 6 of 8 such misses of two samples, second for a seventh
 * (docs/benchmarks.md, "Colour layouts, round 25"). Only where the first round found nothing: taken among the first
 * round's candidates (two versions tried), three copies found before were lost and Denmark's flag was listed as a crop of
 * Savoie's on eight edits; in this round no false-duplicate cell of five samples changed.
 * <p>
 * For colourful copies only (grid chroma at least {@link RepostVerifier#COLOURFUL}): a drawing on white is as close to
 * thousands of others, and its closest grids are noise.
 */
final class ColourLayouts {
    /** Pictures verified by their colour layout in a lookup whose first round found nothing. */
    static final int SLOTS = 3;

    private ColourLayouts() {
    }

    /**
     * The {@value #SLOTS} stored pictures whose colour grid lies closest to the copy's but those {@code found} (by the
     * hashes), each with its hash distances to the copy's {@code probe}; none for a copy not {@link #looked} up so.
     */
    static Map<String, HashRows.Near> candidates(HashRows.Snapshot hashes, HashRows.Probe probe, RepostVerifier.Query q,
                                                 Predicate<String> found) {
        byte[] grid = q.signature.colour();
        return looked(grid) ? hashes.byColour(probe, grid, SLOTS, found) : Map.of();
    }

    /** Whether a copy of this grid (its signature's colour) is looked up by its colours too. */
    static boolean looked(byte[] grid) {
        return grid.length == ColourRows.CELLS && RepostVerifier.chroma(grid) >= RepostVerifier.COLOURFUL;
    }
}
