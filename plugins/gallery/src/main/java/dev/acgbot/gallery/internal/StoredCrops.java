package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.RepostEdit;
import dev.acgbot.models.image.DecodedImage;
import dev.acgbot.models.preprocess.ImageOps;
import dev.acgbot.models.preprocess.PreprocessSpec;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Stored pictures cut from the posted one: the other direction of a lookup (docs/benchmarks.md, "Stored crops, round
 * 15"). The gallery finds a posted crop inside a stored picture by the stored picture's crop windows; a stored crop inside
 * the posted picture had no such key, and a looked-up picture listed its stored quarter crops for 13-19 % of sources
 * (`bench stored-reposts`). When the posted picture is itself in the gallery ({@link DefaultGallery}: a hit verified
 * unedited, its whole hashes within a few bits), that entry's crop windows, hashed at index time, are the posted
 * picture's: the stored pictures whose pHash lies near one of them are suspects, and each is verified with the roles
 * swapped, as a copy cut from the posted picture: its stored 64-pixel picture posed in the posted one, from where its
 * window lies, by the same pose search and edge step as any posted crop, and its colours compared with the posted
 * picture's there. A lookup whose picture is not in the gallery does none of this.
 */
final class StoredCrops {
    /** A stored crop's pHash lies within this of one of the posted picture's windows (the crop windows' radius). */
    static final int RADIUS = HashRows.Probe.CROP_RADIUS;
    /**
     * A stored picture's pHash lies within this of one of the posted picture's {@link TenthWindows}. A tenth crop at a
     * random place lies up to 2.8 % of the picture from the nearest window, and its pHash moves a few bits: of the 14
     * stored tenth crops these windows found on the evaluation's sample (`bench stored-reposts`), 12 lay within 8 bits and
     * 2 at 10-12, while at 14 bits the windows also brought 499 suspects the verifier refused, 3.4 pose searches a lookup
     * (at 8 bits, 92).
     */
    static final int TENTH_RADIUS = 8;

    /**
     * At most this many suspects are verified by each kind of window, the stored crop windows and the tenth windows: each
     * is a pose search and an edge comparison. (The nearest four by both at once: tenth crops listed for 3-7 % more
     * sources, and quarter crops for 1-4 % fewer, `bench stored-reposts`.)
     */
    static final int MOST = 4;
    /**
     * What a stored crop was edited by, seen from the posted picture: cut, nothing else. A stored picture the verifier
     * calls the posted one untouched is left to the lookup's own verdicts: seen this way, at the stored picture's 64
     * pixels, sibling icons (a grid with another rule, a moon in another phase) passed as untouched.
     */
    private static final Set<RepostEdit> CUT = Set.of(RepostEdit.CROPPED);

    /**
     * A stored picture that may be cut from the posted one: {@code window} the posted picture's crop window its pHash lies
     * {@code evidence} bits from, its whole hashes' distances to the posted picture's.
     */
    record Suspect(String sha, int evidence, int window, int pHashDistance, int dHashDistance) {
    }

    /** A stored picture verified as cut from the posted one. */
    record Found(Suspect suspect, RepostVerifier.Verdict verdict) {
    }

    private StoredCrops() {
    }

    /**
     * The {@value #MOST} stored pictures whose pHash lies nearest one of the posted picture's crop windows ({@code windows},
     * those of the stored entry that is the posted picture), then the {@value #MOST} nearest one of its {@link TenthWindows}
     * ({@code tenths}), within {@value #RADIUS} and {@value #TENTH_RADIUS}, leaving out those {@code listed} already; their
     * whole hashes' distances to the posted picture's ({@code pHash}, {@code dHash}). A suspect's window counts on through
     * both kinds: {@link CropWindows#COUNT} is the first tenth window. (Trying the lookup's own refused candidates first,
     * from the crop windows in round 15 and from the tenth windows in round 16, listed few or no more crops.)
     */
    static List<Suspect> suspects(HashRows.Snapshot hashes, long[] windows, long[] tenths, long pHash, long dHash, Predicate<String> listed) {
        List<Suspect> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (HashRows.InWindow row : hashes.inWindows(windows, RADIUS, MOST, listed)) {
            seen.add(row.sha());
            out.add(suspect(row, row.window(), pHash, dHash));
        }
        for (HashRows.InWindow row : hashes.inWindows(tenths, TENTH_RADIUS, MOST, listed.or(seen::contains))) {
            out.add(suspect(row, CropWindows.COUNT + row.window(), pHash, dHash));
        }
        return out;
    }

    private static Suspect suspect(HashRows.InWindow row, int window, long pHash, long dHash) {
        return new Suspect(row.sha(), row.distance(), window, Long.bitCount(row.pHash() ^ pHash), Long.bitCount(row.dHash() ^ dHash));
    }

    /**
     * The suspects verified as cut from {@code copy}, the posted picture ({@code flat} without alpha), in their order; each verification a piece of
     * {@code work} (the signatures read first, on the calling thread).
     */
    static List<Found> verified(RepostVerifier.Query copy, DecodedImage flat, List<Suspect> suspects,
                                Function<String, Optional<RepostSignature>> signatures, SharedWork work) {
        List<Map.Entry<Suspect, RepostSignature>> signed = new ArrayList<>();
        for (Suspect s : suspects) {
            signatures.apply(s.sha()).ifPresent(stored -> signed.add(Map.entry(s, stored)));
        }
        List<Optional<RepostVerifier.Verdict>> verdicts = work.map(signed, e -> cutFrom(copy, flat, e.getValue(), e.getKey()));
        List<Found> found = new ArrayList<>();
        for (int i = 0; i < signed.size(); i++) {
            int at = i;
            verdicts.get(i).ifPresent(v -> found.add(new Found(signed.get(at).getKey(), v)));
        }
        return found;
    }

    /**
     * The verdict on {@code stored} as a copy cut from {@code copy} ({@code flat}: the posted picture without alpha), posed
     * from the suspect's window; none if it is not.
     */
    static Optional<RepostVerifier.Verdict> cutFrom(RepostVerifier.Query copy, DecodedImage flat, RepostSignature stored, Suspect s) {
        DecodedImage picture = picture(stored);
        RepostVerifier.Query asCopy = new RepostVerifier.Query(picture, new Margins.Box(0, 0, picture.width(), picture.height()));
        return RepostVerifier.pose(asCopy, copy.signature, s.evidence(), s.evidence(), seeds(copy.signature, s.window()))
                .flatMap(f -> RepostVerifier.judge(asCopy, copy.signature, f))
                .filter(v -> v.edits().equals(CUT) && sameColours(stored.colour(), coloursAt(flat, copy.signature.box(), v.pose()))
                        && (s.window() < CropWindows.COUNT || TenthWindows.posedAsOne(v.pose())));
    }

    /**
     * The verdicts with the lookup's own hits on stored parts of the posted picture named cut, as {@link #cutFrom} names
     * those it finds: when the posted picture is itself in the gallery ({@code posted}), another hit the verifier called
     * bordered and not cropped shows less than the posted picture, since the posted picture has more around it than the
     * stored one. Named so, the same stored tenth crop was "border" when the lookup's candidates found it and "cropped"
     * when the crop windows did, and `/similar` showed a member's original beside its cropped repost as an "edited copy
     * (border)". Only the name changes: which hits are listed, and their order, do not.
     */
    static Map<String, RepostVerifier.Verdict> namedAsCut(Map<String, RepostVerifier.Verdict> verdicts, Optional<String> posted) {
        if (posted.isEmpty()) {
            return verdicts;
        }
        Map<String, RepostVerifier.Verdict> out = new LinkedHashMap<>();
        verdicts.forEach((sha, v) -> {
            boolean part = !sha.equals(posted.get()) && v.edits().contains(RepostEdit.BORDER) && !v.edits().contains(RepostEdit.CROPPED);
            if (part) {
                EnumSet<RepostEdit> edits = EnumSet.copyOf(v.edits());
                edits.remove(RepostEdit.BORDER);
                edits.add(RepostEdit.CROPPED);
                v = new RepostVerifier.Verdict(v.similarity(), v.pose(), Set.copyOf(edits));
            }
            out.put(sha, v);
        });
        return out;
    }

    /** Where a suspect lies in the posted picture ({@code posted}) if it is the window it was found by. */
    static List<RepostVerifier.Pose> seeds(RepostSignature posted, int window) {
        if (window < CropWindows.COUNT) {
            return RepostVerifier.cropSeeds(posted, window);
        }
        double[] b = TenthWindows.box(window - CropWindows.COUNT);
        return RepostVerifier.windowSeeds(posted, b[0], b[1], b[2], b[3]);
    }

    /**
     * The mean difference of two 4x4 colour grids, per channel and cell, at which a stored crop still has the colours of
     * the part of the posted picture it was posed on. The verifier weighs only the mean hue, and seen this way a flag of
     * three bands in one order (Rwanda: blue, yellow, green) took a flag of the same bands in another (Gabon) as its crop:
     * their edges agreed at 0.98 (evaluation, every edit of the Rwanda flag's copies).
     */
    static final double CELL_COLOURS = 2 * RepostVerifier.COLOURFUL;

    /**
     * The 4x4 colour grid of the part of the posted picture ({@code flat}, trimmed to {@code box}) at {@code pose}, as the
     * stored picture's own grid was taken: the posted picture's stored grid is too coarse to cut a window from.
     */
    static byte[] coloursAt(DecodedImage flat, float[] box, RepostVerifier.Pose pose) {
        return PosedColours.gridOver(flat, box, pose.cx() - pose.sw() / 2, pose.cy() - pose.sh() / 2, pose.cx() + pose.sw() / 2,
                pose.cy() + pose.sh() / 2);
    }

    static boolean sameColours(byte[] a, byte[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs((a[i] & 0xFF) - (b[i] & 0xFF));
        }
        return sum / a.length <= CELL_COLOURS;
    }

    /**
     * The stored picture's trimmed picture as the signature keeps it, at its own aspect, 64 pixels on its longer side: the
     * 64x64 grey picture coloured by the 4x4 colour grid (each cell's colour less its grey added to the grey). In grey
     * alone, a coloured flag's stored crop was "cropped and recoloured", which the verifier refuses as a window of another
     * picture squeezed to fit ({@link RepostVerifier#named}).
     */
    static DecodedImage picture(RepostSignature s) {
        int side = RepostSignature.DETAIL, grid = RepostSignature.GRID;
        byte[] grey = s.detail(), colour = s.colour();
        int[] argb = new int[grey.length];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                int g = grey[y * side + x] & 0xFF, cell = 3 * (y * grid / side * grid + x * grid / side);
                int r = colour[cell] & 0xFF, gr = colour[cell + 1] & 0xFF, b = colour[cell + 2] & 0xFF;
                int luma = (int) Math.round(0.299 * r + 0.587 * gr + 0.114 * b);
                argb[y * side + x] = 0xFF000000 | clamp(g + r - luma, 255) << 16 | clamp(g + gr - luma, 255) << 8
                        | clamp(g + b - luma, 255);
            }
        }
        DecodedImage square = new DecodedImage(side, side, argb, false);
        int w = s.aspect() >= 1 ? side : Math.max(1, Math.round(side * s.aspect()));
        int h = s.aspect() >= 1 ? Math.max(1, Math.round(side / s.aspect())) : side;
        return ImageOps.resize(square, w, h, PreprocessSpec.Interpolation.BILINEAR);
    }

    private static int clamp(int v, int most) {
        return Math.max(0, Math.min(most, v));
    }
}
