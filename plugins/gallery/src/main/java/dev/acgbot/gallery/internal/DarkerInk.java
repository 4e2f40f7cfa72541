package dev.acgbot.gallery.internal;

import dev.acgbot.models.image.DecodedImage;

import java.util.Arrays;

/**
 * Whether a copy's ink is far darker than a candidate's where a pose lays one on the other: then the candidate is another
 * drawing of that shape, not the copy's source. Correlation and edges ignore how dark a drawing is, so a small blob matches
 * any blob: a tenth crop of the map symbol {@code hosta_0_symbol_1m_bwh} (a dark teal blob, 14x12 pixels of 128x128),
 * halved and saved as JPEG, matched the light grey bullet holes of {@code bullet_hole_linda_kim} (a hole of 80 pixels on
 * an A4 page) as cropped and turned at 0.98-0.99, and its own source not always (round 41's seed 8086: two of the seven
 * false duplicates of line art's crop+resize+JPEG row; docs/benchmarks.md, "Darker ink, round 55"). Measured on that copy
 * drawn 40 ways (throwaway probe, the candidates signed at full size): its ink against its source's, 1.0-1.6 times the
 * mass and 1.05-1.11 times the darkest; against the bullet holes and the shaded map of Tasmania, 2.1-3.5 and 2.1-2.7. As
 * the gallery stores a page (reduced first, its hole sharper) a hole's mass came to 1.74 of the copy's at a crop seed's
 * pose, its darkest 2.4: hence the lower bar for the mass.
 * <p>
 * No edit of the list darkens ink that much against its paper: a contrast of +30 % deepens dark ink by a tenth (and lightens
 * pale ink); a brightening lightens; blur, resize and re-encoding keep the ink's mass and lighten its darkest; a crop shows
 * a thin line darker on the copy's thumbnail than on the candidate's, by the crop's scale, but keeps its mass. A watermark
 * adds ink: the copy's must be heavier ({@value #HEAVIER} times the mass) and darker ({@value #DARKER} times the darkest)
 * both. Measured on the thumbnails ({@value RepostSignature#THUMB}x{@value RepostSignature#THUMB}) over the cells the pose
 * puts inside the candidate, each against its own paper (the lightest tenth of those cells), and only where both papers
 * are light: ink on paper.
 */
final class DarkerInk {
    /** How many times the candidate's ink at its darkest the copy's must be for the candidate to be another... */
    static final double DARKER = 1.8;
    /** ... and how many times its mass. */
    static final double HEAVIER = 1.6;
    /** The paper's level (grey) from which a picture is ink on paper: a darker "paper" is a picture's own colour. */
    static final int PAPER = 224;
    /** The share of the cells, the lightest, whose darkest is the paper. */
    private static final double PAPER_SHARE = 0.1;
    /** How much ink (summed levels below paper) the candidate must have for a ratio to mean anything. */
    private static final double MIN_MASS = 64;

    private DarkerInk() {
    }

    /**
     * Whether the copy {@code q} ({@code flat}, its picture on white, untrimmed) is a small drawing on its page
     * ({@link Margins#smallDrawing}) and {@link #darker} than {@code candidate} at {@code pose}. A drawing that fills its
     * picture is not weighed so: its detail is finer than the thumbnails, which are sampled (bilinear), not averaged, so
     * their ink depends on where the samples fall; a dot pattern's stored thumbnail held a quarter of the ink of its copy
     * turned by 3° (the darkest 20 levels below paper against 62-81: seed 91, the source lost), and three more patterns
     * and a chess board lost their sources so (seeds 27182, 6666, 7919). Where a small drawing lies, correlation sees a
     * blob and nothing else; the blob's ink is what is left to weigh.
     */
    static boolean anotherDrawing(RepostVerifier.Query q, DecodedImage flat, RepostSignature candidate, RepostVerifier.Pose pose) {
        return darker(q, candidate, pose) && Margins.smallDrawing(flat).isPresent();
    }

    /**
     * Whether the copy {@code q}'s ink is {@link #HEAVIER} and {@link #DARKER} than {@code candidate}'s where {@code pose}
     * (in the copy's trimmed picture, as {@code q} holds it) lays them on each other.
     */
    static boolean darker(RepostVerifier.Query q, RepostSignature candidate, RepostVerifier.Pose pose) {
        int side = RepostSignature.THUMB;
        boolean[] inside = new boolean[side * side];
        float[] sampled = RepostVerifier.sample(RepostVerifier.thumb(candidate), side, side, candidate.aspect(), pose, inside);
        byte[] own = q.signature.thumb();
        int n = 0;
        float[] copy = new float[side * side], cand = new float[side * side];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                if (inside[y * side + x]) {
                    copy[n] = own[y * side + (pose.mirror() ? side - 1 - x : x)] & 0xFF;
                    cand[n++] = sampled[y * side + x];
                }
            }
        }
        if (n < side) {
            return false;
        }
        Ink c = Ink.of(Arrays.copyOf(copy, n)), s = Ink.of(Arrays.copyOf(cand, n));
        return c.paper() >= PAPER && s.paper() >= PAPER && s.mass() >= MIN_MASS
                && c.mass() >= HEAVIER * s.mass() && c.darkest() >= DARKER * s.darkest();
    }

    /** Ink against paper: the paper's level, the summed levels of the cells below it, and how far below it the darkest lies. */
    record Ink(double paper, double mass, double darkest) {
        static Ink of(float[] cells) {
            float[] sorted = cells.clone();
            Arrays.sort(sorted);
            float paper = sorted[(int) ((1 - PAPER_SHARE) * sorted.length)];
            double mass = 0;
            for (float v : cells) {
                mass += Math.max(0, paper - v);
            }
            return new Ink(paper, mass, paper - sorted[0]);
        }
    }
}
